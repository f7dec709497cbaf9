"""What goes into the sitemap, and how the sitemap files are written.

Pure functions: the plugin module gathers content from Pelican's generators and
calls these to choose the URLs and render the XML (sitemaps.org protocol 0.9)
and ``robots.txt``.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from urllib.parse import quote
from xml.sax.saxutils import escape

from pelican.contents import Content, Static

from portal_core.settings import whole_number

NAMESPACE = "http://www.sitemaps.org/schemas/sitemap/0.9"
# The protocol's limit per file; a larger site gets a sitemap index.
MAX_URLS = 50_000
# Characters allowed unescaped in a URL; everything else (Vietnamese letters
# in a hand-written slug, spaces) is percent-encoded.
_URL_SAFE = ":/?#[]@!$&'()*+,;=%-._~"


@dataclass(frozen=True, order=True)
class Entry:
    """One page of the site: where it is written, its URL, its last change."""

    url: str  # site-relative, "" for the home page
    save_as: str
    lastmod: dt.datetime | None = None


@dataclass(frozen=True)
class SitemapConfig:
    """The validated sitemap settings."""

    save_as: str = "sitemap.xml"
    extra_urls: tuple[str, ...] = ()
    max_urls: int = MAX_URLS


class SitemapSettingsError(ValueError):
    """A sitemap setting has a value the plugin cannot use."""


def last_change(content: Content) -> dt.datetime | None:
    """The content's ``Modified:`` date, else its ``Date:``, else None."""
    return getattr(content, "modified", None) or getattr(content, "date", None)


def newest(dates: Iterable[dt.datetime | None]) -> dt.datetime | None:
    """The latest of ``dates`` (None if there is none)."""
    return max((date for date in dates if date is not None), default=None)


def published_contents(lists: Iterable[object]) -> Iterator[Content]:
    """Published, written contents found in ``lists`` (generator attributes).

    Works for any generator, not only Pelican's own, so notices and documents
    from other plugins are listed as long as they are Content objects.
    Drafts, hidden pages and static files (photos, PDFs) are left out.
    """
    for value in lists:
        if not isinstance(value, list | tuple) or not value:
            continue
        if not isinstance(value[0], Content):
            continue
        for content in value:
            if (
                isinstance(content, Content)
                and not isinstance(content, Static)
                # Pelican's own contents say "published"; other plugins'
                # contents may leave the status empty.
                and (getattr(content, "status", "") or "published") == "published"
                and content.save_as
            ):
                yield content


def content_entries(contents: Iterable[Content]) -> list[Entry]:
    """One entry per distinct URL (a content may sit in several lists)."""
    # Pelican computes url and save_as from the settings on every access
    # (slow), and generators hold each article in several lists: meet each
    # object once.
    unique = {id(content): content for content in contents}
    seen: dict[str, Entry] = {}
    for content in unique.values():
        url = content.url
        if url not in seen:
            seen[url] = Entry(url, content.save_as, last_change(content))
    return list(seen.values())


def absolute(site_url: str, url: str) -> str:
    """Join the public address of the site and a site-relative URL."""
    return quote(f"{site_url.rstrip('/')}/{url.lstrip('/')}", safe=_URL_SAFE)


def w3c_datetime(value: dt.datetime) -> str:
    """``2024-10-03T08:30:00+07:00`` (W3C datetime, with the site's offset)."""
    if value.tzinfo is None:
        return value.date().isoformat()
    return value.replace(microsecond=0).isoformat()


def _record(tag: str, loc: str, lastmod: dt.datetime | None) -> str:
    stamp = f"<lastmod>{w3c_datetime(lastmod)}</lastmod>" if lastmod else ""
    return f"<{tag}><loc>{escape(loc)}</loc>{stamp}</{tag}>"


def render_urlset(site_url: str, entries: Iterable[Entry]) -> str:
    """The XML of one sitemap file."""
    lines = [_record("url", absolute(site_url, entry.url), entry.lastmod) for entry in entries]
    return _document("urlset", lines)


def render_index(site_url: str, files: Iterable[tuple[str, dt.datetime | None]]) -> str:
    """The XML of a sitemap index listing ``(file name, newest lastmod)``."""
    lines = [_record("sitemap", absolute(site_url, name), lastmod) for name, lastmod in files]
    return _document("sitemapindex", lines)


def _document(root: str, lines: list[str]) -> str:
    body = "\n".join(f"  {line}" for line in lines)
    return (
        f'<?xml version="1.0" encoding="UTF-8"?>\n<{root} xmlns="{NAMESPACE}">\n{body}\n</{root}>\n'
    )


def chunk_names(save_as: str, count: int) -> list[str]:
    """``sitemap.xml`` -> ``sitemap-1.xml`` ... for a site split in ``count`` files."""
    stem, dot, suffix = save_as.rpartition(".")
    if not dot:
        stem, suffix = save_as, "xml"
    return [f"{stem}-{number}.{suffix}" for number in range(1, count + 1)]


def robots_txt(sitemap_url: str, disallow: Iterable[str] = ()) -> str:
    """Allow every crawler everywhere but ``disallow`` (site paths); point to the sitemap."""
    rules = "".join(f"Disallow: {path}\n" for path in disallow)
    return f"User-agent: *\n{rules}Allow: /\n\nSitemap: {sitemap_url}\n"


def check_settings(settings: dict) -> SitemapConfig:
    """Validate SITEMAP_SAVE_AS, SITEMAP_EXTRA_URLS and SITEMAP_MAX_URLS."""
    save_as = settings.get("SITEMAP_SAVE_AS", "sitemap.xml")
    if save_as is None:
        save_as = ""
    if not isinstance(save_as, str) or save_as.startswith("/") or ".." in save_as:
        raise SitemapSettingsError(
            f'SITEMAP_SAVE_AS "{save_as}" không hợp lệ: ghi tên tệp trong thư mục trang, '
            'ví dụ "sitemap.xml" (hoặc "" để tắt).'
        )
    extra = settings.get("SITEMAP_EXTRA_URLS", [])
    if not isinstance(extra, list | tuple) or not all(isinstance(url, str) for url in extra):
        raise SitemapSettingsError(
            'SITEMAP_EXTRA_URLS phải là danh sách địa chỉ trong trang, ví dụ ["van-ban/"].'
        )
    limit = settings.get("SITEMAP_MAX_URLS", MAX_URLS)
    whole_number(
        limit,
        "SITEMAP_MAX_URLS",
        minimum=1,
        maximum=MAX_URLS,
        example=MAX_URLS,
        meaning="giới hạn của giao thức",
        error=SitemapSettingsError,
    )
    return SitemapConfig(save_as, tuple(url.lstrip("/") for url in extra), limit)
