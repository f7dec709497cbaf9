"""Visitor counter: "Số lượt truy cập" digit boxes and per-article view counts.

A static site cannot count, so the number comes from a source chosen in
VISITOR_COUNTER: none, a static number (e.g. carried over from the old
portal), GoatCounter's public counter, or any JSON endpoint. The build renders
the known number into the page (correct with JavaScript off, no layout
shift); ``js/visitor-counter.js`` asks the live source in the reader's browser
and replaces it only with a valid answer. No network access at build time.
"""

from __future__ import annotations

from dataclasses import dataclass
from urllib.parse import urlsplit

from pelican import signals

from .settings import CounterSettings, check_settings

UNKNOWN_DIGIT = "–"
LABEL = "Số lượt truy cập"
UNKNOWN_VALUE = "chưa có số liệu"


def group_thousands(number: int) -> str:
    """Return ``number`` with Vietnamese thousands separators: 1539736 -> '1.539.736'."""
    return f"{number:,}".replace(",", ".")


def site_base_path(siteurl: str) -> str:
    """Return the path part of SITEURL without a trailing slash ('' at the root)."""
    return urlsplit(siteurl or "").path.rstrip("/")


@dataclass(frozen=True)
class CounterWidget:
    """What the partials need: the build-time value and the live endpoints."""

    settings: CounterSettings
    base_path: str = ""

    @property
    def source(self) -> str:
        return self.settings.source

    @property
    def enabled(self) -> bool:
        """False for source 'none': the widget is not shown at all."""
        return self.settings.source != "none"

    @property
    def live(self) -> bool:
        """True when the reader's browser asks a counter service."""
        return self.settings.total_url is not None

    @property
    def count(self) -> int | None:
        """The number known at build time (None: unknown, never a fake 0)."""
        return self.settings.count

    @property
    def offset(self) -> int:
        """Visits counted before the live counter started, added to its total."""
        return self.settings.count or 0

    @property
    def min_digits(self) -> int:
        return self.settings.min_digits

    @property
    def digits(self) -> list[str]:
        """One character per digit box, padded with zeros to ``min_digits``."""
        if self.count is None:
            return [UNKNOWN_DIGIT] * self.min_digits
        return list(str(self.count).zfill(self.min_digits))

    @property
    def value_text(self) -> str:
        """The number as read aloud: '1.539.736' (or 'chưa có số liệu')."""
        return UNKNOWN_VALUE if self.count is None else group_thousands(self.count)

    @property
    def label(self) -> str:
        """The accessible reading: 'Số lượt truy cập: 1.539.736'."""
        return f"{LABEL}: {self.value_text}"

    @property
    def total_url(self) -> str | None:
        return self.settings.total_url

    @property
    def page_url(self) -> str | None:
        """URL template with {path} for one page's count, when the source has one."""
        return self.settings.page_url

    @property
    def page_counts(self) -> bool:
        """True when the source can give "Số lượt người xem" for a page."""
        return self.settings.page_url is not None

    @property
    def online(self) -> bool:
        """True when the source may report visitors online (the JSON source)."""
        return self.settings.source == "json"

    @property
    def script_url(self) -> str | None:
        """GoatCounter's counting script, from the configured GoatCounter host."""
        return self.settings.script_url

    @property
    def count_url(self) -> str | None:
        return self.settings.count_url

    def page_path(self, url: str) -> str:
        """The path a counter sees for a page: '/phuong/2024/05/01/slug/'."""
        return f"{self.base_path}/{url.lstrip('/')}"


def prepare(pelican) -> None:
    """Check VISITOR_COUNTER and give templates the widget (VISITOR_COUNTER_WIDGET)."""
    settings = pelican.settings
    checked = check_settings(settings.get("VISITOR_COUNTER"), settings["PATH"])
    settings["VISITOR_COUNTER_WIDGET"] = CounterWidget(
        checked, site_base_path(settings.get("SITEURL", ""))
    )


def register() -> None:
    """Register the plugin callbacks."""
    # initialized: fires once, before any content is read, so a wrong setting
    # stops the build at once; settings are copied into every generator's
    # context after it, so the templates see VISITOR_COUNTER_WIDGET.
    signals.initialized.connect(prepare)
