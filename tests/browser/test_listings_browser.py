"""The "Đến trang" box and the "Xem theo ngày" control in headless Chromium.

A tiny portal served under a sub-path (/phuong/) as a unit's site often is:
45 articles of one category a day apart (3 listing pages), then two articles
ten days apart so that 15/03/2023 is a day without articles.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterator

import pytest

from tests.support import build_site, serve, write_files

pytestmark = pytest.mark.browser

PREFIX = "/phuong"
CATEGORY = f"{PREFIX}/chuyen-muc/tin-tuc-su-kien/"


def article(title: str, when: dt.datetime, category: str) -> str:
    return (
        f"Title: {title}\nDate: {when:%Y-%m-%d %H:%M}\nCategory: {category}\n"
        f"Summary: Tóm tắt {title.lower()}.\n\nNội dung {title.lower()}.\n"
    )


@pytest.fixture(scope="module")
def site_url(tmp_path_factory: pytest.TempPathFactory) -> Iterator[str]:
    files = {}
    for number in range(1, 46):
        when = dt.datetime(2023, 1, 1, 8, 0) + dt.timedelta(days=number - 1)
        files[f"articles/tin/{number}.md"] = article(f"Tin số {number}", when, "Tin tức sự kiện")
    for day in (10, 20):
        when = dt.datetime(2023, 3, day, 9, 30)
        title = f"Hội nghị {day}"
        files[f"articles/mat-tran/{day}.md"] = article(title, when, "Hoạt động Mặt trận")
    root = tmp_path_factory.mktemp("listings-browser")
    site = build_site(
        write_files(root / "content", files), root / "site", SITEURL=PREFIX, VISITOR_COUNTER=None
    )
    with serve(site, prefix=PREFIX) as url:
        yield url.removesuffix(PREFIX)


@pytest.fixture
def errors(page) -> list[str]:
    found: list[str] = []
    page.on("pageerror", lambda error: found.append(str(error)))
    return found


def listed(page) -> list[str]:
    """Titles of the listing on the page (typogrify ties numbers with a no-break space)."""
    titles = page.locator("main .article-list__title").all_text_contents()
    return [title.replace("\xa0", " ") for title in titles]


def jump(page, value: str) -> None:
    page.get_by_label("Đến trang").fill(value)
    page.get_by_role("button", name="Đi").click()


def test_page_jump_opens_the_page_typed(page, site_url, errors):
    page.goto(site_url + CATEGORY)
    jump(page, "3")
    page.wait_for_url(site_url + CATEGORY + "trang-3/")
    assert page.locator(".pagination__status").inner_text() == "Trang 3 / 3"
    jump(page, "1")
    page.wait_for_url(site_url + CATEGORY)
    assert errors == []


def test_page_jump_refuses_a_page_that_does_not_exist(page, site_url, errors):
    page.goto(site_url + CATEGORY + "trang-2/")
    box = page.get_by_label("Đến trang")
    message = page.locator(".page-jump__message")
    for wrong in ("7", "0", "-1", "1.5", ""):
        jump(page, wrong)
        assert "từ 1 đến 3" in message.inner_text(), wrong
        assert box.get_attribute("aria-invalid") == "true"
        assert box.evaluate("element => element === document.activeElement")
        assert page.url == site_url + CATEGORY + "trang-2/"
    assert message.inner_text().startswith("Nhập số trang")
    jump(page, "7")
    assert message.inner_text().startswith("Không có trang 7: danh sách này có 3 trang.")
    jump(page, "2")
    assert message.inner_text() == "Bạn đang ở trang 2."
    assert box.get_attribute("aria-invalid") is None
    assert errors == []


def test_date_control_opens_the_archive_of_that_day(page, site_url, errors):
    page.goto(site_url + f"{PREFIX}/2023/01/20/tin-so-20/")
    page.get_by_label("Chọn ngày").fill("2023-02-03")
    page.get_by_role("button", name="Xem", exact=True).click()
    page.wait_for_url(site_url + f"{PREFIX}/2023/02/03/")
    assert page.locator("h1").text_content() == "Tin ngày 03/02/2023"
    assert listed(page) == ["Tin số 34"]
    assert errors == []


def test_a_day_without_articles_offers_the_nearest_days(page, site_url, errors):
    page.goto(site_url + CATEGORY)
    page.get_by_label("Chọn ngày").fill("2023-03-15")
    page.get_by_role("button", name="Xem", exact=True).click()
    result = page.locator(".date-picker__result")
    assert result.locator("p").inner_text() == "Ngày 15/03/2023 không có tin nào."
    offers = result.get_by_role("link")
    assert offers.all_inner_texts() == ["10/03/2023 (1 tin)", "20/03/2023 (1 tin)"]
    assert page.url == site_url + CATEGORY
    offers.last.click()
    page.wait_for_url(site_url + f"{PREFIX}/2023/03/20/")
    assert listed(page) == ["Hội nghị 20"]
    assert errors == []


def test_a_day_before_the_first_offers_only_the_first_day(page, site_url):
    page.goto(site_url + f"{PREFIX}/tin-da-dua/")
    page.get_by_label("Chọn ngày").fill("2022-12-25")
    page.get_by_role("button", name="Xem", exact=True).click()
    result = page.locator(".date-picker__result")
    assert result.locator("p").inner_text() == "Ngày 25/12/2022 không có tin nào."
    assert result.get_by_role("link").all_inner_texts() == ["01/01/2023 (1 tin)"]
    assert "Ngày gần nhất sau đó" in result.inner_text()


def test_an_empty_date_is_refused_with_a_message(page, site_url):
    page.goto(site_url + CATEGORY)
    page.get_by_role("button", name="Xem", exact=True).click()
    assert page.locator(".date-picker__error").inner_text().startswith("Hãy chọn một ngày")
    assert page.get_by_label("Chọn ngày").get_attribute("aria-invalid") == "true"


def test_without_javascript_links_reach_every_page_and_day(browser, site_url):
    context = browser.new_context(java_script_enabled=False, locale="vi-VN")
    page = context.new_page()
    try:
        page.goto(site_url + CATEGORY)
        assert not page.locator("form.page-jump").is_visible()
        assert not page.locator("form.date-picker__form").is_visible()
        page.get_by_role("link", name="Trang cuối, trang 3").click()
        page.wait_for_url(site_url + CATEGORY + "trang-3/")
        page.get_by_role("link", name="Các ngày có tin (Lưu trữ)").click()
        page.wait_for_url(site_url + f"{PREFIX}/luu-tru/")
        page.get_by_role("link", name="Ngày 10/03/2023, 1 tin").click()
        page.wait_for_url(site_url + f"{PREFIX}/2023/03/10/")
        assert page.locator("h1").text_content() == "Tin ngày 10/03/2023"
    finally:
        context.close()
