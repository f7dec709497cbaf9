"""Read the dates editors type: ``2024-10-03 08:30`` or ``03/10/2024 08:30``.

Pelican hands dates to dateutil, which reads ``03/10/2024`` as the 10th of
March (American order) and rejects ``31/02/2020`` with an English message.
Vietnamese editors write day first; this module accepts exactly the formats we
document and explains, in Vietnamese, what is wrong with anything else.
"""

from __future__ import annotations

import datetime as dt
import re

# ISO order (what `invoke new` writes) and Vietnamese order (what people type).
# Seconds and the time itself are optional; single-digit days, months and hours
# are unambiguous and accepted ("3/4/2024 8:05").
_ISO = re.compile(
    r"(?P<year>\d{4})-(?P<month>\d{1,2})-(?P<day>\d{1,2})"
    r"(?:[ T]+(?P<hour>\d{1,2}):(?P<minute>\d{2})(?::(?P<second>\d{2}))?)?"
)
_VN = re.compile(
    r"(?P<day>\d{1,2})/(?P<month>\d{1,2})/(?P<year>\d{4})"
    r"(?:\s+(?P<hour>\d{1,2}):(?P<minute>\d{2})(?::(?P<second>\d{2}))?)?"
)
FORMAT_HINT = 'Viết theo dạng "2024-10-03 08:30" hoặc "03/10/2024 08:30".'


class DateError(ValueError):
    """The text is not a date we accept; ``str(error)`` is for the editor."""


def _date_part(value: str, match: re.Match[str]) -> str:
    """The date as the editor wrote it, without the time."""
    end = match.start("hour") if match.group("hour") else match.end()
    return value[:end].strip()


def parse_date(value: str) -> dt.datetime:
    """Return the naive local datetime written in ``value``; raise :class:`DateError`."""
    if not isinstance(value, str):
        raise DateError(f'Ngày "{value}" không đúng định dạng. {FORMAT_HINT}')
    text = " ".join(value.split())
    match = _ISO.fullmatch(text) or _VN.fullmatch(text)
    if match is None:
        raise DateError(f'Ngày "{text}" không đúng định dạng. {FORMAT_HINT}')
    year, month, day = (int(match.group(name)) for name in ("year", "month", "day"))
    try:
        date = dt.date(year, month, day)
    except ValueError:
        raise DateError(f'Ngày "{_date_part(text, match)}" không tồn tại.') from None
    hour, minute, second = (int(match.group(name) or 0) for name in ("hour", "minute", "second"))
    try:
        time = dt.time(hour, minute, second)
    except ValueError:
        written = text[match.start("hour") :]
        raise DateError(f'Giờ "{written}" không tồn tại (giờ từ 00:00 đến 23:59).') from None
    return dt.datetime.combine(date, time)
