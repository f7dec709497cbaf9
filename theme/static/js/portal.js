// Article actions: "Bản in" prints the page; "Quay lại" goes back when the
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
