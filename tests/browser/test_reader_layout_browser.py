"""Layout details readers noticed (issue 19): the featured photo fills its
side of the block, and "Tin đã đưa" summaries stay readable on phones."""

from __future__ import annotations

import pytest

pytestmark = pytest.mark.browser


@pytest.mark.parametrize("width", [1280, 1366, 1024])
def test_featured_photo_leaves_no_empty_space_under_it(browser, demo_url, width):
    context = browser.new_context(viewport={"width": width, "height": 900}, locale="vi-VN")
    tab = context.new_page()
    tab.goto(demo_url + "/", wait_until="load")
    gap = tab.evaluate(
        """() => {
          const box = document.querySelector('.featured').getBoundingClientRect();
          const photo = document.querySelector('.featured__image img').getBoundingClientRect();
          return box.bottom - photo.bottom;
        }"""
    )
    context.close()
    assert gap <= 1, f"{gap:.0f} px of empty space under the featured photo at {width} px"


def test_related_summaries_are_not_cut_to_one_line_on_phones(phone, demo_url, demo_pages):
    phone.goto(demo_url + demo_pages["article"], wait_until="load")
    shown = phone.eval_on_selector_all(
        ".related-articles .article-list__summary",
        """items => items.map(el => {
          const line = parseFloat(getComputedStyle(el).lineHeight);
          return {text: el.textContent.trim().length, lines: Math.round(el.clientHeight / line)};
        })""",
    )
    long = [item for item in shown if item["text"] > 80]
    assert long, "the demo article has no long related summary"
    assert all(item["lines"] >= 2 for item in long), shown
