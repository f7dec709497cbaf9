"""Check the files of a big site in forked worker processes.

Each file's check is independent of the others (the rules across files run
afterwards, in the build's own process), so a site of thousands of articles
is checked in contiguous chunks by one process per core. The workers only
compute: what they find comes back as the files' reports, in order, and is
reported here exactly as a check in one process would.

``CHECK_PROCESSES`` says how many processes (0, the default: one per core;
1: this one only). Forking is skipped where it is not safe or not worth
it: fewer than ``MIN_FILES`` files, one core, no ``fork`` (Windows, macOS defaults), or
other threads running (a fork copies their locks, not the threads: the
preview's server, a test session). Anything going wrong in a worker (a
record that cannot be pickled, a warning made fatal) makes the caller check
every file itself, so the messages are the single-process ones.
"""

from __future__ import annotations

import logging
import multiprocessing
import sys
from collections.abc import Callable, Sequence
from typing import Any

from portal_core.processes import can_fork, usable_cpus

logger = logging.getLogger(__name__)

# Below this, starting the processes costs more than it saves.
MIN_FILES = 400
# Chunks per process: contiguous files, a little balancing between processes.
CHUNKS_PER_PROCESS = 4

# What the last check's workers did: {"processes": n, "files": n}, or empty
# when this process checked every file (the tests look at it).
last_run: dict[str, int] = {}

# The function checking one file: set in the parent just before forking,
# inherited by the workers (never pickled).
_check_one: Callable[[str], Any] | None = None


def _may_fork(count: int, processes: int) -> bool:
    return count >= MIN_FILES and processes > 1 and can_fork()


def _check_chunk(relatives: list[str]) -> list[Any]:
    assert _check_one is not None
    return [_check_one(relative) for relative in relatives]


def check_in_workers(
    check_one: Callable[[str], Any], relatives: Sequence[str], processes: int = 0
) -> list[Any] | None:
    """``[check_one(r) for r in relatives]`` from ``processes`` processes, or None.

    ``processes`` 0: one per core. None: the caller checks the files itself
    (see the module's docstring).
    """
    global _check_one  # noqa: PLW0603 - handed to the forked workers
    last_run.clear()
    processes = processes or usable_cpus()
    if not _may_fork(len(relatives), processes):
        return None
    size = max(1, -(-len(relatives) // (processes * CHUNKS_PER_PROCESS)))
    chunks = [list(relatives[start : start + size]) for start in range(0, len(relatives), size)]
    _check_one = check_one
    sys.stdout.flush()  # nothing buffered here is written twice
    sys.stderr.flush()
    try:
        with multiprocessing.get_context("fork").Pool(processes) as pool:
            results = pool.map(_check_chunk, chunks)
    except Exception as error:  # the caller checks every file itself
        logger.debug("Checking in worker processes stopped (%s); checking here.", error)
        return None
    finally:
        _check_one = None
    last_run.update(processes=processes, files=len(relatives))
    return [item for chunk in results for item in chunk]
