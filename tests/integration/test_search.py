"""What the build gives search: marked content pages, an index, the search page."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from tests.support import build_site, html_pages, soup, write_files

FILES = {
    "articles/tin-tuc-su-kien/dang-uy.md": (
        "Title: Đảng ủy phường họp phiên thường kỳ\nDate: 2023-11-20 14:00\n"
        "Category: Tin tức sự kiện\nSummary: Phiên họp tháng 11.\n\n"
        "Đảng ủy phường thống nhất nhiều nội dung được đưa ra bàn bạc.\n"
    ),
    "articles/van-hoa-xa-hoi/hoa-giai.md": (
        "Title: Tổ hoà giải giữ tình làng nghĩa xóm\nDate: 2024-02-01 10:00\n"
        "Category: Văn hóa - Xã hội\nSummary: Hoà giải ở cơ sở.\n\n"
        "Tổ hoà giải giúp bà con giải quyết mâu thuẫn nhỏ.\n"
    ),
    "articles/van-hoa-xa-hoi/nhap.md": (
        "Title: Bài chưa xong\nDate: 2024-02-02 10:00\nCategory: Văn hóa - Xã hội\n"
        "Status: draft\nSummary: Nháp.\n\nChưa đăng.\n"
    ),
    "pages/gioi-thieu.md": "Title: Giới thiệu\n\nỦy ban Mặt trận Tổ quốc phường.\n",
    "pages/cam-on.md": "Title: Cảm ơn\nStatus: hidden\n\nCảm ơn bạn đã góp ý.\n",
}
# No counter data in these tiny sites (the counter has its own tests).
BASE = {"VISITOR_COUNTER": None}
CONTENT_PAGES = {
    "2023/11/20/dang-uy-phuong-hop-phien-thuong-ky/index.html",
    "2024/02/01/to-hoa-giai-giu-tinh-lang-nghia-xom/index.html",
    "gioi-thieu/index.html",
}


def tagged(data, kind: str) -> dict[str, str]:
    """``{key: text}`` of the ``data-pagefind-<kind>`` elements inside ``data``."""
    attribute = f"data-pagefind-{kind}"
    return {tag[attribute]: tag.get_text() for tag in data.select(f"[{attribute}]")}


@pytest.fixture(scope="module")
def site(tmp_path_factory: pytest.TempPathFactory) -> Path:
    root = tmp_path_factory.mktemp("search-site")
    return build_site(
        write_files(root / "content", FILES), root / "site", SITEURL="/phuong", **BASE
    )


def test_only_published_content_pages_are_marked_for_the_index(site):
    marked = {
        page.relative_to(site).as_posix()
        for page in html_pages(site)
        if soup(page).select("[data-pagefind-body]")
    }
    assert marked == CONTENT_PAGES
    # Listings, archives, the home and search pages are written but not marked.
    for listing in ("index.html", "luu-tru/index.html", "tim-kiem/index.html", "2024/index.html"):
        assert (site / listing).exists()


def test_the_index_counts_the_published_content(site):
    entry = json.loads((site / "pagefind" / "pagefind-entry.json").read_text())
    counts = [language["page_count"] for language in entry["languages"].values()]
    assert counts == [len(CONTENT_PAGES)]


def test_article_carries_filters_and_hidden_folded_words(site):
    page = soup(site / "2023/11/20/dang-uy-phuong-hop-phien-thuong-ky/index.html")
    data = page.select_one(".search-data")
    assert data.has_attr("hidden")
    assert tagged(data, "filter") == {
        "type": "Tin bài",
        "category": "Tin tức sự kiện",
        "year": "2023",
    }
    assert tagged(data, "meta") == {
        "date": "20/11/2023",
        "fold": "dang duoc dua",
        "title_fold": "dang uy phuong hop phien thuong ky",
    }
    assert tagged(data, "sort")["date"].startswith("2023-11-20T14:00:00")


def test_page_is_typed_and_has_no_category(site):
    data = soup(site / "gioi-thieu/index.html").select_one(".search-data")
    assert tagged(data, "filter") == {"type": "Trang thông tin"}


def test_search_page_explains_itself_without_javascript(site):
    page = soup(site / "tim-kiem/index.html")
    assert page.h1.get_text() == "Tìm kiếm"
    fallback = page.select_one("noscript .search-page__fallback")
    assert "cần JavaScript" in fallback.get_text()
    # The warning is never in the page while search.js loads (issue 19).
    assert "cần JavaScript" not in page.select_one("[data-search-fallback]").get_text()
    assert fallback.select_one("a")["href"] == "/phuong/luu-tru/"
    assert page.select_one("[data-search-form]").has_attr("hidden")
    assert page.select_one("[data-search]")["data-search-bundle"] == "/phuong/pagefind/pagefind.js"
    script = page.select_one("script[src*='js/search.js']")
    assert script["src"].startswith("/phuong/") and script.has_attr("defer")
    for field in page.select("[data-search-form] input, [data-search-form] select"):
        assert page.select_one(f"label[for='{field['id']}']"), field["id"]


def test_every_page_has_the_header_search_box(site):
    for path in html_pages(site):
        form = soup(path).select_one("header form.search-box")
        assert form["action"] == "/phuong/tim-kiem/", path
        field = form.select_one("input[name=q]")
        assert form.select_one(f"label[for='{field['id']}']").get_text() == "Tìm kiếm trên trang"


def test_index_can_be_turned_off(tmp_path):
    site = build_site(
        write_files(tmp_path / "content", FILES), tmp_path / "site", SEARCH_INDEX=False, **BASE
    )
    assert (site / "tim-kiem/index.html").exists()
    assert not (site / "pagefind").exists()


def test_no_search_page_means_no_box(tmp_path):
    site = build_site(
        write_files(tmp_path / "content", FILES), tmp_path / "site", SEARCH_SAVE_AS="", **BASE
    )
    assert not (site / "tim-kiem").exists()
    assert not soup(site / "index.html").select("form.search-box")
