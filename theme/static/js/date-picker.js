// "Xem theo ngày": open the archive of the chosen day. A day without articles
// is said so, with links to the nearest earlier and later days that have some.
// The days come from the JSON the build writes (listings plugin); without
// JavaScript the form stays hidden and "Lưu trữ" reaches every day.
(function () {
  "use strict";
  var form = document.querySelector("[data-date-picker]");
  if (!form || !window.fetch || !window.JSON) { return; }
  var input = form.querySelector(".date-picker__input");
  var calendar = form.querySelector(".date-picker__calendar");
  var result = form.querySelector(".date-picker__result");
  var base = form.getAttribute("data-base");
  var loading = null;

  function load() {
    if (!loading) {
      loading = window.fetch(form.getAttribute("data-days"), { credentials: "same-origin" })
        .then(function (response) {
          if (!response.ok) { throw new Error("HTTP " + response.status); }
          return response.json();
        })
        .then(function (doc) {
          doc.keys = Object.keys(doc.days).sort();
          return doc;
        });
      // A failed download may be retried on the next attempt.
      loading.catch(function () { loading = null; });
    }
    return loading;
  }

  function pad(number) { return (number < 10 ? "0" : "") + number; }

  // "16/07/2020", "16.7.2020", "16072020" (typed day first, as Vietnamese
  // readers write dates) or "2020-07-16" (the calendar) -> key.
  function parse(value) {
    var text = (value || "").trim();
    var iso = /^(\d{4})-(\d{1,2})-(\d{1,2})$/.exec(text);
    var vn = /^(\d{1,2})[/.-](\d{1,2})[/.-](\d{4})$/.exec(text) ||
      /^(\d{2})(\d{2})(\d{4})$/.exec(text);
    var y, m, d;
    if (iso) { y = +iso[1]; m = +iso[2]; d = +iso[3]; }
    else if (vn) { y = +vn[3]; m = +vn[2]; d = +vn[1]; }
    else { return null; }
    var check = new Date(Date.UTC(y, m - 1, d));
    if (check.getUTCFullYear() !== y || check.getUTCMonth() !== m - 1 || check.getUTCDate() !== d) {
      return null;
    }
    return y + "-" + pad(m) + "-" + pad(d);
  }

  function label(key) {
    var parts = key.split("-");
    return parts[2] + "/" + parts[1] + "/" + parts[0];
  }

  function dayUrl(doc, key) {
    if (!doc.url) { return base + doc.urls[key]; }
    var parts = key.split("-");
    return base + doc.url.replace("{yyyy}", parts[0]).replace("{mm}", parts[1]).replace("{dd}", parts[2]);
  }

  // Index of the first day after ``key`` in the sorted list of days.
  function firstAfter(keys, key) {
    var low = 0, high = keys.length;
    while (low < high) {
      var middle = (low + high) >> 1;
      if (keys[middle] <= key) { low = middle + 1; } else { high = middle; }
    }
    return low;
  }

  function element(tag, className, text) {
    var node = document.createElement(tag);
    if (className) { node.className = className; }
    if (text) { node.textContent = text; }
    return node;
  }

  function say(nodes) {
    while (result.firstChild) { result.removeChild(result.firstChild); }
    nodes.forEach(function (node) { result.appendChild(node); });
  }

  function suggestion(doc, key, text) {
    var item = element("li", "", text + " ");
    var link = element("a", "", label(key) + " (" + doc.days[key] + " tin)");
    link.href = dayUrl(doc, key);
    item.appendChild(link);
    return item;
  }

  function noArticles(doc, key) {
    var after = firstAfter(doc.keys, key);
    var list = element("ul", "date-picker__nearest");
    if (after > 0) { list.appendChild(suggestion(doc, doc.keys[after - 1], "Ngày gần nhất trước đó:")); }
    if (after < doc.keys.length) { list.appendChild(suggestion(doc, doc.keys[after], "Ngày gần nhất sau đó:")); }
    say([element("p", "date-picker__empty", "Ngày " + label(key) + " không có tin nào."), list]);
  }

  form.hidden = false;
  input.addEventListener("focus", load);
  // Eight digits typed in a row read as ddmmyyyy: show them as dd/mm/yyyy.
  input.addEventListener("input", function () {
    var key = parse(input.value);
    if (/^\d{8}$/.test(input.value.trim()) && key) { input.value = label(key); }
    if (calendar && key) { calendar.value = key; }
  });
  if (calendar) {
    calendar.addEventListener("change", function () {
      var key = parse(calendar.value);
      if (key) { input.value = label(key); input.removeAttribute("aria-invalid"); }
    });
  }
  form.addEventListener("submit", function (event) {
    event.preventDefault();
    var key = parse(input.value);
    if (!key) {
      input.setAttribute("aria-invalid", "true");
      say([element("p", "date-picker__error", "Hãy chọn một ngày (ngày/tháng/năm).")]);
      input.focus();
      return;
    }
    input.removeAttribute("aria-invalid");
    load().then(function (doc) {
      if (Object.prototype.hasOwnProperty.call(doc.days, key)) {
        window.location.assign(dayUrl(doc, key));
      } else {
        noArticles(doc, key);
      }
    }, function () {
      say([element("p", "date-picker__error", "Không tải được danh sách ngày có tin. Mời xem trong trang Lưu trữ.")]);
    });
  });
})();
