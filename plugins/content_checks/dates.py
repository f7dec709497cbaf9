"""Dates of articles and pages: the portal's one date grammar.

The grammar (ISO or day-first dates, optional time, optional UTC offset, years
1945-2100) lives in :mod:`content_model.dates`, shared with notices and
documents; this module keeps the names the checks and the reader import.
"""

from __future__ import annotations

from content_model.dates import DATETIME_HINT, DateError, parse_datetime, to_local

FORMAT_HINT = DATETIME_HINT
parse_date = parse_datetime

__all__ = ["FORMAT_HINT", "DateError", "parse_date", "to_local"]
