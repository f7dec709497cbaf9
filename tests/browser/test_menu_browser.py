"""The site menu on phones and desktops (issue 19).

Phones: the menu hides behind one "☰ Danh mục" button that works without
JavaScript, so the first title of every page type is on the first screen.
Desktops: one row, with "Tin tức" and "Giới thiệu" opening a second level by
click or keyboard (a disclosure, never hover-only).
"""

from __future__ import annotations

from collections.abc import Iterator

import pytest

from audit.pages import PAGE_TYPES

pytestmark = pytest.mark.browser

# The bottom edge (page coordinates) of what a reader looks for first: the
# title of a single page, else the first item of a list, else the heading.
FIRST_TITLE_JS = """
() => {
  const main = document.querySelector("main");
  const shown = (el) => el && el.getBoundingClientRect().height > 0;
  const pick = (sel) => [...main.querySelectorAll(sel)].find(shown);
  const item = pick(".article__title, .document__title")
    || pick(".featured__title, .article-list__title, .search-result__title,"
            + " .doc-register__number, .notice-item__title")
    || pick("h1");
  return item ? item.getBoundingClientRect().bottom + window.scrollY : null;
}
"""

SCREENS = {"390x844": (390, 844), "320x640": (320, 640)}


def _tab(browser, width: int, height: int, *, javascript: bool = True) -> Iterator:
    context = browser.new_context(
        viewport={"width": width, "height": height},
        is_mobile=True,
        has_touch=True,
        locale="vi-VN",
        java_script_enabled=javascript,
    )
    yield context.new_page()
    context.close()


@pytest.fixture(params=[True, False], ids=["js", "no-js"])
def phone390(browser, request) -> Iterator:
    yield from _tab(browser, 390, 844, javascript=request.param)


@pytest.fixture
def small_phone(browser) -> Iterator:
    yield from _tab(browser, 320, 640)


@pytest.fixture
def phone_no_js(browser) -> Iterator:
    yield from _tab(browser, 390, 844, javascript=False)


@pytest.mark.parametrize("kind", PAGE_TYPES)
def test_first_title_is_on_the_first_phone_screen(phone390, demo_url, demo_pages, kind):
    phone390.goto(demo_url + demo_pages[kind], wait_until="load")
    bottom = phone390.evaluate(FIRST_TITLE_JS)
    assert bottom is not None, f"{kind}: no title found"
    assert bottom <= 844, f"{kind} {demo_pages[kind]}: first title ends at {bottom:.0f} px"


@pytest.mark.parametrize("kind", ["home", "article", "category", "notice", "page"])
def test_first_title_is_on_the_first_small_phone_screen(small_phone, demo_url, demo_pages, kind):
    small_phone.goto(demo_url + demo_pages[kind], wait_until="load")
    bottom = small_phone.evaluate(FIRST_TITLE_JS)
    assert bottom <= 640, f"{kind} {demo_pages[kind]}: first title ends at {bottom:.0f} px"


def test_menu_button_opens_the_menu_without_javascript(phone_no_js, demo_url, demo_pages):
    tab = phone_no_js
    tab.goto(demo_url + demo_pages["article"], wait_until="load")
    button = tab.get_by_text("☰ Danh mục")
    assert button.is_visible()
    notices = tab.locator(".site-nav a", has_text="Thông báo")
    assert not notices.is_visible(), "the menu is open before the reader asks"
    button.click()
    assert notices.is_visible()
    # The groups open in place, too.
    category = tab.locator(".site-nav__sub a").first
    assert not category.is_visible()
    tab.locator(".site-nav summary", has_text="Tin tức").click()
    assert category.is_visible()


def test_desktop_menu_is_one_row_with_two_levels(desktop, demo_url):
    desktop.goto(demo_url + "/", wait_until="load")
    assert not desktop.get_by_text("☰ Danh mục").is_visible()
    tops = desktop.eval_on_selector_all(
        ".site-nav__item",
        "items => items.filter(i => i.offsetParent).map(i => i.getBoundingClientRect().top)",
    )
    assert len(tops) >= 5
    assert len(set(tops)) == 1, f"the menu wraps: {tops}"
    sub = desktop.locator(".site-nav__sub a").first
    assert not sub.is_visible()


def test_desktop_submenu_opens_and_closes_with_the_keyboard(desktop, demo_url):
    desktop.goto(demo_url + "/", wait_until="load")
    news = desktop.locator(".site-nav summary", has_text="Tin tức")
    news.focus()
    desktop.keyboard.press("Enter")
    group = desktop.locator(".site-nav__group", has=desktop.locator("summary", has_text="Tin tức"))
    first = group.locator(".site-nav__sub a").first
    assert first.is_visible()
    desktop.keyboard.press("Tab")
    assert desktop.evaluate("document.activeElement.closest('.site-nav__sub') !== null")
    desktop.keyboard.press("Escape")
    assert not first.is_visible()
    assert desktop.evaluate("document.activeElement.tagName") == "SUMMARY"
    # Screen readers hear a collapsed/expanded control.
    snapshot = desktop.locator(".site-nav").aria_snapshot()
    assert "Tin tức" in snapshot


def test_about_menu_lists_the_pages(desktop, demo_url):
    desktop.goto(demo_url + "/", wait_until="load")
    about = desktop.locator("summary", has_text="Giới thiệu")
    about.click()
    group = desktop.locator(".site-nav__group", has=about)
    links = group.locator(".site-nav__sub a")
    assert links.count() >= 1
    assert links.first.is_visible()


def test_article_marks_its_category_in_the_menu(desktop, demo_url, demo_pages):
    desktop.goto(demo_url + demo_pages["article"], wait_until="load")
    crumb = desktop.locator(".breadcrumbs a").last.get_attribute("href")
    current = desktop.locator(".site-nav a[aria-current]")
    assert current.count() == 1
    assert current.get_attribute("aria-current") == "true"
    assert current.get_attribute("href").rstrip("/").endswith(crumb.rstrip("/"))
    group = desktop.locator(".site-nav__group", has=desktop.locator("a[aria-current]"))
    group = group.locator("summary")
    assert "site-nav__summary--current" in (group.get_attribute("class") or "")


# Words of an element grouped by the line they sit on.
LINES_JS = """
(el) => {
  const text = el.firstChild;
  const lines = new Map();
  const re = /\\S+/g;
  let m;
  while ((m = re.exec(text.data))) {
    const range = document.createRange();
    range.setStart(text, m.index);
    range.setEnd(text, m.index + m[0].length);
    const top = Math.round(range.getBoundingClientRect().top);
    lines.set(top, (lines.get(top) || []).concat(m[0]));
  }
  return [...lines.values()];
}
"""


@pytest.mark.parametrize("width", [1366, 390, 320])
def test_site_name_never_leaves_one_word_alone(browser, demo_url, width):
    context = browser.new_context(viewport={"width": width, "height": 800}, locale="vi-VN")
    tab = context.new_page()
    tab.goto(demo_url + "/", wait_until="load")
    lines = tab.eval_on_selector(".site-header__name", LINES_JS)
    context.close()
    if len(lines) > 1:
        assert all(len(words) > 1 for words in lines), lines


def test_desktop_menu_shows_without_javascript(browser, demo_url):
    context = browser.new_context(
        viewport={"width": 1280, "height": 800}, locale="vi-VN", java_script_enabled=False
    )
    tab = context.new_page()
    tab.goto(demo_url + "/", wait_until="load")
    assert tab.locator(".site-nav a", has_text="Thông báo").is_visible()
    tab.locator(".site-nav summary", has_text="Tin tức").click()
    assert tab.locator(".site-nav__sub a").first.is_visible()
    context.close()
