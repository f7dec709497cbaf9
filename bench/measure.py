"""Run one worker process and measure it: wall time, CPU time, peak memory.

Peak memory is the whole process tree's: the build, its worker processes and
Pagefind, sampled every 0.2 s from ``/proc``. Each process counts its
proportional share (PSS) of the pages it shares with others (forked workers
share most of the build's memory until they write to it), so the sum is the
memory the tree really occupies; ``ru_maxrss`` of the build process alone is
kept beside it.
"""

from __future__ import annotations

import json
import os
import shutil
import statistics
import subprocess
import sys
import threading
import time
from dataclasses import asdict, dataclass, field
from pathlib import Path
from typing import Any

from . import ROOT


class BenchError(RuntimeError):
    """A measured build failed; the message carries its output."""


@dataclass
class Run:
    """One measured process."""

    wall: float
    cpu: float
    peak_mb: float
    facts: dict[str, Any] = field(default_factory=dict)
    # Memory of the whole process tree, sampled: [(time.time(), MB)].
    samples: list[tuple[float, float]] = field(default_factory=list, repr=False)

    @property
    def tree_peak_mb(self) -> float:
        """Peak of the summed memory of the process and its children."""
        return max((mb for _, mb in self.samples), default=self.peak_mb)


_PAGE = os.sysconf("SC_PAGE_SIZE") if hasattr(os, "sysconf") else 4096


def _process_kb(pid: str, rss_pages: int) -> int:
    """PSS of one process in KB (its RSS where smaps_rollup cannot be read)."""
    try:
        with open(f"/proc/{pid}/smaps_rollup", "rb") as rollup:
            for line in rollup:
                if line.startswith(b"Pss:"):
                    return int(line.split()[1])
    except OSError:
        pass
    return rss_pages * _PAGE // 1024


def tree_memory_mb(root: int) -> float:
    """Memory of ``root`` and every descendant (Linux ``/proc``)."""
    parents: dict[str, str] = {}
    rss: dict[str, int] = {}
    for entry in os.scandir("/proc"):
        if not entry.name.isdigit():
            continue
        try:
            with open(f"/proc/{entry.name}/stat", "rb") as stat:
                fields = stat.read().rsplit(b")", 1)[1].split()
        except OSError:
            continue
        parents[entry.name] = fields[1].decode()
        rss[entry.name] = int(fields[21])
    wanted = {str(root)}
    changed = True
    while changed:
        changed = False
        for pid, parent in parents.items():
            if parent in wanted and pid not in wanted:
                wanted.add(pid)
                changed = True
    return sum(_process_kb(pid, rss[pid]) for pid in wanted if pid in rss) / 1024


def _sample(pid: int, samples: list[tuple[float, float]], stop: threading.Event) -> None:
    if not os.path.isdir("/proc"):
        return
    while not stop.wait(0.2):
        samples.append((time.time(), round(tree_memory_mb(pid), 1)))


def measure(args: list[str]) -> Run:
    """Run ``python -m bench.worker *args`` and measure that one process.

    ``os.wait4`` gives the resource usage of exactly this child (CPU time of
    user and system, and its peak resident memory), not of every child so far.
    """
    command = [sys.executable, "-m", "bench.worker", *args]
    started = time.perf_counter()
    process = subprocess.Popen(
        command, cwd=ROOT, stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True
    )
    samples: list[tuple[float, float]] = []
    stop = threading.Event()
    sampler = threading.Thread(target=_sample, args=(process.pid, samples, stop), daemon=True)
    sampler.start()
    output = process.stdout.read() if process.stdout else ""
    stop.set()
    sampler.join()
    _, status, usage = os.wait4(process.pid, 0)
    wall = time.perf_counter() - started
    process.returncode = os.waitstatus_to_exitcode(status)
    if process.returncode != 0:
        raise BenchError(f"{' '.join(args)} failed:\n{output[-4000:]}")
    facts: dict[str, Any] = {}
    for line in output.splitlines():
        if line.startswith("BENCH "):
            facts = json.loads(line[len("BENCH ") :])
    # ru_maxrss is in kilobytes on Linux.
    return Run(wall, usage.ru_utime + usage.ru_stime, usage.ru_maxrss / 1024, facts, samples)


def summary(runs: list[Run]) -> dict[str, Any]:
    """Medians (and the spread) of a series of runs, plus every run."""
    walls = [run.wall for run in runs]
    return {
        "wall_median": round(statistics.median(walls), 3),
        "wall_min": round(min(walls), 3),
        "wall_max": round(max(walls), 3),
        "cpu_median": round(statistics.median(run.cpu for run in runs), 3),
        # The whole tree (worker processes, Pagefind) when it could be sampled.
        "peak_mb_median": round(statistics.median(run.tree_peak_mb for run in runs), 1),
        "peak_mb_max": round(max(run.tree_peak_mb for run in runs), 1),
        "phases": phase_medians([phase_table(run) for run in runs]),
        "runs": [_run_facts(run) for run in runs],
    }


def _run_facts(run: Run) -> dict[str, Any]:
    facts = asdict(run)
    facts.pop("samples")
    facts["tree_peak_mb"] = run.tree_peak_mb
    return facts


def phase_table(run: Run) -> dict[str, dict[str, float]]:
    """``{phase: {wall, cpu, peak_mb}}`` of one run (see :mod:`bench.phases`)."""
    table: dict[str, dict[str, float]] = {}
    for phase in run.facts.get("phases", []):
        item = {"wall": phase["wall"], "cpu": phase["cpu"]}
        inside = [mb for at, mb in run.samples if phase["start"] <= at <= phase["end"]]
        if inside:
            item["peak_mb"] = max(inside)
        table[phase["name"]] = item
    return table


def phase_medians(tables: list[dict[str, dict[str, float]]]) -> dict[str, dict[str, float]]:
    """The median of each figure of each phase over runs."""
    result: dict[str, dict[str, float]] = {}
    for name in dict.fromkeys(name for table in tables for name in table):
        figures = [table[name] for table in tables if name in table]
        keys = dict.fromkeys(key for figure in figures for key in figure)
        result[name] = {
            key: round(statistics.median(f[key] for f in figures if key in f), 3) for key in keys
        }
    return result


def folder_size(folder: Path, exclude: tuple[str, ...] = ()) -> dict[str, int]:
    """Files and bytes under ``folder`` (top-level names in ``exclude`` left out)."""
    files = size = 0
    if not folder.exists():
        return {"files": 0, "bytes": 0}
    for entry in folder.iterdir():
        if entry.name in exclude:
            continue
        paths = [entry] if entry.is_file() else [p for p in entry.rglob("*") if p.is_file()]
        files += len(paths)
        size += sum(path.stat().st_size for path in paths)
    return {"files": files, "bytes": size}


def fresh(*folders: Path) -> None:
    """Delete ``folders`` (a cold build starts without output or cache)."""
    for folder in folders:
        shutil.rmtree(folder, ignore_errors=True)


def machine() -> dict[str, Any]:
    """What the numbers were measured on, and how busy it was."""
    try:
        load = os.getloadavg()
    except OSError:
        load = (0.0, 0.0, 0.0)
    return {
        "cpus": os.cpu_count(),
        "load_average": [round(value, 2) for value in load],
        "python": sys.version.split()[0],
        "platform": sys.platform,
    }
