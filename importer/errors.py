"""The one error an import stops with: a Vietnamese message for the editor."""

from __future__ import annotations


class SourceError(Exception):
    """The source cannot be read (message in Vietnamese: file, place, what to do)."""
