// Site menu (partials/nav.html): the menus are native <details>, so they work
// without this script. It only adds what readers expect of a drop-down: Escape
// and a click elsewhere close an open group, opening one closes the other, and
// browsers without ::details-content get the outer menu opened on desktops.
(function () {
  "use strict";
  var nav = document.querySelector(".site-nav");
  if (!nav) return;
  var menu = nav.querySelector(".site-nav__menu");
  var groups = nav.querySelectorAll(".site-nav__disclosure");
  var wide = window.matchMedia("(min-width: 56rem)");
  var toggle = nav.querySelector(".site-nav__toggle");
  function syncOuter() {
    // The toggle is hidden on desktops: keep the outer menu open there.
    if (menu && toggle && getComputedStyle(toggle).display === "none") menu.open = true;
  }
  syncOuter();
  if (wide.addEventListener) wide.addEventListener("change", function () {
    if (!wide.matches && menu) menu.open = false;
    syncOuter();
  });
  function closeAll(except) {
    for (var i = 0; i < groups.length; i++) {
      if (groups[i] !== except) groups[i].open = false;
    }
  }
  for (var i = 0; i < groups.length; i++) {
    groups[i].addEventListener("toggle", function (event) {
      if (event.target.open && wide.matches) closeAll(event.target);
    });
  }
  document.addEventListener("keydown", function (event) {
    if (event.key !== "Escape") return;
    var open = nav.querySelector(".site-nav__disclosure[open]");
    if (!open) return;
    open.open = false;
    open.querySelector("summary").focus();
  });
  document.addEventListener("click", function (event) {
    if (wide.matches && !nav.contains(event.target)) closeAll(null);
  });
})();
