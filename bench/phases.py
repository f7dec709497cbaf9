"""Where a build's time goes: phases marked from Pelican's own signals.

- ``setup``: interpreter, settings, plugins, the ``initialized`` handlers
  (the content checks read every file there), up to the articles generator's
  creation;
- ``read``: every generator's ``generate_context`` (Markdown, typography,
  sanitising: the worker processes read here), up to ``all_generators_finalized``;
- ``write``: every generator's ``generate_output`` (templates, files), up to
  the first ``finalized`` handler;
- ``finish``: the ``finalized`` handlers (photos, search index, sitemap,
  summary).

Each mark holds the wall clock (``time.time()``, so the parent can match its
memory samples) and the CPU time of this process and of its finished children
(worker processes, Pagefind).
"""

from __future__ import annotations

import resource
import time
from typing import Any

from pelican import signals


def _cpu() -> float:
    own = resource.getrusage(resource.RUSAGE_SELF)
    children = resource.getrusage(resource.RUSAGE_CHILDREN)
    return own.ru_utime + own.ru_stime + children.ru_utime + children.ru_stime


class Phases:
    """Marks taken at signals; :meth:`report` turns them into phases."""

    def __init__(self, started: float) -> None:
        # The process started before this object: its first phase begins then.
        self.marks: list[tuple[str, float, float]] = [("start", started, 0.0)]
        # Connected before any plugin registers, so each mark comes before the
        # plugins' handlers of the same signal (the parallel reading, the
        # search index).
        signals.article_generator_init.connect(self._setup_done)
        signals.all_generators_finalized.connect(self._read_done)
        signals.finalized.connect(self._write_done)

    def mark(self, name: str) -> None:
        """Note the wall clock and CPU time now, ending phase ``name``."""
        self.marks.append((name, time.time(), _cpu()))

    def _setup_done(self, generator) -> None:
        self.mark("setup")

    def _read_done(self, generators) -> None:
        self.mark("read")

    def _write_done(self, pelican) -> None:
        self.mark("write")

    def report(self) -> list[dict[str, Any]]:
        """``[{name, start, end, wall, cpu}]`` for each phase, in order."""
        self.mark("finish")
        phases = []
        for (_, start, cpu_start), (name, end, cpu_end) in zip(
            self.marks, self.marks[1:], strict=False
        ):
            phases.append(
                {
                    "name": name,
                    "start": start,
                    "end": end,
                    "wall": round(end - start, 3),
                    "cpu": round(cpu_end - cpu_start, 3),
                }
            )
        return phases
