"""Write ``sitemap.xml`` and ``robots.txt`` for the published site.

The sitemap lists what a search engine should index: the home page, each
category's first page, the archive index, every published article and page
(and any other published content, such as notices and documents, that a
plugin's generator holds), each with its last change as ``lastmod``. Pages
nobody searches for (page 2 of a listing, day archives) are left out; drafts,
hidden pages and anything not actually written never appear.

Settings (defaults in brackets):

- ``SITEMAP_SAVE_AS`` ["sitemap.xml"]: where to write it; "" turns it off.
- ``SITEMAP_EXTRA_URLS`` [[]]: more site-relative listings worth indexing,
  e.g. ``["van-ban/", "thong-bao/"]``.
- ``SITEMAP_MAX_URLS`` [50,000]: above this the sitemap is split into
  ``sitemap-1.xml``, ``sitemap-2.xml``... listed by a sitemap index.
- ``ROBOTS_TXT`` [True]: write ``robots.txt`` pointing to the sitemap, unless
  the content already provides one.

Sitemaps need absolute URLs, so nothing is written while ``SITEURL`` is not an
absolute http(s) address (the development build).
"""

from __future__ import annotations

import logging
import os
from dataclasses import dataclass, field
from pathlib import Path

from pelican import signals
from pelican.generators import ArticlesGenerator

from portal_core.state import BuildState

from .entries import (
    Entry,
    SitemapConfig,
    absolute,
    check_settings,
    chunk_names,
    content_entries,
    last_change,
    newest,
    published_contents,
    render_index,
    render_urlset,
    robots_txt,
)

logger = logging.getLogger(__name__)


@dataclass
class _Build:
    """This build's settings and the pages to list."""

    config: SitemapConfig = field(default_factory=SitemapConfig)
    entries: list[Entry] = field(default_factory=list)


# Entries gathered once every generator has its content, written at the end.
_state: BuildState[_Build] = BuildState(_Build)


def _listings(generator: ArticlesGenerator) -> list[Entry]:
    """Home, archive index and each category's first page."""
    settings = generator.settings
    latest = newest(last_change(article) for article in generator.articles)
    listings = [Entry("", settings.get("INDEX_SAVE_AS") or "index.html", latest)]
    if settings.get("ARCHIVES_SAVE_AS"):
        url = settings.get("ARCHIVES_URL") or settings["ARCHIVES_SAVE_AS"]
        listings.append(Entry(url, settings["ARCHIVES_SAVE_AS"], latest))
    for category, articles in generator.categories:
        if category.save_as:
            changed = newest(last_change(article) for article in articles)
            listings.append(Entry(category.url, category.save_as, changed))
    return listings


def _extra(urls: tuple[str, ...]) -> list[Entry]:
    return [Entry(url, url + "index.html" if url.endswith("/") or not url else url) for url in urls]


def start(pelican) -> None:
    """Validate the settings once; forget entries of an earlier build."""
    _state.value.config = check_settings(pelican.settings)


def collect(generators) -> None:
    """Gather every page worth indexing, with its last change."""
    config = _state.value.config
    contents = []
    listings: list[Entry] = []
    for generator in generators:
        contents.extend(published_contents(vars(generator).values()))
        if isinstance(generator, ArticlesGenerator):
            listings.extend(_listings(generator))
    by_url = {entry.url: entry for entry in [*_extra(config.extra_urls), *listings]}
    for entry in content_entries(contents):
        by_url.setdefault(entry.url, entry)
    _state.value.entries = sorted(by_url.values())


def write(pelican) -> None:
    """Write the sitemap (split if large) and robots.txt into the output."""
    settings = pelican.settings
    save_as, limit = _state.value.config.save_as, _state.value.config.max_urls
    site_url = str(settings.get("SITEURL") or "")
    output = Path(pelican.output_path)
    entries, _state.value.entries = _state.value.entries, []
    if not save_as or not site_url.startswith(("http://", "https://")):
        return  # no sitemap: no page to look for
    # Only what was really written: a plugin may hold content it did not publish.
    # os.path: one stat per page, without a Path made for each (15,000 at 10,000 articles).
    folder = str(output)
    entries = [entry for entry in entries if os.path.isfile(os.path.join(folder, entry.save_as))]
    chunks = [entries[start : start + limit] for start in range(0, len(entries), limit)] or [[]]
    if len(chunks) == 1:
        _write(output / save_as, render_urlset(site_url, chunks[0]))
    else:
        names = chunk_names(save_as, len(chunks))
        for name, chunk in zip(names, chunks, strict=True):
            _write(output / name, render_urlset(site_url, chunk))
        stamps = [newest(entry.lastmod for entry in chunk) for chunk in chunks]
        _write(output / save_as, render_index(site_url, zip(names, stamps, strict=True)))
    robots = output / "robots.txt"
    if settings.get("ROBOTS_TXT", True) and not robots.exists():
        # ROBOTS_DISALLOW: site paths other plugins keep out of crawlers (/quan-tri/).
        disallow = settings.get("ROBOTS_DISALLOW", [])
        _write(robots, robots_txt(absolute(site_url, save_as), disallow))


def _write(path: Path, text: str) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(text, encoding="utf-8")
    logger.info('Writing "%s"', path)


def register() -> None:
    """Register the plugin callbacks."""
    # initialized: reject bad settings before reading any content.
    signals.initialized.connect(start)
    # all_generators_finalized: every generator holds its content and listings.
    signals.all_generators_finalized.connect(collect)
    # finalized: every page is written, so only pages that exist are listed.
    signals.finalized.connect(write)
