"""One page of every type of a built portal, found in its output folder.

The browser checks (tests/browser/) and `invoke audit` (Lighthouse) run
on one page per type rather than on all of them. The pages are picked from the
site as it is built, so new content changes which article is checked, never
whether articles are checked; a type that is missing fails loudly.
"""

from __future__ import annotations

import re
from pathlib import Path

# URL shapes of the portal (docs/architecture.md, plugins/documents/settings.py).
_ARTICLE = re.compile(r"^\d{4}/\d{2}/\d{2}/[^/]+/index\.html$")
_NOTICE = re.compile(r"^thong-bao/\d{4}/\d{2}/\d{2}/[^/]+/index\.html$")
_DOCUMENT = re.compile(r"^van-ban/[^/]+/index\.html$")
# Every type the checks visit, in the order a reader meets them.
PAGE_TYPES = (
    "home",
    "article",
    "category",
    "category-page-2",
    "news",
    "archives",
    "year",
    "month",
    "day",
    "documents",
    "document",
    "notices",
    "old-notices",
    "notice",
    "search",
    "page",
    # Pages made from the unit profile (plugins/unit_profile).
    "profile-functions",
    "profile-organisation",
    "profile-leaders",
    "profile-members",
    "procedures",
    "open-data",
    "contact",
    "english-about",
    "english-contact",
    "not-found",
)
_PAGE = re.compile(r'class="[^"]*\barticle--page\b')


class MissingPageType(LookupError):
    """The built site has no page of a type the checks need."""


def _url(relative: str) -> str:
    """``a/b/index.html`` -> ``/a/b/``; ``404.html`` -> ``/404.html``."""
    if relative == "index.html":
        return "/"
    if relative.endswith("/index.html"):
        return "/" + relative.removesuffix("index.html")
    return "/" + relative


def _richest_article(site: Path, articles: list[str]) -> str:
    """The article with the most photos, then tables, then links (newest on ties)."""

    def weight(relative: str) -> tuple[int, int, int, str]:
        html = (site / relative).read_text(encoding="utf-8")
        body = html.split('class="article__body"', 1)[-1]
        return (body.count("<img"), body.count("<table"), body.count("<a "), relative)

    return max(articles, key=weight)


def page_types(site: Path) -> dict[str, str]:
    """``{type: URL path}`` for every page type of the built ``site``.

    Raises :class:`MissingPageType` naming the type the site lacks.
    """
    files = sorted(path.relative_to(site).as_posix() for path in site.rglob("*.html"))
    articles = [name for name in files if _ARTICLE.match(name)]
    notices = [name for name in files if _NOTICE.match(name)]
    documents = [name for name in files if _DOCUMENT.match(name)]
    paginated = [
        name for name in files if re.match(r"^chuyen-muc/[^/]+/trang-2/index\.html$", name)
    ]
    pages = [
        name
        for name in files
        if name.count("/") == 1
        and name.endswith("/index.html")
        and _PAGE.search((site / name).read_text(encoding="utf-8"))
    ]
    needed = {
        "article": articles,
        "notice": notices,
        "document": documents,
        "category with several pages": paginated,
        "static page": pages,
    }
    for kind, found in needed.items():
        if not found:
            raise MissingPageType(f"the built site has no {kind}")
    article = _richest_article(site, articles)
    year, month, day = article.split("/")[:3]
    category = paginated[0].removesuffix("trang-2/index.html")
    chosen = {
        "home": "index.html",
        "article": article,
        "category": category + "index.html",
        "category-page-2": paginated[0],
        "news": "tin-da-dua/index.html",
        "archives": "luu-tru/index.html",
        "year": f"{year}/index.html",
        "month": f"{year}/{month}/index.html",
        "day": f"{year}/{month}/{day}/index.html",
        "documents": "van-ban/index.html",
        "document": documents[0],
        "notices": "thong-bao/index.html",
        "old-notices": "thong-bao/cu/index.html",
        "notice": notices[-1],
        "search": "tim-kiem/index.html",
        "page": pages[0],
        "profile-functions": "gioi-thieu/chuc-nang-nhiem-vu/index.html",
        "profile-organisation": "gioi-thieu/co-cau-to-chuc/index.html",
        "profile-leaders": "gioi-thieu/lanh-dao/index.html",
        "profile-members": "gioi-thieu/to-chuc-thanh-vien/index.html",
        "procedures": "thu-tuc-hanh-chinh/index.html",
        "open-data": "du-lieu-mo/index.html",
        "contact": "lien-he/index.html",
        "english-about": "en/index.html",
        "english-contact": "en/contact/index.html",
        "not-found": "404.html",
    }
    missing = [name for name in chosen.values() if not (site / name).is_file()]
    if missing:
        raise MissingPageType(f"the built site lacks {', '.join(missing)}")
    return {kind: _url(chosen[kind]) for kind in PAGE_TYPES}
