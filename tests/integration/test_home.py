"""Home page: featured article, latest news, one block per category in registry order."""

from __future__ import annotations

import tomllib

from pelicanconf import CATEGORIES, HOME_LATEST_COUNT
from tests.support import DEMO_CONTENT, site_path, soup


def test_featured_article_links_to_a_real_article(built_site):
    home = soup(built_site / "index.html")
    link = home.select_one(".featured__title a")
    assert link is not None
    assert site_path(built_site, link["href"]).exists()
    assert home.select_one(".featured time").get_text().count("/") == 2


def test_latest_news_is_newest_first(built_site):
    home = soup(built_site / "index.html")
    items = home.select(".home-block--latest .article-list__item")
    assert len(items) == HOME_LATEST_COUNT
    dates = []
    for item in items:
        day, month, year = item.select_one(".article-list__date").get_text().strip("()").split("/")
        dates.append((year, month, day))
    assert dates == sorted(dates, reverse=True)


def test_category_blocks_and_menu_follow_the_registry(built_site):
    home = soup(built_site / "index.html")
    registry = [entry["name"] for entry in sorted(CATEGORIES, key=lambda e: e["order"])]
    blocks = [h.get_text(strip=True) for h in home.select(".home-categories .home-block__title")]
    assert blocks == registry
    menu = [a.get_text(strip=True) for a in home.select(".site-nav a")]
    assert menu[0] == "Trang chủ"
    assert menu[1 : 1 + len(registry)] == registry


def test_header_and_footer_show_the_unit(built_site):
    profile = tomllib.loads((DEMO_CONTENT / "data" / "don-vi.toml").read_text(encoding="utf-8"))
    home = soup(built_site / "index.html")
    name = home.select_one(".site-header__name").get_text(strip=True)
    assert name == profile["unit"]["short_name"]
    assert home.select_one(".site-header__emblem")["src"].endswith("emblem.svg")
    footer = home.select_one(".site-footer").get_text(" ", strip=True)
    for field in ("address", "phone", "email"):
        assert profile["contact"][field] in footer
