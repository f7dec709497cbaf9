"""`invoke audit`: Lighthouse on the demo portal as published, served on 127.0.0.1.

The production build (publishconf.py, with SITEURL pointing at the local
server so canonical links and feeds are absolute, as online) is served from a
temporary folder. Lighthouse audits one page of each chosen type on a phone
and on a computer. The table gives the four scores and each page's weight:
HTML+CSS+JS before compression (the budget: under 50 KB for an article), and
its images. Results are reported, not asserted: timings vary from run to run.
"""

from __future__ import annotations

import argparse
import functools
import http.server
import os
import sys
import tempfile
import threading
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

from .lighthouse import ROOT, AuditError, Result, read, run
from .pages import page_types

DEFAULT_PAGES = "home,article,category,documents"
DEVICES = ("mobile", "desktop")
ARTICLE_BUDGET = 50 * 1024
# Lowest acceptable score per category (100 for the others).
TARGETS = {"performance": 95}
HEADINGS = ("Trang", "Thiết bị", "Hiệu năng", "Trợ năng", "Thực hành", "SEO", "HTML+CSS+JS", "Ảnh")


class _Quiet(http.server.SimpleHTTPRequestHandler):
    def log_message(self, format: str, *args: object) -> None:
        pass


@contextmanager
def _server(folder: Path) -> Iterator[str]:
    """Serve ``folder`` (which may be replaced while served) on a free port."""
    handler = functools.partial(_Quiet, directory=str(folder))
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), handler)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    try:
        yield f"http://127.0.0.1:{server.server_address[1]}"
    finally:
        server.shutdown()
        server.server_close()


def _build(site: Path, base: str) -> None:
    from portal_core.runner import build  # noqa: PLC0415 - needs plugins/ on sys.path

    os.environ["SITEURL"] = base
    if build(ROOT / "publishconf.py", {"OUTPUT_PATH": str(site)}):
        raise AuditError("Không dựng được trang để kiểm tra (xem lỗi ở trên).")


def _kb(size: int) -> str:
    return f"{size / 1024:.1f} KB"


def table(rows: list[tuple[str, str, Result]]) -> str:
    """The results as a Markdown table (readable in a terminal and in a report)."""
    lines = ["| " + " | ".join(HEADINGS) + " |", "|" + "---|" * len(HEADINGS)]
    for page, device, result in rows:
        scores = [
            str(result.scores[name])
            for name in ("performance", "accessibility", "best-practices", "seo")
        ]
        cells = [page, device, *scores, _kb(result.code_bytes), _kb(result.image_bytes)]
        lines.append("| " + " | ".join(cells) + " |")
    return "\n".join(lines)


def misses(rows: list[tuple[str, str, Result]]) -> list[str]:
    """Targets not met: 100 but for performance (95), and the article's budget."""
    found = []
    for page, device, result in rows:
        low = [name for name, score in result.scores.items() if score < TARGETS.get(name, 100)]
        if low:
            found.append(f"{page} ({device}): {', '.join(low)}; " + "; ".join(result.failed))
        if page.startswith("article") and result.code_bytes >= ARTICLE_BUDGET:
            found.append(f"{page} ({device}): HTML+CSS+JS {_kb(result.code_bytes)} ≥ 50 KB")
    return found


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="invoke audit", description=__doc__)
    parser.add_argument("--pages", default=DEFAULT_PAGES, help="page types (audit/pages.py)")
    parser.add_argument("--output", default=str(ROOT / "audit-results"), help="JSON reports")
    args = parser.parse_args(argv)
    reports = Path(args.output)
    reports.mkdir(parents=True, exist_ok=True)
    rows = []
    try:
        with tempfile.TemporaryDirectory(prefix="portal-audit-") as folder:
            site = Path(folder) / "site"
            site.mkdir()
            with _server(site) as base:
                _build(site, base)
                pages = page_types(site)
                for kind in args.pages.split(","):
                    for device in DEVICES:
                        print(f"Lighthouse: {kind} ({device}) {pages[kind]}", file=sys.stderr)
                        report = run(base + pages[kind], device, reports / f"{kind}-{device}.json")
                        rows.append((f"{kind} {pages[kind]}", device, read(report)))
    except (AuditError, KeyError) as error:
        print(f"KHÔNG KIỂM TRA ĐƯỢC: {error}", file=sys.stderr)
        return 1
    print(table(rows))
    print("\nMục tiêu: trợ năng, thực hành tốt, SEO 100; hiệu năng ≥ 95; tin bài < 50 KB.")
    for line in misses(rows) or ["Đạt mọi mục tiêu."]:
        print(f"- {line}")
    print(f"Báo cáo đầy đủ (JSON của Lighthouse): {reports}")
    return 0
