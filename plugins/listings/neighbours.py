"""Newer and earlier articles of one category, and where its listing continues.

"Tin mới hơn" (newer in the same category) and "tin đã đưa" (earlier in the
same category) are windows around each article's position in the category
list, which Pelican keeps in the site's one order (newest first, ties by source
path, see the categories plugin). One pass per category, slices of a few items:
the work is linear in the number of articles.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any


@dataclass(frozen=True)
class Neighbours:
    """What the article page lists around one article."""

    newer: list[Any]
    earlier: list[Any]
    # 1-based page of the category listing that holds the first article after
    # ``earlier``; None when ``earlier`` already reaches the oldest article.
    more_page: int | None


def page_of(index: int, per_page: int | None, count: int, orphans: int = 0) -> int:
    """Return the 1-based listing page that shows item ``index`` (0-based).

    Mirrors Pelican's paginator: ``per_page`` None or 0 means one page, and up
    to ``orphans`` items left over at the end stay on the last page.
    """
    if not per_page:
        return 1
    last = max(1, -(-max(1, count - orphans) // per_page))
    return min(index // per_page + 1, last)


def category_neighbours(
    articles: Sequence[Any],
    newer_count: int,
    earlier_count: int,
    per_page: int | None,
    orphans: int = 0,
) -> list[Neighbours]:
    """Return, for each article of an ordered category list, its neighbours."""
    count = len(articles)
    result = []
    for index in range(count):
        newer = list(articles[max(0, index - newer_count) : index])
        earlier = list(articles[index + 1 : index + 1 + earlier_count])
        following = index + 1 + len(earlier)
        more_page = None
        if earlier and following < count:
            more_page = page_of(following, per_page, count, orphans)
        result.append(Neighbours(newer, earlier, more_page))
    return result
