"""Decap CMS's config.yml, generated from the settings and the content model.

Nothing here is written by hand: every kind the model declares with an
``Editing`` (``content_model.Editing``: the menu entry's name, title and place,
a split into one entry per category) is offered, with its fields (via
:mod:`admin_ui.fields`), its folder from its paths setting and its new files'
names from its ``file_pattern``. A kind a plugin declares, a category added to
``CATEGORIES`` or a type added to ``DOCUMENT_TYPES`` appears in the editor after
the next build. This module only says how those become Decap's collections.
"""

from __future__ import annotations

import json
import posixpath
import re
from collections.abc import Mapping
from typing import Any
from urllib.parse import urlsplit

from content_model import Kind, kinds

from . import fields as model

DEFAULT_LOCAL_PORT = 8081
# The file_pattern placeholders Decap fills itself, as Decap writes them.
FILE_NAME_PARTS = {
    "{yyyy}": "{{year}}",
    "{mm}": "{{month}}",
    "{dd}": "{{day}}",
    "{slug}": "{{slug}}",
}


def _folder(settings: Mapping[str, Any], declared: Kind) -> str:
    base = posixpath.normpath(
        posixpath.join(
            str(settings.get("EDITOR_CONTENT_DIR", "content")), declared.folders(settings)[0]
        )
    )
    return base.strip("/")


def editor_kinds(settings: Mapping[str, Any]) -> list[Kind]:
    """The enabled kinds the editor offers, in its menu's order."""
    offered = [item for item in kinds(settings) if item.editing is not None]
    return sorted(offered, key=lambda item: item.editing.order)


def file_name(declared: Kind) -> str:
    """A new file's name in Decap's terms: the last part of the kind's file_pattern.

    The folder part of the pattern (``{category_slug}/``) is the split's
    sub-folder; a placeholder Decap cannot fill needs ``Editing.file_name``.
    """
    editing = declared.editing
    if editing is not None and editing.file_name:
        return editing.file_name
    folder, name = posixpath.split(declared.file_pattern.removesuffix(".md"))
    split = editing.split_by if editing is not None else None
    if folder != (f"{{{split}_slug}}" if split else ""):
        raise ValueError(f"content model: {declared.name}: the editor cannot fill {folder}/")
    for ours, decap in FILE_NAME_PARTS.items():
        name = name.replace(ours, decap)
    unknown = re.findall(r"(?<!\{)\{[^{}]+\}(?!\})", name)
    if unknown:
        raise ValueError(f"content model: {declared.name}: give Editing.file_name for {unknown}")
    return name


def local_backend_url(settings: Mapping[str, Any]) -> str:
    """Where ``./portal edit`` runs decap-server (127.0.0.1 only)."""
    port = int(settings.get("EDITOR_LOCAL_PORT", DEFAULT_LOCAL_PORT))
    return f"http://127.0.0.1:{port}/api/v1"


def _collection(
    declared: Kind,
    settings: Mapping[str, Any],
    where: tuple[str, str, str],
    initial: Mapping[str, str] | None = None,
) -> dict[str, Any]:
    """One Decap folder collection: ``where`` is (name, title, folder)."""
    editing = declared.editing
    name, label, folder = where
    fields = model.kind_fields(declared, settings, initial)
    return {
        "name": name,
        "label": label,
        "label_singular": declared.label_vi,
        "folder": folder,
        "create": True,
        "extension": "md",
        "format": f"pelican-{declared.name}",
        "slug": file_name(declared),
        "identifier_field": "title",
        "summary": " – ".join(f"{{{{{key}}}}}" for key in editing.list_fields),
        "fields": [model.decap_field(field) for field in fields],
    }


def _split(declared: Kind, settings: Mapping[str, Any]) -> list[dict[str, Any]]:
    """One collection per value of the kind's split field, in its registry's order."""
    editing = declared.editing
    field = declared.field(editing.split_by)
    if field is None or not field.registry:
        raise ValueError(f"content model: {declared.name}: split by a field with a registry")
    folder = _folder(settings, declared)
    found = []
    for entry in settings.get(field.registry, []):
        where = (
            f"{editing.collection}-{entry['slug']}",
            f"{editing.label_vi}: {entry['name']}",
            f"{folder}/{entry['slug']}",
        )
        collection = _collection(declared, settings, where, {field.key: entry["name"]})
        found.append(collection | {"description": entry.get("description", "")})
    return found


def collections(settings: Mapping[str, Any]) -> list[dict[str, Any]]:
    """The collections of every kind the editor offers (articles: one per category)."""
    found = []
    for declared in editor_kinds(settings):
        editing = declared.editing
        if editing.split_by:
            made = _split(declared, settings)
        else:
            where = (editing.collection, editing.label_vi, _folder(settings, declared))
            made = [_collection(declared, settings, where)]
        if editing.sort_fields:
            made = [item | {"sortable_fields": list(editing.sort_fields)} for item in made]
        found += made
    return found


def formats(settings: Mapping[str, Any]) -> dict[str, list[dict[str, Any]]]:
    """What header-format.js needs per custom format: each field's key, name, kind."""
    result = {}
    for declared in editor_kinds(settings):
        result[f"pelican-{declared.name}"] = [
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
