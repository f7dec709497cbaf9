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
    # Where the magic bytes start (MP4 names its type after a 4-byte box size).
    offset: int = 0


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


# An article's own video and its captions (plugins/video): published from the
# attachments folder like documents, never listed as a document's Files:.
MEDIA: dict[str, FileFormat] = {
    "mp4": FileFormat("video MP4", "video/mp4", (b"ftyp",), offset=4),
    "webm": FileFormat("video WebM", "video/webm", (b"\x1aE\xdf\xa3",)),
    "vtt": FileFormat("phụ đề WebVTT", "text/vtt", (b"WEBVTT", b"\xef\xbb\xbfWEBVTT")),
}
PUBLISHED: dict[str, FileFormat] = {**FORMATS, **MEDIA}

# Photos and drawings under the images folder (and the extra folder). A page
# served from the unit's domain runs any script it carries, so only formats
# browsers show as pictures are published; SVG is text and is checked apart
# (``svg_problem``).
_JPEG = FileFormat("ảnh JPEG", "image/jpeg", (b"\xff\xd8\xff",))
IMAGES: dict[str, FileFormat] = {
    "jpg": _JPEG,
    "jpeg": _JPEG,
    "png": FileFormat("ảnh PNG", "image/png", (b"\x89PNG\r\n\x1a\n",)),
    "gif": FileFormat("ảnh GIF", "image/gif", (b"GIF87a", b"GIF89a")),
    # RIFF, a 4-byte size, then WEBP: checked from the type at byte 8.
    "webp": FileFormat("ảnh WebP", "image/webp", (b"WEBP",), offset=8),
    "avif": FileFormat("ảnh AVIF", "image/avif", (b"ftypavif", b"ftypavis"), offset=4),
    "ico": FileFormat("biểu tượng ICO", "image/x-icon", (b"\x00\x00\x01\x00",)),
    "svg": FileFormat("hình vẽ SVG", "image/svg+xml", ()),
}


def allowed_list(formats: dict[str, FileFormat] = PUBLISHED) -> str:
    """``PDF, DOC, DOCX, ...``: what messages say is accepted."""
    return ", ".join(extension.upper() for extension in formats)


def is_genuine(path: Path, extension: str, formats: dict[str, FileFormat] = PUBLISHED) -> bool:
    """True when the file starts like a real file of ``extension`` (a known one)."""
    kind = formats[extension]
    with path.open("rb") as handle:
        head = handle.read(kind.offset + 16)
    return head[kind.offset :].startswith(kind.magic)
