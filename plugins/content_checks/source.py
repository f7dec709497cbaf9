"""Read a content file the way editors save it, and split off its metadata.

Editors save in UTF-8 with or without a BOM, with CRLF or LF line ends, and now
and then in Windows-1258 (the old Vietnamese code page) or in decomposed
Unicode (NFD). :func:`decode` never fails: it reports what it found so the
checks can say so, and always returns usable text.

:func:`parse_header` (the portal's one header reader, in
:mod:`content_model.header`) is re-exported here for the checks.
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass

import charset_normalizer
from content_model.header import Field, Header, parse_header

__all__ = ["Field", "Header", "parse_header"]  # the one header reader, re-exported

_BOMS = (b"\xef\xbb\xbf",)
# Code pages our editors' tools produce, in the order to prefer on a tie.
_PREFERRED = ("utf_16", "utf_32", "cp1258")
UNKNOWN = "unknown"
# Code pages `--fix` converts from: the ones detection tells apart reliably.
FIXABLE = frozenset({"cp1258", "cp1252", "utf_16", "utf_16_le", "utf_16_be", "utf_32"})


@dataclass(frozen=True)
class Decoded:
    """A file's text and what decoding it revealed."""

    text: str  # LF line ends, no BOM, NFC
    encoding: str | None = None  # None: UTF-8; otherwise the detected code page
    bad_line: int = 0  # first line that is not UTF-8
    nfd_line: int = 0  # first line that is not in NFC (UTF-8 files only)
    has_bom: bool = False
    newline: str = "\n"


def encoding_label(name: str) -> str:
    """Human name of a Python codec name: ``cp1258`` -> ``Windows-1258``."""
    if name == UNKNOWN:
        return "không rõ"
    match = re.fullmatch(r"(?:cp|windows[-_])(125\d)", name.lower())
    if match:
        return f"Windows-{match.group(1)}"
    return name.upper().replace("_", "-")


def detect_encoding(raw: bytes) -> str | None:
    """Best guess of a non-UTF-8 file's code page (Python codec name), or None."""
    results = list(charset_normalizer.from_bytes(raw))
    if not results:
        return None
    best = min(match.chaos for match in results)
    tied = [match.encoding for match in results if match.chaos == best]
    # Short texts decode equally well in several Western code pages; the one a
    # Vietnamese editor's Windows produced is the likely one.
    for preferred in _PREFERRED:
        if preferred in tied:
            return preferred
    return tied[0]


def _line_of(text: str, offset: int) -> int:
    return text.count("\n", 0, offset) + 1


def _first_non_nfc_line(text: str) -> int:
    if unicodedata.is_normalized("NFC", text):
        return 0
    for number, line in enumerate(text.split("\n"), start=1):
        if not unicodedata.is_normalized("NFC", line):
            return number
    return 0  # pragma: no cover - a line break never un-normalises text


def decode(raw: bytes) -> Decoded:
    """Decode a content file; never raises. The text is always NFC with LF ends."""
    has_bom = raw.startswith(_BOMS)
    body = raw[3:] if has_bom else raw
    newline = "\r\n" if b"\r\n" in body else "\n"
    try:
        text = body.decode("utf-8")
    except UnicodeDecodeError as error:
        bad_line = body.count(b"\n", 0, error.start) + 1
        encoding = detect_encoding(raw) or UNKNOWN
        try:
            text = raw.decode(encoding)
        except (UnicodeDecodeError, LookupError):
            encoding, text = UNKNOWN, body.decode("utf-8", errors="replace")
        text = text.lstrip("\ufeff").replace("\r\n", "\n").replace("\r", "\n")
        return Decoded(unicodedata.normalize("NFC", text), encoding, bad_line, 0, False, newline)
    text = text.replace("\r\n", "\n").replace("\r", "\n")
    nfd_line = _first_non_nfc_line(text)
    if nfd_line:
        text = unicodedata.normalize("NFC", text)
    return Decoded(text, None, 0, nfd_line, has_bom, newline)


def repaired(raw: bytes) -> tuple[bytes, list[str]] | None:
    """The bytes ``--fix`` writes (UTF-8, NFC) and what changed; None if nothing to do.

    Only canonical changes: a reliably detected code page becomes UTF-8 and
    decomposed letters are composed (NFC). Line ends and a UTF-8 BOM are kept.
    """
    decoded = decode(raw)
    if decoded.encoding is None:
        if not decoded.nfd_line:
            return None
        bom = raw[:3] if decoded.has_bom else b""
        text = raw[len(bom) :].decode("utf-8")
        return bom + unicodedata.normalize("NFC", text).encode("utf-8"), [
            "chuẩn hóa chữ có dấu sang Unicode NFC"
        ]
    if decoded.encoding not in FIXABLE:
        return None
    text = raw.decode(decoded.encoding).lstrip("\ufeff")
    label = encoding_label(decoded.encoding)
    return unicodedata.normalize("NFC", text).encode("utf-8"), [
        f"chuyển từ bảng mã {label} sang UTF-8"
    ]
