"""Old categories onto the site's registry: by name first, then a mapping file.

A name that folds (diacritics, case, spaces) to a registry category or its
slug maps by itself. Every other old category goes into a mapping file the
first run writes, with its number of items, for the editor to fill in; until
then its items are skipped (never put in a category that does not exist).
"""

from __future__ import annotations

import tomllib
from collections import Counter
from pathlib import Path

from categories.registry import CategoryEntry, resolve
from portal_core.text import nfc

from .errors import SourceError

NO_CATEGORY = "(không có chuyên mục)"


class CategoryMapper:
    """Resolve old category names; count them; write the mapping file."""

    def __init__(self, registry: list[CategoryEntry], mapping_file: Path) -> None:
        self.registry = registry
        self.path = mapping_file
        self.counts: Counter[str] = Counter()
        self.chosen: dict[str, str] = self._read()

    def _read(self) -> dict[str, str]:
        if not self.path.exists():
            return {}
        try:
            data = tomllib.loads(self.path.read_text(encoding="utf-8"))
        except (tomllib.TOMLDecodeError, UnicodeDecodeError) as error:
            raise SourceError(
                f"{self.path}: tệp ghép chuyên mục viết sai ({error}). Mỗi dòng có dạng "
                '"Tên chuyên mục cũ" = "Tên chuyên mục mới".'
            ) from None
        chosen = {str(key): str(value).strip() for key, value in data.items()}
        for old, new in chosen.items():
            if new and resolve(self.registry, new) is None:
                known = ", ".join(f'"{entry.name}"' for entry in self.registry)
                raise SourceError(
                    f'{self.path}: "{old}" được ghép với "{new}", không có trong CATEGORIES. '
                    f"Chọn một trong: {known}, hoặc để trống."
                )
        return chosen

    def resolve(self, old: str) -> CategoryEntry | None:
        """The registry entry for an old category name (None: not mapped yet)."""
        old = nfc(old.strip()) or NO_CATEGORY
        self.counts[old] += 1
        chosen = self.chosen.get(old, "")
        if chosen:
            return resolve(self.registry, chosen)
        return resolve(self.registry, old)

    def unmapped(self) -> dict[str, int]:
        """Old categories still without a place, with their item counts."""
        return {
            old: count
            for old, count in sorted(self.counts.items())
            if not self.chosen.get(old) and resolve(self.registry, old) is None
        }

    def write(self) -> None:
        """(Re)write the mapping file: every old category seen, its count, its choice."""
        names = sorted(set(self.counts) | set(self.chosen))
        lines = [
            "# Ghép chuyên mục của trang cũ với chuyên mục của trang mới (CATEGORIES).",
            "# Bên trái: chuyên mục cũ (đừng sửa). Bên phải: tên một chuyên mục mới, ví dụ",
            f'# "{self.registry[0].name if self.registry else "Tin tức sự kiện"}".',
            "# Để trống thì các tin đó chưa được nhập. Sửa xong, chạy lại lệnh import.",
            "",
        ]
        for old in names:
            auto = resolve(self.registry, old)
            value = self.chosen.get(old) or (auto.name if auto else "")
            count = self.counts.get(old, 0)
            lines.append(f"{_quote(old)} = {_quote(value)}  # {count} mục")
        self.path.parent.mkdir(parents=True, exist_ok=True)
        self.path.write_text("\n".join(lines) + "\n", encoding="utf-8")


def _quote(text: str) -> str:
    return '"' + text.replace("\\", "\\\\").replace('"', '\\"') + '"'
