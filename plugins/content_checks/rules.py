"""One small pure function per rule; each returns ``[(line, message), ...]``.

Messages are Vietnamese, say what is wrong and how to fix it. The wiring
(:mod:`content_checks.checker`) adds the file name and reports them. Rules on
what a body shows and links to (images, links, raw HTML) are in
:mod:`content_checks.body_rules`.
"""

from __future__ import annotations

import difflib
import re
from collections.abc import Callable, Collection, Iterable
from typing import Any
from urllib.parse import urlsplit

from content_model import DATE, DATETIME, Field, Kind

from categories.registry import CategoryEntry, resolve, unknown_message

from .dates import DateError, parse_date
from .source import FIXABLE, UNKNOWN, Decoded, Header, encoding_label

Finding = tuple[int, str]
FIX_HINT = 'Chạy "./portal check --fix" để sửa tự động.'

# Keys that hold one value: writing them twice is a mistake.
SINGLE_VALUED = frozenset(
    {"title", "date", "modified", "category", "status", "slug", "summary", "author"}
    | {"image", "image-alt", "lang", "template", "save_as", "url", "tags", "authors"}
)
STATUSES = {"published", "draft"}
_LOOKS_LIKE_FIELD = re.compile(r"^[ ]{0,3}[^\s:#>*|-][^:]{0,40}:\s*\S")


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


def _suggestion(key: str, candidates: Collection[str], model: Kind) -> str | None:
    close = difflib.get_close_matches(key, list(candidates), n=1, cutoff=0.75)
    if not close:
        return None
    known = model.field(close[0])
    return known.name if known else close[0].capitalize()


def check_unknown_fields(header: Header, model: Kind) -> list[Finding]:
    """A misspelt field name ("Tittle") is almost always a missing field: an error."""
    found = []
    absent = [key for key in model.keys if key not in header.fields]
    for key, item in header.fields.items():
        if key in model.keys:
            continue
        written = _suggestion(key, absent, model)
        if written:
            found.append((item.line, f'Tên trường "{item.name}" không có. Có phải "{written}"?'))
    return found


def unknown_field_warnings(header: Header, model: Kind) -> list[Finding]:
    """Any other field the model does not declare is ignored: a warning, with a suggestion."""
    found = []
    absent = [key for key in model.keys if key not in header.fields]
    for key, item in header.fields.items():
        if key in model.keys or _suggestion(key, absent, model):
            continue  # known, or already an error (check_unknown_fields)
        close = _suggestion(key, model.keys, model)
        hint = (
            f'Có phải "{close}"?'
            if close
            else "Các trường có: "
            + ", ".join(field.name for field in model.fields if not field.advanced)
            + "."
        )
        found.append(
            (
                item.line,
                f'Tên trường "{item.name}" không có trong mẫu {model.label_vi} nên bị bỏ qua. '
                + hint,
            )
        )
    return found


def check_required(header: Header, required: Iterable[Field]) -> list[Finding]:
    """Every required field is present and not empty."""
    found = []
    for declared in required:
        name, meaning, example = declared.name, declared.meaning, declared.example or "..."
        item = header.fields.get(declared.key)
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


def check_urls(header: Header, fields: Iterable[Field]) -> list[Finding]:
    """An address field holds a whole http(s) address (or what its pattern allows)."""
    found = []
    for field in fields:
        item = header.fields.get(field.key)
        if item is None or not item.value:
            continue
        if field.pattern:
            valid = re.fullmatch(field.pattern, item.value) is not None
        else:
            parts = urlsplit(item.value)
            valid = parts.scheme in ("http", "https") and bool(parts.netloc)
        if not valid or " " in item.value:
            found.append(
                (
                    item.line,
                    f'Dòng "{item.name}" phải là một địa chỉ đầy đủ bắt đầu bằng https:// '
                    f'(hoặc http://), ví dụ "{item.name}: {field.example or "https://example.vn/tin/a.html"}".',
                )
            )
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


def check_declared(header: Header, declared: Kind) -> list[Finding]:
    """What the content model says of a kind's header: required, real dates, a known status."""
    status = declared.field("status")
    return [
        *check_required(header, declared.required),
        *check_dates(header, declared.keys_of(DATE, DATETIME)),
        *(check_status(header, set(status.choices())) if status is not None else []),
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


# Header fields Pelican turns into named pages (tag, author), what it calls
# them on the content object, and what an editor calls one.
_NAMED = (
    ("tags", "tags", "Thẻ"),
    ("author", "authors", "Tác giả"),
    ("authors", "authors", "Tác giả"),
)


def check_name_slugs(header: Header, content: Any) -> list[Finding]:
    """Each tag and author needs a letter or digit: Pelican warns (and stops the build) otherwise.

    ``content``: the build's object of the file (:mod:`.locate`), whose tags
    and authors Pelican slugs with the site's own substitutions.
    """
    findings: list[Finding] = []
    for field, attribute, label in _NAMED:
        if header.get(field) is None:
            continue
        if field == "author" and header.get("authors") is not None:
            continue  # Pelican's authors then come from "Authors:" alone
        for name in getattr(content, attribute, None) or []:
            if not name.slug:
                findings.append(
                    (
                        header.line(field),
                        f'{label} "{name}" không có chữ hay số nào để làm địa chỉ. '
                        f'Sửa lại, hoặc bỏ nó khỏi dòng "{field.capitalize()}:".',
                    )
                )
    return findings


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
