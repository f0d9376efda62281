/* Làng số: notices' expiry judged again by the reader's clock (langso/notices, issue 15).
   Each [data-het-han] holds an ISO 8601 time with its offset. Once passed: on the home page
   the notice leaves the block ("Hiện không có thông báo mới" when none is left), and on the
   index it leaves "Khẩn cấp" (the section goes once empty; the notice stays, greyed, in the
   list below); elsewhere "Hết hạn: …" gives way to "Đã hết hạn". Inlined by the plugin; the
   page is right without it as of the build. */
(function () {
  var now = Date.now(), d = document;
  d.querySelectorAll("[data-het-han]").forEach(function (el) {
    var at = Date.parse(el.getAttribute("data-het-han"));
    if (!(at < now)) return;
    if (el.closest(".langso-news--home, .langso-news__section--urgent")) { el.hidden = true; return; }
    el.classList.add("langso-expired");
    el.querySelectorAll(".langso-expiry__on").forEach(function (x) { x.hidden = true; });
    el.querySelectorAll(".langso-expiry__off").forEach(function (x) { x.hidden = false; });
  });
  // The home page keeps its number of notices: spares (current at the build, beyond the limit)
  // take the places of those that have expired since.
  d.querySelectorAll("[data-langso-limit]").forEach(function (box) {
    var home = box.closest(".langso-home") || d, limit = +box.getAttribute("data-langso-limit");
    var shown = home.querySelectorAll(".langso-news__item:not([hidden])").length;
    home.querySelectorAll(".langso-news__item--spare").forEach(function (el) {
      var at = Date.parse(el.getAttribute("data-het-han"));
      if (shown < limit && !(at < now)) { el.hidden = false; shown++; }
    });
  });
  // The index's "Khẩn cấp" and the home page's urgent block go once none of their notices is
  // current (on the index they stay in the list).
  d.querySelectorAll(".langso-news__section--urgent, .langso-news--urgent").forEach(function (s) {
    if (!s.querySelector(".langso-news__item:not([hidden])")) s.hidden = true;
  });
  // "Hiện không có thông báo mới" once no notice is left on the home page, urgent ones included.
  if (!d.querySelector(".langso-news--home .langso-news__item:not([hidden])")) {
    d.querySelectorAll(".langso-news--home .langso-news__none").forEach(function (x) { x.hidden = false; });
  }
})();
