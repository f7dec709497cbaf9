"""Publish a build all at once: build beside the site, then swap folders.

The web server (or the deploy step) reads the output folder at any moment.
Pelican writes into it file by file, so a build that stops half-way would leave
a mix of old and new pages there. Instead the build goes into a hidden sibling
folder; only when it has succeeded does that folder take the output's place.
On Linux the two folders are exchanged in one system call (``renameat2`` with
``RENAME_EXCHANGE``), so a reader sees either the old site or the new one;
elsewhere two renames leave the output path missing for an instant at most.

The replaced site is renamed to a hidden ``.old-`` sibling and deleted by a
background process (:func:`retire`): deleting the 15,000 files of a 10,000
article site took 3.7 s, which the build need not wait for (a CI runner is
thrown away anyway).

A build that is killed (SIGKILL, a CI runner stopped, the machine switched off)
runs no clean-up code, so its hidden folder stays behind. Each build holds an
advisory lock on its own staging folder; the next build removes every sibling
folder nobody holds a lock on. The kernel drops a lock when its process dies,
so a folder of a build still running is never mistaken for a leftover.
"""

from __future__ import annotations

import ctypes
import os
import shutil
import subprocess
import sys
import tempfile
import time
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

try:
    import fcntl
except ImportError:  # Windows: no advisory locks; leftovers are judged by age
    fcntl = None  # type: ignore[assignment]

_AT_FDCWD = -100
# Without locks, a leftover folder untouched this long cannot be a running build.
_STALE_SECONDS = 6 * 3600
_RENAME_EXCHANGE = 2


def _exchange(first: Path, second: Path) -> bool:
    """Swap two existing paths atomically; False where the OS cannot."""
    if not sys.platform.startswith("linux"):
        return False
    try:
        renameat2 = ctypes.CDLL(None, use_errno=True).renameat2
    except (AttributeError, OSError):  # glibc < 2.28, musl, ...
        return False
    path, folder_fd = ctypes.c_char_p, ctypes.c_int
    renameat2.argtypes = [folder_fd, path, folder_fd, path, ctypes.c_uint]
    renameat2.restype = ctypes.c_int
    status = renameat2(
        _AT_FDCWD, os.fsencode(first), _AT_FDCWD, os.fsencode(second), _RENAME_EXCHANGE
    )
    return status == 0  # EINVAL on file systems without support: fall back


# Run by the background process that deletes a replaced site: it holds the
# folder's lock while it deletes, so no other build takes it for a leftover.
_REMOVER = """
import os, shutil, sys
try:
    import fcntl
    fcntl.flock(os.open(sys.argv[1], os.O_RDONLY), fcntl.LOCK_EX)
except (ImportError, OSError):
    pass
shutil.rmtree(sys.argv[1], ignore_errors=True)
"""
# The deleting processes this process started (see :func:`wait_for_removals`).
_removers: list[subprocess.Popen] = []


def _retired_name(output: Path) -> Path:
    retired = Path(tempfile.mkdtemp(dir=output.parent, prefix=f".{output.name}.old-"))
    retired.rmdir()
    return retired


def retire(folder: Path) -> None:
    """Delete the replaced site ``folder`` (an ``.old-`` sibling) in the background.

    If no process can be started, it is deleted here; if the process dies,
    the next build finds the folder unlocked and deletes it.
    """
    # A long-lived process (the editor's server) builds many times: reap the
    # removers that are done rather than keep them as zombies.
    _removers[:] = [remover for remover in _removers if remover.poll() is None]
    try:
        remover = subprocess.Popen(
            [sys.executable, "-c", _REMOVER, str(folder)],
            stdin=subprocess.DEVNULL,
            stdout=subprocess.DEVNULL,
            stderr=subprocess.DEVNULL,
            start_new_session=True,  # not stopped by a Ctrl+C meant for the build
        )
    except OSError:
        shutil.rmtree(folder, ignore_errors=True)
        return
    _removers.append(remover)


def wait_for_removals() -> None:
    """Wait until the replaced sites this process retired are deleted."""
    while _removers:
        _removers.pop().wait()


def publish(built: Path, output: Path) -> None:
    """Put the finished folder ``built`` at ``output``; retire the old site."""
    if not output.exists():
        built.rename(output)
        return
    if _exchange(built, output):
        # ``built`` now holds the previous site.
        retired = _retired_name(output)
        built.rename(retired)
        retire(retired)
        return
    retired = _retired_name(output)
    output.rename(retired)
    built.rename(output)
    retire(retired)


def _lock(folder: Path) -> int | None:
    """Hold an exclusive lock on ``folder`` for as long as the returned fd is open."""
    if fcntl is None:
        return None
    fd = os.open(folder, os.O_RDONLY)
    fcntl.flock(fd, fcntl.LOCK_EX)
    return fd


def _abandoned(folder: Path) -> bool:
    """True if no running build holds ``folder`` (its process ended or was killed)."""
    if fcntl is None:
        return time.time() - folder.stat().st_mtime > _STALE_SECONDS
    try:
        fd = os.open(folder, os.O_RDONLY)
    except OSError:
        return False
    try:
        fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
    except BlockingIOError:
        return False
    finally:
        os.close(fd)  # closing also releases the lock we may have taken
    return True


def remove_leftovers(output: Path) -> list[Path]:
    """Delete the staging and retired folders killed builds left beside ``output``."""
    removed = []
    for prefix in (f".{output.name}.building-", f".{output.name}.old-"):
        for folder in sorted(output.parent.glob(f"{prefix}*")):
            if folder.is_dir() and not folder.is_symlink() and _abandoned(folder):
                shutil.rmtree(folder, ignore_errors=True)
                removed.append(folder)
    return removed


@contextmanager
def staging(output: str | os.PathLike[str]) -> Iterator[Path]:
    """Yield an empty folder beside ``output``; publish it if the block succeeds.

    If the block raises, the staging folder is deleted and ``output`` is left
    exactly as it was.
    """
    target = Path(output).resolve()
    target.parent.mkdir(parents=True, exist_ok=True)
    folder = Path(tempfile.mkdtemp(dir=target.parent, prefix=f".{target.name}.building-"))
    lock = _lock(folder)
    try:
        remove_leftovers(target)
        yield folder
        # mkdtemp makes the folder private (0700); a web server needs to read it.
        folder.chmod(0o755)
        publish(folder, target)
    finally:
        if folder.exists():
            shutil.rmtree(folder, ignore_errors=True)
        if lock is not None:
            os.close(lock)
