"""Which pages go into which part of the search index.

Pagefind's memory grows with the pages of one index (about 0.2 MB a page while
it writes), so a big site is indexed as several parts that the browser merges
(``js/search.js``). A part holds a contiguous date range, so that sorting by
date is "newest part first, each part sorted"; boundaries are stable, so that
an unchanged part is taken from the cache (:mod:`.part_cache`):

- dated pages are cut into units, oldest first: a whole year while it has at
  most ``limit`` pages, else its months, and a month above ``limit`` into runs
  of ``limit`` pages in date order;
- units are packed, oldest first, into parts of at most ``limit`` pages.
  Packing from the oldest end means that a new article changes only the
  newest part (and, when that part is full, starts a new one);
- undated pages (information pages, procedures, the unit's profile) form
  their own parts, last in date order as in one index, where they sort as
  "0000"; a page without a date never moves an article's part.

A site of at most ``limit`` pages is one part holding everything, as before.
"""

from __future__ import annotations

import itertools
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from pathlib import Path

# The id of the only part of a small site.
WHOLE = "all"
UNDATED = "undated"


@dataclass(frozen=True)
class Page:
    """One page Pagefind indexes."""

    url: str  # as Pagefind's CLI names it: "/2024/03/05/slug/"
    path: Path  # the HTML file
    date: str  # its sort date ("2024-03-05T08:30:00+07:00"), "" if undated
    digest: str  # hash of its HTML


@dataclass(frozen=True)
class Part:
    """A set of pages indexed together."""

    id: str  # also its folder under the bundle and its "part" filter value
    pages: tuple[Page, ...] = field(repr=False)


@dataclass
class _Unit:
    label: str
    pages: list[Page]


def _ordered(pages: Iterable[Page]) -> list[Page]:
    return sorted(pages, key=lambda page: (page.date, page.url))


def _runs(label: str, pages: list[Page], limit: int) -> list[_Unit]:
    """``pages`` (ordered) as units of at most ``limit``, numbered from the oldest."""
    if len(pages) <= limit:
        return [_Unit(label, pages)]
    return [
        _Unit(f"{label}.{number}", pages[start : start + limit])
        for number, start in enumerate(range(0, len(pages), limit), start=1)
    ]


def _units(dated: list[Page], limit: int) -> list[_Unit]:
    """Years, months of big years, runs of big months; oldest first."""
    units: list[_Unit] = []
    for year, in_year in itertools.groupby(dated, key=lambda page: page.date[:4]):
        year_pages = list(in_year)
        if len(year_pages) <= limit:
            units.append(_Unit(year, year_pages))
            continue
        for month, in_month in itertools.groupby(year_pages, key=lambda page: page.date[:7]):
            units.extend(_runs(month, list(in_month), limit))
    return units


def _pack(units: list[_Unit], limit: int) -> list[Part]:
    """Consecutive units, oldest first, in parts of at most ``limit`` pages."""
    groups: list[list[_Unit]] = []
    size = 0
    for unit in units:
        if not groups or size + len(unit.pages) > limit:
            groups.append([])
            size = 0
        groups[-1].append(unit)
        size += len(unit.pages)
    parts = []
    for group in groups:
        first, last = group[0].label, group[-1].label
        label = first if first == last else f"{first}--{last}"
        parts.append(Part(label, tuple(page for unit in group for page in unit.pages)))
    return parts


def plan_parts(pages: Sequence[Page], limit: int) -> list[Part]:
    """The parts of the index, in the browser's order: newest first, undated last."""
    if not pages:
        return []
    if len(pages) <= limit:
        return [Part(WHOLE, tuple(_ordered(pages)))]
    dated = _ordered(page for page in pages if page.date)
    undated = _ordered(page for page in pages if not page.date)
    parts = _pack(_units(dated, limit), limit)
    parts.reverse()
    parts.extend(Part(unit.label, tuple(unit.pages)) for unit in _runs(UNDATED, undated, limit))
    return [part for part in parts if part.pages]
