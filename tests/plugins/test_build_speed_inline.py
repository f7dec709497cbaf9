"""build_speed.inline: skipping inline patterns never changes Markdown's output."""

from __future__ import annotations

from types import SimpleNamespace

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from markdown import Markdown
from markdown.extensions import Extension
from markdown.inlinepatterns import SimpleTagInlineProcessor

from build_speed.build_speed import configure
from build_speed.inline import TRIGGERS, SkippingInlineExtension, SkippingInlineProcessor
from portal_core.runner import load_settings
from tests.support import ROOT
from vn_markdown.extension import PortalExtension

# Texts for each inline pattern, each with only the characters that pattern
# needs, so a missing trigger makes that pattern's output disappear.
SAMPLES = [
    ("backtick", "Gõ lệnh `pelican content` để dựng."),
    ("escape", "Số 5\\. năm"),
    ("footnote", "Theo báo cáo[^1].\n\n[^1]: Báo cáo tháng 6."),
    ("reference", "Xem [kế hoạch][kh].\n\n[kh]: /ke-hoach.html"),
    ("link", "Xem [kế hoạch](/ke-hoach.html) năm nay."),
    ("image_link", "![Hội nghị](/images/hoi-nghi.jpg) khai mạc"),
    ("image_reference", "Ảnh ![Hội nghị][anh]\n\n[anh]: /images/a.jpg"),
    ("short_reference", "Xem [kh] mới.\n\n[kh]: /ke-hoach.html"),
    ("short_image_ref", "Ảnh ![anh] mới\n\n[anh]: /images/a.jpg"),
    ("autolink", "Trang <https://mttq.example.vn> của Ủy ban"),
    ("automail", "Thư <vanphong@example.vn> gửi"),
    ("linebreak", "Dòng một  \nDòng hai"),
    ("html", "Chữ <mark>nổi bật</mark> ở đây"),
    ("entity", "Giá 5 &lt; 6 &#273;ồng"),
    ("em_strong", "Hội nghị *tổng kết* và **biểu dương** năm"),
    ("em_strong", "Hội nghị _tổng kết_ và __biểu dương__ năm"),
]

PIECES = st.sampled_from(
    [
        "Hội nghị",
        "tổng kết",
        "0236 3 812 345",
        "*",
        "**",
        "_",
        "`",
        "\\",
        "[",
        "]",
        "(",
        ")",
        "!",
        "<",
        ">",
        "&",
        ";",
        "  \n",
        "\n",
        "\n\n",
        "<b>",
        "</b>",
        "&amp;",
        "https://a.vn",
        "@",
        ":",
        "#",
        "1.",
        "-",
        "|",
        "  ",
    ]
)


def markdown(skipping: bool, *extra_extensions) -> Markdown:
    """The portal's Markdown, with Python-Markdown's inline processor or ours."""
    extensions = ["extra", "sane_lists", "meta", PortalExtension(), *extra_extensions]
    if skipping:
        extensions.append(SkippingInlineExtension())
    return Markdown(extensions=extensions, output_format="html5")


def both(text: str, *extra_extensions) -> tuple[str, str]:
    return (
        markdown(False, *extra_extensions).convert(text),
        markdown(True, *extra_extensions).convert(text),
    )


def test_the_portal_build_reads_with_the_skipping_processor(tmp_path) -> None:
    """build_speed puts the extension in the MARKDOWN settings every reader uses."""
    settings = load_settings(ROOT / "pelicanconf.py", {"CACHE_PATH": str(tmp_path)})
    configure(SimpleNamespace(settings=settings))
    configure(SimpleNamespace(settings=settings))  # a second build: still once
    extensions = settings["MARKDOWN"]["extensions"]
    assert sum(isinstance(ext, SkippingInlineExtension) for ext in extensions) == 1
    md = Markdown(**settings["MARKDOWN"])
    assert isinstance(md.treeprocessors["inline"], SkippingInlineProcessor)


@pytest.mark.parametrize(("name", "text"), SAMPLES)
def test_each_pattern_still_applies(name: str, text: str) -> None:
    plain, skipping = both(text)
    assert skipping == plain
    if name == "entity":
        # The serializer keeps entities as they are even without this pattern.
        return
    # The sample really exercises its pattern: without it the output differs.
    md = markdown(False)
    md.inlinePatterns.deregister(name)
    assert md.convert(text) != plain


def test_every_registered_pattern_has_triggers() -> None:
    names = [item.name for item in markdown(True).inlinePatterns._priority]
    assert names and set(names) <= set(TRIGGERS)
    assert set(names) <= {name for name, _ in SAMPLES}


def test_an_unknown_pattern_turns_skipping_off() -> None:
    class Strike(Extension):
        def extendMarkdown(self, md: Markdown) -> None:
            md.inlinePatterns.register(SimpleTagInlineProcessor(r"()~~(.+?)~~", "del"), "del", 65)

    plain, skipping = both("Giá ~~cũ~~ mới", Strike())
    assert "<del>cũ</del>" in plain
    assert skipping == plain


@settings(max_examples=400, deadline=None)
@given(st.lists(PIECES, min_size=1, max_size=30).map(" ".join))
def test_any_text_converts_the_same(text: str) -> None:
    plain, skipping = both(text)
    assert skipping == plain
