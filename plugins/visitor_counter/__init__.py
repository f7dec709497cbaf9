"""Visitor counter widget and per-article view counts from a pluggable source."""

from .settings import (
    DEFAULTS,
    SOURCES,
    CounterSettings,
    VisitorCounterSettingsError,
    check_settings,
    read_count_file,
)
from .visitor_counter import CounterWidget, group_thousands, register, site_base_path

__all__ = [
    "DEFAULTS",
    "SOURCES",
    "CounterSettings",
    "CounterWidget",
    "VisitorCounterSettingsError",
    "check_settings",
    "group_thousands",
    "read_count_file",
    "register",
    "site_base_path",
]
