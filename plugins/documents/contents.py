"""Documents and notices as Pelican content objects.

Subclassing :class:`pelican.contents.Content` gives them what articles have:
``{static}`` / ``{filename}`` links in the body, URLs from settings
(``DOCUMENT_URL``, ``NOTICE_URL``) and a place in ``generated_content`` so an
article can link to a document with ``{filename}/documents/....md``.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Mapping
from functools import cached_property
from typing import Any

from pelican import signals
from pelican.contents import Content

from portal_core.text import slugify_vi

from .catalogue import VALIDITY_LABELS
from .records import DocumentInfo, NoticeInfo
from .settings import DEFAULTS


class _Cached(Content):
    """URLs computed once: Pelican recomputes them (slugifying the author) per use."""

    @cached_property
    def url(self) -> str:
        return self.get_url_setting("url")

    @cached_property
    def save_as(self) -> str:
        return self.get_url_setting("save_as")

    def set_address(self, slug: str, date) -> None:
        """Fix the slug and date the URL is made of (forgetting any earlier URL)."""
        self.slug = slug
        self.date = date
        self.__dict__.pop("url", None)
        self.__dict__.pop("save_as", None)


class Document(_Cached):
    """A document of the register ("văn bản"); ``info`` holds its checked metadata."""

    default_template = "document"
    mandatory_properties = ("title",)

    info: DocumentInfo
    # Set by the generator once every document is read.
    replacement: Document | None = None
    replaces: tuple[Document, ...] = ()
    validity: str = "in_force"

    @property
    def validity_label(self) -> str:
        """The state readers see: "Còn hiệu lực", "Bị thay thế"..."""
        return VALIDITY_LABELS[self.validity]

    @property
    def heading(self) -> str:
        """ "Kế hoạch số 30/KH-MTTQ": how documents are named in Vietnamese."""
        return f"{self.info.kind} số {self.info.number}"


class Notice(_Cached):
    """A notice ("thông báo"); ``info`` holds its checked metadata."""

    default_template = "notice"
    mandatory_properties = ("title",)

    info: NoticeInfo
    # "current" or "expired" (scheduled notices are not published at all).
    state: str = "current"


def document_address(info: DocumentInfo, tz: dt.tzinfo | None) -> tuple[str, dt.datetime]:
    """The slug and date a document's URL is made of: its number, its issue date."""
    return info.slug, dt.datetime.combine(info.issued, dt.time(), tzinfo=tz)


def notice_address(
    info: NoticeInfo, written_slug: str | None, tz: dt.tzinfo | None
) -> tuple[str, dt.datetime]:
    """The slug and date a notice's URL is made of."""
    # Pelican slugs the typographic title ("&#8220;..."); ours is plain.
    return written_slug or slugify_vi(info.title), info.posted.replace(tzinfo=tz)


def probe_address(
    content_class: type[_Cached],
    address: tuple[str, dt.datetime],
    settings: Mapping[str, Any],
    source_path: str,
) -> tuple[str, str, str]:
    """(slug, save_as, url) the generator will give a checked file, before it runs."""
    merged = {**DEFAULTS, **settings}
    # A probe, not content of the build: no plugin may see it.
    with signals.content_object_init.muted():
        item = content_class("", {"title": ""}, merged, source_path)
    item.set_address(*address)
    return item.slug, item.save_as, item.url
