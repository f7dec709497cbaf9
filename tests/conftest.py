"""Fixtures: the demo site built once, throwaway sites, a served site, Chromium."""

from __future__ import annotations

import logging
import os
from collections.abc import Callable, Iterator
from pathlib import Path

import pytest
from pelican.log import init as init_pelican_logging

from tests.support import (
    CHROMIUM,
    CHROMIUM_ARGS,
    DEMO_CONTENT,
    build_site,
    serve,
    write_files,
)

# As in CI: any Pelican warning fails the build under test.
init_pelican_logging(level=logging.WARNING, fatal="warnings")


@pytest.fixture(scope="session")
def built_site(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The demo portal, built once per test session; returns its output folder."""
    return build_site(DEMO_CONTENT, tmp_path_factory.mktemp("demo-site"))


@pytest.fixture
def make_site(tmp_path: Path) -> Callable[..., Path]:
    """Build a throwaway site from ``{relative path: text}``; return its output."""

    def _make_site(files: dict[str, str | bytes], **overrides) -> Path:
        content = write_files(tmp_path / "content", files)
        return build_site(content, tmp_path / "output", **overrides)

    return _make_site


@pytest.fixture(scope="session")
def demo_url(built_site: Path) -> Iterator[str]:
    """The demo portal served on 127.0.0.1 for the whole session."""
    with serve(built_site) as url:
        yield url


@pytest.fixture(scope="session")
def browser():
    """Headless Debian Chromium driven by Playwright (never a downloaded browser)."""
    if not Path(CHROMIUM).exists():
        if os.environ.get("CI"):
            pytest.fail(f"{CHROMIUM} is missing: .ci/run must install Debian's chromium")
        pytest.skip(f"{CHROMIUM} not installed (apt-get install chromium)")
    from playwright.sync_api import sync_playwright  # noqa: PLC0415 - heavy import

    with sync_playwright() as playwright:
        instance = playwright.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
        yield instance
        instance.close()


@pytest.fixture
def page(browser):
    """A fresh browser tab (own context: no shared cookies or storage)."""
    context = browser.new_context(locale="vi-VN", timezone_id="Asia/Ho_Chi_Minh")
    tab = context.new_page()
    yield tab
    context.close()
