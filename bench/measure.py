"""Run one worker process and measure it: wall time, CPU time, peak memory."""

from __future__ import annotations

import json
import os
import shutil
import statistics
import subprocess
import sys
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
    output = process.stdout.read() if process.stdout else ""
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
    return Run(wall, usage.ru_utime + usage.ru_stime, usage.ru_maxrss / 1024, facts)


def summary(runs: list[Run]) -> dict[str, Any]:
    """Medians (and the spread) of a series of runs, plus every run."""
    walls = [run.wall for run in runs]
    return {
        "wall_median": round(statistics.median(walls), 3),
        "wall_min": round(min(walls), 3),
        "wall_max": round(max(walls), 3),
        "cpu_median": round(statistics.median(run.cpu for run in runs), 3),
        "peak_mb_median": round(statistics.median(run.peak_mb for run in runs), 1),
        "peak_mb_max": round(max(run.peak_mb for run in runs), 1),
        "runs": [asdict(run) for run in runs],
    }


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
