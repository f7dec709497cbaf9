/* Our part of the editor: Pelican's header format, previews that look like
 * the portal's pages, and a photo component that asks for alt text and caption.
 * Loaded after decap-cms.js, header-format.js and portal-data.js (all defer).
 */
(function () {
  "use strict";
  var CMS = window.CMS;
  var format = window.PortalHeaderFormat;
  var data = window.PORTAL_EDITOR;
  if (!CMS || !format || !data) {
    return;
  }
  var h = window.h;

  Object.keys(data.formats).forEach(function (name) {
    var fields = data.formats[name];
    CMS.registerCustomFormat(name, "md", {
      fromFile: function (content) {
        return format.parse(content, fields);
      },
      toFile: function (entry) {
        return format.serialise(entry, fields);
      },
    });
  });

  // --- Vietnamese words Decap's own "vi" locale still lacks -----------------
  var MORE_VIETNAMESE = {
    editor: {
      editorWidgets: {
        markdown: {
          bold: "Đậm",
          italic: "Nghiêng",
          strikethrough: "Gạch ngang",
          code: "Mã",
          link: "Liên kết",
          linkPrompt: "Nhập địa chỉ liên kết",
          headings: "Đề mục",
          quote: "Trích dẫn",
          bulletedList: "Danh sách gạch đầu dòng",
          numberedList: "Danh sách đánh số",
          addComponent: "Chèn",
          toggleMode: { rich: "Chuyển sang soạn thảo thường", markdown: "Chuyển sang Markdown" },
        },
        datetime: { now: "Ngay lúc này", clear: "Xóa", setToNow: "Đặt %{fieldLabel} là bây giờ" },
        list: { add: "Thêm %{item}", addType: "Thêm %{item}" },
        object: { expand: "Mở ra", collapse: "Thu gọn" },
      },
    },
    mediaLibrary: {
      mediaLibraryCard: {
        draft: "Bản nháp",
        copy: "Sao chép",
        copyUrl: "Chép địa chỉ",
        copyPath: "Chép đường dẫn",
        copyName: "Chép tên",
        copied: "Đã chép",
      },
    },
  };

  function fillIn(target, extra) {
    Object.keys(extra).forEach(function (key) {
      if (extra[key] && typeof extra[key] === "object") {
        target[key] = fillIn(target[key] && typeof target[key] === "object" ? target[key] : {}, extra[key]);
      } else if (!(key in target)) {
        target[key] = extra[key];
      }
    });
    return target;
  }

  if (CMS.getLocale && CMS.registerLocale && CMS.getLocale("vi")) {
    CMS.registerLocale("vi", fillIn(JSON.parse(JSON.stringify(CMS.getLocale("vi"))), MORE_VIETNAMESE));
  }

  // --- Previews: the portal's own stylesheet and class names ----------------
  CMS.registerPreviewStyle(data.siteCss);
  CMS.registerPreviewStyle(data.previewCss);

  var WEEKDAYS = ["Chủ nhật", "Thứ 2", "Thứ 3", "Thứ 4", "Thứ 5", "Thứ 6", "Thứ 7"];

  function pad(number) {
    return (number < 10 ? "0" : "") + number;
  }

  // "Thứ 4, Ngày 13/06/2018, 16:40", as the vn_datetime filter writes it.
  function vnDatetime(value) {
    var text = value ? format.canonicalDate(value, true) : null;
    if (!text) {
      return "";
    }
    var parts = text.split(/[- :]/).map(Number);
    var day = new Date(parts[0], parts[1] - 1, parts[2]);
    return (
      WEEKDAYS[day.getDay()] + ", Ngày " + pad(parts[2]) + "/" + pad(parts[1]) + "/" + parts[0] +
      ", " + pad(parts[3]) + ":" + pad(parts[4])
    );
  }

  function vnDate(value) {
    var text = value ? format.canonicalDate(value, false) : null;
    if (!text) {
      return "";
    }
    var parts = text.split("-");
    return parts[2] + "/" + parts[1] + "/" + parts[0];
  }

  function assetUrl(props, path) {
    if (!path) {
      return "";
    }
    var asset = props.getAsset(path);
    var url = asset ? String(asset) : "";
    if (!url || url.indexOf("{static}") >= 0) {
      url = String(path).replace("{static}", data.siteUrl);
    }
    return url;
  }

  function field(props, name) {
    return props.entry.getIn(["data", name]);
  }

  function ArticlePreview(props) {
    var image = field(props, "image");
    return h(
      "article",
      { className: "article" },
      h(
        "header",
        { className: "article__header" },
        h(
          "p",
          { className: "article-meta" },
          h("span", { className: "article-meta__category" }, field(props, "category")),
          " ",
          h("time", { className: "article-meta__date" }, vnDatetime(field(props, "date")))
        ),
        h("h1", { className: "article__title" }, field(props, "title"))
      ),
      field(props, "summary") ? h("div", { className: "article__lead" }, field(props, "summary")) : null,
      image
        ? h(
            "figure",
            { className: "article__figure" },
            h("img", { src: assetUrl(props, image), alt: field(props, "image_alt") || "" })
          )
        : null,
      h("div", { className: "article__body" }, props.widgetFor("body")),
      h(
        "footer",
        { className: "article__footer" },
        field(props, "author") ? h("p", { className: "article__byline" }, field(props, "author")) : null,
        field(props, "source") ? h("p", { className: "article__source" }, "Nguồn: " + field(props, "source")) : null
      )
    );
  }

  function NoticePreview(props) {
    return h(
      "article",
      { className: "article" },
      h(
        "header",
        { className: "article__header" },
        h("p", { className: "article-meta" }, h("time", null, vnDatetime(field(props, "date")))),
        h("h1", { className: "article__title" }, field(props, "title"))
      ),
      field(props, "summary") ? h("div", { className: "article__lead" }, field(props, "summary")) : null,
      h("div", { className: "article__body" }, props.widgetFor("body"))
    );
  }

  function DocumentPreview(props) {
    var rows = [
      ["Số, ký hiệu", field(props, "number")],
      ["Loại văn bản", field(props, "type")],
      ["Cơ quan ban hành", field(props, "issuer")],
      ["Ngày ban hành", vnDate(field(props, "issued"))],
      ["Người ký", field(props, "signer")],
    ];
    return h(
      "article",
      { className: "article" },
      h("h1", { className: "article__title" }, field(props, "title")),
      h(
        "dl",
        { className: "editor-preview__facts" },
        rows.map(function (row) {
          return [h("dt", { key: row[0] + "t" }, row[0]), h("dd", { key: row[0] + "d" }, row[1] || "")];
        })
      ),
      h("div", { className: "article__body" }, props.widgetFor("body"))
    );
  }

  Object.keys(data.collections || {}).forEach(function (name) {
    var kind = data.collections[name];
    var template = { article: ArticlePreview, notice: NoticePreview, document: DocumentPreview }[kind];
    CMS.registerPreviewTemplate(name, template || NoticePreview);
  });

  // --- A photo in the body: always with alt text and a caption --------------
  function escapeHtml(text) {
    return String(text || "").replace(/[&<>"]/g, function (c) {
      return { "&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;" }[c];
    });
  }

  CMS.registerEditorComponent({
    // "image" replaces Decap's own photo component, so every photo, old or
    // new, is edited and previewed as a figure with alt text and caption.
    id: "image",
    label: "Ảnh có chú thích",
    fields: [
      { name: "image", label: "Ảnh", widget: "image", choose_url: false },
      {
        name: "alt",
        label: "Mô tả ảnh",
        widget: "string",
        hint: "Tả ảnh cho người không nhìn thấy.",
        required: true,
      },
      {
        name: "caption",
        label: "Chú thích",
        widget: "string",
        hint: "Hiện dưới ảnh, ví dụ: Trao quà cho hộ nghèo. Ảnh: Minh Anh",
        required: true,
      },
    ],
    pattern: /^!\[([^\]]*)\]\((\S+?)(?:\s+"([^"]*)")?\)$/,
    fromBlock: function (match) {
      return { alt: match[1], image: match[2], caption: match[3] || "" };
    },
    toBlock: function (value) {
      var caption = (value.caption || "").replace(/"/g, "”");
      return "![" + (value.alt || "") + "](" + (value.image || "") + (caption ? ' "' + caption + '"' : "") + ")";
    },
    toPreview: function (value, getAsset) {
      var src = String(value.image || "");
      var asset = src && getAsset ? getAsset(src) : null;
      // Photos already on the site come from it; new uploads from the editor.
      src = src.indexOf("{static}") === 0 ? src.replace("{static}", data.siteUrl) : String(asset || src);
      return (
        '<figure><img src="' + escapeHtml(src) + '" alt="' + escapeHtml(value.alt) + '"><figcaption>' +
        escapeHtml(value.caption) + "</figcaption></figure>"
      );
    },
  });
})();
