/* Làng số portal: A−, A, A+ (as the villages' reader.js; the choice kept in localStorage per
   portal, applied before the first paint by the inline <head> script), the offline worker
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
