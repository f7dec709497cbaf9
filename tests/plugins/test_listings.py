"""Listings: neighbours, "Xem tiếp", pagination boundaries, the day JSON, ties."""

from __future__ import annotations

import datetime as dt
import json
import re
from pathlib import Path

import pytest
from pelican.paginator import Paginator
from pelican.settings import DEFAULT_CONFIG

from listings import (
    ListingsSettingsError,
    category_neighbours,
    check_settings,
    day_url_template,
    days_document,
    page_of,
)
from portal_core.runner import BuildFailed
from tests.support import site_path, soup

# Tiny sites carry no visitor-count file; the counter is not what is tested here.
BASE = {"VISITOR_COUNTER": None}
NEWS = ("Tin tức sự kiện", "tin-tuc-su-kien")
FRONT = ("Hoạt động Mặt trận", "hoat-dong-mat-tran")


def article(title: str, when: str, category: str = NEWS[0]) -> str:
    return (
        f"Title: {title}\nDate: {when}\nCategory: {category}\n"
        f"Summary: Tóm tắt của {title.lower()}.\n\nNội dung của {title.lower()}.\n"
    )


def daily(count: int, category=NEWS, start=dt.datetime(2023, 1, 1, 8, 0)) -> dict[str, str]:
    """``count`` articles in ``category``, one a day from ``start``."""
    files = {}
    for number in range(1, count + 1):
        when = start + dt.timedelta(days=number - 1)
        title = f"{category[0]} số {number}"
        files[f"articles/{category[1]}/{when:%Y-%m-%d}-{number}.md"] = article(
            title, f"{when:%Y-%m-%d %H:%M}", category[0]
        )
    return files


def listing(site: Path, first: str, prefix: str = "") -> list[list[str]]:
    """The article links of a paginated listing, page by page (follows rel=next)."""
    pages, path = [], site / first / "index.html"
    while path is not None:
        page = soup(path)
        pages.append([a["href"] for a in page.select("main .article-list__title")])
        following = page.select_one(".pagination a[rel=next]")
        path = site_path(site, following["href"].removeprefix(prefix)) if following else None
    return pages


def titles(page, block: str) -> list[str]:
    """Links of the "newer" or "earlier" block under an article."""
    links = page.select(f".related-articles__block--{block} a.article-list__title")
    return [a["href"] for a in links]


def heading_texts(page) -> list[str]:
    return [h.get_text().lower() for h in page.select(".related-articles h2")]


# --- pure functions --------------------------------------------------------------


def test_neighbours_are_windows_around_each_position():
    found = category_neighbours(list("abcdefgh"), 2, 3, per_page=4)
    assert (found[0].newer, found[0].earlier) == ([], ["b", "c", "d"])
    assert (found[4].newer, found[4].earlier) == (["c", "d"], ["f", "g", "h"])
    assert (found[7].newer, found[7].earlier) == (["f", "g"], [])
    # "e" continues after "d" (index 4, page 2); after "h" nothing continues.
    assert [n.more_page for n in found] == [2, 2, 2, 2, None, None, None, None]


def test_zero_counts_list_nothing():
    found = category_neighbours(list("abc"), 0, 0, per_page=20)
    assert all(not n.newer and not n.earlier and n.more_page is None for n in found)


@pytest.mark.parametrize("orphans", [0, 3])
@pytest.mark.parametrize("count", [1, 19, 20, 21, 40, 41, 43, 44])
def test_page_of_agrees_with_pelicans_paginator(count, orphans):
    settings = {**DEFAULT_CONFIG, "DEFAULT_ORPHANS": orphans}
    paginator = Paginator("x/index.html", "x/", list(range(count)), settings, 20)
    for number in paginator.page_range:
        for item in paginator.page(number).object_list:
            assert page_of(item, 20, count, orphans) == number


def test_day_url_template_of_the_default_pattern():
    assert day_url_template("{date:%Y}/{date:%m}/{date:%d}/") == "{yyyy}/{mm}/{dd}/"
    assert day_url_template("ngay/{date:%d}-{date:%m}-{date:%Y}.html") == (
        "ngay/{dd}-{mm}-{yyyy}.html"
    )


def test_day_json_lists_each_url_when_the_pattern_has_no_numbers():
    class Item:
        def __init__(self, when):
            self.date = when

    items = [Item(dt.datetime(2024, 2, 1, 9)), Item(dt.datetime(2024, 2, 1, 7))]
    document = days_document(items, "{date:%Y}/{date:%b}/{date:%d}/")
    assert document == {"days": {"2024-02-01": 2}, "urls": {"2024-02-01": "2024/Feb/01/"}}


@pytest.mark.parametrize(
    ("name", "value"),
    [
        ("LISTINGS_NEWER_COUNT", -1),
        ("LISTINGS_NEWER_COUNT", "5"),
        ("LISTINGS_EARLIER_COUNT", True),
        ("LISTINGS_EARLIER_COUNT", 2.5),
        ("LISTINGS_DAYS_JSON", "/luu-tru/ngay.json"),
        ("LISTINGS_DAYS_JSON", "../ngay.json"),
        ("LISTINGS_DAYS_JSON", "luu-tru/ngay.txt"),
    ],
)
def test_bad_settings_are_refused_with_the_setting_named(name, value):
    with pytest.raises(ListingsSettingsError, match=name) as failure:
        check_settings({name: value})
    assert "ví dụ" in str(failure.value)


def test_settings_default_to_five_and_ten():
    values = check_settings({})
    assert (values["LISTINGS_NEWER_COUNT"], values["LISTINGS_EARLIER_COUNT"]) == (5, 10)


def test_bad_setting_stops_the_build_without_traceback(make_site):
    with pytest.raises(BuildFailed) as failure:
        make_site(daily(2), **BASE, LISTINGS_EARLIER_COUNT=-3)
    (message,) = failure.value.messages
    assert "LISTINGS_EARLIER_COUNT phải là một số nguyên" in message


# --- tiny sites -------------------------------------------------------------------


def test_ties_keep_one_order_in_listings_neighbours_and_archives(make_site):
    # Three articles at the same minute, written to disk in no particular order.
    files = {
        f"articles/tin-tuc-su-kien/{name}.md": article(f"Tin {name.upper()}", "2024-03-15 08:00")
        for name in ("c", "a", "b")
    }
    files["articles/tin-tuc-su-kien/moi.md"] = article("Tin mới", "2024-03-16 07:00")
    files["articles/tin-tuc-su-kien/cu.md"] = article("Tin cũ", "2024-03-15 07:59")
    site = make_site(files, **BASE)
    tied = ["/2024/03/15/tin-a/", "/2024/03/15/tin-b/", "/2024/03/15/tin-c/"]

    category = [href for page in listing(site, "chuyen-muc/tin-tuc-su-kien") for href in page]
    news = [href for page in listing(site, "tin-da-dua") for href in page]
    day = [href for page in listing(site, "2024/03/15") for href in page]
    month = [href for page in listing(site, "2024/03") for href in page]
    assert category[1:4] == news[1:4] == day[:3] == month[1:4] == tied

    middle = soup(site / "2024/03/15/tin-b/index.html")
    assert titles(middle, "newer") == [category[0], tied[0]]
    assert titles(middle, "earlier") == [tied[2], *category[4:]]
    days = json.loads((site / "luu-tru/ngay.json").read_text(encoding="utf-8"))
    assert days["days"]["2024-03-15"] == len(day) == 4


def test_first_and_last_articles_show_only_what_exists(make_site):
    site = make_site(daily(3) | daily(1, category=FRONT), **BASE)
    order = listing(site, "chuyen-muc/tin-tuc-su-kien")[0]
    newest, oldest = soup(site_path(site, order[0])), soup(site_path(site, order[-1]))
    assert heading_texts(newest) == ["tin đã đưa"]
    assert titles(newest, "earlier") == order[1:]
    assert heading_texts(oldest) == ["tin mới hơn"]
    assert titles(oldest, "newer") == order[:-1]
    # A category of one article: no empty headings at all.
    (alone,) = listing(site, "chuyen-muc/hoat-dong-mat-tran")[0]
    assert soup(site_path(site, alone)).select_one(".related-articles") is None


def test_exactly_twenty_articles_make_one_page_without_pagination(make_site):
    site = make_site(daily(20), **BASE)
    assert [len(page) for page in listing(site, "chuyen-muc/tin-tuc-su-kien")] == [20]
    assert soup(site / "chuyen-muc/tin-tuc-su-kien/index.html").select_one(".pagination") is None
    assert not (site / "chuyen-muc/tin-tuc-su-kien/trang-2").exists()


def test_twenty_one_articles_make_two_pages_the_last_with_one(make_site):
    site = make_site(daily(21), **BASE)
    assert [len(page) for page in listing(site, "chuyen-muc/tin-tuc-su-kien")] == [20, 1]
    last = soup(site / "chuyen-muc/tin-tuc-su-kien/trang-2/index.html")
    nav = last.select_one("nav.pagination")
    assert nav.select_one(".pagination__status").get_text() == "Trang 2 / 2"
    assert nav.select_one("a[aria-current=page]").get_text() == "2"
    assert nav.select_one("a[rel=prev]")["href"] == "/chuyen-muc/tin-tuc-su-kien/"
    assert nav.select_one("a[rel=next]") is None
    jump = nav.select_one("form.page-jump")
    assert jump.has_attr("hidden")  # shown by the script; links work without it
    assert (jump["data-current"], jump["data-last"]) == ("2", "2")
    assert json.loads(jump["data-rules"]) == [
        [1, "chuyen-muc/tin-tuc-su-kien/"],
        [2, "chuyen-muc/tin-tuc-su-kien/trang-{n}/"],
    ]


def test_long_listing_shows_a_window_with_first_and_last(make_site):
    site = make_site(
        daily(41, category=FRONT) | daily(100, start=dt.datetime(2020, 1, 1, 9)), **BASE
    )
    assert [len(page) for page in listing(site, "tin-da-dua")] == [20] * 7 + [1]
    page4 = soup(site / "tin-da-dua/trang-4/index.html").select_one("nav.pagination")
    numbers = [a.get_text() for a in page4.select(".pagination__list a[aria-label^='Trang ']")]
    assert [n for n in numbers if n.isdigit()] == ["2", "3", "4", "5", "6"]
    assert page4.select_one("a[aria-label='Trang đầu']")["href"] == "/tin-da-dua/"
    assert page4.select_one("a[aria-label^='Trang cuối']")["href"] == "/tin-da-dua/trang-8/"
    assert len(page4.select(".pagination__gap")) == 2


def test_xem_tiep_opens_the_page_that_continues_after_the_last_item(make_site):
    site = make_site(daily(45), **BASE, LISTINGS_EARLIER_COUNT=7)
    pages = listing(site, "chuyen-muc/tin-tuc-su-kien")
    order = [href for page in pages for href in page]
    assert len(order) == 45
    for index, href in enumerate(order):
        page = soup(site_path(site, href))
        assert titles(page, "newer") == order[max(0, index - 5) : index]
        assert titles(page, "earlier") == order[index + 1 : index + 8]
        more = page.select_one("a.related-articles__next")
        if index + 8 >= len(order):
            assert more is None, href
            continue
        assert more.get_text().startswith("Xem tiếp")
        continued = listing_page_of(site, more["href"])
        # The page shows the article right after the last one listed.
        assert order[index + 8] in continued, href
        number = 1 + [order[index + 8] in p for p in pages].index(True)
        assert f"trang {number}" in more.get_text()


def listing_page_of(site: Path, href: str) -> list[str]:
    page = soup(site_path(site, href))
    return [a["href"] for a in page.select("main .article-list__title")]


def test_counts_follow_the_settings(make_site):
    site = make_site(daily(9), **BASE, LISTINGS_NEWER_COUNT=2, LISTINGS_EARLIER_COUNT=0)
    order = listing(site, "chuyen-muc/tin-tuc-su-kien")[0]
    page = soup(site_path(site, order[5]))
    assert titles(page, "newer") == order[3:5]
    assert heading_texts(page) == ["tin mới hơn"]


def test_day_json_matches_the_archive_pages(make_site):
    files = daily(30, start=dt.datetime(2023, 12, 20, 6, 30))
    files |= daily(25, category=FRONT, start=dt.datetime(2024, 1, 2, 15, 0))
    files["articles/extra.md"] = article("Tin buổi tối", "2024-01-05 22:45", FRONT[0])
    site = make_site(files, **BASE)
    document = json.loads((site / "luu-tru/ngay.json").read_text(encoding="utf-8"))
    days = document["days"]
    assert list(days) == sorted(days)
    archive_index = soup(site / "luu-tru/index.html")
    linked = {a["href"] for a in archive_index.select(".archive-index__days a")}
    expected = set()
    for key, count in days.items():
        year, month, day = key.split("-")
        url = "/" + document["url"].replace("{yyyy}", year).replace("{mm}", month)
        url = url.replace("{dd}", day)
        expected.add(url)
        listed = [href for page in listing(site, url.strip("/")) for href in page]
        assert len(listed) == count, key
        assert all(href.startswith(url) for href in listed)
    assert linked == expected
    on_disk = {"/" + p.parent.relative_to(site).as_posix() + "/" for p in day_pages(site)}
    assert on_disk == expected
    assert days["2024-01-05"] == 3
    assert sum(days.values()) == 56


def day_pages(site: Path) -> list[Path]:
    return list(site.glob("[0-9][0-9][0-9][0-9]/[0-9][0-9]/[0-9][0-9]/index.html"))


def test_a_day_without_articles_is_not_in_the_json_and_has_no_archive(make_site):
    files = daily(2, start=dt.datetime(2024, 5, 1, 8)) | daily(
        1, category=FRONT, start=dt.datetime(2024, 5, 9, 8)
    )
    site = make_site(files, **BASE)
    document = json.loads((site / "luu-tru/ngay.json").read_text(encoding="utf-8"))
    assert document["days"] == {"2024-05-01": 1, "2024-05-02": 1, "2024-05-09": 1}
    assert not (site / "2024/05/05/index.html").exists()
    picker = soup(site / "index.html").select_one("#xem-theo-ngay")
    date_input = picker.select_one("input[type=date]")
    assert (date_input["min"], date_input["max"]) == ("2024-05-01", "2024-05-09")
    assert picker.select_one("form").has_attr("hidden")
    assert picker.select_one(".date-picker__archive a")["href"] == "/luu-tru/"


def test_news_lists_every_article_newest_first(make_site):
    site = make_site(
        daily(12, category=FRONT) | daily(10, start=dt.datetime(2023, 1, 5, 12)), **BASE
    )
    pages = listing(site, "tin-da-dua")
    assert [len(page) for page in pages] == [20, 2]
    dates = [re.search(r"/(\d{4}/\d\d/\d\d)/", href)[1] for page in pages for href in page]
    assert dates == sorted(dates, reverse=True)
    home = soup(site / "index.html")
    assert home.select_one(".site-nav a[href='/tin-da-dua/']").get_text() == "Tin đã đưa"
    first = soup(site / "tin-da-dua/index.html")
    assert first.select_one(".site-nav a[aria-current=page]")["href"] == "/tin-da-dua/"
    assert first.h1.get_text() == "Tin đã đưa"


def test_links_keep_a_sub_path_siteurl(make_site):
    site = make_site(daily(25), **BASE, SITEURL="/phuong")
    order = [h for p in listing(site, "chuyen-muc/tin-tuc-su-kien", "/phuong") for h in p]
    page = soup(site_path(site, order[12].removeprefix("/phuong")))
    assert page.select_one("a.related-articles__next")["href"].partition("#")[0] == (
        "/phuong/chuyen-muc/tin-tuc-su-kien/trang-2/"
    )
    assert all(h.startswith("/phuong/") for h in titles(page, "newer") + titles(page, "earlier"))
    assert page.select_one("[data-date-picker]")["data-days"] == "/phuong/luu-tru/ngay.json"
    listing_page = soup(site / "chuyen-muc/tin-tuc-su-kien/index.html")
    assert listing_page.select_one("form.page-jump")["data-base"] == "/phuong/"


def test_a_draft_is_nobodys_neighbour(make_site):
    files = daily(3)
    files["articles/tin-tuc-su-kien/nhap.md"] = article("Tin nháp", "2023-01-02 12:00").replace(
        "Summary:", "Status: draft\nSummary:"
    )
    site = make_site(files, **BASE)
    order = listing(site, "chuyen-muc/tin-tuc-su-kien")[0]
    assert len(order) == 3
    for href in order:
        page = soup(site_path(site, href))
        shown = titles(page, "newer") + titles(page, "earlier")
        assert not any("tin-nhap" in link for link in shown), href
