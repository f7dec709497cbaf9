"""Python-Markdown's inline patterns, skipped on text none of them can match.

Python-Markdown tries every inline pattern (code, escapes, links, images,
autolinks, line breaks, raw HTML, entities, emphasis: fifteen with ``extra``)
on every piece of text in the tree, one regular-expression search each, from
Python. A Vietnamese news paragraph rarely holds any of the characters these
patterns start with, so most of that work finds nothing: it was a third of
the Markdown conversion time on the benchmark corpus.

:class:`SkippingInlineProcessor` first looks for any character a registered
pattern needs (``TRIGGERS``, by the name Python-Markdown registers it under);
text without one is returned as it is, which is what the patterns would have
returned. If a pattern it does not know is registered (another extension),
nothing is skipped. ``tests/plugins/test_build_speed_inline.py`` compares the
result with Python-Markdown's own processor on texts written to hit each
pattern, and the golden test compares whole builds.
"""

from __future__ import annotations

import functools
import re

from markdown import Markdown, util
from markdown.extensions import Extension
from markdown.treeprocessors import InlineProcessor

# What each of Python-Markdown's inline patterns cannot match without
# (markdown 3.11: ``markdown.inlinepatterns.build_inlinepatterns`` and the
# ``extra`` extensions). A pattern is skipped only when none is in the text.
TRIGGERS: dict[str, tuple[str, ...]] = {
    "backtick": ("`",),
    "escape": ("\\",),
    "footnote": ("[",),
    "reference": ("[",),
    "link": ("[",),
    "image_link": ("[",),
    "image_reference": ("[",),
    "short_reference": ("[",),
    "short_image_ref": ("[",),
    "autolink": ("<",),
    "automail": ("<",),
    "linebreak": ("  \n",),
    "html": ("<",),
    "entity": ("&",),
    "em_strong": ("*", "_"),
}


@functools.cache
def trigger_pattern(names: tuple[str, ...]) -> re.Pattern[str] | None:
    """A regex finding anything one of ``names`` could start on (None: unknown name)."""
    needed: set[str] = set()
    for name in names:
        if name not in TRIGGERS:
            return None
        needed.update(TRIGGERS[name])
    return re.compile("|".join(re.escape(text) for text in sorted(needed)))


class SkippingInlineProcessor(InlineProcessor):
    """Python-Markdown's inline processor that skips text no pattern can match."""

    _triggers: re.Pattern[str] | None = None

    def run(self, tree, ancestors=None):
        """Work out the triggers for the patterns registered now, then run."""
        # Markdown's Registry lists its names only in ``_priority`` (sorted);
        # the pattern per list of names is made once per process.
        self._triggers = trigger_pattern(tuple(item.name for item in self.inlinePatterns._priority))
        return super().run(tree, ancestors)

    # The base class calls its private ``__handleInline`` for every text and
    # tail, and again inside what a pattern matched; its mangled name is the
    # only way in.
    def _InlineProcessor__handleInline(self, data: str, patternIndex: int = 0) -> str:
        triggers = self._triggers
        if (
            triggers is not None
            and not isinstance(data, util.AtomicString)
            and triggers.search(data) is None
        ):
            return data
        return super()._InlineProcessor__handleInline(data, patternIndex)  # type: ignore[misc]


class SkippingInlineExtension(Extension):
    """Put :class:`SkippingInlineProcessor` where Python-Markdown's own one is."""

    def extendMarkdown(self, md: Markdown) -> None:
        md.treeprocessors.register(SkippingInlineProcessor(md), "inline", 20)
