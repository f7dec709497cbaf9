"""What a page shows, reduced to a digest, so an unchanged page need not be rendered.

A page's signature combines three things:

- the *frame*: everything every page may show (settings, menus, static pages,
  widgets' data, the template files) with each list of articles in the
  context cut to its newest ``depth`` items (the sidebar's "Tin mới" shows a
  few, never all), lists of articles inside other values (each category's
  articles in ``CATEGORY_MENU``) left out (menus show the categories only),
  and other long collections cut the same way;
- the page's own data: for an article or a page, everything about it (body,
  metadata, and the articles it links to, like "tin mới hơn" / "tin đã đưa");
  for a listing page, the articles on that page, their number and the page's
  place in the pagination;
- the template name.

Articles inside a signature count by what listings show of them (URL, title,
summary, date, metadata, simple attributes), not by their body; in the frame,
by the fields the plugins of every-page widgets declare
(``portal_core.widgets``). Private attributes (a leading underscore) are
Pelican's memos, not inputs; plugins keep their own caches in their build
state, never on content objects. Pages of any
other kind (home, archive index, plugins' own pages) get no signature and are
always rendered. Digests must be equal across processes: no ``hash()``, no
``id()``, sets sorted.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
import hashlib
import os
from collections.abc import Iterable, Mapping
from pathlib import Path
from typing import Any

from pelican.contents import Article, Content, Static
from pelican.paginator import Page as PaginatorPage
from pelican.urlwrappers import URLWrapper

from portal_core.widgets import shown_fields

# Pelican's own bookkeeping in the shared context, never shown as such.
_FRAME_SKIP = {"generated_content", "static_content", "static_links", "localsiteurl"}
# Static files: reading a Static's URL pins it (Pelican then refuses to move it
# next to the article that {attach}es it), so they count by source path only.
_FRAME_SKIP |= {"staticfiles"}
# How the build runs, not what it writes.
_FRAME_SKIP |= {
    "CACHE_CONTENT",
    "LOAD_CONTENT_CACHE",
    "CACHE_PATH",
    "CHECK_MODIFIED_METHOD",
    "CONTENT_CACHING_LAYER",
    "GZIP_CACHE",
    "BUILD_SPEED_INCREMENTAL",
    "BUILD_SPEED_PROCESSES",
    "BUILD_SPEED_PARALLEL_MIN_FILES",
    "BUILD_SPEED_REUSE_PAGES",
    "BUILD_SPEED_PUBLISHED_PATH",
    # An atomic build writes into a new folder each time (portal_core.atomic).
    "OUTPUT_PATH",
    "DELETE_OUTPUT_DIRECTORY",
    "OUTPUT_RETENTION",
    "WRITE_SELECTED",
}
# Day, month and year archives name every article: only archive pages use them,
# and those receive their articles directly.
_FRAME_SKIP |= {"period_archives"}
# Keys inside settings that say where the build keeps its caches, not what a
# page shows (JINJA_ENVIRONMENT's bytecode cache is a folder in CACHE_PATH).
_NESTED_SKIP = {"bytecode_cache"}
# Attributes of a content object that are not about it (private ones are skipped too).
_ATTRIBUTE_SKIP = {"settings"}
_SCALARS = (str, int, float, bool, type(None), bytes)
# Exactly these types (not subclasses): encoded inline, the common case.
_PLAIN = frozenset(_SCALARS)
# In the frame, a list or mapping this long is a data collection (the days of
# the date picker, say), not something a page prints whole: its first
# ``depth`` items stand for it.
COLLECTION = 100
_MAX_DEPTH = 6
# What widgets on every page show of the newest articles of a shared list is
# declared by their plugins (portal_core.widgets: the sidebar's "Tin mới"
# shows link, title, date); BUILD_SPEED_SHARED_FIELDS adds to it. A summary or
# body edit of a newest article then does not make every page render again.
# The address always counts: it says which article a list holds.
_ALWAYS_SHOWN = ("url",)


def shared_fields(settings: Mapping[str, Any]) -> tuple[str, ...]:
    """The attributes of shared articles every page may show."""
    extra = tuple(settings.get("BUILD_SPEED_SHARED_FIELDS", ()))
    return tuple(dict.fromkeys((*_ALWAYS_SHOWN, *shown_fields(), *extra)))


def _public(content: Content) -> list[tuple[str, Any]]:
    """A content object's own attributes that may show on a page."""
    return [
        (name, value)
        for name, value in vars(content).items()
        if not name.startswith("_") and name not in _ATTRIBUTE_SKIP
    ]


def _digest() -> Any:
    return hashlib.blake2b(digest_size=16)


class Fingerprints:
    """Digests of content objects and pages for one build (memoised per object)."""

    def __init__(
        self,
        shared: Mapping[str, Any],
        depth: int,
        templates: bytes,
        fields: Iterable[str] = _ALWAYS_SHOWN,
    ) -> None:
        self.shared = shared
        self.depth = depth
        self.templates = templates
        self.fields = tuple(fields)
        self._listing: dict[int, bytes] = {}
        self._frame: bytes | None = None
        # Source paths of the contents the page being signed shows (its own
        # data only, not the frame): the preview's hot path looks pages up by them.
        self._mentions: set[str] | None = None
        self.last_mentions: frozenset[str] = frozenset()
        # A value passed to a page under another name (Pelican's
        # ``all_articles`` is the shared ``articles``) is still shared.
        self._shared_ids = {id(value) for value in shared.values()}

    # --- encoding values -------------------------------------------------------
    def encode(self, value: Any, out: list[bytes], *, bounded: bool, level: int = 0) -> None:
        """Append a deterministic encoding of ``value`` to ``out``."""
        if level > _MAX_DEPTH:
            out.append(b"...")
        elif isinstance(value, _SCALARS):
            out.append(repr(value).encode())
        elif isinstance(value, dt.date):
            out.append(b"D" + value.isoformat().encode() + repr(value.tzinfo).encode())
        elif isinstance(value, Static):
            out.append(b"S" + str(value.source_path).encode())
        elif isinstance(value, Content):
            self._mention(value)
            out.append(b"C" + self.listing(value))
        elif isinstance(value, URLWrapper):
            out.append(f"W{type(value).__name__}|{value.name}|{value.slug}|{value.url}".encode())
        elif isinstance(value, Mapping):
            self._encode_mapping(value, out, bounded=bounded, level=level)
        elif isinstance(value, set | frozenset):
            self._encode_set(value, out, bounded=bounded, level=level)
        elif isinstance(value, list | tuple):
            self._encode_sequence(value, out, bounded=bounded, level=level)
        else:
            self._encode_object(value, out, bounded=bounded, level=level)

    def _encode_mapping(self, value: Any, out: list[bytes], *, bounded: bool, level: int) -> None:
        out.append(b"{")
        items = value.items()
        if bounded and len(value) > COLLECTION:
            items = list(items)[: self.depth]
        inner = level + 1
        plain = inner <= _MAX_DEPTH
        for key, item in items:
            if key in _NESTED_SKIP:
                continue
            # Plain keys and values inline (most of a page's data): the
            # same bytes encode() appends, without its chain of tests.
            if plain and type(key) in _PLAIN:
                out.append(repr(key).encode())
            else:
                self.encode(key, out, bounded=bounded, level=inner)
            if plain and type(item) in _PLAIN:
                out.append(repr(item).encode())
            else:
                self.encode(item, out, bounded=bounded, level=inner)
        out.append(b"}")

    def _encode_set(self, value: Any, out: list[bytes], *, bounded: bool, level: int) -> None:
        parts = []
        for item in value:
            encoded: list[bytes] = []
            self.encode(item, encoded, bounded=bounded, level=level + 1)
            parts.append(b"".join(encoded))
        out.append(b"<" + b",".join(sorted(parts)) + b">")

    def _encode_sequence(self, value: Any, out: list[bytes], *, bounded: bool, level: int) -> None:
        items = value
        if bounded and value and isinstance(value[0], Article):
            if level > 1:
                # An article list inside another value (a category's articles
                # in CATEGORY_MENU): menus show the container, not the list.
                out.append(b"[articles]")
                return
            out.append(b"[")
            for item in value[: self.depth]:
                shown = {name: getattr(item, name, None) for name in self.fields}
                self.encode(shown, out, bounded=False, level=level + 1)
            out.append(b"]")
            return
        if bounded and len(value) > COLLECTION:
            items = value[: self.depth]
        out.append(b"[")
        for item in items:
            self.encode(item, out, bounded=bounded, level=level + 1)
        out.append(b"]")

    def _encode_object(self, value: Any, out: list[bytes], *, bounded: bool, level: int) -> None:
        kind = value if isinstance(value, type) else type(value)
        name = getattr(value, "__qualname__", "") if callable(value) else ""
        out.append(f"O{kind.__module__}.{kind.__qualname__}|{name}".encode())
        if isinstance(value, os.PathLike):
            out.append(os.fspath(value).encode())
        elif dataclasses.is_dataclass(value) and not isinstance(value, type):
            for field in dataclasses.fields(value):
                self.encode(getattr(value, field.name), out, bounded=bounded, level=level + 1)
        elif hasattr(value, "__dict__") and not callable(value):
            attributes = {
                key: item
                for key, item in vars(value).items()
                if item is not self.shared and not key.startswith("__")
            }
            self.encode(attributes, out, bounded=bounded, level=level + 1)

    # --- contents ----------------------------------------------------------------
    def _mention(self, content: Content) -> None:
        if self._mentions is not None:
            self._mentions.add(str(content.source_path))

    def listing(self, content: Content) -> bytes:
        """What a listing may show of ``content`` (not its body)."""
        key = id(content)
        cached = self._listing.get(key)
        if cached is not None:
            return cached
        # Placeholder first: a content that refers to itself stays finite.
        self._listing[key] = b"self"
        out = [type(content).__name__.encode(), str(content.url).encode()]
        out.append(str(getattr(content, "summary", "")).encode())
        out.append(str(getattr(content, "status", "")).encode())
        attributes = {
            name: value
            for name, value in _public(content)
            if isinstance(value, (*_SCALARS, dt.date))
        }
        self.encode(attributes, out, bounded=False)
        self.encode(content.metadata, out, bounded=False)
        digest = _digest()
        digest.update(b"\0".join(out))
        self._listing[key] = digest.digest()
        return self._listing[key]

    def full(self, content: Content) -> bytes:
        """Everything about ``content``: its body and all its attributes."""
        self._mention(content)
        out = [self.listing(content), str(content.content).encode()]
        # The metadata is part of the listing digest already.
        attributes = {
            name: value
            for name, value in _public(content)
            if value is not self.shared and name != "metadata"
        }
        self.encode(attributes, out, bounded=False)
        digest = _digest()
        digest.update(b"\0".join(out))
        return digest.digest()

    # --- pages -------------------------------------------------------------------
    def frame(self) -> bytes:
        """What every page may show, with article lists cut to the newest few."""
        if self._frame is None:
            out = [self.templates]
            # Each context value on its own: the context is not a collection.
            for key, value in self.shared.items():
                if key not in _FRAME_SKIP:
                    out.append(key.encode())
                    self.encode(value, out, bounded=True, level=1)
            digest = _digest()
            digest.update(b"\0".join(out))
            self._frame = digest.digest()
        return self._frame

    def page(
        self, template_name: str, local: Mapping[str, Any], keys: Iterable[str] | None = None
    ) -> bytes | None:
        """The signature of the page ``local`` renders, or None if it has none.

        ``keys``, when given, are the only names of ``local`` that may hold
        values of this page's own (the writer knows what it added). The
        contents the page's own data shows are left in :attr:`last_mentions`.
        """
        self.last_mentions = frozenset()
        names = local.keys() if keys is None else [key for key in keys if key in local]
        own = {key: local[key] for key in names if id(local[key]) not in self._shared_ids}
        paginated = [key for key in ("articles", "dates") if f"{key}_page" in local]
        content = local.get("article") or local.get("page")
        if not paginated and not isinstance(content, Content):
            return None
        out = [self.frame(), template_name.encode()]
        self._mentions = set()
        try:
            self._own(out, local, own, paginated, content)
        finally:
            self.last_mentions, self._mentions = frozenset(self._mentions), None
        digest = _digest()
        digest.update(b"\0".join(out))
        return digest.digest()

    def _own(
        self,
        out: list[bytes],
        local: Mapping[str, Any],
        own: dict[str, Any],
        paginated: list[str],
        content: Any,
    ) -> None:
        """Append the page's own data to ``out``."""
        for key in paginated:
            out.append(self._paginated(key, local))
            for suffix in ("", "_page", "_paginator", "_previous_page", "_next_page"):
                own.pop(key + suffix, None)
        if isinstance(content, Content):
            out.append(self.full(content))
            own.pop("article" if "article" in own else "page", None)
        self.encode(own, out, bounded=False)

    def _paginated(self, key: str, local: Mapping[str, Any]) -> bytes:
        """A listing page: its items, its number, and the list's length and ends."""
        items = local[key]
        page: PaginatorPage = local[f"{key}_page"]
        out = [f"{key}|{len(items)}|{page.number}|{page.paginator.num_pages}".encode()]
        out.append(f"{page.url}|{page.save_as}".encode())
        for neighbour in (local.get(f"{key}_previous_page"), local.get(f"{key}_next_page")):
            out.append(f"{neighbour.number}|{neighbour.url}".encode() if neighbour else b"-")
        ends = [items[0], items[-1]] if items else []
        for item in [*ends, *page.object_list]:
            self._mention(item)
            out.append(self.listing(item))
        return b"\0".join(out)


def templates_digest(folders: Iterable[str | os.PathLike[str]]) -> bytes:
    """Digest of every file under the template folders (names and contents)."""
    digest = _digest()
    for folder in folders:
        root = Path(folder)
        if not root.is_dir():
            continue
        for path in sorted(root.rglob("*")):
            if path.is_file():
                digest.update(path.relative_to(root).as_posix().encode() + b"\0")
                digest.update(path.read_bytes())
    return digest.digest()
