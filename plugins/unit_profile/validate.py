"""Check a unit profile against :mod:`.schema`: mistakes and missing items.

Two kinds of finding, each with its line:
- mistakes (a list where text is expected, an unknown key, a malformed phone
  number or e-mail, a map image that does not exist) always stop the build;
- missing required items are the completeness check: warnings, or errors when
  the unit turned ``[checks] strict`` on.
"""

from __future__ import annotations

import difflib
import re
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any

from .schema import PROFILE, Flag, Node, Paragraphs, Rows, Table, Text
from .source import DataFile, Path_

_PHONE = re.compile(r"^\+?[0-9][0-9 .()-]{5,}[0-9]$")
_EMAIL = re.compile(r"^[^@\s]+@[^@\s]+\.[^@\s]+$")


@dataclass(frozen=True)
class Finding:
    """One problem of a data file: where, what, and (missing items) which field."""

    line: int
    message: str
    key: str = ""  # dotted key of a missing item, e.g. "contact.hotline"


@dataclass
class Checked:
    """The profile as templates read it, plus what is wrong or missing."""

    data: dict[str, Any]
    mistakes: list[Finding] = field(default_factory=list)
    missing: list[Finding] = field(default_factory=list)


def dotted(path: Path_) -> str:
    """``("leaders", 1, "email")`` -> ``leaders[2].email`` (people count from 1)."""
    text = ""
    for part in path:
        text += f"[{part + 1}]" if isinstance(part, int) else (f".{part}" if text else part)
    return text


class _Walker:
    def __init__(self, source: DataFile, exists: Callable[[str], bool], kind: str) -> None:
        self.lines = source.lines
        self.exists = exists
        self.kind = kind
        self.mistakes: list[Finding] = []
        self.missing: list[Finding] = []

    def mistake(self, path: Path_, message: str) -> None:
        self.mistakes.append(Finding(self.lines.line(path), f"{dotted(path)}: {message}"))

    def lack(self, path: Path_, label: str, hint: str) -> None:
        what = f" Ghi {hint}." if hint else ""
        self.missing.append(
            Finding(self.lines.line(path), f"Thiếu «{label}» ({dotted(path)}).{what}", dotted(path))
        )

    def node(self, node: Node, value: Any, path: Path_) -> Any:
        if isinstance(node, Table):
            return self.table(node, value, path)
        if isinstance(node, Rows):
            return self.rows(node, value, path)
        if isinstance(node, Paragraphs):
            return self.paragraphs(node, value, path)
        if isinstance(node, Flag):
            if value is not None and not isinstance(value, bool):
                self.mistake(path, "ghi true hoặc false (không có ngoặc kép).")
                return False
            return bool(value)
        return self.text(node, value, path)

    def table(self, node: Table, value: Any, path: Path_) -> dict[str, Any]:
        if value is None:
            value = {}
        if not isinstance(value, dict):
            self.mistake(
                path, f"«{node.label}» phải là một mục [{dotted(path)}] có các dòng tên = giá trị."
            )
            value = {}
        for key in value:
            if key not in node.fields:
                close = difflib.get_close_matches(key, list(node.fields), n=1)
                hint = (
                    f' Có phải "{close[0]}"?'
                    if close
                    else f" Các tên dùng được: {', '.join(node.fields)}."
                )
                self.mistake((*path, key), f'không có mục "{key}" trong «{node.label}».{hint}')
        return {
            key: self.node(child, value.get(key), (*path, key))
            for key, child in node.fields.items()
        }

    def rows(self, node: Rows, value: Any, path: Path_) -> list[dict[str, Any]]:
        if value is None:
            value = []
        if not isinstance(value, list) or not all(isinstance(item, dict) for item in value):
            self.mistake(
                path, f"«{node.label}» phải là danh sách mục ({node.hint or 'mỗi mục một bảng'})."
            )
            value = []
        needed = node.required or self.kind in node.required_for
        if needed and not value:
            self.lack(path, node.label, node.hint)
        return [
            self.table(Table(node.label, node.fields), item, (*path, index))
            for index, item in enumerate(value)
        ]

    def paragraphs(self, node: Paragraphs, value: Any, path: Path_) -> list[str]:
        if value is None:
            value = []
        if isinstance(value, str):
            value = [value]
        if not isinstance(value, list) or not all(isinstance(item, str) for item in value):
            self.mistake(path, f'«{node.label}» phải là danh sách chuỗi: ["...", "..."].')
            value = []
        items = [item.strip() for item in value if item.strip()]
        if node.required and not items:
            self.lack(path, node.label, node.hint)
        return items

    def text(self, node: Text, value: Any, path: Path_) -> str:
        if value is None:
            value = ""
        if isinstance(value, int | float) and not isinstance(value, bool):
            value = str(value)
        if not isinstance(value, str):
            self.mistake(path, f"«{node.label}» phải là một chuỗi trong ngoặc kép.")
            value = ""
        value = " ".join(value.split())
        if "<" in value or ">" in value:
            self.mistake(path, "không dùng thẻ HTML hay dấu < > ở đây; chỉ ghi chữ thường.")
            return ""
        if not value:
            if node.required:
                self.lack(path, node.label, node.hint)
            return ""
        self.format(node, value, path)
        return value

    def format(self, node: Text, value: str, path: Path_) -> None:
        check = node.check
        if check == "phone" and not _PHONE.match(value):
            self.mistake(
                path,
                f'"{value}" không phải số điện thoại; chỉ ghi chữ số và dấu cách, '
                'ví dụ "0200 3 000 101".',
            )
        elif check == "email" and not _EMAIL.match(value):
            self.mistake(
                path,
                f'"{value}" không phải địa chỉ thư điện tử, ví dụ "mttq.anphu@lamgiang.gov.vn".',
            )
        elif check == "url" and not value.startswith("https://"):
            self.mistake(path, f'"{value}" phải là địa chỉ bắt đầu bằng https://.')
        elif check == "image" and not self.exists(value):
            self.mistake(
                path,
                f'không có ảnh "{value}" trong content/. Chép ảnh vào content/images/ '
                'và ghi đường dẫn, ví dụ "images/ban-do.png".',
            )
        elif check.startswith("choice:") and value not in check.removeprefix("choice:").split("|"):
            choices = " hoặc ".join(f'"{c}"' for c in check.removeprefix("choice:").split("|"))
            self.mistake(path, f'"{value}" không hợp lệ; ghi {choices}.')


def check_profile(source: DataFile, exists: Callable[[str], bool]) -> Checked:
    """Validate ``source``; ``exists(relative)`` says whether a content file exists."""
    unit = source.data.get("unit")
    kind = unit.get("kind", "") if isinstance(unit, dict) else ""
    walker = _Walker(source, exists, kind if isinstance(kind, str) else "")
    data = walker.table(PROFILE, source.data, ())
    return Checked(data, walker.mistakes, walker.missing)


def check_data(source: DataFile, schema: Table, exists: Callable[[str], bool]) -> Checked:
    """Validate another data file (the procedures) against its own ``schema``."""
    walker = _Walker(source, exists, "")
    data = walker.table(schema, source.data, ())
    return Checked(data, walker.mistakes, walker.missing)
