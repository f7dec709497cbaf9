"""Photo albums (issue 19): an album page with a grid and a keyboard-usable
full-size view (no script), the albums index, the sidebar's latest album,
and clear Vietnamese errors for uncaptioned photos."""

from __future__ import annotations

import pytest

from portal_core.runner import BuildFailed
from tests.support import soup

pytestmark = pytest.mark.browser

ALBUM_URL = "/album-anh/ngay-hoi-dai-doan-ket-toan-dan-toc-nam-2025/"


def test_album_viewer_works_with_the_keyboard(desktop, demo_url):
    desktop.goto(demo_url + ALBUM_URL, wait_until="load")
    views = desktop.locator(".album__view")
    assert views.count() >= 2
    assert not views.first.is_visible()
    first = desktop.locator(".album__thumb").first
    first.focus()
    desktop.keyboard.press("Enter")
    assert views.first.is_visible()
    caption = views.first.locator("figcaption").inner_text()
    assert caption and views.first.locator("img").get_attribute("alt") in caption
    views.first.get_by_role("link", name="Ảnh sau").focus()
    desktop.keyboard.press("Enter")
    assert views.nth(1).is_visible() and not views.first.is_visible()
    views.nth(1).get_by_role("link", name="Đóng").focus()
    desktop.keyboard.press("Enter")
    assert not views.nth(1).is_visible()
    assert not desktop.evaluate("[...document.scripts].some(s => s.src.includes('album'))")


def test_albums_index_and_sidebar_lead_to_the_album(built_site):
    index = soup(built_site / "album-anh/index.html")
    assert index.select_one(".album__card-title a")["href"] == ALBUM_URL
    home = soup(built_site / "index.html")
    assert home.select_one(".sidebar .latest-album a")["href"] == ALBUM_URL
    # Pages without an album carry none of its stylesheet.
    assert "album.css" not in (built_site / "index.html").read_text(encoding="utf-8")


def test_photo_without_caption_is_reported_with_its_line(make_site):
    from tests.publishing import jpeg  # noqa: PLC0415

    files = {
        "images/albums/a/1.jpg": jpeg(600, 400),
        "images/albums/a/2.jpg": jpeg(600, 400),
        "albums/a.md": "Title: Album A\nDate: 2024-03-15 08:00\nPhotos: images/albums/a\n\n"
        "- 1.jpg: Ảnh một.\n- 3.jpg: Ảnh ba.\n",
    }
    with pytest.raises(BuildFailed) as failure:
        make_site(files)
    messages = "\n".join(failure.value.messages)
    assert 'albums/a.md:3: Ảnh "2.jpg"' in messages and "chưa có dòng chú thích" in messages
    assert 'albums/a.md:6: Không thấy ảnh "3.jpg"' in messages
