"""Content is regular files inside the repository: nothing else is read or published.

Pelican walks ``content/`` following symbolic links and its static generator
copies whatever a link points to: ``content/files/env.pdf -> /proc/self/environ``
would publish the build's environment, a linked folder the whole folder. The
check walks the tree without following links and reports every link (to a
file or a folder) and every special file (a pipe, a device) by name; the build
runs the same check before any generator reads, so nothing of it is copied.
"""

from __future__ import annotations

import os
import stat
from pathlib import Path


def entry_problem(path: Path) -> str | None:
    """Why ``path`` may not be content (None for a regular file or a real folder)."""
    try:
        mode = path.lstat().st_mode
    except OSError as error:
        return f"Không đọc được tệp: {error.strerror}."
    if stat.S_ISLNK(mode):
        try:
            target = os.readlink(path)
        except OSError:
            target = "?"
        what = "thư mục" if path.is_dir() else "tệp"
        return (
            f'Đây là liên kết tượng trưng (symlink) tới "{target}", không phải {what} thật: '
            "trang chỉ đăng tệp nằm ngay trong kho nội dung. Xóa liên kết này; nếu cần "
            f"{what} đó, chép bản thật vào đây."
        )
    if stat.S_ISDIR(mode) or stat.S_ISREG(mode):
        return None
    return "Đây không phải tệp thường (ống dẫn, thiết bị...): xóa nó khỏi thư mục nội dung."
