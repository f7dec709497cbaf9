"""Old HTML bodies to our Markdown: clean, captioned photos, rewritten links."""

from __future__ import annotations

from importer.html2md import to_markdown
from importer.savedpages import decode, parse_date
from importer.writer import _lead_from


def convert(html: str) -> str:
    return to_markdown(
        html,
        links=lambda href: "{filename}/articles/a.md" if "old-7" in href else None,
        images=lambda src: "{static}/images/" + src.rsplit("/", 1)[-1],
        fallback_alt="Ảnh bài viết",
    )


def test_fonts_styles_scripts_and_empty_paragraphs_are_dropped():
    markdown = convert(
        '<p style="color:red"><font face="Arial"><span style="font-size:14px">Một</span></font></p>'
        "<p>&nbsp;</p><p> </p><script>track()</script><style>p{}</style>"
        '<iframe src="https://quangcao.example"></iframe><p>Hai</p>'
    )
    assert markdown == "Một\n\nHai\n"


def test_old_style_caption_becomes_a_figure_title():
    markdown = convert(
        '<p style="text-align:center"><img src="/uploads/a.jpg" alt=""></p>'
        "<p><em>Quang cảnh hội nghị</em></p>"
    )
    assert markdown == '![Quang cảnh hội nghị]({static}/images/a.jpg "Quang cảnh hội nghị")\n'


def test_figure_and_figcaption_become_a_figure_title():
    markdown = convert(
        '<figure><img src="b.png" alt="Ảnh"><figcaption>Chú thích</figcaption></figure>'
    )
    assert markdown == '![Ảnh]({static}/images/b.png "Chú thích")\n'


def test_links_to_old_articles_are_rewritten_others_unwrapped():
    markdown = convert('<p><a href="/news/old-7.html">bài cũ</a> và <a href="/x.html">khác</a></p>')
    assert markdown == "[bài cũ]({filename}/articles/a.md) và khác\n"


def test_h1_becomes_h2_tables_and_lists_survive():
    markdown = convert(
        "<h1>Phần I</h1><ol><li>Một</li></ol><table><tr><th>A</th></tr><tr><td>1</td></tr></table>"
    )
    assert markdown.startswith("## Phần I\n\n1. Một\n")
    assert "| A |" in markdown and "| 1 |" in markdown


def test_the_portals_date_styles():
    assert parse_date("Thứ 4, Ngày 13/06/2018, 16:40").isoformat().startswith("2018-06-13T16:40")
    assert parse_date("Thứ hai - 06/05/2024 08:15").isoformat().startswith("2024-05-06T08:15")
    assert parse_date("13/06/2018").isoformat().startswith("2018-06-13T00:00")
    assert (
        parse_date("Cập nhật lúc 09:00 ngày 01/10/2023").isoformat().startswith("2023-10-01T09:00")
    )
    assert parse_date("31/02/2024") is None


def test_windows_1258_with_its_meta_charset_and_nfd_come_out_nfc():
    raw = '<meta charset="windows-1258"><p>Hội nghị</p>'
    # Windows-1258 writes "ộ" as "ô" + a separate dot below, as old editors saved it.
    encoded = raw.replace("ộ", "ô\u0323").replace("ị", "i\u0323").encode("cp1258")
    assert decode(encoded) == raw


def test_the_opening_paragraph_becomes_the_lead_when_there_is_none():
    body = "**Sáng 3/10**, hội nghị Văn hóa - Xã hội năm 2024 có [liên kết](x).\n\nĐoạn hai.\n"
    assert _lead_from(body) == (
        "Sáng 3/10, hội nghị Văn hóa - Xã hội năm 2024 có liên kết.",
        "Đoạn hai.\n",
    )
    # One paragraph only: the body stays whole.
    lead, rest = _lead_from("Chỉ một đoạn văn duy nhất trong bài này.\n")
    assert rest == "Chỉ một đoạn văn duy nhất trong bài này.\n"
    assert lead == "Chỉ một đoạn văn duy nhất trong bài này."


def test_text_that_looks_like_markup_stays_text():
    markdown = convert(
        "<p>Không dùng thẻ &lt;script&gt; hay &amp;nbsp; trong bài, 5 &lt; 6.</p>"
        "<p># Không phải đề mục, [chú thích](không phải liên kết) - Văn hóa - Xã hội</p>"
    )
    assert markdown == (
        "Không dùng thẻ &lt;script> hay &amp;nbsp; trong bài, 5 < 6.\n\n"
        "\\# Không phải đề mục, \\[chú thích\\]\\(không phải liên kết) - Văn hóa - Xã hội\n"
    )
