"""Items shared out to forked processes as each becomes free, not in fixed shares.

The build's own process and its forked writers take the next page to write
from one counter in memory they share (a scratch file mapped before the
fork), under a lock on that file (``lockf``: the system releases it if the
process holding it dies, so a killed writer cannot stop the others). Each
item records the process that took it, so the share of a
writer that failed is known: the build's own process writes those items
again. With fixed shares (item ``i`` to process ``i % n``) the build's own
process finished its half 0.8 s after its writer at 10,000 articles, while
the other core waited.
"""

from __future__ import annotations

import mmap
import struct
import tempfile
from collections.abc import Iterator
from contextlib import contextmanager

try:
    import fcntl
except ImportError:  # Windows: no fork, so nothing is ever shared out
    fcntl = None  # type: ignore[assignment]

_NEXT = struct.Struct("q")  # the index of the next item nobody took
NOBODY = 255


class Claims:
    """``count`` items to share between processes numbered 0 to 254."""

    def __init__(self, count: int) -> None:
        self.count = count
        size = _NEXT.size + max(count, 1)  # mmap cannot map an empty file
        self._file = tempfile.TemporaryFile()  # noqa: SIM115 - closed in close()
        self._file.truncate(size)
        self._memory = mmap.mmap(self._file.fileno(), size)
        self._memory[_NEXT.size : _NEXT.size + count] = bytes([NOBODY]) * count

    @contextmanager
    def locked(self) -> Iterator[None]:
        """Hold the lock (released by the system too if this process dies)."""
        descriptor = self._file.fileno()
        fcntl.lockf(descriptor, fcntl.LOCK_EX)
        try:
            yield
        finally:
            fcntl.lockf(descriptor, fcntl.LOCK_UN)

    def take(self, number: int) -> Iterator[int]:
        """The indices process ``number`` takes, one by one, until none is left."""
        if not 0 <= number < NOBODY:
            raise ValueError(f"process number {number} out of 0..{NOBODY - 1}")
        memory, offset = self._memory, _NEXT.size
        while True:
            with self.locked():
                (index,) = _NEXT.unpack_from(memory, 0)
                if index >= self.count:
                    return
                _NEXT.pack_into(memory, 0, index + 1)
                memory[offset + index] = number
            yield index

    def taken_by(self, number: int) -> list[int]:
        """The indices process ``number`` took (its share, once it stopped)."""
        offset = _NEXT.size
        owners = self._memory[offset : offset + self.count]
        return [index for index, owner in enumerate(owners) if owner == number]

    def close(self) -> None:
        self._memory.close()
        self._file.close()
