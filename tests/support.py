"""Helpers shared by the tests: build real sites, serve them, parse pages."""

from __future__ import annotations

import functools
import http.server
import os
import shutil
import threading
import time
from collections.abc import Callable, Iterator, Mapping
from contextlib import contextmanager
from pathlib import Path
from typing import Any

from bs4 import BeautifulSoup

ROOT = Path(__file__).resolve().parent.parent
DEMO_CONTENT = ROOT / "content"
CHROMIUM = os.environ.get("CHROMIUM_PATH", "/usr/bin/chromium")
# Chromium must never reach the internet from the tests.
CHROMIUM_ARGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--host-resolver-rules=MAP * ~NOTFOUND, EXCLUDE localhost, EXCLUDE 127.0.0.1",
]


def site_settings(content: Path, output: Path, **overrides: Any) -> dict:
    """Settings of the real portal, pointed at ``content`` and ``output``."""
    from portal_core.runner import load_settings  # noqa: PLC0415 - plugins on path

    values = {
        "PATH": str(content),
        "OUTPUT_PATH": str(output),
        "CACHE_CONTENT": False,
        "LOAD_CONTENT_CACHE": False,
    }
    if not (Path(content) / "data" / "luot-truy-cap.toml").exists():
        # A tiny test site has no carried-over visitor count (the demo's
        # "static" source reads it from content/data/); show no counter there.
        values["VISITOR_COUNTER"] = {"source": "none"}
    values.update(overrides)
    return load_settings(ROOT / "pelicanconf.py", values)


def build_site(content: Path, output: Path, **overrides: Any) -> Path:
    """Build with the portal's theme and plugins; raise BuildFailed on errors."""
    from portal_core.runner import run  # noqa: PLC0415

    run(site_settings(content, output, **overrides))
    return output


def write_files(folder: Path, files: Mapping[str, str | bytes]) -> Path:
    """Write ``{relative path: text or bytes}`` under ``folder``."""
    for relative, data in files.items():
        path = folder / relative
        path.parent.mkdir(parents=True, exist_ok=True)
        if isinstance(data, bytes):
            path.write_bytes(data)
        else:
            path.write_text(data, encoding="utf-8")
    return folder


def copy_demo_content(target: Path) -> Path:
    """Copy the demo content so a test can change it without touching the repo."""
    shutil.copytree(DEMO_CONTENT, target)
    return target


@functools.lru_cache(maxsize=512)
def _parse(path: str, mtime: float) -> BeautifulSoup:
    return BeautifulSoup(Path(path).read_text(encoding="utf-8"), "html.parser")


def soup(path: Path) -> BeautifulSoup:
    """Parse an output page (cached while the file is unchanged)."""
    return _parse(str(path), path.stat().st_mtime)


# The browser editor (plugins/admin_ui): not a reader page, tested on its own.
EDITOR_FOLDER = "quan-tri"


def html_pages(site: Path) -> list[Path]:
    """Every reader page (HTML file outside the editor) of a built site, sorted."""
    editor = site / EDITOR_FOLDER
    return sorted(path for path in site.rglob("*.html") if editor not in path.parents)


class _QuietHandler(http.server.SimpleHTTPRequestHandler):
    def log_message(self, format: str, *args: Any) -> None:
        pass


@contextmanager
def serve(folder: Path, prefix: str = "") -> Iterator[str]:
    """Serve ``folder`` on 127.0.0.1 (optionally under a sub-path ``prefix``).

    Yields the base URL, e.g. ``http://127.0.0.1:41234`` or with ``/phuong/``.
    """
    root = folder
    if prefix:
        # Mount the site under a sub-path by serving its parent-to-be.
        root = folder.parent / f"{folder.name}-mount"
        mount = root / prefix.strip("/")
        mount.parent.mkdir(parents=True, exist_ok=True)
        if not mount.exists():
            mount.symlink_to(folder, target_is_directory=True)
    handler = functools.partial(_QuietHandler, directory=str(root))
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), handler)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    try:
        base = f"http://127.0.0.1:{server.server_address[1]}"
        yield base + ("/" + prefix.strip("/") if prefix else "")
    finally:
        server.shutdown()
        server.server_close()


def read_header(path: Path) -> dict[str, str]:
    """Metadata of a Markdown content file (``Key: value`` lines up to a blank)."""
    meta: dict[str, str] = {}
    for line in path.read_text(encoding="utf-8-sig").splitlines():
        if not line.strip():
            break
        key, sep, value = line.partition(":")
        if sep:
            meta[key.strip().lower()] = value.strip()
    return meta


def site_path(site: Path, href: str) -> Path | None:
    """Map a site-internal href (``/a/b/``, ``/x.css?v=1#frag``) to its output file."""
    from urllib.parse import unquote, urlsplit  # noqa: PLC0415

    parts = urlsplit(href)
    if parts.scheme or parts.netloc or not parts.path.startswith("/"):
        return None
    target = site / unquote(parts.path).lstrip("/")
    if parts.path.endswith("/"):
        target = target / "index.html"
    return target


def wait_for(condition: Callable[[], bool], seconds: float = 10.0) -> bool:
    """Whether ``condition`` became true within ``seconds`` (work in another thread)."""
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        if condition():
            return True
        time.sleep(0.02)
    return condition()
