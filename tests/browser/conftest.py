"""Fixtures for the browser checks: one page of each type, desktop and phone tabs."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest

from audit.pages import page_types
from tests.a11y import DESKTOP, PHONE


@pytest.fixture(scope="session")
def demo_pages(built_site: Path) -> dict[str, str]:
    """``{page type: URL path}`` of the built demo portal (audit/pages.py)."""
    return page_types(built_site)


def _tab(browser, device: dict) -> Iterator:
    context = browser.new_context(locale="vi-VN", timezone_id="Asia/Ho_Chi_Minh", **device)
    tab = context.new_page()
    yield tab
    context.close()


@pytest.fixture
def desktop(browser) -> Iterator:
    """A fresh 1280x800 tab."""
    yield from _tab(browser, DESKTOP)


@pytest.fixture
def phone(browser) -> Iterator:
    """A fresh tab of a 375-px-wide touch phone."""
    yield from _tab(browser, PHONE)
