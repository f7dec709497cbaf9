"""Where the Pagefind binary is, and which version it is.

The binary comes from npm's ``pagefind`` package, pinned in
``search-index/package-lock.json`` and installed by ``run.py`` (``npm ci``)
with the rest of the set-up, never downloaded during a build. npm installs
only the package of this machine's platform (``@pagefind/<platform>-<cpu>``),
as Pagefind's own wrapper expects; this module finds its binary the way that
wrapper does (``resolveBinary.js``), so Node is not started for it.

PyPI's ``pagefind_bin`` lags behind: 1.6.0 was on npm only, and indexes the
same pages with 6-11 % less CPU than 1.5.2 (three pairs, 3,000 bench pages).

``PAGEFIND_BINARY_PATH`` (Pagefind's own variable) names another binary.
"""

from __future__ import annotations

import functools
import os
import platform
import subprocess
import sys
from pathlib import Path

# The npm project that pins the binary (beside plugins/ in the repository).
PROJECT = Path(__file__).resolve().parents[2] / "search-index"
NAMES = ("pagefind_extended", "pagefind")
_PLATFORMS = {"win32": "windows", "cygwin": "windows"}
_CPUS = {"x86_64": "x64", "amd64": "x64", "aarch64": "arm64", "arm64": "arm64"}


class MissingBinary(LookupError):
    """No Pagefind binary where ``run.py`` installs it."""


def package_folder() -> Path:
    """``node_modules/@pagefind/<platform>-<cpu>`` of this machine."""
    system = _PLATFORMS.get(sys.platform, sys.platform.rstrip("0123456789"))
    machine = platform.machine().lower()
    cpu = _CPUS.get(machine, machine)
    return PROJECT / "node_modules" / "@pagefind" / f"{system}-{cpu}"


def executable() -> Path:
    """The Pagefind binary to run; :class:`MissingBinary` if it is not installed."""
    chosen = os.environ.get("PAGEFIND_BINARY_PATH")
    if chosen:
        if not Path(chosen).is_file():
            raise MissingBinary(chosen)
        return Path(chosen)
    suffix = ".exe" if sys.platform in _PLATFORMS else ""
    folder = package_folder() / "bin"
    for name in NAMES:
        candidate = folder / f"{name}{suffix}"
        if candidate.is_file():
            return candidate
    raise MissingBinary(str(folder))


@functools.cache
def _version_of(binary: str, stamp: tuple[int, int]) -> str:
    answer = subprocess.run(
        [binary, "--version"], capture_output=True, text=True, check=False, timeout=60
    )
    return answer.stdout.strip() or "unknown"


def version() -> str:
    """What the binary says of itself (``pagefind 1.6.0``); "unknown" without one."""
    try:
        binary = executable()
        stat = binary.stat()
        return _version_of(str(binary), (stat.st_size, stat.st_mtime_ns))
    except (MissingBinary, OSError, subprocess.SubprocessError):
        return "unknown"
