/* Làng số: offline reading (langso/offline), the base map's choice. Loaded by offline.js only
 * when the site has a base map and the reader asks to save the guidebook, so no page's first
 * load carries it. `LangsoOfflineMap(info, confirm, yes)` puts "Cả bản đồ nền: 3,2 MB" (a
 * checkbox, 48 px tall) above the answers `confirm`, ticked unless the phone saves data or is on
 * 2G (the reader chooses), and keeps the "Lưu …" button `yes` saying the size to download.
 */
(function () {
  "use strict";

  /** A size as format_size (offline/build.py) writes it: "850 KB", "3,2 MB". */
  function sizeLabel(bytes) {
    if (bytes < 1048576) return Math.max(1, Math.round(bytes / 1024)) + " KB";
    return (bytes / 1048576).toFixed(1).replace(".", ",").replace(/,0$/, "") + " MB";
  }

  function slowData() {
    var c = navigator.connection;
    return !!(c && (c.saveData || /(^|-)2g$/.test(c.effectiveType || "")));
  }

  window.LangsoOfflineMap = function (info, confirm, yes) {
    var label = document.createElement("label");
    label.className = "langso-offline__map";
    label.style.cssText = "display:flex;align-items:center;gap:.5em;min-height:48px;" +
      "margin:.2em 0;cursor:pointer;font-size:calc(.9rem*var(--langso-scale,1))";
    var box = document.createElement("input");
    box.type = "checkbox";
    box.style.cssText = "width:1.5em;height:1.5em;margin:0;flex:none";
    box.checked = !slowData();
    label.appendChild(box);
    label.appendChild(document.createTextNode(
      "Cả bản đồ nền: " + info.basemap.label + " (để xem bản đồ làng khi mất mạng)"));
    confirm.parentNode.insertBefore(label, confirm);

    function say() {
      yes.textContent = "Lưu " +
        sizeLabel(info.total_bytes + (box.checked ? info.basemap.bytes : 0));
    }
    box.addEventListener("change", say);
    say();
    return {
      checked: function () { return box.checked; },
      show: function () { label.style.display = "flex"; say(); },
      hide: function () { label.style.display = "none"; },
    };
  };
})();
