// Live preview only: plugins/build_speed/preview.py adds this script to the
// HTML it serves (it is never written to the site). When the preview has
// rebuilt the site, reload the page the editor is looking at.
(function () {
  "use strict";
  var seen = null;
  function check() {
    fetch("/__preview__/version", { cache: "no-store" })
      .then(function (response) { return response.text(); })
      .then(function (version) {
        if (seen !== null && version !== seen) {
          window.location.reload();
          return;
        }
        seen = version;
        window.setTimeout(check, 1000);
      })
      .catch(function () { window.setTimeout(check, 2000); });
  }
  check();
})();
