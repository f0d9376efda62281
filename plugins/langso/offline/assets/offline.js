/* Làng số: offline reading (langso/offline). Registers the service worker (sw.js at the site
 * root, found through the page's relative root) and runs the "save the whole guidebook" offer.
 *
 * The offer sits under the toolbar, where it is seen. Where it will show there (class
 * `langso-offer` on <html>, set in <head>: service workers available, not saved or put off)
 * the page's inline style shows it from the first paint, so no empty band waits for it and
 * nothing moves; saving waits for the worker, registered once the page has loaded. Its
 * question opens inside it, in view. Once the reader has saved the guidebook or put the offer off ("Để sau"), later
 * pages show it at the end of the article instead (to save a newer copy). It stays hidden
 * without JavaScript and where service workers are unavailable.
 */
(function () {
  "use strict";

  var box = document.getElementById("langso-offline");
  var html = document.documentElement;
  if (!box || !("serviceWorker" in navigator)) return;
  var root = box.getAttribute("data-root") || "./";
  var key = new URL(root + "langso.offline", location.href).pathname;
  var save = box.querySelector(".langso-offline__save");
  var later = box.querySelector(".langso-offline__later");
  var confirm = box.querySelector(".langso-offline__confirm");
  var yes = box.querySelector(".langso-offline__yes");
  var no = box.querySelector(".langso-offline__no");
  var bar = box.querySelector(".langso-offline__progress");
  var status = box.querySelector(".langso-offline__status");

  function remembered() {
    try { return localStorage.getItem(key); } catch (e) { return null; }
  }

  function remember(value) {
    try { localStorage.setItem(key, value); } catch (e) { /* private mode: ask again */ }
  }

  var putOff = false; // "Để sau" on this page, perhaps before the worker was registered

  function show() {
    if (putOff) return;
    if (!html.classList.contains("langso-offer")) {
      // Saved or put off before: the offer waits at the end of the article, moving nothing.
      var article = document.querySelector("article") || document.body;
      box.classList.remove("langso-offline--top");
      article.appendChild(box);
      later.hidden = true;
      if (remembered() === "saved") save.textContent = "Lưu lại bản mới để đọc khi mất mạng";
    }
    box.hidden = false;
  }

  function register() {
    navigator.serviceWorker.register(root + "sw.js", { scope: root, updateViaCache: "none" })
      .then(show)
      .catch(function () { html.classList.remove("langso-offer"); });
  }
  // The page first: the worker (and the theme's files it stores) starts once the page has
  // loaded, and the offer shows as soon as the worker is registered.
  if (document.readyState === "complete") {
    register();
  } else {
    window.addEventListener("load", register);
  }

  /** Send `message` to the active worker; `onReply` gets each message it sends back. */
  function ask(message, onReply) {
    return navigator.serviceWorker.ready.then(function (registration) {
      var channel = new MessageChannel();
      channel.port1.onmessage = function (event) { onReply(event.data); };
      registration.active.postMessage(message, [channel.port2]);
    });
  }

  // The base map's choice ("Cả bản đồ nền: 3,2 MB"), from offline-map.js, loaded only when the
  // site has a base map and the reader asks to save: no page's first load carries it.
  var mapChoice = null;

  function offerMap(info, then) {
    if (!info.basemap || mapChoice) {
      if (mapChoice) mapChoice.show();
      return then();
    }
    var script = document.createElement("script");
    script.src = root + "assets/langso/offline-map.js";
    script.onload = function () {
      mapChoice = window.LangsoOfflineMap(info, confirm, yes);
      then();
    };
    script.onerror = then;
    document.head.appendChild(script);
  }

  function inView(node) {
    if (node.scrollIntoView) node.scrollIntoView({ block: "nearest" });
  }

  later.addEventListener("click", function () {
    putOff = true;
    remember("later");
    html.classList.remove("langso-offer");
    box.hidden = true;
  });

  save.addEventListener("click", function () {
    save.disabled = true;
    later.hidden = true;
    status.textContent = "Đang tính dung lượng…";
    ask({ type: "langso-info" }, function (info) {
      status.textContent = "Cả cuốn sổ tay (" + info.pages + " trang) nặng khoảng " +
        info.total_label + ". Lưu vào máy để đọc khi mất mạng?";
      yes.textContent = "Lưu " + info.total_label;
      offerMap(info, function () {
        confirm.hidden = false;
        inView(confirm);
        yes.focus({ preventScroll: true });
      });
    });
  });

  function hideMap() {
    if (mapChoice) mapChoice.hide();
  }

  no.addEventListener("click", function () {
    confirm.hidden = true;
    hideMap();
    save.disabled = false;
    later.hidden = !box.classList.contains("langso-offline--top");
    status.textContent = "";
    save.focus();
  });

  yes.addEventListener("click", function () {
    var withMap = !!(mapChoice && mapChoice.checked());
    confirm.hidden = true;
    hideMap();
    bar.hidden = false;
    status.textContent = "Đang lưu…";
    inView(box);
    ask({ type: "langso-save-all", basemap: withMap }, function (message) {
      bar.max = message.total;
      bar.value = message.done;
      if (message.type === "progress") {
        // Counted in pages, as the question and the result are ("50 trang"): the files the
        // pages need come after them and move only the bar.
        status.textContent = "Đang lưu… " + Math.min(message.done, message.pages) + "/" +
          message.pages + " trang";
      } else if (message.failed) {
        // Nothing saved at all: most often the phone has no signal; say that, not a count.
        status.textContent = message.failed === message.total ?
          "Đang mất mạng nên chưa lưu được. Bật dữ liệu di động hoặc Wi-Fi rồi bấm lại." :
          "Chưa lưu được " + message.failed + "/" + message.total +
          " tệp. Thử lại khi có sóng tốt hơn.";
        save.disabled = false;
      } else {
        status.textContent = "Đã lưu xong " + message.pages + " trang" +
          (withMap ? " và bản đồ nền" : "") + ": đọc được cả khi mất mạng.";
        save.textContent = "Lưu lại bản mới";
        save.disabled = false;
        bar.hidden = true;
        remember("saved");
      }
    });
  });
})();
