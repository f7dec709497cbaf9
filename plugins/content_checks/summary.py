"""The Vietnamese summary printed at the end of every build and check."""

from __future__ import annotations

from collections import Counter
from collections.abc import Callable
from pathlib import PurePosixPath

from portal_core.problems import display_path

from .checker import FileReport, SiteReport
from .kinds import kinds
from .placement import IMAGE_EXTENSIONS

PHOTO_LABEL = "ảnh"
ATTACHMENT_LABEL = "tệp đính kèm"
_ORDER = {"article": 0, "notice": 1, "document": 2, "page": 3}
LISTED = 10  # drafts and scheduled items named one by one, at most
# Other plugins' lines for the summary (e.g. the unit profile's completeness).
_EXTRA: list[Callable[[], list[str]]] = []


def register_summary_lines(source: Callable[[], list[str]]) -> None:
    """Add a plugin's lines to the end of every summary (idempotent)."""
    if source not in _EXTRA:
        _EXTRA.append(source)


def _when(item: FileReport) -> str:
    return f"{item.date:%d/%m/%Y %H:%M}" if item.date else "?"


def _is_photo(item: FileReport) -> bool:
    return PurePosixPath(str(item.path)).suffix.lower().lstrip(".") in IMAGE_EXTENSIONS


def summary_lines(report: SiteReport, problem_paths: set[str], problem_count: int) -> list[str]:
    """Lines such as ``Đã đăng: 42 tin bài, 6 thông báo`` and the scheduled dates."""
    groups = report.by_outcome(problem_paths)
    published = Counter(item.kind for item in groups["published"])
    ordered = sorted(kinds(), key=lambda kind: _ORDER.get(kind.name, len(_ORDER)))
    parts = [f"{published[kind.name]} {kind.label}" for kind in ordered if published[kind.name]]
    # Editors check photos and attachments separately ("did my 3 PDFs go up?").
    static = [item for item in groups["published"] if item.kind == "static"]
    photos = sum(map(_is_photo, static))
    if photos:
        parts.append(f"{photos} {PHOTO_LABEL}")
    if len(static) - photos:
        parts.append(f"{len(static) - photos} {ATTACHMENT_LABEL}")
    if published["data"]:
        parts.append(f"{published['data']} tệp dữ liệu")
    now = report.now
    lines = [
        f"Tóm tắt nội dung (tính đến {now:%H:%M} ngày {now:%d/%m/%Y}):",
        f"  Đăng: {', '.join(parts) or 'không có gì'}",
        f"  Bản nháp (không đăng): {len(groups['draft'])}",
    ]
    lines += [f"    - {display_path(item.path)}" for item in groups["draft"][:LISTED]]
    if len(groups["draft"]) > LISTED:
        lines.append(f"    ... và {len(groups['draft']) - LISTED} bản nháp khác")
    scheduled = sorted(groups["scheduled"], key=lambda item: (item.date is None, item.date))
    lines.append(f"  Hẹn giờ đăng: {len(scheduled)}")
    lines += [f"    - {_when(item)}: {display_path(item.path)}" for item in scheduled[:LISTED]]
    if len(scheduled) > LISTED:
        lines.append(f"    ... và {len(scheduled) - LISTED} bài hẹn giờ khác")
    errors = len(groups["error"])
    lines.append(f"  Lỗi: {problem_count} lỗi ở {errors} tệp" if problem_count else "  Lỗi: 0")
    for source in _EXTRA:
        lines += source()
    return lines + warning_lines(report)


def warning_lines(report: SiteReport) -> list[str]:
    """Warnings (unknown fields): shown with file and line, never stopping the build."""
    found = [
        f"    - {display_path(item.path)}:{line}: {message}"
        for item in report.files
        for line, message in item.warnings
    ]
    if not found:
        return []
    return [f"  Cảnh báo (vẫn đăng, nên sửa): {len(found)}", *found]
