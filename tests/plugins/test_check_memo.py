"""The memo's rules for taking a report again, on real files (content_checks.memo).

The end-to-end cases (an edited file, a removed photo, a replaced attachment,
a scheduled article) are in tests/integration/test_check_memo.py; these are
the rules no rule of ours exercises today but a plugin's kind may.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
from pathlib import Path

from content_checks.checker import FileReport
from content_checks.config import load_config
from content_checks.memo import Memo, WatchedFiles, depends, same_verdict_now
from portal_core.runner import load_settings
from tests.support import ROOT

ZONE = dt.timezone(dt.timedelta(hours=7))
NOW = dt.datetime(2026, 3, 1, 9, 0, tzinfo=ZONE)


@dataclasses.dataclass
class Record:
    """A kind's record with a date-only field, as notices have (expires)."""

    expires: dt.date


def _memo(root: Path, cache: Path) -> Memo:
    settings = load_settings(ROOT / "pelicanconf.py", {"PATH": str(root), "CACHE_PATH": str(cache)})
    return Memo(settings, load_config(settings))


def _clean_report(root: Path, asked: tuple[str, ...] = (), record=None) -> FileReport:
    path = root / "a.md"
    raw = b"Title: A\n\nBody\n"
    path.write_bytes(raw)
    watched = WatchedFiles(frozenset({"a.md"}))
    for name in asked:
        assert name not in watched
    item = FileReport("a.md", path, "article", "published", record=record)
    item.depends = depends(item, raw, watched, NOW, root)
    return item


def test_a_name_the_check_asked_about_must_keep_its_answer(tmp_path):
    root = tmp_path / "content"
    root.mkdir()
    _memo(root, tmp_path / "cache").save([_clean_report(root, asked=("images/b.jpg",))])
    memo = _memo(root, tmp_path / "cache")
    assert "a.md" in memo.reusable(["a.md"], frozenset({"a.md"}), NOW)
    grown = frozenset({"a.md", "images/b.jpg"})
    assert memo.reusable(["a.md", "images/b.jpg"], grown, NOW) == {}


def test_now_near_a_date_of_the_record_checks_again(tmp_path):
    root = tmp_path / "content"
    root.mkdir()
    item = _clean_report(root, record=Record(expires=dt.date(2026, 3, 10)))
    assert same_verdict_now(item, NOW + dt.timedelta(days=7))  # still well before
    assert not same_verdict_now(item, dt.datetime(2026, 3, 10, 23, 0, tzinfo=ZONE))
    assert not same_verdict_now(item, dt.datetime(2026, 3, 11, 0, 30, tzinfo=ZONE))
    assert not same_verdict_now(item, dt.datetime(2026, 4, 1, tzinfo=ZONE))  # crossed it


def test_a_record_that_is_not_a_dataclass_is_never_kept(tmp_path):
    root = tmp_path / "content"
    root.mkdir()
    assert _clean_report(root, record={"expires": dt.date(2026, 3, 10)}).depends is None
