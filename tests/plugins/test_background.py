"""Work left running by a ``finalized`` handler (``portal_core.background``), with real threads."""

from __future__ import annotations

import io
import threading
import time

import pytest

from portal_core import background


def test_work_runs_beside_the_build_and_has_ended_when_the_scope_ends():
    started = threading.Event()
    go_on = threading.Event()
    done: list[str] = []
    threads_before = threading.active_count()

    def work() -> None:
        started.set()
        assert go_on.wait(10), "the build never went on while the work ran"
        done.append("index")

    with background.scope():
        background.start(work)  # returns while the work waits for the build
        assert started.wait(10)
        assert done == []
        go_on.set()  # the rest of the build (the sitemap, the photos) runs here
    assert done == ["index"]
    assert threading.active_count() == threads_before  # nothing of the build runs on


def test_a_failure_of_the_work_fails_the_build_at_its_end():
    def work() -> None:
        raise RuntimeError("Pagefind không tạo được chỉ mục")

    reached_end = False
    with pytest.raises(RuntimeError, match="Pagefind không tạo được"), background.scope():
        background.start(work)
        reached_end = True
    assert reached_end  # the handlers after it still ran


def test_the_build_s_own_error_wins_and_the_work_is_waited_for():
    finished = threading.Event()

    def work() -> None:
        finished.wait(0.2)
        finished.set()
        raise OSError("the work's error")

    with pytest.raises(ValueError, match="the build's error"), background.scope():
        background.start(work)
        raise ValueError("the build's error")
    assert finished.is_set()


def test_outside_a_build_the_work_runs_at_once():
    done: list[str] = []
    background.start(lambda: done.append("now"))
    assert done == ["now"]


ARTICLE = """Title: Hội nghị cử tri phường số {number}
Date: 2024-03-{day:02d} 08:{minute:02d}
Category: Tin tức sự kiện
Summary: Tóm tắt hội nghị số {number}.

Nội dung hội nghị tiếp xúc cử tri số {number}: ý kiến về đường sá, chợ và trường học.
"""
# Enough pages that Pagefind takes longer than the handlers after it.
ARTICLES = 150


class _Timed(io.StringIO):
    """Pelican's console output, each piece with the moment it was written."""

    def __init__(self) -> None:
        super().__init__()
        self.pieces: list[tuple[int, str]] = []

    def write(self, text: str) -> int:
        self.pieces.append((time.time_ns(), text))
        return len(text)


def test_pelican_s_done_line_comes_after_the_search_index(make_site, monkeypatch):
    """The index runs beside the last handlers, yet "Done ... in N seconds" still
    means done: every file of the bundle was written before it is printed."""
    from pelican.log import console  # noqa: PLC0415

    output = _Timed()
    monkeypatch.setattr(console, "file", output)
    site = make_site(
        {
            f"articles/{number}.md": ARTICLE.format(
                number=number, day=number % 28 + 1, minute=number % 60
            )
            for number in range(ARTICLES)
        }
    )
    done = [moment for moment, text in output.pieces if "Done: Processed" in text]
    assert done, "Pelican printed no Done line"
    bundle = [path for path in (site / "pagefind").rglob("*") if path.is_file()]
    assert any(path.name == "pagefind-entry.json" for path in bundle)
    assert max(path.stat().st_mtime_ns for path in bundle) <= done[0]
