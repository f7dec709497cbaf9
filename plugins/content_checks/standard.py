"""The kinds Pelican itself reads: articles ("tin bài") and pages ("trang").

Each kind's check returns its status (published, draft, scheduled), its
publication date and its findings; their fields are declared in the content
model (:mod:`content_model.standard`), which the checker reads for required,
unknown, plain-text and address fields. Notices and documents register their
own kinds from their plugin (see :func:`content_checks.kinds.register_kind`).
"""

from __future__ import annotations

import datetime as dt

from content_model import Kind
from content_model import standard as model

from . import body_rules, rules
from .dates import DateError, parse_date, to_local
from .kinds import ContentKind, FileContext, KindCheck, Verdict, register_kind
from .source import Header


def publication_date(header: Header, context: FileContext) -> dt.datetime | None:
    """The ``Date:`` as an aware datetime in the site's zone (None if absent or wrong)."""
    value = header.get("date")
    if not value:
        return None
    try:
        return to_local(parse_date(value), context.now.tzinfo).replace(tzinfo=context.now.tzinfo)
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
    """The model's rules, a known category, a short summary, a described photo."""
    config = context.config
    findings = [
        *rules.check_declared(header, model.ARTICLE),
        *rules.check_category(header, list(config.registry), config.category),
        *rules.check_summary_length(header, config.summary_max),
        *body_rules.check_featured_image(header, context.relative, context.files),
    ]
    date = publication_date(header, context)
    return status_of(header, date, context), date, findings


def check_page(header: Header, context: FileContext) -> Verdict:
    """The model's rules and a described photo; pages are never scheduled."""
    findings = [
        *rules.check_declared(header, model.PAGE),
        *body_rules.check_featured_image(header, context.relative, context.files),
    ]
    draft = (header.get("status") or "").strip().lower() == "draft"
    return ("draft" if draft else "published"), None, findings


def image_ref(header: Header, context: FileContext) -> list[str]:
    """The photo ``Image:`` names (under content/)."""
    target = body_rules.content_target(header.get("image") or "", context.relative)
    return [target] if target else []


def pelican_kind(declared: Kind, check: KindCheck, default_paths: tuple[str, ...]) -> ContentKind:
    """A kind Pelican reads: folders and excludes from Pelican's own settings.

    Its address is Pelican's too (content_checks.locate makes the real content).
    """
    prefix = declared.name.upper()  # ARTICLE_PATHS, ARTICLE_EXCLUDES, ARTICLE_URL...
    return ContentKind.of(
        declared,
        check,
        default_paths=default_paths,  # Pelican's default, when the setting is absent
        excludes_setting=f"{prefix}_EXCLUDES",
        file_refs=image_ref,
    )


ARTICLE = pelican_kind(model.ARTICLE, check_article, ("",))
PAGE = pelican_kind(model.PAGE, check_page, ("pages",))

register_kind(ARTICLE)
register_kind(PAGE)
