"""The preview's first answer to a save: every page the edit concerns, at once.

Even with the content cache and incremental writes, a build of 10,000
articles reads and groups every article again and runs every plugin over
them: seconds to tens of seconds. Yet most edits keep an article where it is:
a comma in the body, a sentence, a photo, a better title or summary. Its
status, date, category, tags and authors are unchanged, so no list gains or
loses an article and no list changes order. For such an edit the preview
updates the article object of the last build in memory (same plugins, same
readers, same cache) and renders, with the same templates and context:

- the article's own page (at its new address if the new title moved it);
- every page whose own data showed the article in the last build (listing
  pages, archives, the "tin mới hơn / tin đã đưa" of its neighbours), known
  from the last build's page signatures (:mod:`.signatures`);
- every page rendered on each build anyway (home page, archive index...).

That is exactly the set of pages whose signature an incremental build would
find changed, as long as what *every* page shows (the frame: the sidebar's
newest articles, the menus) is unchanged; the frame is fingerprinted again to
make sure. When it changed (the edited article is one of the newest), only
the article's own page is written at once. Either way the incremental build
runs right after and is the reference: pages written here are recorded as
unverified, so that build renders them again.

Plugins that derive data from an article after reading it listen to
:mod:`.hooks` to keep these pages exact.
"""

from __future__ import annotations

import logging
import os
import pickle
import time
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from pelican.contents import Article, Content
from pelican.generators import ArticlesGenerator, StaticGenerator
from pelican.plugins import signals
from pelican.utils import sanitised_join

from . import hooks, incremental
from .incremental import RECORD_NAME, SelectiveWriter
from .signatures import Fingerprints, templates_digest

logger = logging.getLogger(__name__)

# Objects that other lists and the context share with the article: they keep
# their identity (the categories plugin also fixes their names in place).
_SHARED_ATTRIBUTES = ("category", "tags", "author", "authors")


@dataclass
class Model:
    """What the last build left in memory: its generators and output folder."""

    generators: list[Any]
    articles: Any
    output: Path


@dataclass
class HotUpdate:
    """What the hot path did."""

    pages: list[str]
    seconds: float
    # Every page the edit concerns was written (else only the articles' own).
    complete: bool = True
    removed: list[str] = field(default_factory=list)


_model: Model | None = None


def remember(generators: list[Any], settings: dict[str, Any]) -> None:
    """Keep the generators of a preview build for the next save."""
    global _model  # noqa: PLW0603 - the preview holds one site in memory
    for generator in generators:
        if isinstance(generator, ArticlesGenerator):
            output = Path(settings["OUTPUT_PATH"]).resolve()
            _model = Model(list(generators), generator, output)
            return


def model() -> Model | None:
    """The build kept in memory, if any."""
    return _model


def forget() -> None:
    """Drop the kept build (its articles, their pages' text)."""
    global _model  # noqa: PLW0603
    _model = None


# --- reading the edited file ----------------------------------------------------
def _placement(article: Content) -> tuple:
    """What decides which lists hold an article, and where."""

    def slugs(values: Any) -> tuple[str, ...]:
        return tuple(sorted(str(getattr(value, "slug", value)) for value in values or ()))

    category = getattr(article, "category", None)
    return (
        getattr(article, "status", None),
        getattr(article, "date", None),
        getattr(category, "slug", category),
        getattr(article, "lang", None),
        getattr(article, "translation_of", None),
        getattr(article, "template", None),
        slugs(getattr(article, "tags", None)),
        slugs(getattr(article, "authors", None)),
    )


def _reread(generator: Any, path: Path) -> tuple[Article, Article] | None:
    """(kept article, newly read one) when the edit keeps the article in place."""
    relative = path.relative_to(Path(generator.path).resolve()).as_posix()
    kept = generator.context["generated_content"].get(relative)
    if not isinstance(kept, Article) or not any(kept is item for item in generator.articles):
        return None  # new, unpublished or not an article: the full build decides
    for _, problems in hooks.check_source.send(generator, path=path):
        if problems:
            return None  # the full build reports them
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
    if not fresh.is_valid() or _placement(fresh) != _placement(kept):
        return None  # lists and archives may change
    return kept, fresh


def _address_free(model: Model, kept: Article, save_as: str) -> bool:
    """Whether ``kept`` may move to ``save_as``: no page there, nothing links to it."""
    if os.path.exists(sanitised_join(str(model.output), save_as)):
        return False
    name = os.path.basename(kept.source_path)
    for other in model.articles.context["generated_content"].values():
        if other is kept:
            continue
        if getattr(other, "save_as", None) == save_as:
            return False
        # A {filename} link to it: that page's text changes too.
        if name in (getattr(other, "_content", None) or ""):
            return False
    return True


def _transplant(kept: Article, fresh: Article) -> None:
    """Give ``kept`` (the object every list holds) what ``fresh`` was read with."""
    state = vars(kept)
    new = dict(vars(fresh))
    metadata = dict(new.get("metadata", {}))
    for name in _SHARED_ATTRIBUTES:
        if name in state:
            new[name] = state[name]
        if name in kept.metadata:
            metadata[name] = kept.metadata[name]
    new["metadata"] = metadata
    # Memos of the old text go; data that plugins attached later stays.
    for name in [name for name in state if name.startswith("_") and name not in new]:
        del state[name]
    state.update(new)
    for memo in (Content.get_content.cache, Content.get_summary.cache):
        for key in [key for key in memo if key and key[0] is kept]:
            del memo[key]


# --- writing ------------------------------------------------------------------------
class _TargetWriter(SelectiveWriter):
    """Renders and writes only the pages in ``wanted``."""

    def __init__(self, output_path: str, settings: dict[str, Any], wanted: set[str]) -> None:
        super().__init__(output_path, settings=settings)
        self.wanted = wanted
        self.written: list[str] = []

    def write_file(self, name, template, context, *args, **kwargs) -> None:
        """Skip at once a single page nobody wants; paginated ones page by page."""
        paginated = kwargs.get("template_name") in self.settings["PAGINATED_TEMPLATES"]
        if name in self.wanted or paginated:
            super().write_file(name, template, context, *args, **kwargs)

    def skip(self, name: str, template: Any, local: dict[str, Any]) -> bool:
        if name in self.wanted and name not in self.written:
            self.written.append(name)
            return False
        return True


def _render(model: Model, wanted: set[str]) -> list[str]:
    """Render ``wanted`` with every generator of the kept build."""
    for generator in model.generators:
        env = getattr(generator, "env", None)
        for extension in getattr(env, "extensions", {}).values():
            forget = getattr(extension, "forget", None)  # build_speed's include_cached
            if callable(forget):
                forget()  # its fragments may show the edited article
    writer = _TargetWriter(str(model.output), model.articles.settings, wanted)
    for generator in model.generators:
        if not isinstance(generator, StaticGenerator):
            generator.generate_output(writer)
    hooks.pages_written.send(model.articles, output=model.output)
    return writer.written


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


def _frame_unchanged(model: Model) -> bool:
    """Whether what every page shows is what the last build recorded."""
    session = incremental.last()
    if session is None or session.output != model.output or session.frame is None:
        return False
    settings = model.articles.settings
    templates = templates_digest(incremental.template_folders(settings))
    fingerprints = Fingerprints(model.articles.context, session.depth, templates, session.fields)
    frame = fingerprints.frame()
    return frame == session.frame


def _read_edits(model: Model, changed: list[Path]) -> list[tuple] | None:
    """(kept, fresh, old save_as, new url) per changed file; None if one is not in place."""
    generator = model.articles
    root = Path(generator.path).resolve()
    edits = []
    for path in changed:
        resolved = Path(path).resolve()
        if root not in resolved.parents or not resolved.is_file():
            return None
        try:
            pair = _reread(generator, resolved)
        except Exception:  # any trouble: the full build reports it properly
            logger.debug("Hot update of %s failed", path, exc_info=True)
            return None
        if pair is None:
            return None
        kept, fresh = pair
        if fresh.save_as != kept.save_as and not _address_free(model, kept, fresh.save_as):
            return None
        edits.append((kept, fresh, kept.save_as, fresh.url))
    if len({fresh.save_as for _, fresh, _, _ in edits}) < len(edits):
        return None  # two edited articles on one address: the build reports it
    return edits


def update(changed: list[Path]) -> HotUpdate | None:
    """Rewrite the pages an in-place edit of articles concerns; None if not possible.

    Anything else (a new or deleted file, a moved or re-dated article, a
    page, the theme, a mistake in the file) returns None: the incremental
    build handles it. The kept build may be changed even then: the
    incremental build that follows replaces it.
    """
    if _model is None or not changed:
        return None
    started = time.perf_counter()
    edits = _read_edits(_model, changed)
    if not edits:
        return None
    try:
        return _apply(_model, edits, started)
    except Exception:  # a plugin failed (a broken photo, say): the build reports it
        logger.debug("Hot update failed", exc_info=True)
        return None


def _apply(model: Model, edits: list[tuple], started: float) -> HotUpdate | None:
    """Update the kept articles and write the pages they concern."""
    generator = model.articles
    for kept, fresh, _, url in edits:
        frozen = "override_save_as" in vars(kept) and "override_save_as" not in vars(fresh)
        save_as = fresh.save_as
        _transplant(kept, fresh)
        if frozen:  # keep the address computed once (generator.py), now the new one
            kept.override_save_as, kept.override_url = save_as, url
        hooks.content_refreshed.send(generator, content=kept)
    moved = [old for kept, _, old, _ in edits if old != kept.save_as]
    wanted = {kept.save_as for kept, _, _, _ in edits}
    complete = _frame_unchanged(model)
    session = incremental.last()
    if complete and session is not None:
        wanted |= session.pages_showing({kept.source_path for kept, _, _, _ in edits})
        wanted |= session.unsigned()
    elif moved:
        return None  # links on every page change: leave it to the full build
    wanted -= set(moved)
    # Before writing: should anything below fail, the build still renders them.
    _distrust(Path(generator.settings["CACHE_PATH"]).resolve() / RECORD_NAME, [*wanted, *moved])
    pages = _render(model, wanted)
    removed = [name for name in moved if incremental.remove_page(model.output, name)]
    return HotUpdate(pages, time.perf_counter() - started, complete, removed)
