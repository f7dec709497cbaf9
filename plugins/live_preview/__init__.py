"""The live preview: hot path, incremental writer, page signatures, dev server."""

from .live_preview import register

__all__ = ["register"]
