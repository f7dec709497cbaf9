"""A merged ward's site: the demo plus three old portals imported (issue 16).

Shared by the import page tests and the browser test of redirects. Each step
is the command an editor runs: a first import writes the category mapping
file, the editor fills it in, a second run imports the rest.
"""

from __future__ import annotations

from pathlib import Path

from importer.cli import run_import
from importer.report import Report
from tests.support import ROOT, copy_demo_content, site_settings

FIXTURES = ROOT / "tests" / "fixtures" / "importer"
NUKEVIET = FIXTURES / "ankhanh-nukeviet.sql"
NUKEVIET_UPLOADS = FIXTURES / "nukeviet-uploads"
WXR = FIXTURES / "hoabinh-cu.wordpress.2025-06-30.xml"
WXR_UPLOADS = FIXTURES / "wp-uploads"
SAVED = FIXTURES / "saved-pages"
AN_KHANH = "Ủy ban MTTQ phường An Khánh (cũ)"
TAN_LAP_WP = "Ủy ban MTTQ phường Tân Lập (cũ)"
TAN_LAP_PORTAL = "UBND phường Tân Lập (cũ)"
# What the editor writes into each mapping file after the first run.
CHOICES = {
    "Chuyển đổi số": "Cải cách hành chính",
    "Công tác Mặt trận": "Hoạt động Mặt trận",
    "Hoạt động đoàn thể": "Hoạt động Mặt trận",
    "(không có chuyên mục)": "Tin tức sự kiện",
}
SOURCES = (
    (NUKEVIET, AN_KHANH, NUKEVIET_UPLOADS, "http://ankhanh.lamgiang.gov.vn"),
    (WXR, TAN_LAP_WP, WXR_UPLOADS, "https://mttqtanlap.example.vn"),
    (SAVED, TAN_LAP_PORTAL, None, ""),
)


def fill_mapping(path: Path) -> None:
    """Do what the editor does: name a new category for each old one left empty."""
    lines = []
    for written in path.read_text(encoding="utf-8").splitlines():
        line = written
        for old, new in CHOICES.items():
            if line.startswith(f'"{old}" = ""'):
                line = line.replace(f'"{old}" = ""', f'"{old}" = "{new}"', 1)
        lines.append(line)
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")


def import_all(root: Path) -> tuple[Path, dict, dict[str, list[Report]]]:
    """Demo content + the three sources, each imported twice around its mapping file."""
    content = copy_demo_content(root / "content")
    settings = site_settings(content, root / "output", SEARCH_INDEX=False)
    reports: dict[str, list[Report]] = {}
    for source, unit, uploads, site_url in SOURCES:
        first = run_import(source, unit, settings, uploads=uploads, site_url=site_url)
        fill_mapping(Path(first.mapping_file))
        second = run_import(source, unit, settings, uploads=uploads, site_url=site_url)
        reports[unit] = [first, second]
    return content, settings, reports
