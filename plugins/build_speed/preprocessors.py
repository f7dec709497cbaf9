"""Python-Markdown's preprocessors, skipped on text they cannot change.

Before any block is parsed, every document goes through three preprocessors
of ``extra``: whitespace normalising (four replacements, tab expansion and a
regular expression that starts with a look-behind, so it is tried at every
character), the fenced-code search and the raw-HTML extractor (the whole text
fed to an ``HTMLParser``). A Vietnamese news article has no tab, no carriage
return, no fence and, mostly, no ``<`` or ``&``: for such text each of them
returns the lines it was given. About 0.3 s of 1.2 CPU-s converting 2,000
bench bodies.

:class:`SkippingPreprocessorsExtension` puts a wrapper around each of these
(only when it is exactly Python-Markdown's own class) that returns the text
unchanged when it holds none of the characters the preprocessor acts on,
and calls it otherwise. ``tests/plugins/test_build_speed_blocks.py``
compares the HTML with Python-Markdown's own preprocessors on generated
documents.
"""

from __future__ import annotations

from markdown import Markdown
from markdown.extensions import Extension, fenced_code, md_in_html
from markdown.preprocessors import HtmlBlockPreprocessor, NormalizeWhitespace, Preprocessor
from markdown.util import ETX, STX


class _Normalized(Preprocessor):
    """``NormalizeWhitespace``, or its result at once when it would change nothing.

    Without a carriage return, a tab, STX or ETX its replacements and tab
    expansion leave the text as it is, and its pattern (spaces between a line
    break and the next) needs a space before a line break.
    """

    def __init__(self, original: Preprocessor) -> None:
        super().__init__(original.md)
        self.original = original

    def run(self, lines: list[str]) -> list[str]:
        source = "\n".join(lines)
        if "\r" in source or "\t" in source or STX in source or ETX in source:
            return self.original.run(lines)
        source += "\n\n"
        if " \n" in source:
            return self.original.run(lines)
        return source.split("\n")


class _Unless(Preprocessor):
    """A preprocessor that returns its lines unchanged when they hold none of ``triggers``."""

    def __init__(self, original: Preprocessor, triggers: tuple[str, ...]) -> None:
        super().__init__(original.md)
        self.original = original
        self.triggers = triggers

    def run(self, lines: list[str]) -> list[str]:
        source = "\n".join(lines)
        for trigger in self.triggers:
            if trigger in source:
                return self.original.run(lines)
        # What each returns for such text: "\n".join(lines).split("\n").
        return source.split("\n")


# Exactly these classes (a subclass may do more): name -> what its text needs.
# The fence needs three tildes or backticks; the HTML extractor acts on a tag,
# a comment or declaration ("<") and on an entity or character reference ("&").
_SKIPPABLE: dict[str, tuple[tuple[type, ...], tuple[str, ...]]] = {
    "fenced_code_block": ((fenced_code.FencedBlockPreprocessor,), ("~~~", "```")),
    "html_block": ((HtmlBlockPreprocessor, md_in_html.HtmlBlockPreprocessor), ("<", "&")),
}


class SkippingPreprocessorsExtension(Extension):
    """Wrap the registered preprocessors known to change nothing in plain text."""

    def extendMarkdown(self, md: Markdown) -> None:
        registry = md.preprocessors
        name = "normalize_whitespace"
        if name in registry and type(registry[name]) is NormalizeWhitespace:
            _replace(registry, name, _Normalized(registry[name]))
        for name, (classes, triggers) in _SKIPPABLE.items():
            if name in registry and type(registry[name]) in classes:
                _replace(registry, name, _Unless(registry[name], triggers))


def _replace(registry, name: str, processor: Preprocessor) -> None:
    """Register ``processor`` under ``name``, at the priority the original had."""
    priority = next(item.priority for item in registry._priority if item.name == name)
    registry.register(processor, name, priority)
