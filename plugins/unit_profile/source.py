"""Read a TOML data file and find the line of any key, for editors' messages.

``tomllib`` gives values without positions; :class:`KeyLines` scans the text
once and maps each key path (``("leaders", 1, "email")``) to its line, so a
message can say ``content/data/don-vi.toml:42``.
"""

from __future__ import annotations

import re
import tomllib
import unicodedata
from dataclasses import dataclass
from pathlib import Path
from typing import Any

Path_ = tuple[str | int, ...]

_HEADER = re.compile(r"^\s*(\[\[?)\s*([A-Za-z0-9_.\- ]+?)\s*\]\]?\s*(#.*)?$")
_KEY = re.compile(r"^\s*([A-Za-z0-9_-]+)\s*=")
_TOML_LINE = re.compile(r"at line (\d+)")


class DataFileError(ValueError):
    """A data file cannot be read (message in Vietnamese, with its line)."""

    def __init__(self, line: int, message: str) -> None:
        super().__init__(message)
        self.line = line
        self.message = message


class KeyLines:
    """Line numbers of the tables and keys of one TOML text."""

    def __init__(self, text: str) -> None:
        self._lines: dict[Path_, int] = {}
        counts: dict[Path_, int] = {}
        current: Path_ = ()
        for number, line in enumerate(text.split("\n"), start=1):
            header = _HEADER.match(line)
            if header:
                names = [name.strip() for name in header.group(2).split(".")]
                parent = self._resolve(names[:-1], counts)
                if header.group(1) == "[[":
                    key = (*parent, names[-1])
                    counts[key] = counts.get(key, -1) + 1
                    current = (*key, counts[key])
                else:
                    current = (*parent, names[-1])
                self._lines.setdefault(current, number)
                continue
            key = _KEY.match(line)
            if key:
                self._lines.setdefault((*current, key.group(1)), number)

    @staticmethod
    def _resolve(names: list[str], counts: dict[Path_, int]) -> Path_:
        path: Path_ = ()
        for name in names:
            path = (*path, name)
            if path in counts:
                path = (*path, counts[path])
        return path

    def line(self, path: Path_) -> int:
        """The line of ``path``, else of its nearest written parent (0: none)."""
        for end in range(len(path), 0, -1):
            found = self._lines.get(tuple(path[:end]))
            if found:
                return found
        return 0


@dataclass(frozen=True)
class DataFile:
    """A parsed TOML data file and where its keys are."""

    path: Path
    data: dict[str, Any]
    lines: KeyLines


def read_toml(path: Path) -> DataFile:
    """Parse ``path``; raise :class:`DataFileError` with the line of a syntax error."""
    try:
        raw = path.read_bytes()
    except OSError as error:
        raise DataFileError(0, f"Không đọc được tệp: {error.strerror}.") from error
    try:
        text = raw.decode("utf-8-sig")
    except UnicodeDecodeError as error:
        line = raw[: error.start].count(b"\n") + 1
        raise DataFileError(
            line, "Tệp không ở dạng UTF-8: lưu lại tệp với bảng mã UTF-8."
        ) from error
    text = unicodedata.normalize("NFC", text.replace("\r\n", "\n"))
    try:
        data = tomllib.loads(text)
    except tomllib.TOMLDecodeError as error:
        found = _TOML_LINE.search(str(error))
        line = int(found.group(1)) if found else 0
        raise DataFileError(
            line,
            f"Sai cú pháp TOML ({error}). Kiểm tra dấu ngoặc kép, dấu phẩy giữa các mục "
            'và dấu "=" giữa tên mục và giá trị.',
        ) from error
    return DataFile(path, data, KeyLines(text))
