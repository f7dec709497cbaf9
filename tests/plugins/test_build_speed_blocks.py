"""build_speed.blocks: the same HTML as Python-Markdown's own block parser."""

from __future__ import annotations

import markdown
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from markdown.blockparser import BlockParser

from build_speed.blocks import TRIGGERS, SkippingBlockExtension, SkippingBlockParser
from vn_markdown import PortalExtension

# Pieces of Markdown that start every block processor of "extra", and text.
PIECES = st.sampled_from(
    ["\n", "\n\n", "    ", "  ", "# ", "## ", "#", "=", "===", "---", "- ", "* ", "+ ", "***",
     "___", "1. ", "2. ", "> ", ">", "| ", "|", "|---|", ": ", ":", "[^1]", "[^1]: ",
     "*[MTTQ]: ", "*[", "[a]: ", "]:", "http://x.vn", '"t"', "Hội nghị", "MTTQ", "đ", "a",
     "1", ".", "`", "```", "~~~", "<div>", "</div>", '<div markdown="1">', "<p>", "</p>",
     "<!-- x -->", "_", "**", "{: .lop }", "\\"]
)  # fmt: skip
EXTENSIONS = ["extra", PortalExtension]


def _converters() -> tuple[markdown.Markdown, markdown.Markdown]:
    plain = markdown.Markdown(
        extensions=[name if isinstance(name, str) else name() for name in EXTENSIONS]
    )
    fast = markdown.Markdown(
        extensions=[
            *(name if isinstance(name, str) else name() for name in EXTENSIONS),
            SkippingBlockExtension(),
        ]
    )
    assert type(plain.parser) is BlockParser
    assert type(fast.parser) is SkippingBlockParser
    return plain, fast


PLAIN, FAST = _converters()


@settings(max_examples=400)
@given(st.lists(PIECES, max_size=60))
def test_generated_documents_give_the_same_html(pieces):
    text = "".join(pieces)
    assert FAST.reset().convert(text) == PLAIN.reset().convert(text)


@pytest.mark.parametrize(
    "text",
    [
        "# Tiêu đề\n\nĐoạn một.\n\nTiêu đề hai\n---\n\n- a\n- b\n\n1. một\n2. hai\n",
        "> Trích dẫn\n> tiếp\n\n| A | B |\n|---|---|\n| 1 | 2 |\n\n***\n",
        "Thuật ngữ\n:   Định nghĩa\n\nCó chú thích[^1].\n\n[^1]: Chú thích.\n",
        "MTTQ họp.\n\n*[MTTQ]: Mặt trận Tổ quốc\n\n[x]: http://x.vn\n\nXem [x].\n",
        '<div markdown="1">\n**đậm** trong khối\n</div>\n\n    mã lệnh\n',
    ],
)
def test_every_processor_still_takes_its_blocks(text):
    assert FAST.reset().convert(text) == PLAIN.reset().convert(text)


def test_known_processors_are_those_of_extra():
    """Every processor with triggers is registered by "extra" (a rename would disable it)."""
    registered = {type(processor) for processor in PLAIN.parser.blockprocessors}
    assert set(TRIGGERS) <= registered
