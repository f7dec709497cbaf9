"""The fast paths write what a plain build writes.

- The linear articles generator (PELICAN_CLASS) produces the same site, byte
  for byte, as Pelican's own generator.
- The preview's incremental build, after an article is edited, added and
  deleted, leaves exactly the files a clean full build writes (every page,
  listings and archives included), while rendering only some of them.

Timings are not asserted here; ``invoke bench`` reports them.
"""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from live_preview import hot, incremental
from live_preview.preview import PreviewSession, preview_overrides

from bench.corpus import IMAGES, article, write_images
from portal_core.runner import BuildFailed
from portal_core.widgets import declare_shown_fields
from tests.support import ROOT, build_site, copy_demo_content, read_header, soup

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


def generated_site(folder: Path) -> Path:
    """The demo site plus generated articles, in ``folder`` (a test may change it)."""
    copy_demo_content(folder)
    write_images(folder / IMAGES)
    for index in range(GENERATED):
        relative, text = article(index, _categories())
        path = folder / relative
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(text, encoding="utf-8")
    return folder


@pytest.fixture
def content(tmp_path: Path) -> Path:
    """The demo site plus generated articles, in a folder the test may change."""
    return generated_site(tmp_path / "content")


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


def test_a_content_cache_in_the_other_format_is_read_again(content, tmp_path):
    """A kit update that stops gzipping the cache must not break the next build."""
    cache = tmp_path / "cache"
    caching = {"CACHE_PATH": str(cache), "CACHE_CONTENT": True, "LOAD_CONTENT_CACHE": True}
    old = build_site(content, tmp_path / "old", **caching, GZIP_CACHE=True, **QUIET)
    saved = cache / "PortalArticlesGenerator-Readers"
    assert saved.read_bytes()[:2] == b"\x1f\x8b"
    new = build_site(content, tmp_path / "new", **caching, GZIP_CACHE=False, **QUIET)
    assert saved.read_bytes()[:2] != b"\x1f\x8b"
    assert_same_site(new, old)


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


def editors_push(content: Path) -> tuple[Path, Path]:
    """An editor's changes: (edited, retitled) articles.

    A body sentence fixed, an article retitled, one deleted and one added (an
    old report typed in late, so the home page stays as it is).
    """
    ordered = _articles(content)
    edited, retitled, deleted = (ordered[len(ordered) * k // 6] for k in (2, 3, 4))
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
    return edited, retitled


def test_incremental_build_equals_a_clean_full_build(content, tmp_path):
    output, cache = tmp_path / "preview", tmp_path / "cache"
    first = _incremental(content, output, cache)
    assert first.kept == 0  # nothing recorded yet: every page is rendered
    before = _mtimes(output)

    edited, _ = editors_push(content)

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


def _page_of(path: Path) -> str:
    """The output page of a generated article (it names its slug)."""
    header = read_header(path)
    return f"{header['date'][:10].replace('-', '/')}/{header['slug']}/index.html"


def _preview_then_edit(content: Path, tmp_path: Path) -> tuple[Path, Path, int]:
    """A preview build of ``content``: (output, cache, number of pages)."""
    output, cache = tmp_path / "preview", tmp_path / "cache"
    first = _incremental(content, output, cache)
    return output, cache, first.rendered


def test_hot_update_writes_every_page_the_edit_concerns(content, tmp_path):
    output, cache, pages = _preview_then_edit(content, tmp_path)
    edited = _articles(content)[10]
    text = edited.read_text(encoding="utf-8")
    # The editor rewrites the summary (listings show it), adds a sentence
    # that typogrify changes and a large photo (a share image, resized copies).
    text = re.sub(
        r"^Summary: .*$",
        "Summary: Tóm tắt viết lại: bà con đồng lòng.",
        text,
        count=1,
        flags=re.MULTILINE,
    )
    photo = "![Hiến máu]({static}/images/2024/hien-mau.jpg)"
    sentence = 'Câu mới: "Ngày hội" -- năm 2024...'
    edited.write_text(f"{text}\n{photo}\n\n{sentence}\n", encoding="utf-8")

    quick = hot.update([edited])
    assert quick is not None and quick.complete
    # Before any build: the whole site is what a clean full build writes.
    clean = build_site(content, tmp_path / "clean", **QUIET, **SMALL_PAGES)
    assert_same_site(output, clean)
    page = _page_of(edited)
    assert page in quick.pages
    shown = soup(output / page).select_one(".article__body").get_text(" ", strip=True)
    assert "Câu mới: “Ngày hội” – năm\xa02024…" in shown  # typography as in a build
    category = read_header(edited)["category"]
    listed = [
        name
        for name in quick.pages
        if name.startswith("chuyen-muc/")
        and "Tóm tắt viết lại" in (output / name).read_text(encoding="utf-8")
    ]
    assert listed, f"no page of {category} shows the new summary"
    # Only the pages concerned (and the few rendered on every build).
    assert len(quick.pages) < pages / 3
    # The incremental build that follows renders them again: still exact.
    again = _incremental(content, output, cache)
    assert set(quick.pages) <= set(again.written)
    assert_same_site(output, clean)


def test_hot_update_follows_a_new_title_to_its_new_address(content, tmp_path):
    output, _, _ = _preview_then_edit(content, tmp_path)
    # A demo article without Slug:: its address comes from its title.
    demo = sorted(
        path
        for path in content.rglob("articles/*/*.md")
        if "slug" not in read_header(path) and read_header(path)["date"] < "2024"
    )
    edited = demo[0]
    old_pages = set(_mtimes(output))
    text = edited.read_text(encoding="utf-8")
    edited.write_text(text.replace("Title: ", "Title: Bản tin: ", 1), encoding="utf-8")

    quick = hot.update([edited])
    assert quick is not None and quick.complete
    assert len(quick.removed) == 1 and quick.removed[0] in old_pages
    assert not (output / quick.removed[0]).exists()
    clean = build_site(content, tmp_path / "clean", **QUIET, **SMALL_PAGES)
    assert_same_site(output, clean)


def _newest(content: Path) -> Path:
    """The site's newest article (a demo one: the sidebar's "Tin mới" lists it)."""
    everything = sorted(
        content.rglob("articles/*/*.md"), key=lambda path: read_header(path)["date"]
    )
    return everything[-1]


def test_hot_update_of_a_newest_article_summary_is_complete(content, tmp_path):
    output, _, _ = _preview_then_edit(content, tmp_path)
    newest = _newest(content)
    text = newest.read_text(encoding="utf-8")
    newest.write_text(text.replace("Summary: ", "Summary: Tin nóng. ", 1), encoding="utf-8")
    # The sidebar shows its title and date, not its summary: no need to
    # render every page again.
    quick = hot.update([newest])
    assert quick is not None and quick.complete
    assert_same_site(output, build_site(content, tmp_path / "clean", **QUIET, **SMALL_PAGES))


@pytest.fixture
def sidebar_summaries():
    """A widget printing the newest articles' summaries on every page, declared as plugins do."""
    declare_shown_fields("test-sidebar-summaries", ["summary"])
    yield
    declare_shown_fields("test-sidebar-summaries", ())


def test_a_declared_widget_field_makes_its_edit_render_every_page(
    content, tmp_path, sidebar_summaries
):
    output, cache, pages = _preview_then_edit(content, tmp_path)
    newest = _newest(content)
    text = newest.read_text(encoding="utf-8")
    newest.write_text(text.replace("Summary: ", "Summary: Tin nóng. ", 1), encoding="utf-8")
    # Unlike the sidebar's own fields (title, date), nothing in the preview
    # names "summary": the declaration alone says every page shows it.
    quick = hot.update([newest])
    assert quick is not None and not quick.complete
    again = _incremental(content, output, cache)
    assert again.kept == 0
    assert again.rendered == pages


def test_hot_update_of_a_newest_article_title_shows_its_page_then_builds(content, tmp_path):
    newest = _newest(content)
    text = newest.read_text(encoding="utf-8")
    newest.write_text(text.replace("Title: ", "Slug: tin-moi-nhat\nTitle: ", 1), encoding="utf-8")
    output, cache, _ = _preview_then_edit(content, tmp_path)
    text = newest.read_text(encoding="utf-8")
    newest.write_text(text.replace("Title: ", "Title: Tin nóng: ", 1), encoding="utf-8")

    quick = hot.update([newest])
    # Its title is in the sidebar of every page: only its own page at once...
    assert quick is not None and not quick.complete
    assert len(quick.pages) == 1
    page = quick.pages[0]
    assert page.endswith("/tin-moi-nhat/index.html")
    clean = build_site(content, tmp_path / "clean", **QUIET, **SMALL_PAGES)
    assert (output / page).read_bytes() == (clean / page).read_bytes()
    # ...then the incremental build rewrites every page.
    _incremental(content, output, cache)
    assert_same_site(output, clean)


def _redate(text: str) -> str:
    return re.sub(r"^Date: .*$", "Date: 2016-01-02 08:00", text, count=1, flags=re.MULTILINE)


def _recategorise(text: str) -> str:
    current = re.search(r"^Category: (.*)$", text, flags=re.MULTILINE).group(1)
    other = next(entry["name"] for entry in _categories() if entry["name"] != current)
    return text.replace(f"Category: {current}", f"Category: {other}", 1)


def _break(text: str) -> str:
    return text.replace("\n\n", "\n\n<script>alert(1)</script>\n\n", 1)


@pytest.mark.parametrize(
    "change", [_redate, _recategorise, _break], ids=["date", "category", "mistake"]
)
def test_hot_update_leaves_other_edits_to_the_build(content, tmp_path, change):
    output, cache = tmp_path / "preview", tmp_path / "cache"
    _incremental(content, output, cache)
    edited = _articles(content)[10]
    text = edited.read_text(encoding="utf-8")
    edited.write_text(change(text), encoding="utf-8")
    assert hot.update([edited]) is None
    if change is _break:
        with pytest.raises(BuildFailed):
            _incremental(content, output, cache)
    else:
        _incremental(content, output, cache)
        assert_same_site(output, build_site(content, tmp_path / "clean", **QUIET, **SMALL_PAGES))


def test_the_preview_checks_hot_edits_once_the_editor_pauses(content, tmp_path):
    output, cache = tmp_path / "preview", tmp_path / "cache"
    _incremental(content, output, cache)  # the preview's first build
    overrides = preview_overrides(
        output, {"PATH": str(content), "CACHE_PATH": str(cache), **QUIET, **SMALL_PAGES}
    )
    lines: list[str] = []
    session = PreviewSession(ROOT / "pelicanconf.py", overrides, lines.append, lambda: None)
    first, second = _articles(content)[10], _articles(content)[20]
    for path in (first, second):  # two saves in a row: each shown by the hot path alone
        text = path.read_text(encoding="utf-8")
        path.write_text(text.replace("Summary: ", "Summary: Bản sửa. ", 1), encoding="utf-8")
        assert session.saved([path]) is None
    assert len(session.unchecked) == 2
    # The pause: one build checks both edits, and then there is nothing left.
    outcome = session.idle()
    assert outcome is not None and outcome.ok
    assert not session.unchecked and session.idle() is None
    # An edit the hot path cannot take (a new date) is built at once.
    third = _articles(content)[30]
    third.write_text(_redate(third.read_text(encoding="utf-8")), encoding="utf-8")
    outcome = session.saved([third])
    assert outcome is not None and outcome.ok and not session.unchecked
    assert_same_site(output, build_site(content, tmp_path / "clean", **QUIET, **SMALL_PAGES))
