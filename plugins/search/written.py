"""What Pagefind will read of each page, noted as the page is written.

Looking at a page right after it is written (the file is still in memory)
spreads the work over every process that writes pages, instead of reading
15,000 files again in one process once the site is written. The indexer
reads from the disk only the pages not noted here (written by other means,
or written by two processes: see :func:`merge`).

A published build records with each page what was noted of it (its sort
date and the digest of what Pagefind reads: :func:`page_rendered`); a page
kept from the last publication is noted from that record (:func:`page_kept`)
instead of being read again, and its cut-out is read only if its part of the
index has to be built again.
"""

from __future__ import annotations

import os
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from portal_core.state import BuildState

from .site_pages import Seen, look_at

# {absolute path of a written page: what Pagefind reads of it, None if nothing}
_seen: BuildState[dict[str, Seen | None]] = BuildState(dict)


@dataclass
class _Build:
    indexing: bool = True  # SEARCH_INDEX
    # The page a published build has just rendered, looked at before it is
    # written: (its name in the output folder, what was seen).
    rendered: tuple[str, Seen | None] | None = None
    # Pages kept from the last published build, noted from its record.
    kept: set[str] = field(default_factory=set)
    read: int = 0  # pages read from the disk once written


_build: BuildState[_Build] = BuildState(_Build)


def start(settings: dict[str, Any]) -> None:
    """A build starts (``initialized``): note whether it makes an index."""
    _build.value.indexing = bool(settings.get("SEARCH_INDEX", True))


def note_written(path: str, context: dict[str, Any]) -> None:
    """Look at a page Pelican has just written (``content_written``)."""
    if not context.get("SEARCH_INDEX", True) or not path.endswith(".html"):
        return
    key = os.path.abspath(path)
    build = _build.value
    rendered, build.rendered = build.rendered, None
    if rendered is not None and key.endswith(os.sep + os.path.normpath(rendered[0])):
        _seen.value[key] = rendered[1]  # looked at just before it was written
        return
    if key in build.kept:
        return  # its note came with the record (page_kept)
    try:
        html = Path(path).read_bytes()
    except OSError:
        return  # the indexer reads it, or reports it, later
    build.read += 1
    _seen.value[key] = look_at(html)


def page_rendered(name: str, html: str = "", **_: Any) -> dict[str, Any] | None:
    """A published build rendered page ``name``: note it, and record it with the page."""
    if not _build.value.indexing or not name.endswith(".html"):
        return None
    page = look_at(html.encode("utf-8"))
    _build.value.rendered = (name, page)
    return {"search": None if page is None else (page.date, page.digest)}


def page_kept(name: str, notes: dict[str, Any], path: str = "", **_: Any) -> None:
    """A page is kept from the last published build: noted from its record."""
    if "search" not in notes or not path:
        return  # recorded by a build without search: the indexer reads it
    known, key = notes["search"], os.path.abspath(path)
    _seen.value[key] = None if known is None else Seen(*known, indexed=None)
    _build.value.kept.add(key)


def seen() -> dict[str, Seen | None]:
    """The pages noted so far in this build."""
    return _seen.value


def forget() -> None:
    """Drop the notes (the index is built; about 5 KB an article)."""
    _seen.value.clear()


def pages_read() -> int:
    """How many written pages were read from the disk to be looked at."""
    return _build.value.read


def export(generator) -> dict[str, Any] | None:
    """In a build_speed worker process: the pages it wrote, looked at."""
    if not _seen.value:
        return None
    return {"search_seen": _seen.value, "search_read": _build.value.read}


def merge(generator, state: dict[str, Any]) -> None:
    """In the build's own process: a worker's pages, as if written here.

    A page noted differently by two processes (one overwrote the other) is
    left to the indexer to read from the disk, where the last write is.
    """
    notes = _seen.value
    _build.value.read += state.get("search_read", 0)
    for path, page in state.get("search_seen", {}).items():
        if path in notes and notes[path] != page:
            del notes[path]
        else:
            notes[path] = page
