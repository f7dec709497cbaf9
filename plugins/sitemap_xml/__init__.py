"""sitemap.xml and robots.txt for the published site."""

from .sitemap_xml import register

__all__ = ["register"]
