"""Work left running by a ``finalized`` handler (``portal_core.background``), with real threads."""

from __future__ import annotations

import threading

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
