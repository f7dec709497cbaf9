"""The edit the benchmark makes: one sentence added to an article's body.

Like an editor fixing a detail: the title, date and summary stay, so only the
article's own page changes (its listings show the summary, not the body).
"""

from __future__ import annotations

from pathlib import Path


def edit_article(path: Path, original: str, number: int) -> None:
    """Write ``original`` plus one numbered sentence at the end of the body."""
    sentence = f"Ban biên tập bổ sung thông tin lần thứ {number + 1} sau khi đăng bài."
    path.write_text(original.rstrip("\n") + "\n\n" + sentence + "\n", encoding="utf-8")


def restore_article(path: Path, original: str) -> None:
    """Put the article back as the corpus has it."""
    path.write_text(original, encoding="utf-8")
