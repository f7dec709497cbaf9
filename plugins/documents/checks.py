"""Notices and documents as content kinds of the checks (``content_checks.kinds``).

``invoke check`` and the build run these on every file in ``content/notices/``
and ``content/documents/`` with the same rules as the generators (records.py),
so the check says exactly what the build says. Required, unknown, plain-text
and address fields come from the content model (``model.py``).
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Mapping
from pathlib import Path
from typing import Any

from content_checks.kinds import ContentKind, FileContext, Verdict, register_kind
from content_checks.source import Header
from portal_core.clock import site_timezone
from portal_core.problems import display_path, metadata_line

from .catalogue import duplicate_message, identity, notice_state
from .contents import Document, Notice, document_address, notice_address, probe_address
from .files import attachment_path, file_entries, split_entry
from .metadata import read_header
from .model import DOCUMENT, NOTICE, document_types
from .records import Place, read_document, read_notice
from .settings import DEFAULTS


def _place(settings: Mapping[str, Any]) -> Place:
    return Place(
        Path(settings["PATH"]),
        settings.get("DOCUMENT_FILES_DIR", DEFAULTS["DOCUMENT_FILES_DIR"]),
        settings.get("STATIC_URL", "{path}"),
        site_timezone(settings),
    )


def check_notice(header: Header, context: FileContext) -> Verdict:
    """The notice rules; scheduled while its date is ahead."""
    info, draft, findings = read_notice(read_header(context.text), _place(context.settings))
    if draft:
        return "draft", None, findings
    if info is None:
        return "published", None, findings
    posted = info.posted.replace(tzinfo=context.now.tzinfo)
    if notice_state(info, context.now.replace(tzinfo=None)) == "scheduled":
        return "scheduled", posted, findings, info
    return "published", posted, findings, info


def check_document(header: Header, context: FileContext) -> Verdict:
    """The document rules (documents are never scheduled)."""
    # The model's registry: the setting, else the plugin's defaults (the
    # checks may run before this plugin's initialized handler fills them in).
    types = document_types(context.settings)
    info, draft, findings = read_document(
        read_header(context.text), types, _place(context.settings)
    )
    issued = None
    if info is not None:
        issued = dt.datetime.combine(info.issued, dt.time(), tzinfo=context.now.tzinfo)
    return ("draft" if draft else "published"), issued, findings, info


def attachment_refs(header: Header, context: FileContext) -> list[str]:
    """The files a notice's or a document's ``Files:`` (or ``File:``) lists."""
    folder = context.settings.get("DOCUMENT_FILES_DIR", DEFAULTS["DOCUMENT_FILES_DIR"])
    fields = [header.fields.get(key) for key in ("files", "file")]
    values = [value for found in fields if found is not None for value in found.values]
    return [attachment_path(split_entry(entry)[0], folder) for entry in file_entries(values)]


def number_clashes(
    records: list[tuple[str, Any]], context: FileContext
) -> list[tuple[str, int, str]]:
    """Two documents with one number in one year: the later file (by path) is named.

    Checked here, before the build, because the two would also share an
    address: the number is the mistake to report, once.
    """
    root = Path(context.settings["PATH"])
    first: dict[tuple[str, int], str] = {}
    found = []
    for relative, info in sorted(records, key=lambda pair: pair[0]):
        other = first.setdefault(identity(info), relative)
        if other != relative:
            message = duplicate_message(info, display_path(root / other))
            found.append((relative, metadata_line(root / relative, "number"), message))
    return found


def locate_notice(info: Any, header: Header, context: FileContext) -> tuple[str, str, str]:
    """Where the notices generator writes this notice."""
    address = notice_address(info, header.get("slug"), context.now.tzinfo)
    return probe_address(Notice, address, context.settings, context.relative)


def locate_document(info: Any, header: Header, context: FileContext) -> tuple[str, str, str]:
    """Where the register writes this document (its number makes the address)."""
    address = document_address(info, context.now.tzinfo)
    return probe_address(Document, address, context.settings, context.relative)


NOTICE_KIND = ContentKind.of(NOTICE, check_notice, file_refs=attachment_refs, locate=locate_notice)
DOCUMENT_KIND = ContentKind.of(
    DOCUMENT,
    check_document,
    file_refs=attachment_refs,
    locate=locate_document,
    address_field="number",
    cross_check=number_clashes,
)


def register_kinds() -> None:
    """Make notices and documents known to the checks (idempotent)."""
    register_kind(NOTICE_KIND)
    register_kind(DOCUMENT_KIND)
