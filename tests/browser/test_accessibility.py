"""axe-core in Chromium: no WCAG 2.1 A/AA violation on any page type of the demo.

Every page type (audit/pages.py) is checked on a desktop screen and on a
375-px phone, with its scripts run (search results, date picker, counter) so
what axe sees is what a reader gets. Colour contrast is among the rules.
"""

from __future__ import annotations

import pytest

from audit.pages import PAGE_TYPES
from tests.a11y import axe_violations

pytestmark = pytest.mark.browser


@pytest.mark.parametrize("kind", PAGE_TYPES)
@pytest.mark.parametrize("device", ["desktop", "phone"])
def test_page_type_has_no_wcag_violation(request, demo_url, demo_pages, kind, device):
    tab = request.getfixturevalue(device)
    tab.goto(demo_url + demo_pages[kind], wait_until="load")
    assert axe_violations(tab) == [], f"{kind} ({device}): {demo_pages[kind]}"


@pytest.mark.parametrize("device", ["desktop", "phone"])
def test_search_results_have_no_wcag_violation(request, demo_url, demo_pages, device):
    """The results list, the filters and the status line, as search.js draws them."""
    tab = request.getfixturevalue(device)
    tab.goto(f"{demo_url}{demo_pages['search']}?q=hoi+nghi", wait_until="load")
    tab.locator(".search-result").first.wait_for()
    assert axe_violations(tab) == []


def test_axe_sees_low_contrast_text(desktop, demo_url):
    """The check itself works: pale grey text on white is reported."""
    desktop.goto(demo_url + "/", wait_until="load")
    desktop.add_style_tag(content=".home-block__title a { color: #bbbbbb !important; }")
    violations = axe_violations(desktop)
    assert violations
    assert all(line.startswith("color-contrast:") for line in violations)
