"""The local servers (`./portal serve`, `./portal preview`) answer like the public host.

GitHub Pages and a web server configured from the README answer a missing
address with the site's own 404.html and status 404; the local servers must do
the same, or an editor checking a broken link sees the browser's empty-reply error.
"""

from __future__ import annotations

import threading
import urllib.error
import urllib.request
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

import pytest
from live_preview.preview import start_server

from portal_core.server import site_server
from tests.support import build_site, soup, write_files

ARTICLE = """Title: Hội nghị cử tri
Date: 2024-05-01 08:00
Category: Tin tức sự kiện
Summary: Tóm tắt.

Nội dung.
"""


@contextmanager
def _serve(output: Path) -> Iterator[str]:
    """What `./portal serve` runs, on a free port, in a thread."""
    server = site_server(output, "127.0.0.1", 0)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    try:
        yield f"http://127.0.0.1:{server.server_address[1]}"
    finally:
        server.shutdown()
        server.server_close()


@contextmanager
def _preview(output: Path) -> Iterator[str]:
    """What `./portal preview` runs to serve pages."""
    server, _ = start_server(output, "127.0.0.1", 0)
    try:
        yield f"http://127.0.0.1:{server.server_address[1]}"
    finally:
        server.shutdown()
        server.server_close()


def _get(url: str, method: str = "GET") -> tuple[int, str, bytes]:
    request = urllib.request.Request(url, method=method)
    try:
        with urllib.request.urlopen(request, timeout=10) as response:
            return response.status, response.headers["Content-Type"], response.read()
    except urllib.error.HTTPError as error:
        return error.code, error.headers["Content-Type"], error.read()


@pytest.fixture(scope="module")
def site(tmp_path_factory) -> Path:
    folder = tmp_path_factory.mktemp("served")
    content = write_files(folder / "content", {"articles/a.md": ARTICLE})
    return build_site(content, folder / "output", VISITOR_COUNTER=None, SEARCH_INDEX=False)


@pytest.mark.parametrize("server", [_serve, _preview], ids=["serve", "preview"])
@pytest.mark.parametrize("missing", ["/khong-co-trang-nay/", "/2024/05/01/sai.html", "/a.pdf"])
def test_a_missing_address_gets_the_site_404_page(site, server, missing):
    with server(site) as base:
        status, kind, body = _get(base + missing)
        head_status, _, head_body = _get(base + missing, method="HEAD")
    assert status == 404
    assert kind.startswith("text/html")
    assert "charset=utf-8" in kind.lower()
    assert body == (site / "404.html").read_bytes()
    assert soup(site / "404.html").h1.get_text(strip=True) in body.decode("utf-8")
    assert (head_status, head_body) == (404, b"")


@pytest.mark.parametrize("server", [_serve, _preview], ids=["serve", "preview"])
def test_existing_pages_are_still_served(site, server):
    with server(site) as base:
        status, kind, body = _get(base + "/")
    assert status == 200
    assert kind.startswith("text/html")
    assert body == (site / "index.html").read_bytes() or b"__preview__/reload.js" in body
