"""The fast paths write what a plain build writes.

- The linear articles generator (PELICAN_CLASS) produces the same site, byte
  for byte, as Pelican's own generator.
- The preview's incremental build, after an article is edited, added and
  deleted, leaves exactly the files a clean full build writes (every page,
  listings and archives included), while rendering only some of them.

Timings are not asserted here; ``invoke bench`` reports them.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from bench.corpus import IMAGES, article, write_images
from build_speed import hot, incremental
from portal_core.runner import BuildFailed
from tests.support import build_site, copy_demo_content, read_header, soup

# Enough articles for several listing pages per category and per year.
GENERATED = 80
# Pagination short enough that one added article shifts whole listings.
SMALL_PAGES = {
    "DEFAULT_PAGINATION": 5,
    "PAGINATED_TEMPLATES": {"category": 5, "period_archives": 5, "news": 5},
}
QUIET = {"SEARCH_INDEX": False}
# Files that carry the time of the build ("as_of"): equal in name only.
STAMPED = {"documents.json"}


def _categories() -> list[dict]:
    import pelicanconf  # noqa: PLC0415 - the real registry

    return pelicanconf.CATEGORIES


@pytest.fixture
def content(tmp_path: Path) -> Path:
    """The demo site plus generated articles, in a folder the test may change."""
    folder = copy_demo_content(tmp_path / "content")
    write_images(folder / IMAGES)
    for index in range(GENERATED):
        relative, text = article(index, _categories())
        path = folder / relative
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(text, encoding="utf-8")
    return folder


def files(site: Path) -> dict[str, bytes]:
    """Every file of a built site, by relative path."""
    return {
        path.relative_to(site).as_posix(): path.read_bytes()
        for path in sorted(site.rglob("*"))
        if path.is_file()
    }


def assert_same_site(actual: Path, expected: Path) -> None:
    """Same files with the same bytes; name the differences when not."""
    got, want = files(actual), files(expected)
    missing = sorted(set(want) - set(got))
    extra = sorted(set(got) - set(want))
    differ = sorted(name for name in set(got) & set(want) - STAMPED if got[name] != want[name])
    assert not (missing or extra or differ), (
        f"missing {missing[:10]}, extra {extra[:10]}, different {differ[:10]}"
    )


def test_linear_generator_writes_the_same_site_as_pelican(content, tmp_path):
    ours = build_site(content, tmp_path / "ours", **QUIET, **SMALL_PAGES)
    stock = build_site(
        content, tmp_path / "stock", PELICAN_CLASS="pelican.Pelican", **QUIET, **SMALL_PAGES
    )
    assert (ours / "chuyen-muc" / "tin-tuc-su-kien" / "trang-2" / "index.html").exists()
    assert_same_site(ours, stock)


def _incremental(content: Path, output: Path, cache: Path, **settings) -> incremental.Session:
    build_site(
        content,
        output,
        CACHE_PATH=str(cache),
        CACHE_CONTENT=True,
        LOAD_CONTENT_CACHE=True,
        BUILD_SPEED_INCREMENTAL=True,
        **QUIET,
        **SMALL_PAGES,
        **settings,
    )
    session = incremental.last()
    assert session is not None
    return session


def _articles(content: Path) -> list[Path]:
    """Generated articles (they name their slug), newest first."""
    paths = [path for path in content.rglob("articles/*/*.md") if "slug" in read_header(path)]
    return sorted(paths, key=lambda path: read_header(path)["date"], reverse=True)


def _mtimes(site: Path) -> dict[str, int]:
    return {
        path.relative_to(site).as_posix(): path.stat().st_mtime_ns for path in site.rglob("*.html")
    }


def test_incremental_build_equals_a_clean_full_build(content, tmp_path):
    output, cache = tmp_path / "preview", tmp_path / "cache"
    first = _incremental(content, output, cache)
    assert first.kept == 0  # nothing recorded yet: every page is rendered
    before = _mtimes(output)

    ordered = _articles(content)
    edited, retitled, deleted = (ordered[len(ordered) * k // 6] for k in (2, 3, 4))
    # An editor fixes a body sentence, retitles an article, deletes one, adds
    # one (an old report typed in late, so the home page stays as it is).
    edited.write_text(
        edited.read_text(encoding="utf-8") + "\nThêm một câu ở cuối bài.\n", encoding="utf-8"
    )
    text = retitled.read_text(encoding="utf-8")
    retitled.write_text(text.replace("Title: ", "Title: (Cập nhật) ", 1), encoding="utf-8")
    deleted.unlink()
    relative, text = article(GENERATED + 7, _categories())
    added = content / relative.replace(relative.split("/")[-1][:10], "2017-03-04")
    lines = [
        "Date: 2017-03-04 09:15" if line.startswith("Date:") else line for line in text.splitlines()
    ]
    added.write_text("\n".join(lines) + "\n", encoding="utf-8")

    second = _incremental(content, output, cache)
    clean = build_site(content, tmp_path / "clean", **QUIET, **SMALL_PAGES)
    assert_same_site(output, clean)
    # Only the pages concerned were rendered; the others were not touched.
    after = _mtimes(output)
    touched = {name for name, mtime in after.items() if before.get(name) != mtime}
    assert second.removed >= 1
    assert second.kept > len(after) / 2
    assert touched == {name for name in second.written if name.endswith(".html")}
    header = read_header(edited)
    edited_page = f"{header['date'][:10].replace('-', '/')}/{header['slug']}/index.html"
    assert edited_page in touched


def test_what_every_page_shows_renders_every_page_again(content, tmp_path):
    output, cache = tmp_path / "preview", tmp_path / "cache"
    _incremental(content, output, cache)
    links = [("Cổng thông tin thành phố", "https://lamgiang.example.gov.vn/")]
    again = _incremental(content, output, cache, WEB_LINKS=links)
    assert again.kept == 0
    clean = build_site(content, tmp_path / "clean", WEB_LINKS=links, **QUIET, **SMALL_PAGES)
    assert_same_site(output, clean)


def test_a_mistake_in_the_content_does_not_cost_a_full_render(content, tmp_path):
    output, cache = tmp_path / "preview", tmp_path / "cache"
    first = _incremental(content, output, cache)
    article = _articles(content)[5]
    text = article.read_text(encoding="utf-8")
    article.write_text(text.replace("Date: ", "Date: 31/02/", 1), encoding="utf-8")
    with pytest.raises(BuildFailed):
        _incremental(content, output, cache)
    article.write_text(text, encoding="utf-8")
    fixed = _incremental(content, output, cache)
    # The failed build stopped before writing: the record still held, and
    # only the pages rendered on every build are rendered.
    assert fixed.kept > first.rendered / 2
    assert fixed.kept + fixed.rendered == first.rendered


def test_full_build_forgets_the_record(content, tmp_path):
    output, cache = tmp_path / "preview", tmp_path / "cache"
    _incremental(content, output, cache)
    build_site(content, output, CACHE_PATH=str(cache), **QUIET)
    again = _incremental(content, output, cache)
    # The full build rewrote pages behind the record's back: trust none.
    assert again.kept == 0


def test_hot_update_shows_the_edit_then_the_build_makes_it_exact(content, tmp_path):
    output, cache = tmp_path / "preview", tmp_path / "cache"
    _incremental(content, output, cache)
    edited = _articles(content)[10]
    header = read_header(edited)
    page = f"{header['date'][:10].replace('-', '/')}/{header['slug']}/index.html"
    text = edited.read_text(encoding="utf-8")
    edited.write_text(text + '\nCâu mới: "Ngày hội" -- năm 2024...\n', encoding="utf-8")

    quick = hot.update([edited])
    assert quick is not None
    assert quick.pages == [page]
    clean = build_site(content, tmp_path / "clean", **QUIET, **SMALL_PAGES)
    # At once: the new text, as the reader will read it (typography included).
    shown = soup(output / page).select_one(".article__body").get_text(" ", strip=True)
    assert shown == soup(clean / page).select_one(".article__body").get_text(" ", strip=True)
    assert "Câu mới: “Ngày hội” – năm\xa02024…" in shown  # widont: no lone last word
    # Then the incremental build renders that page again: exactly the full build's.
    assert page in _incremental(content, output, cache).written
    assert (output / page).read_bytes() == (clean / page).read_bytes()


def test_hot_update_declines_a_changed_header(content, tmp_path):
    _incremental(content, tmp_path / "preview", tmp_path / "cache")
    edited = _articles(content)[10]
    text = edited.read_text(encoding="utf-8")
    edited.write_text(text.replace("Title: ", "Title: Sửa tiêu đề: ", 1), encoding="utf-8")
    assert hot.update([edited]) is None
