/* Làng số: offline reading (langso/offline). Generated at build time: the manifest below lists
 * every page and core asset with its content digest; its `version` names the cache, so a new
 * build is a new worker with a new cache, and the old caches are deleted once it is active.
 *
 * - Pages (navigations): network first, refreshed from the network when there is signal; after
 *   a short wait, or when the network fails, the saved copy; else, for a page of the site, the
 *   offline page ("not saved yet") and, for an address that is no page of the site (the
 *   manifest lists them all), the page that says so.
 * - Everything else in scope: cache first (the core assets are precached on install).
 * - The map's base map (MANIFEST.basemap, a PMTiles file read with Range requests): each range
 *   the reader's map has read is kept under the file's URL + "?langso-range=start-end" (the
 *   Cache API cannot keep a 206 answer: it keeps the bytes as a 200 one), in its own cache named
 *   by the file's digest (kept across builds while the file is the same); a range is answered
 *   from it, or sliced from the whole file once saved (or once a host that ignores Range sent it
 *   whole), as a 206 answer.
 * - Message "langso-save-all": save every page and asset, reporting progress on the port; with
 *   `basemap: true`, the whole base map too.
 */
"use strict";

var MANIFEST = __LANGSO_MANIFEST__;
var PREFIX = "langso-offline-";
var CACHE = PREFIX + MANIFEST.version;
var SCOPE = self.registration.scope;

function abs(url) {
  return new URL(url, SCOPE).href;
}

var PAGES = MANIFEST.pages.map(function (p) { return abs(p.url); });
// A plaque's short address: a redirect stub saved with the pages, so that a plaque scanned
// without signal still leads to its saved page.
var REDIRECTS = MANIFEST.redirects.map(function (p) { return abs(p.url); });
// What the pages' scripts fetch (the search index): saved with the pages, so that search
// works without signal once everything is saved.
var DATA = MANIFEST.data.map(function (p) { return abs(p.url); });
var ASSETS = MANIFEST.precache.map(function (a) { return abs(a.url); });
var PAGE_SET = new Set(PAGES);
var OFFLINE = abs(MANIFEST.offline_page);
var MISSING = abs(MANIFEST.missing_page);
var BASEMAP = MANIFEST.basemap ? abs(MANIFEST.basemap.url) : null;
var MAP_PREFIX = "langso-map-";
var MAP_CACHE = MANIFEST.basemap ? MAP_PREFIX + MANIFEST.basemap.digest : null;
var KNOWN = new Set(MANIFEST.known.map(function (url) { return abs(url); }).concat(DATA));

/** The address as the manifest writes it: "x/index.html" is "x/". */
function bare(href) {
  return href.replace(/(^|\/)index\.html$/, "$1");
}

var BARE_PAGES = new Map(PAGES.concat(REDIRECTS).map(function (url) { return [bare(url), url]; }));
var BARE_KNOWN = new Set(Array.from(KNOWN).map(bare));

/** The page of the site at `key` (a cache key: no query, no fragment): its URL as saved, also
 * when written without the final "/" or with "index.html"; else null. */
function pageAt(key) {
  var found = BARE_PAGES.get(bare(key));
  if (!found && !/[/]$|\.[a-z0-9]+$/i.test(key)) found = BARE_PAGES.get(key + "/");
  return found || null;
}

/** Whether `key` is an address of the site: a page, or another of its HTML files. */
function known(key) {
  if (pageAt(key)) return true;
  var b = bare(key);
  return BARE_KNOWN.has(b) || (!/[/]$|\.[a-z0-9]+$/i.test(key) && BARE_KNOWN.has(b + "/"));
}

/** Cache key of a page: no fragment, no query (the site is static). */
function pageKey(url) {
  var u = new URL(url);
  u.hash = "";
  u.search = "";
  return u.href;
}

function fresh(url) {
  return fetch(url, { cache: "no-cache", credentials: "same-origin" });
}

/** Fetch `url` from the network and keep it in `cache`; resolve to the response. */
function save(cache, url) {
  return fresh(url).then(function (response) {
    if (!response.ok || response.redirected) throw new Error("HTTP " + response.status);
    return cache.put(url, response.clone()).then(function () { return response; });
  });
}

self.addEventListener("install", function (event) {
  event.waitUntil(
    caches.open(CACHE).then(function (cache) {
      return Promise.all(ASSETS.map(function (url) { return save(cache, url); }));
    }).then(function () { return self.skipWaiting(); })
  );
});

self.addEventListener("activate", function (event) {
  event.waitUntil((async function () {
    await self.clients.claim();
    var cache = await caches.open(CACHE);
    var all = await caches.keys();
    var names = all.filter(function (n) {
      return n.indexOf(PREFIX) === 0 && n !== CACHE;
    });
    // The ranges of a base map this build no longer has (or has changed) are no use.
    await Promise.all(all.filter(function (n) {
      return n.indexOf(MAP_PREFIX) === 0 && n !== MAP_CACHE;
    }).map(function (n) { return caches.delete(n); }));
    // The pages open now, and those saved by the previous build, are saved again from the
    // network; a page that cannot be fetched keeps its old copy. Then the old caches go.
    var wanted = new Set();
    (await self.clients.matchAll({ type: "window" })).forEach(function (c) {
      var key = pageKey(c.url);
      if (key.indexOf(SCOPE) === 0) wanted.add(key);
    });
    for (var i = 0; i < names.length; i++) {
      var old = await caches.open(names[i]);
      (await old.keys()).forEach(function (request) {
        if (PAGE_SET.has(request.url)) wanted.add(request.url);
      });
    }
    await Promise.all(Array.from(wanted).map(function (url) {
      return save(cache, url).catch(function () {
        return caches.match(url).then(function (copy) {
          return copy ? cache.put(url, copy) : null;
        });
      });
    }));
    await Promise.all(names.map(function (n) { return caches.delete(n); }));
  })());
});

/** Without signal and without a copy: "not saved yet" for a page of the site, "no such page"
 * for any other address. Their links lead from the site root. */
async function offlinePage(key) {
  var missing = !known(key);
  var copy = await caches.match(missing ? MISSING : OFFLINE);
  if (!copy) return Response.error();
  var text = (await copy.text()).split('href="../../').join('href="' + SCOPE);
  return new Response(text, {
    status: missing ? 404 : 503,
    statusText: missing ? "Not Found" : "Offline",
    headers: { "Content-Type": "text/html; charset=utf-8" },
  });
}

function networkFirst(event) {
  var key = pageKey(event.request.url);
  var network = fresh(event.request.url).then(function (response) {
    if (response.ok && !response.redirected) {
      var copy = response.clone();
      return caches.open(CACHE).then(function (cache) {
        return cache.put(key, copy);
      }).then(function () { return response; });
    }
    return response;
  });
  event.waitUntil(network.catch(function () { return null; }));
  var timeout = new Promise(function (resolve) {
    setTimeout(resolve, MANIFEST.timeout_ms, null);
  });
  return (async function () {
    var response = null;
    try {
      response = await Promise.race([network, timeout]);
    } catch (error) {
      response = null;
    }
    if (response) {
      return response.redirected ? Response.redirect(response.url, 302) : response;
    }
    var copy = await caches.match(key);
    if (copy) return copy;
    var page = pageAt(key);
    if (page && page !== key && await caches.match(page)) {
      return Response.redirect(page, 302);  // "x" or "x/index.html" for the saved "x/"
    }
    try {
      response = await network;  // slow signal and nothing saved: keep waiting
      return response.redirected ? Response.redirect(response.url, 302) : response;
    } catch (error) {
      return offlinePage(key);
    }
  })();
}

async function cacheFirst(request) {
  var key = request.url.split("#")[0];
  var copy = await caches.match(key);
  if (copy) return copy;
  var response = await fetch(request);
  if (response.ok && response.type === "basic") {
    var cache = await caches.open(CACHE);
    await cache.put(key, response.clone());
  }
  return response;
}

/** The key a range of the base map is kept under: the same for the same tile, every time. */
function rangeKey(range) {
  return BASEMAP + "?langso-range=" + range[0] + "-" + range[1];
}

var wholeMap = null; // Promise<ArrayBuffer|null>: the saved whole base map, read once

function savedMap(cache) {
  if (!wholeMap) {
    wholeMap = cache.match(BASEMAP).then(function (copy) {
      return copy ? copy.arrayBuffer() : null;
    });
    wholeMap.then(function (buffer) { if (!buffer) wholeMap = null; });
  }
  return wholeMap;
}

function partial(data, range) {
  var end = range[0] + data.byteLength - 1;
  return new Response(data, {
    status: 206,
    statusText: "Partial Content",
    headers: {
      "Content-Type": "application/octet-stream",
      "Content-Length": String(data.byteLength),
      "Content-Range": "bytes " + range[0] + "-" + end + "/" + MANIFEST.basemap.bytes,
    },
  });
}

/** A Range request for the base map: from the kept ranges or the saved whole file, else from
 * the network (and kept). */
async function ranged(request, range) {
  var cache = await caches.open(MAP_CACHE);
  var copy = await cache.match(rangeKey(range));
  if (copy) return partial(await copy.arrayBuffer(), range);
  var whole = await savedMap(cache);
  if (whole) return partial(whole.slice(range[0], range[1] + 1), range);
  var response = await fetch(request);
  if (response.status === 206) {
    var data = await response.clone().arrayBuffer();
    await cache.put(rangeKey(range), new Response(data, {
      headers: { "Content-Type": "application/octet-stream" },
    }));
  } else if (response.status === 200 && response.type === "basic") {
    // A host that ignores Range (mkdocs serve) sent the whole file: keep it whole.
    await cache.put(BASEMAP, response.clone());
    wholeMap = null;
  }
  return response;
}

self.addEventListener("fetch", function (event) {
  var request = event.request;
  if (request.method !== "GET" || request.url.indexOf(SCOPE) !== 0) return;
  if (request.mode === "navigate") {
    event.respondWith(networkFirst(event));
  } else if (!request.headers.has("range")) {
    event.respondWith(cacheFirst(request));
  } else if (BASEMAP && pageKey(request.url) === BASEMAP) {
    var range = /^bytes=(\d+)-(\d+)$/.exec(request.headers.get("range"));
    if (range) event.respondWith(ranged(request, [Number(range[1]), Number(range[2])]));
  }
});

/** Save the whole base map (a plain request: the host sends it whole). */
async function saveMap() {
  var response = await fresh(BASEMAP);
  if (response.status !== 200 || response.redirected) throw new Error("HTTP " + response.status);
  await (await caches.open(MAP_CACHE)).put(BASEMAP, response);
  wholeMap = null;
}

async function saveAll(port, withMap) {
  var cache = await caches.open(CACHE);
  var urls = PAGES.concat(REDIRECTS, DATA, ASSETS);
  if (withMap && BASEMAP) urls.push(BASEMAP);
  var done = 0;
  var failed = 0;
  port.postMessage({
    type: "progress", done: 0, failed: 0, total: urls.length, pages: PAGES.length,
  });
  for (var i = 0; i < urls.length; i++) {
    try {
      await (urls[i] === BASEMAP ? saveMap() : save(cache, urls[i]));
    } catch (error) {
      failed += 1;
    }
    done += 1;
    // The pages come first: `done` up to `pages` counts pages, the files they need after.
    port.postMessage({
      type: "progress", done: done, failed: failed, total: urls.length, pages: PAGES.length,
    });
  }
  port.postMessage({
    type: "done", done: done, failed: failed, total: urls.length, pages: PAGES.length,
  });
}

self.addEventListener("message", function (event) {
  var data = event.data || {};
  var port = event.ports && event.ports[0];
  if (!port) return;
  if (data.type === "langso-info") {
    port.postMessage({
      type: "info",
      version: MANIFEST.version,
      total_bytes: MANIFEST.total_bytes,
      total_label: MANIFEST.total_label,
      pages: PAGES.length,
      basemap: MANIFEST.basemap,
    });
  } else if (data.type === "langso-save-all") {
    event.waitUntil(saveAll(port, !!data.basemap));
  }
});
