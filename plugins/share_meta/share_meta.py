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

Templates call ``social_meta()`` (see ``partials/meta_social.html``).
"""

from __future__ import annotations

import re
from pathlib import Path
from typing import Any

from jinja2 import pass_context
from markupsafe import Markup
from pelican import signals
from pelican.contents import Article, Content

from portal_core.problems import metadata_line, report
from vn_dates.vn_dates import format_iso

from .images import ShareImage, UnreadableImage, candidates, image_info
from .jsonld import breadcrumb_list, image_object, news_article, organization, script_json

DEFAULTS: dict[str, Any] = {
    "SHARE_IMAGE": "images/share-default.png",
    "SHARE_LOGO": "",
    "SHARE_MIN_SIZE": 200,
    "TWITTER_SITE": "",
}
THEME_SHARE_IMAGE = "img/share-default.png"
THEME_LOGO = "img/logo.png"
DESCRIPTION_LENGTH = 300
_SPACES = re.compile(r"\s+")


class ShareSettingsError(ValueError):
    """A sharing setting cannot be used."""


class _Site:
    """What the handlers need, read once per build from the settings."""

    content_root = Path("content")
    fallback = ShareImage(THEME_SHARE_IMAGE, 1200, 630, "image/png", "")
    logo = ShareImage(THEME_LOGO, 512, 512, "image/png", "")
    min_size = 200
    twitter_site = ""


_site = _Site()


# --- Pure helpers -------------------------------------------------------------


def plain(text: Any) -> str:
    """Markup or text -> one line of plain text (tags stripped, entities decoded)."""
    return _SPACES.sub(" ", Markup(str(text or "")).striptags()).strip()


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


def _static_image(
    settings: dict, setting: str, theme_file: str, alt: str, root: Path
) -> ShareImage:
    """A configured picture in the content folder, else the theme's own."""
    value = str(settings.get(setting) or "").strip().lstrip("/")
    source, url = root / value, value
    if not value or not source.is_file():
        source = Path(settings["THEME"]) / "static" / theme_file
        url = f"{settings['THEME_STATIC_DIR']}/{theme_file}"
    try:
        info = image_info(source)
    except (OSError, UnreadableImage) as error:
        raise ShareSettingsError(
            f'{setting}: không đọc được ảnh "{source}" ({error}). Dùng tệp PNG hoặc JPEG.'
        ) from error
    return ShareImage(url, info.width, info.height, info.mime, alt)


def choose_image(content, on_unreadable=None) -> ShareImage:
    """The best picture to share ``content`` with (see the module docstring)."""
    title = plain(getattr(content, "title", ""))
    for path, alt, featured in candidates(content):
        try:
            info = image_info(_site.content_root / path)
        except FileNotFoundError:
            continue  # the content checks report missing photos
        except UnreadableImage as error:
            if on_unreadable:
                on_unreadable(content, path, featured, error)
            continue
        if min(info.width, info.height) < _site.min_size:
            continue
        return ShareImage(path, info.width, info.height, info.mime, plain(alt) or title)
    return _site.fallback


# --- Template data --------------------------------------------------------------


def _share_image(content) -> ShareImage:
    image = getattr(content, "share_image", None)
    if image is None:
        image = choose_image(content)
    return image


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


def _article_jsonld(ctx, article: Article, canonical: str, image: dict) -> list[str]:
    site_url = str(ctx.get("SITEURL") or "")
    unit = ctx.get("UNIT") or {}
    home = absolute(site_url, "")
    logo = _site.logo
    publisher = organization(
        unit.get("name") or plain(ctx.get("SITENAME")),
        home,
        image_object(absolute(site_url, logo.url), logo.width, logo.height),
    )
    author_name = plain(getattr(article, "author", "")) or plain(ctx.get("AUTHOR"))
    if not author_name or author_name == plain(ctx.get("AUTHOR")):
        author = organization(author_name or publisher["name"], home)
    else:
        author = {"@type": "Person", "name": author_name}
    modified = getattr(article, "modified", None) or article.date
    headline = plain(article.title)
    data = news_article(
        url=canonical,
        headline=headline,
        description=shorten(plain(getattr(article, "summary", ""))),
        published=format_iso(article.date),
        modified=format_iso(modified),
        author=author,
        publisher=publisher,
        image=image,
        section=article.category.name,
    )
    crumbs = [("Trang chủ", home)]
    crumbs.append((article.category.name, absolute(site_url, article.category.url)))
    crumbs.append((headline, canonical))
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
    site_name = plain(ctx.get("SITENAME"))
    is_404 = output_file.rsplit("/", 1)[-1] == "404.html"
    canonical = None if is_404 else absolute(site_url, page_url(output_file))
    description = f"{unit.get('name') or site_name} – tin tức, thông báo, văn bản."

    if content is not None:
        title = plain(content.title)
        description = shorten(plain(getattr(content, "summary", ""))) or description
        image = _share_image(content)
    else:
        title = site_name
        if category is not None:
            title = plain(category.name)
            description = _category_description(ctx, category) or description
        number = getattr(ctx.get("articles_page"), "number", 1)
        if number > 1:
            title = f"{title} – Trang {number}"
        image = _site.fallback
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
        "twitter_site": _site.twitter_site,
        "feeds": _feeds(ctx, category),
        "jsonld": [],
    }
    if isinstance(content, Article) and canonical:
        modified = getattr(content, "modified", None) or content.date
        meta["type"] = "article"
        meta["published"] = format_iso(content.date)
        meta["modified"] = format_iso(modified)
        meta["section"] = content.category.name
        picture = image_object(image_url, image.width, image.height)
        meta["jsonld"] = _article_jsonld(ctx, content, canonical, picture)
    return meta


# --- Signal handlers ---------------------------------------------------------------


def configure(pelican) -> None:
    """Validate the settings and measure the fallback picture and logo once."""
    settings = pelican.settings
    min_size = settings.get("SHARE_MIN_SIZE", DEFAULTS["SHARE_MIN_SIZE"])
    if not isinstance(min_size, int) or isinstance(min_size, bool) or min_size < 1:
        raise ShareSettingsError("SHARE_MIN_SIZE phải là một số nguyên dương (điểm ảnh).")
    twitter = str(settings.get("TWITTER_SITE") or "")
    if twitter and not re.fullmatch(r"@\w{1,15}", twitter):
        raise ShareSettingsError(
            f'TWITTER_SITE "{twitter}" phải là tên tài khoản bắt đầu bằng @, ví dụ "@mttqhoabinh".'
        )
    root = Path(settings["PATH"])
    site_name = plain(settings.get("SITENAME"))
    _site.content_root = root
    _site.min_size = min_size
    _site.twitter_site = twitter
    _site.fallback = _static_image(
        settings,
        "SHARE_IMAGE",
        THEME_SHARE_IMAGE,
        site_name,
        root,
    )
    _site.logo = _static_image(settings, "SHARE_LOGO", THEME_LOGO, site_name, root)


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
            content.share_image = choose_image(content, _unreadable)


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
