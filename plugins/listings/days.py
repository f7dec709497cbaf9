"""The days that have articles, as a small JSON for the "Xem theo ngày" control.

The date control in the browser needs two things: which days have a day
archive (and how many articles), and the URL of a day's archive. Days are
grouped exactly as Pelican groups its day archives (the article's own date),
so the JSON and the archive pages cannot disagree.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable
from typing import Any

# Dates whose parts cannot be mistaken for one another (2087 / 11 / 29), then
# two more to check that the derived template really reproduces the pattern.
_PROBE = dt.datetime(2087, 11, 29)
_CHECKS = (dt.datetime(2001, 2, 3), dt.datetime(2019, 12, 31))


def day_key(value: dt.date) -> str:
    """Return 'YYYY-MM-DD' for the day ``value`` falls on (as written)."""
    return f"{value.year:04d}-{value.month:02d}-{value.day:02d}"


def fill(template: str, value: dt.date) -> str:
    """Put a date into a template made by :func:`day_url_template`."""
    return (
        template.replace("{yyyy}", f"{value.year:04d}")
        .replace("{mm}", f"{value.month:02d}")
        .replace("{dd}", f"{value.day:02d}")
    )


def day_url_template(pattern: str) -> str | None:
    """Turn DAY_ARCHIVE_URL into '{yyyy}/{mm}/{dd}/' form for the script.

    Returns None when the pattern uses something else (month names, two-digit
    years); the JSON then lists each day's URL instead.
    """
    template = (
        pattern.format(date=_PROBE)
        .replace("2087", "{yyyy}")
        .replace("11", "{mm}")
        .replace("29", "{dd}")
    )
    if all(fill(template, check) == pattern.format(date=check) for check in _CHECKS):
        return template
    return None


def days_document(dates: Iterable[Any], pattern: str) -> dict[str, Any]:
    """Return the JSON document: day -> article count, oldest day first.

    ``dates`` are the articles (any order); ``pattern`` is DAY_ARCHIVE_URL.
    """
    counts: dict[str, int] = {}
    urls: dict[str, str] = {}
    for article in dates:
        key = day_key(article.date)
        if key not in counts:
            counts[key] = 0
            urls[key] = pattern.format(date=article.date)
        counts[key] += 1
    days = {key: counts[key] for key in sorted(counts)}
    template = day_url_template(pattern)
    if template is not None:
        return {"url": template, "days": days}
    return {"days": days, "urls": {key: urls[key] for key in days}}
