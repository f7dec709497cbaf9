"""Photos become figures with captions; tables scroll inside their own box."""

from __future__ import annotations

import re

import markdown
from bs4 import BeautifulSoup
from hypothesis import given
from hypothesis import strategies as st

from vn_markdown import PortalExtension
from vn_markdown.phones import PHONE


def render(text: str) -> BeautifulSoup:
    html = markdown.markdown(text, extensions=["extra", PortalExtension()])
    return BeautifulSoup(html, "html.parser")


def test_lone_photo_becomes_figure_with_caption():
    page = render('![Quang cảnh hội nghị](a.jpg "Quang cảnh hội nghị. Ảnh: Minh Anh")')
    figure = page.find("figure")
    assert figure is not None
    assert figure.img["alt"] == "Quang cảnh hội nghị"
    assert not figure.img.has_attr("title")
    assert figure.figcaption.get_text() == "Quang cảnh hội nghị. Ảnh: Minh Anh"


def test_photo_inside_text_stays_inline():
    page = render("Xem ảnh ![biểu đồ](b.png) bên cạnh.")
    assert page.find("figure") is None
    assert page.p.img["alt"] == "biểu đồ"


def test_photo_without_title_is_figure_without_caption():
    figure = render("![Lễ trao nhà](c.jpg)").find("figure")
    assert figure is not None
    assert figure.find("figcaption") is None


def test_table_is_wrapped_in_focusable_region():
    page = render("| Chỉ tiêu | Kết quả |\n|---|---|\n| Hộ nghèo | 12 |\n")
    wrapper = page.find("div", class_="table-scroll")
    assert wrapper is not None
    assert wrapper["tabindex"] == "0"
    assert wrapper["role"] == "region"
    assert wrapper.table.find("td").get_text() == "Hộ nghèo"


def test_table_alignment_is_a_class_not_an_inline_style():
    """A strict CSP (style-src 'self') blocks style attributes: alignment must be a class."""
    table = "| Nguồn | Giữa | Số tiền |\n| :--- | :---: | ---: |\n| Nhân dân | x | 121.300.000 |\n"
    page = render(table)
    assert page.find(style=True) is None
    header = [cell.get("class") for cell in page.find_all("th")]
    assert header == [["align-left"], ["align-center"], ["align-right"]]
    assert page.find_all("td")[2]["class"] == ["align-right"]


def test_aligned_table_reaches_the_page_without_style(make_site):
    article = (
        "Title: Công khai quỹ\nDate: 2024-05-01 08:00\nCategory: Tin tức sự kiện\n"
        "Summary: Bảng số tiền.\n\n"
        "| Nguồn | Số tiền |\n| --- | ---: |\n| Nhân dân | 121.300.000 |\n"
    )
    site = make_site({"articles/a.md": article}, VISITOR_COUNTER=None, SEARCH_INDEX=False)
    page = BeautifulSoup(
        next(site.glob("2024/05/01/*/index.html")).read_text(encoding="utf-8"), "html.parser"
    )
    assert page.find(style=True) is None
    assert page.find("td", string="121.300.000")["class"] == ["align-right"]
    css = "".join(p.read_text(encoding="utf-8") for p in site.glob("theme/css/*.css"))
    assert ".align-right" in css and "text-align: right" in css


# The phone pattern as first written (the look-behind first): the one in
# phones.py puts the "0" first so the search skips to it; the matches must
# stay the same.
_PHONE_AS_WRITTEN = re.compile(r"(?<![\w.,/])0\d(?:[ .]?\d){8,9}(?![\w/]|[.,]\d)")


@given(st.text(alphabet="0123456789 ./,-aĐđ\n", max_size=40))
def test_phone_pattern_finds_what_it_always_found(text):
    found = [match.span() for match in PHONE.finditer(text)]
    assert found == [match.span() for match in _PHONE_AS_WRITTEN.finditer(text)]


def test_phone_numbers_become_links_but_dates_and_amounts_do_not():
    page = render(
        "Gọi 0236 3 812 345 hoặc 0905.123.456; họp ngày 14/08/2026, "
        "chi 1.500.000 đồng, mã 00112233445566."
    )
    assert [(a["href"], a.get_text()) for a in page.find_all("a")] == [
        ("tel:02363812345", "0236 3 812 345"),
        ("tel:0905123456", "0905.123.456"),
    ]
