"""Stream the rows of a mysqldump / phpMyAdmin ``.sql`` file, without a database.

A careful reader of the statements dumps hold: ``CREATE TABLE`` (for column
names), ``INSERT INTO `t` [(`cols`)] VALUES (...),(...);`` with MySQL string
escapes, multi-row inserts, ``NULL``, numbers, hex and ``_binary``/``_utf8mb4``
introducers. Everything else (``SET``, ``LOCK TABLES``, ``/*!...*/``) is
skipped. Statements are read one at a time, so memory holds one statement,
never the dump; a table that is not wanted is only scanned for its end.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterator
from pathlib import Path

from .errors import SourceError

Value = str | int | float | bytes | None

_ESCAPES = {
    "0": "\0",
    "b": "\b",
    "n": "\n",
    "r": "\r",
    "t": "\t",
    "Z": "\x1a",
    "%": "\\%",  # MySQL keeps the backslash before % and _
    "_": "\\_",
}
_ESCAPE = re.compile(r"\\(.)|''", re.S)
_ANY_ESCAPE = re.compile(r"\\.", re.S)
_CREATE = re.compile(r"CREATE\s+TABLE\s+(?:IF\s+NOT\s+EXISTS\s+)?`?([^`\s(]+)`?", re.I)
_COLUMN = re.compile(r"\s*`([^`]+)`\s+\w")
_INSERT = re.compile(
    r"INSERT\s+(?:IGNORE\s+)?INTO\s+`?([^`\s(]+)`?\s*(?:\(([^)]*)\))?\s*VALUES\s*", re.I
)
_VALUE = re.compile(
    r"""\s*(?:(?:_binary|_utf8mb4|_utf8|_latin1)\s*)?(?:
        '((?:[^'\\]+|\\.|'')*)'          # 1 string
      | (NULL)\b                          # 2 null
      | (-?\d+)(?![\d.eE])                # 3 integer
      | (-?\d*\.?\d+(?:[eE][-+]?\d+)?)    # 4 float
      | 0x([0-9A-Fa-f]*)                  # 5 hex
    )\s*([,)])""",
    re.S | re.X | re.I,
)
_TUPLE_START = re.compile(r"\s*\(")
_TUPLE_NEXT = re.compile(r"\s*([,;])\s*", re.S)


def _unescape(text: str) -> str:
    if "\\" not in text and "''" not in text:
        return text
    return _ESCAPE.sub(
        lambda m: "'" if m.group(1) is None else _ESCAPES.get(m.group(1), m.group(1)), text
    )


def parse_values(statement: str, start: int, where: str) -> Iterator[list[Value]]:
    """The row tuples of an INSERT, from ``start`` (just after VALUES)."""
    pos = start
    while True:
        opened = _TUPLE_START.match(statement, pos)
        if not opened:
            raise SourceError(
                f"{where}: câu lệnh INSERT hỏng (thiếu dấu mở ngoặc của một dòng dữ liệu)."
            )
        pos = opened.end()
        row: list[Value] = []
        while True:
            match = _VALUE.match(statement, pos)
            if not match:
                raise SourceError(f"{where}: câu lệnh INSERT có một giá trị không đọc được.")
            string, null, integer, number, hexa, end = match.groups()
            if string is not None:
                row.append(_unescape(string))
            elif null is not None:
                row.append(None)
            elif integer is not None:
                row.append(int(integer))
            elif number is not None:
                row.append(float(number))
            else:
                row.append(bytes.fromhex(hexa or ""))
            pos = match.end()
            if end == ")":
                break
        yield row
        following = _TUPLE_NEXT.match(statement, pos)
        if not following or following.group(1) == ";":
            return
        pos = following.end()


def _columns(text: str) -> list[str]:
    return [name.strip().strip("`") for name in text.split(",")]


def iter_rows(path: Path, wanted: Callable[[str], bool]) -> Iterator[tuple[str, dict[str, Value]]]:
    """Yield ``(table, row)`` for every row of every wanted table, in dump order.

    Raises :class:`SourceError` for a dump that ends inside a statement (cut
    short by a failed download or a size limit) or that is not UTF-8 text.
    """
    columns: dict[str, list[str]] = {}
    creating: str | None = None
    statement: list[str] = []
    in_string = False
    first_line = 0
    line_no = 0
    try:
        with path.open(encoding="utf-8", newline="") as stream:
            for line_no, line in enumerate(stream, 1):
                if creating is not None:
                    creating = _column_line(line, creating, columns)
                    continue
                if not statement:
                    head = line.lstrip()[:30].upper()
                    if head.startswith("CREATE TABLE"):
                        creating = _create_line(line, columns)
                        continue
                    if not head.startswith(("INSERT", "REPLACE")):
                        continue
                first_line = line_no
                statement.append(line)
                quotes = _ANY_ESCAPE.sub("", line).count("'")
                in_string ^= quotes % 2 == 1
                if in_string or not line.rstrip().endswith(";"):
                    continue
                text = "".join(statement)
                statement = []
                yield from _rows(text, columns, wanted, f"{path.name}:{first_line}")
    except UnicodeDecodeError as error:
        raise SourceError(
            f"{path.name}:{line_no + 1}: tệp không phải văn bản UTF-8 ({error.reason}). "
            "Xuất lại cơ sở dữ liệu với bảng mã utf8mb4 (phpMyAdmin: Xuất › Định dạng SQL)."
        ) from None
    if statement or creating is not None:
        raise SourceError(
            f"{path.name}:{first_line or line_no}: tệp SQL bị cắt cụt (câu lệnh bắt đầu ở "
            "dòng này không có đoạn kết). Tải lại bản sao lưu đầy đủ từ trang quản trị hosting."
        )


def _column_line(line: str, table: str, columns: dict[str, list[str]]) -> str | None:
    """One line of a CREATE TABLE: a column name, or its end (returns None)."""
    if line.lstrip().startswith(")"):
        return None
    column = _COLUMN.match(line)
    if column:
        columns[table].append(column.group(1))
    return table


def _create_line(line: str, columns: dict[str, list[str]]) -> str | None:
    """The first line of a CREATE TABLE: the table now being described."""
    found = _CREATE.match(line.lstrip())
    if not found:
        return None
    columns[found.group(1)] = []
    return None if line.rstrip().endswith(";") else found.group(1)


def _rows(
    text: str, columns: dict[str, list[str]], wanted: Callable[[str], bool], where: str
) -> Iterator[tuple[str, dict[str, Value]]]:
    head = _INSERT.match(text.lstrip().replace("REPLACE", "INSERT", 1))
    if not head:
        return
    table = head.group(1)
    if not wanted(table):
        return
    names = _columns(head.group(2)) if head.group(2) else columns.get(table)
    if not names:
        raise SourceError(
            f"{where}: không biết tên cột của bảng {table} (tệp thiếu câu lệnh CREATE TABLE). "
            "Xuất lại cả cấu trúc lẫn dữ liệu."
        )
    body = text.lstrip().replace("REPLACE", "INSERT", 1)
    for row in parse_values(body, head.end(), where):
        if len(row) != len(names):
            raise SourceError(
                f"{where}: bảng {table} có {len(names)} cột nhưng một dòng dữ liệu có "
                f"{len(row)} giá trị."
            )
        yield table, dict(zip(names, row, strict=True))
