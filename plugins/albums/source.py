"""Reading an album file: its header, and each photo's caption line.

Pure functions of the file's text, shared by the checks (``checks.py``) and the
generator (``albums.py``).
"""

from __future__ import annotations

import posixpath
import re
from collections.abc import Collection

from content_model.header import parse_header

PHOTO_EXTENSIONS = {".jpg", ".jpeg", ".png", ".webp"}
CAPTION = re.compile(r"^\s*[-*]\s+(?P<name>[^:\s][^:]*?)\s*:\s*(?P<caption>.*?)\s*$")


def parse_captions(body: str, first_line: int) -> tuple[list[tuple[str, str, int]], list]:
    """``(file name, caption, line)`` of each body line, and ``(line, message)`` problems."""
    found, problems = [], []
    for offset, line in enumerate(body.splitlines()):
        if not line.strip():
            continue
        number = first_line + offset
        match = CAPTION.match(line)
        if not match:
            problems.append(
                (number, 'Mỗi dòng là một ảnh và chú thích: "- ten-anh.jpg: Chú thích ảnh."')
            )
            continue
        if not match["caption"]:
            problems.append((number, f'Ảnh "{match["name"]}" chưa có chú thích sau dấu hai chấm.'))
            continue
        found.append((match["name"], match["caption"], number))
    return found, problems


def split_source(text: str) -> tuple[dict[str, tuple[str, int]], str, int]:
    """Header ``{key: (value, line)}``, the body and the body's first line.

    Read with the content model's one header reader (``content_model.header``).
    """
    header = parse_header(text)
    fields = {key: (found.value, found.line) for key, found in header.fields.items()}
    return fields, header.body(text), header.body_line


def album_problems(text: str, files: Collection[str]) -> list[tuple[int, str]]:
    """Everything wrong with one album file (pure: ``files`` lists content/)."""
    header, body, first = split_source(text)
    problems = []
    folder_value, folder_line = header.get("photos", ("", 1))
    folder = folder_value.removeprefix("{static}").strip("/")
    if not folder:
        return []  # a required field: the content model's check says it is missing
    in_folder = {
        posixpath.basename(name)
        for name in files
        if posixpath.dirname(name) == folder
        and posixpath.splitext(name)[1].lower() in PHOTO_EXTENSIONS
    }
    if not in_folder:
        return [(folder_line, f'Không thấy ảnh nào trong "content/{folder}/".')]
    captions, problems = parse_captions(body, first)
    named = set()
    for name, _caption, line in captions:
        named.add(name)
        if name not in in_folder:
            problems.append((line, f'Không thấy ảnh "{name}" trong "content/{folder}/".'))
    for name in sorted(in_folder - named):
        problems.append(
            (folder_line, f'Ảnh "{name}" trong "content/{folder}/" chưa có dòng chú thích.')
        )
    return problems
