// Click-to-load YouTube (partials/video.html): nothing is requested from
// YouTube until the reader clicks the poster; then the privacy-enhanced
// player (youtube-nocookie.com) replaces it and starts.
(function () {
  "use strict";
  var posters = document.querySelectorAll("[data-video-embed]");
  for (var i = 0; i < posters.length; i++) {
    posters[i].addEventListener("click", function (event) {
      var poster = event.currentTarget;
      event.preventDefault();
      var frame = document.createElement("iframe");
      frame.className = "video__frame";
      frame.src = poster.getAttribute("data-video-embed") + "?autoplay=1";
      frame.title = poster.getAttribute("data-video-title");
      frame.allow = "autoplay; encrypted-media; picture-in-picture; fullscreen";
      frame.allowFullscreen = true;
      frame.referrerPolicy = "strict-origin-when-cross-origin";
      poster.parentNode.replaceChild(frame, poster);
      frame.focus();
    });
  }
})();
