"""Use every core: articles read, and their pages written, in worker processes.

Reading. Reading (Markdown, sanitising, typography) is about half of a cold
build and each file is independent of the others. When the articles generator
is created (``article_generator_init``) its readers exist, with their content
cache loaded, but nothing is read yet. The files the cache does not hold are
then read by forked worker processes, each calling the very ``read()`` the
generator would call, in the generator's order, and their ``(content,
metadata)`` go into the readers' content cache (kept for the next build if
``CACHE_CONTENT`` is on). ``generate_context`` finds each article there as
soon as it is read, exactly as a warm build does, and makes the articles
while the workers read on; every plugin sees the articles in this process as
usual (``content_object_init`` and later signals run here). A file
that fails in a worker is left out of the cache, so the generator reads it
again itself and reports the problem as it always does (file, line, in
Vietnamese).

Writing. Once every generator is finalized the site's model is complete and
read-only; the article pages and period archives (most of the site) are
shared between this process and forked workers (:func:`write_shared`), each
taking the next page as soon as it is free (:mod:`.claims`) and rendering it
with the same templates, context and per-build plugin state
(``portal_core.state``: a fork copies it). A worker sends back the files it
wrote and what plugins learnt while rendering (the photos its pages show);
one that fails leaves the pages it took to this process, which writes them
again and reports any problem as a single-process build would.

Output is byte for byte that of a single-process build
(``tests/integration/test_parallel_build.py``). Settings:

- ``BUILD_SPEED_PROCESSES``: processes; 0 (default) = one per usable CPU,
  1 = this process only (also where ``fork`` does not exist);
- ``BUILD_SPEED_PARALLEL_MIN_FILES`` (200): with fewer uncached articles (or
  pages to write) than this, starting workers would cost more than it saves.

Nothing is forked in a process that runs other
threads (the preview's server and watcher: a fork may copy a lock some thread
holds), nor during the preview's incremental builds (their writer records
every page it renders). A published build that reuses pages
(``BUILD_SPEED_REUSE_PAGES``) does share its pages: its writer says it may
(``forkable``), and its workers send back what they recorded.
"""

from __future__ import annotations

import functools
import gc
import logging
import multiprocessing
import os
import pickle
import signal as signal_module
import sys
from collections.abc import Callable, Iterable
from typing import Any

from blinker import signal
from pelican.readers import _filter_discardable_metadata
from pelican.utils import file_suffix
from pelican.writers import Writer

from portal_core.processes import can_fork, usable_cpus
from portal_core.settings import whole_number

from .claims import Claims
from .memory import give_back

logger = logging.getLogger(__name__)

DEFAULTS = {"BUILD_SPEED_PROCESSES": 0, "BUILD_SPEED_PARALLEL_MIN_FILES": 200}
MEANINGS = {
    "BUILD_SPEED_PROCESSES": "số tiến trình dựng trang; 0 là một tiến trình mỗi nhân máy",
    "BUILD_SPEED_PARALLEL_MIN_FILES": "ít bài hơn số này thì dựng trong một tiến trình",
}
# Files per reading task: small enough to balance the workers, large enough
# that handing a task over costs nothing.
CHUNK = 100


class ParallelConfigError(ValueError):
    """A BUILD_SPEED_* setting for worker processes is wrong."""


def check_settings(settings: dict[str, Any]) -> None:
    """Fill in and check the worker settings (at ``initialized``)."""
    for key, default in DEFAULTS.items():
        whole_number(
            settings.setdefault(key, default),
            key,
            example=default,
            meaning=MEANINGS[key],
            error=ParallelConfigError,
        )


def process_count(settings: dict[str, Any]) -> int:
    """How many processes the settings ask for (1 = this one only)."""
    return settings.get("BUILD_SPEED_PROCESSES", 0) or usable_cpus()


def _may_fork(settings: dict[str, Any], count: int, processes: int) -> bool:
    return (
        processes > 1
        and count >= settings.get("BUILD_SPEED_PARALLEL_MIN_FILES", 200)
        and can_fork()
    )


# What the last build's workers did: {"processes": n, "files": n} for reading,
# "writers": n for writing (empty when this process did everything itself);
# the benchmark and the tests look at it.
last_run: dict[str, int] = {}

# The readers the forked reading workers use: set in the parent just before
# forking, inherited by the children (never pickled).
_readers: Any = None


def _read(paths: list[str]) -> list[tuple[str, Any]]:
    """In a worker: ``(path, (content, metadata))``, or ``(path, None)`` on failure."""
    results: list[tuple[str, Any]] = []
    for path in paths:
        reader = _readers.readers[file_suffix(path)]
        try:
            content, metadata = reader.read(path)
        except Exception:  # the generator reads it again and reports it
            results.append((path, None))
            continue
        results.append((path, (content, _filter_discardable_metadata(metadata))))
    return results


def uncached_articles(generator) -> list[str]:
    """Absolute paths of the articles the generator will read, not in its cache."""
    settings = generator.settings
    readers = generator.readers
    paths = []
    for relative in generator.get_files(
        settings["ARTICLE_PATHS"], exclude=settings["ARTICLE_EXCLUDES"]
    ):
        path = os.path.abspath(os.path.join(generator.path, relative))
        # No file is hashed to learn it has no entry (portal_core.caching).
        if file_suffix(path) in readers.readers and readers.get_cached_data(path) is None:
            paths.append(path)
    return paths


def preread(generator) -> None:
    """Start worker processes reading the articles the content cache lacks.

    They read in the order the generator will ask for the files; the
    generator takes each result as soon as it is there (:class:`_Prefetch`),
    so making the articles in this process overlaps the workers' reading
    instead of waiting for all of it.
    """
    global _prefetch  # noqa: PLW0603 - one reading per build
    last_run.clear()
    stop_reading()
    settings = generator.settings
    processes = process_count(settings)
    if processes < 2 or not can_fork():
        return  # before listing the files: nothing to share
    paths = uncached_articles(generator)
    if not _may_fork(settings, len(paths), processes):
        return
    _prefetch = _Prefetch(generator.readers, paths, processes)


def stop_reading(*_: Any, **__: Any) -> None:
    """End the reading workers (all read, or the build stopped); count what they did.

    Called once every article is read (``article_generator_pretaxonomy``) and
    by the generator whatever happens, so that no worker outlives the
    reading and no thread of the pool is left when writers fork.
    """
    global _prefetch
    prefetch, _prefetch = _prefetch, None
    if prefetch is not None:
        prefetch.close()
        last_run.update(processes=prefetch.processes, files=prefetch.received)


class _Prefetch:
    """The workers' results, handed to ``readers`` as cached data, each once.

    ``Readers.read_file`` asks its cache first; the result for a file is taken
    from the pool when the generator asks for it (waiting for it if needed)
    and put in the readers' content cache (kept only if ``CACHE_CONTENT``).
    A file that failed in a worker, or any file after a worker died, is not
    there: the generator reads it itself and reports its problems.
    """

    def __init__(self, readers: Any, paths: list[str], processes: int) -> None:
        global _readers  # noqa: PLW0603 - handed to the forked workers
        self.readers = readers
        self.processes = processes
        self.pending = set(paths)
        self.ready: dict[str, Any] = {}
        self.received = 0
        chunks = [paths[start : start + CHUNK] for start in range(0, len(paths), CHUNK)]
        # Kept while the pool lives: a worker the pool starts again forks then.
        _readers = readers
        self.pool = multiprocessing.get_context("fork").Pool(processes)
        self.results = self.pool.imap(_read, chunks)
        lookup = readers.get_cached_data

        def get_cached_data(filename: str, default: Any = None) -> Any:
            data = self.take(filename)
            return lookup(filename, default) if data is None else data

        readers.get_cached_data = get_cached_data

    def take(self, path: str) -> Any:
        """The worker's ``(content, metadata)`` for ``path``, or None."""
        if path not in self.pending:
            return None
        while path not in self.ready and self.pool is not None:
            try:
                batch = next(self.results)
            except StopIteration:
                self.close()
                break
            except Exception as error:  # a worker died: the generator reads the rest
                logger.debug("Parallel reading stopped (%s); reading the rest here.", error)
                self.close()
                break
            for name, data in batch:
                if data is not None:
                    self.readers.cache_data(name, data)
                    self.ready[name] = data
                    self.received += 1
        self.pending.discard(path)
        return self.ready.pop(path, None)

    def close(self) -> None:
        """Stop the pool (its workers and threads) and forget what was not asked for."""
        global _readers  # noqa: PLW0603
        if self.pool is not None:
            self.pool.terminate()
            self.pool.join()
            self.pool = None
        _readers = None
        self.results = iter(())
        self.pending.clear()
        self.ready.clear()
        # The readers' own lookup again: this object, and what it holds, can go.
        vars(self.readers).pop("get_cached_data", None)


_prefetch: _Prefetch | None = None


# --- Writing ---------------------------------------------------------------------
# A worker process writes a share of the article pages. What a plugin learns
# while pages render (the photos they show) must reach the build's own
# process; such a plugin listens to these, by name, without importing this one:
#   signal("build_speed_worker_state").connect(export)  # in a worker: return {key: data}
#   signal("build_speed_merge_state").connect(merge)    # here: merge(generator, state={...})
# ``export`` returns a picklable dict under a key of its own (or None); ``merge``
# receives each worker's dicts merged, once per worker.
worker_state = signal("build_speed_worker_state")
merge_state = signal("build_speed_merge_state")

Render = Callable[[Callable[..., Any], Any], None]


def _writer_of(write: Callable[..., Any]) -> Any:
    """The writer whose ``write_file`` ``write`` is (Pelican wraps it in a partial)."""
    function = write.func if isinstance(write, functools.partial) else write
    return getattr(function, "__self__", None)


def _may_fork_writers(generator, write, count: int, processes: int) -> bool:
    settings = generator.settings
    # Pelican's own writer, or one that says its workers send back what it
    # keeps (a published build's incremental writer); the preview's writer
    # keeps a record of every page that a worker could not send back.
    writer = _writer_of(write)
    return (
        (type(writer) is Writer or getattr(writer, "forkable", False) is True)
        and not settings.get("BUILD_SPEED_INCREMENTAL")
        and _may_fork(settings, count, processes)
    )


def write_shared(generator, write, items: list[Any], render: Render) -> None:
    """``render(write, item)`` for every item, shared with forked worker processes.

    Each process takes the next item as soon as it is free (:class:`.Claims`;
    the build's own process is number 0), so all end within one page of each
    other. A worker that fails leaves the items it took to this process,
    which writes them again and reports any problem as a single-process build
    would; if this process fails, its workers are stopped before the error
    goes on.
    """
    processes = process_count(generator.settings)
    if not _may_fork_writers(generator, write, len(items), processes):
        for item in items:
            render(write, item)
        return
    sys.stdout.flush()
    sys.stderr.flush()
    children: dict[int, tuple[int, int]] = {}  # number -> (pid, read end)
    claims = Claims(len(items))
    # Every object made so far goes to the collector's permanent generation:
    # no collection, here or in a worker, walks (and so writes to) the site's
    # model any more, so a worker's pages stay shared with this process
    # instead of being copied, and this process's collections stay short.
    gc.freeze()
    # Memory freed since the articles were finalized goes back to the system
    # rather than into every writer.
    give_back()
    try:
        for number in range(1, processes):
            read_end, write_end = os.pipe()
            pid = os.fork()
            if pid == 0:  # the worker: write its share, report, never return
                os.close(read_end)
                share = (items[index] for index in claims.take(number))
                os._exit(_work(generator, write, share, render, write_end))
            os.close(write_end)
            children[number] = (pid, read_end)
        for index in claims.take(0):
            render(write, items[index])
        for number in list(children):
            pid, read_end = children.pop(number)
            with os.fdopen(read_end, "rb") as pipe:
                data = pipe.read()
            _, status = os.waitpid(pid, 0)
            if os.waitstatus_to_exitcode(status) == 0 and data:
                _merge(generator, write, pickle.loads(data))
            else:
                logger.debug("Worker %d failed; writing the pages it took here.", number)
                for index in claims.taken_by(number):
                    render(write, items[index])
    finally:
        # The build stops: no worker may go on writing into its output.
        for pid, read_end in children.values():
            os.kill(pid, signal_module.SIGKILL)
            os.waitpid(pid, 0)
            os.close(read_end)
        claims.close()
        gc.unfreeze()
    last_run["writers"] = processes


def _work(generator, write, share: Iterable[Any], render: Render, fd: int) -> int:
    """In a worker: write ``share``, send back what the build must know; exit status."""
    status = 1
    try:
        writer = _writer_of(write)
        written = set(writer._written_files)
        overridden = set(writer._overridden_files)
        for item in share:
            render(write, item)
        state = {
            "written": writer._written_files - written,
            "overridden": writer._overridden_files - overridden,
            "plugins": _exported(generator),
        }
        with os.fdopen(fd, "wb") as pipe:
            pickle.dump(state, pipe, protocol=pickle.HIGHEST_PROTOCOL)
        status = 0
    except BaseException:
        pass  # status 1: the build's own process writes this share again
    try:
        sys.stdout.flush()
        sys.stderr.flush()
    except BaseException:
        pass  # exiting anyway
    return status


def _exported(generator) -> dict[str, Any]:
    exported: dict[str, Any] = {}
    for _, value in worker_state.send(generator):
        if value:
            exported.update(value)
    return exported


def _merge(generator, write, state: dict[str, Any]) -> None:
    writer = _writer_of(write)
    writer._written_files |= state["written"]
    writer._overridden_files |= state["overridden"]
    if state["plugins"]:
        merge_state.send(generator, state=state["plugins"])
