"""The unit's profile: checked once, shown on every page it belongs to.

``content/data/don-vi.toml`` (UNIT_PROFILE) holds what Decree 42/2022 asks a
unit's portal to publish; ``content/data/thu-tuc-hanh-chinh.toml``
(UNIT_PROCEDURES) the administrative procedures. This plugin checks both
(mistakes stop the build; missing required items are warnings, or errors in
strict mode), gives templates ``PROFILE``, ``UNIT``, ``ABOUT_MENU`` and
``LANGUAGE_LINK``, writes the profile pages (Vietnamese and English), the
procedures page, the "Dữ liệu mở" page and the open-data JSON files.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Mapping
from pathlib import Path
from types import SimpleNamespace
from typing import Any

from pelican import signals
from pelican.generators import Generator

from content_checks.addresses import register_generated
from content_checks.kinds import register_data_files
from content_checks.summary import register_summary_lines
from portal_core.problems import display_path, report

from .open_data import write_open_data
from .pages import BY_KEY, ProfilePage, alternate_url, menu, pages_for
from .schema import PROCEDURES, PROFILE
from .source import DataFileError, read_toml
from .validate import Checked, Finding, check_data, check_profile

DEFAULTS: dict[str, Any] = {
    "UNIT_PROFILE": "data/don-vi.toml",
    "UNIT_PROCEDURES": "data/thu-tuc-hanh-chinh.toml",
    # The Markdown page listed first under "Giới thiệu" ("Giới thiệu chung").
    "ABOUT_INTRO_SLUG": "gioi-thieu",
    "OPEN_DATA_MAX_ITEMS": 1000,
}

# Per-build state, reset at ``initialized``.
_state: dict[str, Any] = {}


def _reset() -> None:
    _state.clear()
    _state.update(profile_path=None, missing=[], strict=False, found=False, pages=[])


def _load(path: Path, schema: Any, content: Path) -> Checked | None:
    """Read and check one data file; report its mistakes (None when unreadable)."""
    try:
        source = read_toml(path)
    except DataFileError as error:
        report(path, error.line, error.message)
        return None
    exists = lambda relative: (content / relative).is_file()  # noqa: E731
    if schema is PROFILE:
        checked = check_profile(source, exists)
    else:
        checked = check_data(source, schema, exists)
    for finding in checked.mistakes:
        report(path, finding.line, finding.message)
    return checked


def _legacy_unit(data: dict[str, Any]) -> dict[str, str]:
    """``UNIT`` as older templates and plugins read it (share_meta, scaffold)."""
    unit, contact = data["unit"], data["contact"]
    return {
        "name": unit["name"],
        "short_name": unit["short_name"],
        "parent": unit["locality"],
        "address": contact["address"],
        "phone": contact["phone"],
        "email": contact["email"],
        "editor": unit["responsible"],
        "license_note": unit["licence_note"],
    }


def configure(pelican) -> None:
    """Check the profile and procedures; hand their data to every template."""
    settings = pelican.settings
    for key, value in DEFAULTS.items():
        settings.setdefault(key, value)
    _reset()
    content = Path(settings["PATH"])
    profile_path = content / settings["UNIT_PROFILE"]
    procedures_path = content / settings["UNIT_PROCEDURES"]
    _state["profile_path"] = profile_path
    profile = procedures = None
    missing: list[tuple[Path, Finding]] = []
    if profile_path.is_file():
        _state["found"] = True
        checked = _load(profile_path, PROFILE, content)
        if checked is not None:
            profile = checked.data
            missing += [(profile_path, finding) for finding in checked.missing]
            _state["strict"] = profile["checks"]["strict"]
    if procedures_path.is_file():
        checked = _load(procedures_path, PROCEDURES, content)
        if checked is not None:
            procedures = checked.data
            missing += [(procedures_path, finding) for finding in checked.missing]
    elif profile is not None:
        missing.append(
            (
                procedures_path,
                Finding(
                    0,
                    "Chưa có danh sách thủ tục hành chính: tạo tệp này theo mẫu trong README.",
                    "procedures",
                ),
            )
        )
    _state["missing"] = missing
    if _state["strict"]:
        for path, finding in missing:
            report(path, finding.line, finding.message)
    pages = pages_for(profile, procedures)
    _state["pages"] = pages
    settings["PROFILE"] = profile
    settings["PROCEDURES"] = procedures
    settings["PROFILE_PAGES"] = {page.key: page for page in pages}
    settings["ABOUT_MENU"] = menu(pages, "vi")
    settings["ENGLISH_MENU"] = menu(pages, "en")
    settings["LANGUAGE_LINK"] = (
        {"label": "English", "lang": "en", "url": BY_KEY["en-about"].url}
        if any(page.lang == "en" for page in pages)
        else None
    )
    if profile is not None:
        settings["UNIT"] = _legacy_unit(profile)
        settings["SITENAME"] = profile["unit"]["short_name"] or settings.get("SITENAME", "")
    if "SITEMAP_EXTRA_URLS" in settings:
        extra = list(settings["SITEMAP_EXTRA_URLS"])
        settings["SITEMAP_EXTRA_URLS"] = extra + [
            page.url for page in pages if page.url not in extra
        ]


def completeness_lines() -> list[str]:
    """The build summary's line about the required information."""
    if _state.get("profile_path") is None:
        return []
    if not _state["found"]:
        return [
            f"  Thông tin bắt buộc: chưa có hồ sơ đơn vị {display_path(_state['profile_path'])} "
            "(xem README, mục «Hồ sơ đơn vị»)."
        ]
    missing = _state["missing"]
    if not missing:
        return ["  Thông tin bắt buộc: đủ"]
    how = (
        "lỗi, trang chưa xuất bản"
        if _state["strict"]
        else "cảnh báo; ghi [checks] strict = true để bắt buộc"
    )
    lines = [f"  Thông tin bắt buộc: thiếu {len(missing)} mục ({how}):"]
    for path, finding in missing:
        where = display_path(path) + (f":{finding.line}" if finding.line else "")
        lines.append(f"    - {where}: {finding.message}")
    return lines


def tel_href(number: object) -> str:
    """Jinja filter: ``"0200 3 000 101"`` -> ``"tel:02003000101"``."""
    digits = re.sub(r"[^0-9+]", "", str(number or ""))
    return f"tel:{digits}"


def add_filters(generator) -> None:
    """Give every template environment the ``tel_href`` filter."""
    generator.env.filters["tel_href"] = tel_href


def _search_item(procedures: dict[str, Any]) -> SimpleNamespace:
    """What Pagefind's folding reads of the procedures page (title and text)."""
    text = " ".join(
        f"{item['name']} {item['field']} {item['level']}" for item in procedures["procedures"]
    )
    return SimpleNamespace(
        status="published", title="Thủ tục hành chính", summary="", content=text, date=None
    )


def _grouped(procedures: dict[str, Any]) -> list[tuple[str, list[dict[str, Any]]]]:
    from portal_core.text import sort_key  # noqa: PLC0415

    groups: dict[str, list[dict[str, Any]]] = {}
    for item in procedures["procedures"]:
        groups.setdefault(item["field"], []).append(item)
    return sorted(groups.items(), key=lambda pair: sort_key(pair[0]))


class ProfileGenerator(Generator):
    """Writes the profile pages, the procedures page and the open data."""

    def generate_context(self) -> None:
        """Put the introduction page first in ``ABOUT_MENU`` when the unit has one."""
        slug = self.settings.get("ABOUT_INTRO_SLUG")
        intro = next((page for page in self.context.get("pages", []) if page.slug == slug), None)
        if intro is not None and self.context.get("PROFILE"):
            entry = {"title": "Giới thiệu chung", "url": intro.url}
            self.context["ABOUT_MENU"] = [entry, *self.context["ABOUT_MENU"]]

    def _write(self, writer, page: ProfilePage, pages: list[ProfilePage], **extra: Any) -> None:
        writer.write_file(
            page.save_as,
            self.get_template(page.template),
            self.context,
            self.settings["RELATIVE_URLS"],
            template_name=page.template,
            page_name=page.url.rstrip("/"),
            url=page.url,
            profile_page=page,
            alternate_url=alternate_url(page, pages),
            **extra,
        )

    def generate_output(self, writer) -> None:
        """Render every page of :func:`pages_for`, then the JSON files."""
        pages = _state.get("pages", [])
        procedures = self.context.get("PROCEDURES")
        for page in pages:
            extra: dict[str, Any] = {}
            if page.key == "procedures" and procedures:
                extra = {
                    "procedure_groups": _grouped(procedures),
                    "search_item": _search_item(procedures),
                }
            self._write(writer, page, pages, **extra)
        notices = [*self.context.get("notices", []), *self.context.get("old_notices", [])]
        notices.sort(key=lambda item: (item.info.posted, item.url), reverse=True)
        write_open_data(
            Path(self.output_path), self.context.get("articles", []), notices, self.settings
        )


def get_generators(pelican) -> type[Generator]:
    """Contribute the profile pages generator."""
    return ProfileGenerator


def profile_files(settings: Mapping[str, Any]) -> Iterable[str]:
    """The unit's profile, procedures and settings files, while enabled."""
    if "unit_profile" not in settings.get("PLUGINS", []):
        return []
    return [
        settings.get("UNIT_PROFILE", "data/don-vi.toml"),
        settings.get("UNIT_PROCEDURES", "data/thu-tuc-hanh-chinh.toml"),
        settings.get("UNIT_SETTINGS", "data/cai-dat.toml"),
    ]


def profile_addresses(settings: Mapping[str, Any]) -> list[tuple[str, str]]:
    """The profile's pages this unit has (set at ``initialized``), for the address check."""
    pages = (settings.get("PROFILE_PAGES") or {}).values()
    return [(page.save_as, f'trang "{page.title}" của hồ sơ đơn vị') for page in pages]


def register() -> None:
    """Register the plugin callbacks."""
    # Not a signal either: the address check learns which pages are ours.
    register_generated("unit_profile", profile_addresses)
    # Not a signal: the checks learn now, before ``initialized``, that these
    # files in content/data/ are the profile's.
    register_data_files(profile_files)
    # initialized: before content_checks checks the tree (a profile mistake
    # stops ./portal check too), before sitemap_xml reads SITEMAP_EXTRA_URLS
    # (both later in PLUGINS), and before settings are copied into the
    # template context, so every template sees PROFILE.
    signals.initialized.connect(configure)
    # generator_init: each generator has its own Jinja environment.
    signals.generator_init.connect(add_filters)
    # get_generators: the profile pages are one more output, like the search page.
    signals.get_generators.connect(get_generators)
    # The build and ./portal check summaries end with the completeness line.
    register_summary_lines(completeness_lines)
