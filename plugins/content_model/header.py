"""The one reader of the ``Key: value`` block at the top of every content file.

Same rules as Python-Markdown's ``meta`` extension (which Pelican uses): keys
are case-insensitive, an indented line continues the previous key, the header
ends at the first blank line (or at a line that is neither). Unlike it, every
field keeps its line, so messages can point at it, and a repeated key is kept
apart so the check can say so. Used by the check, the Markdown reader, and the
documents and notices readers.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass, field

# The same patterns as markdown.extensions.meta (the header ends where they stop).
_META = re.compile(r"^[ ]{0,3}(?P<key>[A-Za-z0-9_-]+):\s*(?P<value>.*)")
_META_MORE = re.compile(r"^[ ]{4,}(?P<value>.*)")
_BEGIN = re.compile(r"^-{3}(\s.*)?")
_END = re.compile(r"^(-{3}|\.{3})(\s.*)?")
# Python-Markdown removes these and expands tabs before reading the header.
_MARKDOWN_RESERVED = str.maketrans("", "", "\x02\x03")


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

    def merged(self) -> dict[str, Field]:
        """Every key once, a repeated key's values appended (Python-Markdown's reading)."""
        found: dict[str, Field] = {}
        for item in sorted([*self.fields.values(), *self.repeated], key=lambda f: f.line):
            first = found.get(item.key)
            if first is None:
                found[item.key] = item
            else:
                found[item.key] = Field(
                    first.key, first.name, first.values + item.values, first.line
                )
        return found

    def body(self, text: str) -> str:
        """The text after the header (``text`` as given to :func:`parse_header`)."""
        return "\n".join(text.split("\n")[self.body_line - 1 :])


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
