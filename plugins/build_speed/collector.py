"""No full garbage collection while a build runs.

A build's heap only grows: settings, every article and its metadata, the
templates, then the pages' records. CPython starts a full collection each
time the objects that survived the young generations grow by a quarter, and
each one walks the whole heap: at 10,000 articles six of them,
0.06-0.25 s each in the build's own process alone, three of them while the
other core waits (two between reading and writing, one before the search
index).

During :func:`quiet` the young generations are collected as usual (short
lived cycles are freed), the oldest is not; the thresholds are restored
afterwards, so the preview's long-lived process collects as before between
builds. Forked workers inherit the setting.
"""

from __future__ import annotations

import gc
from collections.abc import Iterator
from contextlib import contextmanager

# Young collections between two collections of the oldest generation: as
# good as never for one build (CPython's default is 10).
NEVER = 1 << 30


@contextmanager
def quiet() -> Iterator[None]:
    """Suspend the automatic collection of the oldest generation."""
    thresholds = gc.get_threshold()
    gc.set_threshold(thresholds[0], thresholds[1], NEVER)
    try:
        yield
    finally:
        gc.set_threshold(*thresholds)
