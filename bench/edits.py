"""The edits the benchmark makes, as editors make them after publishing.

Each keeps the article in its place (same date and category): a sentence
added to the body, a rewritten summary (listings show it), a corrected
title (listings and neighbours' "tin mới hơn / tin đã đưa" show it). They
take turns, so three runs make one of each.
"""

from __future__ import annotations

import re
from pathlib import Path

KINDS = ("body", "summary", "title")


def edit_kind(number: int) -> str:
    """Which edit run ``number`` makes."""
    return KINDS[number % len(KINDS)]


def edit_article(path: Path, original: str, number: int) -> None:
    """Write ``original`` with edit number ``number`` (see :data:`KINDS`)."""
    kind = edit_kind(number)
    text = original.rstrip("\n") + "\n"
    if kind == "body":
        sentence = f"Ban biên tập bổ sung thông tin lần thứ {number + 1} sau khi đăng bài."
        text += "\n" + sentence + "\n"
    else:
        key = "Summary" if kind == "summary" else "Title"
        note = f"(Cập nhật lần {number + 1}) "
        text = re.sub(rf"^{key}: ", f"{key}: {note}", text, count=1, flags=re.MULTILINE)
    path.write_text(text, encoding="utf-8")


def restore_article(path: Path, original: str) -> None:
    """Put the article back as the corpus has it."""
    path.write_text(original, encoding="utf-8")
