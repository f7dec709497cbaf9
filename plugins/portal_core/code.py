"""Digests for the caches kept between builds.

A cache kept between builds (the content cache, the record of published
pages, the check's memo) is only valid for the code that made it: the
plugins' sources, the installed libraries and Python itself; its entries
are checked against the bytes of the files they describe.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import importlib.metadata
import os
import sys
from collections.abc import Mapping
from pathlib import Path
from typing import Any


def bytes_digest(data: bytes) -> bytes:
    """The short digest caches keep of a file's bytes (blake2b, 16 bytes)."""
    return hashlib.blake2b(data, digest_size=16).digest()


def file_digest(path: str | os.PathLike[str]) -> bytes | None:
    """:func:`bytes_digest` of the file at ``path``; None if it cannot be read."""
    try:
        with open(path, "rb") as handle:
            return bytes_digest(handle.read())
    except OSError:
        return None


def add_plugin_sources(settings: Mapping[str, Any], digest: Any) -> None:
    """Feed every ``.py`` file under ``PLUGIN_PATHS`` (names and bytes) to ``digest``."""
    for folder in settings.get("PLUGIN_PATHS", []):
        for path in sorted(Path(folder).rglob("*.py")):
            digest.update(path.as_posix().encode() + b"\0" + path.read_bytes())


def code_digest(settings: Mapping[str, Any]) -> str:
    """Python's version, every installed distribution's version, the plugins' sources."""
    digest = hashlib.sha256(sys.version.encode())
    installed = sorted(
        f"{dist.metadata['Name'] or ''}=={dist.version}"
        for dist in importlib.metadata.distributions()
    )
    digest.update("\n".join(installed).encode())
    add_plugin_sources(settings, digest)
    return digest.hexdigest()


def describe(value: Any) -> str:
    """A stable text for a setting: values by content, other objects by class (not by address)."""
    if isinstance(value, dict):
        return "{" + ",".join(f"{describe(k)}:{describe(v)}" for k, v in value.items()) + "}"
    if isinstance(value, list | tuple):
        return "[" + ",".join(describe(item) for item in value) + "]"
    if isinstance(value, set | frozenset):
        return "{" + ",".join(sorted(describe(item) for item in value)) + "}"
    if isinstance(value, str | int | float | bool | type(None)):
        return repr(value)
    if isinstance(value, os.PathLike | dt.date | dt.time | dt.timedelta):
        return f"{type(value).__name__}({value})"
    kind = value if isinstance(value, type) else type(value)
    return f"{kind.__module__}.{kind.__qualname__}"
