"""Vietnamese date formats for templates, independent of the host's locale.

The portals readers know use a handful of fixed styles; they are built here
from our own tables (the OS ``vi_VN`` locale is often missing and does not
produce these formats anyway), always in the site's timezone.
"""

from __future__ import annotations

import datetime as dt
from zoneinfo import ZoneInfo

from pelican import signals

from portal_core.clock import DEFAULT_TIMEZONE

WEEKDAYS = ("Thứ 2", "Thứ 3", "Thứ 4", "Thứ 5", "Thứ 6", "Thứ 7", "Chủ nhật")
MONTHS = (
    "Tháng Một",
    "Tháng Hai",
    "Tháng Ba",
    "Tháng Tư",
    "Tháng Năm",
    "Tháng Sáu",
    "Tháng Bảy",
    "Tháng Tám",
    "Tháng Chín",
    "Tháng Mười",
    "Tháng Mười Một",
    "Tháng Mười Hai",
)

_zone = ZoneInfo(DEFAULT_TIMEZONE)


def set_timezone(name: str) -> None:
    """Use ``name`` (an IANA zone) for every formatter."""
    global _zone  # noqa: PLW0603 - one site, one timezone, set once per build
    _zone = ZoneInfo(name)


def local(value: dt.datetime | dt.date) -> dt.datetime | dt.date:
    """Return ``value`` in the site's timezone (naive values are taken as local)."""
    if isinstance(value, dt.datetime) and value.tzinfo is not None:
        return value.astimezone(_zone)
    return value


def weekday(value: dt.date) -> str:
    """Return 'Thứ 2' .. 'Thứ 7' or 'Chủ nhật'."""
    return WEEKDAYS[local(value).weekday()]


def month_name(month: int) -> str:
    """Return 'Tháng Một' .. 'Tháng Mười Hai' for 1..12."""
    return MONTHS[month - 1]


# Built from the fields rather than with "%d/%m/%Y": Pelican's dates are
# SafeDatetime, whose strftime is a slow locale-safe wrapper (about 30 times
# slower), and these run for every date on every page.
def _day(value: dt.date) -> str:
    return f"{value.day:02d}/{value.month:02d}/{value.year:04d}"


def _time(value: dt.datetime) -> str:
    return f"{value.hour:02d}:{value.minute:02d}"


def format_long(value: dt.datetime) -> str:
    """Return e.g. 'Thứ 4, Ngày 13/06/2018, 16:40'."""
    value = local(value)
    return f"{WEEKDAYS[value.weekday()]}, Ngày {_day(value)}, {_time(value)}"


def format_date(value: dt.date) -> str:
    """Return e.g. '16/07/2020'."""
    return _day(local(value))


def format_posted(value: dt.datetime) -> str:
    """Return e.g. 'Ngày đăng 16/11/2020 | 08:43'."""
    value = local(value)
    return f"Ngày đăng {_day(value)} | {_time(value)}"


def format_words(value: dt.datetime) -> str:
    """Return e.g. '07 Tháng Hai 2022 3:45:00 CH' (SA before noon, CH after)."""
    value = local(value)
    hour12 = value.hour % 12 or 12
    suffix = "SA" if value.hour < 12 else "CH"
    return (
        f"{value.day:02d} {MONTHS[value.month - 1]} {value.year} "
        f"{hour12}:{value.minute:02d}:{value.second:02d} {suffix}"
    )


def format_month(value: dt.date) -> str:
    """Return e.g. 'Tháng Hai 2022'."""
    value = local(value)
    return f"{MONTHS[value.month - 1]} {value.year}"


def format_iso(value: dt.datetime) -> str:
    """Return an ISO 8601 timestamp for ``<time datetime>`` and metadata."""
    return local(value).isoformat()


FILTERS = {
    "vn_datetime": format_long,
    "vn_date": format_date,
    "vn_posted": format_posted,
    "vn_words": format_words,
    "vn_month": format_month,
    "vn_weekday": weekday,
    "vn_month_name": month_name,
    "iso_datetime": format_iso,
}


def configure(pelican) -> None:
    """Follow the TIMEZONE setting."""
    set_timezone(pelican.settings.get("TIMEZONE") or DEFAULT_TIMEZONE)


def add_filters(generator) -> None:
    """Make the formatters available as Jinja filters."""
    generator.env.filters.update(FILTERS)


def register() -> None:
    """Register the plugin callbacks."""
    # initialized: read TIMEZONE once, before any template renders.
    signals.initialized.connect(configure)
    # generator_init fires once per generator, so every template environment
    # (articles, pages, our own generators) gets the filters.
    signals.generator_init.connect(add_filters)
