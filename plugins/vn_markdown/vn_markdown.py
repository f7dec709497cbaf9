"""Add the portal's Markdown extension to Pelican's reader; resolve photos."""

from __future__ import annotations

from pelican import signals

from portal_core.settings import add_markdown_extension

from .extension import PortalExtension
from .images import resolve_featured_image


def add_extension(pelican) -> None:
    """Append the extension once to the MARKDOWN settings the reader uses."""
    add_markdown_extension(pelican.settings, PortalExtension())


def register() -> None:
    """Register the plugin callbacks."""
    # initialized: the settings exist but no reader has built a Markdown yet.
    signals.initialized.connect(add_extension)
    # content_object_init: each article/page right after it is read.
    signals.content_object_init.connect(resolve_featured_image)
