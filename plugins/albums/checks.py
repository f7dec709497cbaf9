"""Albums as a content kind of the checks (``content_checks.kinds``).

``./portal check`` and the build run :func:`check_album` on every file in
``content/albums/``; required and unknown fields come from the content model
(``model.py``), the album's own rules (every photo captioned, every caption a
photo) from :func:`albums.source.album_problems`.
"""

from __future__ import annotations

import posixpath
from typing import Any

from pelican import signals

from content_checks.kinds import ContentKind, FileContext, Verdict, register_kind
from content_checks.rules import check_declared
from content_checks.source import Header

from .contents import DEFAULTS, Album
from .model import ALBUM
from .source import CAPTION, album_problems


def check_album(header: Header, context: FileContext) -> Verdict:
    """The model's rules and the album's own; a draft stays out of the site."""
    findings = [*check_declared(header, ALBUM), *album_problems(context.text, context.files)]
    status = (header.get("status") or "published").strip().lower()
    # The header is the record: locate_album makes the address from it.
    return ("draft" if status == "draft" else "published"), None, findings, header


def album_photos(header: Header, context: FileContext) -> list[str]:
    """The photos an album shows (kept out of the site while it is a draft)."""
    folder = (header.get("photos") or "").removeprefix("{static}").strip("/")
    if not folder:
        return []
    names = [match["name"] for match in map(CAPTION.match, context.text.splitlines()) if match]
    return [posixpath.join(folder, name) for name in names]


def locate_album(record: Any, header: Header, context: FileContext) -> tuple[str, str, str]:
    """(slug, save_as, url) Pelican gives the album: its own slug rule, ALBUM_SAVE_AS."""
    metadata = {"title": header.get("title") or ""}
    if header.get("slug"):
        metadata["slug"] = header.get("slug")
    # A probe, not content of the build: no plugin may see it.
    with signals.content_object_init.muted():
        album = Album("", metadata, {**DEFAULTS, **context.settings}, context.relative)
    return album.slug, album.save_as, album.url


ALBUM_KIND = ContentKind.of(ALBUM, check_album, file_refs=album_photos, locate=locate_album)


def register_kinds() -> None:
    """Make albums known to the checks (idempotent)."""
    register_kind(ALBUM_KIND)
