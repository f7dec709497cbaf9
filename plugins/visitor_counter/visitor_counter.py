"""Visitor counter: "Số lượt truy cập" digit boxes and per-article view counts.

A static site cannot count, so the number comes from a source chosen in
VISITOR_COUNTER: none, a static number (e.g. carried over from the old
portal), GoatCounter's public counter, or any JSON endpoint. The build renders
the known number into the page (correct with JavaScript off, no layout
shift); ``js/visitor-counter.js`` asks the live source in the reader's browser
and replaces it only with a valid answer. No network access at build time.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import asdict, dataclass
from typing import Any
from urllib.parse import urlsplit

from pelican import signals

from content_checks.kinds import register_data_files

from .settings import CounterSettings, check_settings

UNKNOWN_DIGIT = "–"
UNKNOWN_VALUE = "chưa có số liệu"


def group_thousands(number: int) -> str:
    """Return ``number`` with Vietnamese thousands separators: 1539736 -> '1.539.736'."""
    return f"{number:,}".replace(",", ".")


def site_base_path(siteurl: str) -> str:
    """Return the path part of SITEURL without a trailing slash ('' at the root)."""
    return urlsplit(siteurl or "").path.rstrip("/")


@dataclass(frozen=True)
class CounterWidget(CounterSettings):
    """What the partials need: the checked settings, the build-time value, the paths."""

    base_path: str = ""

    @classmethod
    def of(cls, checked: CounterSettings, siteurl: str = "") -> CounterWidget:
        """The widget for checked settings on a site published at ``siteurl``."""
        return cls(**asdict(checked), base_path=site_base_path(siteurl))

    @property
    def enabled(self) -> bool:
        """False for source 'none': the widget is not shown at all."""
        return self.source != "none"

    @property
    def live(self) -> bool:
        """True when the reader's browser asks a counter service."""
        return self.total_url is not None

    @property
    def offset(self) -> int:
        """Visits counted before the live counter started, added to its total."""
        return self.count or 0

    @property
    def digits(self) -> list[str]:
        """One character per digit box, padded with zeros to ``min_digits``."""
        if self.count is None:
            return [UNKNOWN_DIGIT] * self.min_digits
        return list(str(self.count).zfill(self.min_digits))

    @property
    def value_text(self) -> str:
        """The number as read aloud after "Số lượt truy cập: ": '1.539.736'."""
        return UNKNOWN_VALUE if self.count is None else group_thousands(self.count)

    @property
    def page_counts(self) -> bool:
        """True when the source can give "Số lượt người xem" for a page."""
        return self.page_url is not None

    @property
    def online(self) -> bool:
        """True when the source may report visitors online (the JSON source)."""
        return self.source == "json"

    def page_path(self, url: str) -> str:
        """The path a counter sees for a page: '/phuong/2024/05/01/slug/'."""
        return f"{self.base_path}/{url.lstrip('/')}"


def prepare(pelican) -> None:
    """Check VISITOR_COUNTER and give templates the widget (VISITOR_COUNTER_WIDGET)."""
    settings = pelican.settings
    checked = check_settings(settings.get("VISITOR_COUNTER"), settings["PATH"])
    settings["VISITOR_COUNTER_WIDGET"] = CounterWidget.of(checked, settings.get("SITEURL", ""))


def count_file(settings: Mapping[str, Any]) -> Iterable[str]:
    """The counter's data file under content/, when one is configured (used, not lost)."""
    if "visitor_counter" not in settings.get("PLUGINS", []):
        return []  # registered by an earlier build of this process, not enabled now
    config = settings.get("VISITOR_COUNTER")
    value = config.get("count_file") if isinstance(config, Mapping) else None
    return [value] if isinstance(value, str) else []


def register() -> None:
    """Register the plugin callbacks."""
    # Not a signal: the checks learn now, before ``initialized``, that the
    # count file in content/ is ours (else it would be "outside any folder").
    register_data_files(count_file)
    # initialized: fires once, before any content is read, so a wrong setting
    # stops the build at once; settings are copied into every generator's
    # context after it, so the templates see VISITOR_COUNTER_WIDGET.
    signals.initialized.connect(prepare)
