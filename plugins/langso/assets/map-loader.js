/* Làng số: the map page's loader, inlined at the end of ban-do/ only (langso.geomap.page).
   Reserves the map's place, then once the page has loaded and painted (load, then the next
   animation frame) loads the map's stylesheets, then its scripts in order (data-css, data-js
   of the slot). Without JavaScript the slot stays empty and the list below is the page. */
(function () {
  var box = document.getElementById("ban-do-khung");
  if (!box || !window.requestAnimationFrame) return;
  box.style.height = Math.round(Math.min(window.innerHeight * 0.7, 520)) + "px";
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
  function start() {
    requestAnimationFrame(function () {
      setTimeout(load, 0);
    });
  }
  if (document.readyState === "complete") start();
  else window.addEventListener("load", start);
})();
