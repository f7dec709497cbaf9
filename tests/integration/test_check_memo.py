"""The check keeps clean reports between runs, and never hides a mistake with them.

Each test checks a copy of the demo content twice with ``invoke check``'s
function (``run_check``), as an editor or CI does, changing something
between the two runs that the unchanged files depend on: the second run must
report exactly what a check without the memo reports.
"""

from __future__ import annotations

import io
import os
import subprocess
import sys
from pathlib import Path

import pytest

from content_checks import memo
from content_checks.cli import run_check
from content_checks.content_checks import last_report
from tests.support import ROOT, copy_demo_content

SETTINGS = ROOT / "pelicanconf.py"
ARTICLE = "articles/vi-nguoi-ngheo/2023-12-08-trao-nha-dai-doan-ket-cho.md"
PHOTO = "images/2023/trao-nha-dai-doan-ket.jpg"
DOCUMENT = "documents/02-tt-mttq-btt-2026.md"
ATTACHMENT = "files/van-ban/02-tt-mttq-btt-2026.pdf"
ALBUM = "albums/2025-ngay-hoi-dai-doan-ket.md"


@pytest.fixture
def content(tmp_path: Path) -> Path:
    return copy_demo_content(tmp_path / "content")


def check(content: Path, **overrides) -> tuple[int, str, str]:
    """``invoke check`` on ``content`` with a cache beside it: (status, output, errors)."""
    out, err = io.StringIO(), io.StringIO()
    settings = {"PATH": str(content), "CACHE_PATH": str(content.parent / "cache"), **overrides}
    status = run_check(SETTINGS, settings, out=out, err=err)
    return status, out.getvalue(), err.getvalue()


def without_memo(content: Path, **overrides) -> tuple[int, str, str]:
    """The same check with nothing kept from earlier runs."""
    return check(content, LOAD_CONTENT_CACHE=False, **overrides)


def reports() -> dict[str, tuple]:
    """What the last check made of each file (what the build and the summary use)."""
    report = last_report()
    assert report is not None
    return {
        item.relative: (
            item.kind,
            item.status,
            item.date,
            item.title,
            item.slug,
            item.save_as,
            item.url,
            sorted(item.uses),
            item.warnings,
            item.links,
            item.record,
        )
        for item in report.files
    }


def test_an_unchanged_site_is_reported_the_same_from_the_memo(content):
    first = check(content)
    assert first[0] == 0, first[2]
    fresh = reports()
    (saved,) = (content.parent / "cache").glob("content_checks-*.pickle")
    written = saved.stat().st_ino
    second = check(content)
    # Every Markdown file's report was taken again, none was checked.
    markdown = sum(1 for name in fresh if name.endswith(".md"))
    assert memo.last_run["reused"] == markdown > 30
    assert second == first
    assert reports() == fresh
    # Nothing new to keep: the memo file was not written again.
    assert saved.stat().st_ino == written


def test_an_edited_file_is_checked_again(content):
    assert check(content)[0] == 0
    path = content / ARTICLE
    path.write_text(path.read_text(encoding="utf-8").replace("Image-alt:", "Image-alt"), "utf-8")
    status, _, errors = check(content)
    assert status == 1
    assert ARTICLE in errors
    assert memo.last_run["checked"] >= 1
    assert (status, errors) == without_memo(content)[::2]


@pytest.mark.parametrize(
    ("removed", "named"),
    [
        (PHOTO, ARTICLE),  # the photo an unchanged article shows
        ("images/albums/2025-ngay-hoi-dai-doan-ket/anh-02.jpg", ALBUM),  # a captioned photo
    ],
)
def test_a_file_an_unchanged_file_uses_is_missed(content, removed, named):
    assert check(content)[0] == 0
    (content / removed).unlink()
    status, _, errors = check(content)
    assert status == 1
    assert named in errors
    assert (status, errors) == without_memo(content)[::2]


def test_a_photo_added_to_an_album_folder_reaches_the_unchanged_album(content):
    # The album's check goes through the whole list of files: any new name counts.
    assert check(content)[0] == 0
    folder = content / "images/albums/2025-ngay-hoi-dai-doan-ket"
    (folder / "anh-99.jpg").write_bytes((folder / "anh-01.jpg").read_bytes())
    status, _, errors = check(content)
    assert status == 1
    assert "anh-99.jpg" in errors and ALBUM in errors


def test_an_attachment_replaced_by_another_format_is_caught(content):
    assert check(content)[0] == 0
    # Same name, same folder: a Word file renamed to .pdf.
    (content / ATTACHMENT).write_bytes(b"PK\x03\x04 a renamed .docx")
    status, _, errors = check(content)
    assert status == 1
    assert DOCUMENT in errors and "không phải tệp PDF thật" in errors
    assert (status, errors) == without_memo(content)[::2]


def test_a_scheduled_article_is_published_once_its_date_has_passed(content):
    path = content / "articles/vi-nguoi-ngheo/2031-01-05-hen-gio.md"
    path.write_text(
        "Title: Bài hẹn giờ đăng\nDate: 2031-01-05 08:00\nCategory: Vì người nghèo\n"
        "Summary: Bài viết trước, đến ngày mới đăng.\n\nNội dung bài hẹn giờ.\n",
        encoding="utf-8",
    )
    relative = path.relative_to(content).as_posix()
    before, after = "2031-01-05 07:59", "2031-01-05 08:01"
    assert check(content, BUILD_DATE=before)[0] == 0
    assert reports()[relative][1] == "scheduled"
    assert check(content, BUILD_DATE=after)[0] == 0
    assert reports()[relative][1] == "published"
    # Most files were still taken from the memo: only what "now" matters to was not.
    assert memo.last_run["reused"] > 30
    assert check(content, BUILD_DATE=before)[0] == 0
    assert reports()[relative][1] == "scheduled"


def test_a_change_of_plugin_code_checks_every_file_again(content, tmp_path):
    extra = tmp_path / "extra_plugins"
    extra.mkdir()
    (extra / "note.py").write_text("VERSION = 1\n", encoding="utf-8")
    paths = [str(ROOT / "plugins"), str(extra)]
    assert check(content, PLUGIN_PATHS=paths)[0] == 0
    assert check(content, PLUGIN_PATHS=paths)[0] == 0
    assert memo.last_run["reused"] > 30
    (extra / "note.py").write_text("VERSION = 2\n", encoding="utf-8")
    assert check(content, PLUGIN_PATHS=paths)[0] == 0
    assert memo.last_run["reused"] == 0


def test_a_link_to_a_removed_page_is_caught_in_an_unchanged_article(content):
    path = content / ARTICLE
    text = path.read_text(encoding="utf-8")
    path.write_text(text + "\nXem [giới thiệu]({filename}/pages/gioi-thieu.md).\n", "utf-8")
    assert check(content)[0] == 0
    (content / "pages/gioi-thieu.md").unlink()
    status, _, errors = check(content)
    assert status == 1
    assert ARTICLE in errors
    assert (status, errors) == without_memo(content)[::2]


def test_the_memo_is_found_again_by_another_process(content):
    # Each process salts str hashes differently: a set's order must not reach the key.
    script = (
        "import sys; sys.path.insert(0, 'plugins')\n"
        "from portal_core.runner import load_settings\n"
        "from content_checks.config import load_config\n"
        "from content_checks.memo import memo_key\n"
        f"settings = load_settings('pelicanconf.py', {{'PATH': {str(content)!r}}})\n"
        "print(memo_key(settings, load_config(settings)))\n"
    )
    keys = {
        subprocess.run(
            [sys.executable, "-c", script],
            cwd=ROOT,
            env={**os.environ, "PYTHONHASHSEED": seed},
            capture_output=True,
            text=True,
            check=True,
        ).stdout
        for seed in ("1", "2", "3")
    }
    assert len(keys) == 1
