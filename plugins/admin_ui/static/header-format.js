/* Pelican's "Key: value" header, read and written faithfully for Decap CMS.
 *
 * parse(text, fields) -> data for the form; serialise(data, fields) -> text.
 * The original header lines travel in data._header, so a field the editor did
 * not change is written back byte for byte; a changed field rewrites only its
 * own line(s); a new field is added at the end of the header. Output is NFC
 * with LF line ends. Works in the browser (window.PortalHeaderFormat) and in
 * Node (module.exports), where the unit tests run it.
 */
(function (root, factory) {
  "use strict";
  if (typeof module === "object" && module.exports) {
    module.exports = factory();
  } else {
    root.PortalHeaderFormat = factory();
  }
})(typeof self !== "undefined" ? self : this, function () {
  "use strict";

  // Python-Markdown's meta extension (what Pelican reads) uses these two patterns.
  var KEY_LINE = /^[ ]{0,3}([A-Za-z0-9_-]+):\s*(.*)$/;
  var CONTINUATION = /^[ ]{4,}(.*)$/;
  var ISO = /^(\d{4})-(\d{1,2})-(\d{1,2})(?:[ T]+(\d{1,2}):(\d{2})(?::(\d{2}))?)?$/;
  var VN = /^(\d{1,2})[/.-](\d{1,2})[/.-](\d{4})(?:\s+(\d{1,2}):(\d{2})(?::(\d{2}))?)?$/;
  var TRUE = ["co", "yes", "true", "1", "x", "ghim"];
  var DRAFT = ["draft", "nhap", "ban nhap"];

  function nfc(text) {
    return String(text).normalize("NFC");
  }

  function fold(text) {
    return nfc(text)
      .normalize("NFD")
      .replace(/[\u0300-\u036f]/g, "")
      .replace(/đ/g, "d")
      .replace(/Đ/g, "D")
      .toLowerCase()
      .trim();
  }

  function squash(text) {
    return nfc(text == null ? "" : text).split(/\s+/).filter(Boolean).join(" ");
  }

  function pad(number) {
    return (number < 10 ? "0" : "") + number;
  }

  // A written date as "YYYY-MM-DD HH:mm" (or "YYYY-MM-DD"); null when unreadable.
  function canonicalDate(value, withTime) {
    if (value instanceof Date) {
      var day = value.getFullYear() + "-" + pad(value.getMonth() + 1) + "-" + pad(value.getDate());
      return withTime ? day + " " + pad(value.getHours()) + ":" + pad(value.getMinutes()) : day;
    }
    var text = squash(value);
    var parts = null;
    var match = ISO.exec(text);
    if (match) {
      parts = [match[1], match[2], match[3], match[4], match[5]];
    } else if ((match = VN.exec(text))) {
      parts = [match[3], match[2], match[1], match[4], match[5]];
    }
    if (!parts) {
      return null;
    }
    var result = parts[0] + "-" + pad(+parts[1]) + "-" + pad(+parts[2]);
    if (withTime) {
      result += " " + pad(+(parts[3] || 0)) + ":" + pad(+(parts[4] || 0));
    }
    return result;
  }

  function splitFiles(values) {
    var entries = [];
    values.forEach(function (value) {
      var parts = value.indexOf("|") >= 0 ? [value] : value.split(",");
      parts.forEach(function (part) {
        part = part.trim();
        if (!part) {
          return;
        }
        var cut = part.indexOf("|");
        entries.push({
          file: (cut >= 0 ? part.slice(0, cut) : part).trim(),
          label: cut >= 0 ? squash(part.slice(cut + 1)) : "",
        });
      });
    });
    return entries;
  }

  function statusValue(text, field) {
    var key = fold(text);
    if (DRAFT.indexOf(key) >= 0) {
      return "draft";
    }
    if (!key) {
      return field.default || "";
    }
    var options = field.options || [];
    for (var i = 0; i < options.length; i++) {
      if (fold(options[i]) === key) {
        return options[i];
      }
    }
    return nfc(text).trim();
  }

  // The form value of a field, from the values its header line(s) hold.
  function read(field, values) {
    var text = values.join(" ");
    switch (field.kind) {
      case "datetime":
        return canonicalDate(text, true) || squash(text);
      case "date":
        return canonicalDate(text, false) || squash(text);
      case "flag":
        return TRUE.indexOf(fold(text)) >= 0;
      case "files":
        return splitFiles(values);
      case "status":
        return statusValue(text, field);
      default:
        return squash(text);
    }
  }

  // The same value in a form that compares equal when it means the same: for
  // most kinds, the header text it would be written as.
  function comparable(field, value) {
    if (field.kind === "flag") {
      return value === true || TRUE.indexOf(fold(String(value || ""))) >= 0;
    }
    if (field.kind === "status") {
      return fold(value == null ? field.default || "" : value);
    }
    return write(field, value).join("\n");
  }

  // The header values (first line, then continuation lines) of a form value.
  function write(field, value) {
    switch (field.kind) {
      case "datetime":
      case "date":
        return [value ? canonicalDate(value, field.kind === "datetime") || squash(value) : ""];
      case "flag":
        return [value ? "có" : "không"];
      case "files":
        var entries = (value || []).map(function (entry) {
          var label = squash(entry.label);
          return nfc(entry.file || "").trim() + (label ? " | " + label : "");
        });
        return entries.length ? entries : [""];
      default:
        return [squash(value)];
    }
  }

  function isEmpty(field, value) {
    if (field.kind === "status") {
      return comparable(field, value) === fold(field.default || "");
    }
    if (field.kind === "flag") {
      return !value;
    }
    if (field.kind === "files") {
      return !value || !value.length;
    }
    return value == null || squash(value) === "";
  }

  function lines(name, values) {
    var first = (name + ": " + values[0]).replace(/\s+$/, "");
    return [first].concat(
      values.slice(1).map(function (value) {
        return "    " + value;
      })
    );
  }

  function byKey(fields) {
    var map = {};
    fields.forEach(function (field) {
      if (field.key) {
        map[field.key.toLowerCase()] = field;
      }
    });
    return map;
  }

  function parse(content, fields) {
    var text = nfc(content).replace(/\r\n?/g, "\n");
    var known = byKey(fields);
    var items = [];
    var position = 0;
    while (position < text.length) {
      var end = text.indexOf("\n", position);
      var stop = end < 0 ? text.length : end + 1;
      var line = text.slice(position, end < 0 ? text.length : end);
      var match = KEY_LINE.exec(line);
      var more = CONTINUATION.exec(line);
      if (!line.trim()) {
        break;
      }
      if (match) {
        items.push({ key: match[1].toLowerCase(), name: match[1], raw: line, values: [match[2].trim()] });
      } else if (more && items.length) {
        var last = items[items.length - 1];
        last.raw += "\n" + line;
        last.values.push(more[1].trim());
      } else {
        break;
      }
      position = stop;
    }
    var header = text.slice(0, position);
    var rest = text.slice(position);
    var separator = "";
    var blank = /^[ \t]*\n/.exec(rest);
    if (blank) {
      separator = blank[0];
    } else if (rest && !rest.trim()) {
      separator = rest;
    }
    var data = {};
    var seen = {};
    items.forEach(function (item) {
      var field = known[item.key];
      if (!field) {
        return;
      }
      seen[item.key] = (seen[item.key] || []).concat(item.values);
    });
    Object.keys(seen).forEach(function (key) {
      data[known[key].name] = read(known[key], seen[key]);
    });
    fields.forEach(function (field) {
      // No "Status:" line means the default (published): the form says so.
      if (field.kind === "status" && !(field.name in data)) {
        data[field.name] = field.default || "";
      }
    });
    data.body = rest.slice(separator.length);
    data._header = {
      items: items.map(function (item) {
        return { key: item.key, name: item.name, raw: item.raw };
      }),
      endsWithNewline: /\n$/.test(header),
      separator: separator,
      body: data.body,
    };
    return data;
  }

  function serialise(data, fields) {
    data = data || {};
    var known = byKey(fields);
    var original = data._header || null;
    var out = [];
    var done = {};
    var originalValues = {};
    if (original) {
      original.items.forEach(function (item) {
        var match = KEY_LINE.exec(item.raw.split("\n")[0]);
        var values = [match ? match[2].trim() : ""].concat(
          item.raw
            .split("\n")
            .slice(1)
            .map(function (line) {
              return line.trim();
            })
        );
        originalValues[item.key] = (originalValues[item.key] || []).concat(values);
      });
      original.items.forEach(function (item) {
        var field = known[item.key];
        if (!field) {
          out.push(item.raw);
          return;
        }
        if (done[item.key]) {
          if (done[item.key] === "kept") {
            out.push(item.raw);
          }
          return;
        }
        var value = data[field.name];
        var before = comparable(field, read(field, originalValues[item.key]));
        if (comparable(field, value) === before) {
          done[item.key] = "kept";
          out.push(item.raw);
        } else {
          done[item.key] = "rewritten";
          Array.prototype.push.apply(out, lines(item.name, write(field, value)));
        }
      });
    }
    fields.forEach(function (field) {
      if (!field.key || done[field.key.toLowerCase()]) {
        return;
      }
      var value = data[field.name];
      if (!isEmpty(field, value)) {
        Array.prototype.push.apply(out, lines(field.key, write(field, value)));
      }
    });
    var body = data.body == null ? "" : nfc(data.body).replace(/\r\n?/g, "\n");
    var header = out.join("\n");
    if (original) {
      if (header && (original.endsWithNewline || body)) {
        header += "\n";
      }
      if (body !== original.body && body && !/\n$/.test(body)) {
        body += "\n";
      }
      var separator = original.separator || (body ? "\n" : "");
      return nfc(header + separator + body);
    }
    if (body && !/\n$/.test(body)) {
      body += "\n";
    }
    return nfc(header + "\n" + (body ? "\n" + body : ""));
  }

  return { parse: parse, serialise: serialise, canonicalDate: canonicalDate, fold: fold };
});
