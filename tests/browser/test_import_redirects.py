"""Old links of imported portals land on the new pages, in headless Chromium (issue 16).

The merged ward's site (demo + NukeViet + WordPress + saved pages) is built
with its search index and served like a static host: a missing address gets
``404.html`` with status 404, as GitHub Pages and nginx ``error_page`` do.
"""

from __future__ import annotations

import functools
import http.server
import threading
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from bs4 import BeautifulSoup

from tests.import_site import AN_KHANH, TAN_LAP_PORTAL, TAN_LAP_WP, import_all
from tests.support import build_site

pytestmark = pytest.mark.browser


class _StaticHost(http.server.SimpleHTTPRequestHandler):
    """Files as they are; anything missing gets 404.html with status 404."""

    not_found = "404.html"  # relative to the served folder

    def send_error(self, code: int, message: str | None = None, explain: str | None = None):
        page = Path(self.directory) / self.not_found
        if code != 404 or not page.exists():
            super().send_error(code, message, explain)
            return
        body = page.read_bytes()
        self.send_response(404)
        self.send_header("Content-Type", "text/html; charset=utf-8")
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        self.wfile.write(body)

    def log_message(self, format: str, *args: Any) -> None:
        pass


@pytest.fixture(scope="module")
def host(tmp_path_factory) -> Iterator[tuple[str, Path]]:
    root = tmp_path_factory.mktemp("merged-ward-browser")
    content, _, _ = import_all(root)
    output = build_site(content, root / "output")
    handler = functools.partial(_StaticHost, directory=str(output))
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), handler)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    try:
        yield f"http://127.0.0.1:{server.server_address[1]}", output
    finally:
        server.shutdown()
        server.server_close()


class _ProjectSite(_StaticHost):
    """A GitHub Pages project site: the portal under /phuong/, its 404 page for any miss."""

    not_found = "phuong/404.html"


@pytest.fixture(scope="module")
def subpath_host(tmp_path_factory) -> Iterator[tuple[str, Path]]:
    root = tmp_path_factory.mktemp("merged-ward-subpath")
    content, _, _ = import_all(root)
    mount = root / "served"
    server = http.server.ThreadingHTTPServer(
        ("127.0.0.1", 0), functools.partial(_ProjectSite, directory=str(mount))
    )
    base = f"http://127.0.0.1:{server.server_address[1]}"
    output = build_site(content, mount / "phuong", SITEURL=f"{base}/phuong", SEARCH_INDEX=False)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    try:
        yield base, output
    finally:
        server.shutdown()
        server.server_close()


@pytest.mark.parametrize(
    "old",
    [
        "/phuong/news/tin-tuc-su-kien/ngay-hoi-dai-doan-ket-o-khu-pho-4-1.html",
        "/phuong/index.php?nv=news&op=tin-tuc-su-kien/ngay-hoi-dai-doan-ket-o-khu-pho-4-1",
    ],
)
def test_old_addresses_work_under_a_sub_path(page, subpath_host, old):
    base, output = subpath_host
    new = _new_address(output, "2024/03/12/ngay-hoi-*/index.html")
    page.goto(base + old)
    page.wait_for_url(f"{base}/phuong{new}", timeout=10_000)


def _new_address(output: Path, pattern: str) -> str:
    found = sorted(output.glob(pattern))
    assert len(found) == 1, found
    return "/" + found[0].parent.relative_to(output).as_posix() + "/"


@pytest.mark.parametrize(
    ("old", "pattern"),
    [
        # An old path: the small redirect page written there.
        ("/news/tin-tuc-su-kien/ngay-hoi-dai-doan-ket-o-khu-pho-4-1.html",
         "2024/03/12/ngay-hoi-*/index.html"),
        # Old query-string addresses: the 404 page follows the map.
        ("/index.php?language=vi&nv=news&op=tin-tuc-su-kien/ngay-hoi-dai-doan-ket-o-khu-pho-4-1",
         "2024/03/12/ngay-hoi-*/index.html"),
        ("/Pages/ChiTiet.aspx?ID=123", "2018/06/13/ra-mat-mo-hinh-*/index.html"),
        ("/?p=30", "2024/05/02/phat-dong-ung-ho-quy-vi-nguoi-ngheo/index.html"),
        # WordPress's own permalink happens to look like ours: a redirect page there.
        ("/2024/05/02/phat-dong-ung-ho-quy/",
         "2024/05/02/phat-dong-ung-ho-quy-vi-nguoi-ngheo/index.html"),
        ("/index.php?nv=laws&op=detail/ke-hoach-thang-hanh-dong-moi-truong-2024",
         "van-ban/18-kh-mttq-btt-2024/index.html"),
    ],
)  # fmt: skip
def test_an_old_address_lands_on_the_new_page(page, host, old, pattern):
    base, output = host
    new = _new_address(output, pattern)
    page.goto(base + old)
    page.wait_for_url(base + new, timeout=10_000)
    assert page.locator("h1").first.inner_text().strip()


def test_an_unknown_old_address_stays_on_the_404_page(page, host):
    base, _ = host
    page.goto(base + "/index.php?nv=news&op=khong-co-bai-nay-999")
    page.wait_for_load_state("networkidle")
    assert page.url.endswith("khong-co-bai-nay-999")
    assert page.locator("h1").first.inner_text() == "Không tìm thấy trang"
    assert page.locator("#old-address").is_hidden()


def test_readers_can_filter_search_by_old_unit(page, host):
    base, _ = host
    page.goto(base + "/tim-kiem/")
    units = page.evaluate(
        """async (unit) => {
            const pagefind = await import('/pagefind/pagefind.js');
            await pagefind.init();
            const filters = await pagefind.filters();
            const found = await pagefind.search(null, {filters: {unit: unit}});
            return {units: filters.unit || {}, results: found.results.length};
        }""",
        AN_KHANH,
    )
    assert set(units["units"]) == {AN_KHANH, TAN_LAP_WP, TAN_LAP_PORTAL}
    assert units["results"] == 4  # An Khánh's three published articles and its document


def test_the_search_page_offers_the_old_units(page, host):
    base, _ = host
    page.goto(base + "/tim-kiem/?q=ngay+hoi&donvi=" + AN_KHANH)
    select = page.locator("#search-unit")
    select.wait_for(state="visible")
    options = select.locator("option").all_inner_texts()
    assert set(options) == {"Tất cả", AN_KHANH, TAN_LAP_WP, TAN_LAP_PORTAL}
    assert select.input_value() == AN_KHANH
    page.wait_for_selector(".search-result")
    links = page.locator(".search-result__title a").evaluate_all(
        "links => links.map(link => link.href)"
    )
    assert links, "no result for the old unit"
    for link in links:  # every result came from An Khánh's old portal
        html = page.request.get(link).text()
        line = BeautifulSoup(html, "html.parser").select_one(".provenance")
        assert line is not None and AN_KHANH in line.get_text(), link
