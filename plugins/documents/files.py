"""Attached files: where they are, what they are, how big they are.

Attachments live in the repository under ``content/files/`` and are copied to
the site by Pelican's static generator. Here we only check that each one
exists, really is the kind of file its name says, and describe it for readers
("PDF, 245 KB").
"""

from __future__ import annotations

import os
import re
from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path, PurePosixPath

from portal_core.file_types import FORMATS, FileFormat
from portal_core.nfc_names import nfd_message, nfd_twin

from .metadata import MetadataError

__all__ = ["FORMATS", "Attachment", "FileFormat", "check_attachment", "file_entries"]


@dataclass(frozen=True)
class Attachment:
    """One attached file, checked and described."""

    path: str  # relative to the content folder, e.g. files/van-ban/30-kh-mttq.pdf
    url: str  # relative to the site, as the static generator publishes it
    label: str  # what readers see, e.g. "Toàn văn" or the file name
    extension: str
    size: int

    @property
    def name(self) -> str:
        """The file name, e.g. ``30-kh-mttq.pdf``."""
        return PurePosixPath(self.path).name

    @property
    def format(self) -> FileFormat:
        """Its kind (label, MIME type, whether browsers show it)."""
        return FORMATS[self.extension]

    @property
    def size_text(self) -> str:
        """Its size as readers read it: ``245 KB``, ``1,2 MB``."""
        return format_size(self.size)


def format_size(size: int) -> str:
    """Human-readable size with a Vietnamese decimal comma."""
    if size < 1024:
        return f"{size} byte"
    if size < 1024 * 1024:
        return f"{max(1, round(size / 1024))} KB"
    return f"{size / (1024 * 1024):.1f} MB".replace(".", ",")


# Editors may write the path the Pelican way ({static}/files/x.pdf) or plainly.
_PELICAN_PREFIX = re.compile(r"^(\{static\}|\{attach\}|\{filename\}|\|static\|)")


def split_entry(entry: str) -> tuple[str, str]:
    """``files/a.pdf | Toàn văn`` -> (``files/a.pdf``, ``Toàn văn``)."""
    path, _, label = entry.partition("|")
    return path.strip(), " ".join(label.split())


def attachment_path(written: str, files_dir: str) -> str:
    """Path relative to the content folder: ``30-kh.pdf`` -> ``files/30-kh.pdf``."""
    path = _PELICAN_PREFIX.sub("", written.strip()).lstrip("/")
    if not path.startswith(f"{files_dir}/"):
        path = f"{files_dir}/{path}"
    return PurePosixPath(path).as_posix()


def check_attachment(
    content_root: Path, entry: str, files_dir: str = "files", url_pattern: str = "{path}"
) -> Attachment:
    """Resolve and check one ``Files:`` entry; raise :class:`MetadataError`.

    ``url_pattern`` is Pelican's STATIC_URL (``{path}`` unless changed).
    """
    written, label = split_entry(entry)
    path = attachment_path(written, files_dir)
    if ".." in PurePosixPath(path).parts:
        raise MetadataError(f'Tệp đính kèm "{written}" phải nằm trong thư mục {files_dir}/.')
    extension = PurePosixPath(path).suffix.lower().lstrip(".")
    if extension not in FORMATS:
        known = ", ".join(ext.upper() for ext in FORMATS)
        raise MetadataError(
            f'Tệp đính kèm "{written}": không nhận loại tệp ".{extension}". Dùng {known}.'
        )
    source = content_root / path
    if not source.is_file():
        siblings = os.listdir(source.parent) if source.parent.is_dir() else []
        twin = nfd_twin(source.name, siblings)
        if twin is not None:
            raise MetadataError(nfd_message(written, twin))
        raise MetadataError(
            f'Không tìm thấy tệp đính kèm "{written}" (cần có tệp content/{path}). '
            "Kiểm tra tên tệp hoặc chép tệp vào đó."
        )
    with source.open("rb") as handle:
        head = handle.read(8)
    kind = FORMATS[extension]
    if not head.startswith(kind.magic):
        raise MetadataError(
            f'Tệp "{written}" không phải tệp {kind.label} thật (có thể đã bị đổi đuôi). '
            f"Lưu lại tệp đúng định dạng {kind.label} từ phần mềm soạn thảo."
        )
    return Attachment(
        path=path,
        url=url_pattern.format(path=path),
        label=label or PurePosixPath(path).name,
        extension=extension,
        size=source.stat().st_size,
    )


def file_entries(values: Iterable[str]) -> list[str]:
    """Split ``Files:`` values: one per line, or several separated by commas.

    A line with a label (``a.pdf | Phụ lục 1, 2``) is one file: labels may
    contain commas.
    """
    entries = []
    for value in values:
        parts = [value] if "|" in value else value.split(",")
        entries.extend(part.strip() for part in parts if part.strip())
    return entries
