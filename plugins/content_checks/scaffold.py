"""``invoke new``: start an article, notice or document with every field in place.

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

from categories.registry import load_registry, resolve, unknown_message
from portal_core.text import nfc, slugify_vi

KINDS = ("article", "notice", "document")
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


def _article(title: str, now: dt.datetime, settings: Mapping[str, Any], category: str):
    registry = load_registry(settings.get("CATEGORIES", []))
    if not category:
        known = ", ".join(f'"{entry.name}"' for entry in registry)
        example = registry[0].name if registry else "Tin tức sự kiện"
        raise ScaffoldError(f'Cần chọn chuyên mục, ví dụ --category "{example}". Có: {known}.')
    entry = resolve(registry, category)
    if entry is None:
        raise ScaffoldError(unknown_message(registry, category))
    base = _folder(settings, "ARTICLE_PATHS", "articles")
    relative = f"{base}/{entry.slug}/{now:%Y-%m-%d}-{file_slug(title)}.md"
    text = (
        f"Title: {title}\n"
        f"Date: {now:%Y-%m-%d %H:%M}\n"
        f"Category: {entry.name}\n"
        f"Author: {settings.get('AUTHOR') or 'Ban biên tập'}\n"
        "Summary: Viết một hai câu tóm tắt (sapo), hiện in đậm dưới tiêu đề.\n"
        "Image:\n"
        "Image-alt:\n"
        "Source:\n"
        "Status: draft\n"
        "\n"
        'Viết nội dung bài ở đây. Đề mục dùng "## ", ví dụ "## I. Kết quả đạt được".\n'
    )
    return relative, text


def _notice(title: str, now: dt.datetime, settings: Mapping[str, Any]):
    base = _folder(settings, "NOTICE_PATHS", "notices")
    relative = f"{base}/{now:%Y-%m-%d}-{file_slug(title)}.md"
    text = (
        f"Title: {title}\n"
        f"Date: {now:%Y-%m-%d %H:%M}\n"
        f"Valid-from: {now:%Y-%m-%d}\n"
        "Expires:\n"
        "Pinned: không\n"
        "Summary: Một câu nói thông báo về việc gì, cho ai, khi nào.\n"
        "Files:\n"
        "Status: draft\n"
        "\n"
        "Viết nội dung thông báo ở đây.\n"
    )
    return relative, text


def _document(title: str, now: dt.datetime, settings: Mapping[str, Any], kind: str, number: str):
    from documents.metadata import MetadataError, parse_number, resolve_type  # noqa: PLC0415

    if not (kind and number):
        raise ScaffoldError(
            'Văn bản cần loại và số/ký hiệu, ví dụ --type "Kế hoạch" --number "30/KH-MTTQ".'
        )
    try:
        parsed = parse_number(number)
        kind = resolve_type(kind, settings.get("DOCUMENT_TYPES") or [])
    except MetadataError as error:
        raise ScaffoldError(str(error)) from None
    slug = slugify_vi(parsed.text) + ("" if parsed.year else f"-{now:%Y}")
    base = _folder(settings, "DOCUMENT_PATHS", "documents")
    text = (
        f"Title: {title}\n"
        f"Number: {parsed.text}\n"
        f"Type: {kind}\n"
        f"Issuer: {settings.get('UNIT', {}).get('name', '')}\n"
        f"Issued: {now:%Y-%m-%d}\n"
        "Effective: kể từ ngày ký\n"
        "Expires:\n"
        "Signer:\n"
        # Attachments live under content/files/ (DOCUMENT_FILES_DIR), in van-ban/.
        f"Files: van-ban/{slug}.pdf | Toàn văn\n"
        "Replaced-by:\n"
        "Status: draft\n"
        "\n"
        "Tóm tắt nội dung chính của văn bản (không bắt buộc).\n"
    )
    return f"{base}/{slug}.md", text


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
        raise ScaffoldError(f'Loại nội dung "{kind}" không có; chọn article, notice hoặc document.')
    if not title:
        raise ScaffoldError('Cần tiêu đề, ví dụ: new article "Hội nghị tiếp xúc cử tri" ...')
    if kind == "article":
        relative, text = _article(title, now, settings, nfc(category))
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
