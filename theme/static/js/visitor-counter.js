// Visitor counter: replace the digits the build rendered with the live count
// from the configured source (GoatCounter or a JSON endpoint), and fill in
// "Số lượt người xem" under an article when the source counts pages.
// Anything wrong (network error, 3 s timeout, HTTP error, malformed JSON, a
// negative or absurd number) leaves the build-time value as it is, hides what
// has no value, and logs nothing. Text only (textContent), never HTML from the
// network; no cookies. Runs once even if the page loads this file twice.
(function () {
  "use strict";
  if (!window.fetch || !window.AbortController) { return; }
  var TIMEOUT_MS = 3000;
  var MAX_COUNT = 999999999999;
  // GoatCounter formats counts for people: "1 539 736", "1,539,736" (also with
  // no-break or thin spaces); a JSON endpoint may send a plain number.
  var GROUPED = /^\d{1,3}(?:[ .,'\u00a0\u202f\u2009]?\d{3})*$/;

  function parseCount(value) {
    var number = null;
    if (typeof value === "number") {
      number = value;
    } else if (typeof value === "string" && GROUPED.test(value.trim())) {
      number = Number(value.replace(/\D/g, ""));
    }
    if (number === null || !Number.isSafeInteger(number) || number < 0 || number > MAX_COUNT) {
      return null;
    }
    return number;
  }

  function grouped(number) {
    return String(number).replace(/\B(?=(\d{3})+(?!\d))/g, ".");
  }

  // Resolves with the parsed JSON object, or null on any failure.
  function getJSON(url) {
    var controller = new AbortController();
    var timer = window.setTimeout(function () { controller.abort(); }, TIMEOUT_MS);
    return window.fetch(url, {
      credentials: "omit",
      cache: "no-store",
      headers: { Accept: "application/json" },
      signal: controller.signal
    })
      .then(function (response) { return response.ok ? response.json() : null; })
      .then(function (data) {
        return data && typeof data === "object" && !Array.isArray(data) ? data : null;
      })
      .catch(function () { return null; })
      .then(function (data) {
        window.clearTimeout(timer);
        return data;
      });
  }

  function showTotal(widget, total) {
    var minDigits = parseInt(widget.getAttribute("data-min-digits"), 10) || 1;
    var text = String(total);
    while (text.length < minDigits) { text = "0" + text; }
    var box = widget.querySelector("[data-counter-digits]");
    var digits = document.createDocumentFragment();
    for (var i = 0; i < text.length; i += 1) {
      var digit = document.createElement("span");
      digit.className = "visitor-counter__digit";
      digit.textContent = text.charAt(i);
      digits.appendChild(digit);
    }
    box.textContent = "";
    box.appendChild(digits);
    widget.querySelector("[data-counter-text]").textContent = grouped(total);
  }

  function showOnline(widget, online) {
    var row = widget.querySelector("[data-counter-online]");
    if (!row || online === null) { return; }
    row.querySelector("[data-counter-online-value]").textContent = grouped(online);
    row.hidden = false;
  }

  function updateWidget(widget) {
    widget.setAttribute("data-state", "loading");
    getJSON(widget.getAttribute("data-total-url")).then(function (data) {
      var live = data ? parseCount(data.count) : null;
      var offset = parseCount(Number(widget.getAttribute("data-offset"))) || 0;
      var total = live === null ? null : live + offset;
      if (total === null || total > MAX_COUNT) {
        widget.setAttribute("data-state", "fallback");
        return;
      }
      showTotal(widget, total);
      showOnline(widget, "online" in data ? parseCount(data.online) : null);
      widget.setAttribute("data-state", "live");
    });
  }

  function updateViewCount(line) {
    line.setAttribute("data-state", "loading");
    var path = encodeURIComponent(line.getAttribute("data-path"));
    var url = line.getAttribute("data-page-url").split("{path}").join(path);
    getJSON(url).then(function (data) {
      var views = data ? parseCount(data.count) : null;
      if (views === null) {
        line.setAttribute("data-state", "fallback");
        return;
      }
      line.querySelector("[data-view-count-value]").textContent = grouped(views);
      line.hidden = false;
      line.setAttribute("data-state", "live");
    });
  }

  var widgets = document.querySelectorAll("[data-visitor-counter]:not([data-state])");
  for (var w = 0; w < widgets.length; w += 1) { updateWidget(widgets[w]); }
  var lines = document.querySelectorAll("[data-view-count]:not([data-state])");
  for (var l = 0; l < lines.length; l += 1) { updateViewCount(lines[l]); }
})();
