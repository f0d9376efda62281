/* langso/reader: A−, A, A+, the contrast switch and the share button; choices kept in
   localStorage (the inline <head> script applies them before the first paint). */
(function () {
  "use strict";
  var MIN = -1, MAX = 3;
  var html = document.documentElement;
  var key = window.langsoReaderKey || "langso.";

  function save(name, value) {
    try { localStorage.setItem(key + name, value); } catch (e) { /* private mode */ }
  }
  function size() {
    return parseInt(html.getAttribute("data-langso-size") || "0", 10) || 0;
  }
  function setSize(value) {
    value = Math.max(MIN, Math.min(MAX, value));
    if (value) html.setAttribute("data-langso-size", String(value));
    else html.removeAttribute("data-langso-size");
    save("size", String(value));
    showSize();
  }
  // The pressed button tells the size in use: A− smaller, A the default, A+ larger.
  function showSize() {
    var now = size();
    document.querySelectorAll(".langso-reader [data-langso-size]").forEach(function (button) {
      var step = parseInt(button.getAttribute("data-langso-size"), 10);
      var on = step < 0 ? now < 0 : step > 0 ? now > 0 : now === 0;
      button.setAttribute("aria-pressed", on ? "true" : "false");
    });
  }
  function showContrast(button) {
    button.setAttribute("aria-pressed", html.classList.contains("langso-contrast") ? "true" : "false");
  }

  showSize();
  document.querySelectorAll(".langso-reader [data-langso-size]").forEach(function (button) {
    button.addEventListener("click", function () {
      var step = parseInt(button.getAttribute("data-langso-size"), 10);
      setSize(step === 0 ? 0 : size() + step);
    });
  });
  document.querySelectorAll(".langso-reader [data-langso-contrast]").forEach(function (button) {
    showContrast(button);
    button.addEventListener("click", function () {
      var on = html.classList.toggle("langso-contrast");
      save("contrast", on ? "1" : "0");
      showContrast(button);
    });
  });

  function link() {
    var canonical = document.querySelector('link[rel="canonical"]');
    return canonical ? canonical.href : location.href.split("#")[0];
  }
  var cleared = 0;
  // "Đã chép" shows on the button for a while (reader.css keeps its width: nothing moves or is
  // covered) and the status line says it to screen readers; an address to copy by hand shows
  // in the status line itself, under the toolbar.
  function say(button, status, text, brief) {
    if (!status) return;
    status.textContent = text;
    status.classList.toggle("langso-reader__status--shown", !brief);
    clearTimeout(cleared);
    if (brief) {
      button.textContent = "Đã chép";
      cleared = setTimeout(function () {
        status.textContent = "";
        button.textContent = "Chia sẻ";
      }, 5000);
    }
  }
  function copy(text) {
    if (navigator.clipboard && navigator.clipboard.writeText) {
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
      var ok = false;
      try { ok = document.execCommand("copy"); } catch (e) { ok = false; }
      document.body.removeChild(area);
      if (ok) resolve(); else reject(new Error("copy"));
    });
  }
  document.querySelectorAll(".langso-reader [data-langso-share]").forEach(function (button) {
    var region = button.closest(".langso-reader");
    var status = region && region.querySelector(".langso-reader__status");
    button.addEventListener("click", function () {
      var url = link();
      if (navigator.share) {
        navigator.share({ title: document.title, url: url }).catch(function () { /* cancelled */ });
        return;
      }
      copy(url).then(
        function () { say(button, status, "Đã chép liên kết", true); },
        function () { say(button, status, url); }
      );
    });
  });
})();
