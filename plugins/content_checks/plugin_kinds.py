"""Content that other plugins of the portal read from ``content/``.

- Notices ("thông báo") and documents ("văn bản"), read by the ``documents``
  plugin: their own rules (required fields, numbers, dates, attachments) live
  there and are called from here, so ``invoke check`` says exactly what the
  build says, and a file in ``content/notices/`` is never silently skipped.
- The visitor counter's count file (``VISITOR_COUNTER["count_file"]``).
- The linked-site banners (``BANNERS_FILE``, plugins/banners).
- Photo albums (``content/albums/``, plugins/albums).

Each kind only exists while its plugin is enabled in PLUGINS.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable, Mapping
from pathlib import Path
from typing import Any

from .kinds import ContentKind, FileContext, Verdict, register_data_files, register_kind
from .rules import check_unknown_fields
from .source import Header

NOTICE_FIELDS = frozenset(
    {"title", "date", "valid-from", "expires", "pinned", "files", "file", "status", "summary"}
    | {"slug", "author"}
)
DOCUMENT_FIELDS = frozenset(
    {"title", "number", "type", "issuer", "issued", "effective", "expires", "signer"}
    | {"files", "file", "status", "replaced-by", "summary", "slug"}
)


def _place(settings: Mapping[str, Any]) -> Any:
    from documents.records import Place  # noqa: PLC0415 - only when the plugin is enabled

    return Place(
        Path(settings["PATH"]),
        settings.get("DOCUMENT_FILES_DIR", "files"),
        settings.get("STATIC_URL", "{path}"),
    )


def check_notice(header: Header, context: FileContext) -> Verdict:
    """The documents plugin's notice rules; scheduled while its date is ahead."""
    from documents.catalogue import notice_state  # noqa: PLC0415
    from documents.metadata import read_header  # noqa: PLC0415
    from documents.records import read_notice  # noqa: PLC0415

    info, draft, found = read_notice(read_header(context.text), _place(context.settings))
    findings = [*found, *check_unknown_fields(header, NOTICE_FIELDS)]
    if draft:
        return "draft", None, findings
    if info is None:
        return "published", None, findings
    posted = info.posted.replace(tzinfo=context.now.tzinfo)
    if notice_state(info, context.now.replace(tzinfo=None)) == "scheduled":
        return "scheduled", posted, findings, info
    return "published", posted, findings, info


def check_document(header: Header, context: FileContext) -> Verdict:
    """The documents plugin's document rules (documents are never scheduled)."""
    from documents.metadata import read_header  # noqa: PLC0415
    from documents.records import read_document  # noqa: PLC0415

    types = context.settings.get("DOCUMENT_TYPES") or []
    info, draft, found = read_document(read_header(context.text), types, _place(context.settings))
    findings = [*found, *check_unknown_fields(header, DOCUMENT_FIELDS)]
    issued = None
    if info is not None:
        issued = dt.datetime.combine(info.issued, dt.time(), tzinfo=context.now.tzinfo)
    return ("draft" if draft else "published"), issued, findings, info


def visitor_count_file(settings: Mapping[str, Any]) -> Iterable[str]:
    """The visitor counter's data file, when one is configured."""
    if "visitor_counter" not in settings.get("PLUGINS", []):
        return []
    config = settings.get("VISITOR_COUNTER")
    value = config.get("count_file") if isinstance(config, Mapping) else None
    return [value] if isinstance(value, str) else []


register_kind(
    ContentKind(
        name="notice",
        label="thông báo",
        paths_setting="NOTICE_PATHS",
        default_paths=("notices",),
        check=check_notice,
        known_fields=NOTICE_FIELDS,
        plugin="documents",
    )
)
register_kind(
    ContentKind(
        name="document",
        label="văn bản",
        paths_setting="DOCUMENT_PATHS",
        default_paths=("documents",),
        check=check_document,
        known_fields=DOCUMENT_FIELDS,
        plugin="documents",
    )
)
register_data_files(visitor_count_file)


def banners_file(settings: Mapping[str, Any]) -> list[str]:
    """The banners' data file (plugins/banners), read only when the plugin is on."""
    if "banners" not in settings.get("PLUGINS", []):
        return []
    value = settings.get("BANNERS_FILE", "data/lien-ket.toml")
    return [value] if isinstance(value, str) else []


register_data_files(banners_file)


ALBUM_FIELDS = frozenset({"title", "date", "summary", "photos", "slug", "status"})


def check_album(header: Header, context: FileContext) -> Verdict:
    """The albums plugin's rules: every photo captioned, every caption a photo."""
    from albums.albums import album_problems  # noqa: PLC0415 - only when enabled

    findings = [*album_problems(context.text, context.files)]
    for key, label in (("title", "Title"), ("date", "Date")):
        if key not in header.fields:
            findings.append((1, f'Album thiếu dòng "{label}: ...".'))
    findings += check_unknown_fields(header, ALBUM_FIELDS)
    return "published", None, findings


register_kind(
    ContentKind(
        name="album",
        label="album ảnh",
        paths_setting="ALBUM_PATHS",
        default_paths=("albums",),
        check=check_album,
        known_fields=ALBUM_FIELDS,
        plugin="albums",
    )
)
