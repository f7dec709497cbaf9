"""``./portal import SOURCE --unit ...``: detect the source, plan, write, report.

Every problem with the source ends in one Vietnamese message (file, place,
what to do) and exit status 1, never a traceback.
"""

from __future__ import annotations

import sys
import time
from collections.abc import Mapping
from pathlib import Path
from typing import Any, TextIO

from categories.registry import load_registry
from portal_core.clock import build_now
from portal_core.runner import load_settings

from . import nukeviet, redirects, wordpress
from .categories import CategoryMapper
from .errors import SourceError
from .model import Item
from .report import Report
from .savedpages import SavedPagesSource
from .writer import ImportState, Writer, file_slug

IMPORT_DIR = "import"  # beside content/: state, category mappings, reports

# Abbreviations in document numbers (30/KH-MTTQ) -> document type.
_TYPE_CODES = {
    "KH": "Kế hoạch",
    "HD": "Hướng dẫn",
    "BC": "Báo cáo",
    "QĐ": "Quyết định",
    "NQ": "Nghị quyết",
    "CT": "Chỉ thị",
    "TB": "Thông báo",
    "TTR": "Tờ trình",
    "CTR": "Chương trình",
    "TT": "Thông tri",
    "NĐ": "Nghị định",
    "QC": "Quy chế",
    "QYĐ": "Quy định",
}


def open_source(path: Path, site_url: str):
    """The reader for ``path``, chosen by what it is."""
    if not path.exists():
        raise SourceError(f"{path}: không có tệp hay thư mục này. Kiểm tra lại đường dẫn.")
    if path.is_dir():
        return SavedPagesSource(path, site_url)
    if wordpress.looks_like(path):
        return wordpress.WordPressSource(path)
    if nukeviet.looks_like(path):
        return nukeviet.NukeVietSource(path)
    raise SourceError(
        f"{path}: không nhận ra loại nguồn. Dùng tệp xuất WordPress (.xml), tệp sao lưu cơ sở "
        "dữ liệu NukeViet (.sql) hoặc thư mục các trang đã lưu."
    )


def _document_type(item: Item, types: list[str]) -> str:
    from documents.metadata import MetadataError, resolve_type  # noqa: PLC0415

    for guess in (item.doc_type, item.title.split(" số ")[0]):
        if guess:
            try:
                return resolve_type(guess, types)
            except MetadataError:
                pass
    code = item.number.split("/")[-1].split("-")[0].upper() if "/" in item.number else ""
    found = _TYPE_CODES.get(code.replace("Đ", "Đ"))
    return found if found in types else ""


def _check_document(item: Item, settings: Mapping[str, Any]) -> None:
    from documents.metadata import MetadataError, parse_number  # noqa: PLC0415

    try:
        item.number = parse_number(item.number).text
    except MetadataError as error:
        item.skip_reason = f'số/ký hiệu "{item.number}" không đọc được ({error})'
        return
    item.doc_type = _document_type(item, list(settings.get("DOCUMENT_TYPES") or []))
    if not item.doc_type:
        item.skip_reason = "không xác định được loại văn bản (thêm loại vào DOCUMENT_TYPES)"
    elif item.issued is None:
        item.skip_reason = "không có ngày ban hành"


def _plan(items, writer: Writer, mapper: CategoryMapper, settings, report: Report) -> dict:
    """Every item's file, before any body is written (links need them all)."""
    plans = {}
    for item in items:
        if item.kind == "document" and not item.skip_reason:
            _check_document(item, settings)
        wants_category = item.kind == "article" and not item.skip_reason
        category = mapper.resolve(item.category) if wants_category else None
        planned = writer.plan(item, category)
        if planned is None:
            continue
        other = writer.duplicate_of(item, planned.relative)
        if other:
            same = "số/ký hiệu và năm" if item.kind == "document" else "tiêu đề và ngày"
            planned.draft_reason = f"trùng {same} với {other}"
            report.duplicates.append((planned.relative, other))
        plans[item.key] = planned
    return plans


def run_import(
    source_path: Path,
    unit: str,
    settings: Mapping[str, Any],
    *,
    uploads: Path | None = None,
    site_url: str = "",
    categories: Path | None = None,
    dry_run: bool = False,
) -> Report:
    """Import one source for one old unit; return the report (raises SourceError)."""
    started = time.perf_counter()
    if not unit.strip():
        raise SourceError('Cần tên đơn vị cũ, ví dụ --unit "Ủy ban MTTQ phường An Khánh (cũ)".')
    content = Path(settings["PATH"])
    folder = content.parent / IMPORT_DIR
    unit_slug = file_slug(unit)
    source = open_source(source_path, site_url)
    if uploads is None and source_path.is_dir():
        uploads = source_path
    if uploads is not None and not uploads.is_dir():
        raise SourceError(f"{uploads}: thư mục --uploads không có.")
    report = Report(unit, f"{source_path.name} ({source.kind})", dry_run=dry_run)
    state = ImportState(folder)
    mapper = CategoryMapper(
        load_registry(settings.get("CATEGORIES", [])),
        categories or folder / f"{unit_slug}-chuyen-muc.toml",
    )
    items = source.items()
    for page in getattr(source, "not_articles", []):
        report.skipped.append((page, "không phải trang bài viết (trang chủ, danh sách, menu...)"))
    # A WordPress export names its own site: links to it are the old site's.
    site_url = site_url or getattr(source, "site_url", "")
    writer = Writer(
        content, settings, unit, report, state,
        uploads=uploads, site_url=site_url, dry_run=dry_run, now=build_now(settings),
    )  # fmt: skip
    plans = _plan(items, writer, mapper, settings, report)
    for key, body in source.bodies():
        planned = plans.pop(key, None)
        if planned is not None:
            writer.write(planned, body)
    report.unmapped = mapper.unmapped()
    report.mapping_file = str(mapper.path)
    if not dry_run:
        if mapper.counts:
            mapper.write()
        report.redirects, conflicts = redirects.merge(content, writer.unit, writer.redirects)
        for old in conflicts:
            report.skipped.append((old, "địa chỉ cũ này đã chuyển hướng tới tin của đơn vị khác"))
        state.save()
    else:
        report.redirects = len(writer.redirects)
    report.seconds = time.perf_counter() - started
    if not dry_run:
        (folder / f"{unit_slug}-bao-cao.txt").write_text(report.text(), encoding="utf-8")
    return report


def main(
    settings_file: Path,
    source: str,
    unit: str,
    *,
    uploads: str = "",
    site_url: str = "",
    categories: str = "",
    dry_run: bool = False,
    path: str = "",
    out: TextIO = sys.stdout,
) -> int:
    """The command: print the report, or the error; return the exit status."""
    overrides = {"PATH": str(Path(path).resolve())} if path else None
    settings = load_settings(settings_file, overrides)
    try:
        report = run_import(
            Path(source),
            unit,
            settings,
            uploads=Path(uploads) if uploads else None,
            site_url=site_url,
            categories=Path(categories) if categories else None,
            dry_run=dry_run,
        )
    except SourceError as error:
        print(f"Lỗi: {error}", file=out)
        return 1
    except OSError as error:  # a full disk, a folder without write permission...
        print(f"Lỗi: không đọc hay ghi được {error.filename or ''}: {error.strerror}.", file=out)
        return 1
    out.write(report.text())
    return 0
