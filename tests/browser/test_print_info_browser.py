"""Printing notices and pages (issue 19): a "Bản in" button on notices, and
every printed page says where it came from and when it was printed."""

from __future__ import annotations

import datetime as dt
from zoneinfo import ZoneInfo

import pytest

pytestmark = pytest.mark.browser


def test_notice_has_a_print_button(desktop, demo_url, demo_pages):
    desktop.goto(demo_url + demo_pages["notice"], wait_until="load")
    button = desktop.get_by_role("button", name="Bản in")
    assert button.is_visible()
    desktop.evaluate("() => { window.__printed = 0; window.print = () => window.__printed++; }")
    button.click()
    assert desktop.evaluate("window.__printed") == 1


@pytest.mark.parametrize("kind", ["article", "notice", "document", "page"])
def test_printed_page_shows_its_address_and_print_date(desktop, demo_url, demo_pages, kind):
    url = demo_url + demo_pages[kind]
    desktop.goto(url, wait_until="load")
    info = desktop.locator(".print-info")
    assert not info.is_visible(), "the print line shows on screen"
    desktop.emulate_media(media="print")
    assert info.is_visible()
    text = info.inner_text()
    assert url in text
    today = dt.datetime.now(ZoneInfo("Asia/Ho_Chi_Minh")).strftime("%d/%m/%Y")
    assert today in text
