"""The benchmark's table: medians per measurement, ratios, growth, sizes."""

from __future__ import annotations

import statistics
from typing import Any

ROWS = (
    ("portal_cold", "portal, dựng nguội"),
    ("stock_cold", "Pelican gốc, dựng nguội"),
    ("portal_warm", "portal, dựng lại có bộ nhớ đệm"),
    ("ci_first_publication", "CI: xuất bản lần đầu (ghi sổ mọi trang)"),
    ("ci_content_push", "CI: đẩy nội dung (khôi phục đệm + trang, sửa 1 bài)"),
    ("edit_rebuild", "sửa 1 bài, tiến trình mới"),
)
PHASES = (
    ("setup", "khởi động + kiểm tra"),
    ("read", "đọc"),
    ("write", "ghi trang"),
    ("finish", "hoàn tất (ảnh, tìm kiếm)"),
)


def _seconds(value: float | None) -> str:
    if value is None:
        return "-"
    return f"{value:.2f} s" if value < 10 else f"{value:.1f} s"


def _row(cells: list[str], widths: list[int]) -> str:
    return (
        "| "
        + " | ".join(cell.ljust(width) for cell, width in zip(cells, widths, strict=True))
        + " |"
    )


def table(report: dict[str, Any]) -> str:
    """Markdown table of the medians, then ratios and notes (Vietnamese labels).

    Peak memory is the whole process tree's (worker processes, Pagefind).
    """
    header = ["số tin", "đo", "thời gian", "CPU", "bộ nhớ đỉnh", "tin/giây"]
    lines: list[list[str]] = []
    for size, data in report["sizes"].items():
        count = size if int(size) else f"mẫu ({data['articles']})"
        for key, label in ROWS:
            if key not in data:
                continue
            item = data[key]
            rate = ""
            if key.endswith("_cold") or key == "portal_warm":
                rate = f"{data['articles'] / item['wall_median']:.0f}"
            lines.append(
                [
                    count,
                    label,
                    _seconds(item["wall_median"]),
                    _seconds(item["cpu_median"]),
                    f"{item['peak_mb_max']:.0f} MB",
                    rate,
                ]
            )
        preview = data.get("preview_edit", {})
        for key, label in (
            ("shown_median", "xem trước: bài sửa hiện ra"),
            ("complete_median", "xem trước: mọi trang liên quan đã cập nhật"),
            ("checked_median", "xem trước: dựng lại đối chiếu xong"),
        ):
            if preview.get(key) is not None:
                memory = f"{preview['peak_mb']:.0f} MB"
                lines.append([count, label, _seconds(preview[key]), "-", memory, ""])
    widths = [max(len(row[i]) for row in [header, *lines]) for i in range(len(header))]
    out = [_row(header, widths), "|" + "|".join("-" * (w + 2) for w in widths) + "|"]
    out += [_row(row, widths) for row in lines]
    out.append("")
    for name, value in report.get("ratios", {}).items():
        out.append(f"{name}: {value}")
    for size, data in report["sizes"].items():
        count = size if int(size) else "trang mẫu"
        portal, stock = data.get("portal_output"), data.get("stock_output")
        if portal:
            text = f"{count} tin: portal {portal['files']} tệp, {portal['bytes'] / 2**20:.0f} MB"
            if stock:
                text += f"; Pelican gốc {stock['files']} tệp, {stock['bytes'] / 2**20:.0f} MB"
            index = data.get("search_index_size")
            if index:
                text += f"; chỉ mục tìm kiếm {index['files']} tệp, {index['bytes'] / 2**20:.1f} MB"
            out.append(text)
    out.extend(phase_lines(report))
    out.extend(ci_lines(report))
    before, after = report["machine_before"], report.get("machine_after", {})
    out.append(
        f"Máy: {before['cpus']} CPU; tải trung bình lúc đầu {before['load_average'][0]}, "
        f"lúc cuối {after.get('load_average', ['?'])[0]} "
        "(máy bận: thời gian dao động nhiều, thời gian CPU ổn định hơn)."
    )
    return "\n".join(out)


def phase_lines(report: dict[str, Any]) -> list[str]:
    """Per size, the cold build's phases: wall (share of the whole), CPU, peak memory."""
    lines = []
    for size, data in report["sizes"].items():
        cold = data.get("portal_cold", {})
        phases, whole = cold.get("phases") or {}, cold.get("wall_median")
        if not phases or not whole:
            continue
        parts = []
        for key, label in PHASES:
            phase = phases.get(key)
            if not phase:
                continue
            text = f"{label} {_seconds(phase['wall'])} ({100 * phase['wall'] / whole:.0f} %"
            text += f", CPU {_seconds(phase['cpu'])}"
            if "peak_mb" in phase:
                text += f", {phase['peak_mb']:.0f} MB"
            parts.append(text + ")")
        count = size if int(size) else "trang mẫu"
        lines.append(f"{count} tin, các pha của lần dựng nguội: " + "; ".join(parts))
    return lines


def ci_lines(report: dict[str, Any]) -> list[str]:
    """Per size, what a content push in CI rendered and kept, and the index's share."""
    lines = []
    for size, data in report["sizes"].items():
        push = data.get("ci_content_push")
        if not push:
            continue
        runs = [run["facts"] for run in push["runs"]]
        pages = ", ".join(f"{f.get('rendered', '?')}/{f.get('kept', '?')}" for f in runs)
        count = size if int(size) else "trang mẫu"
        text = f"{count} tin, CI đẩy nội dung: trang dựng lại/giữ nguyên {pages}"
        index = [f["index_seconds"] for f in runs if "index_seconds" in f]
        if index:
            median = statistics.median(index)
            text += (
                f"; chỉ mục tìm kiếm {_seconds(median)} (trung vị), "
                f"còn lại {_seconds(push['wall_median'] - median)}"
            )
        lines.append(text)
    return lines
