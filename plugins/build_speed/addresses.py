"""Article and page addresses formatted from the fields they name, not from a copy of all.

Pelican formats ``ARTICLE_URL``, ``ARTICLE_SAVE_AS`` (and the page, draft
and translation variants) with ``str.format(**content.url_format)``.
``url_format`` copies the whole metadata and computes every field a format
could name: the source path relative to ``PATH``, the author's and the
category's slugs (each article has its own ``Category`` and ``Author``
objects, so each is slugified once per article), the language, the date.
``ARTICLE_URL`` names two of them (``date`` and ``slug``). With the
portal's settings one address took 27 µs this way and takes 10 µs with
:class:`AddressFields`; an article's address is formatted some five times
(the check's probe, the reader's ``is_valid``, the freezing of ``url`` and
``save_as``).

:class:`AddressFields` is ``url_format`` as a mapping whose values are made
when the format asks for them (``str.format_map``), by the same expressions.
It is used by :class:`FastArticle` and :class:`FastPage`, which are Pelican's
``Article`` and ``Page`` under the same class names (Pelican picks the
settings' prefix from the class name, and page signatures name it);
:func:`fast_addresses` gives a new content object that class at the end of
``Content.__init__`` (``content_object_init``). A class whose ``url_format``
is not Pelican's own is left alone.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterator, Mapping
from typing import Any

from pelican.contents import Article, Content, Page
from pelican.utils import path_to_url


class AddressFields(Mapping[str, Any]):
    """``content.url_format``, each value computed on first use (Pelican 4.12's rules)."""

    __slots__ = ("_content", "_made")

    # The fields url_format sets over the metadata, in its order.
    COMPUTED = ("path", "slug", "lang", "date", "author", "category")

    def __init__(self, content: Content) -> None:
        self._content = content
        self._made: dict[str, Any] = {}

    def __getitem__(self, key: str) -> Any:
        made = self._made
        if key in made:
            return made[key]
        content = self._content
        if key == "path":
            metadata = content.metadata
            path = metadata["path"] if "path" in metadata else content.get_relative_source_path()
            value = path_to_url(path)
        elif key == "slug":
            value = getattr(content, "slug", "")
        elif key == "lang":
            value = getattr(content, "lang", "en")
        elif key == "date":
            value = content.date if hasattr(content, "date") else dt.datetime.now()
        elif key == "author":
            value = content.author.slug if hasattr(content, "author") else ""
        elif key == "category":
            value = content.category.slug if hasattr(content, "category") else ""
        else:
            return content.metadata[key]  # KeyError, as format(**url_format) raises
        made[key] = value
        return value

    def __iter__(self) -> Iterator[str]:
        yield from self._content.metadata
        yield from (key for key in self.COMPUTED if key not in self._content.metadata)

    def __len__(self) -> int:
        return sum(1 for _ in self)


class LazyAddresses(Content):
    """Below Pelican's class in the MRO: its ``_expand_settings`` picks the prefix."""

    def _expand_settings(self, key: str, klass: str | None = None) -> str:
        if not klass:
            klass = self.__class__.__name__
        fq_key = f"{klass}_{key}".upper()
        return str(self.settings[fq_key]).format_map(AddressFields(self))


class FastArticle(Article, LazyAddresses):
    """Pelican's ``Article``, addresses formatted from the fields they name."""


class FastPage(Page, LazyAddresses):
    """Pelican's ``Page``, addresses formatted from the fields they name."""


# Same names as Pelican's classes: Pelican reads "<CLASS>_URL" from the name
# of a page's class, and live_preview's signatures name the class too.
FastArticle.__name__ = "Article"
FastPage.__name__ = "Page"
FAST_CLASSES: dict[type, type] = {Article: FastArticle, Page: FastPage}


def fast_addresses(content: Any) -> None:
    """Give a Pelican article or page the lazily formatted addresses (``content_object_init``)."""
    fast = FAST_CLASSES.get(type(content))
    if fast is not None and type(content).url_format is Content.url_format:
        content.__class__ = fast
