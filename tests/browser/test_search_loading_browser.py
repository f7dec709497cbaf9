"""The search page while its script loads, and when it cannot (issue 19).

Readers on slow phones saw "JavaScript is off" for seconds before search.js
hid it. The warning belongs in <noscript> or after a real load failure; while
loading, a neutral message.
"""

from __future__ import annotations

import pytest

pytestmark = pytest.mark.browser

JS_OFF = "đang tắt JavaScript"


def test_loading_search_shows_no_javascript_warning(page, demo_url, demo_pages):
    held = []  # search.js requests, answered only once the page is checked
    page.route("**/js/search.js*", lambda route: held.append(route))  # noqa: PLW0108 - Playwright needs a Python function
    page.goto(f"{demo_url}{demo_pages['search']}?q=hoi+nghi", wait_until="commit")
    page.locator(".site-footer").wait_for()  # parsed; deferred scripts still wait
    body = page.locator("main")
    assert JS_OFF not in body.inner_text()
    assert page.get_by_text("Đang tải công cụ tìm kiếm").is_visible()
    for route in held:
        route.continue_()
    page.locator(".search-result").first.wait_for()
    assert not page.get_by_text("Đang tải công cụ tìm kiếm").is_visible()
    assert JS_OFF not in body.inner_text()


def test_script_that_never_arrives_is_explained_without_blaming_the_reader(
    page, demo_url, demo_pages
):
    page.route("**/js/search.js*", lambda route: route.abort())
    page.goto(demo_url + demo_pages["search"], wait_until="load")
    assert JS_OFF not in page.locator("main").inner_text()
    hint = page.get_by_text("tải lại trang")
    hint.wait_for(timeout=15000)
    assert hint.is_visible()


def test_index_that_fails_to_load_says_so(page, demo_url, demo_pages):
    page.route("**/pagefind/**", lambda route: route.abort())
    page.goto(demo_url + demo_pages["search"], wait_until="load")
    message = page.locator("[data-search-fallback]")
    message.wait_for()
    assert "Chưa tải được công cụ tìm kiếm" in message.inner_text()
    assert not page.get_by_text("Đang tải công cụ tìm kiếm").is_visible()


def test_without_javascript_the_warning_shows_at_once(browser, demo_url, demo_pages):
    context = browser.new_context(java_script_enabled=False, locale="vi-VN")
    tab = context.new_page()
    tab.goto(demo_url + demo_pages["search"], wait_until="load")
    assert JS_OFF in tab.locator(".search-page__fallback").filter(visible=True).inner_text()
    assert not tab.get_by_text("Đang tải công cụ tìm kiếm").is_visible()
    context.close()


def _pages_with_phrase(site, phrase: str) -> int:
    """Indexed pages (their data-pagefind-body parts) holding ``phrase``, tones folded."""
    import re  # noqa: PLC0415

    from portal_core.text import fold  # noqa: PLC0415
    from tests.support import soup  # noqa: PLC0415

    wanted = re.compile(r"(?<!\w)" + r"\W+".join(map(re.escape, phrase.split())))
    count = 0
    for path in site.rglob("*.html"):
        parts = soup(path).select("[data-pagefind-body]")
        text = fold(" ".join(part.get_text(" ") for part in parts))
        count += bool(parts and wanted.search(text))
    return count


def test_phrase_count_is_said_and_phrase_matches_come_first(page, built_site, demo_url):
    expected = _pages_with_phrase(built_site, "hoi nghi")
    page.goto(f"{demo_url}/tim-kiem/?q=hoi+nghi", wait_until="load")
    page.locator(".search-result").first.wait_for()
    status = page.locator("[data-search-status]")
    status.filter(has_text="cụm từ").wait_for()
    assert f"Có {expected} kết quả chứa đúng cụm từ “hoi nghi”" in status.inner_text()
