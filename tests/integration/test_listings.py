"""Category pages: 20 per page, "Trang x / y", every article exactly once."""

from __future__ import annotations

import math
import re
from collections import Counter

from pelicanconf import CATEGORIES
from tests.publishing import environment, tree_bytes
from tests.support import DEMO_CONTENT, build_site, read_header, site_path, soup

PER_PAGE = 20


def category_counts() -> Counter:
    return Counter(read_header(p)["category"] for p in (DEMO_CONTENT / "articles").rglob("*.md"))


def category_pages(site, slug):
    first = site / "chuyen-muc" / slug / "index.html"
    pages = [first]
    while True:
        nxt = soup(pages[-1]).select_one(".pagination a[rel=next]")
        if nxt is None:
            return pages
        pages.append(site_path(site, nxt["href"]))


def test_demo_has_a_paginated_category():
    assert max(category_counts().values()) > PER_PAGE
    assert len(category_counts()) >= 6


def test_each_category_lists_all_its_articles_over_its_pages(built_site):
    counts = category_counts()
    for entry in CATEGORIES:
        if not counts[entry["name"]]:
            continue
        pages = category_pages(built_site, entry["slug"])
        expected_pages = math.ceil(counts[entry["name"]] / PER_PAGE)
        assert len(pages) == expected_pages, entry["name"]
        seen = []
        for number, path in enumerate(pages, start=1):
            page = soup(path)
            items = page.select(".article-list__item a.article-list__title")
            assert len(items) == (
                PER_PAGE
                if number < expected_pages
                else counts[entry["name"]] - PER_PAGE * (expected_pages - 1)
            )
            seen += [a["href"] for a in items]
            if expected_pages > 1:
                status = page.select_one(".pagination__status").get_text()
                assert status == f"Trang {number} / {expected_pages}"
                current = page.select_one(".pagination a[aria-current=page]")
                assert current.get_text() == str(number)
            else:
                assert page.select_one(".pagination") is None
        assert len(seen) == len(set(seen)) == counts[entry["name"]]
        for href in seen:
            article = soup(site_path(built_site, href))
            assert article.select_one(".article-meta__category").get_text() == entry["name"]


def test_listing_items_show_title_date_and_summary(built_site):
    slug = CATEGORIES[0]["slug"]
    item = soup(built_site / "chuyen-muc" / slug / "index.html").select_one(".article-list__item")
    assert re.fullmatch(r"\(\d\d/\d\d/\d{4}\)", item.select_one(".article-list__date").get_text())
    assert item.select_one(".article-list__summary").get_text(strip=True)


def test_listing_items_dropped_from_the_cache_render_the_same(tmp_path, monkeypatch):
    """Items re-rendered after leaving the cache are the items a full cache gives.

    The demo's categories, archives and "tin mới hơn" / "tin đã đưa" lists show
    each article many times; with room for a single item nearly every one of
    them is rendered again, and every page must stay byte for byte the same.
    """
    from listings import listings  # noqa: PLC0415 - the plugin as the build loads it

    with environment(PORTAL_BUILD_DATE="2026-11-30 07:00"):
        kept_all = tree_bytes(build_site(DEMO_CONTENT, tmp_path / "all", SEARCH_INDEX=False))
        monkeypatch.setattr(listings, "ITEMS_KEPT", 1)
        kept_one = tree_bytes(build_site(DEMO_CONTENT, tmp_path / "one", SEARCH_INDEX=False))
    assert sorted(kept_one) == sorted(kept_all)
    assert [name for name, data in kept_all.items() if kept_one[name] != data] == []
