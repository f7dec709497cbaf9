"""Old addresses of imported items keep working on a static host (issue 16)."""

from .redirects import register

__all__ = ["register"]
