"""The build's notion of "now", so scheduling and expiry can be tested.

Scheduled articles appear once their date has come and expired notices leave
the current lists; both compare against :func:`build_now`, never against the
wall clock directly. A test (or an editor previewing next week's site) sets the
``BUILD_DATE`` setting or the ``PORTAL_BUILD_DATE`` environment variable.
"""

from __future__ import annotations

import datetime as dt
import os
from collections.abc import Mapping
from typing import Any
from zoneinfo import ZoneInfo

DEFAULT_TIMEZONE = "Asia/Ho_Chi_Minh"
ENV_VARIABLE = "PORTAL_BUILD_DATE"


class ClockError(ValueError):
    """BUILD_DATE / PORTAL_BUILD_DATE cannot be read as a date."""


def site_timezone(settings: Mapping[str, Any]) -> ZoneInfo:
    """The site's time zone (``TIMEZONE``, Asia/Ho_Chi_Minh by default)."""
    return ZoneInfo(str(settings.get("TIMEZONE") or DEFAULT_TIMEZONE))


def _parse(value: str, zone: ZoneInfo) -> dt.datetime:
    try:
        parsed = dt.datetime.fromisoformat(value.strip())
    except ValueError:
        raise ClockError(
            f'Ngày dựng trang "{value}" không đọc được; viết dạng 2025-01-31 08:00.'
        ) from None
    return parsed.replace(tzinfo=zone) if parsed.tzinfo is None else parsed.astimezone(zone)


def build_now(settings: Mapping[str, Any]) -> dt.datetime:
    """Return the moment the build is "as of", aware, in the site's time zone.

    ``BUILD_DATE`` (a setting: datetime, date or text) wins over the
    ``PORTAL_BUILD_DATE`` environment variable, which wins over the clock.
    """
    zone = site_timezone(settings)
    value = settings.get("BUILD_DATE") or os.environ.get(ENV_VARIABLE)
    if not value:
        return dt.datetime.now(zone).replace(microsecond=0)
    if isinstance(value, dt.datetime):
        return value.replace(tzinfo=zone) if value.tzinfo is None else value.astimezone(zone)
    if isinstance(value, dt.date):
        return dt.datetime.combine(value, dt.time(), tzinfo=zone)
    return _parse(str(value), zone)
