/* Làng số portal: offline reading (langso.portal.site writes CONFIG: the build's version, which
 * names the cache, and the core files saved at install). Scope: the portal root.
 *
 * Every GET in scope, pages and search shards alike: network first (kept in the cache when it
 * answers); after a few seconds without an answer, or when the network fails, the saved copy;
 * without a copy, a short page that says this page was not saved yet. A page's cache key has no
 * query (tim-kiem/?q=… is tim-kiem/). A new build copies what the reader had saved into its own
 * cache, then deletes the old one.
 */
"use strict";

var CONFIG = __PORTAL_SW__;
var PREFIX = "langso-portal-";
var CACHE = PREFIX + CONFIG.version;
var SCOPE = self.registration.scope;
var WAIT_MS = 4000;

function abs(url) {
  return new URL(url, SCOPE).href;
}

self.addEventListener("install", function (event) {
  event.waitUntil(
    caches.open(CACHE).then(function (cache) {
      return Promise.all(CONFIG.precache.map(function (url) {
        return cache.add(abs(url)).catch(function () { return null; });
      }));
    }).then(function () { return self.skipWaiting(); })
  );
});

self.addEventListener("activate", function (event) {
  event.waitUntil((async function () {
    var names = (await caches.keys()).filter(function (n) {
      return n.indexOf(PREFIX) === 0 && n !== CACHE;
    });
    var cache = await caches.open(CACHE);
    for (var i = 0; i < names.length; i++) {
      var old = await caches.open(names[i]);
      var requests = await old.keys();
      for (var j = 0; j < requests.length; j++) {
        if (!(await cache.match(requests[j]))) {
          await cache.put(requests[j], await old.match(requests[j]));
        }
      }
      await caches.delete(names[i]);
    }
    await self.clients.claim();
  })());
});

function keyOf(request) {
  var url = new URL(request.url);
  url.hash = "";
  if (request.mode === "navigate") url.search = "";
  return url.href;
}

function notSaved() {
  var body = '<!doctype html><html lang="vi"><meta charset="utf-8">' +
    '<meta name="viewport" content="width=device-width, initial-scale=1">' +
    "<title>Chưa lưu trang này</title>" +
    '<body style="font:1.2rem/1.5 system-ui,sans-serif;margin:1rem">' +
    "<h1>Chưa lưu trang này</h1><p>Máy đang mất mạng và trang này chưa được mở lần nào " +
    'trên máy. Các trang đã mở vẫn đọc được.</p><p><a href="' + SCOPE +
    '" style="display:inline-block;padding:12px 0">Về trang chủ</a></p></body></html>';
  return new Response(body, {
    status: 503, statusText: "Offline", headers: { "Content-Type": "text/html; charset=utf-8" },
  });
}

function networkFirst(event) {
  var request = event.request;
  var key = keyOf(request);
  var network = fetch(request.url, { cache: "no-cache", credentials: "same-origin" })
    .then(function (response) {
      if (response.ok && !response.redirected && response.type === "basic") {
        var copy = response.clone();
        return caches.open(CACHE).then(function (cache) {
          return cache.put(key, copy);
        }).then(function () { return response; });
      }
      return response;
    });
  event.waitUntil(network.catch(function () { return null; }));
  var timeout = new Promise(function (resolve) { setTimeout(resolve, WAIT_MS, null); });
  return (async function () {
    var response = null;
    try {
      response = await Promise.race([network, timeout]);
    } catch (error) {
      response = null;
    }
    if (response) return response;
    var copy = await caches.match(key);
    if (copy) return copy;
    try {
      return await network; /* slow signal and nothing saved: keep waiting */
    } catch (error) {
      return request.mode === "navigate" ? notSaved() : Response.error();
    }
  })();
}

self.addEventListener("fetch", function (event) {
  var request = event.request;
  if (request.method !== "GET" || request.url.indexOf(SCOPE) !== 0) return;
  if (request.headers.has("range")) return;
  event.respondWith(networkFirst(event));
});
