"""Collect content problems during a build and report them all at once.

A broken article must never vanish silently. Plugins call :func:`report`
while reading; when every generator has read its content, :func:`raise_if_any`
stops the build before a single page is written, carrying every problem as
``file:line: message`` (in Vietnamese) for the runner to print.
"""

from __future__ import annotations

import functools
import os
import sys
from dataclasses import dataclass
from pathlib import Path

from content_model.header import parse_header

from .state import BuildState


@dataclass(frozen=True, order=True)
class Problem:
    """One mistake in one content file, as an editor should read it."""

    path: str
    line: int
    message: str

    def __str__(self) -> str:
        location = f"{self.path}:{self.line}" if self.line else self.path
        return f"{location}: {self.message}"


class ContentError(Exception):
    """Stops the build before anything is written; carries every problem found."""

    def __init__(self, found: list[Problem]) -> None:
        self.problems = found
        lines = "\n".join(str(problem) for problem in found)
        super().__init__(f"Có {len(found)} lỗi trong nội dung; trang chưa được xuất bản.\n{lines}")


# This build's problems: an insertion-ordered set (duplicates dropped in constant time),
# renewed when a build starts (portal_core.state).
_state: BuildState[dict[Problem, None]] = BuildState(dict)


def display_path(path: str | os.PathLike[str], root: str | None = None) -> str:
    """Return ``path`` relative to the project (``content/articles/...md``)."""
    folder, name = os.path.split(os.path.abspath(path))
    # The folders are resolved, not the file itself: a symbolic link is named
    # where it is, not where it points.
    resolved = _resolved_folder(folder) / name
    try:
        return resolved.relative_to(_resolved_folder(os.path.abspath(root or "."))).as_posix()
    except ValueError:
        return resolved.as_posix()


@functools.lru_cache(maxsize=4096)
def _resolved_folder(folder: str) -> Path:
    """``folder`` resolved; the checks name every file, folder by folder."""
    return Path(folder).resolve()


def metadata_line(path: str | os.PathLike[str], key: str) -> int:
    """Return the 1-based line of metadata ``key`` in ``path`` (0 if absent).

    Read with the portal's one header reader (``content_model.header``).
    """
    try:
        with open(path, encoding="utf-8-sig", errors="replace") as handle:
            text = handle.read()
    except OSError:
        return 0
    found = parse_header(text.replace("\r\n", "\n")).fields.get(key.lower())
    return found.line if found else 0


def report(path: str | os.PathLike[str], line: int, message: str) -> None:
    """Record a problem; duplicates (same file, line, message) are kept once."""
    _state.value[Problem(display_path(path), line, message)] = None


def problems() -> list[Problem]:
    """Return the problems recorded so far, sorted by file and line."""
    return sorted(_state.value)


def reset() -> None:
    """Forget recorded problems (each build starts clean)."""
    _state.reset()


def failure_text(messages: list[str]) -> str:
    """How a failed build ends, whichever command ran it."""
    return "\nKHÔNG DỰNG ĐƯỢC TRANG:\n" + "\n".join(f"  {message}" for message in messages)


def _in_pelican_command() -> bool:
    """True inside Pelican's own command line (``pelican content``), not auto-reloading.

    Pelican's ``main`` logs any exception with its traceback; an editor who
    runs the command Pelican's documentation shows must read our messages.
    """
    import pelican  # noqa: PLC0415 - only when a build fails

    main, autoreload = pelican.main.__code__, pelican.autoreload.__code__
    frame = sys._getframe(1)
    codes = set()
    while frame is not None:
        codes.add(frame.f_code)
        frame = frame.f_back
    return main in codes and autoreload not in codes


def raise_if_any() -> None:
    """Stop the build with every recorded problem, if there is any.

    Under ``pelican content`` the process ends with the same Vietnamese text
    as ``./portal build`` and status 1, without a traceback (a SystemExit
    passes Pelican's ``except Exception``); elsewhere :class:`ContentError`
    carries the problems to the caller.
    """
    found = problems()
    if not found:
        return
    reset()
    if _in_pelican_command():
        raise SystemExit(failure_text([str(problem) for problem in found]))
    raise ContentError(found)
