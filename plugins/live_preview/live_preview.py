"""Wire the live preview into Pelican (``invoke preview``, :mod:`.preview`).

- An incremental build (``BUILD_SPEED_INCREMENTAL`` on, :mod:`.incremental`)
  renders only the pages whose signature (:mod:`.signatures`) changed and
  removes the pages that are gone; otherwise the record is forgotten.
- The last build's generators are kept (:mod:`.hot`) so an article edited in
  place is shown at once, before the next build.
- A published build with ``BUILD_SPEED_REUSE_PAGES`` takes the pages whose
  signature did not change from the site it replaces (:mod:`.incremental`).

Separate from ``build_speed`` (speed of every build): a build runs the same
without this plugin; the preview then falls back to full builds and a
published build renders every page.
"""

from __future__ import annotations

import blinker
from pelican import signals

from . import hot, incremental


def begin(pelican) -> None:
    """Start an incremental build, or forget the last record before a full one."""
    incremental.begin(pelican.settings)


def bind_context(generators) -> None:
    """Give the incremental build the context every page shares; keep the model."""
    session = incremental.current()
    if session is not None and generators:
        session.bind(generators[0].context, generators[0].settings)
        if session.in_place:  # the preview's hot path edits this model later
            hot.remember(generators, generators[0].settings)


def writer_class(pelican):
    """Pelican's writer, or the incremental one during a preview build."""
    return incremental.IncrementalWriter if incremental.current() is not None else None


def export_state(generator) -> dict | None:
    """In a forked writer of a published build: the pages it recorded."""
    session = incremental.current()
    if session is None or session.in_place:
        return None
    return {"live_preview_pages": session.export()}


def merge_state(generator, state: dict) -> None:
    """In the build's own process: a forked writer's record of its pages."""
    session = incremental.current()
    if session is not None and "live_preview_pages" in state:
        session.merge(state["live_preview_pages"])


def end(pelican) -> None:
    """Record what was written, for the next incremental build."""
    incremental.end()


def register() -> None:
    """Register the plugin callbacks."""
    # initialized: settings are final, nothing is read or written yet.
    signals.initialized.connect(begin)
    # all_generators_finalized: the shared context is complete, nothing is
    # written yet; page signatures are computed against it.
    signals.all_generators_finalized.connect(bind_context)
    # get_writer: the incremental writer only while a preview build runs.
    signals.get_writer.connect(writer_class)
    # finalized: every page is written; save the record for the next build.
    signals.finalized.connect(end)
    # build_speed's forked writers (by name, without importing it): a
    # published build's writers send back the pages they recorded.
    blinker.signal("build_speed_worker_state").connect(export_state)
    blinker.signal("build_speed_merge_state").connect(merge_state)
