"""Read the metadata editors write for documents and notices.

Pure functions: each takes the text an editor typed and returns a typed value
or raises :class:`MetadataError` with a Vietnamese message saying how to fix
it. The caller knows the file and line and reports the problem.
"""

from __future__ import annotations

import calendar
import datetime as dt
import difflib
import functools
import re
from collections.abc import Iterable
from dataclasses import dataclass

from portal_core.text import fold, fold_key, nfc

# Documents of the state (since 1945) and reasonable typos are told apart by year.
FIRST_YEAR = 1945
LAST_YEAR = 2100


class MetadataError(ValueError):
    """A metadata value an editor must correct (message in Vietnamese)."""


# --- The header ---------------------------------------------------------------


@dataclass(frozen=True)
class Field:
    """One ``Key: value`` entry of a file header, with its line number."""

    key: str
    values: tuple[str, ...]
    line: int

    @property
    def text(self) -> str:
        """The value as one string (continuation lines joined by spaces)."""
        return " ".join(value for value in self.values if value)


# Python-Markdown's meta extension (what Pelican reads) uses these two patterns.
_KEY_LINE = re.compile(r"^[ ]{0,3}(?P<key>[A-Za-z0-9_-]+):\s*(?P<value>.*)$")
_CONTINUATION = re.compile(r"^[ ]{4,}(?P<value>.*)$")


def split_header(text: str) -> tuple[dict[str, Field], str]:
    """Parse the ``Key: value`` lines at the top of a Markdown file; return the rest too.

    Same rules as Python-Markdown's meta extension: keys are case-insensitive,
    an indented line continues the previous key, a repeated key adds a value,
    the header ends at the first blank line (or the first line that is
    neither). Values are NFC-normalised.
    """
    found: dict[str, tuple[list[str], int]] = {}
    key = ""
    lines = text.splitlines()
    end = len(lines)
    for number, line in enumerate(lines, start=1):
        if not line.strip():
            end = number
            break
        match = _KEY_LINE.match(line)
        if match:
            key = match["key"].lower()
            found.setdefault(key, ([], number))[0].append(nfc(match["value"].strip()))
            continue
        more = _CONTINUATION.match(line)
        if not (more and key):
            end = number - 1
            break
        found[key][0].append(nfc(more["value"].strip()))
    header = {key: Field(key, tuple(values), line) for key, (values, line) in found.items()}
    return header, "\n".join(lines[end:])


def read_header(text: str) -> dict[str, Field]:
    """The header of a Markdown file (see :func:`split_header`)."""
    return split_header(text)[0]


# --- Number and symbol (số, ký hiệu) ----------------------------------------------


@dataclass(frozen=True)
class DocumentNumber:
    """A document's number and symbol, e.g. ``76/2012/NĐ-CP``."""

    text: str
    sequence: str
    year: int | None
    symbol: str

    @property
    def key(self) -> str:
        """Comparison key: case, diacritics and punctuation ignored."""
        return fold_key(self.text)

    def __str__(self) -> str:
        return self.text


_SEGMENT = r"[A-ZĐ][A-Za-zĐđ0-9]*"
_SYMBOL = rf"{_SEGMENT}(?:-{_SEGMENT})*"
# State documents: 30/KH-MTTQ, 13/HD-UBMT-BTT, 76/2012/NĐ-CP.
_STATE_NUMBER = re.compile(
    rf"^(?P<sequence>\d{{1,5}}[a-z]?)/(?:(?P<year>\d{{4}})/)?(?P<symbol>{_SYMBOL})$"
)
# Party documents put the type before a slash: 05-CT/TW, 125-KH/ĐU.
_PARTY_NUMBER = re.compile(rf"^(?P<sequence>\d{{1,5}}[a-z]?)-(?P<symbol>{_SEGMENT}/{_SYMBOL})$")
_DASHES = str.maketrans({"–": "-", "—": "-", "‐": "-", "‑": "-", "−": "-", "\u00d0": "Đ"})
_PREFIX = re.compile(r"^s[ốo]\s*:?\s*", re.IGNORECASE)
_AROUND = re.compile(r"\s*([/-])\s*")
NUMBER_EXAMPLES = "30/KH-MTTQ, 13/HD-UBMT-BTT hoặc 76/2012/NĐ-CP"


def normalise_number(raw: str) -> str:
    """Tidy what editors type: "Số: 30 / KH – MTTQ" -> "30/KH-MTTQ".

    The Icelandic capital eth (Ð, U+00D0), which some keyboards produce and
    which looks exactly like Đ, is replaced by Đ.
    """
    text = nfc(raw).translate(_DASHES).strip()
    text = _PREFIX.sub("", text)
    return _AROUND.sub(r"\1", text)


def _number_hint(text: str) -> str:
    """Say what is wrong with a malformed number, when it is easy to tell."""
    symbol = text.rpartition("/")[2]
    if not text:
        return "Dòng Number: đang để trống."
    if not text[0].isdigit():
        return "Số/ký hiệu bắt đầu bằng số thứ tự."
    if "/" not in text:
        return 'Thiếu dấu "/" giữa số và ký hiệu.'
    if symbol[:1].islower():
        return "Ký hiệu viết chữ in hoa."
    if " " in text:
        return "Số/ký hiệu không có khoảng trắng."
    return ""


def parse_number(raw: str) -> DocumentNumber:
    """Parse a number and symbol; raise :class:`MetadataError` if malformed."""
    text = normalise_number(raw)
    match = _STATE_NUMBER.match(text) or _PARTY_NUMBER.match(text)
    if not match:
        hint = " ".join(filter(None, [_number_hint(text), f"Viết như {NUMBER_EXAMPLES}."]))
        raise MetadataError(f'Số/ký hiệu "{raw.strip()}" không đúng dạng. {hint}')
    year = int(match["year"]) if match.groupdict().get("year") else None
    if year is not None and not FIRST_YEAR <= year <= LAST_YEAR:
        raise MetadataError(f'Năm {year} trong số/ký hiệu "{text}" không hợp lý.')
    return DocumentNumber(text, match["sequence"], year, match["symbol"])


# --- Dates ---------------------------------------------------------------------------

_ISO_DATE = re.compile(r"^(?P<year>\d{4})-(?P<month>\d{1,2})-(?P<day>\d{1,2})$")
_VN_DATE = re.compile(r"^(?P<day>\d{1,2})[/.-](?P<month>\d{1,2})[/.-](?P<year>\d{4})$")
_TIME = re.compile(r"^(?P<hour>\d{1,2}):(?P<minute>\d{2})(?::(?P<second>\d{2}))?$")
DATE_EXAMPLES = "2024-03-12 hoặc 12/03/2024"


def parse_date(raw: str) -> dt.date:
    """Parse ``2024-03-12`` or ``12/03/2024``; explain impossible dates."""
    text = raw.strip()
    match = _ISO_DATE.match(text) or _VN_DATE.match(text)
    if not match:
        raise MetadataError(f'Ngày "{text}" không đọc được; viết dạng {DATE_EXAMPLES}.')
    year, month, day = int(match["year"]), int(match["month"]), int(match["day"])
    if not FIRST_YEAR <= year <= LAST_YEAR:
        raise MetadataError(f'Ngày "{text}": năm {year} không hợp lý.')
    if not 1 <= month <= 12:
        raise MetadataError(f'Ngày "{text}" không có thật: không có tháng {month}.')
    last = calendar.monthrange(year, month)[1]
    if not 1 <= day <= last:
        raise MetadataError(
            f'Ngày "{text}" không có thật: tháng {month} năm {year} chỉ có {last} ngày.'
        )
    return dt.date(year, month, day)


def parse_datetime(raw: str) -> dt.datetime:
    """Parse a date with an optional time: ``2024-06-01 08:30``, ``01/06/2024 8:30``."""
    text = raw.strip().replace("T", " ")
    day_part, _, time_part = text.partition(" ")
    day = parse_date(day_part)
    time_part = time_part.strip()
    if not time_part:
        return dt.datetime.combine(day, dt.time())
    match = _TIME.match(time_part)
    if not match:
        raise MetadataError(f'Giờ "{time_part}" không đọc được; viết dạng 08:30.')
    hour, minute, second = int(match["hour"]), int(match["minute"]), int(match["second"] or 0)
    if hour > 23 or minute > 59 or second > 59:
        raise MetadataError(f'Giờ "{time_part}" không có thật.')
    return dt.datetime.combine(day, dt.time(hour, minute, second))


# --- Type, flags ---------------------------------------------------------------------


@functools.lru_cache(maxsize=8)
def _type_keys(names: tuple[str, ...]) -> dict[str, str]:
    return {fold_key(name): name for name in names}


def resolve_type(raw: str, known: Iterable[str]) -> str:
    """Return the configured type an editor meant (case and diacritics ignored)."""
    names = tuple(known)
    keys = _type_keys(names)
    found = keys.get(fold_key(raw))
    if found:
        return found
    close = difflib.get_close_matches(fold_key(raw), list(keys), n=1, cutoff=0.6)
    hint = f'Có phải "{keys[close[0]]}"?' if close else f"Chọn một trong: {', '.join(names)}."
    raise MetadataError(
        f'Loại văn bản "{raw.strip()}" không có trong danh sách DOCUMENT_TYPES. {hint}'
    )


_TRUE = {"co", "yes", "true", "1", "x", "ghim"}
_FALSE = {"khong", "no", "false", "0", ""}


def parse_flag(raw: str) -> bool:
    """Read a yes/no value: "có"/"không" (or yes/no, true/false, 1/0)."""
    key = fold(raw).strip()
    if key in _TRUE:
        return True
    if key in _FALSE:
        return False
    raise MetadataError(f'Giá trị "{raw.strip()}" không rõ; ghi "có" hoặc "không".')


def clean_text(raw: str) -> str:
    """NFC with runs of white space collapsed (names, abstracts)."""
    return " ".join(nfc(raw).split())
