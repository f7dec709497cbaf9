// "Đến trang": go straight to page n of a paginated listing. Input that is not
// a page of this listing is refused with a message; without JavaScript the
// form stays hidden and the page links do the job.
(function () {
  "use strict";
  var forms = document.querySelectorAll("[data-page-jump]");
  if (!forms.length || !window.JSON) { return; }

  // Pelican's rule choice: the last rule whose first page is <= n; a rule for
  // page -1 applies to the last page only.
  function pageUrl(rules, number, last) {
    var chosen = null;
    for (var i = 0; i < rules.length; i += 1) {
      if (rules[i][0] === -1) {
        if (number === last) { chosen = rules[i]; break; }
      } else if (rules[i][0] <= number) {
        chosen = rules[i];
      }
    }
    return chosen ? chosen[1].split("{n}").join(String(number)) : null;
  }

  function enhance(form) {
    var input = form.querySelector("input");
    var message = form.querySelector(".page-jump__message");
    var rules = JSON.parse(form.getAttribute("data-rules"));
    var base = form.getAttribute("data-base");
    var current = parseInt(form.getAttribute("data-current"), 10);
    var last = parseInt(form.getAttribute("data-last"), 10);

    function refuse(text) {
      message.textContent = text;
      input.setAttribute("aria-invalid", "true");
      input.focus();
      input.select();
    }

    form.hidden = false;
    form.addEventListener("submit", function (event) {
      event.preventDefault();
      var text = (input.value || "").trim();
      var range = "Nhập số trang từ 1 đến " + last + ".";
      if (!/^\d+$/.test(text)) { refuse(range); return; }
      var number = parseInt(text, 10);
      if (number < 1 || number > last) {
        refuse("Không có trang " + number + ": danh sách này có " + last + " trang. " + range);
        return;
      }
      input.removeAttribute("aria-invalid");
      if (number === current) {
        message.textContent = "Bạn đang ở trang " + number + ".";
        return;
      }
      var url = pageUrl(rules, number, last);
      if (url !== null) {
        message.textContent = "";
        window.location.assign(base + url);
      }
    });
  }

  Array.prototype.forEach.call(forms, enhance);
})();
