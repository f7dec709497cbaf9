"""Rules over the whole register: order, duplicates, replacements, validity.

Pure functions over records (:class:`~documents.records.DocumentInfo`,
:class:`~documents.records.NoticeInfo`) or objects carrying one as ``.info``;
"today" is always passed in (the build's date), never read from the clock.
"""

from __future__ import annotations

import datetime as dt
import difflib
import re
from collections import Counter, defaultdict
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from typing import Any

from portal_core.text import fold, sort_key

from .metadata import DocumentNumber, MetadataError, parse_number
from .records import DocumentInfo, NoticeInfo

VALIDITY_LABELS = {
    "in_force": "Còn hiệu lực",
    "pending": "Chưa có hiệu lực",
    "expired": "Hết hiệu lực",
    "replaced": "Bị thay thế",
}


# --- Documents ------------------------------------------------------------------


def _sequence(number: DocumentNumber) -> int:
    digits = re.match(r"\d+", number.sequence)
    return int(digits.group()) if digits else 0


def register_key(item: Any) -> tuple:
    """Newest issue date first; same day: higher number first, then by number."""
    info: DocumentInfo = item.info
    return (-info.issued.toordinal(), -_sequence(info.number), info.number.key)


def register_order(items: Iterable[Any]) -> list[Any]:
    """The register's order (deterministic whatever the file system returns)."""
    return sorted(items, key=register_key)


def identity(info: DocumentInfo) -> tuple[str, int]:
    """What makes a document unique: its number within its numbering year."""
    return info.number.key, info.year


def duplicates(items: Sequence[Any]) -> list[tuple[Any, Any]]:
    """Pairs (later file, first file) that share a number in the same year."""
    first: dict[tuple[str, int], Any] = {}
    found = []
    for item in sorted(items, key=lambda entry: entry.source_path):
        other = first.setdefault(identity(item.info), item)
        if other is not item:
            found.append((item, other))
    return found


def duplicate_message(later: DocumentInfo, first_file: str) -> str:
    """The editor's message for a second document with ``later``'s number."""
    return (
        f'Số/ký hiệu "{later.number}" (năm {later.year}) trùng với văn bản '
        f"trong tệp {first_file}. Mỗi văn bản một số; "
        "kiểm tra lại số hoặc ngày ban hành."
    )


_YEAR_SUFFIX = re.compile(r"^(?P<number>\S+)\s+\(?(?:năm\s+)?(?P<year>\d{4})\)?$", re.IGNORECASE)


@dataclass(frozen=True)
class Reference:
    """A "Replaced-by" value: a number, with a year when numbers repeat."""

    number: DocumentNumber
    year: int | None


def parse_reference(written: str) -> Reference:
    """Read ``30/KH-MTTQ``, ``30/KH-MTTQ (2024)`` or ``30/KH-MTTQ năm 2024``."""
    text = " ".join(written.split())
    match = _YEAR_SUFFIX.match(text)
    number = parse_number(match["number"] if match else text)
    year = int(match["year"]) if match else number.year
    return Reference(number, year)


class NumberIndex:
    """Documents by number, to resolve "Replaced-by" without scanning the register."""

    def __init__(self, items: Sequence[Any]) -> None:
        self.items = items
        self.by_number: dict[str, list[Any]] = defaultdict(list)
        for item in items:
            self.by_number[item.info.number.key].append(item)

    def resolve(self, written: str) -> Any:
        """Find the one document ``written`` names; raise :class:`MetadataError`."""
        try:
            reference = parse_reference(written)
        except MetadataError as error:
            raise MetadataError(f"Dòng Replaced-by: {error}") from None
        same_number = self.by_number.get(reference.number.key, [])
        matches = [item for item in same_number if reference.year in (None, item.info.year)]
        if len(matches) == 1:
            return matches[0]
        if not matches:
            # Only on a mistake: worth a look at every number for a suggestion.
            known = [str(item.info.number) for item in self.items]
            close = difflib.get_close_matches(str(reference.number), known, n=1, cutoff=0.6)
            hint = f' Có phải "{close[0]}"?' if close else ""
            raise MetadataError(
                f'Không có văn bản nào số "{written.strip()}" để thay thế văn bản này.{hint}'
            )
        years = ", ".join(str(item.info.year) for item in matches)
        raise MetadataError(
            f'Có {len(matches)} văn bản số "{reference.number}" (năm {years}); ghi thêm năm, '
            f'ví dụ "Replaced-by: {reference.number} ({matches[0].info.year})".'
        )


def validity(info: DocumentInfo, replaced: bool, today: dt.date) -> str:
    """State of a document on ``today``: a key of :data:`VALIDITY_LABELS`."""
    if replaced:
        return "replaced"
    if info.declared_expired or (info.expires is not None and info.expires < today):
        return "expired"
    if info.effective > today:
        return "pending"
    return "in_force"


def filter_key(text: str) -> str:
    """What the register's filters compare (same as the script's ``fold``)."""
    return " ".join(fold(text).split())


def choices(values: Iterable[str]) -> list[str]:
    """Distinct values in Vietnamese alphabetical order.

    Spellings that differ only in case or tone-mark placement ("Hòa"/"Hoà")
    are one choice, shown the way most documents write it.
    """
    spellings: dict[str, Counter] = defaultdict(Counter)
    for value in values:
        if value:
            spellings[filter_key(value)][value] += 1
    shown = [counter.most_common(1)[0][0] for counter in spellings.values()]
    return sorted(shown, key=sort_key)


def facets(items: Sequence[Any]) -> dict[str, list]:
    """The register's filter choices: types, issuers, years (newest first)."""
    return {
        "types": choices(item.info.kind for item in items),
        "issuers": choices(item.info.issuer for item in items),
        "years": sorted({item.info.issued.year for item in items}, reverse=True),
    }


# --- Notices ---------------------------------------------------------------------


def notice_state(info: NoticeInfo, now: dt.datetime) -> str:
    """``scheduled`` (not yet shown), ``current`` or ``expired`` at ``now``.

    ``now`` is naive local time; a notice expires at the end of its last day.
    """
    if info.posted > now or info.valid_from > now.date():
        return "scheduled"
    if info.expires is not None and info.expires < now.date():
        return "expired"
    return "current"


def board_order(items: Iterable[Any]) -> list[Any]:
    """Pinned first, then newest first (then by file, for a stable order)."""
    ordered = sorted(items, key=lambda item: item.source_path)
    ordered.sort(key=lambda item: item.info.posted, reverse=True)
    ordered.sort(key=lambda item: not item.info.pinned)
    return ordered


def archive_order(items: Iterable[Any]) -> list[Any]:
    """Expired notices: most recently expired first."""
    ordered = sorted(items, key=lambda item: item.source_path)
    ordered.sort(key=lambda item: (item.info.expires, item.info.posted), reverse=True)
    return ordered
