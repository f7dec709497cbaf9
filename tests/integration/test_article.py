"""Article pages: what a reader sees from the category label to the byline."""

from __future__ import annotations

import re

import pytest

from tests.support import DEMO_CONTENT, read_header, site_path, soup
from vn_dates import format_long

DATE_STYLE = re.compile(r"^(Thứ [2-7]|Chủ nhật), Ngày \d\d/\d\d/\d{4}, \d\d:\d\d$")
ARTICLES = sorted((DEMO_CONTENT / "articles").rglob("*.md"))


def article_pages(site):
    return sorted(site.glob("[0-9][0-9][0-9][0-9]/[0-9][0-9]/[0-9][0-9]/*/index.html"))


def test_every_demo_article_has_a_page(built_site):
    assert len(article_pages(built_site)) == len(ARTICLES) >= 40


def test_article_page_anatomy(built_site):
    for path in article_pages(built_site):
        page = soup(path)
        label = page.select_one(".article-meta__category")
        assert site_path(built_site, label["href"]).exists(), path
        assert DATE_STYLE.match(page.select_one(".article-meta__date").get_text()), path
        assert page.select_one("h1.article__title").get_text(strip=True), path
        assert page.select_one(".article__lead").get_text(strip=True), path
        assert page.select_one(".article__byline").get_text(strip=True), path
        assert page.select_one("[data-action='print']").get_text() == "Bản in"
        assert page.select_one("[data-action='back']").get_text() == "Quay lại"


@pytest.mark.parametrize("source", ARTICLES[:60], ids=lambda p: p.stem)
def test_date_and_category_match_the_source(built_site, source):
    import datetime as dt  # noqa: PLC0415
    from zoneinfo import ZoneInfo  # noqa: PLC0415

    meta = read_header(source)
    when = dt.datetime.strptime(meta["date"], "%Y-%m-%d %H:%M").replace(
        tzinfo=ZoneInfo("Asia/Ho_Chi_Minh")
    )
    matches = [
        p
        for p in built_site.glob(f"{when:%Y/%m/%d}/*/index.html")
        if plain(soup(p).select_one(".article__title").get_text()) == plain(meta["title"])
    ]
    assert len(matches) == 1, meta["title"]
    page = soup(matches[0])
    assert page.select_one(".article-meta__date").get_text() == format_long(when)
    assert page.select_one(".article-meta__category").get_text() == meta["category"]


def plain(title: str) -> str:
    """Compare titles without the quotes and spaces typogrify changes."""
    return re.sub(r"[\"“”'‘’\s\xa0]+", " ", title).replace(" -- ", " – ").strip()


def test_photos_are_figures_with_captions(built_site):
    figures = [
        f for p in article_pages(built_site) for f in soup(p).select(".article__body figure")
    ]
    assert len(figures) >= 10
    for figure in figures:
        assert figure.img.get("alt"), figure
        assert site_path(built_site, figure.img["src"]).exists()
    assert sum(1 for f in figures if f.figcaption) >= 10


def test_bodies_keep_lists_tables_and_numbered_sections(built_site):
    bodies = [soup(p).select_one(".article__body") for p in article_pages(built_site)]
    assert sum(1 for b in bodies if b.find(["ul", "ol"])) >= 6
    assert sum(1 for b in bodies if b.select(".table-scroll table")) >= 4
    numbered = re.compile(r"^(I|II|III|IV|V)\.\s")
    assert (
        sum(1 for b in bodies if any(numbered.match(h.get_text()) for h in b.find_all("h2"))) >= 4
    )
