"""``invoke new``: start an article, page, notice or document with every field in place.

The fields, their order and the file's name and folder come from the content
model (``content_model``); this module only fills in the starting values.

The new file is a draft (``Status: draft``) dated now in the site's time zone,
named and placed where the checks expect it; it passes ``invoke check`` as it
is, and goes public when the editor deletes the ``Status: draft`` line.
"""

from __future__ import annotations

import datetime as dt
import posixpath
from collections.abc import Mapping
from pathlib import Path
from typing import Any

from content_model import Kind, declare_plugins
from content_model import kind as model_kind

from categories.registry import load_registry, resolve, unknown_message
from portal_core.text import nfc, slugify_vi

KINDS = ("article", "page", "notice", "document")
NAME_LENGTH = 60  # characters of the title kept in a file name


class ScaffoldError(ValueError):
    """The request cannot make a file (message in Vietnamese)."""


def file_slug(title: str) -> str:
    """ASCII file-name slug of a title, cut at a word boundary."""
    slug = slugify_vi(title)
    if len(slug) <= NAME_LENGTH:
        return slug
    return slug[:NAME_LENGTH].rsplit("-", 1)[0]


def _folder(settings: Mapping[str, Any], key: str, default: str) -> str:
    folders = settings.get(key) or [default]
    return posixpath.normpath(folders[0]).strip("/")


def _declared(name: str) -> Kind:
    declared = model_kind(name)
    if declared is None:  # notices and documents: the documents plugin is not enabled
        raise ScaffoldError(f'Loại nội dung "{name}" chưa bật: thêm plugin documents vào PLUGINS.')
    return declared


def _file(declared: Kind, settings: Mapping[str, Any], values: Mapping[str, str], body: str):
    """(relative path, text) of a new file of ``declared``, from the content model."""
    base = _folder(settings, declared.paths_setting, declared.folder)
    relative = f"{base}/{declared.file_pattern.format_map(values)}"
    return relative, f"{declared.new_file_header(values)}\n{body}\n"


def _dates(now: dt.datetime) -> dict[str, str]:
    return {"yyyy": f"{now:%Y}", "mm": f"{now:%m}", "dd": f"{now:%d}"}


def _article(title: str, now: dt.datetime, settings: Mapping[str, Any], category: str):
    registry = load_registry(settings.get("CATEGORIES", []))
    if not category:
        known = ", ".join(f'"{entry.name}"' for entry in registry)
        example = registry[0].name if registry else "Tin tức sự kiện"
        raise ScaffoldError(f'Cần chọn chuyên mục, ví dụ --category "{example}". Có: {known}.')
    entry = resolve(registry, category)
    if entry is None:
        raise ScaffoldError(unknown_message(registry, category))
    values = {
        **_dates(now),
        "slug": file_slug(title),
        "category_slug": entry.slug,
        "title": title,
        "date": f"{now:%Y-%m-%d %H:%M}",
        "category": entry.name,
        "author": settings.get("AUTHOR") or "Ban biên tập",
        "summary": "Viết một hai câu tóm tắt (sapo), hiện in đậm dưới tiêu đề.",
        "status": "draft",
    }
    body = 'Viết nội dung bài ở đây. Đề mục dùng "## ", ví dụ "## I. Kết quả đạt được".'
    return _file(_declared("article"), settings, values, body)


def _page(title: str, settings: Mapping[str, Any]):
    values = {"slug": file_slug(title), "title": title, "status": "draft"}
    return _file(_declared("page"), settings, values, "Viết nội dung trang ở đây.")


def _notice(title: str, now: dt.datetime, settings: Mapping[str, Any]):
    values = {
        **_dates(now),
        "slug": file_slug(title),
        "title": title,
        "date": f"{now:%Y-%m-%d %H:%M}",
        "valid-from": f"{now:%Y-%m-%d}",
        "pinned": "không",
        "summary": "Một câu nói thông báo về việc gì, cho ai, khi nào.",
        "status": "draft",
    }
    return _file(_declared("notice"), settings, values, "Viết nội dung thông báo ở đây.")


def _document(title: str, now: dt.datetime, settings: Mapping[str, Any], kind: str, number: str):
    from documents.metadata import MetadataError, parse_number, resolve_type  # noqa: PLC0415

    declared = _declared("document")
    if not (kind and number):
        raise ScaffoldError(
            'Văn bản cần loại và số/ký hiệu, ví dụ --type "Kế hoạch" --number "30/KH-MTTQ".'
        )
    try:
        parsed = parse_number(number)
        kind = resolve_type(kind, declared.field("type").choices(settings))
    except MetadataError as error:
        raise ScaffoldError(str(error)) from None
    slug = slugify_vi(parsed.text) + ("" if parsed.year else f"-{now:%Y}")
    values = {
        "number_slug": slug,
        "title": title,
        "number": parsed.text,
        "type": kind,
        "issuer": settings.get("UNIT", {}).get("name", ""),
        "issued": f"{now:%Y-%m-%d}",
        "effective": "kể từ ngày ký",
        # Attachments live under content/files/ (DOCUMENT_FILES_DIR), in van-ban/.
        "files": f"van-ban/{slug}.pdf | Toàn văn",
        "status": "draft",
    }
    body = "Tóm tắt nội dung chính của văn bản (không bắt buộc)."
    return _file(declared, settings, values, body)


def scaffold(
    kind: str,
    title: str,
    settings: Mapping[str, Any],
    now: dt.datetime,
    *,
    category: str = "",
    doc_type: str = "",
    number: str = "",
) -> Path:
    """Write the new file under PATH and return its path; never overwrite."""
    title = " ".join(nfc(title).split())
    if kind not in KINDS:
        raise ScaffoldError(
            f'Loại nội dung "{kind}" không có; chọn article, page, notice hoặc document.'
        )
    if not title:
        raise ScaffoldError('Cần tiêu đề, ví dụ: new article "Hội nghị tiếp xúc cử tri" ...')
    declare_plugins(settings)  # notices and documents are declared by their plugin
    if kind == "article":
        relative, text = _article(title, now, settings, nfc(category))
    elif kind == "page":
        relative, text = _page(title, settings)
    elif kind == "notice":
        relative, text = _notice(title, now, settings)
    else:
        relative, text = _document(title, now, settings, nfc(doc_type), nfc(number))
    path = Path(settings["PATH"]) / relative
    if path.exists():
        raise ScaffoldError(f"Tệp {relative} đã có: mở tệp đó để sửa, hoặc đổi tiêu đề.")
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(text, encoding="utf-8")
    return path
