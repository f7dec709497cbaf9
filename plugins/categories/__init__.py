"""Category registry: names, slugs, order and descriptions in one place."""

from .categories import register
from .registry import CategoryEntry, load_registry, resolve, suggest, unknown_message

__all__ = [
    "CategoryEntry",
    "load_registry",
    "register",
    "resolve",
    "suggest",
    "unknown_message",
]
