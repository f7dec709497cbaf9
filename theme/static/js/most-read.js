// "Đọc nhiều" (partials/most_read.html): asks the counter's top_endpoint for
// {"pages": [{"path", "title", "count"}]} and shows up to five pages of this
// site. Any failure, a slow answer (3 s) or nothing usable leaves it hidden.
(function () {
  "use strict";
  var box = document.querySelector("[data-most-read]");
  if (!box || !window.fetch) return;
  var list = box.querySelector("ol");
  var base = box.getAttribute("data-base-path") || "";
  var MAX = 5;
  var controller = window.AbortController ? new AbortController() : null;
  var timer = window.setTimeout(function () { if (controller) controller.abort(); }, 3000);
  window.fetch(box.getAttribute("data-most-read"), {
    credentials: "omit",
    signal: controller ? controller.signal : undefined
  }).then(function (response) {
    if (!response.ok) throw new Error("HTTP " + response.status);
    return response.json();
  }).then(function (doc) {
    window.clearTimeout(timer);
    var pages = doc && Array.isArray(doc.pages) ? doc.pages : [];
    var shown = 0;
    for (var i = 0; i < pages.length && shown < MAX; i++) {
      var page = pages[i] || {};
      var path = typeof page.path === "string" ? page.path : "";
      var title = typeof page.title === "string" ? page.title.trim() : "";
      // Only this site's own pages ("/..." under its sub-path), with a title.
      if (!title || path.charAt(0) !== "/" || path.charAt(1) === "/" || path.indexOf(base + "/") !== 0) continue;
      var item = document.createElement("li");
      var link = document.createElement("a");
      link.href = path;
      link.textContent = title;
      item.appendChild(link);
      list.appendChild(item);
      shown += 1;
    }
    if (shown) box.hidden = false;
  }).catch(function () { window.clearTimeout(timer); });
})();
