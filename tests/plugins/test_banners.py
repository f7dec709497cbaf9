"""Banners of linked sites ("Liên kết", plugins/banners)."""

from __future__ import annotations

import io

import pytest
from PIL import Image

from portal_core.runner import BuildFailed
from tests.support import soup

ARTICLE = (
    "Title: Tin A\nDate: 2024-03-15 08:00\nCategory: Tin tức sự kiện\nSummary: Tóm tắt.\n\nBài.\n"
)
ENTRY = '[[banner]]\nname = "{name}"\nurl = "{url}"\nimage = "{image}"\n'


def png(width: int, height: int) -> bytes:
    buffer = io.BytesIO()
    Image.new("RGB", (width, height), (160, 22, 27)).save(buffer, "PNG")
    return buffer.getvalue()


def test_banners_show_in_the_sidebar_with_alt_and_size(make_site):
    site = make_site(
        {
            "articles/a.md": ARTICLE,
            "images/lk/a.png": png(600, 160),
            "data/lien-ket.toml": ENTRY.format(
                name="Cổng Dịch vụ công", url="https://dichvucong.gov.vn/", image="images/lk/a.png"
            ),
        },
    )
    home = soup(site / "index.html")
    link = home.select_one(".sidebar .banners a")
    assert link["href"] == "https://dichvucong.gov.vn/"
    img = link.img
    assert img["alt"] == "Cổng Dịch vụ công"
    assert (img["width"], img["height"]) == ("600", "160")
    assert (site / "images/lk/a.png").is_file()


@pytest.mark.parametrize(
    ("image", "size", "expected"),
    [
        ("images/lk/khong-co.png", None, "Không thấy ảnh"),
        ("images/lk/nho.png", (120, 40), "rộng 120 px"),
        ("images/lk/doc.png", (300, 600), "cao hơn rộng"),
    ],
)
def test_banner_mistakes_name_file_and_line(make_site, image, size, expected):
    files = {
        "articles/a.md": ARTICLE,
        "data/lien-ket.toml": "# Liên kết\n\n"
        + ENTRY.format(name="A", url="https://a.gov.vn/", image=image),
    }
    if size:
        files[image] = png(*size)
    with pytest.raises(BuildFailed) as failure:
        make_site(files)
    (message,) = failure.value.messages
    assert "data/lien-ket.toml:3:" in message
    assert expected in message


def test_banner_without_url_is_reported(make_site):
    files = {"articles/a.md": ARTICLE, "data/lien-ket.toml": '[[banner]]\nname = "A"\n'}
    with pytest.raises(BuildFailed) as failure:
        make_site(files)
    assert "thiếu url, image" in failure.value.messages[0]
