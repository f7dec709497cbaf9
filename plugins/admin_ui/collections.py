"""Decap CMS's config.yml, generated from the settings and the content model.

Nothing here is written by hand: the fields come from ``content_model`` (via
:mod:`admin_ui.fields`), the folders from each kind's paths setting; a category
added to ``CATEGORIES`` or a type added to ``DOCUMENT_TYPES`` appears in the
editor after the next build. This module adds only what a collection is in
the editor: its name in the address bar, its title, how new files are named.
"""

from __future__ import annotations

import json
import posixpath
from collections.abc import Mapping
from typing import Any
from urllib.parse import urlsplit

from content_model import Kind, kind

from . import fields as model

DEFAULT_LOCAL_PORT = 8081

# The editor's collections, one per kind (articles: one per category), in menu order.
# name, title, file-name template, extra Decap options.
COLLECTIONS: dict[str, tuple[str, str, str, dict[str, Any]]] = {
    "notice": (
        "thong-bao",
        "Thông báo",
        "{{year}}-{{month}}-{{day}}-{{slug}}",
        {"sortable_fields": ["date", "title"]},
    ),
    "document": (
        "van-ban",
        "Văn bản",
        "{{fields.number}}-{{year}}",
        {"summary": "{{number}} – {{title}}", "sortable_fields": ["issued", "title"]},
    ),
    "page": ("trang", "Trang giới thiệu", "{{slug}}", {}),
}


def _folder(settings: Mapping[str, Any], declared: Kind) -> str:
    base = posixpath.normpath(
        posixpath.join(
            str(settings.get("EDITOR_CONTENT_DIR", "content")), declared.folders(settings)[0]
        )
    )
    return base.strip("/")


def local_backend_url(settings: Mapping[str, Any]) -> str:
    """Where ``./portal edit`` runs decap-server (127.0.0.1 only)."""
    port = int(settings.get("EDITOR_LOCAL_PORT", DEFAULT_LOCAL_PORT))
    return f"http://127.0.0.1:{port}/api/v1"


def _collection(  # noqa: PLR0917 - one collection is these six things
    name: str, label: str, declared: Kind, folder: str, slug: str, fields
):
    return {
        "name": name,
        "label": label,
        "label_singular": declared.label_vi,
        "folder": folder,
        "create": True,
        "extension": "md",
        "format": f"pelican-{declared.name}",
        "slug": slug,
        "identifier_field": "title",
        "summary": "{{title}}",
        "fields": [model.decap_field(field) for field in fields],
    }


def _enabled(name: str, settings: Mapping[str, Any]) -> Kind | None:
    declared = kind(name)
    return declared if declared is not None and declared.enabled(settings) else None


def collections(settings: Mapping[str, Any]) -> list[dict[str, Any]]:
    """One folder collection per category, then notices, documents and pages."""
    found = []
    article = _enabled("article", settings)
    if article is not None:
        articles = _folder(settings, article)
        for entry in settings.get("CATEGORIES", []):
            fields = model.kind_fields(article, settings, {"category": entry["name"]})
            found.append(
                _collection(
                    f"tin-{entry['slug']}",
                    f"Tin bài: {entry['name']}",
                    article,
                    f"{articles}/{entry['slug']}",
                    "{{year}}-{{month}}-{{day}}-{{slug}}",
                    fields,
                )
                | {
                    "description": entry.get("description", ""),
                    "sortable_fields": ["date", "title"],
                }
            )
    for name, (collection, label, slug, extra) in COLLECTIONS.items():
        declared = _enabled(name, settings)
        if declared is None:
            continue  # its plugin is not in PLUGINS: nothing to edit
        fields = model.kind_fields(declared, settings)
        found.append(
            _collection(collection, label, declared, _folder(settings, declared), slug, fields)
            | extra
        )
    return found


def formats(settings: Mapping[str, Any]) -> dict[str, list[dict[str, Any]]]:
    """What header-format.js needs per custom format: each field's key, name, kind."""
    result = {}
    for name in ("article", *COLLECTIONS):
        declared = _enabled(name, settings)
        if declared is None:
            continue
        result[f"pelican-{name}"] = [
            model.format_field(field)
            | ({"default": field.get("default", "")} if field["kind"] == "status" else {})
            | (
                {"options": [_value(option) for option in field["options"]]}
                if field["kind"] == "status"
                else {}
            )
            for field in model.kind_fields(declared, settings)
        ]
    return result


def _value(option: str | Mapping[str, str]) -> str:
    return option["value"] if isinstance(option, Mapping) else option


def config(settings: Mapping[str, Any], year: int, emblem_url: str) -> dict[str, Any]:
    """The whole config.yml as data (written as JSON, which YAML reads as it is)."""
    site_url = str(settings.get("SITEURL") or "")
    images = f"{settings.get('EDITOR_CONTENT_DIR', 'content')}/images/{year}"
    backend = settings.get("EDITOR_BACKEND")
    local = {"url": local_backend_url(settings), "allowed_hosts": ["127.0.0.1", "localhost"]}
    result: dict[str, Any] = {
        "locale": "vi",
        # Without an online backend only the local one (./portal edit) is used.
        "backend": dict(backend) if backend else {"name": "proxy", "proxy_url": local["url"]},
        "local_backend": local,
        "logo_url": emblem_url,
        "media_folder": images,
        "public_folder": "{static}" + images.removeprefix("content"),
        "slug": {"encoding": "ascii", "clean_accents": True, "sanitize_replacement": "-"},
        "collections": collections(settings),
    }
    if backend and backend.get("publish_mode"):
        result["publish_mode"] = backend["publish_mode"]
        result["backend"].pop("publish_mode")
    if urlsplit(site_url).scheme in {"http", "https"}:
        result["site_url"] = site_url
        result["display_url"] = site_url
    return result


def config_text(data: Mapping[str, Any]) -> str:
    """config.yml: JSON is YAML, so no YAML library is needed."""
    return json.dumps(data, ensure_ascii=False, indent=2) + "\n"
