"""The unit's own settings file (``content/data/cai-dat.toml``) as Pelican settings.

What a unit chooses for its site (categories, menu links, web links, document
types, the visitor counter, its public address) lives under ``content/`` with
the rest of the unit's data, so a new kit version can replace ``theme/``,
``plugins/``, ``tasks.py`` and the kit's settings without touching it.
``pelicanconf.py`` reads it with :func:`load_site_settings`; each plugin still
checks the values it uses, with its own messages.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

from .source import DataFileError, KeyLines, read_toml

# TOML key -> (setting, expected TOML shape)
_KEYS: dict[str, tuple[str, type]] = {
    "site_url": ("SITE_URL", str),
    "categories": ("CATEGORIES", list),
    "menu_links": ("MENU_LINKS", list),
    "web_links": ("WEB_LINKS", list),
    "documents": ("", dict),
    "visitor_counter": ("VISITOR_COUNTER", dict),
}
_SHAPES = {
    str: 'một chuỗi trong ngoặc kép, ví dụ ""',
    list: "danh sách mục [[...]]",
    dict: "mục [...]",
}


class SiteSettingsError(ValueError):
    """The unit's settings file is wrong (``file:line: message`` in Vietnamese)."""


def _links(rows: list[Any], key: str, lines: KeyLines, where: str) -> list[tuple[str, str]]:
    links = []
    for index, row in enumerate(rows):
        label = row.get("label") if isinstance(row, dict) else None
        url = row.get("url") if isinstance(row, dict) else None
        if not isinstance(label, str) or not isinstance(url, str) or not label or not url:
            line = lines.line((key, index))
            raise SiteSettingsError(
                f'{where}:{line}: mỗi mục [[{key}]] cần label = "tên" và url = "đường dẫn".'
            )
        links.append((label, url))
    return links


def load_site_settings(path: Path, shown_as: str = "content/data/cai-dat.toml") -> dict[str, Any]:
    """Pelican settings from the unit's settings file (``{}`` when it does not exist)."""
    if not path.is_file():
        return {}
    try:
        source = read_toml(path)
    except DataFileError as error:
        raise SiteSettingsError(f"{shown_as}:{error.line}: {error.message}") from error
    data, lines = source.data, source.lines
    settings: dict[str, Any] = {}
    for key, value in data.items():
        if key not in _KEYS:
            raise SiteSettingsError(
                f'{shown_as}:{lines.line((key,))}: không có mục "{key}"; các mục dùng được: '
                f"{', '.join(_KEYS)}."
            )
        name, shape = _KEYS[key]
        if not isinstance(value, shape):
            raise SiteSettingsError(
                f'{shown_as}:{lines.line((key,))}: "{key}" phải là {_SHAPES[shape]}.'
            )
        if key in ("menu_links", "web_links"):
            settings[name] = _links(value, key, lines, shown_as)
        elif key == "documents":
            if "types" in value:
                settings["DOCUMENT_TYPES"] = value["types"]
            if "shortcuts" in value:
                settings["DOCUMENT_SHORTCUTS"] = value["shortcuts"]
        else:
            settings[name] = value
    return settings
