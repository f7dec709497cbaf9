"""Plain text and markup in metadata: the rule behind every header field.

Every metadata value is plain text unless the content model declares it
markup (an article's ``Summary:`` is Markdown). Plain text is escaped wherever
it is rendered, and the check refuses anything in it that a browser would
read as markup, so an editor never sees a page that differs from what they
typed, and a pasted ``<img src=x onerror=...>`` never runs.

Detection is a plain scan, not an HTML parser: Python's ``HTMLParser`` keeps
an unclosed tag at the end of its input to itself (``Minh Anh <img src=x
onerror=alert(4)//`` looks like text to it), while a browser closes it.
"""

from __future__ import annotations

import html
import re

# What a browser starts a tag, an end tag, a comment, a doctype or a processing
# instruction with: "<" then a letter, "/", "!" or "?".
_MARKUP = re.compile(r"<[A-Za-z/!?]")
# Written addresses in angle brackets, kept as text: <minhanh@example.vn>,
# <https://example.vn/>. They are shown exactly as written (escaped).
_ADDRESS = re.compile(
    r"<(?:[^<>\s@\"']+@[^<>\s@\"']+\.[^<>\s@\"']+|https?://[^<>\s\"']+)>",
    re.IGNORECASE,
)
# Fields whose value is markup in Pelican's reading (rendered from Markdown and
# sanitised); the content model declares them (phase 2 reads it from there).
MARKUP_FIELDS = frozenset({"summary"})


def markup_in(value: str) -> str | None:
    """The first piece of ``value`` a browser would read as markup, else None.

    ``Minh Anh <minhanh@example.vn>`` is text (an address in brackets);
    ``a < b`` too. ``<b style=...>``, ``<!--``, ``</p>``, ``<?php`` and an
    unclosed ``<img ...`` at the very end are markup.
    """
    if "<" not in value:
        return None
    text = _ADDRESS.sub(lambda match: " " * len(match.group()), value)
    match = _MARKUP.search(text)
    if match is None:
        return None
    start = match.start()
    end = value.find(">", start)
    piece = value[start : end + 1] if 0 <= end < start + 40 else value[start : start + 30]
    return piece if len(piece) < 30 or piece.endswith(">") else piece + "…"


def text_html(value: str) -> str:
    """Plain text as HTML: escaped once; entities an editor typed (``&amp;``) keep their meaning.

    For ``title``, which Pelican and the theme print as HTML.
    """
    return html.escape(html.unescape(value), quote=False)
