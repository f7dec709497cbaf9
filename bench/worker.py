"""One measured build, run in its own process by :mod:`bench.run`.

``python -m bench.worker MODE CONTENT OUTPUT CACHE`` builds and prints one
``BENCH {json}`` line. The parent measures this whole process (wall time, CPU
time, peak memory), so each run starts from a fresh interpreter, exactly like
``invoke build``. Modes:

- ``portal``: a full build with the portal's settings, theme and plugins;
- ``incremental``: the preview's build (only changed pages rendered);
- ``published``: the published build (``./portal build --prod``, CI): built
  beside OUTPUT and swapped in, unchanged pages taken from the site it
  replaces (``BUILD_SPEED_REUSE_PAGES``);
- ``preview``: the preview's loop in one process: edit an article, rebuild,
  ``--edits`` times; reports each rebuild's time measured inside the process;
- ``stock``: stock Pelican (:mod:`bench.stock`).

Portal builds include the search index, as a real build does (``--no-search``
leaves it out); they report their phases (:mod:`bench.phases`).
"""

from __future__ import annotations

import time

STARTED = time.time()  # the first phase's start, before the imports

import argparse  # noqa: E402 - after STARTED
import json  # noqa: E402
import logging  # noqa: E402
import sys  # noqa: E402
from pathlib import Path  # noqa: E402
from typing import Any  # noqa: E402

from . import ROOT  # noqa: E402
from .edits import edit_article, edit_kind, restore_article  # noqa: E402
from .phases import Phases  # noqa: E402
from .stock import portal_settings, stock_settings  # noqa: E402


def _overrides(args: argparse.Namespace) -> dict[str, Any]:
    return {
        "PATH": str(Path(args.content).resolve()),
        "OUTPUT_PATH": str(Path(args.output).resolve()),
        "CACHE_PATH": str(Path(args.cache).resolve()),
        "CACHE_CONTENT": True,
        "LOAD_CONTENT_CACHE": True,
        "SITEURL": "",
        # Stock Pelican has no search; the portal's builds include it.
        "SEARCH_INDEX": args.search,
    }


def _settings_file(args: argparse.Namespace) -> Path:
    return Path(args.settings or ROOT / "pelicanconf.py")


def _portal(args: argparse.Namespace, kind: str) -> dict[str, Any]:
    """A portal build: ``kind`` is "full", "incremental" or "published"."""
    from live_preview import incremental as record  # noqa: PLC0415 - plugins on sys.path
    from pelican.log import init as init_logging  # noqa: PLC0415

    from portal_core.processes import skip_collection_at_exit  # noqa: PLC0415
    from portal_core.runner import run, run_atomic  # noqa: PLC0415
    from search import search  # noqa: PLC0415

    init_logging(level=logging.WARNING, fatal="warnings")
    skip_collection_at_exit()  # as the portal's build commands do
    overrides = _overrides(args)
    if kind == "incremental":
        overrides["BUILD_SPEED_INCREMENTAL"] = True
    if kind == "published":
        overrides["BUILD_SPEED_REUSE_PAGES"] = True
    phases = Phases(STARTED)
    settings = portal_settings(_settings_file(args), overrides)
    pelican = (run_atomic if kind == "published" else run)(settings)
    facts: dict[str, Any] = {
        "plugins": list(pelican.settings["PLUGINS"]),
        "phases": phases.report(),
    }
    if search.last_stats is not None:
        facts["index_seconds"] = round(search.last_stats.seconds, 3)
    session = record.last()
    if kind != "full" and session is not None:
        facts.update(rendered=session.rendered, kept=session.kept, removed=session.removed)
    return facts


def _stock(args: argparse.Namespace) -> dict[str, Any]:
    from pelican import Pelican  # noqa: PLC0415
    from pelican.log import init as init_logging  # noqa: PLC0415

    init_logging(level=logging.ERROR)
    portal = portal_settings(_settings_file(args), _overrides(args))
    pelican = Pelican(stock_settings(portal, _overrides(args)))
    pelican.run()
    return {"plugins": []}


def _preview(args: argparse.Namespace) -> dict[str, Any]:
    """Edit one article and rebuild, as the preview does, ``args.edits`` times."""
    from live_preview.preview import preview_overrides, rebuild, refresh  # noqa: PLC0415
    from pelican.log import init as init_logging  # noqa: PLC0415

    init_logging(level=logging.WARNING, fatal="warnings")
    overrides = {**_overrides(args), **preview_overrides(Path(args.output).resolve())}
    first = rebuild(_settings_file(args), overrides)
    edits = []
    path = Path(args.content) / args.article
    original = path.read_text(encoding="utf-8")
    try:
        for number in range(args.edits):
            edit_article(path, original, number)
            quick, outcome = refresh(
                [path], _settings_file(args), overrides, lambda line: None, lambda: None
            )
            if not outcome.ok:
                raise RuntimeError("\n".join(outcome.messages))
            edits.append(
                {
                    "kind": edit_kind(number),
                    "shown_seconds": round(quick.seconds if quick else outcome.seconds, 3),
                    "hot": quick is not None,
                    # The hot path wrote every page the edit concerns.
                    "complete": bool(quick and quick.complete),
                    "hot_pages": len(quick.pages) if quick else 0,
                    "seconds": round(outcome.seconds, 3),
                    "rendered": outcome.rendered,
                }
            )
    finally:
        restore_article(path, original)
    return {"first_seconds": round(first.seconds, 3), "edits": edits}


MODES = {
    "portal": lambda args: _portal(args, "full"),
    "incremental": lambda args: _portal(args, "incremental"),
    "published": lambda args: _portal(args, "published"),
    "stock": _stock,
    "preview": _preview,
}


def main(argv: list[str] | None = None) -> int:
    """Command line of the worker (used by bench.run only)."""
    parser = argparse.ArgumentParser(prog="python -m bench.worker")
    parser.add_argument("mode", choices=sorted(MODES))
    parser.add_argument("content")
    parser.add_argument("output")
    parser.add_argument("cache")
    parser.add_argument("--settings", default="")
    parser.add_argument("--article", default="", help="article edited in preview mode")
    parser.add_argument("--edits", type=int, default=3)
    parser.add_argument("--no-search", dest="search", action="store_false")
    args = parser.parse_args(argv)
    started = time.perf_counter()
    facts = MODES[args.mode](args)
    facts["seconds_in_process"] = round(time.perf_counter() - started, 3)
    sys.stdout.write("BENCH " + json.dumps(facts) + "\n")
    return 0


if __name__ == "__main__":
    sys.exit(main())
