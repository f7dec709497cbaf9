"""build_speed.memory: bodies packed, the saved content cache let go, in a real build."""

from __future__ import annotations

import gzip
import pickle
from collections.abc import Callable

from bs4 import BeautifulSoup
from pelican import signals
from pelican.contents import Article

from build_speed.memory import PackedBody
from tests.publishing import environment, site_files
from tests.support import build_site, soup, write_files


def _captured(kind: str) -> tuple[dict, Callable[[list], None]]:
    """A receiver keeping the build's articles generator (``kind``) once all are final."""
    seen: dict = {}

    def keep(generators) -> None:
        for generator in generators:
            if type(generator).__name__ == kind:
                seen["generator"] = generator

    return seen, keep


def _first_paragraph(html: str) -> str:
    """The first paragraph of an article body, as a reader sees it."""
    return BeautifulSoup(html, "html.parser").find("p").get_text(" ", strip=True)


def test_bodies_are_packed_and_read_back_whole(tmp_path):
    content = write_files(tmp_path / "content", site_files())
    seen, keep = _captured("PortalArticlesGenerator")
    signals.all_generators_finalized.connect(keep)
    try:
        with environment(PORTAL_BUILD_DATE="2024-12-01 07:00"):
            output = build_site(
                content,
                tmp_path / "output",
                SEARCH_INDEX=False,
                CACHE_PATH=str(tmp_path / "cache"),
                CACHE_CONTENT=True,
            )
    finally:
        signals.all_generators_finalized.disconnect(keep)
    generator = seen["generator"]
    assert generator.articles
    for article in generator.articles:
        # Still an Article to every template and plugin, by type and by name.
        assert isinstance(article, PackedBody)
        assert isinstance(article, Article)
        assert type(article).__name__ == "Article"
        assert "_content" not in vars(article)
        body = article._content
        assert isinstance(body, str)
        # The page shows the body read back from its packed form.
        page = soup(output / article.save_as)
        assert _first_paragraph(body) in page.select_one("main").get_text(" ", strip=True)
    # The in-memory cache was let go, the cache on disk keeps every article.
    assert generator.readers._cache == {}
    opener = gzip.open if generator.settings["GZIP_CACHE"] else open
    with opener(tmp_path / "cache" / "PortalArticlesGenerator-Readers", "rb") as handle:
        saved = pickle.load(handle)
    sources = {article.source_path for article in generator.articles}
    assert sources <= set(saved)
    for source in sources:
        _, (body, metadata) = saved[source]
        assert body and metadata["title"]
