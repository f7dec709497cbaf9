"""The address the build gives a checked file, asked of Pelican itself.

The check must name the address a content will have (two contents on one
address, a page on a generated one) before anything is built. Rather than
re-doing Pelican's slug, URL and ``save_as`` rules, it reads the header the
way the build does (Pelican's ``Readers.read_file``: default and path
metadata, our reader's ``process_metadata``, typography on the title) and
makes the real ``Article`` or ``Page`` of it; the Markdown body and summary
are not rendered, nor is the title typeset, so 10,000 files still take seconds.
``content_object_init`` is muted while the object is made: it is a probe,
not a content of the build (plugins must not schedule or check it). What
build_speed does at that signal only to format addresses faster (numeric
dates, :mod:`build_speed.addresses`' classes) the probe does itself: the same
addresses, and the probe is where the check spends most of its time.
"""

from __future__ import annotations

import logging
import os
from collections.abc import Mapping
from pathlib import Path
from typing import Any, NamedTuple

from pelican import signals
from pelican.contents import Content
from pelican.readers import Readers

from build_speed.addresses import FastArticle, FastPage
from build_speed.dates import convert_dates
from portal_core.caching import NoStampsWithoutEntry

from .kinds import MARKDOWN_EXTENSIONS
from .reader import PortalMarkdownReader
from .source import Header


class Address(NamedTuple):
    """Where the build writes a content ("" when it has no slug: nothing)."""

    slug: str
    save_as: str
    content: Content | None  # the probe, for its URL (formatted only when a message needs it)


# The Pelican class each kind Pelican reads becomes (the build's are these
# classes too, once build_speed gave them their fast addresses).
CONTENT_CLASSES: dict[str, type[Content]] = {"article": FastArticle, "page": FastPage}


class _HeaderOnly:
    """Mixed into the build's Markdown reader class: read the header, render nothing."""

    renders_text = False
    # Source path -> the text and header the check already has.
    texts: dict[str, tuple[str, Header]]

    def source_text(self, source_path: str) -> str:
        known = self.texts.get(source_path)
        return known[0] if known else super().source_text(source_path)  # type: ignore[misc]

    def header_of(self, text: str) -> Header:
        known = self.texts.get(self._source_path)  # type: ignore[attr-defined]
        return known[1] if known and known[0] is text else super().header_of(text)  # type: ignore[misc]


class _ProbeReaders(NoStampsWithoutEntry, Readers):
    """Pelican's readers without the content cache, which a probe never uses."""


class Locator:
    """Makes the Pelican content object of a checked file (one per check)."""

    def __init__(self, settings: Mapping[str, Any]) -> None:
        # Without typography: it never changes a slug (Pelican's slugify drops
        # the tags and entities it adds, unidecode maps its dashes and quotes
        # back; tests/integration/test_content_checks.py builds such titles),
        # and on titles it is a third of the probe's time.
        self.settings = {**settings, "TYPOGRIFY": False, "BUILD_SPEED_TYPOGRAPHY": False}
        # No cache: the probe never reads or writes Pelican's content cache.
        # Plugins extend the reader classes here (readers_init), as for the build.
        self.readers = _ProbeReaders(self.settings, cache_name="")
        texts: dict[str, tuple[str, Header]] = {}
        for extension in MARKDOWN_EXTENSIONS:
            built = self.readers.reader_classes.get(extension)
            if not (isinstance(built, type) and issubclass(built, PortalMarkdownReader)):
                built = PortalMarkdownReader
            probe = type(f"Header{built.__name__}", (_HeaderOnly, built), {"texts": texts})
            self.readers.readers[extension] = probe(self.settings)
        self.texts = texts

    def __enter__(self) -> Locator:
        # Pelican's own warnings about a header (a slug it cannot make...)
        # would be fatal and in English: the rules say it in Vietnamese.
        # Once for the whole check: logging.disable is slow.
        self._logging = logging.root.manager.disable
        logging.disable(logging.WARNING)
        return self

    def __exit__(self, *exc: object) -> None:
        logging.disable(self._logging)

    def address(
        self, kind: str, path: Path, text: str, header: Header, category: Any
    ) -> Address | None:
        """(slug, save_as, content) of the ``Article``/``Page`` the build makes of ``path``.

        ``header``: the file's, already parsed. ``category``: the registry
        entry the header names (the categories plugin gives it to the article
        once read). None for other kinds, for "Status: skip", or when the
        header is too wrong to make an address of
        (its mistakes are reported by the rules).
        """
        content_class = CONTENT_CLASSES.get(kind)
        if content_class is None or (kind == "article" and category is None):
            return None
        key = os.path.abspath(path)
        self.texts[key] = (text, header)
        try:
            with signals.content_object_init.muted():
                content = self.readers.read_file(
                    base_path=self.settings["PATH"],
                    path=key,
                    content_class=content_class,
                    context={},
                )
            # "Status: skip" makes Pelican's SkipStub: nothing is written.
            if not isinstance(content, content_class):
                return None
            convert_dates(content)
            if category is not None:
                # What the categories plugin does once articles are read.
                content.category.name, content.category.slug = category.name, category.slug
            slug = str(getattr(content, "slug", "") or "")
            return Address(slug, str(content.save_as), content) if slug else Address("", "", None)
        except Exception:  # a header Pelican cannot use: the rules report its mistakes
            return None
        finally:
            self.texts.pop(key, None)
