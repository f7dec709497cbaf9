"""Settings for the stock Pelican build the portal is compared with.

Stock means Pelican's defaults: its default theme (notmyidea), no plugins, no
typogrify, the stock Markdown extensions. Only what decides *which* pages exist
is copied from the portal, so both builds write the same articles, categories
and year/month/day archives with the same URLs and page size. The stock theme
needs its home page paginated (its ``index.html`` iterates ``articles_page``),
so Pelican's default paginated templates are kept and the portal's added.
Direct templates the stock theme does not have (the portal's "news" listing)
are left out; the stock home page, paginated, plays their part.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

from pelican.settings import DEFAULT_CONFIG, read_settings

# Settings copied from pelicanconf.py: URLs, archives, listings, paths, language.
SHARED = (
    "ARTICLE_URL",
    "ARTICLE_SAVE_AS",
    "PAGE_URL",
    "PAGE_SAVE_AS",
    "CATEGORY_URL",
    "CATEGORY_SAVE_AS",
    "CATEGORIES_SAVE_AS",
    "TAG_SAVE_AS",
    "TAGS_SAVE_AS",
    "AUTHOR_SAVE_AS",
    "AUTHORS_SAVE_AS",
    "DRAFT_SAVE_AS",
    "DRAFT_PAGE_SAVE_AS",
    "YEAR_ARCHIVE_URL",
    "YEAR_ARCHIVE_SAVE_AS",
    "MONTH_ARCHIVE_URL",
    "MONTH_ARCHIVE_SAVE_AS",
    "DAY_ARCHIVE_URL",
    "DAY_ARCHIVE_SAVE_AS",
    "ARCHIVES_URL",
    "ARCHIVES_SAVE_AS",
    "INDEX_SAVE_AS",
    "DIRECT_TEMPLATES",
    "DEFAULT_PAGINATION",
    "PAGINATION_PATTERNS",
    "ARTICLE_ORDER_BY",
    "ARTICLE_TRANSLATION_ID",
    "PAGE_TRANSLATION_ID",
    "ARTICLE_PATHS",
    "PAGE_PATHS",
    "STATIC_PATHS",
    "READERS",
    "DEFAULT_LANG",
    "TIMEZONE",
    "DEFAULT_DATE_FORMAT",
    "SITENAME",
    "FEED_ALL_ATOM",
    "CATEGORY_FEED_ATOM",
    "TRANSLATION_FEED_ATOM",
    "AUTHOR_FEED_ATOM",
    "AUTHOR_FEED_RSS",
    "CACHE_CONTENT",
    "LOAD_CONTENT_CACHE",
    "CHECK_MODIFIED_METHOD",
)


def stock_settings(portal: dict[str, Any], overrides: dict[str, Any]) -> dict[str, Any]:
    """Stock Pelican settings sharing the portal's archive and URL settings."""
    values = {key: portal[key] for key in SHARED if key in portal}
    paginated = dict(DEFAULT_CONFIG["PAGINATED_TEMPLATES"])
    paginated.update(portal.get("PAGINATED_TEMPLATES", {}))
    theme = Path(DEFAULT_CONFIG["THEME"])
    values["DIRECT_TEMPLATES"] = [
        name
        for name in portal.get("DIRECT_TEMPLATES", [])
        if (theme / "templates" / f"{name}.html").exists()
    ]
    values.update(
        {
            "PAGINATED_TEMPLATES": paginated,
            "THEME": str(theme),
            "PLUGINS": [],
            "PLUGIN_PATHS": [],
            "TYPOGRIFY": False,
            "MARKDOWN": DEFAULT_CONFIG["MARKDOWN"],
        }
    )
    values.update(overrides)
    return read_settings(None, override=values)


def portal_settings(settings_file: Path, overrides: dict[str, Any]) -> dict[str, Any]:
    """The portal's own settings (pelicanconf.py) with ``overrides``."""
    return read_settings(str(settings_file), override=overrides)
