"""The profile's features that need a browser: register shortcuts, search."""

from __future__ import annotations

import pytest

pytestmark = pytest.mark.browser


def visible_types(page) -> list[str]:
    """The "Loại văn bản" cell of every register row the reader can see."""
    return page.eval_on_selector_all(
        "[data-doc-register] tbody tr",
        "rows => rows.filter(row => row.offsetParent !== null)"
        ".map(row => row.cells[3].textContent.trim())",
    )


@pytest.mark.parametrize("name", ["Công khai ngân sách", "Kế hoạch", "Báo cáo", "Chương trình"])
def test_register_shortcut_shows_only_that_type(page, demo_url, name):
    page.goto(demo_url + "/van-ban/", wait_until="networkidle")
    every = len(visible_types(page))
    page.get_by_role("navigation", name="Xem nhanh").get_by_role(
        "link", name=name, exact=True
    ).click()
    page.wait_for_load_state("networkidle")
    shown = visible_types(page)
    assert shown
    assert set(shown) == {name}
    assert len(shown) < every
    assert page.get_by_label("Loại văn bản").input_value() == name


def test_search_finds_a_procedure_typed_without_diacritics(page, demo_url):
    page.goto(demo_url + "/tim-kiem/?q=dang+ky+khai+sinh", wait_until="load")
    first = page.locator(".search-result").first
    first.wait_for()
    titles = page.locator(".search-result a").all_inner_texts()
    assert any("Thủ tục hành chính" in title for title in titles), titles
