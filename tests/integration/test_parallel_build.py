"""Articles read and written in worker processes: the same site, byte for byte.

The demo site plus a generated corpus above the worker threshold
(``BUILD_SPEED_PARALLEL_MIN_FILES``, 200) is built twice, as of the same
moment: once in the build's own process only, once with a worker process
reading the articles and writing a share of their pages
(``build_speed.parallel``). Every file must be the same, the photos that only
the worker's pages show included. Pagefind is off in both (its index is made
from the written pages, and carries build times).

Each build runs in a fresh process (tests/parallel_child.py): the build
forks no workers while other threads run, and a pytest session has some.
"""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from bench.corpus import IMAGES, article, write_images
from portal_core.runner import BuildFailed
from tests.publishing import tree_bytes
from tests.search_index import comparable, files_of
from tests.support import ROOT, build_site, copy_demo_content, write_files

# Above both thresholds: 200 articles to read and write in workers, 400 files to check.
GENERATED = 300
NOW = {"PORTAL_BUILD_DATE": "2026-11-30 07:00"}


def _categories() -> list[dict]:
    import pelicanconf  # noqa: PLC0415 - the real registry

    return pelicanconf.CATEGORIES


def _build(content: Path, folder: Path, processes: int, **overrides) -> tuple[dict, dict]:
    """Build in a fresh process: ``(output {path: bytes}, what the workers did)``.

    Raises BuildFailed with the build's messages, as an in-process build would,
    and what the workers did as its ``workers``.
    """
    request = {
        "content": str(content),
        "output": str(folder / "output"),
        "settings": {
            "CACHE_PATH": str(folder / "cache"),
            "SEARCH_INDEX": False,
            "BUILD_SPEED_PROCESSES": processes,
            **overrides,
        },
    }
    child = subprocess.run(
        [sys.executable, "-m", "tests.parallel_child"],
        input=json.dumps(request),
        capture_output=True,
        text=True,
        cwd=ROOT,
        env={
            **os.environ,
            **NOW,
            "PYTHONPATH": os.pathsep.join([str(ROOT / "plugins"), str(ROOT)]),
        },
        check=False,
    )
    assert child.returncode == 0, child.stderr
    report = json.loads(child.stdout.splitlines()[-1])
    if report["messages"] is not None:
        failure = BuildFailed(report["messages"])
        failure.workers = report["last_run"]
        failure.checkers = report["check"]
        raise failure
    return tree_bytes(folder / "output"), report["last_run"]


def _articles(content: Path) -> int:
    return len(list(content.glob("articles/*/*.md")))


@pytest.fixture(scope="module")
def corpus(tmp_path_factory) -> Path:
    content = copy_demo_content(tmp_path_factory.mktemp("parallel") / "content")
    write_images(content / IMAGES)
    for index in range(GENERATED):
        relative, text = article(index, _categories())
        write_files(content, {relative: text})
    return content


@pytest.mark.parametrize("cache", [False, True], ids=["no-cache", "content-cache"])
def test_a_site_read_and_written_by_workers_is_byte_identical(corpus, tmp_path, cache):
    single, alone = _build(corpus, tmp_path / "single", 1, CACHE_CONTENT=cache)
    assert alone == {}
    workers, shared = _build(corpus, tmp_path / "workers", 2, CACHE_CONTENT=cache)
    # Every article read by the workers; the article pages written by two processes.
    assert shared == {"processes": 2, "files": _articles(corpus), "writers": 2}
    assert sorted(single) == sorted(workers)
    assert [name for name, data in single.items() if workers[name] != data] == []
    assert any(name.startswith("co-nho/") for name in workers)


def test_a_small_site_stays_in_one_process(tmp_path):
    content = copy_demo_content(tmp_path / "content")
    _, workers = _build(content, tmp_path / "site", 2)
    assert workers == {}


BROKEN = {
    "articles/tin-tuc-su-kien/hop.md": (
        "Title: Họp tổ dân phố\nDate: 2024-31-12 08:00\nCategory: Tin tức sự kiện\n\nNội dung.\n"
    ),
}


def test_mistakes_are_reported_per_file_as_without_workers(tmp_path):
    content = copy_demo_content(tmp_path / "content")
    write_files(content, BROKEN)
    messages = []
    for processes in (1, 2):
        with pytest.raises(BuildFailed) as failure:
            _build(content, tmp_path / f"p{processes}", processes, BUILD_SPEED_PARALLEL_MIN_FILES=0)
        messages.append(failure.value.messages)
    assert messages[0] == messages[1]
    assert any("hop.md:2:" in message for message in messages[1])


def test_a_page_that_fails_in_a_worker_is_reported_by_the_build(tmp_path):
    """A page that cannot be rendered in the worker's share: the same message as without."""
    content = copy_demo_content(tmp_path / "content")
    theme = tmp_path / "theme"
    shutil.copytree(ROOT / "theme", theme)
    article_html = theme / "templates" / "article.html"
    # The second article's page fails (ValueError: month must be in 1..12);
    # with two processes, in whichever took it (a worker's failure is also
    # covered in tests/plugins/test_build_speed_claims.py).
    article_html.write_text(
        "{% if article is sameas articles[1] %}{{ article.date.replace(month=13) }}{% endif %}"
        + article_html.read_text(encoding="utf-8"),
        encoding="utf-8",
    )
    messages, workers = [], []
    for processes in (1, 2):
        with pytest.raises(BuildFailed) as failure:
            _build(
                content,
                tmp_path / f"p{processes}",
                processes,
                THEME=str(theme),
                BUILD_SPEED_PARALLEL_MIN_FILES=0,
            )
        messages.append(failure.value.messages)
        workers.append(failure.value.workers.get("processes"))
    assert workers == [None, 2]  # the second build did fork its workers
    assert messages[0] == messages[1]
    assert messages[1] == ["Lỗi khi dựng trang: month must be in 1..12"]


def test_bad_process_count_is_explained(tmp_path):
    content = write_files(tmp_path / "content", {"pages/a.md": "Title: A\n\nB.\n"})
    with pytest.raises(BuildFailed) as failure:
        build_site(content, tmp_path / "output", BUILD_SPEED_PROCESSES=-1)
    (message,) = failure.value.messages
    assert message.startswith("Lỗi khi dựng trang: BUILD_SPEED_PROCESSES phải là một số nguyên")
    assert "hiện đang là -1" in message


def _mistakes(content: Path) -> dict[str, str]:
    """A mistake in every 40th generated article: a date with month 13."""
    broken = {}
    for number, path in enumerate(sorted(content.glob("articles/*/*.md"))):
        if number % 40 == 7:
            text = path.read_text(encoding="utf-8")
            date = next(line for line in text.splitlines() if line.startswith("Date:"))
            broken[str(path.relative_to(content))] = text.replace(date, "Date: 2024-13-01 08:00")
    return broken


def test_a_big_site_is_checked_by_workers_with_the_same_messages(corpus, tmp_path):
    content = tmp_path / "content"
    shutil.copytree(corpus, content)
    broken = _mistakes(content)
    write_files(content, broken)
    outcomes = []
    for processes in (1, 2):
        with pytest.raises(BuildFailed) as failure:
            _build(content, tmp_path / f"p{processes}", 2, CHECK_PROCESSES=processes)
        outcomes.append((failure.value.checkers, failure.value.messages))
    (alone, one), (workers, two) = outcomes
    assert alone == {}
    assert workers == {"processes": 2, "files": len([p for p in content.rglob("*") if p.is_file()])}
    assert one == two
    assert len(broken) >= 5
    assert all(any(f"{Path(name).name}:2:" in message for message in two) for name in broken)


def test_the_search_index_is_the_same_when_workers_write_the_pages(corpus, tmp_path):
    """Pages are looked at for the index where they are written (search.written):
    the same index whichever process wrote them."""
    bundles = []
    for processes in (1, 2):
        folder = tmp_path / f"p{processes}"
        _, workers = _build(corpus, folder, processes, SEARCH_INDEX=True)
        assert workers.get("writers") == (2 if processes == 2 else None)
        bundle = folder / "output" / "pagefind"
        bundles.append(comparable(files_of(bundle)))
    assert bundles[0] == bundles[1]
    assert any(name.startswith("fragment/") for name in bundles[1])
