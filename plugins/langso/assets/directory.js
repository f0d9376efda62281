/* Làng số — directory pages: the "open now" badge and the "Chép số tài khoản" button.
 * The badge reads the schedule in data-langso-hours (see langso.directory.hours.schedule_json)
 * and says whether the place is open now in Viet Nam time (UTC+7 all year: no daylight saving),
 * when it closes or when it opens next. The copy button puts the account number of a VietQR
 * code on the clipboard, for the banking app on the same phone. Without JavaScript the badge
 * and the button stay hidden; the opening hours and the account number remain as text. */
(function () {
  "use strict";
  var DAY_NAMES = ["", "thứ Hai", "thứ Ba", "thứ Tư", "thứ Năm", "thứ Sáu", "thứ Bảy", "Chủ nhật"];
  var HOUR = 3600 * 1000;
  var DAY = 24 * 60;

  function vietnamDate(time) {
    var t = new Date(time + 7 * HOUR);
    return {
      month: t.getUTCMonth() + 1,
      day: t.getUTCDate(),
      weekday: ((t.getUTCDay() + 6) % 7) + 1,
      minutes: t.getUTCHours() * 60 + t.getUTCMinutes()
    };
  }

  function inSeason(season, date) {
    var key = date.month * 100 + date.day;
    var from = season.from[0] * 100 + season.from[1];
    var to = season.to[0] * 100 + season.to[1];
    return from <= to ? key >= from && key <= to : key >= from || key <= to;
  }

  function rangesOn(schedule, date) {
    var summer = schedule.summer;
    var week = summer && inSeason(summer, date) ? summer.week : schedule.week;
    return week[String(date.weekday)] || [];
  }

  function clock(minutes) {
    return Math.floor(minutes / 60) + ":" + ("0" + (minutes % 60)).slice(-2);
  }

  // A closing time above 24:00 is after midnight, on the next day (16:00-01:00 is [960, 1500]).
  function closingText(closes, nextDay) {
    return closes > DAY ? clock(closes - DAY) + (nextDay ? " sáng mai" : "") : clock(closes);
  }

  function status(schedule, time) {
    var now = vietnamDate(time);
    var today = rangesOn(schedule, now);
    var yesterday = rangesOn(schedule, vietnamDate(time - 24 * HOUR));
    var i, range;
    for (i = 0; i < yesterday.length; i++) {
      range = yesterday[i];
      if (range[1] > DAY && now.minutes < range[1] - DAY) {
        return { state: "open", text: "Đang mở cửa · đóng cửa lúc " + closingText(range[1], false) };
      }
    }
    for (i = 0; i < today.length; i++) {
      range = today[i];
      if (now.minutes >= range[0] && now.minutes < range[1]) {
        return { state: "open", text: "Đang mở cửa · đóng cửa lúc " + closingText(range[1], true) };
      }
    }
    for (i = 0; i < today.length; i++) {
      if (today[i][0] > now.minutes) {
        var again = i > 0 ? "mở lại lúc " : "mở lúc ";
        return { state: "closed", text: "Đang đóng cửa · " + again + clock(today[i][0]) };
      }
    }
    for (i = 1; i <= 7; i++) {
      var date = vietnamDate(time + i * 24 * HOUR);
      var ranges = rangesOn(schedule, date);
      if (ranges.length) {
        var when = i === 1 ? "ngày mai" : DAY_NAMES[date.weekday];
        return { state: "closed", text: "Đang đóng cửa · mở lúc " + clock(ranges[0][0]) + " " + when };
      }
    }
    return { state: "closed", text: "Đang đóng cửa" };
  }

  var badges = document.querySelectorAll("[data-langso-hours]");
  for (var b = 0; b < badges.length; b++) {
    var badge = badges[b];
    var result = status(JSON.parse(badge.getAttribute("data-langso-hours")), Date.now());
    badge.textContent = result.text;
    // Class names written whole: the page's critical CSS keeps the rules a script names.
    badge.classList.add(result.state === "open" ? "langso-open--open" : "langso-open--closed");
    badge.hidden = false;
  }

  // The Clipboard API needs a secure context (https, or the local preview); elsewhere the
  // number is selected and copied the old way.
  function copyText(text) {
    if (navigator.clipboard && window.isSecureContext) {
      return navigator.clipboard.writeText(text);
    }
    return new Promise(function (resolve, reject) {
      var area = document.createElement("textarea");
      area.value = text;
      area.setAttribute("readonly", "");
      area.style.position = "fixed";
      area.style.opacity = "0";
      document.body.appendChild(area);
      area.select();
      var done = false;
      try {
        done = document.execCommand("copy");
      } catch (e) {
        done = false;
      }
      document.body.removeChild(area);
      if (done) resolve();
      else reject(new Error("copy"));
    });
  }

  var boxes = document.querySelectorAll(".langso-copy");
  for (var c = 0; c < boxes.length; c++) {
    (function (box) {
      var button = box.querySelector("[data-langso-copy]");
      var status = box.querySelector(".langso-copy__status");
      if (!button || !status) return;
      var number = button.getAttribute("data-langso-copy");
      button.addEventListener("click", function () {
        copyText(number).then(
          function () {
            status.textContent = "Đã chép số tài khoản " + number +
              ". Mở ứng dụng ngân hàng, chọn chuyển tiền rồi dán số này.";
          },
          function () {
            status.textContent = "Không chép được. Hãy giữ ngón tay lên số tài khoản " + number +
              " để chọn rồi chép.";
          }
        );
      });
      box.hidden = false;
    })(boxes[c]);
  }
})();
