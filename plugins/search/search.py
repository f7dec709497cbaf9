"""Offline search for readers: the "Tìm kiếm" page and a Pagefind index.

Templates mark what is searchable (``macros/search.html``: published content
only); this plugin writes the search page, gives templates the folded "đ"
words (see :mod:`.folding`) and, once the site is written, runs Pagefind over
it so that every build, in any folder and under any SITEURL, ships its index.
"""

from __future__ import annotations

import dataclasses
import logging
from pathlib import Path

from blinker import signal
from pelican import signals
from pelican.generators import Generator

from portal_core import background
from portal_core.settings import whole_number

from . import written
from .folding import folded_title, search_fold
from .indexer import BUNDLE_DIR, DEFAULT_PART_PAGES, IndexStats, prepare_index

logger = logging.getLogger(__name__)

DEFAULTS = {
    # Run Pagefind after each build (a quick preview may turn it off).
    "SEARCH_INDEX": True,
    # The search page; an empty SEARCH_SAVE_AS removes the page and the header box.
    "SEARCH_URL": "tim-kiem/",
    "SEARCH_SAVE_AS": "tim-kiem/index.html",
    # Pages of one part of the index (parts are date ranges, see parts.py):
    # Pagefind's memory grows with a part's pages, about 0.2 MB each.
    "SEARCH_PART_PAGES": DEFAULT_PART_PAGES,
}


class SearchConfigError(ValueError):
    """A SEARCH_* setting is wrong."""


def check_settings(settings: dict) -> None:
    """Fill in defaults and validate the SEARCH_* settings once per build."""
    for key, value in DEFAULTS.items():
        settings.setdefault(key, value)
    if not isinstance(settings["SEARCH_INDEX"], bool):
        raise SearchConfigError("SEARCH_INDEX phải là True hoặc False.")
    whole_number(
        settings["SEARCH_PART_PAGES"],
        "SEARCH_PART_PAGES",
        minimum=1,
        example=DEFAULT_PART_PAGES,
        meaning="số trang tối đa của một phần chỉ mục tìm kiếm",
        error=SearchConfigError,
    )
    url, save_as = settings["SEARCH_URL"], settings["SEARCH_SAVE_AS"]
    if not isinstance(url, str) or not isinstance(save_as, str):
        raise SearchConfigError('SEARCH_URL và SEARCH_SAVE_AS phải là chuỗi, ví dụ "tim-kiem/".')
    if save_as and (not url.endswith("/") or url.startswith("/")):
        raise SearchConfigError(
            f'SEARCH_URL "{url}" phải là đường dẫn tương đối kết thúc bằng "/", '
            'ví dụ "tim-kiem/" (không có "/" ở đầu).'
        )
    if not save_as:
        settings["SEARCH_URL"] = ""
    settings["SEARCH_BUNDLE_URL"] = f"{BUNDLE_DIR}/pagefind.js"


def configure(pelican) -> None:
    """Validate settings before any generator copies them into its context."""
    check_settings(pelican.settings)
    written.start(pelican.settings)


def add_filters(generator) -> None:
    """Give every template environment the folding filters."""
    generator.env.filters["search_fold"] = search_fold
    generator.env.filters["search_fold_title"] = folded_title


class SearchPageGenerator(Generator):
    """Writes the "Tìm kiếm" page (one page; results are computed in the browser)."""

    def generate_output(self, writer) -> None:
        """Render ``search.html`` to SEARCH_SAVE_AS."""
        save_as = self.settings.get("SEARCH_SAVE_AS")
        if not save_as:
            return
        writer.write_file(
            save_as,
            self.get_template("search"),
            self.context,
            self.settings["RELATIVE_URLS"],
            template_name="search",
            page_name=save_as.removesuffix(".html"),
            url=self.settings["SEARCH_URL"],
        )


def get_generators(pelican) -> type[Generator]:
    """Contribute the search page generator."""
    return SearchPageGenerator


# The last index this process built (the benchmark reports its time).
last_stats: IndexStats | None = None


def index_site(pelican) -> None:
    """Index the written site with Pagefind (unless SEARCH_INDEX is False).

    The pages are read here; Pagefind runs beside the ``finalized`` handlers
    that come after this one (:mod:`portal_core.background`): none of them
    writes a page the index reads.
    """
    global last_stats  # noqa: PLW0603 - one build at a time per process
    last_stats = None
    if not pelican.settings.get("SEARCH_INDEX", True):
        return
    settings = pelican.settings
    try:
        prepared = prepare_index(
            Path(pelican.output_path),
            part_pages=settings["SEARCH_PART_PAGES"],
            # Unchanged parts are copied from the last build's (CI keeps CACHE_PATH).
            cache_dir=Path(settings["CACHE_PATH"]) / "search",
            seen=written.seen(),
        )
        # Pages looked at from the disk once written count as read again too.
        read_back = written.pages_read()
    finally:
        written.forget()

    def build() -> None:
        global last_stats  # noqa: PLW0603
        stats = prepared.build()
        last_stats = dataclasses.replace(stats, read=stats.read + read_back)
        logger.info(last_stats.summary())

    background.start(build)


def register() -> None:
    """Register the plugin callbacks."""
    # initialized: settings are copied into every generator's context after
    # this, so the header's search box sees SEARCH_URL.
    signals.initialized.connect(configure)
    # generator_init: fires for each generator, so every Jinja environment
    # (articles, pages, notices, documents) can fold "đ" words.
    signals.generator_init.connect(add_filters)
    # get_generators: the search page is one more output, like the archives.
    signals.get_generators.connect(get_generators)
    # content_written: each page is looked at once written, in the process
    # that wrote it (build_speed's workers hand theirs over by the two
    # signals below), so the index need not read the site again.
    signals.content_written.connect(written.note_written)
    signal("build_speed_worker_state").connect(written.export)
    signal("build_speed_merge_state").connect(written.merge)
    # the published build's record (plugins/live_preview/hooks.py): what was
    # noted of a page is kept with it, and given back when the page is kept.
    signal("build_speed_page_rendered").connect(written.page_rendered)
    signal("build_speed_page_kept").connect(written.page_kept)
    # finalized: every page is on disk; Pagefind reads the output folder.
    signals.finalized.connect(index_site)
