/* Làng số: the map page's loader, inlined at the end of ban-do/ only (langso.geomap.page).
   Reserves the map's place, then once the page has loaded and painted (load, then the first
   contentful paint recorded) loads the map's stylesheets, then its scripts in order (data-css,
   data-js of the slot). Without JavaScript the slot stays empty and the list below is the page. */
(function () {
  var box = document.getElementById("ban-do-khung");
  if (!box || !window.requestAnimationFrame) return;
  /* the filter + the canvas (map.css: min(max(92vw, 13rem × scale), 58vh, 36rem)) + the
     status line: no jump when drawn */
  var root = getComputedStyle(document.documentElement);
  var rem = parseFloat(root.fontSize) || 16;
  var scale = parseFloat(root.getPropertyValue("--langso-scale")) || 1;
  var side = Math.min(Math.max(window.innerWidth * 0.92, 13 * rem * scale), window.innerHeight * 0.58, 36 * rem);
  box.style.height = Math.round(side + 100) + "px";
  box.style.background = "#eef1ec";
  box.setAttribute("aria-busy", "true");
  box.textContent = "Đang tải bản đồ…";
  function split(name) {
    return (box.getAttribute(name) || "").split(" ").filter(Boolean);
  }
  function failed() {
    box.textContent = "Chưa tải được bản đồ. Danh sách các điểm ở ngay dưới đây.";
  }
  function scripts() {
    split("data-js").forEach(function (src) {
      var script = document.createElement("script");
      script.src = src;
      script.async = false; /* in order, fetched together */
      script.onerror = failed;
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
      link.onload = link.onerror = function () {
        if (--left === 0) scripts();
      };
      document.head.appendChild(link);
    });
  }
  /* After the first paint: when the browser records paints (Chromium, Firefox, Safari 14.1+),
     once its first-contentful-paint entry exists (a frame's rAF can run before that frame is
     shown); else two frames. A page loaded hidden paints nothing: then 2 s after load. */
  var started = false;
  function go() {
    if (started) return;
    started = true;
    setTimeout(load, 0);
  }
  function start() {
    var types = (window.PerformanceObserver && PerformanceObserver.supportedEntryTypes) || [];
    if (types.indexOf("paint") < 0) {
      requestAnimationFrame(function () {
        requestAnimationFrame(go);
      });
      return;
    }
    setTimeout(go, 2000);
    if (performance.getEntriesByName("first-contentful-paint").length) return go();
    new PerformanceObserver(function (list, observer) {
      if (list.getEntriesByName("first-contentful-paint").length) {
        observer.disconnect();
        go();
      }
    }).observe({ type: "paint", buffered: true });
  }
  if (document.readyState === "complete") start();
  else window.addEventListener("load", start);
})();
