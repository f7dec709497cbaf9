"""Search: a Pagefind index of the published content and the "Tìm kiếm" page."""

from .indexer import IndexStats, SearchIndexError, build_index
from .search import register

__all__ = ["IndexStats", "SearchIndexError", "build_index", "register"]
