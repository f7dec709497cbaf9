// Article actions: "Bản in" prints the page (articles, notices); "Quay lại" goes back when the
// reader came from this site (otherwise the link opens the category).
(function () {
  "use strict";
  var printButton = document.querySelector("[data-action='print']");
  if (printButton) {
    printButton.hidden = false;
    printButton.addEventListener("click", function () { window.print(); });
  }
  var back = document.querySelector("[data-action='back']");
  if (back) {
    back.addEventListener("click", function (event) {
      var sameSite = document.referrer && document.referrer.indexOf(window.location.origin) === 0;
      if (sameSite && window.history.length > 1) {
        event.preventDefault();
        window.history.back();
      }
    });
  }
})();

// Printed pages name their address and the day they were printed
// (partials/print_info.html, shown only on paper).
(function () {
  "use strict";
  var info = document.querySelector("[data-print-info]");
  if (!info) return;
  function two(n) { return (n < 10 ? "0" : "") + n; }
  function fill() {
    var now = new Date();
    info.querySelector("[data-print-url]").textContent = window.location.href.split("#")[0];
    info.querySelector("[data-print-date]").textContent =
      two(now.getDate()) + "/" + two(now.getMonth() + 1) + "/" + now.getFullYear();
    info.querySelector("[data-print-date-wrap]").hidden = false;
  }
  fill();
  window.addEventListener("beforeprint", fill);
})();

// The text size a reader chose with A- A A+ (js/reader-tools.js), on every page.
(function () {
  "use strict";
  var saved = null;
  try { saved = window.localStorage.getItem("portal-text-size"); } catch (error) { return; }
  var percent = parseFloat(saved);
  if (percent >= 80 && percent <= 150) document.documentElement.style.fontSize = percent + "%";
})();
