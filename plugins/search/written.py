"""What Pagefind will read of each page, noted as the page is written.

Looking at a page right after it is written (the file is still in memory)
spreads the work over every process that writes pages, instead of reading
15,000 files again in one process once the site is written. The indexer
reads from the disk only the pages not noted here (written by other means,
or written by two processes: see :func:`merge`).
"""

from __future__ import annotations

import os
from pathlib import Path
from typing import Any

from portal_core.state import BuildState

from .site_pages import Seen, look_at

# {absolute path of a written page: what Pagefind reads of it, None if nothing}
_seen: BuildState[dict[str, Seen | None]] = BuildState(dict)


def note_written(path: str, context: dict[str, Any]) -> None:
    """Look at a page Pelican has just written (``content_written``)."""
    if not context.get("SEARCH_INDEX", True) or not path.endswith(".html"):
        return
    try:
        html = Path(path).read_bytes()
    except OSError:
        return  # the indexer reads it, or reports it, later
    _seen.value[os.path.abspath(path)] = look_at(html)


def seen() -> dict[str, Seen | None]:
    """The pages noted so far in this build."""
    return _seen.value


def forget() -> None:
    """Drop the notes (the index is built; about 5 KB an article)."""
    _seen.value.clear()


def export(generator) -> dict[str, Any] | None:
    """In a build_speed worker process: the pages it wrote, looked at."""
    return {"search_seen": _seen.value} if _seen.value else None


def merge(generator, state: dict[str, Any]) -> None:
    """In the build's own process: a worker's pages, as if written here.

    A page noted differently by two processes (one overwrote the other) is
    left to the indexer to read from the disk, where the last write is.
    """
    notes = _seen.value
    for path, page in state.get("search_seen", {}).items():
        if path in notes and notes[path] != page:
            del notes[path]
        else:
            notes[path] = page
