"""What every source yields: one old item, in the old site's terms."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field


@dataclass
class Attachment:
    """A file of the old site: its address there, and the label readers saw."""

    old: str
    label: str = ""


@dataclass
class Item:
    """One article, page or document of the old site (metadata; body separately).

    ``key`` is unique within its source; ``old_urls`` are every address the old
    site served it at (path or path?query, or absolute URLs).
    """

    key: str
    kind: str  # "article", "page" or "document"
    title: str
    date: dt.datetime | None = None
    category: str = ""  # the old category's name ("" when unknown)
    summary: str = ""
    author: str = ""
    source: str = ""
    image: str = ""  # old address of the featured photo
    image_alt: str = ""
    draft: bool = False
    draft_reason: str = ""
    old_urls: list[str] = field(default_factory=list)
    body_html: str | None = None  # None: the source streams it later
    files: list[Attachment] = field(default_factory=list)
    # Documents
    number: str = ""
    doc_type: str = ""
    issuer: str = ""
    issued: dt.date | None = None
    effective: dt.date | None = None
    expires: dt.date | None = None
    signer: str = ""
    skip_reason: str = ""  # set by a source for an item it cannot import
    # Other values the old site kept under a name (a WordPress custom field): the
    # writer keeps those named like a text field of the content model ("Source").
    fields: dict[str, str] = field(default_factory=dict)
