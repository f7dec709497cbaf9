"""A page may not take an address the site generates itself.

``Slug: luu-tru`` on a page, or ``Title: 2026`` while articles of 2026 exist,
writes ``luu-tru/index.html`` or ``2026/index.html`` twice: Pelican stopped on
its English "Failed to overwrite ..." naming no source file. The addresses
come from the settings, never from a list kept by hand:

- every ``*_SAVE_AS`` without a placeholder (home, archive index, category
  list, "Tin đã đưa", the registers of documents and notices, search page...)
  and ``<name>.html`` for a direct template without one;
- ``CATEGORY_SAVE_AS`` for each registered category, the year, month and day
  archives of every published or scheduled article;
- folders the build fills on its own (``THEME_STATIC_DIR``,
  ``RESPONSIVE_IMAGE_DIR``, the folder of ``SEARCH_BUNDLE_URL``): a page
  inside one would be overwritten or deleted.
"""

from __future__ import annotations

import posixpath
from collections.abc import Iterable, Mapping
from typing import Any

from portal_core.problems import metadata_line, report

# What readers call the pages some settings make (messages only; an unknown
# setting is named as it is).
_LABELS = {
    "INDEX_SAVE_AS": "trang chủ",
    "ARCHIVES_SAVE_AS": "trang lưu trữ",
    "CATEGORIES_SAVE_AS": "danh sách chuyên mục",
    "NEWS_SAVE_AS": 'trang "Tin đã đưa"',
    "DOCUMENTS_SAVE_AS": "danh sách văn bản",
    "NOTICES_SAVE_AS": "danh sách thông báo",
    "OLD_NOTICES_SAVE_AS": "danh sách thông báo cũ",
    "SEARCH_SAVE_AS": "trang tìm kiếm",
    "YEAR_ARCHIVE_SAVE_AS": "lưu trữ theo năm",
    "MONTH_ARCHIVE_SAVE_AS": "lưu trữ theo tháng",
    "DAY_ARCHIVE_SAVE_AS": "lưu trữ theo ngày",
    "CATEGORY_SAVE_AS": "trang chuyên mục",
}
_ARCHIVES = ("YEAR_ARCHIVE_SAVE_AS", "MONTH_ARCHIVE_SAVE_AS", "DAY_ARCHIVE_SAVE_AS")


def _clean(path: str) -> str:
    return posixpath.normpath(path).lstrip("/")


def generated_files(
    settings: Mapping[str, Any], dates: Iterable[Any], category_slugs: Iterable[str]
) -> dict[str, str]:
    """Output file -> the setting that makes it."""
    found: dict[str, str] = {}
    for key, value in settings.items():
        if key.endswith("_SAVE_AS") and isinstance(value, str) and value and "{" not in value:
            found.setdefault(_clean(value), key)
    for name in settings.get("DIRECT_TEMPLATES", []):
        if f"{name.upper()}_SAVE_AS" not in settings:
            found.setdefault(f"{name}.html", "DIRECT_TEMPLATES")
    pattern = settings.get("CATEGORY_SAVE_AS")
    for slug in category_slugs if isinstance(pattern, str) and pattern else ():
        found.setdefault(_clean(pattern.format(slug=slug)), "CATEGORY_SAVE_AS")
    for date in set(dates):
        for key in _ARCHIVES:
            pattern = settings.get(key)
            if isinstance(pattern, str) and pattern:
                try:
                    found.setdefault(_clean(pattern.format(date=date)), key)
                except (KeyError, ValueError, IndexError, AttributeError):
                    continue
    return found


def owned_folders(settings: Mapping[str, Any]) -> dict[str, str]:
    """Folders of the output the build fills itself -> the setting naming them."""
    folders = {
        "THEME_STATIC_DIR": settings.get("THEME_STATIC_DIR"),
        "RESPONSIVE_IMAGE_DIR": settings.get("RESPONSIVE_IMAGE_DIR"),
    }
    bundle = settings.get("SEARCH_BUNDLE_URL")
    if settings.get("SEARCH_INDEX") and isinstance(bundle, str):
        folders["SEARCH_BUNDLE_URL"] = posixpath.dirname(bundle)
    return {
        _clean(folder): key
        for key, folder in folders.items()
        if isinstance(folder, str) and _clean(folder) not in ("", ".")
    }


def _what(key: str) -> str:
    return f"{_LABELS.get(key, 'một trang')} do hệ thống tự tạo ({key})"


def _line(path: Any) -> tuple[int, str]:
    """Where the address comes from: the Slug line, else the Title line."""
    line = metadata_line(path, "slug")
    if line:
        return line, 'Đổi dòng "Slug: ..." sang tên khác'
    return metadata_line(path, "title"), 'Thêm dòng "Slug: ..." với tên khác'


def check_generated(items: Iterable[Any], settings: Mapping[str, Any], slugs: list[str]) -> None:
    """Report content whose output file is one the site generates (file:line)."""
    items = list(items)
    dates = [
        item.date
        for item in items
        if item.kind == "article" and item.status in ("published", "scheduled") and item.date
    ]
    generated = generated_files(settings, dates, slugs)
    folders = owned_folders(settings)
    for item in items:
        save_as = _clean(item.save_as) if item.save_as else ""
        if not save_as:
            continue
        key = generated.get(save_as)
        folder = next((f for f in folders if save_as.startswith(f + "/")), None)
        if key is None and folder is None:
            continue
        line, how = _line(item.path)
        if key is not None:
            what = f"trùng với {_what(key)}"
        else:
            what = f"nằm trong thư mục {folder}/ do hệ thống tự tạo ({folders[folder]})"
        url = item.url or save_as
        report(item.path, line, f'Địa chỉ "{url}" {what}: trang sẽ bị ghi đè. {how}.')
