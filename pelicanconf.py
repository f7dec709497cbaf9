"""Development settings of the portal (see publishconf.py for production).

Grouped by concern. This file belongs to the kit: what a unit customises lives
under content/ (its profile in content/data/don-vi.toml, its categories, menu
and web links, document types and visitor counter in content/data/cai-dat.toml).
"""

from __future__ import annotations

import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent
# Local plugins import shared helpers (vn_text, ...) as top-level modules, the
# same way Pelican imports the plugins themselves.
if str(ROOT / "plugins") not in sys.path:
    sys.path.insert(0, str(ROOT / "plugins"))

from unit_profile.site_settings import load_site_settings  # noqa: E402 - needs sys.path

from portal_core.pelican_cli import install as portal_messages  # noqa: E402 - needs sys.path

# `pelican content` ends a mistake in the unit's settings on our message, as
# ./portal build does, not on a traceback.
portal_messages()

# --- The unit ---------------------------------------------------------------
# The unit's name, address, contact, leaders... live in its own data file,
# content/data/don-vi.toml (plugin unit_profile), which sets SITENAME and UNIT;
# the value below only names a site that has no profile yet.
SITENAME = "Trang thông tin điện tử"
UNIT: dict[str, str] = {}
UNIT_PROFILE = "data/don-vi.toml"
UNIT_PROCEDURES = "data/thu-tuc-hanh-chinh.toml"
SITEURL = ""
AUTHOR = "Ban biên tập"

# --- Documents ("văn bản") ----------------------------------------------------
# DOCUMENT_TYPES (the types an editor may write in a document's "Type:" line)
# and DOCUMENT_SHORTCUTS ("Xem nhanh" links above the register) are the unit's
# choice: content/data/cai-dat.toml, [documents].

# --- Language, time -------------------------------------------------------------
DEFAULT_LANG = "vi"
TIMEZONE = "Asia/Ho_Chi_Minh"
# Dates are formatted by the vn_dates plugin, never by the OS locale.
DEFAULT_DATE_FORMAT = "%d/%m/%Y"
DEFAULT_DATE = None
# The moment the site is built "as of" (scheduled articles, expired notices and
# documents): None means now; a test or a preview pins it, e.g. "2024-06-15".
# The environment variable PORTAL_BUILD_DATE does the same without editing here.
BUILD_DATE = None

# --- Paths -------------------------------------------------------------------------
PATH = "content"
ARTICLE_PATHS = ["articles"]
PAGE_PATHS = ["pages"]
STATIC_PATHS = ["images", "files", "extra"]
OUTPUT_PATH = "output"
# Markdown only: the reST reader warns about DEFAULT_LANG "vi" on every build.
READERS = {"rst": None, "html": None, "htm": None}
THEME = "theme"
THEME_STATIC_DIR = "theme"
PLUGIN_PATHS = ["plugins"]
PLUGINS = [
    "portal_core",
    # Right after portal_core: the unit's name and pages are known to every other
    # plugin (the sitemap's extra URLs), and a mistake in the profile stops
    # ./portal check (content_checks) too.
    "unit_profile",
    "vn_dates",
    "categories",
    "vn_markdown",
    "assets",
    "listings",
    "search",
    "visitor_counter",
    "sitemap_xml",
    "share_meta",
    "responsive_images",
    "documents",
    "redirects",
    "video",
    "banners",
    "albums",
    "content_checks",
    "build_speed",
    # The preview's hot path and incremental writes (invoke preview), and
    # published builds that reuse unchanged pages (publishconf.py); any build
    # writes the same site without it, only slower.
    "live_preview",
    "admin_ui",
]
# Pelican with a linear articles generator (plugins/build_speed/generator.py).
PELICAN_CLASS = "build_speed.PortalPelican"

# --- URLs ---------------------------------------------------------------------------
# The date is part of every article URL so that repeated titles do not collide.
ARTICLE_URL = "{date:%Y}/{date:%m}/{date:%d}/{slug}/"
ARTICLE_SAVE_AS = ARTICLE_URL + "index.html"
PAGE_URL = "{slug}/"
PAGE_SAVE_AS = PAGE_URL + "index.html"
CATEGORY_URL = "chuyen-muc/{slug}/"
CATEGORY_SAVE_AS = CATEGORY_URL + "index.html"
CATEGORIES_SAVE_AS = "chuyen-muc/index.html"
# Nobody browses these on a ward portal; not generating them saves build time.
TAG_SAVE_AS = ""
TAGS_SAVE_AS = ""
AUTHOR_SAVE_AS = ""
AUTHORS_SAVE_AS = ""
DRAFT_SAVE_AS = ""
DRAFT_PAGE_SAVE_AS = ""
YEAR_ARCHIVE_URL = "{date:%Y}/"
YEAR_ARCHIVE_SAVE_AS = YEAR_ARCHIVE_URL + "index.html"
MONTH_ARCHIVE_URL = "{date:%Y}/{date:%m}/"
MONTH_ARCHIVE_SAVE_AS = MONTH_ARCHIVE_URL + "index.html"
DAY_ARCHIVE_URL = "{date:%Y}/{date:%m}/{date:%d}/"
DAY_ARCHIVE_SAVE_AS = DAY_ARCHIVE_URL + "index.html"
ARCHIVES_URL = "luu-tru/"
ARCHIVES_SAVE_AS = ARCHIVES_URL + "index.html"
INDEX_SAVE_AS = "index.html"
# A monolingual site: articles that share a slug are different articles (on
# different days), not translations of each other.
ARTICLE_TRANSLATION_ID = None
PAGE_TRANSLATION_ID = None
# "Tin đã đưa": every published article, newest first (theme/templates/news.html).
NEWS_URL = "tin-da-dua/"
NEWS_SAVE_AS = NEWS_URL + "index.html"
# "404" writes 404.html: the Vietnamese page GitHub Pages (or the server) shows
# for an address that does not exist.
DIRECT_TEMPLATES = ["index", "archives", "categories", "news", "404"]

# --- Listings -------------------------------------------------------------------------
DEFAULT_PAGINATION = 20
PAGINATED_TEMPLATES = {"category": 20, "period_archives": 20, "news": 20}
PAGINATION_PATTERNS = (
    (1, "{url}", "{save_as}"),
    (2, "{base_name}/trang-{number}/", "{base_name}/trang-{number}/index.html"),
)
HOME_LATEST_COUNT = 8
HOME_CATEGORY_COUNT = 4
# Under each article: "tin mới hơn" / "tin đã đưa" of the same category (0 hides).
LISTINGS_NEWER_COUNT = 5
LISTINGS_EARLIER_COUNT = 10
# Articles with the same date keep one order everywhere: newest first, then by
# source path (deterministic whatever the file system returns).
ARTICLE_ORDER_BY = "reversed-date"

# --- Typography -----------------------------------------------------------------------
TYPOGRIFY = True
# "caps" wraps Vietnamese capitals inconsistently ("ỦY <span class=caps>BAN</span>").
TYPOGRIFY_OMIT_FILTERS = ["caps"]
# "--" is an en dash (ranges, "Hà Nội – Huế"), "---" an em dash.
TYPOGRIFY_DASHES = "oldschool"
MARKDOWN = {
    "extension_configs": {
        "markdown.extensions.extra": {},
        "markdown.extensions.sane_lists": {},
    },
    "output_format": "html5",
}

# --- Feeds (off while developing; publishconf.py turns them on) --------------
FEED_ALL_ATOM = None
CATEGORY_FEED_ATOM = None
TRANSLATION_FEED_ATOM = None
AUTHOR_FEED_ATOM = None
AUTHOR_FEED_RSS = None

# --- Build -----------------------------------------------------------------------------
RELATIVE_URLS = False
DELETE_OUTPUT_DIRECTORY = False
CACHE_CONTENT = True
LOAD_CONTENT_CACHE = True
CACHE_PATH = "cache"
# A CI checkout resets mtimes; compare content hashes instead.
CHECK_MODIFIED_METHOD = "sha1"
# The content cache is written after every build that read a file. Pelican
# gzips it at level 9: 0.8 s per build at 10,000 articles for a 5.5 MB file
# instead of 53 MB (CI's cache step compresses it anyway).
GZIP_CACHE = False

# --- Theme ---------------------------------------------------------------------------
# MENU_LINKS (extra menu entries after the categories), WEB_LINKS ("Liên kết
# web") and VISITOR_COUNTER ("Số lượt truy cập") are the unit's choice: they are
# read from content/data/cai-dat.toml below.

# --- The unit's own settings (content/data/cai-dat.toml) ----------------------------
# Categories, menu links, web links, document types, the visitor counter and the
# public address belong to the unit, not to the kit: a new kit version replaces
# this file, never the unit's. The keys there become the settings named above.
CATEGORIES: list[dict] = []
MENU_LINKS: list[tuple[str, str]] = []
WEB_LINKS: list[tuple[str, str]] = []
VISITOR_COUNTER = {"source": "none"}
SITE_URL = ""
UNIT_SETTINGS = "data/cai-dat.toml"
globals().update(load_site_settings(ROOT / PATH / UNIT_SETTINGS))
