"""Find what an article body links to and which raw HTML it contains.

Works on the Markdown source (no rendering, so ``invoke check`` stays fast):
code blocks and code spans are blanked out first, so an example of ``<script>``
inside backticks is not mistaken for the real thing. Every hit carries its line.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from html.parser import HTMLParser

_FENCE = re.compile(r"^[ ]{0,3}(`{3,}|~{3,})")
_CODE_SPAN = re.compile(r"(`+)(?!`)(.+?)(?<!`)\1(?!`)")
# A link target may hold one level of balanced parentheses, as in Markdown.
_URL = r"(?P<url>(?:[^()\s>]|\([^()\s]*\))*)"
_MD_IMAGE = re.compile(
    rf"!\[(?P<alt>[^\]\n]*)\]\(\s*<?{_URL}>?(?:\s+(?:\"[^\"]*\"|'[^']*'|\([^)]*\)))?\s*\)"
)
_MD_LINK = re.compile(rf"(?<!!)\[[^\]\n]*\]\(\s*<?{_URL}")
# A reference definition "[label]: url"; "[^1]: text" is a footnote (Markdown
# extra), not a link.
_MD_REFERENCE = re.compile(r"^[ ]{0,3}\[(?!\^)[^\]\n]+\]:[ \t]*<?(?P<url>[^\s>]+)", re.MULTILINE)
# attr_list ("{: onclick=...}") can put attributes on any element.
_ATTR_LIST_HANDLER = re.compile(r"\{:?[^}\n]*?\b(?P<attr>on[a-z]+)\s*=", re.IGNORECASE)
_MD_H1 = re.compile(r"^[ ]{0,3}#(?!#)[ \t]+\S", re.MULTILINE)
_HAS_TAG = re.compile(r"<[A-Za-z]")


@dataclass(frozen=True)
class Reference:
    """A URL the body uses: an image source or a link target."""

    url: str
    line: int
    is_image: bool
    alt: str | None = None  # None: the element has no alt at all
    tag: str = "markdown"  # "markdown" or the HTML tag


@dataclass(frozen=True)
class Tag:
    """A raw HTML start tag with its attributes (names lower case)."""

    name: str
    attrs: tuple[tuple[str, str], ...]
    line: int


def mask_code(text: str) -> str:
    """Blank out fenced code blocks and code spans, keeping every line break."""
    if "`" not in text and "~~~" not in text:
        return text  # most articles: nothing to mask
    lines = text.split("\n")
    fence: str | None = None
    for index, line in enumerate(lines):
        match = _FENCE.match(line)
        if fence is None and match:
            fence = match.group(1)[0] * 3
            lines[index] = ""
        elif fence is not None:
            if line.strip().startswith(fence):
                fence = None
            lines[index] = ""
    masked = "\n".join(lines)
    return _CODE_SPAN.sub(lambda m: " " * len(m.group(0)), masked)


class _TagCollector(HTMLParser):
    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.tags: list[Tag] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        line = self.getpos()[0]
        values = tuple((name.lower(), value or "") for name, value in attrs)
        self.tags.append(Tag(tag.lower(), values, line))


def html_tags(text: str, first_line: int = 1) -> list[Tag]:
    """Every raw HTML start tag in ``text`` (already code-masked)."""
    if not _HAS_TAG.search(text):
        return []
    collector = _TagCollector()
    collector.feed(text)
    collector.close()
    offset = first_line - 1
    return [Tag(tag.name, tag.attrs, tag.line + offset) for tag in collector.tags]


def _line_at(text: str, offset: int, first_line: int) -> int:
    return text.count("\n", 0, offset) + first_line


def references(text: str, tags: list[Tag], first_line: int = 1) -> list[Reference]:
    """Images and links written in Markdown or in HTML tags."""
    found = [
        Reference(m.group("url"), _line_at(text, m.start(), first_line), True, m.group("alt"))
        for m in _MD_IMAGE.finditer(text)
    ]
    found += [
        Reference(m.group("url"), _line_at(text, m.start(), first_line), False)
        for pattern, mark in ((_MD_LINK, "]("), (_MD_REFERENCE, "]:"))
        # A body without "](" (no link, no image: half of the bench corpus)
        # skips the pattern's scan; _MD_LINK's lookbehind leaves the regex
        # engine no literal to look for first, so it tries every character.
        if mark in text
        for m in pattern.finditer(text)
    ]
    for tag in tags:
        attrs = dict(tag.attrs)
        if tag.name == "img":
            found.append(Reference(attrs.get("src", ""), tag.line, True, attrs.get("alt"), "img"))
        elif tag.name in ("video", "audio", "source", "track") and "src" in attrs:
            found.append(Reference(attrs["src"], tag.line, False, None, tag.name))
        elif tag.name == "a" and "href" in attrs:
            found.append(Reference(attrs["href"], tag.line, False, None, "a"))
    return found


def attr_list_handlers(text: str, first_line: int = 1) -> list[tuple[int, str]]:
    """``{: onclick="..."}`` attribute lists: (line, attribute name)."""
    return [
        (_line_at(text, m.start(), first_line), m.group("attr").lower())
        for m in _ATTR_LIST_HANDLER.finditer(text)
    ]


def markdown_h1_lines(text: str, first_line: int = 1) -> list[int]:
    """Lines of ``# Heading`` (level 1) in the body."""
    return [_line_at(text, m.start(), first_line) for m in _MD_H1.finditer(text)]
