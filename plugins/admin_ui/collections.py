"""Decap CMS's config.yml, generated from the settings and :mod:`admin_ui.fields`.

Nothing here is written by hand: a category added to ``CATEGORIES`` or a type
added to ``DOCUMENT_TYPES`` appears in the editor after the next build.
"""

from __future__ import annotations

import json
import posixpath
from collections.abc import Mapping
from typing import Any
from urllib.parse import urlsplit

from . import fields as model

DEFAULT_LOCAL_PORT = 8081


def _folder(settings: Mapping[str, Any], key: str, default: str) -> str:
    folders = settings.get(key) or [default]
    base = posixpath.normpath(
        posixpath.join(str(settings.get("EDITOR_CONTENT_DIR", "content")), folders[0])
    )
    return base.strip("/")


def local_backend_url(settings: Mapping[str, Any]) -> str:
    """Where ``./portal edit`` runs decap-server (127.0.0.1 only)."""
    port = int(settings.get("EDITOR_LOCAL_PORT", DEFAULT_LOCAL_PORT))
    return f"http://127.0.0.1:{port}/api/v1"


def _collection(  # noqa: PLR0917 - one collection is these seven things
    name: str, label: str, singular: str, folder: str, slug: str, kind: str, fields
):
    return {
        "name": name,
        "label": label,
        "label_singular": singular,
        "folder": folder,
        "create": True,
        "extension": "md",
        "format": f"pelican-{kind}",
        "slug": slug,
        "identifier_field": "title",
        "summary": "{{title}}",
        "fields": [model.decap_field(field) for field in fields],
    }


def collections(settings: Mapping[str, Any]) -> list[dict[str, Any]]:
    """One folder collection per category, then notices, documents and pages."""
    articles = _folder(settings, "ARTICLE_PATHS", "articles")
    found = []
    for entry in settings.get("CATEGORIES", []):
        found.append(
            _collection(
                f"tin-{entry['slug']}",
                f"Tin bài: {entry['name']}",
                "tin bài",
                f"{articles}/{entry['slug']}",
                "{{year}}-{{month}}-{{day}}-{{slug}}",
                "article",
                model.article_fields(settings, entry["name"]),
            )
            | {"description": entry.get("description", ""), "sortable_fields": ["date", "title"]}
        )
    found.append(
        _collection(
            "thong-bao",
            "Thông báo",
            "thông báo",
            _folder(settings, "NOTICE_PATHS", "notices"),
            "{{year}}-{{month}}-{{day}}-{{slug}}",
            "notice",
            model.notice_fields(settings),
        )
        | {"sortable_fields": ["date", "title"]}
    )
    found.append(
        _collection(
            "van-ban",
            "Văn bản",
            "văn bản",
            _folder(settings, "DOCUMENT_PATHS", "documents"),
            "{{fields.number}}-{{year}}",
            "document",
            model.document_fields(settings),
        )
        | {"summary": "{{number}} – {{title}}", "sortable_fields": ["issued", "title"]}
    )
    found.append(
        _collection(
            "trang",
            "Trang giới thiệu",
            "trang",
            _folder(settings, "PAGE_PATHS", "pages"),
            "{{slug}}",
            "page",
            model.page_fields(settings),
        )
    )
    return found


def formats(settings: Mapping[str, Any]) -> dict[str, list[dict[str, Any]]]:
    """What header-format.js needs per custom format: each field's key, name, kind."""
    kinds = {
        "pelican-article": model.article_fields(settings, ""),
        "pelican-notice": model.notice_fields(settings),
        "pelican-document": model.document_fields(settings),
        "pelican-page": model.page_fields(settings),
    }
    return {
        name: [
            model.format_field(field)
            | ({"default": field.get("default", "")} if field["kind"] == "status" else {})
            | (
                {"options": [o["value"] for o in field["options"]]}
                if field["kind"] == "status"
                else {}
            )
            for field in fields
        ]
        for name, fields in kinds.items()
    }


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
