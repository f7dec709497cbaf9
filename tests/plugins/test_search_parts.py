"""How the search index is cut into parts (plugins/search/parts.py)."""

from __future__ import annotations

import itertools
from pathlib import Path

import pytest

from search.parts import UNDATED, WHOLE, Page, plan_parts
from search.search import SearchConfigError, check_settings


def page(url: str, date: str = "") -> Page:
    return Page(url=url, path=Path(url), date=date, digest=url)


def dated(year: int, month: int, count: int, start: int = 0) -> list[Page]:
    return [
        page(f"/{year}/{month:02d}/{number}/", f"{year}-{month:02d}-{number % 28 + 1:02d}T08:00")
        for number in range(start, start + count)
    ]


def shape(parts) -> list[tuple[str, int]]:
    return [(part.id, len(part.pages)) for part in parts]


def test_a_small_site_is_one_part():
    pages = [*dated(2020, 1, 3), page("/gioi-thieu/")]
    assert shape(plan_parts(pages, 4)) == [(WHOLE, 4)]
    assert plan_parts([], 4) == []


def test_whole_years_newest_first_and_undated_last():
    pages = [*dated(2019, 5, 2), *dated(2020, 3, 2), *dated(2021, 7, 3), page("/lien-he/")]
    assert shape(plan_parts(pages, 4)) == [("2021", 3), ("2019--2020", 4), (UNDATED, 1)]


def test_a_big_year_is_cut_by_months_and_a_big_month_into_runs():
    pages = [*dated(2022, 1, 2), *dated(2022, 2, 1), *dated(2022, 3, 7)]
    assert shape(plan_parts(pages, 3)) == [
        ("2022-03.3", 1),
        ("2022-03.2", 3),
        ("2022-03.1", 3),
        ("2022-01--2022-02", 3),
    ]


@pytest.mark.parametrize("limit", [1, 2, 3, 5, 8])
def test_every_page_once_in_parts_within_the_limit(limit):
    pages = [*dated(2018, 4, 4), *dated(2019, 1, 6), *dated(2019, 9, 1), page("/a/"), page("/b/")]
    parts = plan_parts(pages, limit)
    placed = [one.url for part in parts for one in part.pages]
    assert sorted(placed) == sorted(one.url for one in pages)
    assert all(len(part.pages) <= limit for part in parts)
    # Date ranges do not overlap and run newest first: sorting by date is
    # "parts in order, each part sorted".
    ranges = [
        (min(one.date for one in part.pages), max(one.date for one in part.pages))
        for part in parts
        if part.id != UNDATED
    ]
    assert all(older[1] <= newer[0] for newer, older in itertools.pairwise(ranges))


def test_a_new_article_changes_only_the_newest_part():
    pages = [*dated(2019, 5, 4), *dated(2020, 3, 5), *dated(2021, 7, 2), page("/lien-he/")]
    before = plan_parts(pages, 3)
    after = plan_parts([*pages, page("/2021/08/1/", "2021-08-02T09:00")], 3)
    assert after[1:] == before[1:]
    assert after[0].id == before[0].id == "2021"
    assert len(after[0].pages) == len(before[0].pages) + 1
    # A full newest part: the next article starts a part of its own.
    later = plan_parts([*pages, *dated(2021, 9, 1, start=5), *dated(2021, 10, 1, start=6)], 3)
    assert later[2:] == before[1:]
    assert [part.id for part in later[:2]] == ["2021-10", "2021-07--2021-09"]


@pytest.mark.parametrize("value", [0, -5, "2000", 2.5, True])
def test_part_size_setting_is_a_positive_whole_number(value):
    with pytest.raises(SearchConfigError, match="SEARCH_PART_PAGES phải là một số nguyên từ 1"):
        check_settings({"SEARCH_PART_PAGES": value})


def test_part_size_setting_has_a_default():
    settings: dict = {}
    check_settings(settings)
    assert settings["SEARCH_PART_PAGES"] == 2000


def _html(body: str, sidebar: str) -> bytes:
    return (
        '<!DOCTYPE html><html lang="vi"><head><title>Tin</title></head><body>'
        f'<main><h1 data-pagefind-body>Tin</h1><div class="x" data-pagefind-body><div><p>{body}</p>'
        '</div></div><div hidden data-pagefind-ignore><span data-pagefind-filter="type">Tin bài'
        "</span></div></main><aside><img src='/a.jpg' alt=''>"
        f"<ul>{sidebar}</ul></aside></body></html>"
    ).encode()


def test_the_cache_key_reads_what_pagefind_reads():
    from search.site_pages import indexed_input  # noqa: PLC0415

    key = indexed_input(_html("Bà con làm đường.", "<li>Tin mới 1</li>"))
    # The sidebar's latest news change with every new article: same key.
    assert indexed_input(_html("Bà con làm đường.", "<li>Tin mới 2</li>")) == key
    # The text, nested elements included, changes it.
    assert indexed_input(_html("Bà con làm cầu.", "<li>Tin mới 1</li>")) != key
    assert b'<span data-pagefind-filter="type">' in key
    assert b"<img src='/a.jpg'" in key  # Pagefind's default image: first after the <h1>


def _sized_parts(*sizes: int) -> list:
    from search.parts import Part  # noqa: PLC0415

    return [
        Part(f"p{number}", tuple(page(f"{number}-{i}", "2024-01-01") for i in range(size)))
        for number, size in enumerate(sizes)
    ]


def test_parts_run_side_by_side_within_the_memory_budget():
    """Pagefind processes of one build never need more than the budget together."""
    import threading  # noqa: PLC0415
    import time  # noqa: PLC0415

    from search.indexer import part_memory, run_within_budget  # noqa: PLC0415

    parts = _sized_parts(1984, 1981, 991, 1949, 1046, 2)
    lock = threading.Lock()
    running: list[float] = []
    peaks: list[tuple[int, float]] = []

    def build(number, part):
        with lock:
            running.append(part_memory(part))
            peaks.append((len(running), sum(running)))
        time.sleep(0.05)
        with lock:
            running.remove(part_memory(part))
        return {"page": len(part.pages)}

    results = run_within_budget(parts, build, 1000, 2)
    assert [result["page"] for result in results] == [len(part.pages) for part in parts]
    assert max(count for count, _ in peaks) == 2  # both cores used
    assert max(memory for _, memory in peaks) <= 1000


def test_a_part_above_the_budget_runs_alone_and_errors_reach_the_build():
    from search.indexer import SearchIndexError, run_within_budget  # noqa: PLC0415

    seen = []

    def build(number, part):
        seen.append(number)
        if number == 1:
            raise SearchIndexError("phần 1 hỏng")
        return {"page": len(part.pages)}

    assert run_within_budget(_sized_parts(5000), build, 1000, 2) == [{"page": 5000}]
    with pytest.raises(SearchIndexError, match="phần 1 hỏng"):
        run_within_budget(_sized_parts(10, 20, 30), build, 1000, 1)
