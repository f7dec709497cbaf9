"""Date archives: years -> months -> days from "Lưu trữ"; every link resolves."""

from __future__ import annotations

import re

from tests.support import site_path, soup


def test_archive_index_links_years_months_and_days(built_site):
    index = soup(built_site / "luu-tru" / "index.html")
    links = [a["href"] for a in index.select(".archive-index a")]
    years = [h for h in links if re.fullmatch(r"/\d{4}/", h)]
    months = [h for h in links if re.fullmatch(r"/\d{4}/\d\d/", h)]
    days = [h for h in links if re.fullmatch(r"/\d{4}/\d\d/\d\d/", h)]
    assert len(years) >= 3
    assert len(months) >= len(years)
    assert len(days) >= len(months)
    for href in links:
        assert site_path(built_site, href).exists(), href


def test_day_archive_lists_the_articles_of_that_day(built_site):
    index = soup(built_site / "luu-tru" / "index.html")
    for link in index.select(".archive-index__days a"):
        day = soup(site_path(built_site, link["href"]))
        heading = day.h1.get_text()
        y, m, d = link["href"].strip("/").split("/")
        assert heading == f"Tin ngày {d}/{m}/{y}"
        for item in day.select(".article-list__title"):
            assert item["href"].startswith(link["href"])


def test_month_archive_is_named_in_vietnamese(built_site):
    months = sorted(built_site.glob("[0-9][0-9][0-9][0-9]/[0-9][0-9]/index.html"))
    page = soup(months[0])
    assert re.fullmatch(r"Tin tháng [a-zà-ỹ ]+ \d{4}", page.h1.get_text())
