"""The kinds of attached files readers may download: one list for every check.

A document's ``Files:`` and any file under the attachments folder
(``content/files/``) are checked against this list, by extension and by the
file's first bytes (a renamed ``.env`` or script is caught).
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path


@dataclass(frozen=True)
class FileFormat:
    """A kind of attachment readers can open."""

    label: str
    mime: str
    # First bytes of a genuine file of this kind (a renamed file is caught).
    magic: tuple[bytes, ...]
    # Browsers display it themselves ("Xem"); others are only downloaded.
    viewable: bool = False


_OLE = b"\xd0\xcf\x11\xe0"  # legacy Office files
_ZIP = b"PK\x03\x04"  # Office Open XML and OpenDocument files
FORMATS: dict[str, FileFormat] = {
    "pdf": FileFormat("PDF", "application/pdf", (b"%PDF-",), viewable=True),
    "doc": FileFormat("Word (DOC)", "application/msword", (_OLE,)),
    "docx": FileFormat(
        "Word (DOCX)",
        "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
        (_ZIP,),
    ),
    "xls": FileFormat("Excel (XLS)", "application/vnd.ms-excel", (_OLE,)),
    "xlsx": FileFormat(
        "Excel (XLSX)",
        "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
        (_ZIP,),
    ),
    "odt": FileFormat("OpenDocument (ODT)", "application/vnd.oasis.opendocument.text", (_ZIP,)),
    "ods": FileFormat(
        "OpenDocument (ODS)", "application/vnd.oasis.opendocument.spreadsheet", (_ZIP,)
    ),
}


def allowed_list() -> str:
    """``PDF, DOC, DOCX, ...``: what messages say is accepted."""
    return ", ".join(extension.upper() for extension in FORMATS)


def is_genuine(path: Path, extension: str) -> bool:
    """True when the file starts like a real file of ``extension`` (a known one)."""
    with path.open("rb") as handle:
        head = handle.read(8)
    return head.startswith(FORMATS[extension].magic)
