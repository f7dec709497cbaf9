"""Build speed: linear listings, typography once, incremental preview writes."""

from .build_speed import register
from .generator import PortalArticlesGenerator, PortalPelican

__all__ = ["PortalArticlesGenerator", "PortalPelican", "register"]
