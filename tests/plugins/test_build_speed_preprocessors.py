"""build_speed.preprocessors: the same HTML as Python-Markdown's own preprocessors."""

from __future__ import annotations

import markdown
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from markdown.util import ETX, STX

from build_speed.blocks import SkippingBlockExtension
from build_speed.preprocessors import SkippingPreprocessorsExtension
from vn_markdown import PortalExtension

# Text, and every character or sequence one of the three preprocessors acts on.
PIECES = st.sampled_from(
    ["\n", "\n\n", " \n", "  \n", "   ", "\t", "\r\n", "\r", STX, ETX, "Hội nghị", "đ", "a",
     "1", "MTTQ", "# ", "- ", "> ", "    mã", "```", "```\nmã\n```", "~~~", "~~~\nx\n~~~",
     "<div>", "</div>", '<div markdown="1">', "<p>", "</p>", "<!-- x -->", "<br>", "<", ">",
     "&", "&amp;", "&nbsp;", "&#8220;", "&#x1F;", "&#", "&x", "`", "**"]
)  # fmt: skip


def _converter(*extra) -> markdown.Markdown:
    return markdown.Markdown(
        extensions=["extra", PortalExtension(), SkippingBlockExtension(), *extra]
    )


PLAIN = _converter()
FAST = _converter(SkippingPreprocessorsExtension())


@settings(max_examples=500)
@given(st.lists(PIECES, max_size=50))
def test_generated_documents_give_the_same_html(pieces):
    text = "".join(pieces)
    assert FAST.reset().convert(text) == PLAIN.reset().convert(text)


@pytest.mark.parametrize(
    "text",
    [
        "Đoạn một.\n\nĐoạn hai, không có gì đặc biệt.\n",
        "Dòng có khoảng trắng cuối   \n\n   \nđoạn sau\n",
        "Cột\tmột\n\n\tmã lệnh thụt bằng tab\n",
        "Dòng Windows\r\n\r\nĐoạn hai\r\n",
        "```\nmã <b>\n```\n\n~~~\nmã khác\n~~~\n",
        "Nông nghiệp & PTNT &amp; &#8220;trích&#8221;\n\n<div>\nkhối HTML\n</div>\n",
        "Cuối văn bản\n   ",
    ],
)
def test_each_preprocessor_still_acts_where_it_must(text):
    assert FAST.reset().convert(text) == PLAIN.reset().convert(text)


def test_the_preprocessors_of_extra_are_wrapped_in_place():
    """Same names, same order; a rename upstream would leave one unwrapped."""
    plain = [(item.name, item.priority) for item in PLAIN.preprocessors._priority]
    fast = [(item.name, item.priority) for item in FAST.preprocessors._priority]
    assert sorted(fast) == sorted(plain)
    wrapped = {
        name for name in ("normalize_whitespace", "fenced_code_block", "html_block")
        if type(FAST.preprocessors[name]).__module__ == "build_speed.preprocessors"
    }  # fmt: skip
    assert wrapped == {"normalize_whitespace", "fenced_code_block", "html_block"}
