"""Pelican's file-stamp caches, without stamping a file the cache has no entry for.

Pelican's ``FileStampDataCacher`` (its readers and generators) stamps a file
(``CHECK_MODIFIED_METHOD``: for us, read it whole and hash it) before looking
it up, whether or not it has an entry for it, and before storing it even when
it stores nothing. A file without an entry is uncached whatever its stamp, so
:class:`NoStampsWithoutEntry` answers at once. It is mixed into the articles
generator (``build_speed.generator``: with the cache at the readers' level its
own is always empty), the check's address probe (``content_checks.locate``: no
cache at all) and every generator's readers (``build_speed.readers.install``:
a cold build's cache has no entry at all, yet each of its 10,000 articles was
hashed once to find that out before the reading workers started).
"""

from __future__ import annotations

import functools
from typing import Any


class NoStampsWithoutEntry:
    """Mixed in before a ``FileStampDataCacher`` subclass: no stamp where no entry is."""

    _cache: dict[str, Any]
    _cache_data_policy: bool

    def get_cached_data(self, filename: str, default: Any = None) -> Any:
        """The cached data of ``filename``; ``default`` at once if it has no entry."""
        if filename not in self._cache:
            return default
        return super().get_cached_data(filename, default)  # type: ignore[misc]

    def cache_data(self, filename: str, data: Any) -> None:
        """Keep ``data`` for ``filename`` only where this cache keeps anything."""
        if self._cache_data_policy:
            super().cache_data(filename, data)  # type: ignore[misc]


@functools.cache
def without_entry_stamps(cacher_class: type) -> type:
    """``cacher_class`` with :class:`NoStampsWithoutEntry` (same name; one class each)."""
    return type(cacher_class.__name__, (NoStampsWithoutEntry, cacher_class), {})
