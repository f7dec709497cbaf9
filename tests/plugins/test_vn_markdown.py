"""Photos become figures with captions; tables scroll inside their own box."""

from __future__ import annotations

import markdown
from bs4 import BeautifulSoup

from vn_markdown import PortalExtension


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
