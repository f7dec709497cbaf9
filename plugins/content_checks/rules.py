"""One small pure function per rule; each returns ``[(line, message), ...]``.

Messages are Vietnamese, say what is wrong and how to fix it. The wiring
(:mod:`content_checks.checker`) adds the file name and reports them.
"""

from __future__ import annotations

import difflib
import posixpath
import re
from collections.abc import Callable, Collection, Iterable
from urllib.parse import unquote, urlsplit

from categories.registry import CategoryEntry, resolve, unknown_message

from .body import Reference, Tag
from .dates import DateError, parse_date
from .source import FIXABLE, UNKNOWN, Decoded, Header, encoding_label

Finding = tuple[int, str]
FIX_HINT = 'Chạy "./portal check --fix" để sửa tự động.'

# Metadata the editor writes, as (written name, meaning, example).
FIELDS: dict[str, tuple[str, str, str]] = {
    "title": ("Title", "tiêu đề", "Hội nghị tiếp xúc cử tri"),
    "date": ("Date", "ngày giờ đăng", "2024-10-03 08:30"),
    "category": ("Category", "chuyên mục", "Tin tức sự kiện"),
    "summary": ("Summary", "tóm tắt (sapo) một hai câu", "Sáng 3/10, Ủy ban MTTQ phường ..."),
    "author": ("Author", "tác giả", "Minh Anh"),
}
# Keys that hold one value: writing them twice is a mistake.
SINGLE_VALUED = frozenset(
    {"title", "date", "modified", "category", "status", "slug", "summary", "author"}
    | {"image", "image-alt", "lang", "template", "save_as", "url", "tags", "authors"}
)
STATUSES = {"published", "draft"}
_LOOKS_LIKE_FIELD = re.compile(r"^[ ]{0,3}[^\s:#>*|-][^:]{0,40}:\s*\S")
_STATIC_PREFIX = re.compile(
    r"^(?:\{(?P<a>static|attach|filename)\}|\|(?P<b>static|attach|filename)\|)"
)
# Pelican's own link syntaxes for listings: {index}, {category}slug, {tag}, {author}.
_PELICAN_LINKS = tuple(
    f"{left}{name}{right}"
    for name in ("index", "category", "tag", "author")
    for left, right in (("{", "}"), ("|", "|"))
)
_URL_ATTRIBUTES = {"href", "src", "action", "formaction", "poster", "data", "xlink:href", "cite"}
_FORBIDDEN_TAGS = {
    "script": "trang không chạy mã do người viết bài đưa vào. Xóa đoạn <script>…</script>.",
    "style": "định dạng do giao diện chung quyết định. Xóa đoạn <style>…</style>.",
}
_ACTIVE_TAGS = {"object", "embed", "applet", "form", "base", "meta", "link", "frame", "frameset"}


# --- Text hygiene ---------------------------------------------------------------


def check_encoding(decoded: Decoded) -> list[Finding]:
    """Files must be UTF-8 (with or without BOM)."""
    if decoded.encoding is None:
        return []
    if decoded.encoding in FIXABLE:
        found = f"nhận ra bảng mã {encoding_label(decoded.encoding)}"
        fix = FIX_HINT
    elif decoded.encoding == UNKNOWN:
        found = "không nhận ra bảng mã nào"
        fix = "Mở tệp bằng trình soạn thảo, kiểm tra chữ có dấu rồi lưu lại với bảng mã UTF-8."
    else:
        found = f"đoán là bảng mã {encoding_label(decoded.encoding)}, không chắc chắn"
        fix = "Mở tệp bằng trình soạn thảo, kiểm tra chữ có dấu rồi lưu lại với bảng mã UTF-8."
    return [
        (
            decoded.bad_line,
            f"Tệp không lưu bằng bảng mã UTF-8 ({found}): chữ có dấu sẽ hiện sai. {fix}",
        )
    ]


def check_nfc(decoded: Decoded) -> list[Finding]:
    """Text must be in composed Unicode (NFC), or search and matching fail."""
    if not decoded.nfd_line:
        return []
    return [
        (
            decoded.nfd_line,
            "Chữ có dấu ở dạng tổ hợp (Unicode NFD): trông giống nhưng không khớp khi tìm "
            f"kiếm, so sánh. {FIX_HINT}",
        )
    ]


# --- The header -----------------------------------------------------------------


def check_header_end(header: Header) -> list[Finding]:
    """A field-like line that ends the header silently turns the rest into body."""
    if header.stopper is None:
        return []
    line, text = header.stopper
    if not _LOOKS_LIKE_FIELD.match(text):
        return []
    name = text.split(":", 1)[0].strip()
    return [
        (
            line,
            f'Dòng "{name}: ..." không được đọc là thông tin bài: tên trường chỉ gồm chữ '
            'không dấu, số, "-" và "_" (như Title, Date). Nó và các dòng sau bị coi là nội '
            "dung. Sửa tên trường, hoặc thêm một dòng trống trước phần nội dung.",
        )
    ]


def check_repeated(header: Header) -> list[Finding]:
    """A single-valued field written twice: Pelican would keep one silently."""
    return [
        (
            item.line,
            f'Dòng "{item.name}" lặp lại (đã có ở dòng {header.fields[item.key].line}). '
            "Giữ một dòng.",
        )
        for item in header.repeated
        if item.key in SINGLE_VALUED
    ]


def check_unknown_fields(header: Header, known: Collection[str]) -> list[Finding]:
    """A misspelt field name ("Tittle") is almost always a missing field."""
    found = []
    absent = [key for key in known if key not in header.fields]
    for key, item in header.fields.items():
        if key in known:
            continue
        close = difflib.get_close_matches(key, absent, n=1, cutoff=0.75)
        if close:
            written = FIELDS.get(close[0], (close[0].capitalize(),))[0]
            found.append((item.line, f'Tên trường "{item.name}" không có. Có phải "{written}"?'))
    return found


def check_required(header: Header, required: Iterable[str]) -> list[Finding]:
    """Every required field is present and not empty."""
    found = []
    for key in required:
        name, meaning, example = FIELDS.get(key, (key.capitalize(), key, "..."))
        item = header.fields.get(key)
        if item is None:
            found.append(
                (
                    1,
                    f'Thiếu dòng "{name}: ..." ({meaning}). Thêm vào phần đầu tệp, '
                    f'ví dụ "{name}: {example}".',
                )
            )
        elif not item.value:
            found.append((item.line, f'Dòng "{name}" đang để trống: ghi {meaning}.'))
    return found


def check_dates(header: Header, keys: Iterable[str] = ("date", "modified")) -> list[Finding]:
    """Dates are in an accepted format and exist."""
    found = []
    for key in keys:
        item = header.fields.get(key)
        if item is None or not item.value:
            continue
        try:
            parse_date(item.value)
        except DateError as error:
            found.append((item.line, str(error)))
    return found


def check_status(header: Header, allowed: Collection[str] = STATUSES) -> list[Finding]:
    """Only the statuses we know; Pelican would skip any other file silently."""
    item = header.fields.get("status")
    # An emptied "Status:" line means published, as in Pelican.
    if item is None or not item.value or item.value.strip().lower() in allowed:
        return []
    return [
        (
            item.line,
            f'Trạng thái "{item.value}" không hợp lệ. Ghi "Status: draft" nếu là bản nháp '
            "chưa đăng; bỏ dòng này để đăng.",
        )
    ]


def check_category(
    header: Header,
    registry: list[CategoryEntry],
    find: Callable[[str], CategoryEntry | None] | None = None,
) -> list[Finding]:
    """The category is in the registry (case, spaces and diacritics ignored)."""
    item = header.fields.get("category")
    if item is None or not item.value:
        return []
    entry = find(item.value) if find else resolve(registry, item.value)
    return [] if entry else [(item.line, unknown_message(registry, item.value))]


def check_summary_length(header: Header, limit: int) -> list[Finding]:
    """The lead paragraph (sapo) stays short: one or two sentences."""
    item = header.fields.get("summary")
    if item is None or len(item.value) <= limit:
        return []
    return [
        (
            item.line,
            f"Tóm tắt (Summary) dài {len(item.value)} ký tự, quá giới hạn {limit}. "
            "Rút gọn còn một hai câu; phần chi tiết đưa vào thân bài.",
        )
    ]


_SLUG = re.compile(r"^[a-z0-9]+(?:-[a-z0-9]+)*$")
_OUTPUT_PATH = re.compile(r"^(?!/)(?!.*\.\.)[a-z0-9][a-z0-9._/-]*$")


def check_slug(header: Header, slug: str | None) -> list[Finding]:
    """A written ``Slug:`` is a URL segment; a computed one must not be empty."""
    item = header.fields.get("slug")
    if item is not None and item.value and not _SLUG.match(item.value):
        return [
            (
                item.line,
                f'Slug "{item.value}" chỉ được gồm chữ thường không dấu, số và dấu gạch nối, '
                "ví dụ hoi-nghi-tiep-xuc-cu-tri.",
            )
        ]
    if not header.get("slug") and slug == "" and header.get("title"):
        return [
            (
                header.line("title"),
                "Tiêu đề không có chữ hay số nào để làm địa chỉ bài. Sửa tiêu đề, hoặc thêm "
                'dòng "Slug: ..." (ví dụ "Slug: hoi-nghi-cu-tri").',
            )
        ]
    return []


def check_developer_fields(
    header: Header, templates: Collection[str], language: str
) -> list[Finding]:
    """Template, Save_as, Url, Lang: rarely needed, and wrong values lose the page."""
    found = []
    item = header.fields.get("template")
    if item is not None and item.value not in templates:
        found.append(
            (
                item.line,
                f'Mẫu trang "{item.value}" không có trong giao diện (theme/templates/). '
                'Xóa dòng "Template" để dùng mẫu mặc định.',
            )
        )
    for key in ("save_as", "url"):
        item = header.fields.get(key)
        if item is not None and not _OUTPUT_PATH.match(item.value):
            found.append(
                (
                    item.line,
                    f'Dòng "{item.name}" phải là đường dẫn tương đối không dấu, ví dụ '
                    '"gioi-thieu/"; tốt nhất xóa dòng này để địa chỉ được đặt tự động.',
                )
            )
    item = header.fields.get("lang")
    if item is not None and item.value != language:
        found.append(
            (
                item.line,
                f'Trang chỉ có một ngôn ngữ: xóa dòng "{item.name}" (hoặc ghi "{item.name}: '
                f'{language}").',
            )
        )
    return found


# --- Images, attachments, links ---------------------------------------------------


def content_target(url: str, relative: str) -> str | None:
    """The file under content/ that ``{static}x``/``{attach}x``/``{filename}x`` names."""
    match = _STATIC_PREFIX.match(url)
    if not match:
        return None
    rest = unquote(urlsplit(url[match.end() :]).path)
    if rest.startswith("/"):
        return posixpath.normpath(rest.lstrip("/"))
    return posixpath.normpath(posixpath.join(posixpath.dirname(relative), rest))


def _missing(url: str, target: str, files: Collection[str]) -> str:
    folder = "images/" if target.startswith("images") else "files/"
    hint = f"chép tệp vào content/{folder}"
    lowered = {path.lower(): path for path in files}
    if target.lower() in lowered:
        hint = f'chữ hoa/thường phải khớp: tệp có tên "{lowered[target.lower()]}"'
    return f'Không tìm thấy tệp "{target}" (đường dẫn "{url}"). Kiểm tra tên tệp, hoặc {hint}.'


def check_featured_image(header: Header, relative: str, files: Collection[str]) -> list[Finding]:
    """``Image:`` names an existing photo, described by ``Image-alt:``."""
    item = header.fields.get("image")
    if item is None or not item.value:
        return []
    found = _check_image_url(item.value, item.line, relative, files)
    if not header.get("image-alt"):
        found.append(
            (
                item.line,
                'Có ảnh đại diện (Image) nhưng thiếu dòng "Image-alt: ..." mô tả ảnh cho '
                "người không xem được ảnh.",
            )
        )
    return found


def _check_image_url(url: str, line: int, relative: str, files: Collection[str]) -> list[Finding]:
    target = content_target(url, relative)
    if target is not None:
        return [] if target in files else [(line, _missing(url, target, files))]
    parts = urlsplit(url)
    if parts.scheme in ("http", "https") or url.startswith("//"):
        return [
            (
                line,
                f'Ảnh "{url}" lấy từ trang khác ({parts.netloc}): trang không tải gì từ máy chủ '
                'bên ngoài. Tải ảnh về content/images/ rồi viết "{static}/images/tên-ảnh.jpg".',
            )
        ]
    if parts.scheme:
        return []  # javascript:/data: URLs are reported by the HTML rules
    path = unquote(parts.path).lstrip("/")
    return [
        (
            line,
            f'Đường dẫn ảnh "{url}" thiếu {{static}}: ảnh sẽ hỏng khi trang đặt ở thư mục '
            f'con. Viết "{{static}}/{path}".',
        )
    ]


def check_images(refs: Iterable[Reference], relative: str, files: Collection[str]) -> list[Finding]:
    """Body images exist, are ours, and have alt text."""
    found = []
    for ref in refs:
        if not ref.is_image:
            continue
        if ref.alt is None or not ref.alt.strip():
            how = (
                f"ghi mô tả ngắn trong ngoặc vuông, ví dụ ![Quang cảnh hội nghị]({ref.url})"
                if ref.tag == "markdown"
                else 'thêm alt="..." vào thẻ <img>'
            )
            found.append((ref.line, f'Ảnh "{ref.url}" thiếu mô tả (alt): {how}.'))
        found += _check_image_url(ref.url, ref.line, relative, files)
    return found


def check_links(refs: Iterable[Reference], relative: str, files: Collection[str]) -> list[Finding]:
    """Links to our own files exist and survive a site under a sub-path."""
    found = []
    for ref in refs:
        if ref.is_image or not ref.url or ref.url.startswith("#"):
            continue
        target = content_target(ref.url, relative)
        if target is not None:
            if target not in files:
                found.append((ref.line, _missing(ref.url, target, files)))
            continue
        parts = urlsplit(ref.url)
        if parts.scheme or ref.url.startswith(("//", *_PELICAN_LINKS)):
            continue  # external links are fine; unsafe schemes: check_html
        found.append(
            (
                ref.line,
                f'Liên kết "{ref.url}" sẽ hỏng khi trang đặt ở thư mục con. Trỏ tới tệp nguồn, '
                'ví dụ "{filename}/pages/gioi-thieu.md", hoặc tệp đính kèm "{static}/files/...".',
            )
        )
    return found


def content_links(refs: Iterable[Reference], relative: str) -> list[tuple[int, str, str]]:
    """(line, url, target) of every link to another content file (``{filename}``)."""
    found = []
    for ref in refs:
        target = content_target(ref.url, relative)
        if target is not None and not ref.is_image and target.endswith(".md"):
            found.append((ref.line, ref.url, target))
    return found


def check_unpublished_link(line: int, url: str, status: str, when: str) -> list[Finding]:
    """A published page must not link to a draft, or to an article not yet due."""
    if status == "draft":
        return [
            (
                line,
                f'Liên kết "{url}" trỏ tới một bản nháp chưa đăng: người đọc sẽ gặp trang không '
                "có. Bỏ liên kết, hoặc đăng bài kia trước.",
            )
        ]
    if status == "scheduled":
        return [
            (
                line,
                f'Liên kết "{url}" trỏ tới bài hẹn giờ đăng lúc {when}: đến lúc đó liên kết '
                "còn hỏng. Hẹn giờ bài này muộn hơn, hoặc bỏ liên kết.",
            )
        ]
    return []


# --- Raw HTML ------------------------------------------------------------------------


def unsafe_scheme(url: str) -> bool:
    """True for ``javascript:``/``vbscript:``/``data:`` URLs, however disguised."""
    squeezed = "".join(ch for ch in url if ch > " ").lower()
    return squeezed.startswith(("javascript:", "vbscript:", "data:text/html"))


def iframe_host(src: str) -> str:
    """The host an iframe loads from ("" when not an https URL)."""
    parts = urlsplit(src.strip())
    return (parts.hostname or "") if parts.scheme == "https" else ""


def check_html(tags: Iterable[Tag], allowed_hosts: Collection[str]) -> list[Finding]:
    """No scripts, styles, event handlers, javascript: URLs; iframes from allowed hosts."""
    found = []
    for tag in tags:
        if tag.name in _FORBIDDEN_TAGS:
            found.append(
                (tag.line, f"Không được chèn <{tag.name}> vào bài: {_FORBIDDEN_TAGS[tag.name]}")
            )
        elif tag.name in _ACTIVE_TAGS:
            found.append((tag.line, f"Không được dùng thẻ <{tag.name}> trong bài. Xóa thẻ này."))
        elif tag.name == "iframe":
            found += _check_iframe(tag, allowed_hosts)
        if tag.name == "h1":
            found.append((tag.line, _H1_MESSAGE))
        for name, value in tag.attrs:
            if name.startswith("on"):
                found.append(
                    (
                        tag.line,
                        f'Thuộc tính "{name}" trong thẻ <{tag.name}> chạy mã JavaScript, không '
                        "được phép. Xóa thuộc tính này.",
                    )
                )
            elif name in _URL_ATTRIBUTES and unsafe_scheme(value):
                found.append((tag.line, _unsafe_url_message(value)))
    return found


def _unsafe_url_message(url: str) -> str:
    shown = url if len(url) <= 40 else url[:37] + "..."
    return (
        f'Địa chỉ "{shown}" chạy mã hoặc nhúng nội dung lạ, không được phép. Dùng địa chỉ '
        "https://... hoặc {static}/...."
    )


def _check_iframe(tag: Tag, allowed_hosts: Collection[str]) -> list[Finding]:
    src = dict(tag.attrs).get("src", "")
    host = iframe_host(src)
    if host and host in allowed_hosts:
        return []
    listed = ", ".join(sorted(allowed_hosts)) or "chưa cho phép trang nào"
    return [
        (
            tag.line,
            f'Khung nhúng <iframe> từ "{host or src}" không được phép (chỉ nhúng qua https từ: '
            f"{listed}). Xóa khung này, hoặc nhờ quản trị thêm tên miền vào IFRAME_ALLOWED_HOSTS.",
        )
    ]


_H1_MESSAGE = (
    'Thân bài có tiêu đề cấp 1 ("# ..." hoặc <h1>); mỗi trang chỉ có một tiêu đề cấp 1 là '
    'Title. Dùng "## " cho đề mục.'
)


def check_markdown_links(refs: Iterable[Reference]) -> list[Finding]:
    """Markdown links and images may not use javascript: URLs either."""
    return [
        (ref.line, _unsafe_url_message(ref.url))
        for ref in refs
        if ref.tag == "markdown" and unsafe_scheme(ref.url)
    ]


def check_attr_lists(handlers: Iterable[tuple[int, str]]) -> list[Finding]:
    """``{: onclick=...}`` is an event handler too."""
    return [
        (line, f'Thuộc tính "{name}" chạy mã JavaScript, không được phép. Xóa thuộc tính này.')
        for line, name in handlers
    ]


def check_h1(lines: Iterable[int]) -> list[Finding]:
    """The page title is the only level-1 heading."""
    return [(line, _H1_MESSAGE) for line in lines]
