"""Check every file under ``content/`` without building the site.

``invoke check`` and the build (at ``initialized``) both call
:func:`check_site`: the same rules, the same messages. Files are read and
their headers parsed; Markdown is never rendered, so 10,000 articles take
seconds. Every file ends up published, draft, scheduled or error.
"""

from __future__ import annotations

import datetime as dt
import os
from collections.abc import Mapping
from dataclasses import dataclass, field, replace
from pathlib import Path
from typing import Any

from content_model import URL
from content_model.plain_text import MARKUP_FIELDS

from portal_core.clock import build_now
from portal_core.problems import display_path, report

from . import body, body_rules, rules, url_rules
from .addresses import check_addresses
from .attachments import hidden_files
from .config import CheckConfig, load_config
from .entries import entry_problem
from .kinds import ContentKind, FileContext, Finding, Layout
from .locate import CONTENT_CLASSES, Locator
from .memo import Memo, WatchedFiles, depends, last_run
from .placement import place
from .plain_text_rules import check_plain_text
from .source import Decoded, Header, decode, parse_header
from .static_files import check_static_file
from .withheld import file_targets, withhold
from .workers import check_in_workers

OUTCOMES = ("published", "draft", "scheduled", "error")


@dataclass
class FileReport:
    """What happens to one file, and why."""

    relative: str  # under content/
    path: Path
    kind: str  # a content kind's name, "static", or "" when misplaced
    status: str  # published, draft or scheduled, before errors are considered
    findings: list[Finding] = field(default_factory=list)
    warnings: list[Finding] = field(default_factory=list)  # shown, never stop the build
    date: dt.datetime | None = None
    title: str = ""
    slug: str = ""
    save_as: str = ""
    links: list[tuple[int, str, str]] = field(default_factory=list)  # to other content
    record: Any = None  # what the kind's own check made of the file
    uses: set[str] = field(default_factory=set)  # files under content/ it shows or links to
    # The address the build gives it, or the content object that knows it
    # (Pelican formats a URL slowly: only messages need it).
    url_source: Any = None
    # What a clean report depends on besides the file (memo.Depends): the
    # next check takes the report again while none of it changed.
    depends: Any = None

    @property
    def url(self) -> str:
        """The address the build gives the content ("" when it writes no page)."""
        source = self.url_source
        if source is None or isinstance(source, str):
            return source or ""
        return str(source.url)

    @property
    def source_path(self) -> str:
        """Absolute path, as Pelican names a content's source."""
        return str(self.path)


@dataclass
class SiteReport:
    """The checked content tree."""

    root: Path
    now: dt.datetime
    files: list[FileReport]

    def outcome(self, item: FileReport, problem_paths: set[str]) -> str:
        """published, draft, scheduled, or error when any problem names the file."""
        # No problem: no file's name to work out (10,000 of them at the end of a build).
        if problem_paths and display_path(item.path) in problem_paths:
            return "error"
        return item.status

    def by_outcome(self, problem_paths: set[str]) -> dict[str, list[FileReport]]:
        """Files grouped by their outcome (every file in exactly one group)."""
        groups: dict[str, list[FileReport]] = {name: [] for name in OUTCOMES}
        for item in self.files:
            groups[self.outcome(item, problem_paths)].append(item)
        return groups


def printable(message: str) -> str:
    """Messages quote what editors wrote; control characters must not reach a terminal."""
    if message.isprintable():
        return message
    return "".join(char if char.isprintable() else "\N{REPLACEMENT CHARACTER}" for char in message)


def walk(root: Path, settings: Mapping[str, Any]) -> list[str]:
    """Every file under ``root`` (relative, posix), except IGNORE_FILES, sorted.

    Links are not followed: a linked folder is listed itself (as a file would
    be), so that :func:`entries.entry_problem` reports it.
    """
    layout = Layout.of(settings)
    found = []
    for folder, dirs, names in os.walk(root):
        relative_dir = Path(folder).relative_to(root).as_posix()
        prefix = "" if relative_dir == "." else relative_dir + "/"
        dirs[:] = [name for name in dirs if not layout.is_ignored(prefix + name)]
        found += [prefix + name for name in dirs if os.path.islink(os.path.join(folder, name))]
        found += [prefix + name for name in names if not layout.is_ignored(prefix + name)]
    return sorted(found)


def _body_findings(
    decoded: Decoded,
    header: Header,
    context: FileContext,
    item: FileReport,
    markup: frozenset[str] = MARKUP_FIELDS,
) -> list[Finding]:
    lines = decoded.text.split("\n")
    text = body.mask_code("\n".join(lines[header.body_line - 1 :]))
    tags = body.html_tags(text, header.body_line)
    refs = body.references(text, tags, header.body_line)
    item.links = body_rules.content_links(refs, context.relative)
    item.uses |= file_targets(refs, context.relative)
    hosts = context.config.iframe_hosts
    findings = [
        *body_rules.check_html(tags, hosts),
        *body_rules.check_markdown_links(refs),
        *body_rules.check_attr_lists(body.attr_list_handlers(text, header.body_line)),
        *body_rules.check_h1(body.markdown_h1_lines(text, header.body_line)),
        *body_rules.check_images(refs, context.relative, context.files),
        *body_rules.check_links(refs, context.relative, context.files),
        *url_rules.check_encoded_paths(refs),
        *url_rules.check_image_field(header),
    ]
    for field_ in header.fields.values():
        value = "\n".join(field_.values)
        # Plain-text fields refuse every tag (check_plain_text); markup ones are checked here.
        if "<" in value and field_.key in markup:
            findings += body_rules.check_html(body.html_tags(value, field_.line), hosts)
    summary = header.fields.get("summary")
    if summary is not None:
        # Markdown too: its links and images are rendered like the body's.
        text = body.mask_code("\n".join(summary.values))
        refs = body.references(text, body.html_tags(text, summary.line), summary.line)
        findings += body_rules.check_markdown_links(refs)
        findings += body_rules.check_images(refs, context.relative, context.files)
        findings += body_rules.check_links(refs, context.relative, context.files)
        findings += url_rules.check_encoded_paths(refs)
        item.uses |= file_targets(refs, context.relative)
    return findings


def markup_keys(kind: ContentKind | None) -> frozenset[str]:
    """The fields of ``kind`` the content model declares markup (all others are text)."""
    declared = kind.model if kind is not None else None
    return declared.markup_keys if declared is not None else MARKUP_FIELDS


def _locate(
    kind: ContentKind, header: Header, item: FileReport, context: FileContext, text: str
) -> list[Finding]:
    """Fill slug, ``save_as`` and URL with what the build's content object says.

    Articles and pages are made by Pelican (:mod:`.locate`); a kind a plugin
    reads says itself (``ContentKind.locate``) from its checked record.
    Drafts are never written; a file with mistakes may have no address.
    """
    if kind.locate is not None:
        if item.status != "draft" and item.record is not None:
            located = kind.locate(item.record, header, context)
            if located is not None:
                item.slug, item.save_as, item.url_source = located
        return []
    located = None
    if context.locator is not None and item.title:
        entry = context.config.category(header.get("category") or "")
        located = context.locator.address(kind.name, item.path, text, header, entry)
    if located is None:
        return rules.check_slug(header, None) if kind.name in CONTENT_CLASSES else []
    item.slug = header.get("slug") or located.slug
    findings = rules.check_slug(header, item.slug)
    if located.content is not None:
        findings += rules.check_name_slugs(header, located.content)
    if item.status != "draft" and item.slug:
        item.save_as, item.url_source = located.save_as, located.content
    return findings


def check_markdown(
    path: Path, kind: ContentKind, context: FileContext, raw: bytes | None = None
) -> FileReport:
    """Read one Markdown file of ``kind`` (unless its bytes are given); run every rule on it."""
    item = FileReport(context.relative, path, kind.name, "published")
    try:
        raw = path.read_bytes() if raw is None else raw
    except OSError as error:
        item.findings.append((0, f"Không đọc được tệp: {error.strerror}."))
        return item
    decoded = decode(raw)
    header = parse_header(decoded.text)
    context = replace(context, text=decoded.text)
    item.title = header.get("title") or ""
    findings = [
        *rules.check_encoding(decoded),
        *rules.check_nfc(decoded),
        *rules.check_header_end(header),
        *rules.check_repeated(header),
        *check_plain_text(header, markup_keys(kind)),
    ]
    declared = kind.model
    if declared is not None:  # what the content model says of every field
        findings += rules.check_unknown_fields(header, declared)
        findings += rules.check_urls(
            header, [field for field in declared.fields if field.type == URL]
        )
        item.warnings = rules.unknown_field_warnings(header, declared)
    if kind.check is not None:
        verdict = kind.check(header, context)
        item.status, item.date, kind_findings = verdict[:3]
        item.record = verdict[3] if len(verdict) > 3 else None
        findings += kind_findings
    if kind.file_refs is not None:
        item.uses.update(kind.file_refs(header, context))
    config = context.config
    findings += rules.check_developer_fields(header, config.templates, config.language)
    findings += _locate(kind, header, item, context, decoded.text)
    findings += _body_findings(decoded, header, context, item, markup_keys(kind))
    item.findings = findings
    return item


def _check_links_between(items: list[FileReport]) -> None:
    """Published content must not link to drafts or to what is not yet due."""
    by_relative = {item.relative: item for item in items}
    for item in items:
        if item.status != "published":
            continue
        for line, url, target in item.links:
            other = by_relative.get(target)
            if other is None:
                continue
            when = f"{other.date:%H:%M %d/%m/%Y}" if other.date else ""
            for number, message in body_rules.check_unpublished_link(line, url, other.status, when):
                report(item.path, number, printable(message))


def _cross_check(items: list[FileReport], context: FileContext, root: Path) -> set[Path]:
    """Each kind's rules across its files (e.g. two documents with one number).

    Returns the files named, whose address clashes are then the same mistake.
    """
    named = set()
    for kind, _, _ in Layout.of(context.settings).kinds:
        if kind.cross_check is None:
            continue
        records = [
            (item.relative, item.record)
            for item in items
            if item.kind == kind.name and item.record is not None
        ]
        for relative, line, message in kind.cross_check(records, context):
            report(root / relative, line, printable(message))
            named.add(root / relative)
    return named


def check_file(
    settings: Mapping[str, Any], relative: str, site: SiteReport, config: CheckConfig | None = None
) -> list[Finding]:
    """The mistakes of one content file of an already checked tree (it was edited).

    Rules across files (links to drafts, duplicate numbers, collisions) are
    not run: the next full check does.
    """
    kind, message = place(relative, Layout.of(settings))
    if not isinstance(kind, ContentKind):
        return [(0, message)] if message else []
    files = frozenset(item.relative for item in site.files)
    config = config or load_config(settings)
    with Locator(settings) as locator:
        context = FileContext(relative, site.now, settings, files, config, locator=locator)
        return check_markdown(site.root / relative, kind, context).findings


def check_site(
    settings: Mapping[str, Any],
    now: dt.datetime | None = None,
    config: CheckConfig | None = None,
) -> SiteReport:
    """Check the content tree of ``settings`` and report every problem found."""
    root = Path(settings["PATH"])
    now = now or build_now(settings)
    config = config or load_config(settings)
    relatives = sorted({*walk(root, settings), *hidden_files(root, settings)})
    files = frozenset(relatives)
    layout = Layout.of(settings)
    last_run.clear()
    memo = Memo(settings, config) if settings.get("CACHE_CONTENT") else None
    kept = memo.reusable(relatives, files, now) if memo is not None else {}
    with Locator(settings) as locator:

        def check_one(relative: str) -> FileReport:
            path = root / relative
            kind, message = place(relative, layout)
            refused = entry_problem(path)
            if refused is not None:
                return FileReport(relative, path, "", "published", [(0, refused)])
            if isinstance(kind, ContentKind):
                return check_content_file(relative, path, kind)
            if kind in ("static", "data"):
                found = check_static_file(relative, path, settings) if kind == "static" else []
                return FileReport(relative, path, str(kind), "published", found)
            return FileReport(relative, path, "", "published", [(0, message)])

        def check_content_file(relative: str, path: Path, kind: ContentKind) -> FileReport:
            try:
                raw = path.read_bytes()
            except OSError:
                raw = None  # check_markdown says so
            watched = WatchedFiles(files)
            context = FileContext(relative, now, settings, watched, config, locator=locator)
            item = check_markdown(path, kind, context, raw)
            if memo is not None and raw is not None:
                item.depends = depends(item, raw, watched, now, root)
            return item

        def check_one_in_worker(relative: str) -> FileReport:
            # The probe content object stays in the worker: its URL goes back.
            item = check_one(relative)
            if item.url_source is not None:
                item.url_source = item.url
            return item

        # A kept report still needs its file to be a real file (not a link).
        kept = {relative: item for relative, item in kept.items() if not entry_problem(item.path)}
        unknown = [relative for relative in relatives if relative not in kept]
        processes = settings.get("CHECK_PROCESSES", 0)
        checked = check_in_workers(check_one_in_worker, unknown, processes)
        if checked is None:
            checked = [check_one(relative) for relative in unknown]
        fresh = iter(checked)
        items = [kept.get(relative) or next(fresh) for relative in relatives]
        if memo is not None:
            memo.save(items)  # before any rule across files changes a report
            last_run.update(reused=len(kept), checked=len(unknown))
    for item in items:
        for line, text in item.findings:
            report(item.path, line, printable(text))
    _check_links_between(items)
    withhold(items)
    named = _cross_check(items, FileContext("", now, settings, files, config), root)
    check_addresses(items, settings, [entry.slug for entry in config.registry], named)
    return SiteReport(root, now, items)
