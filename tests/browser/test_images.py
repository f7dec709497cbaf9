"""Five camera photos on a phone, arriving late as on a slow connection, in Chromium.

A reader on a cheap phone must download small copies, not 3 MB originals;
photos far down the article only when the reader scrolls to them; and the
text must not jump when a photo arrives (width/height reserve its place).
"""

from __future__ import annotations

import re
import time
from collections.abc import Iterator

import pytest

from tests.a11y import PHONE
from tests.photos import ARTICLE_URL, article_with_photos
from tests.support import build_site, serve, write_files

pytestmark = pytest.mark.browser

PREFIX = "/phuong"
# Photos reach a phone on a slow connection well after the text is shown.
PHOTO_DELAY_SECONDS = 0.8
# Layout shifts (as in CLS) that move the main content, from the first paint on.
# The sidebar's widgets are checked by their own tests.
RECORD_SHIFTS_JS = """
window.__shifts = 0;
window.__moved = [];
new PerformanceObserver((list) => {
  const main = document.getElementById("main-content");
  for (const entry of list.getEntries()) {
    const nodes = (entry.sources || []).map((source) => source.node).filter(Boolean);
    if (entry.hadRecentInput || !nodes.some((node) => main && main.contains(node))) continue;
    window.__shifts += entry.value;
    window.__moved.push(...nodes.map((node) => (node.outerHTML || "").slice(0, 80)));
  }
}).observe({type: "layout-shift", buffered: true});
"""
PHOTOS_JS = """
() => performance.getEntriesByType("resource")
  .filter((entry) => entry.initiatorType === "img" || /\\.(jpe?g|webp|png)$/.test(entry.name))
  .map((entry) => [new URL(entry.name).pathname, entry.decodedBodySize])
"""


@pytest.fixture(scope="module")
def photo_site(tmp_path_factory: pytest.TempPathFactory) -> Iterator[tuple[str, int]]:
    """The five-photo article served under a sub-path; yields (URL, bytes of originals)."""
    root = tmp_path_factory.mktemp("photos")
    files = article_with_photos(5)
    site = build_site(
        write_files(root / "content", files),
        root / "site",
        SITEURL=PREFIX,
        VISITOR_COUNTER=None,
        CACHE_PATH=str(root / "cache"),
    )
    originals = sum(len(data) for name, data in files.items() if name.endswith(".jpg"))
    with serve(site, PREFIX) as url:
        yield f"{url}/{ARTICLE_URL}", originals


def _open_slowly(tab, url: str) -> None:
    """Open ``url`` with the photos arriving late, recording layout shifts."""

    def late(route) -> None:
        time.sleep(PHOTO_DELAY_SECONDS)
        route.continue_()

    tab.route(re.compile(r"\.(jpe?g|webp|png)$"), late)
    tab.add_init_script(RECORD_SHIFTS_JS)
    tab.goto(url, wait_until="load")


def _scroll_to_the_end(tab) -> None:
    """Scroll down a screen at a time, as a reader does."""
    while tab.evaluate("window.scrollY + window.innerHeight < document.body.scrollHeight - 2"):
        tab.evaluate("window.scrollBy(0, window.innerHeight * 0.8)")
        tab.wait_for_timeout(100)
    tab.wait_for_function("Array.from(document.images).every((img) => img.complete)")


def test_phone_downloads_small_copies_and_later_photos_only_on_scroll(phone, photo_site):
    url, originals = photo_site
    _open_slowly(phone, url)
    first_screen = dict(phone.evaluate(PHOTOS_JS))
    assert any("/co-nho/" in path and "anh-1-" in path for path in first_screen)
    assert not any("anh-5-" in path for path in first_screen), "the last photo loaded at once"
    _scroll_to_the_end(phone)
    loaded = dict(phone.evaluate(PHOTOS_JS))
    photos = {path: size for path, size in loaded.items() if "/hoi-nghi" in path or "anh-" in path}
    assert sorted(re.search(r"anh-(\d)", path)[1] for path in photos) == list("12345")
    assert all("/co-nho/" in path for path in photos), "an original was downloaded"
    # 375 CSS pixels on a 2x screen: the 800-pixel copies are enough.
    assert all(int(re.search(r"-(\d+)\.\w+$", path)[1]) <= 800 for path in photos)
    assert sum(photos.values()) < originals / 10


@pytest.mark.parametrize("device", ["phone", "desktop"])
def test_text_does_not_jump_when_photos_arrive(request, photo_site, device):
    tab = request.getfixturevalue(device)
    _open_slowly(tab, photo_site[0])
    _scroll_to_the_end(tab)
    assert tab.evaluate("window.__shifts") < 0.01, tab.evaluate("window.__moved")


def test_without_width_and_height_the_text_would_jump(desktop, photo_site):
    """The shift check itself: the same page with the sizes removed does move."""
    url, _ = photo_site

    def strip_sizes(route) -> None:
        response = route.fetch()
        body = re.sub(r'\s(width|height)="\d+"', "", response.text())
        route.fulfill(response=response, body=body)

    desktop.route(url, strip_sizes)
    _open_slowly(desktop, url)
    _scroll_to_the_end(desktop)
    assert desktop.evaluate("window.__shifts") > 0.01


def test_phone_screen_defaults(phone):
    """The phone used above is the 375-px, 2x phone of the other checks."""
    assert phone.viewport_size == PHONE["viewport"]
    assert phone.evaluate("window.devicePixelRatio") == 2
