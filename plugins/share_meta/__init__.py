"""Open Graph, Twitter card and schema.org JSON-LD for shared pages."""

from .share_meta import register, social_meta

__all__ = ["register", "social_meta"]
