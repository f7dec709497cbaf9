"""Every address the build will write, and every clash between two of them.

One place, run by the content check (``./portal check`` and the build, at
``initialized``, before any file is read), so a clash is reported once, with
the file and line to change, in Vietnamese, instead of Pelican's English
"Failed to overwrite ..." naming no source file:

- two contents on one address (articles, pages, notices, documents: each
  file's ``save_as`` as the build computes it, see ``checker._locate``);
  the build meets articles first, newest first, and the later file is named;
- a content on an address the site generates itself. Those come from the
  settings, never from a list kept by hand: every ``*_SAVE_AS`` without a
  placeholder (home, archive index, category list, "Tin đã đưa", the
  registers of documents and notices, search page...) and ``<name>.html``
  for a direct template without one; ``CATEGORY_SAVE_AS`` for each
  registered category; the year, month and day archives of every published
  or scheduled article; and what plugins declare with
  :func:`register_generated` (the profile's pages);
- a content inside a folder the build fills on its own (``THEME_STATIC_DIR``,
  ``RESPONSIVE_IMAGE_DIR``, the folder of ``SEARCH_BUNDLE_URL``): it would
  be overwritten or deleted.

Old addresses of imported items (``redirects``) never take a real page's
place, so they cannot clash.
"""

from __future__ import annotations

import posixpath
from collections.abc import Callable, Iterable, Mapping
from typing import Any

from portal_core.problems import display_path, metadata_line, report

from .kinds import kind_named

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
# Plugins' own pages: settings -> (output file, what readers call the page).
GeneratedPages = Callable[[Mapping[str, Any]], Iterable[tuple[str, str]]]
_GENERATED: dict[str, GeneratedPages] = {}


def register_generated(plugin: str, source: GeneratedPages) -> None:
    """Declare the pages ``plugin`` writes itself (idempotent: called by ``register()``).

    They count only while ``plugin`` is in PLUGINS.
    """
    _GENERATED[plugin] = source


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
    enabled = settings.get("PLUGINS", [])
    for plugin, source in _GENERATED.items():
        if plugin in enabled:
            for save_as, label in source(settings):
                found.setdefault(_clean(save_as), label)
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
    if not key.isupper():  # a plugin's page, already named for readers
        return f"{key} do hệ thống tự tạo"
    return f"{_LABELS.get(key, 'một trang')} do hệ thống tự tạo ({key})"


def _field(item: Any) -> str:
    kind = kind_named(item.kind)
    return kind.address_field if kind is not None else "slug"


_HINTS = {
    "save_as": 'Đổi dòng "Save_as: ..." sang địa chỉ khác',
    "slug": 'Đổi dòng "Slug: ..." sang tên khác',
}


def _line(item: Any) -> tuple[int, str]:
    """Where the address comes from (Save_as, else Slug or Number, else Title) and what to do."""
    for field in ("save_as", _field(item)):
        line = metadata_line(item.path, field)
        if line:
            hint = _HINTS.get(field, f'Kiểm tra lại dòng "{field.capitalize()}: ..."')
            return line, hint
    return metadata_line(item.path, "title"), 'Thêm dòng "Slug: ..." với tên khác'


def _build_order(items: Iterable[Any]) -> list[Any]:
    """Contents in the order the build meets them (articles newest first, then by path)."""
    located = [item for item in items if item.save_as]
    located.sort(key=lambda item: item.relative)
    located.sort(
        key=lambda item: item.date.timestamp() if item.date else float("-inf"), reverse=True
    )
    located.sort(key=lambda item: item.kind != "article")
    return located


def _clash(item: Any, first: Any) -> tuple[int, str]:
    """The line and message for ``item``, whose address ``first`` already has."""
    line, hint = _line(item)
    first_line, first_hint = _line(first)
    other = display_path(first.path) + (f":{first_line}" if first_line else "")
    by_title = 'Thêm dòng "Slug: ..." với tên khác'
    if {hint, first_hint} <= {by_title, _HINTS["slug"]}:
        how = 'Đổi tiêu đề hoặc thêm dòng "Slug: ..." khác cho một trong hai tệp.'
    else:
        how = f"{hint} (ở tệp này hoặc tệp kia)."
    # The file both write, as readers would type it: a Save_as moves the page
    # away from its Url, so the URL of either could name another address.
    shared = _clean(item.save_as).removesuffix("index.html")
    return line, f'Trùng địa chỉ "{shared or "/"}" với tệp {other}. {how}'


def check_addresses(
    items: Iterable[Any], settings: Mapping[str, Any], slugs: list[str], skip: Iterable[Any] = ()
) -> None:
    """Report, once each, a content on another's address or on a generated one (file:line).

    ``skip``: files already reported for the same cause (two documents with
    one number also share an address).
    """
    skipped = {str(path) for path in skip}
    items = [item for item in items if str(item.path) not in skipped]
    dates = [
        item.date
        for item in items
        if item.kind == "article" and item.status in ("published", "scheduled") and item.date
    ]
    generated = generated_files(settings, dates, slugs)
    folders = owned_folders(settings)
    owners: dict[str, Any] = {}
    for item in _build_order(items):
        save_as = _clean(item.save_as)
        key = generated.get(save_as)
        folder = next((f for f in folders if save_as.startswith(f + "/")), None)
        first = owners.setdefault(save_as, item)
        if key is None and folder is None:
            if first is not item:
                report(item.path, *_clash(item, first))
            continue
        line, how = _line(item)
        if key is not None:
            what = f"trùng với {_what(key)}"
        else:
            what = f"nằm trong thư mục {folder}/ do hệ thống tự tạo ({folders[folder]})"
        url = item.url or save_as
        report(item.path, line, f'Địa chỉ "{url}" {what}: trang sẽ bị ghi đè. {how}.')
