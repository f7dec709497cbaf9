"""The one date grammar of the portal: every date an editor writes.

Articles (``Date:``, ``Modified:``), notices (``Date:``, ``Valid-from:``,
``Expires:``) and documents (``Issued:``, ``Effective:``, ``Expires:``) are
read by these two functions, so an editor meets one rule:

- ISO order ``2024-03-05`` or day first ``05/03/2024`` (also ``05-03-2024``,
  ``05.03.2024``; dateutil would read ``03/10/2024`` as the 10th of March);
- then, where a time is allowed, ``08:30`` or ``08:30:15`` after a space or
  ``T``, optionally with a UTC offset (``2024-03-05T09:30:00+07:00``, what
  Pelican and other tools export);
- years 1945 to 2100 only: a typo such as ``1900`` or ``0224`` is an error,
  not a page dated before the time zone existed (``+07:06:30``).

Messages are Vietnamese and say what to write instead.
"""

from __future__ import annotations

import calendar
import datetime as dt
import re

FIRST_YEAR = 1945
LAST_YEAR = 2100

_ISO = r"(?P<iy>\d{4})-(?P<im>\d{1,2})-(?P<id>\d{1,2})"
_VN = r"(?P<vd>\d{1,2})(?P<sep>[/.-])(?P<vm>\d{1,2})(?P=sep)(?P<vy>\d{4})"
_TIME = (
    r"(?P<hour>\d{1,2}):(?P<minute>\d{2})(?::(?P<second>\d{2})(?:\.\d{1,6})?)?"
    r"(?P<offset>Z|[+-]\d{2}:?\d{2})?"
)
_DATE = re.compile(rf"(?:{_ISO}|{_VN})")
_DATETIME = re.compile(rf"(?:{_ISO}|{_VN})(?:(?:[ ]+|T|[ ]*T[ ]*)(?P<time>{_TIME}))?")

DATE_HINT = 'Viết theo dạng "2024-03-12" hoặc "12/03/2024".'
DATETIME_HINT = 'Viết theo dạng "2024-10-03 08:30" hoặc "03/10/2024 08:30".'


class DateError(ValueError):
    """The text is not a date we accept; ``str(error)`` is for the editor."""


def _day(match: re.Match[str], written: str) -> dt.date:
    year, month, day = (
        int(match["iy"] or match["vy"]),
        int(match["im"] or match["vm"]),
        int(match["id"] or match["vd"]),
    )
    if not FIRST_YEAR <= year <= LAST_YEAR:
        raise DateError(
            f'Ngày "{written}": năm {year} không hợp lý (chỉ nhận năm từ {FIRST_YEAR} '
            f"đến {LAST_YEAR}). Kiểm tra lại năm."
        )
    if not 1 <= month <= 12:
        raise DateError(f'Ngày "{written}" không có thật: không có tháng {month}.')
    last = calendar.monthrange(year, month)[1]
    if not 1 <= day <= last:
        raise DateError(
            f'Ngày "{written}" không có thật: tháng {month} năm {year} chỉ có {last} ngày.'
        )
    return dt.date(year, month, day)


def _offset(text: str) -> dt.timezone:
    if text == "Z":
        return dt.UTC
    sign = -1 if text[0] == "-" else 1
    digits = text[1:].replace(":", "")
    hours, minutes = int(digits[:2]), int(digits[2:])
    if hours > 14 or minutes > 59:
        raise DateError(f'Múi giờ "{text}" không có thật (ví dụ đúng: +07:00).')
    return dt.timezone(sign * dt.timedelta(hours=hours, minutes=minutes))


def parse_day(value: str) -> dt.date:
    """A date without time (``Issued:``, ``Expires:``); raise :class:`DateError`."""
    text = " ".join(str(value).split())
    match = _DATE.fullmatch(text)
    if match is None:
        raise DateError(f'Ngày "{text}" không đúng định dạng. {DATE_HINT}')
    return _day(match, text)


def parse_datetime(value: str) -> dt.datetime:
    """A date with an optional time and UTC offset; raise :class:`DateError`.

    Naive (local time of the site) unless an offset is written: then aware;
    :func:`to_local` turns either into the site's local time.
    """
    text = " ".join(str(value).split())
    match = _DATETIME.fullmatch(text)
    if match is None:
        raise DateError(f'Ngày "{text}" không đúng định dạng. {DATETIME_HINT}')
    written_day = text[: match.start("time")].strip(" T") if match["time"] else text
    day = _day(match, written_day)
    if not match["time"]:
        return dt.datetime.combine(day, dt.time())
    hour, minute, second = (int(match[name] or 0) for name in ("hour", "minute", "second"))
    if hour > 23 or minute > 59 or second > 59:
        written = text[match.start("time") :]
        raise DateError(f'Giờ "{written}" không có thật (giờ từ 00:00 đến 23:59).')
    zone = _offset(match["offset"]) if match["offset"] else None
    return dt.datetime.combine(day, dt.time(hour, minute, second), tzinfo=zone)


def to_local(moment: dt.datetime, zone: dt.tzinfo) -> dt.datetime:
    """The naive local time in ``zone`` of a parsed moment (naive ones are already local)."""
    if moment.tzinfo is None:
        return moment
    return moment.astimezone(zone).replace(tzinfo=None)
