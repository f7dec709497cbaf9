"""Run Pagefind over a built site and report what the index costs.

The binary comes from the pinned PyPI package ``pagefind[bin]`` (never a
download at build time). Only pages that carry ``data-pagefind-body`` (the
published articles, notices, documents and pages) are indexed; the templates
decide that. :func:`build_index` is also what the benchmark calls.
"""

from __future__ import annotations

import re
import shutil
import subprocess
import time
from dataclasses import dataclass
from pathlib import Path

try:
    import resource
except ImportError:  # Windows: no child CPU accounting, the wall time still counts
    resource = None

BUNDLE_DIR = "pagefind"
# Pagefind writes its ready-made UIs next to the index; our own small script
# uses the JS API only, so these are dead weight on the published site.
UNUSED_FILES = (
    "pagefind-ui.js",
    "pagefind-ui.css",
    "pagefind-modular-ui.js",
    "pagefind-modular-ui.css",
    "pagefind-component-ui.js",
    "pagefind-component-ui.css",
    "pagefind-highlight.js",
)
# Printed when no page is marked: Pagefind would then index every page,
# listings included, which is exactly what the portal must not offer.
_NO_BODY = "Did not find a data-pagefind-body element"
_COUNT = re.compile(r"Indexed (\d+) (page|word|filter|sort)")


class SearchIndexError(RuntimeError):
    """Pagefind is missing or failed; the message is for the editor."""


@dataclass(frozen=True)
class IndexStats:
    """What one indexing run produced."""

    pages: int
    words: int
    filters: int
    seconds: float  # wall clock
    cpu_seconds: float  # Pagefind's user + system time (all its threads)
    files: int
    bytes: int

    def summary(self) -> str:
        """One Vietnamese line for the build log."""
        size = self.bytes / 1024
        return (
            f"Chỉ mục tìm kiếm: {self.pages} trang, {self.words} từ, "
            f"{self.files} tệp, {size:.0f} KB, {self.seconds:.2f} giây "
            f"(CPU {self.cpu_seconds:.2f} giây)."
        )


def executable() -> Path:
    """The Pagefind binary shipped by the ``pagefind_bin`` wheel."""
    try:
        from pagefind_bin import get_executable  # noqa: PLC0415 - optional import

        return get_executable()
    except (ImportError, FileNotFoundError) as error:
        raise SearchIndexError(
            "Không tìm thấy chương trình Pagefind để tạo chỉ mục tìm kiếm. "
            "Cài lại các gói phụ thuộc (./portal build sẽ tự cài), "
            "hoặc đặt SEARCH_INDEX = False để dựng trang không có tìm kiếm."
        ) from error


def _counts(log: str) -> dict[str, int]:
    """Totals from Pagefind's log ("Indexed 12 pages" in its Total block)."""
    _, _, total = log.rpartition("Total:")
    return {kind: int(number) for number, kind in _COUNT.findall(total)}


def _children_cpu() -> float:
    if resource is None:
        return 0.0
    usage = resource.getrusage(resource.RUSAGE_CHILDREN)
    return usage.ru_utime + usage.ru_stime


def _bundle_size(bundle: Path) -> tuple[int, int]:
    files = [path for path in bundle.rglob("*") if path.is_file()]
    return len(files), sum(path.stat().st_size for path in files)


def build_index(output_dir: str | Path, *, bundle_dir: str = BUNDLE_DIR) -> IndexStats:
    """Index the published pages of the site in ``output_dir``; return the cost.

    The previous bundle is replaced, not merged, so nothing unpublished since
    the last build can linger in it.
    """
    site = Path(output_dir)
    bundle = site / bundle_dir
    if bundle.exists():
        shutil.rmtree(bundle)
    command = [
        str(executable()),
        "--site",
        str(site),
        "--output-subdir",
        bundle_dir,
        # Every page is Vietnamese; one index, whatever a stray lang attribute says.
        "--force-language",
        "vi",
    ]
    start, start_cpu = time.perf_counter(), _children_cpu()
    result = subprocess.run(command, capture_output=True, text=True, check=False)
    seconds, cpu = time.perf_counter() - start, _children_cpu() - start_cpu
    log = result.stdout + result.stderr
    if result.returncode != 0:
        last = " ".join(log.strip().splitlines()[-3:])
        raise SearchIndexError(
            f"Pagefind không tạo được chỉ mục tìm kiếm (mã {result.returncode}): {last}"
        )
    if _NO_BODY in log:
        # No published content: an index of listings would mislead readers.
        shutil.rmtree(bundle, ignore_errors=True)
        return IndexStats(0, 0, 0, seconds, cpu, 0, 0)
    for name in UNUSED_FILES:
        (bundle / name).unlink(missing_ok=True)
    counts = _counts(log)
    files, size = _bundle_size(bundle)
    return IndexStats(
        pages=counts.get("page", 0),
        words=counts.get("word", 0),
        filters=counts.get("filter", 0),
        seconds=seconds,
        cpu_seconds=cpu,
        files=files,
        bytes=size,
    )
