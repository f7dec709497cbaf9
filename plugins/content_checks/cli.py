"""``invoke check [--fix]``: the build's checks, in seconds, without building.

Pelican is set up exactly as for a build (settings, every plugin's own
settings checks), which runs the content checks, and stops there: nothing is
rendered or written. ``--fix`` first rewrites files whose encoding or Unicode
form is wrong; it never runs unless asked, and never changes what a file says.
"""

from __future__ import annotations

import os
import sys
from collections.abc import Mapping
from pathlib import Path
from typing import Any, TextIO

from pelican import Pelican

from portal_core.nfc_names import rename_to_nfc
from portal_core.problems import ContentError, display_path, reset
from portal_core.runner import load_settings

from .checker import walk
from .content_checks import last_report, print_summary
from .kinds import ContentKind, Layout
from .placement import place
from .source import decode, repaired


def fix_tree(settings: Mapping[str, Any]) -> list[str]:
    """Rewrite content files in the wrong encoding or in NFD; say what changed."""
    root = Path(settings["PATH"])
    layout = Layout.of(settings)
    done = [
        f"Đã đổi tên {display_path(source)} sang dạng chuẩn NFC: {target.name}."
        for source, target in rename_to_nfc(root)
    ]
    for relative in walk(root, settings):
        kind, _ = place(relative, layout)
        path = root / relative
        if not isinstance(kind, ContentKind) or path.is_symlink():
            continue
        result = repaired(path.read_bytes())
        if result is None:
            continue
        data, changes = result
        check = decode(data)
        if check.encoding is not None or check.nfd_line:  # pragma: no cover - safety net
            continue
        temporary = path.with_name(f".{path.name}.fix")
        temporary.write_bytes(data)
        os.replace(temporary, path)
        done.append(f"Đã sửa {display_path(path)}: {'; '.join(changes)}.")
    return done


def run_check(
    settings_file: str | os.PathLike[str],
    overrides: Mapping[str, Any] | None = None,
    *,
    fix: bool = False,
    out: TextIO | None = None,
    err: TextIO | None = None,
) -> int:
    """Check (and with ``fix`` repair) the content; return the exit status."""
    out, err = out or sys.stdout, err or sys.stderr
    try:
        settings = load_settings(settings_file, overrides)
        if fix:
            out.writelines(f"{line}\n" for line in fix_tree(settings))
        reset()
        Pelican(settings)  # initialized: every plugin's checks, ours included
    except ContentError as error:
        err.write(f"\nNỘI DUNG CÓ {len(error.problems)} LỖI (trang chưa thể xuất bản):\n")
        err.writelines(f"  {problem}\n" for problem in error.problems)
        return 1
    except (ValueError, OSError) as error:
        err.write(f"\nKHÔNG KIỂM TRA ĐƯỢC: {error}\n")
        return 1
    print_summary(last_report(), out)
    out.write("Không có lỗi: nội dung sẵn sàng để xuất bản.\n")
    return 0
