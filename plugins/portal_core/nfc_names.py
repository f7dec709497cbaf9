"""File names in decomposed Unicode (NFD), as macOS and some zip tools write them.

``hội-nghị.jpg`` typed in an article is composed (NFC); the same name copied
from a Mac may be stored decomposed: it looks identical, but the link does
not find the file. The check says why ("tên tệp viết ở dạng NFD"), and
``./portal check --fix`` renames such files and folders to NFC.
"""

from __future__ import annotations

import os
from collections.abc import Collection
from pathlib import Path

from .text import nfc


def nfd_twin(target: str, files: Collection[str]) -> str | None:
    """The existing file whose name differs from ``target`` only by its Unicode form."""
    wanted = nfc(target)
    return next((path for path in files if path != target and nfc(path) == wanted), None)


def nfd_message(url: str, actual: str) -> str:
    """What to say when a link misses a file only because of the name's Unicode form."""
    return (
        f'Đường dẫn "{url}" không khớp tên tệp "{actual}": tên tệp viết ở dạng Unicode tổ '
        "hợp (NFD, thường do máy Mac hoặc tệp nén), trông giống nhưng khác chữ trong bài; "
        'chạy "./portal check --fix" để đổi tên tệp sang dạng chuẩn (NFC).'
    )


def rename_to_nfc(root: Path) -> list[tuple[Path, Path]]:
    """Rename every file and folder under ``root`` whose name is not NFC (deepest first).

    A name whose NFC form already exists is left alone (the check still says so).
    """
    done = []
    for folder, dirs, names in os.walk(root, topdown=False):
        for name in [*names, *dirs]:
            composed = nfc(name)
            if composed == name:
                continue
            source, target = Path(folder) / name, Path(folder) / composed
            if target.exists() or source.is_symlink():
                continue
            source.rename(target)
            done.append((source, target))
    return done
