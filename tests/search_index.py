"""Comparing search index bundles: what Pagefind writes the same way every time."""

from __future__ import annotations

import gzip
import json
from pathlib import Path


def files_of(folder: Path) -> dict[str, bytes]:
    """The files of one part (not the parts inside the first one's folder)."""
    return {
        path.relative_to(folder).as_posix(): path.read_bytes()
        for path in folder.rglob("*")
        if path.is_file() and "parts" not in path.relative_to(folder).parts
    }


def comparable(files: dict[str, bytes]) -> dict[str, object]:
    """A part's files, leaving out what Pagefind writes in a varying order.

    Filter files list a filter's values in hash-map order (Pagefind/pagefind
    #638), so their names and the metadata naming them vary between two runs
    over the same pages; their decompressed bytes, sorted, do not.
    """
    kept: dict[str, object] = {}
    filters = []
    for name, data in files.items():
        if name.startswith("filter/"):
            filters.append(sorted(gzip.decompress(data)))
        elif not name.endswith(".pf_meta") and name != "pagefind-entry.json":
            kept[name] = data
        elif name == "pagefind-entry.json":
            entry = json.loads(data)
            kept[name] = [language["page_count"] for language in entry["languages"].values()]
    kept["filters"] = sorted(filters)
    return kept
