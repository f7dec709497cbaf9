"""Python-Markdown's block processors, skipped on blocks none of their tests can match.

Python-Markdown's block parser offers every block (a paragraph, a list, a
table: the text between blank lines) to each block processor in turn until
one takes it: seventeen with ``extra``. A Vietnamese news paragraph is taken
by the last one, the paragraph processor, after sixteen tests that find
nothing, each a Python call and most a regular-expression search; three of
them (references, footnotes, abbreviations) even take the block out of the
list, search it and put it back. In a py-spy profile of the benchmark
corpus these tests were about half of the block parser's samples.

:class:`SkippingBlockParser` passes a block over a processor of a known
class when the block holds none of the strings that processor's test (or its
``run``, for those whose test always says yes) cannot match without
(``TRIGGERS``); every other processor is asked as before, in the same order.
A processor of a class it does not know (another extension's, or a
subclass) is always asked. ``tests/plugins/test_build_speed_blocks.py``
compares the HTML with Python-Markdown's own parser on generated documents.
"""

from __future__ import annotations

from markdown import Markdown, blockprocessors
from markdown.blockparser import BlockParser
from markdown.extensions import Extension, abbr, def_list, footnotes, md_in_html, tables
from markdown.util import STX

# What each processor class cannot match a block without (markdown 3.x:
# each class's ``test``, or its ``run`` where ``test`` always says yes).
TRIGGERS: dict[type, tuple[str, ...]] = {
    blockprocessors.HashHeaderProcessor: ("#",),
    blockprocessors.SetextHeaderProcessor: ("\n=", "\n-"),
    blockprocessors.HRProcessor: ("-", "_", "*"),
    blockprocessors.UListProcessor: ("*", "+", "-"),
    blockprocessors.BlockQuoteProcessor: (">",),
    blockprocessors.ReferenceProcessor: ("]:",),
    tables.TableProcessor: ("|",),
    def_list.DefListProcessor: (":",),
    footnotes.FootnoteBlockProcessor: ("[^",),
    abbr.AbbrBlockprocessor: ("*[",),
    md_in_html.MarkdownInHtmlProcessor: (STX,),
}


class SkippingBlockParser(BlockParser):
    """Python-Markdown's block parser that skips processors a block cannot concern."""

    def parseBlocks(self, parent, blocks: list[str]) -> None:
        """Python-Markdown's loop, a processor skipped when the block lacks its triggers."""
        # The registry as it is now (extensions may change it between calls).
        steps = [
            (processor, TRIGGERS.get(type(processor), ())) for processor in self.blockprocessors
        ]
        while blocks:
            for processor, triggers in steps:
                block = blocks[0]
                # A loop, not any(...): a generator per processor and block
                # cost as much as the tests it saves.
                for text in triggers:
                    if text in block:
                        break
                else:
                    if triggers:
                        continue
                if processor.test(parent, block) and processor.run(parent, blocks) is not False:
                    break


class SkippingBlockExtension(Extension):
    """Make the Markdown instance's block parser a :class:`SkippingBlockParser`."""

    def extendMarkdown(self, md: Markdown) -> None:
        if type(md.parser) is BlockParser:
            md.parser.__class__ = SkippingBlockParser
