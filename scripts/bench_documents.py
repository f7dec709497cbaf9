"""Measure the register "Văn bản" at scale: build time, page weight, filter speed.

Not a test (tests never assert timings): it builds a generated register of
N documents (2,000 by default, tests/documents_corpus.py), serves it on
127.0.0.1, and in headless Chromium times how long the filters take to
update the table for typical actions. Prints medians in milliseconds.

    .venv/bin/python scripts/bench_documents.py [--size 2000] [--runs 7]
"""

from __future__ import annotations

import argparse
import statistics
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path[:0] = [str(ROOT), str(ROOT / "plugins")]

from tests.documents_corpus import content_files, corpus  # noqa: E402
from tests.support import CHROMIUM, CHROMIUM_ARGS, build_site, serve, write_files  # noqa: E402

# (label, form field, value): what readers do with the filters.
ACTIONS = [
    ("gõ chữ không dấu", "q", "dai doan ket"),
    ("gõ một số/ký hiệu", "q", "1234/"),
    ("chọn loại văn bản", "loai", "Nghị quyết"),
    ("chọn cơ quan", "co-quan", "Đảng ủy phường Hòa Bình"),
    ("chọn năm", "nam", "2020"),
    ("không khớp văn bản nào", "q", "khong co van ban nay"),
]
# Resets the form and lets the browser settle, then sets a field, fires the
# event the script listens to, and forces style and layout, so the second
# time includes what the browser must do before it can paint the result.
MEASURE = """async ([name, value]) => {
  const form = document.querySelector('[data-doc-filter]');
  form.reset();
  form.dispatchEvent(new Event('reset'));
  await new Promise(resolve => setTimeout(resolve, 0));
  await new Promise(resolve => requestAnimationFrame(() => setTimeout(resolve, 0)));
  void document.body.offsetHeight;
  const field = form.elements[name];
  const start = performance.now();
  field.value = value;
  field.dispatchEvent(new Event('input', {bubbles: true}));
  const handled = performance.now();
  void document.body.offsetHeight;
  const laidOut = performance.now();
  const shown = [...document.querySelectorAll('[data-doc-register] tbody tr')]
    .filter(row => !row.hidden).length;
  return [handled - start, laidOut - start, shown];
}"""


def main(argv: list[str] | None = None) -> int:
    """Build, serve, measure, print."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--size", type=int, default=2000, help="number of documents")
    parser.add_argument("--runs", type=int, default=7, help="repetitions of each action")
    args = parser.parse_args(argv)
    from playwright.sync_api import sync_playwright  # noqa: PLC0415 - heavy import

    with tempfile.TemporaryDirectory() as tmp:
        content = write_files(Path(tmp) / "content", content_files(corpus(args.size)))
        start = time.perf_counter()
        site = build_site(content, Path(tmp) / "site", VISITOR_COUNTER=None)
        build_seconds = time.perf_counter() - start
        register = site / "van-ban/index.html"
        print(f"{args.size} văn bản")
        print(f"  dựng trang (toàn bộ, cả tìm kiếm): {build_seconds:.1f} s")
        print(f"  trang /van-ban/: {register.stat().st_size / 1024:.0f} KB")
        print(f"  documents.json: {(site / 'documents.json').stat().st_size / 1024:.0f} KB")
        with serve(site) as url, sync_playwright() as playwright:
            browser = playwright.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
            page = browser.new_page()
            page.goto(f"{url}/van-ban/")
            page.wait_for_selector("[data-doc-filter]:not([hidden])")
            print("  bộ lọc (trung vị, ms): xử lý sự kiện / cả tính lại bố cục / số dòng hiện")
            for label, name, value in ACTIONS:
                runs = [page.evaluate(MEASURE, [name, value]) for _ in range(args.runs)]
                handled = statistics.median(run[0] for run in runs)
                laid_out = statistics.median(run[1] for run in runs)
                print(f"    {label:<24} {handled:6.1f} / {laid_out:6.1f} / {runs[0][2]}")
            browser.close()
    return 0


if __name__ == "__main__":
    sys.exit(main())
