"""The search index in parts, built for real: stable parts, reused from the cache."""

from __future__ import annotations

import json
import logging
import shutil
import subprocess
from pathlib import Path
from unittest.mock import ANY

import pytest

from search.indexer import CONFIG, PARTS_FILE, UNUSED_FILES, build_index, executable
from search.parts import plan_parts
from search.service import Service
from search.site_pages import indexed_input, page_url, scan_site
from tests.search_index import comparable, files_of
from tests.support import build_site, write_files

PART_PAGES = 3
BASE = {"VISITOR_COUNTER": None, "SEARCH_PART_PAGES": PART_PAGES}


def article(number: int, year: int, body: str = "") -> tuple[str, str]:
    text = body or f"Tin số {number}: bà con khu phố {number} cùng làm đường."
    return (
        f"articles/tin-tuc-su-kien/tin-{number}.md",
        f"Title: Tin số {number} năm {year}\nDate: {year}-0{number % 9 + 1}-1{number % 9} 08:00\n"
        f"Category: Tin tức sự kiện\nSummary: Tin số {number}.\n\n{text}\n",
    )


def corpus() -> dict[str, str]:
    files = dict(article(number, 2020 + number % 4) for number in range(1, 15))
    files["pages/gioi-thieu.md"] = "Title: Giới thiệu\n\nỦy ban Mặt trận Tổ quốc phường.\n"
    return files


def listing(site: Path) -> list[dict[str, str]]:
    return json.loads((site / "pagefind" / "parts.json").read_text())["parts"]


def part_folder(site: Path, part: dict[str, str]) -> Path:
    return site / "pagefind" / part["path"]


@pytest.fixture
def content(tmp_path: Path) -> Path:
    return write_files(tmp_path / "content", corpus())


def test_an_edited_article_rebuilds_its_part_only(tmp_path, content, caplog):
    cache = tmp_path / "cache"
    site = build_site(content, tmp_path / "site", CACHE_PATH=str(cache), **BASE)
    parts = listing(site)
    assert len(parts) > 3
    before = {part["id"]: files_of(part_folder(site, part)) for part in parts}

    # The same pages again: every part comes from the cache, byte for byte.
    stats = build_index(site, part_pages=PART_PAGES, cache_dir=cache / "search")
    assert (stats.parts, stats.reused) == (len(parts), len(parts))
    assert {part["id"]: files_of(part_folder(site, part)) for part in parts} == before

    edited, text = article(5, 2021, "Bài đã sửa: khu phố 5 khánh thành nhà văn hóa mới.")
    (content / edited).write_text(text, encoding="utf-8")
    with caplog.at_level(logging.INFO, logger="search"):
        build_site(content, tmp_path / "site", CACHE_PATH=str(cache), **BASE)
    assert f"{len(parts) - 1} phần lấy lại từ bộ đệm" in caplog.text
    assert listing(site) == parts
    after = {part["id"]: files_of(part_folder(site, part)) for part in parts}
    changed = [name for name in before if after[name] != before[name]]
    holding = [
        part.id
        for part in plan_parts(scan_site(site, site / "pagefind"), PART_PAGES)
        if any("tin-so-5-" in page.url for page in part.pages)
    ]
    assert changed == holding

    # What the cache gave equals what a fresh index of those pages gives.
    fresh = tmp_path / "fresh"
    shutil.copytree(site, fresh)
    build_index(fresh, part_pages=PART_PAGES)
    assert listing(fresh) == parts
    for part in parts:
        assert comparable(files_of(part_folder(fresh, part))) == comparable(after[part["id"]])


def test_new_articles_leave_the_older_parts_as_they_were(tmp_path, content):
    cache = tmp_path / "cache"

    def build_with(number: int, date: str) -> tuple[list[dict[str, str]], dict[str, dict]]:
        name, text = article(number, 2024)
        write_files(content, {name: text.replace(text.split("\n")[1], f"Date: {date} 08:00")})
        site = build_site(content, tmp_path / "site", CACHE_PATH=str(cache), **BASE)
        parts = listing(site)
        return parts, {part["id"]: files_of(part_folder(site, part)) for part in parts}

    site = build_site(content, tmp_path / "site", CACHE_PATH=str(cache), **BASE)
    parts = listing(site)
    files = {part["id"]: files_of(part_folder(site, part)) for part in parts}
    # The first article of a new year: a new newest part, the others unchanged.
    first_parts, first_files = build_with(15, "2024-01-05")
    assert first_parts[1:] == [{**part, "path": f"parts/{part['id']}/"} for part in parts]
    assert {part["id"]: first_files[part["id"]] for part in parts[1:]} == {
        part["id"]: files[part["id"]] for part in parts[1:]
    }
    # The next one joins the newest part, which has room: nothing else changes.
    second_parts, second_files = build_with(16, "2024-02-01")
    assert second_parts == first_parts
    changed = [name for name in first_files if second_files[name] != first_files[name]]
    assert changed == [first_parts[0]["id"]]


def test_pagefind_is_sent_what_it_reads_of_each_page(built_site, tmp_path):
    """The whole pages, sent to Pagefind in the same order, give the same index.

    The indexer hands Pagefind only the marked elements, title, heading and
    image of each page (``site_pages.indexed_input``), a small share of the
    HTML, over its service's pipe; Pagefind's command line over the whole
    pages writes the same page fragments (what a result shows) and counts.
    """
    (part,) = plan_parts(scan_site(built_site, built_site / "pagefind"), 2000)
    whole_pages = [
        (page_url(page.path.relative_to(built_site).as_posix()), page.path.read_bytes())
        for page in part.pages
    ]
    sent_whole = tmp_path / "sent-whole"
    with Service(executable(), CONFIG, tmp_path, {}) as service:
        service.add(whole_pages)
        service.write(sent_whole)
    ours = files_of(built_site / "pagefind")
    assert len(listing(built_site)) == 1  # the demo site: one part
    assert any(name.startswith("fragment/") for name in ours)
    assert comparable({name: ours[name] for name in ours if name != PARTS_FILE}) == comparable(
        {name: data for name, data in files_of(sent_whole).items() if name not in UNUSED_FILES}
    )

    whole = tmp_path / "whole"
    for page in part.pages:
        copy = whole / page.path.relative_to(built_site)
        copy.parent.mkdir(parents=True, exist_ok=True)
        shutil.copyfile(page.path, copy)
    subprocess.run(
        [str(executable()), "--site", str(whole), "--force-language=vi"],
        cwd=tmp_path,
        check=True,
        capture_output=True,
    )
    theirs = files_of(whole / "pagefind")

    def fragments(files: dict[str, bytes]) -> dict[str, bytes]:
        return {name: data for name, data in files.items() if name.startswith("fragment/")}

    assert fragments(ours) == fragments(theirs)
    assert json.loads(ours["pagefind-entry.json"])["languages"] == {
        language: {**entry, "hash": ANY}
        for language, entry in json.loads(theirs["pagefind-entry.json"])["languages"].items()
    }
    sent = sum(len(indexed_input(page.path.read_bytes())) for page in part.pages)
    assert sent < sum(page.path.stat().st_size for page in part.pages) / 4


def test_every_part_is_written_whole(tmp_path, content):
    """No file of any part is left empty (Pagefind's own writing once left one so)."""
    site = build_site(content, tmp_path / "site", CACHE_PATH=str(tmp_path / "cache"), **BASE)
    parts = listing(site)
    assert len(parts) > 3
    for part in parts:
        files = files_of(part_folder(site, part))
        assert json.loads(files["pagefind-entry.json"])["languages"]["vi"]["page_count"] >= 1
        assert [name for name, data in files.items() if not data] == []
