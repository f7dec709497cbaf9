"""Keyboard-only use of every page type: skip link, visible focus, every control.

A reader who cannot use a mouse presses Tab. The first Tab must land on "Bỏ
qua, đến nội dung chính", which must then appear on screen and, with Enter,
move focus to the main content. Tabbing on through the page must reach every
link, button and field a mouse user could click, in turn, each with a focus
ring that stands out (3:1) from what surrounds it.
"""

from __future__ import annotations

import pytest

from audit.pages import PAGE_TYPES
from tests.a11y import FOCUS_STATE_JS, FOCUSABLE, MARK_FOCUSABLE_JS, indicator_contrast

pytestmark = pytest.mark.browser

SKIP_LINK_TEXT = "Bỏ qua, đến nội dung chính"


def _focus_problems(state: dict) -> list[str]:
    problems = []
    if indicator_contrast(state) < 3:  # WCAG 1.4.11: non-text contrast
        ring, sides = state["outlineColor"], state["backgrounds"]
        problems.append(f"focus ring hard to see ({ring} on {sides})")
    left, top, width, height = state["box"]
    view_width, view_height = state["viewport"]
    if width <= 0 or height <= 0 or left + width <= 0 or left >= view_width:
        problems.append("focused element is not on screen")
    if top + height <= 0 or top >= view_height:
        problems.append("focused element is scrolled out of view")
    return problems


@pytest.mark.parametrize("kind", PAGE_TYPES)
def test_skip_link_comes_first_and_moves_focus_to_main(desktop, demo_url, demo_pages, kind):
    desktop.goto(demo_url + demo_pages[kind], wait_until="networkidle")
    desktop.keyboard.press("Tab")
    skip = desktop.locator(":focus")
    english = kind.startswith("english")  # the /en/ pages speak English throughout
    assert skip.inner_text() == ("Skip to main content" if english else SKIP_LINK_TEXT)
    assert skip.is_visible()
    assert _focus_problems(desktop.evaluate(FOCUS_STATE_JS)) == []
    desktop.keyboard.press("Enter")
    assert desktop.evaluate("location.hash") == "#main-content"
    assert desktop.evaluate("document.activeElement.id") == "main-content"
    desktop.keyboard.press("Tab")
    # The next Tab continues inside the main content, not back in the header.
    assert desktop.evaluate(
        "document.getElementById('main-content').contains(document.activeElement)"
    ), desktop.evaluate("document.activeElement.outerHTML.slice(0, 120)")


def _tab_through(tab) -> tuple[list[str], list[str]]:
    """Press Tab through the whole page: (controls never reached, focus problems)."""
    controls = tab.evaluate(MARK_FOCUSABLE_JS, FOCUSABLE)
    assert len(controls) > 5
    reached: dict[str, dict] = {}
    problems = []
    # A date field takes one Tab per part (day, month, year): allow for it.
    for _ in range(3 * len(controls) + 10):
        tab.keyboard.press("Tab")
        state = tab.evaluate(FOCUS_STATE_JS)
        if state is None or (state["key"] in reached and state["key"] == next(iter(reached))):
            break  # focus left the page (to the browser) or came round again
        if state["key"] not in reached:
            reached[state["key"]] = state
            problems += [f"{state['html']}: {why}" for why in _focus_problems(state)]
    unreached = [control["html"] for control in controls if control["key"] not in reached]
    return unreached, problems


@pytest.mark.parametrize("kind", PAGE_TYPES)
def test_tab_reaches_every_control_with_a_visible_focus_ring(desktop, demo_url, demo_pages, kind):
    desktop.goto(demo_url + demo_pages[kind], wait_until="networkidle")
    unreached, problems = _tab_through(desktop)
    assert not unreached, f"{kind}: not reachable with Tab:\n" + "\n".join(unreached)
    assert not problems, f"{kind}:\n" + "\n".join(problems)


def test_search_results_are_reachable_by_keyboard(desktop, demo_url, demo_pages):
    """Results, filters and "Xem thêm kết quả", as search.js draws them."""
    desktop.goto(f"{demo_url}{demo_pages['search']}?q=hoi+nghi", wait_until="networkidle")
    desktop.locator(".search-result").first.wait_for()
    unreached, problems = _tab_through(desktop)
    assert not unreached, "not reachable with Tab:\n" + "\n".join(unreached)
    assert not problems, "\n".join(problems)
