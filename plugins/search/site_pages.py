"""Which written pages Pagefind indexes, their dates and what it reads of them.

One pass over the site's HTML files: a page is indexed when an element
carries ``data-pagefind-body`` (the templates mark published content only);
its date is its ``data-pagefind-sort="date"`` (``macros/search.html``); what
Pagefind reads of it is cut out (:func:`indexed_input`): that is both what
the indexer sends and what the cache (:mod:`.part_cache`) keys on. Pages
looked at as they were written (:mod:`.written`, in every writing process)
are not read again.
"""

from __future__ import annotations

import functools
import os
import re
from collections.abc import Mapping
from dataclasses import dataclass
from hashlib import sha256
from pathlib import Path

from .parts import Page

_BODY = b"data-pagefind-body"
_SORT_DATE = re.compile(rb'data-pagefind-sort="date"[^>]*>([^<]*)<')


def page_url(relative: str) -> str:
    """The URL Pagefind's command line gives the file at ``relative`` (posix)."""
    if relative == "index.html":
        return "/"
    return "/" + relative.removesuffix("index.html")


def marked(html: bytes) -> bool:
    """Whether an element of ``html`` has the attribute ``data-pagefind-body``.

    The words in the text (an article about Pagefind) are not a mark: they
    must stand inside a tag, after a space and before its end or a value.
    """
    found = html.find(_BODY)
    while found != -1:
        after = html[found + len(_BODY) : found + len(_BODY) + 1]
        if (
            html[found - 1 : found].isspace()
            and (after.isspace() or after in (b"=", b">", b"/"))
            and html.rfind(b"<", 0, found) > html.rfind(b">", 0, found)
        ):
            return True
        found = html.find(_BODY, found + 1)
    return False


_TAG_NAME = re.compile(rb"<([a-zA-Z][a-zA-Z0-9-]*)")
_VOID = {b"img", b"meta", b"input", b"br", b"hr", b"link", b"source", b"wbr"}
_MARK = b"data-pagefind-"
_HEAD = re.compile(rb"<html[^>]*>|<title[^>]*>[^<]*</title>")
_H1 = re.compile(rb"<h1[\s>]")
_IMG = re.compile(rb"<img\s[^>]*>")


@functools.cache
def _tags(name: bytes) -> re.Pattern[bytes]:
    return re.compile(rb"<(/?)" + re.escape(name) + rb"[\s>/]", re.IGNORECASE)


def _marked_elements(html: bytes) -> list[tuple[int, bytes]]:
    """Each element with a ``data-pagefind-*`` attribute (outermost only), with its offset."""
    elements: list[tuple[int, bytes]] = []
    covered = 0
    found = html.find(_MARK)
    while found != -1:
        start = html.rfind(b"<", 0, found)
        if start >= covered and html.rfind(b">", 0, found) < start:
            element = _element(html, start)
            elements.append((start, element))
            covered = start + len(element)
        found = html.find(_MARK, max(found + 1, covered))
    return elements


def _element(html: bytes, start: int) -> bytes:
    """The element whose opening tag starts at ``start``, to its closing tag."""
    named = _TAG_NAME.match(html, start)
    opening_end = html.find(b">", start) + 1 or len(html)
    if named is None or named.group(1).lower() in _VOID:  # a comment, an <img>
        return html[start:opening_end]
    name = named.group(1).lower()
    depth = 1
    for tag in _tags(name).finditer(html, opening_end):
        depth += -1 if tag.group(1) else 1
        if depth == 0:
            return html[start : html.find(b">", tag.start()) + 1]
    return html[start:]


def _inside(offset: int, elements: list[tuple[int, bytes]]) -> bool:
    return any(start <= offset < start + len(element) for start, element in elements)


def indexed_input(html: bytes) -> bytes:
    """What Pagefind reads of a page, as a small page of its own.

    Pagefind indexes the ``lang`` and ``<title>``, each element with a
    ``data-pagefind-*`` attribute (the text, filters, metadata, sort), the
    first ``<h1>`` (its default title, wherever it stands) and the first
    image after it (its default image). Only these, in their order, are
    handed to Pagefind: a page's sidebars, menus and lists are most of its
    HTML and none of its index (the same index files, measured on the demo
    site). Its hash is the page's key in the cache (:mod:`.part_cache`),
    which so survives the "Tin mới" lists that every new article changes on
    every page.
    """
    head_end = max(html.find(b"</head>"), 0)
    head = [found.group() for found in _HEAD.finditer(html, 0, head_end)]
    body = _marked_elements(html)
    heading = _H1.search(html, head_end)
    if heading:
        image = _IMG.search(html, heading.start())
        extra = [(heading.start(), _element(html, heading.start()))]
        if image:
            extra.append((image.start(), image.group()))
        body.extend(piece for piece in extra if not _inside(piece[0], body))
        body.sort()
    opening = next((tag for tag in head if tag.startswith(b"<html")), b"<html>")
    title = b"".join(tag for tag in head if not tag.startswith(b"<html"))
    return b"".join(
        (
            b"<!DOCTYPE html>",
            opening,
            b"<head>",
            title,
            b"</head><body>\n",
            b"\n".join(element for _, element in body),
            b"\n</body></html>",
        )
    )


@dataclass(frozen=True)
class Seen:
    """What Pagefind will read of one marked page."""

    date: str  # its sort date, "" if undated
    digest: str  # sha256 of ``indexed``: the page's key in the index's cache
    # :func:`indexed_input`; None for a page kept from the last published
    # build, read again from the disk only if its part of the index changed.
    indexed: bytes | None


def look_at(html: bytes) -> Seen | None:
    """What Pagefind reads of a page, None when it is not marked for the index."""
    if not marked(html):
        return None
    found = _SORT_DATE.search(html)
    date = found.group(1).decode("utf-8", "replace").strip() if found else ""
    indexed = indexed_input(html)
    return Seen("" if date.strip("0") == "" else date, sha256(indexed).hexdigest(), indexed)


def cut_out(path: Path) -> bytes:
    """What Pagefind reads of the page at ``path`` (a page known by its digest only)."""
    page = look_at(path.read_bytes())
    if page is None or page.indexed is None:
        raise OSError(f"{path}: trang không còn được đánh dấu cho chỉ mục")
    return page.indexed


def read_page(
    site: Path,
    path: Path,
    cut: dict[Path, bytes] | None = None,
    seen: Mapping[str, Seen | None] | None = None,
) -> Page | None:
    """The page at ``path`` if Pagefind would index it, else None.

    ``seen``: pages already looked at when they were written, by absolute
    path (:mod:`.written`); any other page is read from the disk. With
    ``cut``, what Pagefind reads of it is kept there too, under its path
    relative to ``site``.
    """
    key = os.path.abspath(path)
    page = seen[key] if seen is not None and key in seen else look_at(path.read_bytes())
    if page is None:
        return None
    relative = path.relative_to(site)
    if cut is not None and page.indexed is not None:
        cut[relative] = page.indexed
    return Page(url=page_url(relative.as_posix()), path=path, date=page.date, digest=page.digest)


def scan_site(
    site: Path,
    skip: Path,
    cut: dict[Path, bytes] | None = None,
    seen: Mapping[str, Seen | None] | None = None,
) -> list[Page]:
    """Every page of ``site`` marked for the index (``skip``: the old bundle).

    With ``cut``, each page's :func:`indexed_input` is kept there too (about
    5 KB an article); ``seen``: see :func:`read_page`.
    """
    files = []
    for folder, subfolders, names in os.walk(site):
        if Path(folder) == skip.parent:
            subfolders[:] = [name for name in subfolders if name != skip.name]
        files.extend(Path(folder) / name for name in names if name.endswith(".html"))
    files.sort()
    # One thread: about 1 s for 15,000 pages; threads only contend for the GIL.
    pages = (read_page(site, path, cut, seen) for path in files)
    return [page for page in pages if page is not None]
