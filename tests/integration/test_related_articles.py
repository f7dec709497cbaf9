"""The demo portal: "Tin mới hơn", "Tin đã đưa", "Tin đã đưa" listing, days."""

from __future__ import annotations

import json
import re

from pelicanconf import CATEGORIES
from tests.support import site_path, soup


def listing(site, first: str) -> list[str]:
    """Every article link of a paginated listing, in order (follows rel=next)."""
    hrefs, path = [], site / first / "index.html"
    while path is not None:
        page = soup(path)
        hrefs += [a["href"] for a in page.select("main .article-list__title")]
        following = page.select_one(".pagination a[rel=next]")
        path = site_path(site, following["href"]) if following else None
    return hrefs


def block(page, name: str) -> list[str]:
    return [
        a["href"] for a in page.select(f".related-articles__block--{name} .article-list__title")
    ]


def test_each_article_lists_its_neighbours_in_the_category_order(built_site):
    checked = 0
    for entry in CATEGORIES:
        if not (built_site / "chuyen-muc" / entry["slug"] / "index.html").exists():
            continue
        order = listing(built_site, f"chuyen-muc/{entry['slug']}")
        for index, href in enumerate(order):
            page = soup(site_path(built_site, href))
            assert block(page, "newer") == order[max(0, index - 5) : index], href
            assert block(page, "earlier") == order[index + 1 : index + 11], href
            headings = [h.get_text() for h in page.select(".related-articles h2")]
            assert headings == [
                label
                for label, shown in (
                    ("Tin mới hơn", index > 0),
                    ("Tin đã đưa", index + 1 < len(order)),
                )
                if shown
            ], href
            checked += 1
    assert checked >= 40


def test_news_listing_has_every_article_once_newest_first(built_site):
    articles = sorted(built_site.glob("[0-9][0-9][0-9][0-9]/[0-9][0-9]/[0-9][0-9]/*/index.html"))
    hrefs = listing(built_site, "tin-da-dua")
    assert len(hrefs) == len(set(hrefs)) == len(articles)
    times = [soup(site_path(built_site, h)).select_one("time")["datetime"] for h in hrefs]
    assert times == sorted(times, reverse=True)


def test_day_json_agrees_with_the_archive_index(built_site):
    document = json.loads((built_site / "luu-tru/ngay.json").read_text(encoding="utf-8"))
    index = soup(built_site / "luu-tru/index.html")
    from_index = {}
    for link in index.select(".archive-index__days a"):
        day, month, year, count = re.fullmatch(
            r"Ngày (\d\d)/(\d\d)/(\d{4}), (\d+) tin", link["aria-label"]
        ).groups()
        from_index[f"{year}-{month}-{day}"] = int(count)
        assert link["href"] == "/" + document["url"].format_map(
            {"yyyy": year, "mm": month, "dd": day}
        )
    assert document["days"] == dict(sorted(from_index.items()))


def test_date_control_on_listing_and_article_pages(built_site):
    news = listing(built_site, "tin-da-dua")
    for path in (
        built_site / "tin-da-dua/index.html",
        built_site / f"chuyen-muc/{CATEGORIES[0]['slug']}/index.html",
        site_path(built_site, news[0]),
    ):
        picker = soup(path).select_one("#xem-theo-ngay")
        assert picker.select_one("label[for=date-picker-input]").get_text() == "Chọn ngày"
        assert site_path(built_site, picker.select_one("form")["data-days"]).exists()
        assert site_path(built_site, picker.select_one(".date-picker__archive a")["href"]).exists()
