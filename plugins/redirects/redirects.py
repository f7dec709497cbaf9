"""Redirects from an old portal's addresses to the imported items.

``./portal import`` records every old address in ``content/data/dia-chi-cu.json``
as ``{"old": "/news/tin-tuc/abc-12.html", "to": "articles/.../x.md"}`` (the
source file, so the redirect follows the item if its title or date changes).
At build time this plugin writes, for a static host:

- a small page at every old path that a static host can serve as a page
  (``.html``/``.htm`` or a folder): meta refresh, canonical link, visible link;
- ``dia-chi-cu.json``: every old address (query strings too, such as
  ``index.php?nv=news&op=...`` or ``ChiTiet.aspx?ID=123``) -> new URL, which the
  404 page's script (``js/old-address.js``) follows;
- ``_redirects`` (Netlify, Cloudflare Pages) with the old paths.

An existing page of the site is never replaced by a redirect page.
"""

from __future__ import annotations

import html
import json
import logging
import os
import posixpath
from collections.abc import Iterable, Mapping
from pathlib import Path
from typing import Any

from pelican import signals

from portal_core.problems import report

logger = logging.getLogger(__name__)

DATA_FILE = "data/dia-chi-cu.json"  # under content/ (importer.redirects.DATA_FILE)
MAP_FILE = "dia-chi-cu.json"  # in the output: what the 404 page reads
REDIRECTS_FILE = "_redirects"
PAGE_SUFFIXES = (".html", ".htm")
_FIX = "Lấy lại tệp từ lịch sử git, hoặc chạy lại lệnh import để ghi lại tệp này."
_TARGETS: dict[str, str] = {}  # source file (relative to content/) -> URL, per build


def data_files(settings: Mapping[str, Any]) -> Iterable[str]:
    """The data file the checks must accept under content/."""
    return [settings.get("REDIRECTS_DATA_FILE", DATA_FILE)]


def declare_data_file(pelican) -> None:
    """At ``initialized``: declare the data file before the content checks walk
    content/, and tell templates whether there is a map to follow
    (``OLD_ADDRESS_MAP``: partials/old_address.html renders nothing without one)."""
    from content_checks.kinds import register_data_files  # noqa: PLC0415

    register_data_files(data_files)
    path = Path(pelican.settings["PATH"]) / pelican.settings.get("REDIRECTS_DATA_FILE", DATA_FILE)
    pelican.settings["OLD_ADDRESS_MAP"] = bool(_read(path))


def _read(path: Path) -> list[dict]:
    """The entries of the data file; a file that is not valid is reported, not raised."""
    if not path.exists():
        return []
    try:
        data = json.loads(path.read_text(encoding="utf-8"))
        entries = data["redirects"]
        if not all(isinstance(entry, dict) for entry in entries):
            raise TypeError
    except json.JSONDecodeError as error:
        report(path, error.lineno, f"Tệp địa chỉ cũ viết sai JSON ({error.msg}). {_FIX}")
        return []
    except (KeyError, TypeError, UnicodeDecodeError):
        report(path, 1, f'Tệp địa chỉ cũ thiếu danh sách "redirects". {_FIX}')
        return []
    return entries


def collect_targets(generators) -> None:
    """At ``all_generators_finalized``: every published item's URL by its source file.

    Only a site with old addresses needs them (``OLD_ADDRESS_MAP``). Each folder
    is resolved once, not once per file: the content checks refuse symbolic
    links, so a file resolves to its resolved folder plus its name.
    """
    _TARGETS.clear()
    if not generators or not generators[0].settings.get("OLD_ADDRESS_MAP"):
        return
    folders: dict[str, Path] = {}
    for generator in generators:
        root = Path(generator.settings["PATH"]).resolve()
        for value in vars(generator).values():
            if not isinstance(value, list):
                continue
            for item in value:
                source = getattr(item, "source_path", None)
                if not source or getattr(item, "status", "") != "published":
                    continue
                folder, name = os.path.split(os.path.abspath(source))
                if folder not in folders:
                    folders[folder] = Path(folder).resolve()
                try:
                    relative = (folders[folder] / name).relative_to(root).as_posix()
                except ValueError:
                    continue
                _TARGETS.setdefault(relative, item.url)


def _entries(settings: Mapping[str, Any]) -> list[tuple[str, str]]:
    path = Path(settings["PATH"]) / settings.get("REDIRECTS_DATA_FILE", DATA_FILE)
    pairs = []
    for entry in _read(path):
        url = _TARGETS.get(str(entry.get("to", "")))
        if url is not None and entry.get("old"):
            pairs.append((str(entry["old"]), url))
    return pairs


def _page(target: str) -> str:
    href = html.escape(target, quote=True)
    return (
        '<!doctype html>\n<html lang="vi">\n<head>\n<meta charset="utf-8">\n'
        "<title>Trang đã chuyển địa chỉ</title>\n"
        f'<link rel="canonical" href="{href}">\n'
        f'<meta http-equiv="refresh" content="0; url={href}">\n'
        '<meta name="robots" content="noindex">\n</head>\n<body>\n'
        f'<p>Trang này đã chuyển tới địa chỉ mới: <a href="{href}">{href}</a>.</p>\n'
        "</body>\n</html>\n"
    )


def _page_path(old: str) -> str | None:
    """Where a static host serves ``old`` from, or None when it cannot be a page."""
    if "?" in old:
        return None
    path = old.lstrip("/")
    if not path or ".." in path.split("/"):
        return None
    if path.endswith("/"):
        return path + "index.html"
    extension = posixpath.splitext(path)[1].lower()
    if extension in PAGE_SUFFIXES:
        return path
    if not extension:
        return path + "/index.html"
    return None  # .aspx, .php: served by the 404 page's map


def write_redirects(pelican) -> None:
    """At ``finalized`` (inside the build's staging folder): pages, map, _redirects."""
    settings = pelican.settings
    pairs = _entries(settings)
    if not pairs:
        return
    output = Path(settings["OUTPUT_PATH"])
    site = settings.get("SITEURL", "").rstrip("/")
    mapping = {}
    lines = []
    written = 0
    for old, url in sorted(pairs):
        target = f"{site}/{url}"
        mapping[old] = target
        page = _page_path(old)
        if page is None:
            continue
        lines.append(f"{old} {target} 301")
        path = output / page
        if path.exists():
            continue  # a page of this site lives there: never replaced
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(_page(target), encoding="utf-8")
        written += 1
    (output / MAP_FILE).write_text(
        json.dumps(mapping, ensure_ascii=False, sort_keys=True) + "\n", encoding="utf-8"
    )
    (output / REDIRECTS_FILE).write_text("\n".join(lines) + "\n", encoding="utf-8")
    logger.info("Chuyển hướng địa chỉ cũ: %d trang, %d địa chỉ", written, len(mapping))


def register() -> None:
    """Declare the data file before the checks, find URLs once known, write at the end."""
    # initialized: the content checks run there too, and must know the data file first
    # (this plugin is listed before content_checks in PLUGINS).
    signals.initialized.connect(declare_data_file)
    # all_generators_finalized: every item has its final URL, nothing is written yet.
    signals.all_generators_finalized.connect(collect_targets)
    # finalized: the site is written (inside the atomic build's staging folder).
    signals.finalized.connect(write_redirects)
