/* Làng số portal: A−, A, A+ (as the villages' reader.js; the choice kept in localStorage per
   portal, applied before the first paint by the inline <head> script, and carried to the
   villages' sites of the same origin), the offline worker
   (portal-sw.js, scope: the portal root) and, on ban-do/, the map loaded after the page. */
(function () {
  "use strict";
  var MIN = -1, MAX = 3;
  var html = document.documentElement;
  var key = window.langsoReaderKey || "langso.";
  var root = new URL(html.getAttribute("data-root") || "./", location.href).href;

  function size() {
    return parseInt(html.getAttribute("data-langso-size") || "0", 10) || 0;
  }
  function showSize() {
    var now = size();
    document.querySelectorAll(".p-size").forEach(function (button) {
      var step = parseInt(button.getAttribute("data-langso-size"), 10);
      var on = step < 0 ? now < 0 : step > 0 ? now > 0 : now === 0;
      button.setAttribute("aria-pressed", on ? "true" : "false");
    });
  }
  function setSize(value) {
    value = Math.max(MIN, Math.min(MAX, value));
    if (value) html.setAttribute("data-langso-size", String(value));
    else html.removeAttribute("data-langso-size");
    try { localStorage.setItem(key + "size", String(value)); } catch (e) { /* private mode */ }
    showSize();
  }
  showSize();
  document.querySelectorAll(".p-size").forEach(function (button) {
    button.addEventListener("click", function () {
      var step = parseInt(button.getAttribute("data-langso-size"), 10);
      setSize(step === 0 ? 0 : size() + step);
    });
  });

  /* The same choice on the villages' sites of this origin (one repository: villages under
     <portal>/<key>/; one repository each: /<repo>/): reader.js keeps it under the site root's
     path + "langso.size" (reader/markup.py head_script), so following a link to a village
     writes the portal's choice there, in the same format, before the village's page opens. */
  var OWN = ["lang", "xa", "loai", "tim", "tim-kiem", "ban-do", "assets"];
  var rootPath = new URL(root).pathname;
  function villageRoot(url) {
    if (url.origin !== location.origin) return null;
    var under = url.pathname.indexOf(rootPath) === 0;
    var base = under ? rootPath : "/";
    var rest = url.pathname.slice(base.length);
    var first = rest.split("/")[0];
    if (!first || rest.indexOf("/") < 0 || (under && OWN.indexOf(first) >= 0)) return null;
    return base + first + "/";
  }
  function carry(event) {
    var link = event.target && event.target.closest ? event.target.closest("a[href]") : null;
    if (!link) return;
    try {
      var chosen = localStorage.getItem(key + "size");
      var there = chosen === null ? null : villageRoot(new URL(link.href, location.href));
      if (there) localStorage.setItem(there + "langso.size", chosen);
    } catch (e) { /* private mode, a strange address */ }
  }
  document.addEventListener("click", carry, true);
  document.addEventListener("auxclick", carry, true);

  if ("serviceWorker" in navigator && /^https?:$/.test(location.protocol)) {
    navigator.serviceWorker.register(root + "portal-sw.js", { scope: root }).catch(function () {});
  }

  var box = document.getElementById("portal-map");
  if (!box) return;
  function split(name) {
    return (box.getAttribute(name) || "").split(" ").filter(Boolean);
  }
  function scripts() {
    split("data-js").forEach(function (src) {
      var script = document.createElement("script");
      script.src = src;
      script.async = false; /* in order */
      document.head.appendChild(script);
    });
  }
  function load() {
    var css = split("data-css"), left = css.length;
    if (!left) return scripts();
    css.forEach(function (href) {
      var link = document.createElement("link");
      link.rel = "stylesheet";
      link.href = href;
      link.onload = link.onerror = function () { if (--left === 0) scripts(); };
      document.head.appendChild(link);
    });
  }
  if (document.readyState === "complete") setTimeout(load, 0);
  else window.addEventListener("load", function () { setTimeout(load, 0); });
})();
