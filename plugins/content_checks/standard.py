"""The kinds Pelican itself reads: articles ("tin bài") and pages ("trang").

Each kind's check returns its status (published, draft, scheduled), its
publication date and its findings. Notices and documents register their own
kinds from their plugin (see :func:`content_checks.kinds.register_kind`).
"""

from __future__ import annotations

import datetime as dt

from . import body_rules, rules
from .dates import DateError, parse_date
from .kinds import ContentKind, FileContext, Verdict, register_kind
from .source import Header

ARTICLE_REQUIRED = ("title", "date", "category", "summary")
# --- Provenance of imported items (issue 16, `./portal import`): the old unit and
# the item's old address. Declared here until plugins/content_model owns fields.
PROVENANCE_FIELDS = frozenset({"origin-unit", "origin-url"})
# --- end of provenance fields
ARTICLE_FIELDS = PROVENANCE_FIELDS | frozenset(
    {"title", "date", "modified", "category", "summary", "author", "authors", "tags", "slug"}
    | {"status", "image", "image-alt", "source", "lang", "template", "save_as", "url"}
)
PAGE_FIELDS = PROVENANCE_FIELDS | frozenset(
    {"title", "date", "modified", "summary", "author", "slug", "status", "template", "lang"}
    | {"image", "image-alt", "save_as", "url", "order"}
)
PAGE_STATUSES = {"published", "draft", "hidden"}


def publication_date(header: Header, context: FileContext) -> dt.datetime | None:
    """The ``Date:`` as an aware datetime in the site's zone (None if absent or wrong)."""
    value = header.get("date")
    if not value:
        return None
    try:
        return parse_date(value).replace(tzinfo=context.now.tzinfo)
    except DateError:
        return None


def status_of(header: Header, date: dt.datetime | None, context: FileContext) -> str:
    """draft (Status: draft), scheduled (dated after the build's now) or published."""
    if (header.get("status") or "").strip().lower() == "draft":
        return "draft"
    if date is not None and date > context.now:
        return "scheduled"
    return "published"


def check_article(header: Header, context: FileContext) -> Verdict:
    """Required fields, real dates, a known category, a short summary, a described photo."""
    config = context.config
    findings = [
        *rules.check_required(header, ARTICLE_REQUIRED),
        *rules.check_unknown_fields(header, ARTICLE_FIELDS),
        *rules.check_dates(header),
        *rules.check_status(header),
        *rules.check_category(header, list(config.registry), config.category),
        *rules.check_summary_length(header, config.summary_max),
        *body_rules.check_featured_image(header, context.relative, context.files),
    ]
    date = publication_date(header, context)
    return status_of(header, date, context), date, findings


def check_page(header: Header, context: FileContext) -> Verdict:
    """Pages need a title; they are never scheduled."""
    findings = [
        *rules.check_required(header, ("title",)),
        *rules.check_unknown_fields(header, PAGE_FIELDS),
        *rules.check_dates(header),
        *rules.check_status(header, PAGE_STATUSES),
        *body_rules.check_featured_image(header, context.relative, context.files),
    ]
    draft = (header.get("status") or "").strip().lower() == "draft"
    return ("draft" if draft else "published"), None, findings


ARTICLE = ContentKind(
    name="article",
    label="tin bài",
    paths_setting="ARTICLE_PATHS",
    default_paths=("",),
    excludes_setting="ARTICLE_EXCLUDES",
    check=check_article,
    url_prefix="ARTICLE",
    known_fields=ARTICLE_FIELDS,
)
PAGE = ContentKind(
    name="page",
    label="trang",
    paths_setting="PAGE_PATHS",
    default_paths=("pages",),
    excludes_setting="PAGE_EXCLUDES",
    check=check_page,
    url_prefix="PAGE",
    known_fields=PAGE_FIELDS,
)

register_kind(ARTICLE)
register_kind(PAGE)
