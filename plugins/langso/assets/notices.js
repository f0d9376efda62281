/* Làng số: notices' expiry judged again by the reader's clock (langso/notices, issue 15).
   Each [data-het-han] holds an ISO 8601 time with its offset. Once passed: on the home page
   the notice leaves the block ("Hiện không có thông báo mới" when none is left); elsewhere
   "Hết hạn: …" gives way to "Đã hết hạn". Inlined by the plugin; the page is right without it
   as of the build. */
(function () {
  var now = Date.now(), d = document;
  d.querySelectorAll("[data-het-han]").forEach(function (el) {
    var at = Date.parse(el.getAttribute("data-het-han"));
    if (!(at < now)) return;
    if (el.closest(".langso-news--home")) { el.hidden = true; return; }
    el.classList.add("langso-expired");
    el.querySelectorAll(".langso-expiry__on").forEach(function (x) { x.hidden = true; });
    el.querySelectorAll(".langso-expiry__off").forEach(function (x) { x.hidden = false; });
  });
  d.querySelectorAll(".langso-news--home").forEach(function (box) {
    var none = box.querySelector(".langso-news__none");
    if (none && !box.querySelector(".langso-news__item:not([hidden])")) none.hidden = false;
  });
})();
