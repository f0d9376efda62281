/* Làng số portal: search across every village (langso.portal.search). No dependencies, no
 * third-party request, nothing fetched before the reader searches.
 *
 * Reads the sharded index written by langso.portal.search.write_search (format described in
 * its docstring, version 2): the manifest tim/m.json, the dictionaries tim/t/<2 letters>.json
 * of the query's words, the postings files tim/p/<word>.json of frequent words, and the record
 * chunks tim/d/<i>.json of the results shown, 10 at a time ("Xem thêm"); with no result and a
 * word that matches nothing, the word list tim/w.json for "Có phải bạn muốn tìm". The same
 * algorithms as langso.portal.search.run_query / suggest / first_query_plan (tests check them,
 * in Chromium).
 *
 * The query is kept in the address (?q=, history.replaceState) and run again on load, so Back
 * from a result shows it again; offline, words already searched are answered by the portal's
 * service worker (portal-sw.js keeps the files read), a new word says the phone is offline.
 *
 * The fold below is a copy of the villages' search.js, character for character (a test checks
 * the two copies are the same text): the same rule as langso.text.fold.
 */
(function () {
  "use strict";

  // White space exactly as Python's str.isspace(), so that both sides collapse the same runs.
  var SPACE = "\\t\\n\\v\\f\\r\\x1c-\\x20\\x85\\xa0\\u1680\\u2000-\\u200a" +
    "\\u2028\\u2029\\u202f\\u205f\\u3000";
  var SPACES = new RegExp("[" + SPACE + "]+", "g");
  var IS_SPACE = new RegExp("^[" + SPACE + "]$");
  // Combining marks with a non-zero combining class, as Python's unicodedata.combining(): the
  // Combining Diacritical Marks blocks, which hold every Vietnamese tone and vowel mark, less
  // the grapheme joiner (U+034F) and the enclosing marks of class 0.
  var MARKS = new RegExp("[\\u0300-\\u034e\\u0350-\\u036f\\u1ab0-\\u1abd\\u1abf-\\u1aff" +
    "\\u1dc0-\\u1dff\\u20d0-\\u20dc\\u20e1\\u20e5-\\u20ff\\ufe20-\\ufe2f]", "g");
  var WORD = /[\p{L}\p{N}]/u;

  function strip(text) {
    return text.replace(/đ/g, "d").replace(/Đ/g, "D").normalize("NFKD").replace(MARKS, "");
  }

  /** The folded form of `text`: what langso.text.fold returns for it. */
  function fold(text) {
    return strip(String(text).normalize("NFC")).toLowerCase().replace(SPACES, " ")
      .replace(/^ | $/g, "");
  }

  var VERSION = 2, PAGE = 10, MAX_WORD = 32, MAX_EXPAND = 6, EXPAND_BYTES = 40000;
  var TERM = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdef";
  var CONT = "ghijklmnopqrstuvwxyz0123456789-_";

  /** The words of `text` as matched: [a-z0-9]+ runs of its fold, cut to MAX_WORD. */
  function words(text) {
    return (fold(text).match(/[a-z0-9]+/g) || []).map(function (w) {
      return w.slice(0, MAX_WORD);
    });
  }

  /** The query's words and, for each word typed with accents, its form (lower case, NFC). */
  function queryWords(query) {
    var out = { words: [], forms: [] };
    (String(query).normalize("NFC").match(/[\p{L}\p{N}]+/gu) || []).forEach(function (run) {
      var found = words(run), form = found.length === 1 ? run.toLowerCase() : null;
      found.forEach(function (w) {
        out.words.push(w);
        out.forms.push(form && form !== w ? form : null);
      });
    });
    return out;
  }

  /** The doc ids of an encoded postings list: "" none, "!" + base64url bitmap, else gaps. */
  function decodeList(text) {
    var ids = [];
    if (text.charAt(0) === "!") {
      var b64 = text.slice(1).replace(/-/g, "+").replace(/_/g, "/");
      var bytes = atob(b64 + "===".slice((b64.length + 3) % 4));
      for (var i = 0; i < bytes.length; i++) {
        var byte = bytes.charCodeAt(i);
        for (var b = 0; b < 8; b++) if (byte >> b & 1) ids.push(i * 8 + b);
      }
      return ids;
    }
    var value = 0, previous = -1;
    for (var k = 0; k < text.length; k++) {
      var ch = text.charAt(k), t = TERM.indexOf(ch);
      value = value * 32 + (t >= 0 ? t : CONT.indexOf(ch));
      if (t >= 0) {
        previous += value + 1;
        ids.push(previous);
        value = 0;
      }
    }
    return ids;
  }

  /** An index at `base` (the URL of tim/): each file fetched once. A file that could not be
   * fetched at all (no network, nothing saved) fails with an error whose `offline` is true. */
  function Index(base) {
    var cache = {};
    function get(name) {
      if (!cache[name]) {
        cache[name] = fetch(new URL(name, base).href, { credentials: "same-origin" })
          .then(function (r) {
            if (!r.ok) throw new Error(r.status);
            return r.json();
          }, function (error) {
            var lost = new Error("offline: " + error);
            lost.offline = true;
            throw lost;
          });
        cache[name].catch(function () { delete cache[name]; });
      }
      return cache[name];
    }
    return { get: get };
  }

  /** The terms a query word stands for: itself; the last word (2+ letters) also its commonest
   * completions while their postings files stay within EXPAND_BYTES. */
  function termsOf(shard, word, last) {
    if (!last || word.length < 2) return shard.hasOwnProperty(word) ? [word] : [];
    var starting = Object.keys(shard).filter(function (w) {
      return w !== word && w.lastIndexOf(word, 0) === 0;
    }).sort(function (a, b) {
      return shard[b][0] - shard[a][0] || (a < b ? -1 : a > b ? 1 : 0);
    });
    var all = (shard.hasOwnProperty(word) ? [word] : []).concat(starting);
    var terms = [], spent = 0;
    for (var i = 0; i < all.length; i++) {
      var p = shard[all[i]][2], size = typeof p === "number" ? p : 0;
      if (terms.length && (terms.length === MAX_EXPAND || spent + size > EXPAND_BYTES)) break;
      terms.push(all[i]);
      spent += size;
    }
    return terms;
  }

  /** The words a query looks up (langso.portal.search._prepared): null without a word of 2+
   * characters; a last word of one character is left out (being typed: wait for the next). */
  function prepared(query) {
    var q = queryWords(query);
    if (!q.words.some(function (w) { return w.length >= 2; })) return null;
    if (q.words[q.words.length - 1].length === 1) {
      q = { words: q.words.slice(0, -1), forms: q.forms.slice(0, -1) };
    }
    return q;
  }

  /** A promise of the dictionaries of the words of `q`, one per word ({} for a key no word has). */
  function shardsOf(index, q) {
    return index.get("m.json").then(function (manifest) {
      if (manifest.v !== VERSION) throw new Error("version " + manifest.v);
      var keys = {};
      manifest.k.forEach(function (k) { keys[k] = true; });
      return Promise.all(q.words.map(function (word) {
        var key = word.slice(0, 2);
        return keys[key] ? index.get("t/" + key + ".json") : Promise.resolve({});
      }));
    });
  }

  /** Rank the doc ids matching `query` (langso.portal.search.run_query): a promise of ids. */
  function find(index, query) {
    var q = prepared(query);
    if (!q) return Promise.resolve([]);
    var last = q.words.length - 1;
    return shardsOf(index, q).then(function (shards) {
      return Promise.all(q.words.map(function (word, at) {
        var shard = shards[at];
        return Promise.all(termsOf(shard, word, at === last).map(function (term) {
          var entry = shard[term];
          var postings = typeof entry[2] === "number" ? index.get("p/" + term + ".json") :
            Promise.resolve(entry[2]);
          return postings.then(function (p) { return { forms: entry[1], postings: p }; });
        }));
      }));
    }).then(function (perWord) { return rank(q, perWord); });
  }

  /** Edit distance (langso.portal.search.distance): insert, delete, substitute, or swap two
   * neighbouring letters, each 1. */
  function distance(a, b) {
    var before = [], row = [], earlier, i, j;
    for (j = 0; j <= b.length; j++) row.push(j);
    for (i = 1; i <= a.length; i++) {
      earlier = before;
      before = row;
      row = [i];
      for (j = 1; j <= b.length; j++) {
        var cost = a.charAt(i - 1) === b.charAt(j - 1) ? 0 : 1;
        row[j] = Math.min(before[j] + 1, row[j - 1] + 1, before[j - 1] + cost);
        if (i > 1 && j > 1 && a.charAt(i - 1) === b.charAt(j - 2) &&
            a.charAt(i - 2) === b.charAt(j - 1)) {
          row[j] = Math.min(row[j], earlier[j - 2] + 1);
        }
      }
    }
    return row[b.length];
  }

  /** The first of `known` (commonest first) closest to `word`: at most 1 away for 3 letters or
   * fewer, else 2; null when none is that close (langso.portal.search.closest). */
  function closest(word, known) {
    var best = null, most = word.length <= 3 ? 1 : 2;
    for (var i = 0; i < known.length; i++) {
      var candidate = known[i];
      if (Math.abs(candidate.length - word.length) > most || candidate === word) continue;
      var found = distance(word, candidate);
      if (found <= most) {
        best = candidate;
        most = found - 1;
        if (most < 1) break;
      }
    }
    return best;
  }

  /** "Có phải bạn muốn tìm" (langso.portal.search.suggest): a promise of the query with each
   * word that matches nothing replaced by its closest known word, or null. */
  function suggest(index, query) {
    var q = prepared(query);
    if (!q) return Promise.resolve(null);
    var last = q.words.length - 1;
    return shardsOf(index, q).then(function (shards) {
      var unknown = [];
      q.words.forEach(function (word, at) {
        if (!termsOf(shards[at], word, at === last).length) unknown.push(at);
      });
      if (!unknown.length || unknown.some(function (at) { return q.words[at].length < 2; })) {
        return null;
      }
      return index.get("w.json").then(function (listing) {
        var known = listing ? String(listing).split(" ") : [];
        var said = q.words.map(function (word, at) { return q.forms[at] || word; });
        for (var i = 0; i < unknown.length; i++) {
          var found = closest(q.words[unknown[i]], known);
          if (found === null) return null;
          said[unknown[i]] = found;
        }
        return said.join(" ");
      });
    });
  }

  /** Every word matches somewhere (postings: [place, rest, form0, …]), one at least in the
   * title or the text (rest, forms); a village's home has its names in rest. */
  function rank(q, perWord) {
    var count = {}, marks = [], strong = {};
    perWord.forEach(function (terms, at) {
      var docs = {}, title = {};
      function hit(d) {
        docs[d] = true;
        strong[d] = true;
      }
      terms.forEach(function (t) {
        decodeList(t.postings[0]).forEach(function (d) { docs[d] = true; });
        decodeList(t.postings[1]).forEach(hit);
        t.forms.forEach(function (form, i) {
          var exact = q.forms[at] !== null && form === q.forms[at] ? 2 : 1;
          decodeList(t.postings[i + 2]).forEach(function (d) {
            hit(d);
            if (!(title[d] >= exact)) title[d] = exact;
          });
        });
      });
      Object.keys(docs).forEach(function (d) { count[d] = (count[d] || 0) + 1; });
      marks.push(title);
    });
    var keyed = [];
    Object.keys(count).forEach(function (d) {
      if (count[d] !== perWord.length || !strong[d]) return;
      var all = 0, exact = 0, inTitle = 0;
      marks.forEach(function (title) {
        var m = title[d] || 0;
        if (m) inTitle++;
        if (m === 2) exact++;
      });
      all = inTitle === marks.length ? 0 : 1;
      keyed.push([all, -exact, -inTitle, +d]);
    });
    keyed.sort(function (a, b) { return a[0] - b[0] || a[1] - b[1] || a[2] - b[2] || a[3] - b[3]; });
    return keyed.map(function (k) { return k[3]; });
  }

  /** The records of `ids`: [{title, url, village, commune, kind, sample}], fetching their
   * chunks (sample: the record's fifth item is 1, a village's sample data). */
  function records(index, ids) {
    return index.get("m.json").then(function (manifest) {
      return Promise.all(ids.map(function (id) {
        return index.get("d/" + Math.floor(id / manifest.c) + ".json").then(function (chunk) {
          var r = chunk.d[id % manifest.c], place = chunk.l[r[2]];
          return { title: r[0], url: r[1], village: place[0], commune: place[1], kind: r[3],
            sample: r[4] === 1 };
        });
      }));
    });
  }

  var api = { fold: fold, words: words, queryWords: queryWords, decodeList: decodeList,
    find: find, records: records, Index: Index, distance: distance, closest: closest,
    suggest: suggest };
  if (typeof module === "object" && module.exports) module.exports = api;
  if (typeof document === "undefined") return;
  window.langsoPortalSearch = api;

  /* ---- The page ---------------------------------------------------------------------- */

  var form = document.querySelector("form.langso-portal-search");
  var box = document.querySelector(".langso-portal-results");
  if (!form || !box) return;
  var input = form.querySelector("input[type=search]");
  var base = new URL(form.getAttribute("data-index") || "tim/", location.href);
  var root = new URL("../", base);
  var index = Index(base);
  var timer = 0, asked = "", found = [], shown = 0;
  var calm = window.matchMedia && matchMedia("(prefers-reduced-motion: reduce)");

  function el(tag, cls, parent) {
    var node = document.createElement(tag);
    if (cls) node.className = cls;
    if (parent) parent.appendChild(node);
    return node;
  }

  // The count is the one live line; the list itself is not read out on every change.
  box.setAttribute("aria-live", "off");
  var count = el("p", "langso-portal-results__count", box);
  count.setAttribute("role", "status");
  count.setAttribute("aria-live", "polite");
  var hint = el("p", "langso-portal-results__hint", box);
  hint.setAttribute("aria-live", "polite");
  hint.hidden = true;
  var list = el("ol", "langso-portal-results__list", box);
  var more = el("button", "langso-portal-results__more", box);
  more.type = "button";
  more.hidden = true;

  function said(query) {
    return "“" + query.trim().replace(SPACES, " ") + "”";
  }

  /** Safe address of a result: absolute http(s), or relative to the portal's root. */
  function address(url) {
    try {
      var href = new URL(url, root);
      return href.protocol === "http:" || href.protocol === "https:" ? href.href : null;
    } catch (e) {
      return null;
    }
  }

  /** The address of this page with `query` as ?q= (none when empty), its other parts kept. */
  function withQuery(page, query) {
    var url = new URL(page);
    if (query.trim()) url.searchParams.set("q", query); else url.searchParams.delete("q");
    return url;
  }

  /** Keep the query in the address, so Back (or a reload) finds it again. */
  function remember(query) {
    var url = withQuery(location.href, query);
    if (url.href !== location.href) {
      try {
        history.replaceState(history.state, "", url.href);
      } catch (e) { /* too many changes at once (Safari): the next one keeps it */ }
    }
  }

  /** After "Tìm": bring the count line up when it starts low on the screen (large text). */
  function reveal() {
    var top = count.getBoundingClientRect().top;
    if (top >= 0 && top <= window.innerHeight / 2) return;
    count.scrollIntoView({ block: "start", behavior: calm && calm.matches ? "auto" : "smooth" });
  }

  function show(recs) {
    var first = null;
    recs.forEach(function (r) {
      var item = el("li", "langso-portal-results__item langso-portal-results__item--" + r.kind,
        list);
      var href = address(r.url);
      // Sample data: the portal pages' badge after the title, the two side by side.
      var head = r.sample ? el("span", "p-item__head", item) : item;
      var link = el(href ? "a" : "span", "langso-portal-results__link", head);
      if (href) link.href = href;
      link.textContent = r.title;
      if (r.sample) el("span", "p-sample", head).textContent = "Dữ liệu mẫu";
      if (r.village || r.commune) {
        el("p", "langso-portal-results__where", item).textContent =
          [r.village, r.commune].filter(Boolean).join(" · ");
      }
      first = first || link;
    });
    return first;
  }

  function showMore(focus) {
    var query = asked, from = shown, ids = found.slice(shown, shown + PAGE);
    more.disabled = true;
    return records(index, ids).then(function (recs) {
      if (query !== asked || from !== shown) return;
      var first = show(recs);
      shown += ids.length;
      more.disabled = false;
      more.hidden = shown >= found.length;
      more.textContent = "Xem thêm " + Math.min(PAGE, found.length - shown) + " kết quả";
      if (focus && first) first.focus();
    });
  }

  /** "Có phải bạn muốn tìm: <a>…</a>?" — the link runs the suggested query. */
  function offer(better) {
    hint.textContent = "";
    hint.hidden = !better;
    if (!better) return;
    hint.appendChild(document.createTextNode("Có phải bạn muốn tìm: "));
    var link = el("a", "langso-portal-results__better", hint);
    link.href = withQuery(new URL(form.action, location.href), better).href;
    link.textContent = better;
    hint.appendChild(document.createTextNode("?"));
  }

  function failed(error) {
    // Opened from disk: fetch cannot read files there; say how to open it (not "offline").
    count.textContent = location.protocol === "file:" ?
      "Tìm kiếm cần mở cổng qua một máy chủ web (xem docs/cong-tinh.md, mục xem thử)." :
      navigator.onLine === false || (error && error.offline) ?
      "Đang mất mạng: tìm từ mới cần có mạng. Các trang đã mở vẫn đọc được." :
      "Không tải được dữ liệu tìm kiếm. Mời thử lại sau.";
  }

  function run(scroll) {
    var query = input.value;
    remember(query);
    if (query === asked) {
      if (scroll) reveal();
      return;
    }
    asked = query;
    found = [];
    shown = 0;
    list.textContent = "";
    offer(null);
    more.hidden = true;
    var q = queryWords(query);
    if (!q.words.length) {
      count.textContent = "";
      return;
    }
    if (!q.words.some(function (w) { return w.length >= 2; })) {
      count.textContent = "Gõ thêm chữ để tìm (ít nhất 2 chữ cái).";
      return;
    }
    count.textContent = "Đang tìm…";
    var better = null;
    find(index, query).then(function (ids) {
      if (query !== asked) return;
      found = ids;
      if (ids.length) return showMore(false);
      return suggest(index, query).then(function (s) { better = s; }, function () {});
    }).then(function () {
      // The count last, once the first results are there: the line a screen reader reads.
      if (query !== asked) return;
      count.textContent = found.length ?
        "Tìm thấy " + found.length + " kết quả cho " + said(query) :
        "Không tìm thấy kết quả nào cho " + said(query) + "." +
        (better ? "" : " Thử gõ ít chữ hơn, có dấu hay không dấu đều được.");
      offer(better);
      if (scroll) reveal();
    }).catch(function (error) {
      if (query !== asked) return;
      asked = "";
      failed(error);
      if (scroll) reveal();
    });
  }

  input.addEventListener("input", function () {
    clearTimeout(timer);
    timer = setTimeout(run, 150);
  });
  // On a phone at the largest text the results would start below the screen, under the
  // keyboard: when the reader starts typing, the search box moves to the top (at once, as the
  // browser itself does for a focused field).
  input.addEventListener("focus", function () {
    if (box.getBoundingClientRect().top > window.innerHeight * 0.6) {
      form.scrollIntoView({ block: "start" });
    }
  });
  form.addEventListener("submit", function (event) {
    event.preventDefault();
    clearTimeout(timer);
    run(true);
  });
  hint.addEventListener("click", function (event) {
    var link = event.target.closest && event.target.closest("a");
    if (!link) return;
    event.preventDefault();
    clearTimeout(timer);
    input.value = link.textContent;
    run(true);
  });
  more.addEventListener("click", function () {
    showMore(true).catch(failed);
  });
  // Arrow keys walk from the box through the results and back, as in the villages' search.
  function onKey(event) {
    if (event.key !== "ArrowDown" && event.key !== "ArrowUp") return;
    var links = Array.prototype.slice.call(list.querySelectorAll("a"));
    if (!links.length) return;
    var at = links.indexOf(document.activeElement);
    var next = event.key === "ArrowDown" ? Math.min(at + 1, links.length - 1) : at - 1;
    event.preventDefault();
    if (next < 0) input.focus(); else links[next].focus();
  }
  form.addEventListener("keydown", onKey);
  box.addEventListener("keydown", onKey);
  var start = new URLSearchParams(location.search).get("q");
  if (start) {
    input.value = start;
    run();
  }
})();
