"""Old addresses of imported items, kept in one data file the site reads.

``content/data/dia-chi-cu.json`` maps every old address (a path, or a path
with its query string) to the source file of the item it now is; the
``redirects`` plugin turns it into pages, a JSON map and ``_redirects`` at
build time, so an item whose title or date is edited later still gets its
old links. Addresses are normalised the same way here and in the 404 page's
script (``theme/static/js/old-address.js``): lower-case path, ``language=``
dropped, parameters sorted.
"""

from __future__ import annotations

import json
from pathlib import Path
from urllib.parse import parse_qsl, unquote, urlencode, urlsplit

from .errors import SourceError

DATA_FILE = "data/dia-chi-cu.json"  # under content/


def normalise(url: str) -> str:
    """The key of an old address: ``/path`` or ``/path?a=1&b=2`` (no host)."""
    parts = urlsplit(url.strip())
    path = "/" + unquote(parts.path).lstrip("/")
    path = path.lower()
    params = sorted(
        (key.lower(), value)
        for key, value in parse_qsl(parts.query, keep_blank_values=False)
        if key.lower() != "language"
    )
    return path + ("?" + urlencode(params) if params else "")


def load(content: Path) -> dict:
    """The data file as a dict ({"redirects": [{"old", "to", "unit"}...]})."""
    path = content / DATA_FILE
    if not path.exists():
        return {"redirects": []}
    try:
        return json.loads(path.read_text(encoding="utf-8"))
    except (json.JSONDecodeError, UnicodeDecodeError) as error:
        raise SourceError(
            f"{path}: tệp địa chỉ cũ bị hỏng ({error}). Lấy lại tệp này từ lịch sử git rồi "
            "chạy lại lệnh."
        ) from None


def merge(content: Path, unit: str, entries: dict[str, str]) -> tuple[int, list[str]]:
    """Add ``{old key: content file}`` for ``unit``; return (count, conflicts).

    An old address another unit already claims keeps its first owner (two
    merged portals on different hosts may have used the same path); it is
    listed for the editor.
    """
    data = load(content)
    current = {entry["old"]: entry for entry in data.get("redirects", [])}
    conflicts = []
    for old, target in sorted(entries.items()):
        found = current.get(old)
        if found and found.get("unit") != unit:
            conflicts.append(old)
            continue
        current[old] = {"old": old, "to": target, "unit": unit}
    data["redirects"] = [current[key] for key in sorted(current)]
    path = content / DATA_FILE
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(json.dumps(data, ensure_ascii=False, indent=1) + "\n", encoding="utf-8")
    return len(entries) - len(conflicts), conflicts
