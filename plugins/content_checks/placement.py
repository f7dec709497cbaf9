"""Where a file sits decides what happens to it; say so when nothing would.

Pelican reads Markdown in the article and page folders, copies the static
folders, and silently ignores everything else. Here every file under
``content/`` gets a place: a content kind, a static file, or a message saying
why it would be lost and where to move it.
"""

from __future__ import annotations

import fnmatch
import posixpath
from collections.abc import Mapping
from typing import Any

from .kinds import MARKDOWN_EXTENSIONS, ContentKind, Layout, extension

# Files operating systems and editors leave behind; never content.
JUNK_PATTERNS = ("thumbs.db", "desktop.ini", "~$*", "*.tmp", "*~", "*.bak", ".~lock.*#")
IMAGE_EXTENSIONS = {"jpg", "jpeg", "png", "gif", "webp", "svg", "avif"}
ATTACHMENT_EXTENSIONS = {"pdf", "doc", "docx", "xls", "xlsx", "ppt", "pptx", "odt", "ods", "zip"}
_OTHER = {"html", "htm", "rst", "txt", "rtf"}
# content/data/ holds what plugins read at build time (the visitor count); never
# published. A file there that no setting names today is kept, not an error: a
# unit switching VISITOR_COUNTER to "none" or to a live source keeps its count.
DATA_FOLDER = "data"
DATA_EXTENSIONS = {"toml", "json"}


def _folders(layout: Layout) -> str:
    folders = sorted({folder for _, paths, _ in layout.kinds for folder in paths})
    return ", ".join(f"content/{folder}/" for folder in [*folders, *layout.static])


def _is_junk(relative: str) -> bool:
    name = posixpath.basename(relative).lower()
    return any(fnmatch.fnmatch(name, pattern) for pattern in JUNK_PATTERNS)


def _wrong_type(kind: ContentKind, ext: str) -> str:
    """A non-Markdown file in a content folder: Pelican would skip it."""
    if ext in IMAGE_EXTENSIONS | ATTACHMENT_EXTENSIONS:
        return (
            "Ảnh, tệp đính kèm không đặt cạnh bài nên sẽ không được đăng: chuyển vào "
            "content/images/ (ảnh) hoặc content/files/ (tệp đính kèm) rồi trỏ tới bằng "
            '"{static}/images/..." hoặc "{static}/files/...".'
        )
    shown = f".{ext}" if ext else "không có đuôi"
    why = " (HTML, reStructuredText, văn bản thường không được đọc)" if ext in _OTHER else ""
    return (
        f"Tệp {shown} sẽ không được đăng: {kind.label} phải là tệp Markdown (.md){why}. "
        "Lưu lại nội dung thành tệp .md (xem README)."
    )


def place(relative: str, where: Layout | Mapping[str, Any]) -> tuple[ContentKind | str | None, str]:
    """Return (kind, "") for content, ("static"/"data", "") for a used file, (None, message)."""
    layout = where if isinstance(where, Layout) else Layout.of(where)
    ext = extension(relative)
    kind = layout.kind_for(relative)
    folder = layout.static_folder(relative)
    if relative in layout.data:
        return "data", ""
    in_data_folder = relative.startswith(f"{DATA_FOLDER}/")
    if in_data_folder and ext in DATA_EXTENSIONS and kind is None and folder is None:
        return "data", ""
    if _is_junk(relative):
        name = posixpath.basename(relative)
        message = f"Tệp rác của hệ điều hành hoặc trình soạn thảo ({name}): xóa tệp này."
    elif ext in MARKDOWN_EXTENSIONS and kind is not None:
        return kind, ""
    elif ext in MARKDOWN_EXTENSIONS and folder is not None:
        message = (
            f"Tệp bài viết (.{ext}) nằm trong content/{folder}/ sẽ bị chép nguyên văn lên "
            "trang thay vì thành bài. Chuyển vào content/articles/<chuyên-mục>/ (tin bài) "
            "hoặc content/pages/ (trang)."
        )
    elif folder is not None:
        return "static", ""
    elif kind is not None:
        message = _wrong_type(kind, ext)
    elif in_data_folder:
        message = (
            f"content/{DATA_FOLDER}/ chỉ chứa tệp dữ liệu .toml hoặc .json (ví dụ số lượt "
            "truy cập), không được đăng lên trang. Ảnh chuyển vào content/images/, tệp đính "
            "kèm vào content/files/."
        )
    else:
        message = (
            "Tệp nằm ngoài các thư mục nội dung nên sẽ không được đăng. Chuyển vào một "
            f"trong: {_folders(layout)}."
        )
    return None, message
