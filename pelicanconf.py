"""Development settings of the portal (see publishconf.py for production).

Grouped by concern. Everything a unit customises (its name, contact, categories)
is at the top; the machinery below rarely needs to change.
"""

from __future__ import annotations

import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent
# Local plugins import shared helpers (vn_text, ...) as top-level modules, the
# same way Pelican imports the plugins themselves.
if str(ROOT / "plugins") not in sys.path:
    sys.path.insert(0, str(ROOT / "plugins"))

# --- The unit ---------------------------------------------------------------
SITENAME = "Ủy ban MTTQ Việt Nam phường Hòa Bình"
UNIT = {
    "name": "Ủy ban Mặt trận Tổ quốc Việt Nam phường Hòa Bình",
    "short_name": "MTTQ phường Hòa Bình",
    "parent": "Thành phố Lam Giang",
    "address": "Số 12 đường Hòa Bình, phường Hòa Bình, thành phố Lam Giang",
    "phone": "0236 3 812 345",
    "email": "mttq.hoabinh@lamgiang.gov.vn",
    "editor": "Trần Văn Phúc, Phó Chủ tịch Ủy ban MTTQ Việt Nam phường",
    "license_note": "Ghi rõ nguồn khi phát hành lại thông tin từ trang này.",
}
SITEURL = ""
AUTHOR = "Ban biên tập"

# --- Categories ---------------------------------------------------------------
# The one registry of categories ("chuyên mục"): display name, URL slug, menu
# and home-page order, description. Articles name their category by display name.
CATEGORIES = [
    {
        "name": "Tin tức sự kiện",
        "slug": "tin-tuc-su-kien",
        "order": 1,
        "description": "Tin tức, sự kiện nổi bật trên địa bàn phường.",
    },
    {
        "name": "Hoạt động Mặt trận",
        "slug": "hoat-dong-mat-tran",
        "order": 2,
        "description": "Hoạt động của Ủy ban MTTQ và các tổ chức thành viên.",
    },
    {
        "name": "Giám sát, phản biện xã hội",
        "slug": "giam-sat-phan-bien",
        "order": 3,
        "description": "Công tác giám sát, phản biện xã hội và tiếp xúc cử tri.",
    },
    {
        "name": "Vì người nghèo",
        "slug": "vi-nguoi-ngheo",
        "order": 4,
        "description": "Quỹ “Vì người nghèo”, nhà Đại đoàn kết và an sinh xã hội.",
    },
    {
        "name": "Văn hóa - Xã hội",
        "slug": "van-hoa-xa-hoi",
        "order": 5,
        "description": "Đời sống văn hóa, giáo dục, y tế, môi trường khu dân cư.",
    },
    {
        "name": "Gương người tốt việc tốt",
        "slug": "guong-nguoi-tot-viec-tot",
        "order": 6,
        "description": "Những tấm gương bình dị mà cao đẹp trong cộng đồng.",
    },
    {
        "name": "Cải cách hành chính",
        "slug": "cai-cach-hanh-chinh",
        "order": 7,
        "description": "Thủ tục hành chính, chuyển đổi số, dịch vụ công.",
    },
]

# --- Documents ("văn bản") ----------------------------------------------------
# The types an editor may write in a document's "Type:" line (case and
# diacritics are ignored when matching; a misspelling gets a suggestion).
DOCUMENT_TYPES = [
    "Báo cáo",
    "Chỉ thị",
    "Chương trình",
    "Công văn",
    "Hướng dẫn",
    "Kế hoạch",
    "Nghị định",
    "Nghị quyết",
    "Quy chế",
    "Quy định",
    "Quyết định",
    "Thông báo",
    "Thông tri",
    "Tờ trình",
]

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
    "video",
    "banners",
    "albums",
    "content_checks",
    "build_speed",
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

# --- Theme ---------------------------------------------------------------------------
# Extra menu entries after the categories: (label, site-relative URL).
MENU_LINKS = [
    ("Thông báo", "thong-bao/"),
    ("Văn bản", "van-ban/"),
    ("Tin đã đưa", NEWS_URL),
    ("Lưu trữ", ARCHIVES_URL),
]
# "Liên kết web": sidebar links to related portals.
WEB_LINKS = [
    ("Cổng Thông tin điện tử Chính phủ", "https://chinhphu.vn/"),
    ("Mặt trận Tổ quốc Việt Nam", "https://mattran.org.vn/"),
    ("Cổng Dịch vụ công quốc gia", "https://dichvucong.gov.vn/"),
]
# "Số lượt truy cập" (visitor_counter plugin): "none" hides it; "static" shows a
# number carried over from the old portal; "goatcounter" ({"goatcounter":
# "ma-trang"}) or "json" ({"endpoint": "https://..."}) count live in the
# reader's browser, adding that number. See plugins/visitor_counter/settings.py.
VISITOR_COUNTER = {
    "source": "static",
    "count_file": "data/luot-truy-cap.toml",
    "min_digits": 7,
}
