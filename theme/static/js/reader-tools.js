// Reader tools (partials/reader_tools.html): text size A- A A+, remembered in
// localStorage and applied on every page by portal.js; "Nghe đọc bài" reads
// the article with speechSynthesis, shown only when a Vietnamese voice exists.
(function () {
  "use strict";
  var tools = document.querySelector("[data-reader-tools]");
  if (!tools) return;
  var KEY = "portal-text-size";
  var STEPS = [87.5, 100, 112.5, 125, 137.5];  // percent of the normal size

  function current() {
    var saved = null;
    try { saved = window.localStorage.getItem(KEY); } catch (error) { saved = null; }
    var index = STEPS.indexOf(parseFloat(saved));
    return index === -1 ? 1 : index;
  }
  function apply(index) {
    document.documentElement.style.fontSize = STEPS[index] === 100 ? "" : STEPS[index] + "%";
    try {
      if (STEPS[index] === 100) window.localStorage.removeItem(KEY);
      else window.localStorage.setItem(KEY, String(STEPS[index]));
    } catch (error) { /* private mode: the size holds for this page only */ }
  }
  var buttons = tools.querySelectorAll("[data-text-size]");
  for (var i = 0; i < buttons.length; i++) {
    buttons[i].addEventListener("click", function (event) {
      var step = parseInt(event.currentTarget.getAttribute("data-text-size"), 10);
      var index = step === 0 ? 1 : Math.max(0, Math.min(STEPS.length - 1, current() + step));
      apply(index);
    });
  }
  tools.classList.add("reader-tools--ready");

  // --- "Nghe đọc bài" -------------------------------------------------------
  var listen = tools.querySelector("[data-listen]");
  var synth = window.speechSynthesis;
  if (!listen || !synth || !window.SpeechSynthesisUtterance && !synth.speak) return;

  function voice() {
    var voices = synth.getVoices ? synth.getVoices() : [];
    for (var j = 0; j < voices.length; j++) {
      if (/^vi(\b|[-_])/i.test(voices[j].lang || "")) return voices[j];
    }
    return null;
  }
  function parts() {
    // Title, lead, then each paragraph: short utterances read reliably.
    var texts = [];
    var article = document.querySelector(".article");
    if (!article) return texts;
    var nodes = article.querySelectorAll(".article__title, .article__lead, .article__body p, .article__body li, .article__body h2, .article__body h3");
    for (var k = 0; k < nodes.length; k++) {
      var text = nodes[k].textContent.replace(/\s+/g, " ").trim();
      if (text) texts.push(text);
    }
    return texts;
  }
  var reading = false;
  function stop() {
    synth.cancel();
    reading = false;
    listen.textContent = "Nghe đọc bài";
  }
  function start() {
    var chosen = voice();
    if (!chosen) return;
    synth.cancel();
    var texts = parts();
    texts.forEach(function (text, index) {
      var utterance = window.SpeechSynthesisUtterance
        ? new window.SpeechSynthesisUtterance(text) : { text: text };
      utterance.lang = chosen.lang;
      try { utterance.voice = chosen; } catch (error) { /* the language picks a voice */ }
      if (index === texts.length - 1) utterance.onend = stop;
      synth.speak(utterance);
    });
    reading = true;
    listen.textContent = "Dừng đọc";
  }
  function offer() { listen.hidden = !voice(); }
  listen.addEventListener("click", function () { if (reading) stop(); else start(); });
  offer();
  // Voices often arrive after the page loads.
  if (synth.addEventListener) synth.addEventListener("voiceschanged", offer);
  window.addEventListener("pagehide", function () { if (reading) synth.cancel(); });
})();
