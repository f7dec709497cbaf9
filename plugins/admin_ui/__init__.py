"""The browser editor at /quan-tri/ (Decap CMS), written into the site at build time."""

from .admin_ui import EditorSetupError, register

__all__ = ["EditorSetupError", "register"]
