"""Portal core: problem collection, text helpers, the build runner."""

from .portal_core import register

__all__ = ["register"]
