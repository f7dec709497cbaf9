"""Read a content file the way editors save it, and split off its metadata.

Editors save in UTF-8 with or without a BOM, with CRLF or LF line ends, and now
and then in Windows-1258 (the old Vietnamese code page) or in decomposed
Unicode (NFD). :func:`decode` never fails: it reports what it found so the
checks can say so, and always returns usable text.

:func:`parse_header` reads the ``Key: value`` block at the top of a Markdown
file with the same rules as Python-Markdown's ``meta`` extension (which Pelican
uses), but keeps the line of every field, so messages can point at it.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterator
from dataclasses import dataclass, field

import charset_normalizer

_BOMS = (b"\xef\xbb\xbf",)
# The same patterns as markdown.extensions.meta (the header ends where they stop).
_META = re.compile(r"^[ ]{0,3}(?P<key>[A-Za-z0-9_-]+):\s*(?P<value>.*)")
_META_MORE = re.compile(r"^[ ]{4,}(?P<value>.*)")
_BEGIN = re.compile(r"^-{3}(\s.*)?")
_END = re.compile(r"^(-{3}|\.{3})(\s.*)?")
# Python-Markdown removes these and expands tabs before reading the header.
_MARKDOWN_RESERVED = str.maketrans("", "", "\x02\x03")
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


@dataclass(frozen=True)
class Field:
    """One metadata field as written: ``Title: ...`` on line 1."""

    key: str  # lower case, as Pelican names it
    name: str  # as the editor wrote it
    values: tuple[str, ...]  # the first line's value, then continuation lines
    line: int

    @property
    def value(self) -> str:
        """The value, continuation lines joined by a space."""
        return " ".join(part for part in self.values if part)


@dataclass
class Header:
    """The metadata block: first occurrence of each key, repeats, where it ended."""

    fields: dict[str, Field] = field(default_factory=dict)
    repeated: list[Field] = field(default_factory=list)
    body_line: int = 1  # 1-based line where the body starts
    stopper: tuple[int, str] | None = None  # a non-field line that ended the header

    def get(self, key: str) -> str | None:
        """The value of ``key`` (None when absent)."""
        found = self.fields.get(key)
        return found.value if found else None

    def line(self, key: str) -> int:
        """The line of ``key`` (1 when absent: the top of the file)."""
        found = self.fields.get(key)
        return found.line if found else 1

    def markdown_meta(self) -> dict[str, list[str]]:
        """The dict Python-Markdown's ``Meta`` would hold for the same text."""
        meta: dict[str, list[str]] = {}
        for item in sorted([*self.fields.values(), *self.repeated], key=lambda f: f.line):
            meta.setdefault(item.key, []).extend(item.values)
        return meta


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


def _lines(text: str) -> Iterator[str]:
    """Lines as Python-Markdown sees them, produced lazily (the header is short)."""
    start = 0
    while True:
        end = text.find("\n", start)
        line = text[start:] if end < 0 else text[start:end]
        if "\x02" in line or "\x03" in line:
            line = line.translate(_MARKDOWN_RESERVED)
        yield line.expandtabs(4) if "\t" in line else line
        if end < 0:
            return
        start = end + 1


def parse_header(text: str) -> Header:
    """Split the metadata block off ``text`` (LF line ends), keeping line numbers."""
    header = Header()
    if not text or text.isspace():
        return header
    lines = _lines(text)
    number = 0
    key: str | None = None
    order: list[tuple[str, str, int, list[str]]] = []
    for line in lines:
        number += 1
        if number == 1 and _BEGIN.match(line):
            continue
        if not line.strip() or _END.match(line):
            break
        match = _META.match(line)
        if match:
            key = match.group("key").lower().strip()
            order.append((key, match.group("key"), number, [match.group("value").strip()]))
            continue
        more = _META_MORE.match(line)
        if more and key:
            order[-1][3].append(more.group("value").strip())
            continue
        header.stopper = (number, line)
        number -= 1  # this line is the body's first
        break
    for key, name, line_number, values in order:
        item = Field(key, name, tuple(values), line_number)
        if key in header.fields:
            header.repeated.append(item)
        else:
            header.fields[key] = item
    header.body_line = number + 1
    return header


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
