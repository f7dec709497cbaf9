"""Photo copies made while the last pages are written, before the search index.

After the article pages (nearly every page, written by every process), the
build's own process writes the other pages and reads the site for the index
alone, while the second core waits; then Pagefind takes both cores, and the
photos' copies would compete with it. Pillow decodes, resizes and encodes
without holding the GIL, so a thread makes the copies of each photo as soon
as a written page shows it, on the core that waits. It only fills the cache:
``Registry.write`` still makes whatever is missing, reports unreadable photos
and places every copy, as it does without this thread.

The thread never waits for work: it ends when no photo is left, and the next
new photo starts another. So a build that fails before ``finalized`` (where
:meth:`EarlyCopies.end` is called) leaves nothing blocked for the end of the
build (:func:`portal_core.background.scope`) to wait on.
"""

from __future__ import annotations

import contextlib
import threading
from collections import deque
from collections.abc import Callable
from typing import Any

from portal_core import background


class EarlyCopies:
    """Makes the copies of the photos handed to :meth:`add`, one at a time, until :meth:`end`."""

    def __init__(self, make_one: Callable[[Any], int]) -> None:
        self._make_one = make_one
        self._pending: deque[Any] = deque()
        self._lock = threading.Condition()
        self._running = False
        self._ended = False
        self.made = 0  # copies made (read by end, under the lock)

    def add(self, *images: Any) -> None:
        """Photos a page has just shown for the first time."""
        with self._lock:
            if self._ended:
                return
            self._pending.extend(images)
            start = not self._running and bool(self._pending)
            if start:
                self._running = True
        if start:
            # Outside the lock: without a build's scope the work runs here, at once.
            background.start(self._work)

    def end(self) -> int:
        """Finish the photo in hand, take no other; the copies made so far."""
        with self._lock:
            self._ended = True
            self._pending.clear()
            while self._running:
                self._lock.wait()
            return self.made

    def _work(self) -> None:
        while True:
            with self._lock:
                if self._ended or not self._pending:
                    self._running = False
                    self._lock.notify_all()
                    return
                image = self._pending.popleft()
            # A failure is met again by Registry.write, which reports it.
            made = 0
            with contextlib.suppress(Exception):
                made = self._make_one(image)
            with self._lock:
                self.made += made
