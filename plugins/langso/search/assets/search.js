/* Làng số: accent-insensitive search (langso/search). No dependencies, no third-party request.
 *
 * The index (assets/langso/search-index.json) is fetched only when the reader starts searching:
 * focus or typing in the search box, or opening the search page. Matching happens on folded
 * text: the same rule as langso.text.fold (đ/Đ→d, NFKD, combining marks removed, lower case,
 * white space collapsed); results and highlights show the original Vietnamese text.
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

  /** Fold `text` (NFC) and remember, for each folded unit, the original span it came from. */
  function foldMap(text) {
    var out = [], start = [], end = [], pending = -1, i = 0;
    for (var ch of text) {
      var piece = strip(ch).toLowerCase();
      for (var unit of piece) {
        if (IS_SPACE.test(unit)) {
          if (pending < 0) pending = i;
          continue;
        }
        if (pending >= 0 && out.length) {
          out.push(" ");
          start.push(pending);
          end.push(pending + 1);
        }
        pending = -1;
        for (var k = 0; k < unit.length; k++) {
          out.push(unit[k]);
          start.push(i);
          end.push(i + ch.length);
        }
      }
      i += ch.length;
    }
    return { text: text, folded: out.join(""), start: start, end: end };
  }

  /** Index of `needle` in `hay` at the start of a word, from `from`; -1 when absent. */
  function findWord(hay, needle, from) {
    var at = hay.indexOf(needle, from || 0);
    while (at > 0 && WORD.test(hay[at - 1])) at = hay.indexOf(needle, at + 1);
    return at;
  }

  function field(text) {
    var map = foldMap(text);
    map.lower = text.toLowerCase();
    return map;
  }

  /** The folded text of `text` for matching only (never shown, so no map back). */
  function plain(text) {
    return { folded: fold(text), lower: String(text).normalize("NFC").toLowerCase() };
  }

  /** Fold the index once: [{title, url, crumbs, t, d, sections: [{anchor, heading, h, x, all}]}].
   * `x` is the section's prose (what a snippet shows), `all` its prose and the rest of its text
   * (tables, lists of links, notices: searched, never shown); `d` the page's own description. */
  function prepare(index) {
    var titles = {};
    index.pages.forEach(function (page) { titles[page.u] = page.t; });
    return index.pages.map(function (page) {
      return {
        title: page.t,
        url: page.u,
        crumbs: crumbs(page.u, titles),
        t: field(page.t),
        d: page.d ? field(page.d) : null,
        sections: page.s.map(function (s) {
          var rest = s[3] || "";
          return {
            anchor: s[0], heading: s[1], h: field(s[1]), x: field(s[2]),
            all: rest ? plain(s[2] + " " + rest) : null
          };
        })
      };
    });
  }

  /** Titles of the pages above `url` in the site's folders ("danh-ba/" above "danh-ba/cho/"),
   * the home page left out: where a result sits. */
  function crumbs(url, titles) {
    var parts = url.replace(/(^|\/)index\.html$/, "$1").replace(/\.html$/, "")
      .replace(/\/$/, "").split("/");
    var found = [];
    for (var i = 1; i < parts.length; i++) {
      var folder = parts.slice(0, i).join("/") + "/";
      var title = titles[folder] || titles[folder + "index.html"];
      if (title) found.push(title);
    }
    return found;
  }

  function parseQuery(query) {
    var folded = fold(query);
    var exact = String(query).normalize("NFC").toLowerCase().replace(SPACES, " ")
      .replace(/^ | $/g, "");
    var tokens = folded ? folded.split(" ") : [];
    var exactTokens = exact ? exact.split(" ") : [];
    if (exactTokens.length !== tokens.length) exactTokens = tokens;
    return {
      folded: folded,
      exact: exact,
      tokens: tokens,
      // Only tokens typed with accents earn the exact-match bonus: "lang" typed bare says
      // nothing about "làng" against "lang".
      accented: tokens.map(function (t, i) { return exactTokens[i] !== t ? exactTokens[i] : null; })
    };
  }

  /** Folded and exact-accent scores of one field, weighted by `weight`: a word typed with its
   * accents and found with the same accents counts three times a word found only folded. */
  function score(f, q, weight) {
    var folded = 0, exact = 0;
    if (f.folded === q.folded) folded += weight; // the whole field is what was asked for
    if (q.tokens.length > 1 && findWord(f.folded, q.folded) >= 0) folded += 2 * weight;
    q.tokens.forEach(function (t, i) {
      if (findWord(f.folded, t) < 0) return;
      folded += weight;
      if (q.accented[i] && findWord(f.lower, q.accented[i]) >= 0) exact += 2 * weight;
    });
    return [exact, folded];
  }

  /** Original spans [start, end) to mark in a field: the phrase, else each word. */
  function spans(f, q) {
    var found = [];
    function pick(needle, exact) {
      var first = null;
      for (var at = findWord(f.folded, needle); at >= 0; at = findWord(f.folded, needle, at + 1)) {
        var span = [f.start[at], f.end[at + needle.length - 1]];
        if (!exact || f.text.slice(span[0], span[1]).toLowerCase() === exact) return span;
        if (!first) first = span;
      }
      return first;
    }
    var accentedPhrase = q.exact !== q.folded ? q.exact : null;
    var phrase = q.tokens.length > 1 ? pick(q.folded, accentedPhrase) : null;
    if (phrase) return [phrase];
    q.tokens.forEach(function (t, i) {
      var span = pick(t, q.accented[i]);
      if (span) found.push(span);
    });
    return found.sort(function (a, b) { return a[0] - b[0]; });
  }

  /** Rank the pages matching every word of `query`; words matched with the accents typed
   * weigh more, so `đình` ranks "Đình" above "Dinh dưỡng" and `dinh dưỡng` the reverse. */
  function search(pages, query) {
    var q = parseQuery(query);
    if (!q.tokens.length) return [];
    var results = [];
    pages.forEach(function (page, order) {
      var everything = [page.t.folded];
      if (page.d) everything.push(page.d.folded);
      page.sections.forEach(function (s) { everything.push(s.h.folded, (s.all || s.x).folded); });
      var all = everything.join(" \n ");
      if (!q.tokens.every(function (t) { return findWord(all, t) >= 0; })) return;
      var title = score(page.t, q, 10);
      // When the title holds every word, the page itself is the answer: show its top (the
      // first section whose prose matches), not a section that happens to repeat a word (a
      // list of links to other pages, a table).
      var inTitle = q.tokens.every(function (t) { return findWord(page.t.folded, t) >= 0; });
      var best = null, bestScore = [0, 0];
      page.sections.forEach(function (s) {
        var h = score(s.h, q, 4), x = score(inTitle ? s.x : s.all || s.x, q, 1);
        var value = inTitle ? [x[0], x[1]] : [h[0] + x[0], h[1] + x[1]];
        if (!best || value[0] + value[1] > bestScore[0] + bestScore[1] ||
            (inTitle && !(bestScore[0] + bestScore[1]) && value[0] + value[1])) {
          best = s;
          bestScore = value;
        }
      });
      results.push({
        page: page,
        section: best,
        exact: title[0] + bestScore[0],
        score: title[1] + bestScore[1],
        order: order,
        titleSpans: spans(page.t, q),
        headingSpans: best ? spans(best.h, q) : [],
        snippet: snippetOf(page, best, q)
      });
    });
    results.sort(function (a, b) {
      return (b.score + b.exact - a.score - a.exact) || (b.exact - a.exact) ||
        (a.order - b.order);
    });
    return results;
  }

  /** What a result shows under its title, as {text, spans}: the prose of its section where the
   * words are found, else the page's own description, else the start of the section's prose
   * (or of the page's first prose). Tables and notices are never shown. Null when none. */
  function snippetOf(page, section, q) {
    if (section && section.x.text) {
      var found = spans(section.x, q);
      if (found.length) return { text: section.x.text, spans: found };
    }
    if (page.d) return { text: page.d.text, spans: spans(page.d, q) };
    var first = section && section.x.text ? section :
      page.sections.filter(function (s) { return s.x.text; })[0];
    return first ? { text: first.x.text, spans: [] } : null;
  }

  var api = { fold: fold, foldMap: foldMap, prepare: prepare, search: search };
  if (typeof module === "object" && module.exports) module.exports = api;
  if (typeof document === "undefined") return;
  window.langsoSearch = api;

  /* ---- The page ---------------------------------------------------------------------- */

  var form = document.querySelector("form.langso-search");
  if (!form) return;
  var input = form.querySelector("input[type=search]");
  var panel = form.querySelector(".langso-search__panel");
  var pageBox = document.getElementById("langso-search-page");
  var root = new URL(form.getAttribute("data-root") || "./", location.href);
  var indexUrl = new URL(form.getAttribute("data-index"), location.href);
  var loading = null, pages = null, timer = 0;
  var LIMIT = 8;
  // The search page's own box, when it has one, is the one that answers there; the header's
  // box then just sends its words to the page (a plain GET), both showing the query.
  var pageForm = pageBox && pageBox.querySelector("form.langso-search-page__form");
  if (pageForm) {
    input.value = new URLSearchParams(location.search).get("q") || "";
    form = pageForm;
    input = pageForm.querySelector("input[type=search]");
  }

  function load() {
    if (!loading) {
      loading = fetch(indexUrl.href, { credentials: "same-origin" })
        .then(function (r) {
          if (!r.ok) throw new Error(r.status);
          return r.json();
        })
        .then(function (index) { pages = prepare(index); return pages; });
      loading.catch(function () { loading = null; });
    }
    return loading;
  }

  function el(tag, cls, parent) {
    var node = document.createElement(tag);
    if (cls) node.className = cls;
    if (parent) parent.appendChild(node);
    return node;
  }

  /** Write text[from, to) into `node`, with each span wrapped in <mark>. */
  function marked(node, text, list, from, to) {
    var at = from;
    list.forEach(function (s) {
      if (s[0] < at || s[1] > to) return;
      node.appendChild(document.createTextNode(text.slice(at, s[0])));
      el("mark", null, node).textContent = text.slice(s[0], s[1]);
      at = s[1];
    });
    node.appendChild(document.createTextNode(text.slice(at, to)));
  }

  function snippet(node, text, list) {
    var from = 0, to = text.length, size = 160;
    if (list.length && list[0][1] > size - 30) {
      from = text.lastIndexOf(" ", list[0][0] - 40) + 1;
    }
    if (to - from > size) {
      to = text.indexOf(" ", from + size);
      if (to < 0) to = text.length;
    }
    if (from > 0) node.appendChild(document.createTextNode("… "));
    marked(node, text, list, from, to);
    if (to < text.length) node.appendChild(document.createTextNode(" …"));
  }

  /** The count line: how many pages hold the words asked for, in the reader's words. */
  function countLine(found, query) {
    var asked = "“" + query.trim().replace(SPACES, " ") + "”";
    return found ? "Tìm thấy " + found + " trang có " + asked :
      "Không tìm thấy trang nào có " + asked +
      ". Thử gõ ít chữ hơn, có dấu hay không dấu đều được.";
  }

  /** Each result is a card: the page's title as the link, where it sits (the folders above it
   * and the section), then the snippet as plain text with the words found marked. */
  function render(box, results, limit, query) {
    var count = box.querySelector(".langso-search__count");
    var list = box.querySelector(".langso-search__list");
    var more = box.querySelector(".langso-search__more");
    list.textContent = "";
    count.textContent = countLine(results.length, query);
    results.slice(0, limit).forEach(function (r) {
      var item = el("li", "langso-search__item", list);
      var link = el("a", "langso-search__link", item);
      var anchor = r.section && r.section.anchor ? "#" + r.section.anchor : "";
      link.href = new URL(r.page.url, root).href + anchor;
      marked(el("span", "langso-search__title", link), r.page.title, r.titleSpans, 0,
        r.page.title.length);
      var heading = r.section && r.section.heading;
      if (r.page.crumbs.length || heading) {
        var where = el("p", "langso-search__where", item);
        if (r.page.crumbs.length) {
          el("span", "langso-search__crumbs", where).textContent = r.page.crumbs.join(" › ");
          if (heading) where.appendChild(document.createTextNode(" › "));
        }
        if (heading) {
          marked(el("span", "langso-search__heading", where), heading, r.headingSpans, 0,
            heading.length);
        }
      }
      if (r.snippet) {
        snippet(el("p", "langso-search__snippet", item), r.snippet.text, r.snippet.spans);
      }
    });
    if (more) more.remove();
    if (results.length > limit) {
      more = el("a", "langso-search__more", box);
      more.href = form.action.split("?")[0] + "?q=" + encodeURIComponent(query);
      more.textContent = "Xem cả " + results.length + " trang";
    }
  }

  function pageResults() {
    var box = pageBox.querySelector(".langso-search-page__results");
    if (!box) {
      box = el("div", "langso-search-page__results", pageBox);
      var count = el("p", "langso-search__count", box);
      count.setAttribute("role", "status");
      count.setAttribute("aria-live", "polite");
      el("ol", "langso-search__list", box);
    }
    return box;
  }

  function run() {
    var query = input.value;
    var box = pageBox ? pageResults() : panel;
    if (!fold(query)) {
      var more = box.querySelector(".langso-search__more");
      if (more) more.remove();
      box.querySelector(".langso-search__list").textContent = "";
      box.querySelector(".langso-search__count").textContent = "";
      if (!pageBox) close();
      return;
    }
    load().then(function () {
      if (input.value !== query) return;
      render(box, search(pages, query), pageBox ? Infinity : LIMIT, query);
      if (!pageBox) open();
    }, function () {
      box.querySelector(".langso-search__count").textContent = navigator.onLine === false ?
        "Đang mất mạng: tìm kiếm cần có sóng, hoặc bấm “Lưu để đọc khi mất mạng” khi có sóng." :
        "Không tải được dữ liệu tìm kiếm. Mời thử lại sau.";
      if (!pageBox) open();
    });
  }

  function open() {
    panel.hidden = false;
    input.setAttribute("aria-expanded", "true");
  }

  function close() {
    panel.hidden = true;
    input.setAttribute("aria-expanded", "false");
  }

  function links() {
    var box = pageBox ? pageResults() : panel;
    return Array.prototype.slice.call(box.querySelectorAll(".langso-search__link"));
  }

  // With the script the box shows results as you type: a combobox (ARIA 1.2) with its panel;
  // on the search page, the results below it.
  if (!pageForm) {
    input.setAttribute("role", "combobox");
    input.setAttribute("aria-autocomplete", "list");
    input.setAttribute("aria-expanded", "false");
  }
  input.addEventListener("focus", function () { load().catch(function () {}); });
  input.addEventListener("input", function () {
    clearTimeout(timer);
    timer = setTimeout(run, 60);
  });
  form.addEventListener("submit", function (event) {
    if (!pageBox) return; // the search page lists every result
    event.preventDefault();
    history.replaceState(null, "", "?q=" + encodeURIComponent(input.value));
    run();
  });
  function onKey(event) {
    var all = links(), at = all.indexOf(document.activeElement);
    if (event.key === "ArrowDown" || event.key === "ArrowUp") {
      if (!all.length) return;
      var next = event.key === "ArrowDown" ? at + 1 : at - 1;
      if (next >= all.length) next = all.length - 1;
      event.preventDefault();
      if (next < 0) input.focus(); else all[next].focus();
    } else if (event.key === "Escape" && !pageBox) {
      close();
      input.focus();
    }
  }
  form.addEventListener("keydown", onKey);
  if (pageBox) pageBox.addEventListener("keydown", onKey);
  document.addEventListener("click", function (event) {
    if (!pageBox && !form.contains(event.target)) close();
  });
  if (pageBox) {
    var hint = pageBox.querySelector(".langso-search-page__hint");
    var q = new URLSearchParams(location.search).get("q") || "";
    input.value = q;
    load().catch(function () {});
    if (q) {
      if (hint) hint.hidden = true;
      run();
    }
  }
})();
