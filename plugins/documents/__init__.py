"""Documents and notices: the register "Văn bản" and the notice board."""

from .documents import register

__all__ = ["register"]
