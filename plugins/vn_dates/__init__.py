"""Vietnamese date formats as Jinja filters."""

from .vn_dates import (
    format_date,
    format_long,
    format_month,
    format_posted,
    format_words,
    month_name,
    register,
    weekday,
)

__all__ = [
    "format_date",
    "format_long",
    "format_month",
    "format_posted",
    "format_words",
    "month_name",
    "register",
    "weekday",
]
