"""The Pagefind binary: npm's pinned package, found without Node, its absence named."""

from __future__ import annotations

import json

import pytest

from portal_core.runner import BuildFailed
from search import binary
from tests.support import build_site, write_files

FILES = {
    "articles/tin-tuc-su-kien/hop.md": (
        "Title: Đảng ủy phường họp phiên thường kỳ\nDate: 2024-03-04 08:00\n"
        "Category: Tin tức sự kiện\nSummary: Phiên họp tháng 3.\n\nNội dung phiên họp.\n"
    ),
}


def pinned_version() -> str:
    lock = json.loads((binary.PROJECT / "package-lock.json").read_text(encoding="utf-8"))
    return lock["packages"]["node_modules/pagefind"]["version"]


def test_the_installed_binary_is_the_pinned_version():
    # ./portal installs search-index/ with `npm ci`; a stale or missing binary
    # would index with another Pagefind than the lock file names.
    found = binary.executable()
    assert found.is_relative_to(binary.package_folder())
    assert binary.version() == f"pagefind {pinned_version()}"


def test_a_chosen_binary_replaces_the_pinned_one(monkeypatch, tmp_path):
    chosen = tmp_path / "pagefind"
    chosen.write_text("#!/bin/sh\necho 'pagefind 9.9.9'\n", encoding="utf-8")
    chosen.chmod(0o755)
    monkeypatch.setenv("PAGEFIND_BINARY_PATH", str(chosen))
    assert binary.executable() == chosen
    assert binary.version() == "pagefind 9.9.9"


def test_a_build_without_the_binary_says_how_to_install_it(monkeypatch, tmp_path):
    missing = tmp_path / "khong-co" / "pagefind"
    monkeypatch.setenv("PAGEFIND_BINARY_PATH", str(missing))
    content = write_files(tmp_path / "content", FILES)
    with pytest.raises(BuildFailed) as failure:
        build_site(content, tmp_path / "site", VISITOR_COUNTER=None)
    message = str(failure.value)
    assert "Không tìm thấy chương trình Pagefind" in message
    assert str(missing) in message
    assert "./portal" in message
    assert "Traceback" not in message
