"""Sharing and search metadata for every page: Open Graph, Twitter, JSON-LD.

Readers share articles on Facebook and Zalo; both read Open Graph tags. Each
article gets a share image with its real pixel size: its ``Image:`` photo, else
the first photo in its body, else the site's fallback picture. Articles also
carry schema.org ``NewsArticle`` and ``BreadcrumbList`` data for search engines.
Every page gets a canonical link and the feed links.

Settings (defaults in brackets):

- ``SHARE_IMAGE`` ["images/share-default.png"]: the fallback picture, a path
  under the content folder; when that file does not exist the theme's
  ``img/share-default.png`` is used.
- ``SHARE_LOGO`` [""]: the unit's logo (PNG/JPEG, at least 112 px) for the
  publisher in JSON-LD, a path under the content folder; "" uses the theme's.
- ``SHARE_MIN_SIZE`` [200]: photos smaller than this (pixels, either side)
  are not offered to social networks, which ignore them anyway.
- ``TWITTER_SITE`` [""]: the unit's X/Twitter account, e.g. "@mttqhoabinh".

Templates call ``social_meta()`` (``page_meta.py``, used by
``partials/meta_social.html``).
"""

from __future__ import annotations

from blinker import signal
from pelican import signals

from portal_core.problems import metadata_line, report

from . import config
from .config import choose_image, load_config
from .page_meta import social_meta


def configure(pelican) -> None:
    """Validate the settings and measure the fallback picture and logo once."""
    config.current = load_config(pelican.settings)


def _unreadable(content, path: str, featured: bool, error: Exception) -> None:
    line = metadata_line(content.source_path, "image") if featured else 0
    report(
        content.source_path,
        line,
        f'Ảnh "{path}" không đọc được (tệp hỏng hoặc không phải ảnh). '
        "Mở ảnh bằng trình xem ảnh, lưu lại dạng JPEG hoặc PNG rồi đăng lại.",
    )


def attach_share_images(generator) -> None:
    """Choose each article's or page's share image before anything is written."""
    for name in ("articles", "hidden_articles", "pages", "hidden_pages"):
        for content in getattr(generator, name, []):
            content.share_image = choose_image(content, config.current, _unreadable)


def refresh_share_image(generator, content) -> None:
    """An article edited during the preview: choose its share image again."""
    content.share_image = choose_image(content, config.current, _unreadable)


def add_globals(generator) -> None:
    """Let every template call ``social_meta()``."""
    generator.env.globals["social_meta"] = social_meta


def register() -> None:
    """Register the plugin callbacks."""
    # initialized: settings are known; fail early on a bad fallback picture.
    signals.initialized.connect(configure)
    # generator_init: every generator's template environment gets the global.
    signals.generator_init.connect(add_globals)
    # *_generator_finalized: all content is read but the build can still stop
    # (portal_core checks at all_generators_finalized), so an unreadable photo
    # is reported with the other problems instead of surfacing while writing.
    signals.article_generator_finalized.connect(attach_share_images)
    signals.page_generator_finalized.connect(attach_share_images)
    # the preview's hot path (plugins/live_preview/hooks.py) updated an article
    # in memory: its photo may have changed.
    signal("build_speed_content_refreshed").connect(refresh_share_image)
