"""Every file in the attachments folder is an attachment readers may download.

Pelican's static generator publishes whatever lies under ``content/files/``,
whether a document lists it, a body links to it, or nothing does. So each
file there is checked like a document's ``Files:`` entry, whoever uses it: a
known type (``portal_core.file_types``) by its extension and by its first
bytes. A ``.env``, a ``.txt`` or a renamed script is refused, hidden files
included (Pelican skips them today, an IGNORE_FILES change would not), but
not the harmless ones git and macOS leave behind.
"""

from __future__ import annotations

import os
import posixpath
from collections.abc import Mapping
from fnmatch import fnmatch
from pathlib import Path
from typing import Any

from portal_core.file_types import PUBLISHED, FileFormat, allowed_list, is_genuine

from .kinds import Finding, extension

# Hidden files that are never published (IGNORE_FILES) and never secrets:
# git's folder placeholders, what macOS leaves in every folder it opens.
_HARMLESS = (".gitkeep", ".gitignore", ".DS_Store", ".localized", "._*")


def attachments_folder(settings: Mapping[str, Any]) -> str:
    """The attachments folder under content/ (the documents plugin's setting)."""
    return posixpath.normpath(str(settings.get("DOCUMENT_FILES_DIR", "files"))).strip("/")


def in_attachments(relative: str, settings: Mapping[str, Any]) -> bool:
    """True for a file under the attachments folder, when that folder is published."""
    folder = attachments_folder(settings)
    static = [posixpath.normpath(path).strip("/") for path in settings.get("STATIC_PATHS", [])]
    under = relative.startswith(folder + "/")
    return under and any(folder == path or folder.startswith(path + "/") for path in static)


def hidden_files(root: Path, settings: Mapping[str, Any]) -> list[str]:
    """Hidden files in the attachments folder (relative posix paths), sorted."""
    base = root / attachments_folder(settings)
    found = []
    for folder, _, names in os.walk(base):
        relative_dir = Path(folder).relative_to(root).as_posix()
        found += [
            f"{relative_dir}/{name}"
            for name in names
            if name.startswith(".") and not any(fnmatch(name, junk) for junk in _HARMLESS)
        ]
    return sorted(found)


def check_attachment_file(relative: str, path: Path) -> list[Finding]:
    """A known type by extension and by content; else say what is accepted."""
    ext = extension(relative)
    name = posixpath.basename(relative)
    if ext not in PUBLISHED:
        shown = f'đuôi ".{ext}"' if ext else "không có đuôi"
        return [
            (
                0,
                f'Tệp "{name}" ({shown}) không phải loại tệp đính kèm được đăng: thư mục '
                f"{posixpath.dirname(relative)}/ chỉ nhận {allowed_list()}. Xóa tệp này, hoặc "
                "lưu nội dung thành một trong các loại đó.",
            )
        ]
    return first_bytes_findings(
        path,
        ext,
        PUBLISHED,
        f'Tệp "{name}" không phải tệp {{label}} thật (có thể đã bị đổi '
        "đuôi). Lưu lại tệp đúng định dạng {label} từ phần mềm soạn thảo.",
    )


def first_bytes_findings(
    path: Path, ext: str, formats: Mapping[str, FileFormat], message: str
) -> list[Finding]:
    """``message`` (``{label}`` filled in) when the file does not start like its type."""
    try:
        genuine = is_genuine(path, ext, dict(formats))
    except OSError as error:
        return [(0, f"Không đọc được tệp: {error.strerror}.")]
    return [] if genuine else [(0, message.format(label=formats[ext].label))]
