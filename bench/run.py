"""``invoke bench``: build a generated corpus with the portal and with stock Pelican.

For each size N the benchmark measures, each in a fresh process:

- cold builds (no output, no cache) of the portal, search index included
  (``--no-search``: without), and of stock Pelican (default theme, no
  typogrify, no search), alternated so that other load on the machine hits
  both alike; each portal build reports its phases (setup, read, write,
  finish: :mod:`bench.phases`) with wall, CPU and peak memory;
- warm builds of the portal (content cache and output present);
- the CI build of a content-only push: the last publication's content cache
  and site restored into new folders (as a CI cache restores them), one
  article changed, the published build (``published``: unchanged pages
  reused); and the publication that records every page (the first one, or
  the first after a change of code);
- the rebuild after editing one article: a fresh ``incremental`` process, and
  the preview's own loop (``preview``: rebuild times measured in-process);
  both leave the search index out, as the preview does;
- output size.

Peak memory is the whole process tree's (worker processes, Pagefind),
sampled every 0.2 s (:mod:`bench.measure`).

It prints a table and writes ``bench-results/bench-<time>.json`` (and
``latest.json``). Medians are reported; wall time depends on what else runs on
the machine, CPU time much less, so both are given with portal/stock ratios.
"""

from __future__ import annotations

import argparse
import itertools
import json
import shutil
import statistics
import time
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from . import ROOT
from .corpus import article, generate
from .edits import edit_article, restore_article
from .measure import BenchError, Run, folder_size, fresh, machine, measure, summary
from .report import table

DEFAULT_SIZES = (1000, 10000)


def _categories(settings_file: Path) -> list[dict]:
    from .stock import portal_settings  # noqa: PLC0415

    return portal_settings(settings_file, {})["CATEGORIES"]


@dataclass
class Corpus:
    """One generated corpus and where its builds go."""

    count: int
    content: Path
    work: Path
    settings_file: Path
    categories: list[dict]

    def folders(self, kind: str) -> tuple[Path, Path]:
        """Output and cache folders of the ``kind`` ("portal", "stock") builds."""
        return self.work / kind / "output", self.work / kind / "cache"

    search: bool = True

    def run(self, mode: str, kind: str, *extra: str) -> Run:
        """One measured worker process."""
        output, cache = self.folders(kind)
        args = [mode, str(self.content), str(output), str(cache)]
        if not self.search:
            args.append("--no-search")
        return measure([*args, "--settings", str(self.settings_file), *extra])


def bench_size(count: int, args: argparse.Namespace, say) -> dict[str, Any]:
    """Every measurement for one corpus size."""
    settings_file = Path(args.settings).resolve()
    base = Path(args.output).resolve()
    categories = _categories(settings_file)
    say(f"\n== {count or 'trang mẫu:'} tin bài: chuẩn bị bộ dữ liệu...")
    content = generate(base / "corpus" / str(count), count, categories, ROOT / "content")
    work = base / "work" / str(count)
    corpus = Corpus(count, content, work, settings_file, categories, args.search)
    # The demo site (count 0) has as many articles as its editors wrote.
    articles = count or len(list(content.rglob("articles/*/*.md")))
    result: dict[str, Any] = {"articles": articles}
    cold, stock = [], []
    for number in range(args.runs):
        say(f"  lần {number + 1}/{args.runs}: portal (nguội)...")
        fresh(*corpus.folders("portal"))
        cold.append(corpus.run("portal", "portal"))
        if args.stock:
            say(f"  lần {number + 1}/{args.runs}: Pelican gốc (nguội)...")
            fresh(*corpus.folders("stock"))
            stock.append(corpus.run("stock", "stock"))
    result["portal_cold"] = summary(cold)
    if stock:
        result["stock_cold"] = summary(stock)
        result["stock_output"] = folder_size(corpus.folders("stock")[0])
    output = corpus.folders("portal")[0]
    result["portal_output"] = folder_size(output, exclude=("pagefind",))
    if (output / "pagefind").exists():
        result["search_index_size"] = folder_size(output / "pagefind")
    say("  portal (ấm: có bộ nhớ đệm)...")
    result["portal_warm"] = summary([corpus.run("portal", "portal") for _ in range(args.runs)])
    say("  CI: xuất bản ghi sổ mọi trang, rồi đẩy nội dung (khôi phục đệm và trang, sửa 1 bài)...")
    result.update(_ci_push(corpus, args.runs))
    if args.edits:
        result.update(_edits(corpus, args.runs, say))
    return result


def edit_target(corpus: Corpus) -> str:
    """The article the benchmark edits: the middle one of the corpus."""
    if corpus.count:
        return article(corpus.count // 2, corpus.categories)[0]
    demo = sorted(
        path.relative_to(corpus.content).as_posix()
        for path in corpus.content.rglob("articles/*/*.md")
    )
    return demo[len(demo) // 2]


def _ci_push(corpus: Corpus, runs: int) -> dict[str, Any]:
    """Publications in CI (``publish.yml``): the first, then content-only pushes.

    The first publication starts from the warm build's content cache and no
    site; it renders every page and records them. Each push then starts
    from a copy of what that publication left (content cache, record, site:
    new files, as a CI cache restores them), with one article changed.
    """
    relative = edit_target(corpus)
    path = corpus.content / relative
    original = path.read_text(encoding="utf-8")
    output, cache = corpus.folders("ci")
    saved_output, saved_cache = (
        corpus.work / "ci" / "saved-output",
        corpus.work / "ci" / "saved-cache",
    )
    fresh(output, cache, saved_output, saved_cache)
    shutil.copytree(corpus.folders("portal")[1], cache)
    first = corpus.run("published", "ci")
    shutil.copytree(output, saved_output, symlinks=True)
    shutil.copytree(cache, saved_cache, symlinks=True)
    measured = []
    try:
        for number in range(runs):
            edit_article(path, original, number)
            fresh(output, cache)
            shutil.copytree(saved_output, output, symlinks=True)
            shutil.copytree(saved_cache, cache, symlinks=True)
            measured.append(corpus.run("published", "ci"))
    finally:
        restore_article(path, original)
    return {"ci_first_publication": summary([first]), "ci_content_push": summary(measured)}


def _edits(corpus: Corpus, runs: int, say) -> dict[str, Any]:
    """Edit one article (the middle one) and rebuild, as an editor's preview does."""
    relative = edit_target(corpus)
    path = corpus.content / relative
    original = path.read_text(encoding="utf-8")
    say("  sửa một bài rồi dựng lại (tiến trình mới, chỉ trang thay đổi)...")
    # The preview's builds leave the search index out, as the preview does.
    corpus.run("incremental", "portal", "--no-search")  # records every page once
    measured = []
    try:
        for number in range(runs):
            edit_article(path, original, number)
            measured.append(corpus.run("incremental", "portal", "--no-search"))
    finally:
        restore_article(path, original)
    say("  sửa một bài trong lúc xem trước (cùng một tiến trình)...")
    preview = corpus.run("preview", "portal", "--article", relative, "--edits", str(runs))
    edits = preview.facts.get("edits", [])
    return {
        "edit_rebuild": summary(measured),
        "preview_edit": {
            # Until the edited article's page is written (the browser reloads).
            "shown_median": _median([edit["shown_seconds"] for edit in edits]),
            # Until every page concerned is written: by the hot path alone when
            # it was complete, else after the incremental build too.
            "complete_median": _median([_complete_seconds(edit) for edit in edits]),
            # Until the incremental build has checked (and corrected) everything.
            "checked_median": _median([_checked_seconds(edit) for edit in edits]),
            "edits": edits,
            "first_build_seconds": preview.facts.get("first_seconds"),
            "peak_mb": round(preview.peak_mb, 1),
        },
        "edited_article": relative,
    }


def _checked_seconds(edit: dict[str, Any]) -> float:
    """When the incremental build after an edit had finished."""
    return edit["shown_seconds"] * edit["hot"] + edit["seconds"]


def _complete_seconds(edit: dict[str, Any]) -> float:
    """When every page an edit concerns was written."""
    return edit["shown_seconds"] if edit.get("complete") else _checked_seconds(edit)


def _median(values: list[float]) -> float | None:
    return round(statistics.median(values), 3) if values else None


def ratios(sizes: dict[str, dict[str, Any]]) -> dict[str, Any]:
    """Portal / stock per size, and growth between consecutive sizes."""
    result: dict[str, Any] = {}
    for count, data in sizes.items():
        if "stock_cold" in data:
            portal, stock = data["portal_cold"], data["stock_cold"]
            result[f"cold_{count}_wall"] = round(portal["wall_median"] / stock["wall_median"], 3)
            result[f"cold_{count}_cpu"] = round(portal["cpu_median"] / stock["cpu_median"], 3)
    # Growth is measured on the generated corpora (the demo site is another site).
    counts = sorted((size for size in sizes if int(size)), key=int)
    for small, large in itertools.pairwise(counts):
        a, b = sizes[small]["portal_cold"], sizes[large]["portal_cold"]
        result[f"growth_{small}_{large}_wall"] = round(b["wall_median"] / a["wall_median"], 3)
        result[f"growth_{small}_{large}_cpu"] = round(b["cpu_median"] / a["cpu_median"], 3)
    return result


def main(argv: list[str] | None = None, say=print) -> int:
    """Run the benchmark; return an exit status."""
    parser = argparse.ArgumentParser(prog="invoke bench")
    parser.add_argument("--articles", default=",".join(map(str, DEFAULT_SIZES)))
    parser.add_argument("--runs", type=int, default=3)
    parser.add_argument("--output", default=str(ROOT / "bench-results"))
    parser.add_argument("--settings", default=str(ROOT / "pelicanconf.py"))
    parser.add_argument("--no-stock", dest="stock", action="store_false")
    parser.add_argument(
        "--no-search", dest="search", action="store_false", help="builds without Pagefind"
    )
    parser.add_argument(
        "--no-edits", dest="edits", action="store_false", help="skip the preview's edit timings"
    )
    args = parser.parse_args(argv)
    counts = [int(part) for part in args.articles.replace(" ", "").split(",") if part]
    report: dict[str, Any] = {"started": time.strftime("%Y-%m-%d %H:%M:%S")}
    report["machine_before"] = machine()
    sizes: dict[str, dict[str, Any]] = {}
    report["sizes"] = sizes
    folder = Path(args.output)
    folder.mkdir(parents=True, exist_ok=True)
    path = folder / f"bench-{time.strftime('%Y%m%d-%H%M%S')}.json"
    try:
        for count in counts:
            sizes[str(count)] = bench_size(count, args, say)
            # Saved after each size: a long run stopped half-way keeps its numbers.
            _save(report, path)
    except BenchError as error:
        say(f"\nKHÔNG ĐO ĐƯỢC: {error}")
        return 1
    report["machine_after"] = machine()
    report["ratios"] = ratios(sizes)
    _save(report, path)
    say("\n" + table(report))
    say(f"\nKết quả chi tiết: {path}")
    return 0


def _save(report: dict[str, Any], path: Path) -> None:
    text = json.dumps(report, ensure_ascii=False, indent=2)
    path.write_text(text, encoding="utf-8")
    (path.parent / "latest.json").write_text(text, encoding="utf-8")
