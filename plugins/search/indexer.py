"""Index the published pages of a built site with Pagefind, in parts.

The binary comes from npm's pinned ``pagefind`` package, installed with the
set-up (:mod:`.binary`; never a download at build time). Only pages that
carry ``data-pagefind-body`` (published articles, notices, documents and
pages; the templates decide, :mod:`.site_pages` finds them) are indexed, and
of each only what Pagefind reads (its marked elements, title, heading and
image), cut out in memory.
Pages are split into parts by date (:mod:`.parts`); each part is indexed by
one Pagefind process in service mode, its pages sent over a pipe
(:mod:`.service`: no scratch file per page; the index is built once and the
memory returned when the process ends), each process held to a core of its
own (:class:`_Cores`), parts run side by side within a memory budget, and a
part whose pages did not change is reused from the cache (:mod:`.part_cache`).

The bundle: the newest part at ``pagefind/`` (with ``pagefind.js``, which the
search page loads), every other part at ``pagefind/parts/<id>/`` and the list
``pagefind/parts.json`` that ``js/search.js`` reads to merge them.
:func:`build_index` is also what the benchmark calls.
"""

from __future__ import annotations

import contextlib
import json
import os
import re
import shutil
import tempfile
import threading
import time
from collections.abc import Callable, Iterator, Mapping
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from portal_core.processes import usable_cpus

from . import binary
from .part_cache import PartCache, part_key, place
from .parts import Part, plan_parts
from .service import Service, ServiceError
from .site_pages import Seen, cut_out, page_url, scan_site

try:
    import resource
except ImportError:  # Windows: no child CPU accounting, the wall time still counts
    resource = None

BUNDLE_DIR = "pagefind"
PARTS_DIR = "parts"
PARTS_FILE = "parts.json"
# Pages of one part; Pagefind needs about 0.22 MB a page while it writes.
DEFAULT_PART_PAGES = 2000
# Memory the Pagefind processes of one build may use together (the build's
# own process comes on top), and what one part costs: measured in service
# mode over 2,000 cut-out articles, 465 MB on one core (:class:`_Cores`),
# 540 MB where it spreads over every core. Two full parts fit side by side.
PAGEFIND_MEMORY_MB = 1000
_CAN_PIN = hasattr(os, "sched_setaffinity")
MB_PER_PAGE = 0.22 if _CAN_PIN else 0.25
BASE_MB = 30
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
# A merged part is searched with the newest part's code and WebAssembly.
_RUNTIME = re.compile(r"pagefind\.js|pagefind-worker\.js|wasm\..*\.pagefind")
# Every page is Vietnamese; one language, whatever a stray lang attribute says.
CONFIG: dict[str, Any] = {"force_language": "vi"}
# Pagefind may read pagefind.yml/toml/json in its working folder and
# PAGEFIND_* variables: it runs in a scratch folder, without those.
_ENVIRONMENT_PREFIX = "PAGEFIND_"
_COUNT = re.compile(r"Indexed (\d+) (page|word|filter)")


class SearchIndexError(RuntimeError):
    """Pagefind is missing or failed; the message is for the editor."""


@dataclass(frozen=True)
class IndexStats:
    """What one indexing run produced."""

    pages: int
    words: int  # distinct words of each part, summed over the parts
    filters: int
    seconds: float  # wall clock
    cpu_seconds: float  # Pagefind's user + system time (all its processes)
    files: int
    bytes: int
    parts: int = 1
    reused: int = 0  # parts copied from the cache
    read: int = 0  # pages read again from the disk (not noted as they were written or kept)

    def summary(self) -> str:
        """One Vietnamese line for the build log."""
        size = self.bytes / 1024
        reused = f", {self.reused} phần lấy lại từ bộ đệm" if self.reused else ""
        return (
            f"Chỉ mục tìm kiếm: {self.pages} trang, {self.words} từ, "
            f"{self.files} tệp, {size:.0f} KB, {self.parts} phần{reused}, "
            f"{self.seconds:.2f} giây (CPU {self.cpu_seconds:.2f} giây)."
        )


def executable() -> Path:
    """The Pagefind binary (:mod:`.binary`), or a Vietnamese error naming the fix."""
    try:
        return binary.executable()
    except binary.MissingBinary as error:
        raise SearchIndexError(
            "Không tìm thấy chương trình Pagefind để tạo chỉ mục tìm kiếm "
            f"(cần có trong {error}). Chạy lại qua ./portal (ví dụ ./portal build), "
            "lệnh này tự cài các gói cố định trong search-index/; "
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


def index_part(
    part: Part, into: Path, binary: Path, cut: dict[Path, bytes], site: Path
) -> dict[str, int]:
    """Index ``part`` with Pagefind's service, writing its bundle to ``into``.

    ``cut`` holds each page's cut-out by its path relative to ``site``; each
    is sent to Pagefind under the URL its command line would give the file
    (:func:`.site_pages.page_url`), in the part's order (date, then URL), so
    the index does not depend on how a disk lists a folder.
    """
    environment = {
        name: value
        for name, value in os.environ.items()
        if not name.startswith(_ENVIRONMENT_PREFIX)
    }
    # A page kept from the last published build is known by its digest: its
    # cut-out is read from the disk only now that its part changed.
    pages = (
        (page_url(relative.as_posix()), cut.pop(relative, None) or cut_out(site / relative))
        for relative in (page.path.relative_to(site) for page in part.pages)
    )
    try:
        with (
            tempfile.TemporaryDirectory(prefix=f"pagefind-{part.id}-") as scratch,
            Service(binary, CONFIG, Path(scratch), environment) as service,
        ):
            service.add(pages)
            log = service.write(into, skip=UNUSED_FILES)
    except (OSError, ServiceError) as error:
        raise SearchIndexError(
            f"Pagefind không tạo được chỉ mục tìm kiếm (phần {part.id}): {error}"
        ) from error
    return _counts(log)


def part_memory(part: Part) -> float:
    """What Pagefind's process for ``part`` needs at its peak, in MB."""
    return len(part.pages) * MB_PER_PAGE + BASE_MB


def run_within_budget(
    parts: list[Part], build: Callable[[int, Part], dict[str, int]], budget: float, slots: int
) -> list[dict[str, int]]:
    """``build(i, part)`` for every part, side by side within ``budget`` MB.

    At most ``slots`` at once; the largest part that fits what is left of the
    budget starts next, so a big part runs beside small ones rather than
    beside another big one. A part larger than the budget runs alone.
    """
    results: dict[int, dict[str, int]] = {}
    errors: list[BaseException] = []
    waiting = sorted(range(len(parts)), key=lambda i: (-len(parts[i].pages), i))
    running: dict[int, float] = {}
    changed = threading.Condition()

    def work(number: int) -> None:
        try:
            results[number] = build(number, parts[number])
        except BaseException as error:  # re-raised below, in the build's own thread
            errors.append(error)
        with changed:
            del running[number]
            changed.notify_all()

    threads = []
    with changed:
        while waiting and not errors:
            free = budget - sum(running.values())
            fitting = [n for n in waiting if part_memory(parts[n]) <= free]
            if len(running) < slots and (fitting or not running):
                number = fitting[0] if fitting else waiting[0]
                waiting.remove(number)
                running[number] = part_memory(parts[number])
                thread = threading.Thread(target=work, args=(number,), daemon=True)
                threads.append(thread)
                thread.start()
            else:
                changed.wait()
    for thread in threads:
        thread.join()
    if errors:
        raise errors[0]
    return [results[number] for number in range(len(parts))]


class _Cores:
    """One CPU for each Pagefind process (Linux; elsewhere no pinning).

    Pagefind spreads one index over every core yet keeps about 1.3 of them
    busy; held to one core it takes the same wall time with a quarter less
    CPU and memory (2,000 cut-out articles, measured side by side: 6.0-7.4 s,
    6.0-7.3 CPU-s, 465 MB against 7.4-7.7 s, 8.8-9.4 CPU-s, 540 MB). So parts
    run side by side, each on a core of its own.
    """

    def __init__(self) -> None:
        self.free = sorted(os.sched_getaffinity(0)) if _CAN_PIN else []
        self.lock = threading.Lock()

    @contextlib.contextmanager
    def one(self) -> Iterator[None]:
        """Hold the calling thread, and the processes it starts, to one free core."""
        with self.lock:
            core = self.free.pop(0) if self.free else None
        try:
            if core is not None:
                # Pid 0 is the calling thread on Linux; a child inherits its mask.
                with contextlib.suppress(OSError):  # the core was taken away: run anywhere
                    os.sched_setaffinity(0, {core})
            yield
        finally:
            if core is not None:
                with self.lock:
                    self.free.append(core)


class _Builder:
    """Builds or fetches each part, then lays the bundle out."""

    def __init__(
        self, site: Path, bundle: Path, cut: dict[Path, bytes], cache: PartCache | None
    ) -> None:
        self.site = site
        self.bundle = bundle
        self.cut = cut
        self.cache = cache
        self.binary = executable()
        self.reused = 0
        self.lock = threading.Lock()
        self.cores = _Cores()

    def destination(self, index: int, part: Part) -> Path:
        return self.bundle if index == 0 else self.bundle / PARTS_DIR / part.id

    def build(self, index: int, part: Part) -> dict[str, int]:
        destination = self.destination(index, part)
        skip = _no_files if index == 0 else _runtime_files
        if self.cache is None:
            destination.mkdir(parents=True, exist_ok=True)
            with self.cores.one():
                counts = index_part(part, destination, self.binary, self.cut, self.site)
            for name in skip(destination):
                (destination / name).unlink()
            return counts
        key = part_key(part, CONFIG)
        entry = self.cache.entry(key)
        counts = self.cache.stats(key)
        if counts is not None:
            try:
                place(entry, destination, skip(entry))
                with self.lock:
                    self.reused += 1
                return counts
            except OSError:  # the entry vanished (another build pruned it)
                _clear(destination, keep=PARTS_DIR if index == 0 else "")
        staging = self.cache.staging(key)
        with self.cores.one():
            counts = index_part(part, staging, self.binary, self.cut, self.site)
        entry = self.cache.store(key, staging, counts)
        place(entry, destination, skip(entry))
        return counts


def _clear(folder: Path, keep: str) -> None:
    """Remove what a part placed in ``folder`` (the other parts' folder: ``keep``)."""
    for child in folder.iterdir():
        if child.is_dir() and child.name != keep:
            shutil.rmtree(child)
        elif not child.is_dir():
            child.unlink()


def _no_files(folder: Path) -> list[str]:
    return []


def _runtime_files(folder: Path) -> list[str]:
    return [path.name for path in folder.iterdir() if _RUNTIME.fullmatch(path.name)]


def build_index(
    output_dir: str | Path,
    *,
    bundle_dir: str = BUNDLE_DIR,
    part_pages: int = DEFAULT_PART_PAGES,
    cache_dir: Path | None = None,
    workers: int | None = None,
    seen: Mapping[str, Seen | None] | None = None,
) -> IndexStats:
    """Index the published pages of the site in ``output_dir``; return the cost.

    The previous bundle is replaced, not merged, so nothing unpublished since
    the last build can linger in it. With ``cache_dir``, unchanged parts are
    copied from there and the new ones stored. ``seen``: pages already
    looked at when written (:mod:`.written`), not read again.
    """
    return prepare_index(
        output_dir, bundle_dir=bundle_dir, part_pages=part_pages, cache_dir=cache_dir, seen=seen
    ).build(workers)


def prepare_index(
    output_dir: str | Path,
    *,
    bundle_dir: str = BUNDLE_DIR,
    part_pages: int = DEFAULT_PART_PAGES,
    cache_dir: Path | None = None,
    seen: Mapping[str, Seen | None] | None = None,
) -> PreparedIndex:
    """The first step of :func:`build_index`: the site's pages read and cut into parts.

    Everything the index takes from the output folder is in memory
    afterwards (a kept page's cut-out excepted: it is read again only if its
    part changed), so other files may be written beside the site while
    :meth:`PreparedIndex.build` runs Pagefind.
    """
    site = Path(output_dir)
    bundle = site / bundle_dir
    if bundle.exists():
        shutil.rmtree(bundle)
    start, start_cpu = time.perf_counter(), _children_cpu()
    cut: dict[Path, bytes] = {}
    pages = scan_site(site, bundle, cut, seen)
    noted = seen or {}
    read = sum(1 for page in pages if os.path.abspath(page.path) not in noted)
    return PreparedIndex(
        site, bundle, plan_parts(pages, part_pages), cut, cache_dir, start, start_cpu, read
    )


@dataclass
class PreparedIndex:
    """A site's pages in parts, ready for Pagefind (:func:`prepare_index`)."""

    site: Path
    bundle: Path
    parts: list[Part]
    cut: dict[Path, bytes]
    cache_dir: Path | None
    start: float  # perf_counter() when the site was read
    start_cpu: float  # the children's CPU time then
    read: int  # pages read from the disk

    def build(self, workers: int | None = None) -> IndexStats:
        """Index every part (``workers`` Pagefind processes at most); return the cost."""
        parts, bundle = self.parts, self.bundle
        if not parts:
            # No published content: an index of listings would mislead readers.
            return IndexStats(0, 0, 0, time.perf_counter() - self.start, 0.0, 0, 0, parts=0)
        cache = PartCache(self.cache_dir) if self.cache_dir is not None else None
        builder = _Builder(self.site, bundle, self.cut, cache)
        counts = run_within_budget(
            parts, builder.build, PAGEFIND_MEMORY_MB, workers or usable_cpus()
        )
        self.cut.clear()
        listing = [
            {"id": part.id, "path": "" if index == 0 else f"{PARTS_DIR}/{part.id}/"}
            for index, part in enumerate(parts)
        ]
        (bundle / PARTS_FILE).write_text(json.dumps({"parts": listing}), encoding="utf-8")
        if cache is not None:
            cache.prune()
        files, size = _bundle_size(bundle)
        return IndexStats(
            pages=sum(part.get("page", 0) for part in counts),
            words=sum(part.get("word", 0) for part in counts),
            filters=max(part.get("filter", 0) for part in counts),
            seconds=time.perf_counter() - self.start,
            cpu_seconds=_children_cpu() - self.start_cpu,
            files=files,
            bytes=size,
            parts=len(parts),
            reused=builder.reused,
            read=self.read,
        )
