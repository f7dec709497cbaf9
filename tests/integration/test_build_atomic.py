"""Builds are atomic (a failure leaves the old site) and reproducible (same bytes)."""

from __future__ import annotations

import io
import os
import subprocess
import sys
import time
from contextlib import redirect_stdout
from pathlib import Path

import pytest

from portal_core.atomic import wait_for_removals
from portal_core.runner import BuildFailed, build
from tests.publishing import SUBPATH_SITE, environment, publish, site_files, tree_bytes
from tests.support import ROOT, write_files

BROKEN = {
    "articles/tin-tuc-su-kien/2024-11-02-sai-chuyen-muc.md": (
        "Title: Bài sai chuyên mục\nDate: 2024-11-02 08:00\nCategory: Chuyên mục không có\n"
        "Summary: Bài này làm bản dựng dừng lại.\n\nNội dung.\n"
    )
}


def _leftovers(folder: Path) -> list[str]:
    """Staging folders left next to the output (there must be none).

    Replaced sites are deleted in the background: wait for that first.
    """
    wait_for_removals()
    return sorted(p.name for p in folder.parent.iterdir() if p.name.startswith(f".{folder.name}."))


def test_failed_build_leaves_the_previous_site_untouched(tmp_path):
    content = write_files(tmp_path / "content", site_files())
    output = publish(content, tmp_path / "output")
    before = tree_bytes(output)
    write_files(content, BROKEN)
    with pytest.raises(BuildFailed) as failure:
        publish(content, output)
    assert "Chuyên mục không có" in str(failure.value)
    assert tree_bytes(output) == before
    assert _leftovers(output) == []


def test_successful_build_replaces_the_whole_site(tmp_path):
    content = write_files(tmp_path / "content", site_files())
    output = publish(content, tmp_path / "output")
    stale = output / "2019" / "bai-cu" / "index.html"
    write_files(output, {"2019/bai-cu/index.html": "trang của bản dựng cũ"})
    publish(content, output)
    assert not stale.exists()
    assert (output / "index.html").is_file()
    assert _leftovers(output) == []
    # A web server running as another user must be able to read the new folder.
    assert output.stat().st_mode & 0o055 == 0o055


def test_command_line_build_reports_failure_and_keeps_the_site(tmp_path):
    content = write_files(tmp_path / "content", site_files())
    output = publish(content, tmp_path / "output")
    before = tree_bytes(output)
    write_files(content, BROKEN)
    overrides = {"PATH": str(content), "OUTPUT_PATH": str(output), "LOAD_CONTENT_CACHE": False}
    errors = io.StringIO()
    with environment(SITEURL=SUBPATH_SITE), redirect_stdout(io.StringIO()):
        status = build(ROOT / "publishconf.py", overrides, stream=errors)
    assert status == 1
    assert "KHÔNG DỰNG ĐƯỢC TRANG" in errors.getvalue()
    assert tree_bytes(output) == before


def _comparable(files: dict[str, bytes]) -> dict[str, bytes]:
    """Everything but Pagefind's filter and metadata indexes.

    Pagefind writes those from hash maps in arbitrary order, so they differ
    between two runs on the same pages (upstream: Pagefind/pagefind#638,
    "other files will still change"); its page fragments are stable and stay
    compared here.
    """
    return {
        name: data
        for name, data in files.items()
        if not name.startswith("pagefind/") or name.startswith("pagefind/fragment/")
    }


def test_two_builds_of_the_same_content_are_byte_identical(tmp_path):
    """Cold build, then a build reusing the content cache: the same files, the same bytes.

    The build's "now" decides what is published (scheduled articles, expired
    notices), so like the commit it is an input: both builds are made as of
    the same moment.
    """
    content = write_files(tmp_path / "content", site_files())
    cache = {"CACHE_PATH": str(tmp_path / "cache"), "CACHE_CONTENT": True}
    with environment(PORTAL_BUILD_DATE="2024-12-01 07:00"):
        first = tree_bytes(publish(content, tmp_path / "first", **cache, LOAD_CONTENT_CACHE=False))
        assert (tmp_path / "cache").is_dir(), "the content cache was not written"
        # New mtimes on every source file (a fresh CI checkout), the same bytes.
        for path in content.rglob("*"):
            if path.is_file():
                os.utime(path, (1_700_000_000, 1_700_000_000))
        second = tree_bytes(publish(content, tmp_path / "second", **cache, LOAD_CONTENT_CACHE=True))
    assert sorted(_comparable(first)) == sorted(_comparable(second))
    different = [name for name, data in _comparable(first).items() if second[name] != data]
    assert different == []
    assert {"sitemap.xml", "feeds/all.atom.xml", "robots.txt", "404.html"} <= set(first)


def _start_build(output: Path) -> subprocess.Popen:
    """A real command-line build of the demo site into ``output``, in its own process."""
    command = [sys.executable, "-m", "portal_core.runner", "pelicanconf.py", str(output)]
    env = {**os.environ, "PYTHONPATH": str(ROOT / "plugins")}
    return subprocess.Popen(
        command, cwd=ROOT, env=env, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL
    )


def _wait_for_staging(output: Path, process: subprocess.Popen) -> None:
    deadline = time.monotonic() + 120
    while not _leftovers(output):
        assert process.poll() is None, "the build ended before its staging folder appeared"
        assert time.monotonic() < deadline, "no staging folder appeared"
        time.sleep(0.05)


def test_next_build_removes_what_a_killed_build_left(tmp_path):
    content = write_files(tmp_path / "content", site_files())
    output = tmp_path / "output"
    killed = _start_build(output)
    _wait_for_staging(output, killed)
    killed.kill()  # SIGKILL: no finally block runs, as when a runner is stopped
    killed.wait()
    assert _leftovers(output), "the killed build left nothing to clean (test is void)"
    publish(content, output)
    assert _leftovers(output) == []
    assert (output / "index.html").is_file()


def test_a_build_still_running_keeps_its_staging_folder(tmp_path):
    """Two builds at once (a preview and a check): neither deletes the other's folder."""
    content = write_files(tmp_path / "content", site_files())
    output = tmp_path / "output"
    # A process that sits inside staging() as a long build would.
    code = (
        "import sys, time; from portal_core.atomic import staging\n"
        "with staging(sys.argv[1]):\n    time.sleep(120)\n"
    )
    env = {**os.environ, "PYTHONPATH": str(ROOT / "plugins")}
    running = subprocess.Popen([sys.executable, "-c", code, str(output)], env=env)
    try:
        _wait_for_staging(output, running)
        staged = _leftovers(output)
        publish(content, output)
        assert running.poll() is None
        assert _leftovers(output) == staged
    finally:
        running.kill()
        running.wait()
    publish(content, output)
    assert _leftovers(output) == []


def test_command_line_build_completes(tmp_path):
    """``python -m portal_core.runner``, whose exit skips Python's last garbage
    collection, still ends with status 0 and the whole site in place (the
    skipping itself is tested below, in a fresh interpreter)."""
    output = tmp_path / "output"
    build = _start_build(output)
    assert build.wait(timeout=300) == 0
    assert (output / "index.html").is_file()
    assert _leftovers(output) == []


CYCLE_AT_EXIT = """
import sys
from portal_core.processes import skip_collection_at_exit

class Node:
    def __del__(self):
        print("collected", flush=True)

node = Node()
node.self = node  # a cycle: only the garbage collector frees it
del node
if sys.argv[1] == "skip":
    skip_collection_at_exit()
"""


@pytest.mark.parametrize(("mode", "expected"), [("skip", ""), ("keep", "collected\n")])
def test_exit_collection_skipped_only_when_asked(mode, expected):
    """The mechanism itself: a cycle left at exit is collected unless skipped.

    (``keep`` shows that the probe would see a collection; without it the
    ``skip`` case could pass for another reason.)"""
    result = subprocess.run(
        [sys.executable, "-c", CYCLE_AT_EXIT, mode],
        env={**os.environ, "PYTHONPATH": str(ROOT / "plugins")},
        capture_output=True,
        text=True,
        check=True,
    )
    assert result.stdout == expected
