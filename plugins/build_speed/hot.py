"""The preview's first answer to a save: the edited article's own page, at once.

Even with the content cache and incremental writes, a build of 10,000 articles
reads and groups every article again and runs every plugin over them: tens of
seconds. Most edits only touch an article's body (a comma, a sentence, a
photo caption): its header (title, date, category, summary) is unchanged, so
no listing, archive or neighbour shows anything new. For such an edit the
preview re-reads that one file with the last build's readers (same plugins,
same cache), gives the new body to the article object of the last build and
renders its page with the same templates and context: a fraction of a second.

The full incremental build runs right after and is the reference: the hot
page is recorded as unverified, so that build renders it again and corrects
whatever a plugin derives from the body at a later stage.
"""

from __future__ import annotations

import logging
import os
import pickle
import time
from dataclasses import dataclass
from functools import partial
from pathlib import Path
from typing import Any

from pelican.contents import Article, Content
from pelican.plugins import signals
from pelican.writers import Writer

from .incremental import RECORD_NAME

logger = logging.getLogger(__name__)


@dataclass
class Model:
    """What the last build left in memory: its articles generator and settings."""

    generator: Any
    output: Path


@dataclass
class HotUpdate:
    """Pages the hot path rewrote."""

    pages: list[str]
    seconds: float


_model: Model | None = None


def remember(generators, settings: dict[str, Any]) -> None:
    """Keep the articles generator of a preview build for the next save."""
    global _model  # noqa: PLW0603 - the preview holds one site in memory
    from pelican.generators import ArticlesGenerator  # noqa: PLC0415

    for generator in generators:
        if isinstance(generator, ArticlesGenerator):
            _model = Model(generator, Path(settings["OUTPUT_PATH"]).resolve())
            return


def model() -> Model | None:
    """The build kept in memory, if any."""
    return _model


def forget() -> None:
    """Drop the kept build (its articles, their pages' text)."""
    global _model  # noqa: PLW0603
    _model = None


def _reader_entry(readers, path: str) -> Any:
    """What the readers' cache holds for ``path``: (content, metadata) or None."""
    entry = getattr(readers, "_cache", {}).get(path)
    return entry[1] if entry else None


def _body_only(generator, relative: str) -> tuple[Article, Article] | None:
    """(kept article, newly read one) when only the body of ``relative`` changed."""
    kept = generator.context["generated_content"].get(relative)
    if not isinstance(kept, Article) or kept not in generator.articles:
        return None
    path = os.path.abspath(os.path.join(generator.path, relative))
    before = _reader_entry(generator.readers, path)
    if before is None:
        return None
    fresh = generator.readers.read_file(
        base_path=generator.path,
        path=relative,
        content_class=Article,
        context=generator.context,
        preread_signal=signals.article_generator_preread,
        preread_sender=generator,
        context_signal=signals.article_generator_context,
        context_sender=generator,
    )
    after = _reader_entry(generator.readers, path)
    if after is None or before[1] != after[1] or not fresh.is_valid():
        return None  # the header changed: listings and archives may change
    return kept, fresh


def _forget_memos(article: Content) -> None:
    """Drop Pelican's memoised body and summary of ``article``."""
    for memo in (Content.get_content.cache, Content.get_summary.cache):
        for key in [key for key in memo if key and key[0] is article]:
            del memo[key]


def _distrust(record_path: Path, pages: list[str]) -> None:
    """Make the next incremental build render ``pages`` whatever their signature."""
    try:
        with record_path.open("rb") as handle:
            record = pickle.load(handle)
    except (OSError, pickle.PickleError, EOFError):
        return
    for page in pages:
        record.get("pages", {})[page] = None
    with record_path.open("wb") as handle:
        pickle.dump(record, handle, protocol=pickle.HIGHEST_PROTOCOL)


def update(changed: list[Path]) -> HotUpdate | None:
    """Rewrite the pages of articles whose body alone changed; None if not possible.

    Anything else (a new or deleted file, a changed header, a page, the
    theme) returns None: the incremental build handles it.
    """
    # The hot path writes through PortalArticlesGenerator (PELICAN_CLASS).
    if _model is None or not changed or not hasattr(_model.generator, "write_article"):
        return None
    started = time.perf_counter()
    generator = _model.generator
    root = Path(generator.path).resolve()
    pairs = []
    for path in changed:
        resolved = Path(path).resolve()
        if root not in resolved.parents or not resolved.is_file():
            return None
        try:
            pair = _body_only(generator, resolved.relative_to(root).as_posix())
        except Exception:  # any trouble: the full build reports it properly
            logger.debug("Hot update of %s failed", path, exc_info=True)
            return None
        if pair is None:
            return None
        pairs.append(pair)
    settings = generator.settings
    writer = Writer(str(_model.output), settings=settings)
    write = partial(writer.write_file, relative_urls=settings["RELATIVE_URLS"])
    pages = []
    for kept, fresh in pairs:
        kept._content = fresh._content
        _forget_memos(kept)
        generator.write_article(write, kept)
        pages.append(kept.save_as)
    _distrust(Path(settings["CACHE_PATH"]).resolve() / RECORD_NAME, pages)
    return HotUpdate(pages, time.perf_counter() - started)
