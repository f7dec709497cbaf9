"""Settings of the documents plugin: defaults, and one check of their values."""

from __future__ import annotations

from collections.abc import MutableMapping
from typing import Any

from portal_core.settings import whole_number
from portal_core.text import fold_key, nfc

DEFAULT_TYPES = [
    "Báo cáo",
    "Chỉ thị",
    "Chương trình",
    "Công khai ngân sách",
    "Công văn",
    "Hướng dẫn",
    "Kế hoạch",
    "Nghị định",
    "Nghị quyết",
    "Quyết định",
    "Thông báo",
    "Thông tri",
    "Tờ trình",
]

DEFAULTS: dict[str, Any] = {
    # Where editors put them, relative to PATH (attachments: DOCUMENT_FILES_DIR).
    "DOCUMENT_PATHS": ["documents"],
    "NOTICE_PATHS": ["notices"],
    "DOCUMENT_FILES_DIR": "files",
    "DOCUMENT_TYPES": DEFAULT_TYPES,
    # A document's number is its address: /van-ban/30-kh-mttq-2024/.
    "DOCUMENT_URL": "van-ban/{slug}/",
    "DOCUMENT_SAVE_AS": "van-ban/{slug}/index.html",
    "DOCUMENTS_URL": "van-ban/",
    "DOCUMENTS_SAVE_AS": "van-ban/index.html",
    "DOCUMENTS_JSON_SAVE_AS": "documents.json",
    "LATEST_DOCUMENTS_COUNT": 5,
    # Notices repeat titles ("Lịch tiếp công dân"), so their URL carries the date.
    "NOTICE_URL": "thong-bao/{date:%Y}/{date:%m}/{date:%d}/{slug}/",
    "NOTICE_SAVE_AS": "thong-bao/{date:%Y}/{date:%m}/{date:%d}/{slug}/index.html",
    "NOTICES_URL": "thong-bao/",
    "NOTICES_SAVE_AS": "thong-bao/index.html",
    "OLD_NOTICES_URL": "thong-bao/cu/",
    "OLD_NOTICES_SAVE_AS": "thong-bao/cu/index.html",
    "NOTICE_BOARD_COUNT": 5,
}
_COUNTS = ("LATEST_DOCUMENTS_COUNT", "NOTICE_BOARD_COUNT")


class DocumentsSettingsError(ValueError):
    """A setting of the documents plugin is wrong (message in Vietnamese)."""


def check_types(raw: Any) -> list[str]:
    """Validate DOCUMENT_TYPES: a list of distinct, non-empty names."""
    if isinstance(raw, str) or not isinstance(raw, list | tuple) or not raw:
        raise DocumentsSettingsError(
            'DOCUMENT_TYPES phải là danh sách tên loại văn bản, ví dụ ["Kế hoạch", "Báo cáo"].'
        )
    names: dict[str, str] = {}
    for position, item in enumerate(raw, start=1):
        name = " ".join(nfc(str(item)).split()) if isinstance(item, str) else ""
        if not name:
            raise DocumentsSettingsError(f"DOCUMENT_TYPES mục {position}: tên loại văn bản trống.")
        if fold_key(name) in names:
            raise DocumentsSettingsError(f'DOCUMENT_TYPES: loại "{name}" bị khai báo hai lần.')
        names[fold_key(name)] = name
    return list(names.values())


def check_shortcuts(raw: Any, types: list[str]) -> list[str]:
    """Validate DOCUMENT_SHORTCUTS: "Xem nhanh" links, each a declared type."""
    if raw is None:
        return []
    if isinstance(raw, str) or not isinstance(raw, list | tuple):
        raise DocumentsSettingsError(
            'DOCUMENT_SHORTCUTS phải là danh sách loại văn bản, ví dụ ["Kế hoạch", "Báo cáo"].'
        )
    known = {fold_key(name): name for name in types}
    shortcuts = []
    for item in raw:
        name = known.get(fold_key(nfc(str(item))))
        if name is None:
            raise DocumentsSettingsError(
                f'DOCUMENT_SHORTCUTS: "{item}" không có trong DOCUMENT_TYPES; '
                "thêm loại này vào DOCUMENT_TYPES hoặc bỏ khỏi DOCUMENT_SHORTCUTS."
            )
        shortcuts.append(name)
    return shortcuts


def apply_defaults(settings: MutableMapping[str, Any]) -> None:
    """Fill in missing settings, check them, keep our folders out of articles."""
    for key, value in DEFAULTS.items():
        settings.setdefault(key, value)
    settings["DOCUMENT_TYPES"] = check_types(settings["DOCUMENT_TYPES"])
    settings["DOCUMENT_SHORTCUTS"] = check_shortcuts(
        settings.get("DOCUMENT_SHORTCUTS"), settings["DOCUMENT_TYPES"]
    )
    for key in _COUNTS:
        whole_number(
            settings[key], key, minimum=1, example=DEFAULTS[key], error=DocumentsSettingsError
        )
    # Should ARTICLE_PATHS ever cover the whole content folder, documents and
    # notices must still not turn into news articles or pages.
    ours = [*settings["DOCUMENT_PATHS"], *settings["NOTICE_PATHS"]]
    for key in ("ARTICLE_EXCLUDES", "PAGE_EXCLUDES"):
        excludes = list(settings.get(key) or [])
        settings[key] = excludes + [path for path in ours if path not in excludes]
