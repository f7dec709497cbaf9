"""Pelican's file-stamp caches, without stamping files for a cache that is empty.

Pelican's ``FileStampDataCacher`` (its readers and generators) stamps a file
(``CHECK_MODIFIED_METHOD``: for us, read it whole and hash it) before looking
it up and again before storing it, even when the cache holds nothing and
stores nothing. Shared by the articles generator (``build_speed.generator``:
with the cache at the readers' level its own is always empty) and the
check's address probe (``content_checks.locate``: no cache at all), which
both otherwise hashed every file twice for nothing.
"""

from __future__ import annotations

from typing import Any


class NoStampsForEmptyCache:
    """Mixed in before a ``FileStampDataCacher`` subclass: no stamp where no cache is."""

    _cache: dict[str, Any]
    _cache_data_policy: bool

    def get_cached_data(self, filename: str, default: Any = None) -> Any:
        """The cached data of ``filename``; ``default`` at once if nothing is cached."""
        if not self._cache:
            return default
        return super().get_cached_data(filename, default)  # type: ignore[misc]

    def cache_data(self, filename: str, data: Any) -> None:
        """Keep ``data`` for ``filename`` only where this cache keeps anything."""
        if self._cache_data_policy:
            super().cache_data(filename, data)  # type: ignore[misc]
