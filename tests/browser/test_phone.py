"""Every page type on a 375-px-wide phone: nothing makes the reader scroll sideways.

Wide tables and long document numbers may scroll inside their own box (a
focusable region), never the page; nothing may stick out of the screen and be
cut off by an ``overflow: hidden`` either.
"""

from __future__ import annotations

import pytest

from audit.pages import PAGE_TYPES

pytestmark = pytest.mark.browser

# Elements whose right edge passes the screen's, unless a scrolling or clipping
# box of their own (not the page's) holds them.
OVERFLOWING_JS = """
() => {
  const width = document.documentElement.clientWidth;
  const out = [];
  for (const el of document.body.querySelectorAll("*")) {
    const box = el.getBoundingClientRect();
    if (box.width === 0 || box.right <= width + 1) continue;
    let held = false;
    for (let up = el.parentElement; up && up !== document.body; up = up.parentElement) {
      if (getComputedStyle(up).overflowX !== "visible") { held = true; break; }
    }
    if (!held) out.push(`${el.tagName.toLowerCase()}.${el.className}: right edge ${box.right}`);
  }
  return out;
}
"""


def _sideways(tab) -> list[str]:
    widths = tab.evaluate(
        "[document.documentElement.scrollWidth, document.documentElement.clientWidth,"
        " document.body.scrollWidth]"
    )
    problems = tab.evaluate(OVERFLOWING_JS)
    page_width, screen, body_width = widths
    if max(page_width, body_width) > screen:
        problems.insert(0, f"page is {max(page_width, body_width)} px wide on a {screen} px screen")
    return problems


@pytest.mark.parametrize("kind", PAGE_TYPES)
def test_page_type_fits_a_phone_screen(phone, demo_url, demo_pages, kind):
    phone.goto(demo_url + demo_pages[kind], wait_until="networkidle")
    assert phone.evaluate("window.innerWidth") == 375
    problems = _sideways(phone)
    assert not problems, f"{kind} {demo_pages[kind]}:\n" + "\n".join(problems)


def test_search_results_fit_a_phone_screen(phone, demo_url, demo_pages):
    phone.goto(f"{demo_url}{demo_pages['search']}?q=van+ban", wait_until="networkidle")
    phone.locator(".search-result").first.wait_for()
    problems = _sideways(phone)
    assert not problems, "\n".join(problems)


def test_check_sees_a_page_too_wide_for_the_phone(phone, demo_url):
    """The check itself works: a 500-px block makes the page scroll sideways."""
    phone.goto(demo_url + "/", wait_until="load")
    phone.add_style_tag(content=".site-footer__name { width: 500px; }")
    assert _sideways(phone)
