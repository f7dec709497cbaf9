"""Write the editor (/quan-tri/) into the site: page, Decap bundle, our scripts, config.

Settings:
- ``EDITOR_URL`` ["quan-tri/"]: where the editor lives; "" leaves it out.
- ``EDITOR_BACKEND`` [None]: the online backend (e.g. ``{"name": "github",
  "repo": "donvi/cong-thong-tin", "branch": "main", "base_url": "https://..."}``,
  optionally ``"publish_mode": "editorial_workflow"``); None means only the
  local backend that ``./portal edit`` starts.
- ``EDITOR_LOCAL_PORT`` [8081]: the port of that local backend (127.0.0.1).
- ``EDITOR_BUNDLE_DIR``: the Decap CMS ``dist`` folder (default: the one
  ``npm ci`` installs in ``editor/node_modules``, which run.py keeps current).
"""

from __future__ import annotations

import filecmp
import html
import json
import os
import shutil
from pathlib import Path
from typing import Any
from urllib.parse import urlsplit

from pelican import signals

from portal_core.clock import build_now

from .collections import collections, config, config_text, formats

ROOT = Path(__file__).resolve().parents[2]
BUNDLE_DIR = ROOT / "editor" / "node_modules" / "decap-cms" / "dist"
STATIC = Path(__file__).resolve().parent / "static"
# Our own files, loaded after decap-cms.js (all deferred, so in this order).
OWN_SCRIPTS = ("header-format.js", "portal-data.js", "portal-editor.js")


class EditorSetupError(ValueError):
    """The editor cannot be written (message in Vietnamese)."""


def editor_path(settings: dict[str, Any]) -> str:
    """The editor's folder in the site ("" when turned off)."""
    return str(settings.get("EDITOR_URL", "quan-tri/")).strip("/")


def bundle_dir(settings: dict[str, Any]) -> Path:
    """Where decap-cms.js and its chunks are."""
    return Path(settings.get("EDITOR_BUNDLE_DIR") or BUNDLE_DIR)


def start(pelican) -> None:
    """Check the bundle is installed; keep crawlers out of the editor."""
    settings = pelican.settings
    folder = editor_path(settings)
    if not folder:
        return
    if not (bundle_dir(settings) / "decap-cms.js").is_file():
        raise EditorSetupError(
            f"Chưa cài trình soạn thảo (không thấy {bundle_dir(settings) / 'decap-cms.js'}). "
            'Chạy lại qua "./portal build": lệnh này tự cài các gói trong editor/package-lock.json.'
        )
    base = urlsplit(str(settings.get("SITEURL") or "")).path.rstrip("/")
    disallow = list(settings.get("ROBOTS_DISALLOW", []))
    path = f"{base}/{folder}/"
    if path not in disallow:
        settings["ROBOTS_DISALLOW"] = [*disallow, path]


def _link(source: Path, target: Path) -> None:
    """Hard-link (instant, no extra space) or copy when across file systems.

    A file already there with the same bytes is left alone, so an incremental
    preview build does not touch the editor at all.
    """
    if target.exists() and (
        os.path.samefile(source, target) or filecmp.cmp(source, target, shallow=False)
    ):
        return
    target.unlink(missing_ok=True)
    try:
        os.link(source, target)
    except OSError:
        shutil.copyfile(source, target)


def _write(path: Path, text: str) -> None:
    """Write ``text`` unless the file already holds exactly it."""
    if path.exists() and path.read_text(encoding="utf-8") == text:
        return
    path.write_text(text, encoding="utf-8")


def page_html(settings: dict[str, Any], emblem: str) -> str:
    """The editor's own page: Vietnamese, noindex, the unit's name and emblem."""
    unit = settings.get("UNIT", {}).get("name") or settings.get("SITENAME", "")
    name = html.escape(str(unit))
    scripts = "\n".join(
        f'  <script src="{script}" defer></script>' for script in ("decap-cms.js", *OWN_SCRIPTS)
    )
    return f"""<!doctype html>
<html lang="vi">
<head>
  <meta charset="utf-8">
  <meta name="viewport" content="width=device-width, initial-scale=1">
  <meta name="robots" content="noindex, nofollow">
  <title>Quản trị nội dung – {name}</title>
  <link rel="icon" href="{html.escape(emblem)}" type="image/svg+xml">
  <link rel="stylesheet" href="editor.css">
{scripts}
</head>
<body>
  <header class="editor-banner">
    <img class="editor-banner__emblem" src="{html.escape(emblem)}" alt="" width="32" height="32">
    <p class="editor-banner__name">{name} <span>· Quản trị nội dung</span></p>
  </header>
  <noscript><p class="editor-banner__note">Trang quản trị cần bật JavaScript.</p></noscript>
</body>
</html>
"""


def write_editor(pelican) -> None:
    """Write /quan-tri/ into the (staging) output folder."""
    settings = pelican.settings
    folder = editor_path(settings)
    if not folder:
        return
    target = Path(pelican.output_path) / folder
    target.mkdir(parents=True, exist_ok=True)
    site = str(settings.get("SITEURL") or "")
    emblem = f"{site}/{settings.get('THEME_STATIC_DIR', 'theme')}/img/emblem.svg"
    bundle = bundle_dir(settings)
    for source in bundle.iterdir():
        # The app, its lazily loaded chunks and WebAssembly; no source maps.
        name = source.name
        if name.endswith((".decap-cms.js", ".wasm")) or name.startswith("decap-cms.js"):
            if name.endswith(".map"):
                continue
            _link(source, target / source.name)
    for name in ("header-format.js", "portal-editor.js", "editor.css", "preview.css"):
        _link(STATIC / name, target / name)
    now = build_now(settings)
    data = {
        "formats": formats(settings),
        "collections": {
            item["name"]: item["format"].removeprefix("pelican-") for item in collections(settings)
        },
        "siteUrl": site,
        "siteCss": f"{site}/{settings.get('SITE_CSS', '')}",
        "previewCss": "preview.css",
    }
    _write(
        target / "portal-data.js",
        "window.PORTAL_EDITOR = " + json.dumps(data, ensure_ascii=False) + ";\n",
    )
    _write(target / "config.yml", config_text(config(settings, now.year, emblem)))
    _write(target / "index.html", page_html(settings, emblem))


def register() -> None:
    """Register the plugin callbacks."""
    # initialized: a missing bundle stops the build before any content is read,
    # and ROBOTS_DISALLOW is set before sitemap_xml writes robots.txt.
    signals.initialized.connect(start)
    # finalized: runs inside the staging folder of an atomic build, after the
    # assets plugin has fingerprinted SITE_CSS, which the preview uses.
    signals.finalized.connect(write_editor)
