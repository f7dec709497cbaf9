"""What ``partials/meta_social.html`` prints for the page being written.

``social_meta()`` is a Jinja global: it reads the page's template context
(the article or page, the listing's category, ``output_file``) and returns
plain data: canonical URL, Open Graph values, feed links, JSON-LD blocks.
"""

from __future__ import annotations

import functools
from dataclasses import dataclass, field
from typing import Any

from jinja2 import pass_context
from pelican.contents import Article, Content

from vn_dates.vn_dates import format_iso

from . import config
from .config import choose_image, plain
from .images import ShareImage
from .jsonld import breadcrumb_list, image_object, news_article, organization, script_json

DESCRIPTION_LENGTH = 300


def shorten(text: str, limit: int = DESCRIPTION_LENGTH) -> str:
    """Cut ``text`` at a word boundary so it fits ``limit`` characters."""
    if len(text) <= limit:
        return text
    cut = text[: limit - 1].rsplit(" ", 1)[0].rstrip(" ,;:.-–")
    return cut + "…"


def absolute(site_url: str, path: str) -> str:
    """``SITEURL`` + site-relative ``path`` (root-relative when SITEURL is "")."""
    return f"{site_url.rstrip('/')}/{path.lstrip('/')}"


def page_url(output_file: str) -> str:
    """Site-relative URL of a written file: ``a/b/index.html`` -> ``a/b/``."""
    if output_file == "index.html":
        return ""
    if output_file.endswith("/index.html"):
        return output_file[: -len("index.html")]
    return output_file


def _share_image(content) -> ShareImage:
    image = getattr(content, "share_image", None)
    return image if image is not None else choose_image(content, config.current)


def _category_description(ctx, category) -> str:
    for entry in ctx.get("CATEGORY_MENU") or []:
        if entry.get("slug") == category.slug:
            return entry.get("description") or ""
    return ""


def _feeds(ctx, category) -> list[dict[str, str]]:
    domain = str(ctx.get("FEED_DOMAIN") or ctx.get("SITEURL") or "")
    feeds = []
    if ctx.get("FEED_ALL_ATOM"):
        feeds.append({"title": "Tất cả tin", "url": absolute(domain, ctx["FEED_ALL_ATOM"])})
    if category is not None and ctx.get("CATEGORY_FEED_ATOM"):
        path = ctx["CATEGORY_FEED_ATOM"].format(slug=category.slug)
        feeds.append({"title": category.name, "url": absolute(domain, path)})
    return feeds


@dataclass(frozen=True)
class _Site:
    """Per-site values every article's JSON-LD repeats."""

    home: str
    default_author: str
    publisher: dict[str, Any] = field(hash=False, compare=False)


@functools.lru_cache(maxsize=8)
def _site(site_url: str, site_name: str, author: str, unit_name: str, logo: ShareImage) -> _Site:
    """Computed once per build, not once per page."""
    home = absolute(site_url, "")
    publisher = organization(
        plain(unit_name) or plain(site_name),
        home,
        image_object(absolute(site_url, logo.url), logo.width, logo.height),
    )
    return _Site(home, plain(author), publisher)


def _article_jsonld(
    site: _Site, article: Article, *, canonical: str, image: dict, headline: str, description: str
) -> list[str]:
    # The default byline ("Ban biên tập") is the unit itself, not a person.
    # Author is plain text (an address in brackets is part of it): never strip "tags".
    author_name = " ".join(str(getattr(article, "author", "") or "").split())
    author_name = author_name or site.default_author
    if not author_name or author_name == site.default_author:
        author = organization(author_name or site.publisher["name"], site.home)
    else:
        author = {"@type": "Person", "name": author_name}
    modified = getattr(article, "modified", None) or article.date
    category = article.category
    data = news_article(
        url=canonical,
        headline=headline,
        description=description,
        published=format_iso(article.date),
        modified=format_iso(modified),
        author=author,
        publisher=site.publisher,
        image=image,
        section=category.name,
    )
    crumbs = [
        ("Trang chủ", site.home),
        (category.name, absolute(site.home, category.url)),
        (headline, canonical),
    ]
    return [script_json(data), script_json(breadcrumb_list(crumbs))]


@pass_context
def social_meta(ctx) -> dict[str, Any]:
    """Everything ``partials/meta_social.html`` prints for the page being written."""
    site_url = str(ctx.get("SITEURL") or "")
    output_file = str(ctx.get("output_file") or "")
    content = next(
        (ctx.get(name) for name in ("article", "page") if isinstance(ctx.get(name), Content)),
        None,
    )
    # Pages and other contents get a folder name as "category": only an
    # article's category, or the category a listing shows, is a real one.
    category = content.category if isinstance(content, Article) else None
    if content is None and hasattr(ctx.get("category"), "slug"):
        category = ctx.get("category")
    unit = ctx.get("UNIT") or {}
    site = _site(
        site_url,
        str(ctx.get("SITENAME") or ""),
        str(ctx.get("AUTHOR") or ""),
        str(unit.get("name") or ""),
        config.current.logo,
    )
    site_name = plain(ctx.get("SITENAME"))
    is_404 = output_file.rsplit("/", 1)[-1] == "404.html"
    canonical = None if is_404 else absolute(site_url, page_url(output_file))
    description = f"{site.publisher['name']} – tin tức, thông báo, văn bản."

    if content is not None:
        title = plain(content.title)
        # Read once: Pelican may rebuild a summary from the body on each access.
        description = shorten(plain(getattr(content, "summary", ""))) or description
        image = _share_image(content)
    else:
        title = plain(category.name) if category is not None else site_name
        if category is not None:
            description = _category_description(ctx, category) or description
        number = getattr(ctx.get("articles_page"), "number", 1)
        if number > 1:
            title = f"{title} – Trang {number}"
        image = config.current.fallback
    image_url = absolute(site_url, image.url)
    meta: dict[str, Any] = {
        "canonical": canonical,
        "noindex": is_404,
        "title": title,
        "description": description,
        "type": "website",
        "image": {
            "url": image_url,
            "width": image.width,
            "height": image.height,
            "mime": image.mime,
            "alt": image.alt or title,
        },
        "twitter_site": config.current.twitter_site,
        "feeds": _feeds(ctx, category),
        "jsonld": [],
    }
    if isinstance(content, Article) and canonical:
        meta["type"] = "article"
        meta["published"] = format_iso(content.date)
        meta["modified"] = format_iso(getattr(content, "modified", None) or content.date)
        meta["section"] = content.category.name
        picture = image_object(image_url, image.width, image.height)
        meta["jsonld"] = _article_jsonld(
            site,
            content,
            canonical=canonical,
            image=picture,
            headline=title,
            description=description,
        )
    return meta
