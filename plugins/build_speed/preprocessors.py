"""Python-Markdown's preprocessors, skipped on text they cannot change.

Before any block is parsed, every document goes through three preprocessors
of ``extra``: whitespace normalising (four replacements, tab expansion and a
regular expression that starts with a look-behind, so it is tried at every
character), the fenced-code search and the raw-HTML extractor (the whole text
fed to an ``HTMLParser``). A Vietnamese news article has no tab, no carriage
return, no fence and, mostly, no ``<`` or ``&``: for such text each of them
returns the lines it was given. The three took 0.15 of 1.17 CPU-s converting
2,000 bench bodies (timed one by one); skipped, the conversion took 0.92–0.98
instead of 1.02–1.06 CPU-s (three runs).

:class:`SkippingPreprocessorsExtension` puts a wrapper around each of these
(only when it is exactly Python-Markdown's own class) that returns the text
unchanged when it holds none of the characters the preprocessor acts on,
and calls it otherwise. ``tests/plugins/test_build_speed_preprocessors.py``
compares the HTML with Python-Markdown's own preprocessors on generated
documents.
"""

from __future__ import annotations

from markdown import Markdown
from markdown.extensions import Extension, fenced_code, md_in_html
from markdown.preprocessors import HtmlBlockPreprocessor, NormalizeWhitespace, Preprocessor
from markdown.util import ETX, STX


class _Unless(Preprocessor):
    """A preprocessor, or its result at once for text without any of ``triggers``.

    Each wrapped one, given such lines, returns ``"\n".join(lines) + tail``
    split at its line breaks (``tail``: what it appends).
    """

    def __init__(self, original: Preprocessor, triggers: tuple[str, ...], tail: str) -> None:
        super().__init__(original.md)
        self.original = original
        self.triggers = triggers
        self.tail = tail

    def run(self, lines: list[str]) -> list[str]:
        source = "\n".join(lines) + self.tail
        for trigger in self.triggers:
            if trigger in source:
                return self.original.run(lines)
        return source.split("\n")


# Exactly these classes (a subclass may do more): name -> (classes, triggers, tail).
# The whitespace normaliser replaces CR, tabs, STX and ETX and empties lines of
# spaces (its pattern needs a space before a line break), and appends two line
# breaks; the fence needs three tildes or backticks; the HTML extractor acts on
# a tag, a comment or declaration ("<") and on a character reference ("&").
_SKIPPABLE: dict[str, tuple[tuple[type, ...], tuple[str, ...], str]] = {
    "normalize_whitespace": ((NormalizeWhitespace,), ("\r", "\t", STX, ETX, " \n"), "\n\n"),
    "fenced_code_block": ((fenced_code.FencedBlockPreprocessor,), ("~~~", "```"), ""),
    "html_block": ((HtmlBlockPreprocessor, md_in_html.HtmlBlockPreprocessor), ("<", "&"), ""),
}


class SkippingPreprocessorsExtension(Extension):
    """Wrap the registered preprocessors known to change nothing in plain text."""

    def extendMarkdown(self, md: Markdown) -> None:
        registry = md.preprocessors
        for name, (classes, triggers, tail) in _SKIPPABLE.items():
            if name in registry and type(registry[name]) in classes:
                _replace(registry, name, _Unless(registry[name], triggers, tail))


def _replace(registry, name: str, processor: Preprocessor) -> None:
    """Register ``processor`` under ``name``, at the priority the original had."""
    priority = next(item.priority for item in registry._priority if item.name == name)
    registry.register(processor, name, priority)
