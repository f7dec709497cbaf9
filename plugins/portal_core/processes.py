"""How many processes a build may use, and whether it may fork now.

Shared by everything that spreads a build over the cores: the content check
(``content_checks.workers``), reading and writing (``build_speed.parallel``)
and the search index's Pagefind runs (``search.indexer``).
"""

from __future__ import annotations

import atexit
import functools
import gc
import multiprocessing
import os
import threading


def usable_cpus() -> int:
    """CPUs this process may run on (a container's limit, not the machine's)."""
    try:
        return len(os.sched_getaffinity(0))
    except AttributeError:  # not on Linux
        return os.cpu_count() or 1


def can_fork() -> bool:
    """Whether forking worker processes is possible and safe at this moment.

    Not where ``fork`` does not exist (Windows; macOS's default), and not
    while other threads run: a fork copies their locks, not the threads (the
    preview's server and watcher, a test session's served site).
    """
    return "fork" in multiprocessing.get_all_start_methods() and threading.active_count() == 1


@functools.cache  # registered once per process
def skip_collection_at_exit() -> None:
    """Let this process end without Python's last garbage collection.

    At exit the interpreter collects once more over every object still
    alive, which after a build is the whole site's model: 1.0 s of one core
    at 10,000 articles, measured from the build's return to the process's
    end (0.05 s once skipped), to free memory the system takes back anyway.
    The objects are frozen (:func:`gc.freeze`) at exit, before that
    collection; until then the process collects as usual (``serve`` goes on
    after its build). Called by the command-line builds: the ``build`` and
    ``deploy`` tasks, ``runner.main`` and the benchmark's portal runs.
    """
    atexit.register(gc.freeze)
