"""Read the metadata editors write for documents and notices.

Pure functions: each takes the text an editor typed and returns a typed value
or raises :class:`MetadataError` with a Vietnamese message saying how to fix
it. The caller knows the file and line and reports the problem.
"""

from __future__ import annotations

import datetime as dt
import difflib
import functools
import re
from collections.abc import Iterable
from dataclasses import dataclass
from zoneinfo import ZoneInfo

from content_model import dates
from content_model.header import Field, parse_header

from portal_core.clock import DEFAULT_TIMEZONE
from portal_core.text import fold, fold_key, nfc

# Documents of the state (since 1945) and reasonable typos are told apart by year.
FIRST_YEAR = dates.FIRST_YEAR
LAST_YEAR = dates.LAST_YEAR


class MetadataError(ValueError):
    """A metadata value an editor must correct (message in Vietnamese)."""


# --- The header ---------------------------------------------------------------
# The portal's one header reader (content_model.header), as documents use it.


def read_header(text: str) -> dict[str, Field]:
    """Every field of a file's header, a repeated key's values appended, NFC."""
    return parse_header(nfc(text)).merged()


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
STATE_NUMBER = re.compile(
    rf"^(?P<sequence>\d{{1,5}}[a-z]?)/(?:(?P<year>\d{{4}})/)?(?P<symbol>{_SYMBOL})$"
)
# Party documents put the type before a slash: 05-CT/TW, 125-KH/ĐU.
PARTY_NUMBER = re.compile(rf"^(?P<sequence>\d{{1,5}}[a-z]?)-(?P<symbol>{_SEGMENT}/{_SYMBOL})$")


def _plain_groups(pattern: re.Pattern[str]) -> str:
    """The pattern without its anchors and named groups (also a JavaScript regex)."""
    return re.sub(r"\(\?P<\w+>", "(", pattern.pattern)[1:-1]


# Either form, written as the check accepts it after tidying (the content model's
# pattern for Number:, which a browser form enforces as typed).
NUMBER_PATTERN = f"^(?:{_plain_groups(STATE_NUMBER)}|{_plain_groups(PARTY_NUMBER)})$"
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
    match = STATE_NUMBER.match(text) or PARTY_NUMBER.match(text)
    if not match:
        hint = " ".join(filter(None, [_number_hint(text), f"Viết như {NUMBER_EXAMPLES}."]))
        raise MetadataError(f'Số/ký hiệu "{raw.strip()}" không đúng dạng. {hint}')
    year = int(match["year"]) if match.groupdict().get("year") else None
    if year is not None and not FIRST_YEAR <= year <= LAST_YEAR:
        raise MetadataError(f'Năm {year} trong số/ký hiệu "{text}" không hợp lý.')
    return DocumentNumber(text, match["sequence"], year, match["symbol"])


# --- Dates ---------------------------------------------------------------------------
# The portal's one date grammar (content_model.dates), with this module's error type.

DATE_EXAMPLES = "2024-03-12 hoặc 12/03/2024"


def parse_date(raw: str) -> dt.date:
    """Parse ``2024-03-12`` or ``12/03/2024``; explain impossible dates."""
    try:
        return dates.parse_day(raw)
    except dates.DateError as error:
        raise MetadataError(str(error)) from None


def parse_datetime(raw: str, zone: dt.tzinfo | None = None) -> dt.datetime:
    """Parse a date with an optional time: ``2024-06-01 08:30``, ``01/06/2024 8:30``.

    A written UTC offset (``2024-06-01T08:30:00+07:00``) is converted to the
    site's local time ``zone`` (Việt Nam's by default).
    """
    try:
        moment = dates.parse_datetime(raw)
    except dates.DateError as error:
        raise MetadataError(str(error)) from None
    return dates.to_local(moment, zone or ZoneInfo(DEFAULT_TIMEZONE))


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
