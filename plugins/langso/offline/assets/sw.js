/* Làng số: offline reading (langso/offline). Generated at build time: the manifest below lists
 * every page and core asset with its content digest; its `version` names the cache, so a new
 * build is a new worker with a new cache, and the old caches are deleted once it is active.
 *
 * - Pages (navigations): network first, refreshed from the network when there is signal; after
 *   a short wait, or when the network fails, the saved copy; else, for a page of the site, the
 *   offline page ("not saved yet") and, for an address that is no page of the site (the
 *   manifest lists them all), the page that says so.
 * - Everything else in scope: cache first (the core assets are precached on install).
 * - Message "langso-save-all": save every page and asset, reporting progress on the port.
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
    var names = (await caches.keys()).filter(function (n) {
      return n.indexOf(PREFIX) === 0 && n !== CACHE;
    });
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

self.addEventListener("fetch", function (event) {
  var request = event.request;
  if (request.method !== "GET" || request.url.indexOf(SCOPE) !== 0) return;
  if (request.mode === "navigate") {
    event.respondWith(networkFirst(event));
  } else if (!request.headers.has("range")) {
    event.respondWith(cacheFirst(request));
  }
});

async function saveAll(port) {
  var cache = await caches.open(CACHE);
  var urls = PAGES.concat(REDIRECTS, DATA, ASSETS);
  var done = 0;
  var failed = 0;
  port.postMessage({
    type: "progress", done: 0, failed: 0, total: urls.length, pages: PAGES.length,
  });
  for (var i = 0; i < urls.length; i++) {
    try {
      await save(cache, urls[i]);
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
    });
  } else if (data.type === "langso-save-all") {
    event.waitUntil(saveAll(port));
  }
});
