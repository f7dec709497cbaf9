"""The live preview (hot path, dev server) and incremental writes: page signatures,
the preview's in-place writer and published builds that reuse unchanged pages."""

from .live_preview import register

__all__ = ["register"]
