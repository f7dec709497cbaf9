"""The live preview in Chromium: a saved edit shows up without pressing reload."""

from __future__ import annotations

from pathlib import Path

import pytest
from live_preview import hot
from live_preview.preview import preview_overrides, rebuild, refresh, start_server
from playwright.sync_api import expect

from tests.support import ROOT, copy_demo_content

pytestmark = pytest.mark.browser


SETTINGS_FILE = ROOT / "pelicanconf.py"


def _preview(tmp_path: Path) -> tuple[Path, dict]:
    """The demo site built by the preview: (output folder, preview settings)."""
    content = copy_demo_content(tmp_path / "content")
    output = tmp_path / "preview"
    overrides = preview_overrides(output, {"PATH": str(content), "CACHE_PATH": str(tmp_path)})
    assert rebuild(SETTINGS_FILE, overrides).ok
    return output, overrides


def test_the_open_page_reloads_with_the_edit(tmp_path, page):
    output, overrides = _preview(tmp_path)
    settings_file = SETTINGS_FILE
    kept = hot.model()
    assert kept is not None
    article = kept.articles.articles[len(kept.articles.articles) // 2]
    source = Path(article.source_path)
    server, state = start_server(output, "127.0.0.1", 0)
    try:
        page.goto(f"http://127.0.0.1:{server.server_address[1]}/{article.url}")
        body = page.locator(".article__body")
        expect(body).not_to_contain_text("Đính chính")
        source.write_text(
            source.read_text(encoding="utf-8") + "\nĐính chính: số liệu đã được cập nhật.\n",
            encoding="utf-8",
        )
        quick, outcome = refresh([source], settings_file, overrides, lambda line: None, state.bump)
        assert quick is not None
        assert outcome.ok
        # reload.js polls the build number each second and reloads the page.
        expect(body).to_contain_text("Đính chính: số liệu đã được", timeout=10_000)
        # The files on disk are the site's: the reload script is added on the fly.
        assert "__preview__" not in (output / article.save_as).read_text(encoding="utf-8")
    finally:
        server.shutdown()
        server.server_close()


def test_a_listing_open_in_the_browser_shows_a_new_summary_at_once(tmp_path, page):
    output, overrides = _preview(tmp_path)
    settings_file = SETTINGS_FILE
    articles = hot.model().articles.articles
    # An older article: not in the sidebar's newest, so its edit is shown in full.
    article = articles[len(articles) // 2]
    source = Path(article.source_path)
    category_url = article.category.url
    server, state = start_server(output, "127.0.0.1", 0)
    try:
        page.goto(f"http://127.0.0.1:{server.server_address[1]}/{category_url}")
        listing = page.locator("main")
        expect(listing).not_to_contain_text("Tóm tắt mới của ban biên tập")
        text = source.read_text(encoding="utf-8")
        source.write_text(
            text.replace("Summary: ", "Summary: Tóm tắt mới của ban biên tập. ", 1),
            encoding="utf-8",
        )
        lines: list[str] = []
        quick, outcome = refresh(
            [source], settings_file, overrides, lines.append, state.bump, check=False
        )
        # Shown in full by the hot path: no build ran yet.
        assert quick is not None and quick.complete and outcome is None
        assert any(name.startswith(category_url) for name in quick.pages)
        expect(listing).to_contain_text("Tóm tắt mới của ban biên tập", timeout=10_000)
    finally:
        server.shutdown()
        server.server_close()
