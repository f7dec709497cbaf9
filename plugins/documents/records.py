"""Turn a file's header into a checked document or notice record.

Every mistake in a file is collected (with its line), not only the first, so
an editor fixes a file in one go. Cross-file rules (duplicate numbers,
"replaced by") live in :mod:`documents.catalogue`.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import TypeVar
from zoneinfo import ZoneInfo

from portal_core.clock import DEFAULT_TIMEZONE
from portal_core.text import fold, slugify_vi

from .files import Attachment, check_attachment, file_entries
from .metadata import (
    DocumentNumber,
    Field,
    MetadataError,
    clean_text,
    parse_date,
    parse_datetime,
    parse_flag,
    parse_number,
    resolve_type,
)
from .model import DOCUMENT, NOTICE

T = TypeVar("T")

# What each required key holds, for the "missing line" message: the content model's.
DOCUMENT_REQUIRED = {field.key: field.meaning for field in DOCUMENT.required}
NOTICE_REQUIRED = {field.key: field.meaning for field in NOTICE.required}
# What an editor may write in "Status:" (as messages show it) and what it means.
_DRAFT = {"draft": "draft", "nháp": "draft", "bản nháp": "draft"}
_DOCUMENT_STATUS = {"Còn hiệu lực": "", "Hết hiệu lực": "expired", **_DRAFT}
_NOTICE_STATUS = {"published": "", **_DRAFT}

# "Effective: kể từ ngày ký" is how documents say "from the day it is signed".
_ON_SIGNING = "ngay ky"


@dataclass
class Collector:
    """Reads fields of one header, remembering every problem with its line."""

    header: dict[str, Field]
    problems: list[tuple[int, str]] = field(default_factory=list)

    def line(self, key: str) -> int:
        """Line of ``key`` in the file (0 when absent)."""
        found = self.header.get(key)
        return found.line if found else 0

    def text(self, key: str) -> str:
        """The value of ``key`` ("" when absent)."""
        found = self.header.get(key)
        return found.value.strip() if found else ""

    def require(self, required: dict[str, str]) -> bool:
        """Report every missing required key; True when none is missing."""
        ok = True
        for key, meaning in required.items():
            if not self.text(key):
                name = "-".join(part.capitalize() for part in key.split("-"))
                self.problems.append((0, f'Thiếu dòng "{name}:" ({meaning}).'))
                ok = False
        return ok

    def parse(self, key: str, parser: Callable[[str], T]) -> T | None:
        """Parse ``key`` if present; report and return None if it is wrong."""
        value = self.text(key)
        if not value:
            return None
        try:
            return parser(value)
        except MetadataError as error:
            self.problems.append((self.line(key), str(error)))
            return None

    def fail(self, key: str, message: str) -> None:
        """Report a problem on the line of ``key``."""
        self.problems.append((self.line(key), message))


@dataclass(frozen=True)
class DocumentInfo:
    """A document ("văn bản") as the editor described it, checked."""

    number: DocumentNumber
    kind: str
    issuer: str
    issued: dt.date
    effective: dt.date
    expires: dt.date | None
    signer: str
    abstract: str
    files: tuple[Attachment, ...]
    declared_expired: bool
    replaced_by: str

    @property
    def year(self) -> int:
        """The numbering year: numbers restart from 01 every year."""
        return self.number.year or self.issued.year

    @property
    def slug(self) -> str:
        """URL slug: the number, plus the year when the number has none."""
        slug = slugify_vi(self.number.text)
        return slug if self.number.year else f"{slug}-{self.issued.year}"


@dataclass(frozen=True)
class NoticeInfo:
    """A notice ("thông báo") as the editor described it, checked."""

    title: str
    posted: dt.datetime
    valid_from: dt.date
    expires: dt.date | None
    pinned: bool
    files: tuple[Attachment, ...]


def _open(
    header: dict[str, Field], statuses: dict[str, str], required: dict[str, str]
) -> tuple[Collector, str | None, bool]:
    """Start checking a file: (collector, status, every required line present).

    The status is "draft" for a draft, which is neither checked nor published.
    """
    reader = Collector(header)
    written = reader.text("status")
    accepted = {fold(word): meaning for word, meaning in statuses.items()}
    status = accepted.get(fold(written).strip(), None if written else "")
    if status is None:
        choices = ", ".join(f'"{word}"' for word in statuses)
        reader.fail("status", f'Tình trạng "{written}" không rõ; để trống hoặc ghi {choices}.')
    complete = status == "draft" or reader.require(required)
    return reader, status, complete


# The time zone of Việt Nam, unless the site's TIMEZONE says otherwise.
_SITE_ZONE = ZoneInfo(DEFAULT_TIMEZONE)


@dataclass(frozen=True)
class Place:
    """Where attachments are (content folder, subfolder, URL pattern); the site's time zone."""

    content_root: Path
    files_dir: str = "files"
    url_pattern: str = "{path}"
    zone: dt.tzinfo = _SITE_ZONE  # a written UTC offset is converted to it


def _attachments(reader: Collector, place: Place) -> tuple[Attachment, ...]:
    found = reader.header.get("files")
    files = []
    for entry in file_entries(found.values if found else ()):
        try:
            files.append(
                check_attachment(place.content_root, entry, place.files_dir, place.url_pattern)
            )
        except MetadataError as error:
            reader.problems.append((found.line if found else 0, str(error)))
    return tuple(files)


def _effective(reader: Collector, issued: dt.date | None) -> dt.date | None:
    if _ON_SIGNING in fold(reader.text("effective")):
        return issued
    return reader.parse("effective", parse_date) or issued


def read_document(
    header: dict[str, Field], types: Sequence[str], place: Place
) -> tuple[DocumentInfo | None, bool, list[tuple[int, str]]]:
    """Check a document header: (record or None, is draft, problems).

    A draft is not published, so it is not checked either.
    """
    if "file" in header and "files" not in header:
        header = {**header, "files": header["file"]}
    reader, status, complete = _open(header, _DOCUMENT_STATUS, DOCUMENT_REQUIRED)
    if status == "draft":
        return None, True, []
    number = reader.parse("number", parse_number)
    kind = reader.parse("type", lambda value: resolve_type(value, types))
    issued = reader.parse("issued", parse_date)
    effective = _effective(reader, issued)
    expires = reader.parse("expires", parse_date)
    files = _attachments(reader, place)
    if issued and effective and effective < issued:
        reader.fail(
            "effective",
            f"Ngày có hiệu lực {effective:%d/%m/%Y} sớm hơn ngày ban hành {issued:%d/%m/%Y}. "
            "Văn bản chỉ có hiệu lực từ ngày ban hành trở đi; kiểm tra lại hai ngày này.",
        )
    if expires and effective and expires < effective:
        reader.fail(
            "expires",
            f"Ngày hết hiệu lực {expires:%d/%m/%Y} sớm hơn ngày có hiệu lực {effective:%d/%m/%Y}.",
        )
    if number and issued and number.year and number.year != issued.year:
        reader.fail(
            "number",
            f'Năm {number.year} trong số/ký hiệu "{number}" khác năm ban hành {issued.year}.',
        )
    if reader.problems or not (complete and number and kind and issued and effective):
        return None, False, reader.problems
    info = DocumentInfo(
        number=number,
        kind=kind,
        issuer=clean_text(reader.text("issuer")),
        issued=issued,
        effective=effective,
        expires=expires,
        signer=clean_text(reader.text("signer")),
        abstract=clean_text(reader.text("title")),
        files=files,
        declared_expired=status == "expired",
        replaced_by=reader.text("replaced-by"),
    )
    return info, False, []


def read_notice(
    header: dict[str, Field], place: Place
) -> tuple[NoticeInfo | None, bool, list[tuple[int, str]]]:
    """Check a notice header: (record or None, is draft, problems)."""
    reader, status, complete = _open(header, _NOTICE_STATUS, NOTICE_REQUIRED)
    if status == "draft":
        return None, True, []
    posted = reader.parse("date", lambda value: parse_datetime(value, place.zone))
    valid_from = reader.parse("valid-from", parse_date) or (posted.date() if posted else None)
    expires = reader.parse("expires", parse_date)
    pinned = reader.parse("pinned", parse_flag) or False
    files = _attachments(reader, place)
    if expires and valid_from and expires < valid_from:
        reader.fail(
            "expires",
            f"Ngày hết hạn {expires:%d/%m/%Y} sớm hơn ngày bắt đầu hiệu lực "
            f"{valid_from:%d/%m/%Y}; thông báo sẽ không bao giờ được hiện.",
        )
    if reader.problems or not (complete and posted and valid_from):
        return None, False, reader.problems
    info = NoticeInfo(
        title=clean_text(reader.text("title")),
        posted=posted,
        valid_from=valid_from,
        expires=expires,
        pinned=pinned,
        files=files,
    )
    return info, False, []
