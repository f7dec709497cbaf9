// "Tìm kiếm": search the Pagefind index in the browser, with or without diacritics.
// Progressive enhancement: the page shows a message and a link to the archive
// until this script has loaded the index; then it reveals the form.
(function () {
  "use strict";
  var root = document.querySelector("[data-search]");
  if (!root) {
    return;
  }

  var PAGE_SIZE = 10;
  // Pagefind ranks words, not phrases; Vietnamese words are syllables
  // ("hội nghị"), so the first results are re-ordered by phrase matches and
  // counted ("hoi nghi" finds every page with "hội" or "nghị"; the status
  // says how many hold the phrase itself).
  var PHRASE_SCAN = 100;
  var SNIPPET_WORDS = 30;
  var TYPE_ORDER = ["Tin bài", "Thông báo", "Văn bản", "Trang thông tin"];
  // URL parameter of each Pagefind filter (the form's field names).
  var PARAMS = { type: "loai", category: "chuyenmuc", year: "nam", unit: "donvi" };
  // The filter each part of the index carries (its id), for sorting by date.
  var PART_FILTER = "part";

  var form = root.querySelector("[data-search-form]");
  var input = root.querySelector("#search-q");
  var sortSelect = root.querySelector("[data-search-sort]");
  var selects = Array.prototype.slice.call(root.querySelectorAll("[data-filter]"));
  var statusBox = root.querySelector("[data-search-status]");
  var list = root.querySelector("[data-search-results]");
  var more = root.querySelector("[data-search-more]");
  var fallback = root.querySelector("[data-search-fallback]");
  var loading = root.querySelector("[data-search-loading]");

  var pageTitle = document.title;
  var pagefind = null;
  var parts = [];
  var results = [];
  var shown = 0;
  var terms = [];
  var generation = 0;
  var timer = null;

  // --- Vietnamese text matching -------------------------------------------
  // Pagefind drops combining marks (tones, ă â ê ô ơ ư) but keeps "đ", so
  // "Đảng uỷ" and "đảng ủy" meet, while "dang" reaches "Đảng" only through the
  // folded words each page carries as metadata (plugins/search/folding.py).
  // A query typed with "đ" is searched as typed first (precise, best ranked),
  // then folded to "d" so it also finds text written without diacritics.
  // Snippets and highlights follow the same rules.
  function strip(text) {
    return text.normalize("NFD").replace(/\p{M}/gu, "").toLowerCase().replace(/[^\p{L}\p{N}]/gu, "");
  }

  function fold(text) {
    return strip(text).replace(/đ/g, "d");
  }

  function foldD(text) {
    return text.replace(/đ/g, "d").replace(/Đ/g, "D");
  }

  function normaliseQuery(text) {
    // NFC: "uỷ" typed as decomposed Unicode is the same query as composed.
    // Quotes would ask Pagefind for an exact phrase, which folded words cannot match.
    return text.normalize("NFC").replace(/["“”]/g, " ").replace(/\s+/g, " ").trim();
  }

  function queryTerms(query) {
    return query.split(" ").map(strip).filter(function (term) { return term.length > 0; });
  }

  // loose: the result came from the folded query, so "đ" in it meant "d" too.
  // whole: the word must be the term itself, not just start with it.
  function termMatches(word, term, loose, whole) {
    var plain = strip(word);
    if (!plain) {
      return false;
    }
    var folded = fold(word);
    var candidates = loose ? [folded] : [plain, folded];
    var wanted = loose ? fold(term) : term;
    return candidates.some(function (form) {
      return whole ? form === wanted : form.indexOf(wanted) === 0;
    });
  }

  function matches(word, loose) {
    return terms.some(function (term) { return termMatches(word, term, loose, false); });
  }

  // Whether words[i..] spell the query's terms from..to in a row (a term
  // may be a prefix only where the query ends: "hoi ngh" while typing).
  function spells(words, i, from, to, loose) {
    for (var j = from; j <= to; j += 1) {
      var word = words[i + j - from];
      if (word === undefined || !termMatches(word, terms[j], loose, j < terms.length - 1)) {
        return false;
      }
    }
    return true;
  }

  function hasPhrase(words, loose) {
    for (var i = 0; i + terms.length <= words.length; i += 1) {
      if (spells(words, i, 0, terms.length - 1, loose)) {
        return true;
      }
    }
    return false;
  }

  // How many neighbouring pairs of the query ("hội nghị", "nghị đại"...) occur.
  function pairCount(words, loose) {
    var count = 0;
    for (var j = 0; j + 1 < terms.length; j += 1) {
      for (var i = 0; i + 1 < words.length; i += 1) {
        if (spells(words, i, j, j + 1, loose)) {
          count += 1;
          break;
        }
      }
    }
    return count;
  }

  // --- Rendering -------------------------------------------------------------
  function appendWords(parent, words, loose) {
    words.forEach(function (word, index) {
      if (index > 0) {
        parent.appendChild(document.createTextNode(" "));
      }
      if (matches(word, loose)) {
        var mark = document.createElement("mark");
        mark.textContent = word;
        parent.appendChild(mark);
      } else {
        parent.appendChild(document.createTextNode(word));
      }
    });
  }

  function bodyWords(content, title) {
    var words = content.split(/\s+/).filter(Boolean);
    var heading = title.split(/\s+/).filter(Boolean);
    var same = heading.length > 0 && heading.every(function (word, index) {
      return words[index] !== undefined && strip(words[index]) === strip(word);
    });
    // Pagefind's text starts with the title, which the result shows already.
    return same ? words.slice(heading.length) : words;
  }

  function snippetWindow(words, loose) {
    var hits = words.map(function (word) { return matches(word, loose); });
    var best = 0;
    var bestStart = 0;
    var count = 0;
    for (var i = 0; i < words.length; i += 1) {
      count += hits[i] ? 1 : 0;
      if (i >= SNIPPET_WORDS) {
        count -= hits[i - SNIPPET_WORDS] ? 1 : 0;
      }
      var start = Math.max(0, i - SNIPPET_WORDS + 1);
      if (count > best) {
        best = count;
        bestStart = start;
      }
    }
    if (best > 0) {
      var first = hits.indexOf(true, bestStart);
      bestStart = Math.max(0, first - 8);
    }
    return [bestStart, Math.min(words.length, bestStart + SNIPPET_WORDS)];
  }

  function snippet(content, title, loose) {
    var words = bodyWords(content, title);
    var range = snippetWindow(words, loose);
    var p = document.createElement("p");
    p.className = "search-result__snippet";
    if (range[0] > 0) {
      p.appendChild(document.createTextNode("… "));
    }
    appendWords(p, words.slice(range[0], range[1]), loose);
    if (range[1] < words.length) {
      p.appendChild(document.createTextNode(" …"));
    }
    return p;
  }

  function isoDate(shown) {
    var parts = shown.split("/");
    return parts.length === 3 ? parts[2] + "-" + parts[1] + "-" + parts[0] : "";
  }

  function metaLine(data) {
    var filters = data.filters || {};
    var line = document.createElement("p");
    line.className = "search-result__meta";
    var pieces = [];
    if (filters.type && filters.type[0]) {
      pieces.push(document.createTextNode(filters.type[0]));
    }
    if (filters.category && filters.category[0]) {
      var category = document.createElement("span");
      category.className = "search-result__category";
      category.textContent = filters.category[0];
      pieces.push(category);
    }
    if (data.meta.date) {
      var time = document.createElement("time");
      time.dateTime = isoDate(data.meta.date);
      time.textContent = data.meta.date;
      pieces.push(time);
    }
    pieces.forEach(function (piece, index) {
      if (index > 0) {
        line.appendChild(document.createTextNode(" · "));
      }
      line.appendChild(piece);
    });
    return line;
  }

  function resultItem(data, loose) {
    var item = document.createElement("li");
    item.className = "search-result";
    var heading = document.createElement("h2");
    heading.className = "search-result__title";
    var link = document.createElement("a");
    link.href = data.url;
    var title = data.meta.title || data.url;
    appendWords(link, title.split(/\s+/), loose);
    heading.appendChild(link);
    item.appendChild(heading);
    item.appendChild(metaLine(data));
    item.appendChild(snippet(data.content || "", data.meta.title || "", loose));
    return item;
  }

  // --- Status messages -----------------------------------------------------------
  function setStatus(text, withArchiveLink) {
    statusBox.textContent = text;
    if (withArchiveLink) {
      var archive = fallback.querySelector("a");
      statusBox.appendChild(document.createTextNode(" Bạn cũng có thể xem trang "));
      var link = document.createElement("a");
      link.href = archive.getAttribute("href");
      link.textContent = "Lưu trữ";
      statusBox.appendChild(link);
      statusBox.appendChild(document.createTextNode("."));
    }
  }

  function describe(query, count, phrases) {
    var subject = query ? "cho “" + query + "”" : "theo bộ lọc đã chọn";
    if (count === 0) {
      return "Không tìm thấy kết quả nào " + subject + ". Hãy thử từ khóa khác, ngắn hơn hoặc bỏ bớt bộ lọc.";
    }
    if (phrases !== null && terms.length > 1 && phrases < count) {
      // Several words: the pages holding the phrase come first; say how many.
      var exact = phrases.toLocaleString("vi-VN");
      var some = (count - phrases).toLocaleString("vi-VN");
      var atLeast = count > PHRASE_SCAN ? "ít nhất " : "";
      return "Có " + atLeast + exact + " kết quả chứa đúng cụm từ “" + query + "” (xếp trước) và " +
        (count > PHRASE_SCAN ? "các" : some) + " kết quả chỉ có một phần các từ.";
    }
    return "Tìm thấy " + count.toLocaleString("vi-VN") + " kết quả " + subject + ".";
  }

  // --- Search ------------------------------------------------------------------------
  function chosenFilters() {
    var filters = {};
    selects.forEach(function (select) {
      if (select.value) {
        filters[select.dataset.filter] = select.value;
      }
    });
    return filters;
  }

  function remember(query) {
    var params = new URLSearchParams();
    if (query) {
      params.set("q", query);
    }
    selects.forEach(function (select) {
      if (select.value) {
        params.set(PARAMS[select.dataset.filter], select.value);
      }
    });
    if (sortSelect.value) {
      params.set("xep", sortSelect.value);
    }
    var search = params.toString();
    window.history.replaceState(null, "", window.location.pathname + (search ? "?" + search : ""));
  }

  async function showMore(focusFirst) {
    var batch = results.slice(shown, shown + PAGE_SIZE);
    var current = generation;
    var data = await Promise.all(batch.map(function (found) { return found.result.data(); }));
    if (current !== generation) {
      return;
    }
    var firstLink = null;
    data.forEach(function (entry, index) {
      var item = resultItem(entry, batch[index].loose);
      firstLink = firstLink || item.querySelector("a");
      list.appendChild(item);
    });
    shown += batch.length;
    more.hidden = shown >= results.length;
    if (focusFirst && firstLink) {
      firstLink.focus();
    }
  }

  async function run() {
    var query = normaliseQuery(input.value);
    var filters = chosenFilters();
    var current = ++generation;
    remember(query);
    document.title = query ? "“" + query + "” – " + pageTitle : pageTitle;
    terms = queryTerms(query);
    list.textContent = "";
    more.hidden = true;
    results = [];
    shown = 0;
    if (!terms.length && !Object.keys(filters).length) {
      setStatus("Nhập từ khóa để tìm tin bài, thông báo, văn bản.", false);
      return;
    }
    setStatus("Đang tìm…", false);
    var found = await find(query, filters);
    if (current !== generation) {
      return;
    }
    results = found;
    await showMore(false);
    if (current === generation) {
      // Announced once the first results are on screen.
      var phrases = results.length && "phrase" in results[0]
        ? results.filter(function (item) { return item.phrase; }).length
        : null;
      setStatus(describe(query, results.length, phrases), results.length === 0);
    }
  }

  // The first PHRASE_SCAN results: whole phrase in the title first, then in
  // the text, then by how many of its word pairs occur; ties keep Pagefind's
  // order. Each gets ``phrase`` (holds the whole phrase) for the count.
  async function rerank(found) {
    if (terms.length < 2) {
      return found;
    }
    var head = found.slice(0, PHRASE_SCAN);
    var data = await Promise.all(head.map(function (item) { return item.result.data(); }));
    var scored = head.map(function (item, index) {
      var title = (data[index].meta.title || "").split(/\s+/);
      var body = bodyWords(data[index].content || "", data[index].meta.title || "");
      var tier = (hasPhrase(title, item.loose) ? 2 : 0) + (hasPhrase(body, item.loose) ? 1 : 0);
      var pairs = pairCount(title.concat(["|"], body), item.loose);
      item.phrase = tier > 0;
      return { item: item, tier: tier, pairs: pairs, index: index };
    });
    scored.sort(function (a, b) {
      return b.tier - a.tier || b.pairs - a.pairs || a.index - b.index;
    });
    return scored.map(function (entry) { return entry.item; }).concat(found.slice(PHRASE_SCAN));
  }

  // Results as [{result, loose}]: the query as typed, then what only its
  // folded form finds. Sorted by date, one folded search covers both.
  async function find(query, filters) {
    var loose = foldD(query);
    if (sortSelect.value === "moi" || !terms.length) {
      var dated = await newestFirst(terms.length ? loose : null, filters);
      return dated.map(function (result) { return { result: result, loose: true }; });
    }
    var exact = await searchParts(query, filters);
    var found = exact.map(function (result) { return { result: result, loose: false }; });
    if (loose !== query) {
      var seen = new Set(exact.map(function (result) { return result.id; }));
      var extra = await searchParts(loose, filters);
      extra.forEach(function (result) {
        if (!seen.has(result.id)) {
          found.push({ result: result, loose: true });
        }
      });
    }
    return rerank(found);
  }

  // --- Parts of the index ----------------------------------------------------------
  // A big site's index comes in parts, one date range each (plugins/search/
  // parts.py), merged into the newest; two things one index does by itself
  // need help across parts.

  // Pagefind matches a query word with the index's words that start with it
  // or, when there are none, with the longest word the query word starts
  // with ("covid" finds "có" in an index without "covid"), and drops a word
  // matching nothing. In one index that fallback is used only for words the
  // whole site lacks; so a part lacking a word that another part holds must
  // find nothing. The ids of the parts to search, or null for all of them.
  var holdsCache = new Map();

  function indexedWords(text) {
    var words = [];
    text.toLowerCase().normalize("NFD").replace(/\p{M}/gu, "").split(/\s+/).forEach(function (chunk) {
      words.push(chunk.replace(/[^\p{L}\p{N}]/gu, ""));
      words.push.apply(words, chunk.split(/[^\p{L}\p{N}]+/u));
    });
    return words;
  }

  // Whether ``part`` has a word starting with ``word``: its first match shows
  // it (a fallback match has none, or it would not be a fallback).
  async function holds(part, word) {
    var key = part.id + "\u0000" + word;
    if (!holdsCache.has(key)) {
      holdsCache.set(key, pagefind.search(word, { filters: withPart({}, part.id) }).then(async function (found) {
        if (!found.results.length) {
          return false;
        }
        var data = await found.results[0].data();
        var text = (data.content || "") + " " + Object.values(data.meta || {}).join(" ");
        return indexedWords(text).some(function (indexed) { return indexed.indexOf(word) === 0; });
      }));
    }
    return holdsCache.get(key);
  }

  async function partsHolding(term) {
    if (parts.length < 2 || !term) {
      return null;
    }
    // The query's words as Pagefind searches them: no tones, no punctuation.
    var words = [];
    term.toLowerCase().normalize("NFD").replace(/\p{M}/gu, "").split(/\s+/).forEach(function (chunk) {
      var word = chunk.replace(/[^\p{L}\p{N}]/gu, "");
      if (word && words.indexOf(word) === -1) {
        words.push(word);
      }
    });
    var searched = parts.map(function () { return true; });
    for (var i = 0; i < words.length; i += 1) {
      var held = await Promise.all(parts.map(function (part) { return holds(part, words[i]); }));
      if (held.some(Boolean)) {
        searched = searched.map(function (wanted, index) { return wanted && held[index]; });
      }
    }
    return parts.filter(function (part, index) { return searched[index]; }).map(function (part) { return part.id; });
  }

  function withPart(filters, part) {
    var own = Object.assign({}, filters);
    own[PART_FILTER] = part;
    return own;
  }

  // Relevance: Pagefind merges the parts' results by score.
  async function searchParts(term, filters) {
    var ids = await partsHolding(term);
    if (ids !== null && !ids.length) {
      return [];
    }
    var options = { filters: ids === null ? filters : withPart(filters, { any: ids }) };
    return (await pagefind.search(term, options)).results;
  }

  // Newest first: Pagefind sorts inside one index, and merges indexes by
  // score, which for a sorted search is the place inside its own part, so
  // merged parts would interleave. Each part is searched alone and the parts,
  // listed newest first, are put end to end.
  async function newestFirst(term, filters) {
    var sort = { date: "desc" };
    if (parts.length < 2) {
      return (await pagefind.search(term, { filters: filters, sort: sort })).results;
    }
    var ids = await partsHolding(term);
    var searched = parts.filter(function (part) { return ids === null || ids.indexOf(part.id) !== -1; });
    var each = await Promise.all(searched.map(function (part) {
      return pagefind.search(term, { filters: withPart(filters, part.id), sort: sort });
    }));
    return each.reduce(function (all, found) { return all.concat(found.results); }, []);
  }

  function schedule() {
    window.clearTimeout(timer);
    timer = window.setTimeout(run, 250);
  }

  // --- Set-up ------------------------------------------------------------------------
  function fillSelect(select, counts, wanted) {
    var values = Object.keys(counts || {});
    var key = select.dataset.filter;
    if (key === "year") {
      values.sort().reverse();
    } else if (key === "type") {
      values.sort(function (a, b) { return TYPE_ORDER.indexOf(a) - TYPE_ORDER.indexOf(b); });
    } else {
      values.sort(function (a, b) { return a.localeCompare(b, "vi"); });
    }
    values.forEach(function (value) {
      var option = document.createElement("option");
      option.value = value;
      option.textContent = value;
      select.appendChild(option);
    });
    // Old units (imported items): shown as soon as there is one, since the
    // site's own items have none; other filters only when there is a choice.
    root.querySelector("[data-filter-wrap='" + key + "']").hidden = values.length < (key === "unit" ? 1 : 2);
    if (wanted && values.indexOf(wanted) !== -1) {
      select.value = wanted;
    }
  }

  // The index comes in parts (plugins/search/parts.py): the newest at the
  // bundle's root, with pagefind.js, each older date range in its own folder,
  // all listed in parts.json (newest first) and merged into the first.
  async function loadIndex(bundle) {
    var base = bundle.replace(/[^/]*$/, "");
    var loaded = await Promise.all([import(bundle), fetch(base + "parts.json", { cache: "no-cache" })]);
    pagefind = loaded[0];
    if (!loaded[1].ok) {
      throw new Error("parts.json: " + loaded[1].status);
    }
    parts = (await loaded[1].json()).parts;
    // A date match (the "2020" of "16/07/2020") should not outrank the text;
    // a folded title ("dang uy" for "Đảng ủy") weighs as much as the title.
    var ranking = { metaWeights: { date: 0, fold: 1, title_fold: 5 } };
    var merged = parts.length > 1;
    await pagefind.options(merged ? { ranking: ranking, mergeFilter: partFilter(parts[0]) } : { ranking: ranking });
    await pagefind.init();
    await Promise.all(parts.slice(1).map(function (part) {
      return pagefind.mergeIndex(sitePath(base + part.path), { ranking: ranking, mergeFilter: partFilter(part) });
    }));
  }

  function partFilter(part) {
    return withPart({}, part.id);
  }

  // Pagefind turns an index's own address into result links; same-site
  // addresses stay paths, as the first part's are.
  function sitePath(address) {
    var url = new URL(address, window.location.href);
    return url.origin === window.location.origin ? url.pathname : url.href;
  }

  function fail() {
    var reason = fallback.querySelector("[data-search-fallback-reason]");
    reason.textContent = "Chưa tải được công cụ tìm kiếm (trang web có thể chưa có chỉ mục tìm kiếm hoặc mạng đang chậm). Hãy tải lại trang sau ít phút.";
    fallback.hidden = false;
    loading.hidden = true;
    form.hidden = true;
  }

  async function start() {
    var params = new URLSearchParams(window.location.search);
    try {
      await loadIndex(root.dataset.searchBundle);
      var available = await pagefind.filters();
      selects.forEach(function (select) {
        fillSelect(select, available[select.dataset.filter], params.get(PARAMS[select.dataset.filter]));
      });
    } catch (error) {
      fail();
      return;
    }
    fallback.hidden = true;
    loading.hidden = true;
    form.hidden = false;
    input.value = params.get("q") || "";
    sortSelect.value = params.get("xep") === "moi" ? "moi" : "";
    // Filters fold away on phones; a link that sets one shows them.
    var filterBox = root.querySelector("[data-search-filters]");
    filterBox.open = Boolean(sortSelect.value) || selects.some(function (select) { return select.value; });
    form.addEventListener("submit", function (event) {
      event.preventDefault();
      window.clearTimeout(timer);
      run();
    });
    input.addEventListener("input", schedule);
    selects.concat([sortSelect]).forEach(function (select) {
      select.addEventListener("change", run);
    });
    more.addEventListener("click", function () { showMore(true); });
    run();
  }

  start();
})();
