// Register "Văn bản": instant filters by type, issuer, year and free text
// (diacritics ignored: "ke hoach" finds "Kế hoạch"). Without JavaScript the
// form stays hidden and the whole table is shown. With it, at most STEP
// matching rows are shown at a time ("Hiện thêm" shows more): laying out a
// table of thousands of rows is what makes a filter slow, not matching them.
// Filters are kept in the address (?loai=...&nam=...) so a list can be shared.
(function () {
  "use strict";
  var form = document.querySelector("[data-doc-filter]");
  var table = document.querySelector("[data-doc-register]");
  if (!form || !table || !table.tBodies.length) {
    return;
  }
  var STEP = 300;
  var status = document.querySelector("[data-doc-status]");
  var empty = document.querySelector("[data-doc-empty]");
  var more = document.querySelector("[data-doc-more]");
  var moreButton = more.querySelector("button");
  var fields = {
    q: form.elements.q,
    loai: form.elements.loai,
    "co-quan": form.elements["co-quan"],
    nam: form.elements.nam
  };
  var limit = STEP;
  var rememberTimer = 0;

  function fold(text) {
    return text.replace(/đ/g, "d").replace(/Đ/g, "D").normalize("NFD")
      .replace(/[\u0300-\u036f]/g, "").toLowerCase().replace(/\s+/g, " ").trim();
  }

  function count(number) {
    return number.toLocaleString("vi-VN");
  }

  // Read every row once; filtering then only compares prepared strings.
  var rows = Array.prototype.map.call(table.tBodies[0].rows, function (row) {
    var time = row.querySelector("time");
    return {
      row: row,
      type: fold(row.cells[3].textContent),
      issuer: fold(row.cells[4].textContent),
      year: time ? time.getAttribute("datetime").slice(0, 4) : "",
      text: fold(row.textContent)
    };
  });

  function matches(entry, type, issuer, year, words) {
    if ((type && entry.type !== type) || (issuer && entry.issuer !== issuer)) {
      return false;
    }
    if (year && entry.year !== year) {
      return false;
    }
    for (var i = 0; i < words.length; i += 1) {
      if (entry.text.indexOf(words[i]) === -1) {
        return false;
      }
    }
    return true;
  }

  function remember() {
    var params = new URLSearchParams();
    Object.keys(fields).forEach(function (name) {
      if (fields[name].value.trim()) {
        params.set(name, fields[name].value.trim());
      }
    });
    var query = params.toString();
    var address = window.location.pathname + (query ? "?" + query : "") + window.location.hash;
    window.history.replaceState(null, "", address);
  }

  function apply() {
    var type = fold(fields.loai.value);
    var issuer = fold(fields["co-quan"].value);
    var year = fields.nam.value;
    var query = fold(fields.q.value);
    var words = query ? query.split(" ") : [];
    var found = 0;
    for (var i = 0; i < rows.length; i += 1) {
      var visible = matches(rows[i], type, issuer, year, words);
      if (visible) {
        found += 1;
        visible = found <= limit;
      }
      // Only rows that change are touched.
      if (rows[i].row.hidden === visible) {
        rows[i].row.hidden = !visible;
      }
    }
    var shown = Math.min(found, limit);
    var message = "";
    if (type || issuer || year || words.length) {
      message = "Tìm thấy " + count(found) + " / " + count(rows.length) + " văn bản.";
    }
    if (found > shown) {
      message += (message ? " " : "") + "Đang hiện " + count(shown) + " văn bản đầu.";
    }
    status.textContent = message;
    empty.hidden = found > 0;
    more.hidden = found <= shown;
    moreButton.textContent = "Hiện thêm " + count(Math.min(STEP, found - shown)) +
      " văn bản (còn " + count(found - shown) + ")";
    // The address is updated once typing pauses: replaceState is not free.
    window.clearTimeout(rememberTimer);
    rememberTimer = window.setTimeout(remember, 300);
  }

  function refilter() {
    limit = STEP;
    apply();
  }

  var params = new URLSearchParams(window.location.search);
  Object.keys(fields).forEach(function (name) {
    if (params.has(name)) {
      fields[name].value = params.get(name);
    }
  });
  // Text fields and lists both fire "input" on every change.
  form.addEventListener("input", refilter);
  form.addEventListener("submit", function (event) {
    event.preventDefault();
    refilter();
  });
  form.addEventListener("reset", function () {
    // The fields are cleared after this event; filter once they are.
    window.setTimeout(refilter, 0);
  });
  moreButton.addEventListener("click", function () {
    limit += STEP;
    apply();
  });
  form.hidden = false;
  refilter();
})();
