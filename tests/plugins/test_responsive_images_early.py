"""Photo copies begun before the last pages are written (responsive_images/early.py).

Real threads, inside the build's scope (portal_core.background); the whole
build is in test_responsive_images.py.
"""

from __future__ import annotations

import threading

from portal_core import background
from responsive_images.early import EarlyCopies
from tests.support import wait_for


def test_photos_added_while_the_build_goes_on_are_made_once_in_order():
    made: list[str] = []
    with background.scope():
        early = EarlyCopies(lambda name: made.append(name) or 6)
        early.add("anh-1", "anh-2")
        early.add("anh-3")  # a later page shows a new photo
        assert wait_for(lambda: len(made) == 3)
        early.add("anh-4")  # after the thread ran out of photos: another starts
        assert wait_for(lambda: len(made) == 4)
        assert early.end() == 24
    assert made == ["anh-1", "anh-2", "anh-3", "anh-4"]


def test_end_finishes_the_photo_in_hand_and_takes_no_other():
    in_hand, release = threading.Event(), threading.Event()
    made: list[str] = []

    def make(name: str) -> int:
        in_hand.set()
        assert release.wait(10)
        made.append(name)
        return 6

    with background.scope():
        early = EarlyCopies(make)
        early.add("anh-1", "anh-2", "anh-3")
        assert in_hand.wait(10)
        threading.Timer(0.2, release.set).start()
        assert early.end() == 6  # waited for anh-1; anh-2 and anh-3 left to the build
        early.add("anh-4")  # the build makes the rest itself now
    assert made == ["anh-1"]


def test_a_photo_that_fails_is_left_to_the_build_and_the_others_are_made():
    def make(name: str) -> int:
        if name == "hong.jpg":
            raise OSError("tệp bị cắt ngắn")
        return 6

    with background.scope():  # the error is not the scope's: the build reports it
        early = EarlyCopies(make)
        early.add("anh-1", "hong.jpg", "anh-2")
        assert wait_for(lambda: early.made == 12)
        assert early.end() == 12


def test_a_build_that_fails_before_the_photos_end_is_not_held_up():
    """No end(): the build failed between its article pages and ``finalized``."""
    release = threading.Event()
    threads_before = threading.active_count()

    def make(name: str) -> int:
        assert release.wait(10)
        return 6

    finished = threading.Event()

    def build() -> None:
        with background.scope():
            early = EarlyCopies(make)
            early.add("anh-1")
            release.set()
        finished.set()

    runner = threading.Thread(target=build, daemon=True)
    runner.start()
    assert finished.wait(10), "the end of the build waited for photos forever"
    runner.join()
    assert threading.active_count() == threads_before


def test_outside_a_build_the_photos_are_made_at_once():
    made: list[str] = []
    early = EarlyCopies(lambda name: made.append(name) or 6)
    early.add("anh-1")
    assert made == ["anh-1"]
    assert early.end() == 6
