/* Làng số: offline reading (langso/offline). Registers the service worker (sw.js at the site
 * root, found through the page's relative root) and runs the "save the whole guidebook" button.
 * The button stays hidden without JavaScript and where service workers are unavailable.
 */
(function () {
  "use strict";

  var box = document.getElementById("langso-offline");
  if (!box || !("serviceWorker" in navigator)) return;
  var root = box.getAttribute("data-root") || "./";
  var save = box.querySelector(".langso-offline__save");
  var confirm = box.querySelector(".langso-offline__confirm");
  var yes = box.querySelector(".langso-offline__yes");
  var no = box.querySelector(".langso-offline__no");
  var bar = box.querySelector(".langso-offline__progress");
  var status = box.querySelector(".langso-offline__status");

  function register() {
    navigator.serviceWorker.register(root + "sw.js", { scope: root, updateViaCache: "none" })
      .then(function () { box.hidden = false; })
      .catch(function () { /* no worker: no button */ });
  }
  // A first visit on slow data gets the page first: the worker (and what it stores) starts a
  // few seconds after the page has loaded. A returning reader's worker starts at once.
  if (navigator.serviceWorker.controller) {
    register();
  } else if (document.readyState === "complete") {
    setTimeout(register, 3000);
  } else {
    window.addEventListener("load", function () { setTimeout(register, 3000); });
  }

  /** Send `message` to the active worker; `onReply` gets each message it sends back. */
  function ask(message, onReply) {
    return navigator.serviceWorker.ready.then(function (registration) {
      var channel = new MessageChannel();
      channel.port1.onmessage = function (event) { onReply(event.data); };
      registration.active.postMessage(message, [channel.port2]);
    });
  }

  save.addEventListener("click", function () {
    save.disabled = true;
    status.textContent = "Đang tính dung lượng…";
    ask({ type: "langso-info" }, function (info) {
      status.textContent = "Cả cuốn sổ tay (" + info.pages + " trang) nặng khoảng " +
        info.total_label + ". Lưu vào máy để đọc khi mất mạng?";
      yes.textContent = "Lưu " + info.total_label;
      confirm.hidden = false;
      yes.focus();
    });
  });

  no.addEventListener("click", function () {
    confirm.hidden = true;
    save.disabled = false;
    status.textContent = "";
    save.focus();
  });

  yes.addEventListener("click", function () {
    confirm.hidden = true;
    bar.hidden = false;
    status.textContent = "Đang lưu…";
    ask({ type: "langso-save-all" }, function (message) {
      bar.max = message.total;
      bar.value = message.done;
      if (message.type === "progress") {
        status.textContent = "Đang lưu… " + message.done + "/" + message.total;
      } else if (message.failed) {
        status.textContent = "Chưa lưu được " + message.failed + "/" + message.total +
          " tệp. Thử lại khi có sóng tốt hơn.";
        save.disabled = false;
      } else {
        status.textContent = "Đã lưu xong " + message.pages +
          " trang: đọc được cả khi mất mạng.";
        save.textContent = "Lưu lại bản mới";
        save.disabled = false;
      }
    });
  });
})();
