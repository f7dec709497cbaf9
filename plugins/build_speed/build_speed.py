"""Wire the build-speed measures into Pelican.

- Typography once, in the readers (:mod:`.typography`), so the content cache
  keeps typeset text; Pelican's own pass is switched off.
- Markdown's inline patterns are not tried on text none of them can match
  (:mod:`.inline`).
- The content cache is dropped when what reading depends on changes (reading
  settings, plugin code, library versions): Pelican itself would serve stale
  articles after such a change.
- Jinja does not stat every template file at every ``{% include %}``, keeps
  compiled templates in CACHE_PATH (one compilation for every generator and
  every later build), and
  ``{% include_cached %}`` (:mod:`.fragments`) renders the sidebar, header and
  footer once rather than on every page (without this plugin the tag is a
  plain include: ``portal_core.templating``).
- Articles read, and their pages written, in worker processes on every CPU
  (:mod:`.parallel`); the build process made small before the writers start
  (:mod:`.memory`).
- The preview (hot path, incremental writes, signatures, dev server) is its
  own plugin, ``live_preview``.

The linear articles generator is not a plugin hook: see :mod:`.generator`
and ``PELICAN_CLASS`` in pelicanconf.py.
"""

from __future__ import annotations

import hashlib
import importlib.metadata
import logging
from pathlib import Path
from typing import Any

import jinja2
from jinja2 import FileSystemBytecodeCache
from pelican import signals

from portal_core.code import add_plugin_sources, describe
from portal_core.settings import add_markdown_extension

from . import addresses, dates, memory, parallel
from .blocks import SkippingBlockExtension
from .inline import SkippingInlineExtension
from .preprocessors import SkippingPreprocessorsExtension
from .readers import install as install_readers

logger = logging.getLogger(__name__)

KEY_NAME = "build_speed-reading.key"
EXTENSION = "build_speed.fragments.IncludeCachedExtension"
PLAIN_INCLUDE = "portal_core.templating.PlainIncludeExtension"


# What the content cache's entries depend on besides the files themselves.
READING_SETTINGS = (
    "TYPOGRIFY",
    "TYPOGRIFY_IGNORE_TAGS",
    "TYPOGRIFY_OMIT_FILTERS",
    "TYPOGRIFY_DASHES",
    "MARKDOWN",
    "READERS",
    "FORMATTED_FIELDS",
    "TIMEZONE",
    "DEFAULT_LANG",
    "DEFAULT_DATE",
    "DEFAULT_DATE_FORMAT",
    "PLUGINS",
    "GZIP_CACHE",  # the cache file's format
)
LIBRARIES = ("pelican", "markdown", "typogrify", "smartypants")


def reading_key(settings: dict[str, Any]) -> str:
    """Digest of everything a cached article depends on besides its file."""
    digest = hashlib.sha256()
    for name in READING_SETTINGS:
        digest.update(f"{name}={describe(settings.get(name))}\n".encode())
    for library in LIBRARIES:
        try:
            digest.update(importlib.metadata.version(library).encode())
        except importlib.metadata.PackageNotFoundError:
            digest.update(b"-")
    add_plugin_sources(settings, digest)
    return digest.hexdigest()


def _key_path(settings: dict[str, Any]) -> Path:
    return Path(settings["CACHE_PATH"]) / KEY_NAME


def check_content_cache(settings: dict[str, Any]) -> None:
    """Do not load a content cache made with other reading settings or code."""
    if not (settings.get("CACHE_CONTENT") or settings.get("LOAD_CONTENT_CACHE")):
        return
    key = reading_key(settings)
    settings["BUILD_SPEED_READING_KEY"] = key
    path = _key_path(settings)
    stored = path.read_text(encoding="utf-8") if path.is_file() else ""
    if settings.get("LOAD_CONTENT_CACHE") and stored != key:
        logger.info("Bộ nhớ đệm nội dung đã cũ (cấu hình hoặc mã plugin đổi): đọc lại từ đầu.")
        settings["LOAD_CONTENT_CACHE"] = False
        path.unlink(missing_ok=True)


def bytecode_cache(settings: dict[str, Any], jinja: dict[str, Any]) -> FileSystemBytecodeCache:
    """Compiled templates kept in CACHE_PATH, shared by every generator.

    Each generator has its own template environment, so a build compiles each
    template several times, and every build compiles them all again. Jinja
    checks each entry against the template's source; the folder name also
    carries the environment's options (whitespace control, extensions), which
    change the compiled code.
    """
    options = describe({key: value for key, value in jinja.items() if key != "bytecode_cache"})
    digest = hashlib.sha256(f"{jinja2.__version__}|{options}".encode()).hexdigest()[:12]
    folder = Path(settings["CACHE_PATH"]) / f"jinja-{digest}"
    folder.mkdir(parents=True, exist_ok=True)
    return FileSystemBytecodeCache(str(folder))


def configure(pelican) -> None:
    """Adjust settings before any generator, reader or template exists."""
    settings = pelican.settings
    check_content_cache(settings)
    parallel.check_settings(settings)  # before any reading
    if settings.get("TYPOGRIFY"):
        # Our readers typeset in read(); Pelican must not do it a second time.
        settings["BUILD_SPEED_TYPOGRAPHY"] = True
        settings["TYPOGRIFY"] = False
    add_markdown_extension(settings, SkippingInlineExtension())
    add_markdown_extension(settings, SkippingBlockExtension())
    add_markdown_extension(settings, SkippingPreprocessorsExtension())
    jinja = dict(settings.get("JINJA_ENVIRONMENT") or {})
    # Every build makes new template environments, so checking each template
    # file's mtime at every {% include %} only costs a stat() per include.
    jinja.setdefault("auto_reload", False)
    # The caching include_cached replaces portal_core's plain one, whatever
    # the order the two plugins' handlers ran in.
    extensions = [name for name in jinja.get("extensions", []) if name != PLAIN_INCLUDE]
    if EXTENSION not in extensions:
        extensions.append(EXTENSION)
    jinja["extensions"] = extensions
    if settings.get("CACHE_CONTENT") and "bytecode_cache" not in jinja:
        jinja["bytecode_cache"] = bytecode_cache(settings, jinja)
    settings["JINJA_ENVIRONMENT"] = jinja


def finish(pelican) -> None:
    """Remember the reading key the content cache was made with."""
    key = pelican.settings.get("BUILD_SPEED_READING_KEY")
    if key and pelican.settings.get("CACHE_CONTENT"):
        path = _key_path(pelican.settings)
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(key, encoding="utf-8")


def register() -> None:
    """Register the plugin callbacks."""
    # initialized: settings are final but no generator (hence no reader or
    # template environment) exists yet.
    signals.initialized.connect(configure)
    # readers_init: each generator's readers are being set up; give them
    # typography in read() and cache-friendly texts.
    signals.readers_init.connect(install_readers)
    # content_object_init: the end of Content.__init__, after Pelican gave
    # the date its time zone (a new object); addresses are formatted later.
    signals.content_object_init.connect(dates.convert_dates)
    signals.content_object_init.connect(addresses.fast_addresses)
    # article_generator_init: the articles generator's readers and content
    # cache exist, nothing is read yet; worker processes fill the cache.
    signals.article_generator_init.connect(parallel.preread)
    # article_generator_pretaxonomy: every article file has been read; the
    # reading workers (and the pool's threads) end before anything else runs.
    signals.article_generator_pretaxonomy.connect(parallel.stop_reading)
    # article_generator_finalized: the articles are complete and the readers'
    # cache was saved just before; bodies packed, the cache emptied.
    signals.article_generator_finalized.connect(memory.after_articles)
    # finalized: every page is written; the cache is good for the next build.
    signals.finalized.connect(finish)
