"""Two content files must never be written to the same URL."""

from __future__ import annotations

from collections.abc import Iterable

from .problems import display_path, report


def check_collisions(contents: Iterable) -> None:
    """Report every pair of contents whose output file is the same."""
    owners: dict[str, str] = {}
    for content in contents:
        save_as = getattr(content, "save_as", "")
        if not save_as:
            continue
        source = content.source_path
        first = owners.setdefault(save_as, source)
        if first != source:
            report(
                source,
                0,
                f'Trùng địa chỉ "{content.url}" với tệp {display_path(first)}. '
                'Đổi tiêu đề hoặc thêm dòng "Slug: ..." khác cho một trong hai bài.',
            )
