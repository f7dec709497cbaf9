"""The category registry: one list in the settings, resolved by loose matching."""

from __future__ import annotations

import difflib
import functools
import re
from dataclasses import dataclass

from portal_core.text import fold_key, nfc

SLUG_PATTERN = re.compile(r"^[a-z0-9]+(?:-[a-z0-9]+)*$")


class RegistryError(ValueError):
    """The CATEGORIES setting itself is wrong."""


@dataclass(frozen=True)
class CategoryEntry:
    """One category as configured: display name, URL slug, order, description."""

    name: str
    slug: str
    order: int
    description: str = ""


def load_registry(raw: list[dict]) -> list[CategoryEntry]:
    """Validate the CATEGORIES setting and return entries sorted by order."""
    entries: list[CategoryEntry] = []
    seen_names: dict[str, str] = {}
    seen_slugs: set[str] = set()
    for position, item in enumerate(raw, start=1):
        name = nfc(str(item.get("name", "")).strip())
        slug = str(item.get("slug", "")).strip()
        if not name:
            raise RegistryError(f"CATEGORIES mục {position}: thiếu tên chuyên mục (name).")
        if not SLUG_PATTERN.match(slug):
            raise RegistryError(
                f'CATEGORIES "{name}": slug "{slug}" phải là chữ thường không dấu, '
                "số và dấu gạch nối, ví dụ tin-tuc-su-kien."
            )
        key = fold_key(name)
        if key in seen_names or slug in seen_slugs:
            raise RegistryError(f'CATEGORIES: chuyên mục "{name}" bị khai báo hai lần.')
        seen_names[key] = name
        seen_slugs.add(slug)
        order = item.get("order", position)
        entries.append(CategoryEntry(name, slug, int(order), nfc(str(item.get("description", "")))))
    return sorted(entries, key=lambda entry: (entry.order, entry.slug))


def resolve(registry: list[CategoryEntry], written: str) -> CategoryEntry | None:
    """Find the entry an editor meant, ignoring case, spaces and diacritics.

    The folder name (the slug) is accepted too, since Pelican uses it when an
    article has no ``Category:`` line.
    """
    return _index(tuple(registry)).get(fold_key(written))


@functools.lru_cache(maxsize=8)
def _index(registry: tuple[CategoryEntry, ...]) -> dict[str, CategoryEntry]:
    """Folded name and slug -> entry, the first entry winning (built once per registry).

    Every article is resolved; folding every registry name again for each one
    cost seconds on a 10,000-article site.
    """
    index: dict[str, CategoryEntry] = {}
    for entry in registry:
        index.setdefault(fold_key(entry.name), entry)
        index.setdefault(fold_key(entry.slug), entry)
    return index


def suggest(registry: list[CategoryEntry], written: str) -> CategoryEntry | None:
    """Return the closest known category to a misspelt one, if any is close."""
    keys = {fold_key(entry.name): entry for entry in registry}
    match = difflib.get_close_matches(fold_key(written), list(keys), n=1, cutoff=0.6)
    return keys[match[0]] if match else None


def unknown_message(registry: list[CategoryEntry], written: str) -> str:
    """The editor's message for a category not in the registry, with a suggestion."""
    hint = suggest(registry, written)
    if hint:
        return f'Chuyên mục "{written}" không có trong danh sách. Có phải "{hint.name}"?'
    known = ", ".join(f'"{entry.name}"' for entry in registry)
    return f'Chuyên mục "{written}" không có trong danh sách. Chọn một trong: {known}.'
