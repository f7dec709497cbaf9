"""Markdown extension: figures with captions, scrollable tables."""

from .extension import PortalExtension
from .vn_markdown import register

__all__ = ["PortalExtension", "register"]
