"""Work a ``finalized`` handler leaves running while the build finishes.

The search index is the longest step of a cold build (Pagefind: about a
third of its CPU), and most ``finalized`` handlers after it (the photos'
copies, the sitemap, the redirects, the editor) need none of it. Run one
after the other, they left a core idle while the last part of the index
ran alone and while the build's own process did the rest: side by side at
10,000 articles (five pairs), the last phase of the build is 0.6 s shorter
(median) with the index beside them. A handler may hand such work to :func:`start`; the
build's Pelican class (``build_speed.PortalPelican``) runs the whole build
inside :func:`scope`, which waits for every piece at its end and raises the
first error, so the build fails as it did when the work ran in place.

Outside a scope (a stock Pelican class) :func:`start` runs the work at once.
"""

from __future__ import annotations

import contextlib
import threading
from collections.abc import Callable, Iterator


class _Jobs:
    """The work started in one scope and what it raised."""

    def __init__(self) -> None:
        self.threads: list[threading.Thread] = []
        self.errors: list[BaseException] = []

    def start(self, work: Callable[[], None]) -> None:
        def run() -> None:
            try:
                work()
            except BaseException as error:  # raised again at the scope's end
                self.errors.append(error)

        thread = threading.Thread(target=run, name="portal-background", daemon=True)
        self.threads.append(thread)
        thread.start()

    def join(self) -> None:
        for thread in self.threads:
            thread.join()

    def finish(self, *_: object, **__: object) -> None:
        """Wait for the work; raise its first error (once)."""
        self.join()
        if self.errors:
            error, self.errors = self.errors[0], []
            raise error


_scopes: list[_Jobs] = []


@contextlib.contextmanager
def scope() -> Iterator[_Jobs]:
    """Run a build: work started in it has ended, or raised here, when it ends.

    The build may end the work earlier with the object this yields
    (``finish``, a signal receiver: ``PortalPelican`` connects it to
    ``finalized`` after every plugin's handler, so Pelican's "Done" line
    comes after the index). If the build itself fails, its error wins; the
    work is still waited for, so nothing of this build runs on after it.
    """
    jobs = _Jobs()
    _scopes.append(jobs)
    try:
        yield jobs
    finally:
        _scopes.remove(jobs)
        jobs.join()
    jobs.finish()


def start(work: Callable[[], None]) -> None:
    """Run ``work`` beside the rest of the build (in a thread), or now outside a build."""
    if _scopes:
        _scopes[-1].start(work)
    else:
        work()
