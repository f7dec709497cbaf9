"""Keep the build process small before its pages are written.

Measured at 20,000 articles without the search index: the build process held
about 460 MB when the first page was written, and each forked writer
(:mod:`.parallel`) starts from all of it. Once the articles generator is
finalized, three things are no longer needed as they are:

- Each article's body, the typeset HTML (about 6 KB as a ``str``: Vietnamese
  letters take two bytes each, 124 MB at 20,000), is from then on read when
  its page is written (Pelican's scan for links to static files ran while
  reading; ``share_meta``, registered before this plugin, looks for a first
  photo just before). It is kept as compressed UTF-8 (27 MB) and unpacked on
  each read (:class:`PackedBody`); nothing else about the article changes.
- The readers' content cache has just been saved to disk; in memory it still
  holds every body and a copy of every metadata dictionary. It is emptied.
- Pickling that cache made a UTF-8 copy of every text (about 80 MB) and freed
  them together; glibc keeps such freed memory for later unless asked to
  give it back (:func:`give_back`), and a forked writer would then start
  with it too.

None of this runs in the preview's builds (``BUILD_SPEED_INCREMENTAL``): its
readers and records outlive one build, and its memory is not the limit.
"""

from __future__ import annotations

import ctypes
import functools
import zlib
from itertools import chain
from typing import Any

# Fastest level: packing runs in the build process alone, 1.4 s for the
# 20,000 bodies of the bench corpus (level 6: 2.1 s, 25 MB instead of 27).
LEVEL = 1


class PackedBody:
    """Mixin: the article's ``_content`` kept as zlib-compressed UTF-8.

    No ``__slots__``: an article's class can only be swapped for one with
    the same memory layout as its own.
    """

    @property
    def _content(self) -> str:
        packed = self.__dict__["_packed_content"]
        return zlib.decompress(packed).decode("utf-8") if isinstance(packed, bytes) else packed

    @_content.setter
    def _content(self, value: str) -> None:
        self.__dict__["_packed_content"] = _pack(value)


def _pack(value: Any) -> Any:
    """Compressed UTF-8 for a non-empty ``str``; anything else as it is."""
    if isinstance(value, str) and value:
        return zlib.compress(value.encode("utf-8"), LEVEL)
    return value


@functools.cache
def packed_class(content_class: type) -> type:
    """``content_class`` with a packed body (one class per content class).

    Same name, so that templates, plugins and error messages that name the
    kind of content see the class they know.
    """
    return type(content_class.__name__, (PackedBody, content_class), {})


def pack_bodies(generator) -> None:
    """Keep every article's body packed from now on."""
    for article in chain(
        generator.articles,
        generator.translations,
        generator.hidden_articles,
        generator.hidden_translations,
        generator.drafts,
        generator.drafts_translations,
    ):
        if "_content" not in vars(article):
            continue  # packed already (an article listed twice), or no body
        body = vars(article).pop("_content")
        article.__class__ = packed_class(type(article))
        article._content = body


def empty_saved_cache(readers) -> None:
    """Forget the readers' in-memory content cache, already saved to disk.

    Saving it again would write an empty cache over the good one, so the
    readers' ``save_cache`` does nothing from now on.
    """
    cache = getattr(readers, "_cache", None)
    if isinstance(cache, dict):
        cache.clear()
        readers.save_cache = _saved


def _saved() -> None:
    """The readers' cache was saved and emptied: nothing left to save."""


@functools.cache
def _malloc_trim() -> Any:
    """glibc's ``malloc_trim``, or None (another C library, another system).

    ``CDLL(None)`` is the running program with the libraries it loaded, the C
    library among them: no search for its file (``find_library`` runs
    ``ldconfig``).
    """
    try:
        return ctypes.CDLL(None).malloc_trim
    except (OSError, AttributeError, TypeError):  # TypeError: Windows
        return None


def give_back() -> bool:
    """Return the C library's freed memory to the system; True if it could."""
    trim = _malloc_trim()
    if trim is None:
        return False
    trim(0)
    return True


def after_articles(generator) -> None:
    """Shrink the build process once the articles generator is finalized.

    At ``article_generator_finalized``: the articles are complete and the
    readers' cache was saved just before the signal.
    """
    if generator.settings.get("BUILD_SPEED_INCREMENTAL"):
        return
    pack_bodies(generator)
    empty_saved_cache(generator.readers)
    give_back()
