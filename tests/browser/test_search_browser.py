"""Search as a reader uses it, in headless Chromium over a real Pagefind index.

A tiny portal: articles written with new ("Đảng ủy", "hòa") and old ("Đảng uỷ",
"hoà") tone placement, one old article typed without any diacritics, a draft
holding a word found nowhere else, a page, and a dozen short news items to
page through. It is built twice: at the root and under the sub-path /phuong/.
"""

from __future__ import annotations

import datetime as dt
import json
from collections.abc import Iterator
from pathlib import Path
from urllib.parse import urlencode

import pytest

from tests.support import build_site, serve, write_files

pytestmark = pytest.mark.browser

PREFIX = "/phuong"
DRAFT_WORD = "xuyentamquoc"


def article(title: str, when: str, category: str, body: str, status: str = "") -> str:
    extra = f"Status: {status}\n" if status else ""
    return (
        f"Title: {title}\nDate: {when}\nCategory: {category}\n{extra}Summary: {title}.\n\n{body}\n"
    )


def corpus() -> dict[str, str]:
    files = {
        "articles/hoat-dong-mat-tran/hoi-nghi.md": article(
            "Hội nghị tổng kết công tác Mặt trận năm 2023",
            "2024-03-05 08:30",
            "Hoạt động Mặt trận",
            "Ủy ban MTTQ phường tổ chức hội nghị tổng kết với nhiều đại biểu tham dự.",
        ),
        "articles/tin-tuc-su-kien/dang-uy.md": article(
            "Đảng ủy phường họp phiên thường kỳ",
            "2023-11-20 14:00",
            "Tin tức sự kiện",
            "Đảng ủy phường thống nhất nhiều nội dung quan trọng được đưa ra bàn bạc.",
        ),
        "articles/tin-tuc-su-kien/dang-uy-khu-pho.md": article(
            "Chi bộ khu phố 3 ra mắt mô hình tự quản",
            "2024-01-10 09:00",
            "Tin tức sự kiện",
            "Chi bộ trình bày mô hình giữ gìn môi trường trước Đảng uỷ phường.",
        ),
        "articles/tin-tuc-su-kien/tin-cu.md": article(
            "Ban tin cu nhap tu trang web cu",
            "2015-06-01 08:00",
            "Tin tức sự kiện",
            "Ban tin viet khong dau: Dang uy phuong hop ban ve cong tac dan van.",
        ),
        "articles/van-hoa-xa-hoi/hoa-giai.md": article(
            "Tổ hoà giải giữ tình làng nghĩa xóm",
            "2024-02-01 10:00",
            "Văn hóa - Xã hội",
            "Tổ hoà giải giúp bà con giải quyết mâu thuẫn nhỏ.",
        ),
        "articles/van-hoa-xa-hoi/hoa-thuan.md": article(
            "Khu dân cư hòa thuận",
            "2023-05-12 07:45",
            "Văn hóa - Xã hội",
            "Bà con khu dân cư số 4 phường sống hòa thuận, giúp nhau lúc khó khăn.",
        ),
        "articles/van-hoa-xa-hoi/ngay-hoi.md": article(
            "Ngày hội văn nghệ, học nghị quyết ở khu dân cư",
            "2024-04-02 19:00",
            "Văn hóa - Xã hội",
            "Ngày hội có văn nghệ; sau ngày hội, bà con học nghị quyết. "
            "Ngày hội vui, nghị quyết rõ, ai cũng nhớ ngày hội.",
        ),
        "articles/hoat-dong-mat-tran/gop-y.md": article(
            "Cử tri góp ý dự thảo quy chế khu dân cư",
            "2024-04-20 08:00",
            "Hoạt động Mặt trận",
            "Nhiều ý kiến xác đáng được nêu tại hội nghị tiếp xúc cử tri.",
        ),
        "articles/van-hoa-xa-hoi/nhap.md": article(
            "Bài viết chưa xong",
            "2024-02-02 10:00",
            "Văn hóa - Xã hội",
            f"Từ chỉ có trong bản nháp: {DRAFT_WORD}.",
            status="draft",
        ),
        "pages/gioi-thieu.md": (
            "Title: Giới thiệu\n\nỦy ban Mặt trận Tổ quốc phường đoàn kết các tầng lớp nhân dân.\n"
        ),
    }
    start = dt.datetime(2022, 4, 1, 8, 0)
    for number in range(1, 13):
        when = start + dt.timedelta(days=number)
        files[f"articles/tin-tuc-su-kien/ve-sinh-{number}.md"] = article(
            f"Ra quân vệ sinh môi trường đợt {number}",
            f"{when:%Y-%m-%d %H:%M}",
            "Tin tức sự kiện",
            f"Đợt {number}: đoàn viên thanh niên ra quân thu gom rác thải.",
        )
    return files


# The index in parts (plugins/search/parts.py): at most 3 pages a part cuts
# this corpus into many date ranges merged in the browser; every test runs on
# the site indexed whole and on the site indexed in parts.
SMALL_PARTS = 3
LAYOUTS = {"one part": {}, "many parts": {"SEARCH_PART_PAGES": SMALL_PARTS}}


def _serve_built(root: Path, prefix: str = "", **settings: object) -> Iterator[str]:
    # No counter data in this tiny site (the counter has its own tests).
    overrides = {"VISITOR_COUNTER": None, **({"SITEURL": prefix} if prefix else {}), **settings}
    site = build_site(write_files(root / "content", corpus()), root / "site", **overrides)
    with serve(site, prefix=prefix) as url:
        yield url


@pytest.fixture(scope="module")
def one_part_url(tmp_path_factory: pytest.TempPathFactory) -> Iterator[str]:
    yield from _serve_built(tmp_path_factory.mktemp("search-root"), **LAYOUTS["one part"])


@pytest.fixture(scope="module")
def many_parts_url(tmp_path_factory: pytest.TempPathFactory) -> Iterator[str]:
    yield from _serve_built(tmp_path_factory.mktemp("search-parts"), **LAYOUTS["many parts"])


@pytest.fixture(params=list(LAYOUTS))
def site_url(request: pytest.FixtureRequest) -> str:
    """The served site, indexed whole or in parts."""
    return request.getfixturevalue(
        "one_part_url" if request.param == "one part" else "many_parts_url"
    )


@pytest.fixture(scope="module", params=list(LAYOUTS))
def subpath_url(request: pytest.FixtureRequest, tmp_path_factory) -> Iterator[str]:
    folder = tmp_path_factory.mktemp("search-subpath")
    yield from _serve_built(folder, PREFIX, **LAYOUTS[request.param])


@pytest.fixture
def errors(page) -> list[str]:
    found: list[str] = []
    page.on("pageerror", lambda error: found.append(str(error)))
    return found


def wait_for_results(page) -> str:
    """Wait until the search has answered; return the status line."""
    page.wait_for_function(
        """() => {
            const box = document.querySelector("[data-search-status]");
            return box && box.textContent && !box.textContent.startsWith("Đang tìm");
        }"""
    )
    return page.locator("[data-search-status]").inner_text()


def search(page, base: str, **params: str) -> list[dict]:
    """Open the search page with ``params`` (q, loai, chuyenmuc, nam, xep)."""
    page.goto(f"{base}/tim-kiem/?{urlencode(params)}")
    wait_for_results(page)
    return results(page)


def results(page) -> list[dict]:
    return page.eval_on_selector_all(
        ".search-result",
        """items => items.map(item => ({
            title: item.querySelector("h2").textContent.replace(/\\u00a0/g, " "),
            href: item.querySelector("h2 a").getAttribute("href"),
            meta: item.querySelector(".search-result__meta").textContent,
            snippet: item.querySelector(".search-result__snippet").textContent,
            marks: [...item.querySelectorAll("mark")].map(mark => mark.textContent),
        }))""",
    )


def titles(found: list[dict]) -> list[str]:
    return [result["title"] for result in found]


HOI_NGHI = [
    # The phrase in the title, then in the text, then its words apart.
    "Hội nghị tổng kết công tác Mặt trận năm 2023",
    "Cử tri góp ý dự thảo quy chế khu dân cư",
    "Ngày hội văn nghệ, học nghị quyết ở khu dân cư",
]


def test_query_without_diacritics_finds_accented_text(page, site_url, errors):
    found = search(page, site_url, q="hoi nghi")
    assert titles(found) == HOI_NGHI
    assert {"Hội", "nghị"} <= set(found[0]["marks"])
    assert "hội nghị" in found[0]["snippet"]
    assert errors == []


def test_query_with_diacritics_finds_the_same_articles(page, site_url):
    found = search(page, site_url, q="Hội nghị")
    assert titles(found) == HOI_NGHI


# With "Đảng ủy", "Đảng uỷ" and, in an old article, "Dang uy".
DANG_UY = {
    "Đảng ủy phường họp phiên thường kỳ",
    "Chi bộ khu phố 3 ra mắt mô hình tự quản",
    "Ban tin cu nhap tu trang web cu",
}


def test_d_finds_dj_and_highlights_it(page, site_url):
    found = search(page, site_url, q="dang uy")
    assert set(titles(found)) == DANG_UY
    accented = next(r for r in found if r["title"].startswith("Đảng ủy"))
    assert "Đảng" in accented["marks"]
    # The folded words Pagefind searched are never shown to the reader.
    assert all("duoc dua" not in result["snippet"] for result in found)


def test_dj_query_also_finds_text_typed_without_diacritics(page, site_url):
    found = search(page, site_url, q="Đảng ủy")
    assert set(titles(found)) == DANG_UY
    # Text spelt as typed comes before text without diacritics.
    assert titles(found)[-1] == "Ban tin cu nhap tu trang web cu"
    assert "Dang" in found[-1]["marks"]


@pytest.mark.parametrize("query", ["Đảng uỷ", "Đảng ủy", "đảng UỶ"])
def test_old_and_new_tone_placement_match_both_ways(page, site_url, query):
    found = titles(search(page, site_url, q=query))
    assert "Đảng ủy phường họp phiên thường kỳ" in found
    assert "Chi bộ khu phố 3 ra mắt mô hình tự quản" in found


@pytest.mark.parametrize("query", ["hoà", "hòa", "hoa"])
def test_hoa_with_either_tone_placement(page, site_url, query):
    found = titles(search(page, site_url, q=query))
    assert "Tổ hoà giải giữ tình làng nghĩa xóm" in found
    assert "Khu dân cư hòa thuận" in found


def test_results_show_type_category_and_vietnamese_date(page, site_url):
    found = search(page, site_url, q="hoi nghi")
    assert found[0]["meta"] == "Tin bài · Hoạt động Mặt trận · 05/03/2024"
    assert found[2]["meta"] == "Tin bài · Văn hóa - Xã hội · 02/04/2024"
    assert page.locator(".search-result time").first.get_attribute("datetime") == "2024-03-05"
    page.locator(".search-result h2 a").first.click()
    page.wait_for_load_state()
    assert page.locator("h1").inner_text().replace("\xa0", " ").startswith("Hội nghị tổng kết")


def test_a_word_only_in_a_draft_finds_nothing(page, site_url):
    found = search(page, site_url, q=DRAFT_WORD)
    assert found == []
    status = page.locator("[data-search-status]")
    assert "Không tìm thấy kết quả nào" in status.inner_text()
    assert status.get_by_role("link", name="Lưu trữ").get_attribute("href") == "/luu-tru/"


def test_category_filter(page, site_url):
    everything = search(page, site_url, q="phuong")
    only = search(page, site_url, q="phuong", chuyenmuc="Văn hóa - Xã hội")
    assert len(everything) > len(only) == 1
    assert only[0]["title"] == "Khu dân cư hòa thuận"
    # A link with a filter opens the filters and shows the choice.
    assert page.get_by_label("Chuyên mục", exact=True).is_visible()
    assert page.get_by_label("Chuyên mục", exact=True).input_value() == "Văn hóa - Xã hội"


def test_year_filter_and_newest_first(page, site_url):
    found = search(page, site_url, nam="2024", xep="moi")
    assert titles(found) == [
        "Cử tri góp ý dự thảo quy chế khu dân cư",
        "Ngày hội văn nghệ, học nghị quyết ở khu dân cư",
        "Hội nghị tổng kết công tác Mặt trận năm 2023",
        "Tổ hoà giải giữ tình làng nghĩa xóm",
        "Chi bộ khu phố 3 ra mắt mô hình tự quản",
    ]


def test_type_filter_chosen_in_the_form(page, site_url):
    search(page, site_url, q="uy ban")
    assert "Giới thiệu" in titles(results(page))
    # Folded away (phones) until the reader opens them.
    assert page.get_by_label("Loại nội dung").is_hidden()
    page.get_by_text("Lọc và sắp xếp").click()
    page.get_by_label("Loại nội dung").select_option("Tin bài")
    wait_for_results(page)
    assert "Giới thiệu" not in titles(results(page))
    assert "loai=" in page.url
    page.get_by_label("Loại nội dung").select_option("Trang thông tin")
    wait_for_results(page)
    assert titles(results(page)) == ["Giới thiệu"]


def test_more_results_on_request(page, site_url):
    found = search(page, site_url, q="ve sinh moi truong")
    assert len(found) == 10
    assert "12 kết quả" in page.locator("[data-search-status]").inner_text()
    page.get_by_role("button", name="Xem thêm kết quả").click()
    page.wait_for_function("document.querySelectorAll('.search-result').length === 12")
    assert page.get_by_role("button", name="Xem thêm kết quả").is_hidden()
    # Focus moves to the first new result, for keyboard and screen reader users.
    focused = page.evaluate("document.activeElement.closest('.search-result') !== null")
    assert focused


def test_header_box_leads_to_results(page, site_url):
    page.goto(f"{site_url}/")
    page.get_by_label("Tìm kiếm trên trang").fill("hoa giai")
    page.keyboard.press("Enter")
    page.wait_for_url("**/tim-kiem/?q=hoa+giai")
    wait_for_results(page)
    assert titles(results(page)) == ["Tổ hoà giải giữ tình làng nghĩa xóm"]
    assert page.get_by_label("Từ khóa").input_value() == "hoa giai"
    assert page.title().startswith("“hoa giai” – Tìm kiếm")


def test_without_javascript_the_page_explains_and_links_the_archive(browser, site_url):
    context = browser.new_context(java_script_enabled=False, locale="vi-VN")
    tab = context.new_page()
    try:
        tab.goto(f"{site_url}/")
        tab.get_by_label("Tìm kiếm trên trang").fill("hoi nghi")
        tab.keyboard.press("Enter")
        tab.wait_for_url("**/tim-kiem/?q=hoi+nghi")
        message = tab.locator(".search-page__fallback").filter(visible=True)
        assert message.is_visible()
        assert "cần JavaScript" in message.inner_text()
        assert message.get_by_role("link", name="Lưu trữ").get_attribute("href") == "/luu-tru/"
        assert tab.locator("[data-search-form]").is_hidden()
    finally:
        context.close()


def test_search_under_a_sub_path(page, subpath_url, errors):
    found = search(page, subpath_url, q="dang uy")
    assert len(found) == 3
    assert all(result["href"].startswith(f"{PREFIX}/") for result in found)
    page.locator(".search-result h2 a").first.click()
    page.wait_for_load_state()
    assert page.url.startswith(f"{subpath_url}/")
    assert page.locator("h1").inner_text().replace("\xa0", " ") == found[0]["title"]
    page.goto(f"{subpath_url}/")
    action = page.locator("form.search-box").get_attribute("action")
    assert action == f"{PREFIX}/tim-kiem/"
    assert errors == []


def _part_count(page, base: str) -> int:
    page.goto(f"{base}/pagefind/parts.json")
    return len(json.loads(page.locator("body").inner_text())["parts"])


def _every_result(page, base: str, params: dict[str, str]) -> list[dict]:
    """All results of a search, "Xem thêm kết quả" clicked until none are left."""
    found = search(page, base, **params)
    more = page.get_by_role("button", name="Xem thêm kết quả")
    while more.is_visible():
        more.click()
        page.wait_for_function(f"document.querySelectorAll('.search-result').length > {len(found)}")
        found = results(page)
    return found


def _options(page) -> dict[str, list[str]]:
    return page.eval_on_selector_all(
        "[data-filter]",
        """selects => Object.fromEntries(selects.map(select => [
            select.dataset.filter, [...select.options].map(option => option.value)]))""",
    )


# Relevance (sets: scores differ by part), newest first (order), filters alone.
SAME_SETS = [{"q": "phuong"}, {"q": "dang uy"}, {"q": "ve sinh moi truong"}]
SAME_ORDER = [
    {"q": "hoi nghi"},
    {"xep": "moi", "q": "phuong"},
    {"loai": "Tin bài"},
    {"nam": "2024", "xep": "moi"},
    {"chuyenmuc": "Văn hóa - Xã hội"},
    {"xep": "moi", "q": "uy ban"},
]


def test_parts_give_the_same_results_as_one_index(page, one_part_url, many_parts_url):
    assert _part_count(page, one_part_url) == 1
    assert _part_count(page, many_parts_url) > 5
    for params in SAME_SETS + SAME_ORDER:
        whole = _every_result(page, one_part_url, params)
        whole_status = page.locator("[data-search-status]").inner_text()
        whole_options = _options(page)
        parted = _every_result(page, many_parts_url, params)
        assert page.locator("[data-search-status]").inner_text() == whole_status, params
        # The filters offer the same choices, gathered from every part.
        assert _options(page) == whole_options
        if params in SAME_SETS:
            assert sorted(titles(parted)) == sorted(titles(whole)), params
        else:
            assert titles(parted) == titles(whole), params


def test_newest_first_across_parts_lists_every_page_by_date(page, many_parts_url):
    found = search(page, many_parts_url, loai="Tin bài")
    page.get_by_role("button", name="Xem thêm kết quả").click()
    page.wait_for_function("document.querySelectorAll('.search-result').length > 10")
    dates = page.eval_on_selector_all(
        ".search-result time", "times => times.map(time => time.dateTime)"
    )
    assert len(dates) == len(results(page)) > 10
    assert dates == sorted(dates, reverse=True)
    assert len(found) == 10
