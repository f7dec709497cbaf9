"""Built index parts kept between builds (``CACHE_PATH/search/``).

A part's key is a hash of everything its files depend on: the Pagefind
version, the indexing settings, and each page's URL and HTML bytes, in order.
An edited article changes its part's key only, so a content push re-indexes
one part and copies the others (hard links where the file system allows).
Entries no build asked for are removed at the end of a build, so the folder
holds one site's parts, not every version ever built.
"""

from __future__ import annotations

import hashlib
import json
import os
import shutil
from collections.abc import Iterable
from pathlib import Path
from typing import Any

from . import binary
from .parts import Part

# Bump when the way a part is built or stored changes.
FORMAT = "4"  # 4: built by the service, files written from its GetFiles answer
STATS_FILE = "part-stats.json"


def pagefind_version() -> str:
    """The Pagefind binary's version (part of every key)."""
    return binary.version()


def part_key(part: Part, config: dict[str, Any]) -> str:
    """The hash naming ``part``'s entry in the cache."""
    digest = hashlib.sha256()
    digest.update(f"{FORMAT}\0{pagefind_version()}\0".encode())
    digest.update(json.dumps(config, sort_keys=True).encode())
    for page in part.pages:
        digest.update(f"\0{page.url}\0{page.digest}".encode())
    return digest.hexdigest()[:32]


def _link_or_copy(source: str, destination: str) -> None:
    try:
        os.link(source, destination)
    except OSError:  # another file system, or links not allowed
        shutil.copy2(source, destination)


def place(entry: Path, destination: Path, skip: Iterable[str] = ()) -> None:
    """Put the files of ``entry`` into ``destination`` (left out: ``skip`` names)."""
    ignored = {*skip, STATS_FILE}
    shutil.copytree(
        entry,
        destination,
        copy_function=_link_or_copy,
        ignore=lambda folder, names: [name for name in names if name in ignored],
        dirs_exist_ok=True,
    )


class PartCache:
    """The cache folder of one build."""

    def __init__(self, folder: Path) -> None:
        self.folder = folder
        self.used: set[str] = set()

    def entry(self, key: str) -> Path:
        """Where the part with ``key`` is (or will be) stored."""
        self.used.add(key)
        return self.folder / key

    def stats(self, key: str) -> dict[str, int] | None:
        """The stored counts of a complete entry, or None if there is none."""
        try:
            return json.loads((self.folder / key / STATS_FILE).read_text(encoding="utf-8"))
        except (OSError, ValueError):
            return None

    def staging(self, key: str) -> Path:
        """A fresh folder to build the part with ``key`` in."""
        folder = self.folder / f".building-{key}-{os.getpid()}"
        shutil.rmtree(folder, ignore_errors=True)
        folder.mkdir(parents=True)
        return folder

    def store(self, key: str, built: Path, stats: dict[str, int]) -> Path:
        """Make the part built in ``built`` the entry for ``key``."""
        (built / STATS_FILE).write_text(json.dumps(stats), encoding="utf-8")
        entry = self.folder / key
        shutil.rmtree(entry, ignore_errors=True)
        # The stats file is written last and the rename is atomic: an entry
        # with stats is always complete, even after a killed build.
        built.rename(entry)
        return entry

    def prune(self) -> None:
        """Remove the entries and leftovers this build did not use."""
        if not self.folder.is_dir():
            return
        for child in self.folder.iterdir():
            if child.name not in self.used:
                shutil.rmtree(child, ignore_errors=True)
