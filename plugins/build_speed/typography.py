"""Typogrify, applied when a file is read and skipped where it cannot change anything.

Pelican runs typogrify in ``Readers.read_file`` on every build, after the
content cache: a warm build re-typesets every article. Here the readers do it
in ``read()`` (:mod:`.readers`), so the typeset text is what the cache keeps,
and Pelican's own pass is switched off (``TYPOGRIFY`` becomes False once this
plugin took over).

Most Vietnamese paragraphs hold nothing for typogrify's filters to change: no
straight quote, ampersand, backtick, backslash, ``--`` or ``...``. For such
text the result of ``typogrify`` is exactly that of its last filter,
``widont``, so only that runs (:mod:`.widont`, the same function without its
regular expression's scan of every word). An article is cut into its
top-level blocks (each ``<p>``, ``<h2>``, list or table starts on a new line),
which typogrify's filters treat independently, and only the runs of blocks
that need it go through the other filters (``applyfilters``), then the same
fast ``widont``: with no ``pre``/``code`` in the text, typogrify's
``process_ignores`` would hand it whole to ``applyfilters``, whose last step
is ``widont``. Where that independence is not certain (``<pre>``, ``<code>``,
comments, scripts) the whole text goes through ``typogrify`` itself.
``tests/plugins/test_build_speed.py`` checks the result is the same.
"""

from __future__ import annotations

import re
from typing import Any

import smartypants
from typogrify.filters import applyfilters, typogrify

from . import smarty
from .widont import widont

# Characters or sequences one of amp, smartypants or initial_quotes acts on.
_TRIGGERS = ("&", "'", "`", "\\", "--", "...", ". . .")
# Any tag whose attributes cannot hide another tag; removes a subset of what
# smartypants treats as tags, so a quote left outside them may be in text.
_TAG = re.compile(r"<[^<>]*>")
# Elements smartypants or typogrify skip, so state carries across blocks.
_WHOLE = re.compile(r"<(?:pre|code|kbd|samp|tt|script|style|math|!--)", re.IGNORECASE)
# A block boundary: a line that closes a block element, then one that opens
# one. No filter can match across it or at either side of it, so the text
# before and the text after can be filtered apart.
_BLOCKS = "p|h[1-6]|ul|ol|dl|div|figure|table|blockquote"
_BOUNDARY = re.compile(rf"</(?:{_BLOCKS})>\n(?=<(?:{_BLOCKS}|hr)[\s>/])")
_DASHES = {
    "oldschool": smartypants.Attr.set2,
    "oldschool_inverted": smartypants.Attr.set3,
}


def configure_smartypants(settings: dict[str, Any]) -> None:
    """Choose dashes as Pelican does (TYPOGRIFY_DASHES); curl ``&quot;`` too.

    Also skip each conversion on text it cannot change (:mod:`.smarty`).
    """
    attr = _DASHES.get(settings.get("TYPOGRIFY_DASHES", "default"), smartypants.Attr.set1)
    smartypants.Attr.default = attr | smartypants.Attr.w
    smarty.install()


def needs_typogrify(block: str) -> bool:
    """Whether a filter other than ``widont`` could change ``block``."""
    if any(trigger in block for trigger in _TRIGGERS):
        return True
    return '"' in _TAG.sub("", block)


def _split_blocks(text: str) -> list[str]:
    """Cut ``text`` after each block boundary (the newline stays with the block)."""
    pieces, start = [], 0
    for match in _BOUNDARY.finditer(text):
        pieces.append(text[start : match.end()])
        start = match.end()
    pieces.append(text[start:])
    return pieces


def typeset(text: str, settings: dict[str, Any]) -> str:
    """``typogrify(text)`` with the portal's settings, as Pelican would call it."""
    omitted = set(settings.get("TYPOGRIFY_OMIT_FILTERS", []))
    ignore_tags = settings.get("TYPOGRIFY_IGNORE_TAGS", [])
    options = dict.fromkeys(omitted, False)
    if not text:
        return text
    if "caps" not in omitted or ignore_tags or _WHOLE.search(text):
        return typogrify(text, ignore_tags, **options)
    # Consecutive blocks alike are filtered together: fewer, longer calls.
    runs: list[tuple[bool, list[str]]] = []
    for block in _split_blocks(text):
        needed = needs_typogrify(block)
        if runs and runs[-1][0] == needed:
            runs[-1][1].append(block)
        else:
            runs.append((needed, [block]))
    fast_widont = "widont" not in omitted
    filters = {**options, "widont": False}
    out = []
    for needed, blocks in runs:
        joined = "".join(blocks)
        if needed:
            # typogrify(joined) without its regular-expression widont (no
            # pre/code here: process_ignores would return one piece).
            joined = applyfilters(joined, **filters)
        out.append(widont(joined) if fast_widont else joined)
    return "".join(out)
