/* 404 page: follow an imported portal's old address to its new page.
   The key is made exactly as importer/redirects.py normalise() makes it:
   path lower-cased, "language" dropped, parameters sorted, form-encoded. */
(function () {
  "use strict";
  var note = document.getElementById("old-address");
  var script = document.querySelector("script[data-map][src*='old-address']");
  if (!note || !script || !window.fetch) {
    return;
  }
  // The home page only follows old query-string addresses ("/?p=30").
  if (!location.search && !document.body.classList.contains("page--not-found")) {
    return;
  }
  function encode(text) {
    return encodeURIComponent(text)
      .replace(/[!'()*]/g, function (c) {
        return "%" + c.charCodeAt(0).toString(16).toUpperCase();
      })
      .replace(/%20/g, "+");
  }
  var site = script.getAttribute("data-site") || "";
  var base = site ? new URL(site, location.href).pathname.replace(/\/$/, "") : "";
  var path = location.pathname;
  if (base && path.indexOf(base + "/") === 0) {
    path = path.slice(base.length);
  }
  try {
    path = decodeURIComponent(path);
  } catch (error) {
    return;
  }
  var params = [];
  new URLSearchParams(location.search).forEach(function (value, key) {
    if (value !== "" && key.toLowerCase() !== "language") {
      params.push([key.toLowerCase(), value]);
    }
  });
  params.sort(function (a, b) {
    if (a[0] !== b[0]) {
      return a[0] < b[0] ? -1 : 1;
    }
    return a[1] < b[1] ? -1 : a[1] > b[1] ? 1 : 0;
  });
  var key = "/" + path.replace(/^\/+/, "").toLowerCase();
  if (params.length) {
    key += "?" + params.map(function (p) { return encode(p[0]) + "=" + encode(p[1]); }).join("&");
  }
  fetch(script.getAttribute("data-map"))
    .then(function (response) { return response.ok ? response.json() : {}; })
    .then(function (map) {
      var target = map[key];
      if (!target) {
        return;
      }
      var link = note.querySelector("a");
      link.href = target;
      note.hidden = false;
      location.replace(target);
    })
    .catch(function () {});
})();
