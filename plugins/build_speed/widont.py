"""typogrify's ``widont`` without scanning every word of the text.

``widont`` puts ``&nbsp;`` between the last two words of each paragraph,
heading, list item or definition. typogrify does it with one regular
expression that the engine tries at every word boundary of an article: a
tenth of reading's CPU at 10,000 articles. Its pattern can only match, for
each closing ``</p>``, ``</h1>``-``</h6>``, ``</li>``, ``</dt>``, ``</dd>``
(and the end of the text), at one place: the last word before that close
(only whitespace and closing ``a``/``em``/``span``/``strong``/``i``/``b``
tags between them), the whitespace before that word, and the one character,
or the inline tag, before the whitespace. :func:`widont` looks there,
walking back from each close, and replaces the same whitespace.

The reasoning holds while no tag holds a ``<`` (a ``<`` in an attribute
value, which Markdown escapes and a sanitiser may write back raw); such a
text goes through typogrify's own function. ``tests/plugins/test_build_speed.py``
compares both on generated HTML.
"""

from __future__ import annotations

import re

from typogrify.filters import widont as typogrify_widont

# Where a match may end: a closing block tag (the end of the text is the other).
_CLOSE = re.compile(r"</(?:p|h[1-6]|li|dt|dd)>")
# Closing inline tags allowed between the last word and the close.
_INLINE_CLOSES = ("</a>", "</em>", "</span>", "</strong>", "</i>", "</b>")
# The inline tag typogrify accepts before the space: its pattern, whole.
_TAG_BEFORE = re.compile(r"</?(?:a|em|span|strong|i|b)[^>]*>")
# A "<" before the ">" of an earlier "<": a tag holding a "<", or a stray one.
_NESTED = re.compile(r"<[^>]*<")
_BRACKETS = "<>"


def widont(text: str) -> str:
    """Exactly ``typogrify.filters.widont(text)``."""
    if _NESTED.search(text):
        return typogrify_widont(text)
    out = []
    start = 0
    for close in _CLOSE.finditer(text):
        out.append(_piece(text, start, close.start(), close.end()))
        start = close.end()
    out.append(_piece(text, start, len(text), len(text)))
    return "".join(out)


def _piece(text: str, start: int, end: int, stop: int) -> str:
    """``text[start:stop]`` with the space before its last word made ``&nbsp;``.

    ``end`` is where the close begins (``stop`` where it ends; both the text's
    length for its last piece).
    """
    i = end
    # Back over whitespace and closing inline tags, in any order.
    while True:
        while i > start and text[i - 1].isspace():
            i -= 1
        for tag in _INLINE_CLOSES:
            if text.endswith(tag, start, i):
                i -= len(tag)
                break
        else:
            break
    # The last word: no whitespace, no "<" or ">".
    j = i
    while j > start and not text[j - 1].isspace() and text[j - 1] not in _BRACKETS:
        j -= 1
    if j in (i, start) or not text[j - 1].isspace():
        return text[start:stop]
    # The whitespace before it, then what must come before that whitespace.
    k = j
    while k > start and text[k - 1].isspace():
        k -= 1
    if k == start or text[k - 1] == "<":
        return text[start:stop]
    if text[k - 1] == ">":
        # The tag's "<" comes after the ">" before it (or the piece's start).
        lower = max(text.rfind(">", start, k - 1) + 1, start)
        opening = text.rfind("<", lower, k - 1)
        if opening < 0 or not _TAG_BEFORE.fullmatch(text, opening, k):
            return text[start:stop]
    return text[start:k] + "&nbsp;" + text[j:stop]
