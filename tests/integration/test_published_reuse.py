"""A published build reuses the pages of the site it replaces, and only what still holds.

``BUILD_SPEED_REUSE_PAGES`` (production settings, CI): each page whose
signature did not change is taken from the last published site instead of
being rendered. The site and the cache come back in CI as copies (a cache
restored into new folders), so trust rests on content: the recorded digest of
each file, and the digest of the code. Every test compares the result with a
clean full build of the same content, byte for byte.

Timings are not asserted here; ``invoke bench`` reports them.
"""

from __future__ import annotations

import json
import shutil
from pathlib import Path

import pytest
from live_preview import incremental

from portal_core.runner import run_atomic
from search import search
from search.indexer import build_index
from tests.integration.test_build_speed import (
    QUIET,
    SMALL_PAGES,
    _articles,
    _page_of,
    assert_same_site,
    editors_push,
    generated_site,
)
from tests.search_index import comparable, files_of
from tests.support import build_site, site_settings


@pytest.fixture
def content(tmp_path: Path) -> Path:
    """The demo site plus generated articles, in a folder the test may change."""
    return generated_site(tmp_path / "content")


def _publish(content: Path, site: Path, cache: Path, **settings) -> incremental.Session:
    """A published build of ``content`` into ``site``, as ``./portal build --prod`` does."""
    values = {
        "CACHE_PATH": str(cache),
        "CACHE_CONTENT": True,
        "LOAD_CONTENT_CACHE": True,
        "BUILD_SPEED_REUSE_PAGES": True,
        # Small enough that the test site is shared with a forked writer.
        "BUILD_SPEED_PARALLEL_MIN_FILES": 10,
        **QUIET,
        **SMALL_PAGES,
        **settings,
    }
    run_atomic(site_settings(content, site, **values))
    session = incremental.last()
    assert session is not None
    return session


def _restored(site: Path, cache: Path, target: Path) -> tuple[Path, Path]:
    """The site and cache as a CI cache brings them back: copies in new folders."""
    shutil.copytree(site, target / "site")
    shutil.copytree(cache, target / "cache")
    return target / "site", target / "cache"


def _html(site: Path) -> set[str]:
    return {path.relative_to(site).as_posix() for path in site.rglob("*.html")}


@pytest.mark.parametrize("processes", [1, 2])
def test_a_content_push_reuses_the_restored_site_and_equals_a_clean_build(
    content, tmp_path, processes
):
    first = _publish(content, tmp_path / "site", tmp_path / "cache")
    assert first.kept == 0  # nothing recorded yet: every page is rendered
    site, cache = _restored(tmp_path / "site", tmp_path / "cache", tmp_path / "ci")
    edited, retitled = editors_push(content)

    push = _publish(content, site, cache, BUILD_SPEED_PROCESSES=processes)

    assert_same_site(site, build_site(content, tmp_path / "clean", **QUIET, **SMALL_PAGES))
    # Most pages came from the restored site; the edited ones were rendered.
    assert push.kept > len(_html(site)) / 2
    assert {_page_of(edited), _page_of(retitled)} <= set(push.written)
    assert not {_page_of(edited), _page_of(retitled)} & push.kept_pages


def test_nothing_changed_keeps_every_signed_page(content, tmp_path):
    first = _publish(content, tmp_path / "site", tmp_path / "cache")
    site, cache = _restored(tmp_path / "site", tmp_path / "cache", tmp_path / "ci")
    again = _publish(content, site, cache)
    signed = {name for name, signature in first.current.items() if signature is not None}
    assert again.kept_pages == signed
    assert_same_site(site, tmp_path / "site")


def test_a_page_changed_on_disk_is_rendered_again(content, tmp_path):
    site, cache = tmp_path / "site", tmp_path / "cache"
    _publish(content, site, cache)
    page = _page_of(_articles(content)[3])
    original = (site / page).read_bytes()
    # Someone edits the published file by hand (or the disk corrupts it).
    (site / page).write_bytes(original.replace(b"</body>", b"<script>alert(1)</script></body>"))
    again = _publish(content, site, cache)
    assert page in again.written and page not in again.kept_pages
    assert (site / page).read_bytes() == original


def test_a_change_of_code_renders_every_page(content, tmp_path):
    extra = tmp_path / "extra_plugins"
    extra.mkdir()
    (extra / "local_note.py").write_text('NOTE = "một"\n', encoding="utf-8")
    paths = {"PLUGIN_PATHS": [str(Path("plugins").resolve()), str(extra)]}
    site, cache = tmp_path / "site", tmp_path / "cache"
    _publish(content, site, cache, **paths)
    (extra / "local_note.py").write_text('NOTE = "hai"\n', encoding="utf-8")
    again = _publish(content, site, cache, **paths)
    assert again.kept == 0


def test_the_daily_rebuild_follows_the_clock(content, tmp_path):
    """Scheduled articles appear, notices expire: a later day equals its clean build."""
    site, cache = tmp_path / "site", tmp_path / "cache"
    _publish(content, site, cache, BUILD_DATE="2026-11-16 08:00")
    later = "2027-02-01 08:00"
    _publish(content, site, cache, BUILD_DATE=later)
    clean = build_site(content, tmp_path / "clean", BUILD_DATE=later, **QUIET, **SMALL_PAGES)
    assert_same_site(site, clean)


def test_a_full_build_between_publications_is_not_trusted_blindly(content, tmp_path):
    site, cache = tmp_path / "site", tmp_path / "cache"
    _publish(content, site, cache)
    # A development build (other settings) replaces the site.
    run_atomic(site_settings(content, site, CACHE_PATH=str(cache), **QUIET))
    _publish(content, site, cache)
    assert_same_site(site, build_site(content, tmp_path / "clean", **QUIET, **SMALL_PAGES))


def test_a_damaged_record_renders_every_page(content, tmp_path):
    site, cache = tmp_path / "site", tmp_path / "cache"
    _publish(content, site, cache)
    (cache / incremental.PUBLISHED_RECORD_NAME).write_bytes(b"\x80\x05 not a record")
    again = _publish(content, site, cache)
    assert again.kept == 0
    assert_same_site(site, build_site(content, tmp_path / "clean", **QUIET, **SMALL_PAGES))


def test_a_push_indexes_kept_pages_from_the_record(content, tmp_path):
    """Kept pages enter the search index from the record, and the index is still whole."""
    indexed = {"SEARCH_INDEX": True, "SEARCH_PART_PAGES": 40}
    _publish(content, tmp_path / "site", tmp_path / "cache", **indexed)
    site, cache = _restored(tmp_path / "site", tmp_path / "cache", tmp_path / "ci")
    editors_push(content)

    push = _publish(content, site, cache, **indexed)

    # What the index needs of each kept page travelled with the record: no
    # page was read again to find it.
    kept = [name for name in push.kept_pages if name.endswith(".html")]
    assert kept
    assert all("search" in push.notes.get(name, {}) for name in kept)
    assert search.last_stats is not None
    assert search.last_stats.read == 0
    # The same index as Pagefind makes reading every page of the site again.
    fresh = shutil.copytree(site, tmp_path / "fresh")
    build_index(fresh, part_pages=40)
    parts = json.loads((site / "pagefind" / "parts.json").read_text())["parts"]
    assert len(parts) > 2
    for part in parts:
        ours, theirs = (folder / "pagefind" / part["path"] for folder in (site, fresh))
        assert comparable(files_of(ours)) == comparable(files_of(theirs)), part["id"]
