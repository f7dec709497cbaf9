"""Rules on what a body shows and links to: images, attachments, links, raw HTML.

One small pure function per rule, each returning ``[(line, message), ...]``,
as in :mod:`content_checks.rules`.
"""

from __future__ import annotations

import posixpath
import re
from collections.abc import Collection, Iterable
from urllib.parse import unquote, urlsplit

from portal_core.nfc_names import nfd_message, nfd_twin

from .body import Reference, Tag
from .source import Header

Finding = tuple[int, str]
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
    twin = nfd_twin(target, files)
    if twin is not None:
        return nfd_message(url, twin)
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
