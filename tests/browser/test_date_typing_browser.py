""" "Xem theo ngày" typed the Vietnamese way, whatever the browser's language
(issue 19): 15032026 or 15/03/2026 is 15 March 2026, never an error."""

from __future__ import annotations

from collections.abc import Iterator

import pytest

pytestmark = pytest.mark.browser


@pytest.fixture(params=["en-US", "vi-VN"])
def tab(browser, request) -> Iterator:
    context = browser.new_context(locale=request.param, viewport={"width": 1280, "height": 800})
    yield context.new_page()
    context.close()


def _day(demo_pages) -> tuple[str, str]:
    """A day of the demo with articles: its URL path and its digits ddmmyyyy."""
    path = demo_pages["day"]
    year, month, day = path.strip("/").split("/")
    return path, f"{day}{month}{year}"


@pytest.mark.parametrize("style", ["digits", "slashes"])
def test_typed_day_opens_its_archive(tab, demo_url, demo_pages, style):
    path, digits = _day(demo_pages)
    typed = digits if style == "digits" else f"{digits[:2]}/{digits[2:4]}/{digits[4:]}"
    tab.goto(demo_url + demo_pages["category"], wait_until="load")
    field = tab.get_by_label("Chọn ngày", exact=True)
    field.click()
    tab.keyboard.type(typed)
    assert field.input_value() == f"{digits[:2]}/{digits[2:4]}/{digits[4:]}"
    tab.keyboard.press("Enter")
    tab.wait_for_url(demo_url + path)


def test_calendar_fills_the_typed_field(tab, demo_url, demo_pages):
    path, digits = _day(demo_pages)
    tab.goto(demo_url + demo_pages["category"], wait_until="load")
    iso = f"{digits[4:]}-{digits[2:4]}-{digits[:2]}"
    tab.get_by_label("Chọn trên lịch").fill(iso)
    assert tab.get_by_label("Chọn ngày", exact=True).input_value() == (
        f"{digits[:2]}/{digits[2:4]}/{digits[4:]}"
    )
    tab.get_by_role("button", name="Xem", exact=True).click()
    tab.wait_for_url(demo_url + path)


def test_impossible_day_is_refused_in_vietnamese(tab, demo_url, demo_pages):
    tab.goto(demo_url + demo_pages["category"], wait_until="load")
    tab.get_by_label("Chọn ngày", exact=True).fill("31/02/2024")
    tab.get_by_role("button", name="Xem", exact=True).click()
    assert "ngày/tháng/năm" in tab.locator(".date-picker__error").inner_text()
