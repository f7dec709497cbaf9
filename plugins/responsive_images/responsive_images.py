"""Responsive photos: smaller WebP/JPEG copies made at build time, and the HTML to use them.

An article with five camera photos must stay light on a cheap phone. Each
photo shown on the site (in an article body, as the home page's featured
photo, as a share image) gets copies 480, 800 and 1200 pixels wide, made once
per distinct photo and cached by content, and its ``<img>`` becomes a
``<picture>`` with ``srcset``, ``sizes``, ``width``/``height`` and lazy
loading below the first photo.

Templates use the filter ``responsive_images`` on rendered content
(``{{ article.content|responsive_images }}``) and the function
``responsive_image(path, alt, sizes=...)`` for a photo of their own.
"""

from __future__ import annotations

import dataclasses
import logging
import os
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path, PurePosixPath
from typing import Any

from blinker import signal
from jinja2 import pass_context
from markupsafe import Markup
from pelican import signals
from pelican.generators import StaticGenerator

from portal_core.state import BuildState

from .early import EarlyCopies
from .markup import ImageSet, picture, rewrite
from .settings import apply_defaults
from .variants import (
    ENCODER_VERSION,
    MIME,
    RASTER_SUFFIXES,
    SourceIndex,
    UnreadablePhoto,
    install,
    make,
    plan,
)

logger = logging.getLogger(__name__)

# Lists of content objects a generator may hold (articles, pages, documents...).
_CONTENT_LISTS = ("articles", "translations", "pages", "hidden_pages", "documents", "notices")


class Registry:
    """The photos of one build: where each comes from and which copies it needs."""

    def __init__(self, settings: dict[str, Any], sources: dict[str, Path]) -> None:
        self.settings = settings
        self.sources = sources  # site path -> original file
        self.cache = Path(settings["CACHE_PATH"]) / "responsive_images"
        self.cache.mkdir(parents=True, exist_ok=True)
        self.quality = {
            "jpeg": settings["RESPONSIVE_IMAGE_JPEG_QUALITY"],
            "webp": settings["RESPONSIVE_IMAGE_WEBP_QUALITY"],
        }
        salt = f"{ENCODER_VERSION}:{self.quality['jpeg']}:{self.quality['webp']}"
        self.index = SourceIndex(self.cache, salt)
        self._sets: dict[str, ImageSet | None] = {}
        self.used: dict[str, ImageSet] = {}
        # The photos of the page being rendered, while a build that reuses
        # pages wants to know them (page_rendering .. page_rendered).
        self.page_photos: set[str] | None = None
        # Copies begun before the pages are all written (begin_copies: early.py).
        self._early: EarlyCopies | None = None

    def inspect(self, url: str) -> ImageSet | None:
        """Copies planned for the photo at site path ``url``; None if it has none."""
        url = url.lstrip("/")
        if url in self._sets:
            return self._sets[url]
        found = None
        path = self.sources.get(url)
        if path is not None and PurePosixPath(url).suffix.lower() in RASTER_SUFFIXES:
            try:
                source = self.index.read(path, url)
            except (OSError, UnreadablePhoto):
                source = None  # reported by the checks that read the content
            if source is not None:
                variants = plan(
                    source,
                    self.settings["RESPONSIVE_IMAGE_WIDTHS"],
                    self.settings["RESPONSIVE_IMAGE_DIR"],
                )
                found = ImageSet(source, tuple(variants))
        self._sets[url] = found
        return found

    def lookup(self, url: str) -> ImageSet | None:
        """Like :meth:`inspect`, and the copies will be written: a page uses them."""
        found = self.inspect(url)
        if found is not None:
            if found.source.url not in self.used:
                self.used[found.source.url] = found
                if self._early is not None:
                    self._early.add(found)
            if self.page_photos is not None:
                self.page_photos.add(found.source.url)
        return found

    def begin_copies(self) -> None:
        """Make copies of the photos used so far, and of each new one, beside the build."""
        if self._early is None:
            self._early = EarlyCopies(self._make_missing)
            self._early.add(*self.used.values())

    def _make_missing(self, image: ImageSet) -> int:
        return make(image.source, list(image.variants), self.cache, self.quality)

    def write(self, output: Path) -> tuple[int, int]:
        """Make missing copies (in parallel), put all in ``output``: (photos, made)."""
        made = 0
        if self._early is not None:
            made, self._early = self._early.end(), None
        images = list(self.used.values())
        workers = min(len(images), os.cpu_count() or 1) or 1
        with ThreadPoolExecutor(max_workers=workers) as pool:
            outcomes = list(pool.map(self._make, images))
        for image, (count, error) in zip(images, outcomes, strict=True):
            if error is not None:
                # Logged here, not in a worker thread: a fatal log stops the build cleanly.
                logger.error(
                    'Không thu nhỏ được ảnh "%s" (%s): tệp ảnh bị hỏng; '
                    "hãy lưu lại thành JPEG hoặc PNG.",
                    image.source.path,
                    error,
                )
                continue
            made += count
            for variant in image.variants:
                install(variant, self.cache, output)
        self.index.save()
        return len(images), made

    def _make(self, image: ImageSet) -> tuple[int, UnreadablePhoto | None]:
        try:
            return self._make_missing(image), None
        except UnreadablePhoto as error:
            return 0, error


# The registry of the build in progress (one site per build; renewed, empty,
# when a build starts: portal_core.state). It stays after the build, for the
# preview's hot path.
_state: BuildState[Registry | None] = BuildState(lambda: None)


def _static_sources(generators: list) -> dict[str, Path]:
    sources = {}
    for generator in generators:
        if isinstance(generator, StaticGenerator):
            for static in generator.staticfiles:
                sources[static.url] = Path(static.source_path)
    return sources


def _contents(generators: list) -> list:
    found = []
    for generator in generators:
        for name in _CONTENT_LISTS:
            found.extend(getattr(generator, name, None) or [])
    return found


@pass_context
def responsive_images(context, html: str) -> Markup:
    """Jinja filter: make every local photo in rendered content responsive."""
    if _state.value is None:
        return Markup(html)
    sizes = _state.value.settings["RESPONSIVE_IMAGE_SIZES"]
    return Markup(rewrite(str(html), _state.value.lookup, context.get("SITEURL", ""), sizes))


@pass_context
def responsive_image(
    context, path: str, alt: str = "", sizes: str = "100vw", lazy: bool = False
) -> Markup:
    """Jinja function: a responsive ``<picture>`` for the photo at site path ``path``."""
    base = context.get("SITEURL", "")
    image = _state.value.lookup(path) if _state.value is not None and path else None
    if image is None:
        return Markup('<img src="{}/{}" alt="{}">').format(base, path, alt)
    return Markup(picture(image, [("alt", alt)], base, sizes, lazy=lazy))


def responsive_copy(path: str, width: int = 480) -> Any:
    """Jinja function: the JPEG/PNG copy of ``path`` closest to ``width`` (never wider,
    unless none is), for a small picture where a whole ``<picture>`` would weigh more
    than the image (a sidebar thumbnail). None when the photo has no copies."""
    image = _state.value.lookup(path) if _state.value is not None and path else None
    if image is None:
        return None
    fitting = [variant for variant in image.fallback if variant.width <= width]
    return fitting[-1] if fitting else image.fallback[0]


def check_settings(pelican) -> None:
    """Fill in and check the settings once, before anything is read."""
    apply_defaults(pelican.settings)


def add_to_templates(generator) -> None:
    """Give every generator's templates the filter and the function."""
    generator.env.filters["responsive_images"] = responsive_images
    generator.env.globals["responsive_image"] = responsive_image
    generator.env.globals["responsive_copy"] = responsive_copy


def _share_copy(content) -> None:
    """Share a large photo (a camera's original) as its 1200-pixel copy."""
    share = getattr(content, "share_image", None)
    registry = _state.value
    image = registry.inspect(share.url) if registry is not None and share is not None else None
    # Only a photo wider than the largest copy is swapped; a picture already
    # the right size is shared as it is.
    if registry is not None and image is not None and image.source.width > image.largest.width:
        registry.lookup(share.url)
        largest = image.largest
        content.share_image = dataclasses.replace(
            share,
            url=largest.url,
            width=largest.width,
            height=largest.height,
            mime=MIME[largest.format],
        )


def start_registry(generators: list) -> None:
    """Know every static photo; share a light 1200-pixel copy of a large photo."""
    settings = generators[0].settings
    _state.value = Registry(settings, _static_sources(generators))
    for content in _contents(generators):
        _share_copy(content)


def begin_copies(generator, writer) -> None:
    """The article pages are written: start on the photos they show."""
    if _state.value is not None:
        _state.value.begin_copies()


def write_copies(pelican) -> None:
    """Make and place the copies of every photo the written pages use."""
    if _state.value is None:
        return
    photos, made = _state.value.write(Path(pelican.output_path))
    logger.info("Ảnh: %d ảnh được dùng, %d bản thu nhỏ mới.", photos, made)
    # The registry stays until the next build: the preview's hot path renders
    # pages of this build again (refresh_content, write_hot_copies).


def refresh_content(generator, content) -> None:
    """An article edited during the preview: its share image may be a new photo."""
    _share_copy(content)


def write_hot_copies(generator, output: Path) -> None:
    """The preview's hot path wrote pages: make the copies of any new photo."""
    if _state.value is not None:
        _state.value.write(Path(output))


def export_used(generator) -> dict[str, list[str]] | None:
    """In a build_speed worker process: the photos the pages it wrote use."""
    if _state.value is None:
        return None
    return {"responsive_images": list(_state.value.used)}


def merge_used(generator, state: dict[str, Any]) -> None:
    """In the build's own process: a worker's pages use these photos too."""
    if _state.value is not None:
        for url in state.get("responsive_images", ()):
            _state.value.lookup(url)


def page_rendering(name: str) -> None:
    """A page is about to be rendered: note the photos it shows."""
    if _state.value is not None:
        _state.value.page_photos = set()


def page_rendered(name: str, **_: Any) -> dict[str, list[str]] | None:
    """The page is rendered: the photos it showed, kept with the page."""
    registry = _state.value
    if registry is None or registry.page_photos is None:
        return None
    photos, registry.page_photos = registry.page_photos, None
    return {"responsive_images": sorted(photos)} if photos else None


def page_kept(name: str, notes: dict[str, Any], **_: Any) -> None:
    """A page is kept from the last build: its photos are used as when it rendered."""
    if _state.value is not None:
        for url in notes.get("responsive_images", ()):
            _state.value.lookup(url)


def register() -> None:
    """Register the plugin callbacks."""
    # initialized: check the settings before any content is read.
    signals.initialized.connect(check_settings)
    # generator_init: each generator's Jinja environment gets the filter.
    signals.generator_init.connect(add_to_templates)
    # all_generators_finalized: every static file is known and share images
    # are chosen (share_meta), but nothing is written yet.
    signals.all_generators_finalized.connect(start_registry)
    # article_writer_finalized: the article pages, archives and listings
    # (nearly every page, from every writing process) are written; their
    # photos are known, so their copies start while the rest is written.
    signals.article_writer_finalized.connect(begin_copies)
    # finalized: the pages are written, so the photos they use are known.
    signals.finalized.connect(write_copies)
    # the preview's hot path (plugins/live_preview/hooks.py): an article edited
    # during the preview is shown at once; connected after share_meta (PLUGINS
    # order), so its new share image is the one swapped for a copy.
    signal("build_speed_content_refreshed").connect(refresh_content)
    signal("build_speed_pages_written").connect(write_hot_copies)
    # build_speed's worker processes (plugins/build_speed/parallel.py) write
    # some pages: the photos those pages use come back to this process.
    signal("build_speed_worker_state").connect(export_used)
    signal("build_speed_merge_state").connect(merge_used)
    # a published build that reuses unchanged pages (live_preview/hooks.py):
    # a kept page's photos are the ones it showed when it was rendered.
    signal("build_speed_page_rendering").connect(page_rendering)
    signal("build_speed_page_rendered").connect(page_rendered)
    signal("build_speed_page_kept").connect(page_kept)
