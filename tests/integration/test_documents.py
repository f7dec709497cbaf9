"""The demo portal's documents and notices, as a reader finds them.

The demo is built "now", so which notices are current depends on the day the
tests run; the expectations are computed from the notices' own dates and the
build's day (``as_of`` in documents.json), never written down.
"""

from __future__ import annotations

import datetime as dt
import json
import zipfile
from pathlib import Path
from zoneinfo import ZoneInfo

import pytest

from documents.catalogue import notice_state
from documents.metadata import read_header
from documents.records import Place, read_notice
from tests.support import DEMO_CONTENT, site_path, soup


@pytest.fixture(scope="module")
def register(built_site: Path) -> dict:
    return json.loads((built_site / "documents.json").read_text(encoding="utf-8"))


@pytest.fixture(scope="module")
def notices(register: dict) -> dict[str, list[str]]:
    """Titles of the demo notices by state as of the demo build, newest first."""
    # documents.json records the day; notices are judged at the build's moment,
    # which the tests take as "now" on that day (the session builds today).
    day = dt.date.fromisoformat(register["as_of"])
    now = dt.datetime.now(ZoneInfo("Asia/Ho_Chi_Minh")).replace(tzinfo=None)
    assert dt.timedelta(0) <= now.date() - day <= dt.timedelta(days=1)
    states: dict[str, list[tuple]] = {"current": [], "expired": [], "scheduled": []}
    for path in sorted((DEMO_CONTENT / "notices").glob("*.md")):
        info, _, problems = read_notice(read_header(path.read_text("utf-8")), Place(DEMO_CONTENT))
        assert problems == []
        states[notice_state(info, now)].append((info.pinned, info.posted, info.expires, info.title))
    return {
        "board": [n[3] for n in sorted(states["current"], key=lambda n: n[:2], reverse=True)],
        "old": [n[3] for n in sorted(states["expired"], key=lambda n: n[2], reverse=True)],
        "pinned": [n[3] for n in states["current"] if n[0]],
    }


def test_demo_has_enough_documents_of_several_types(register):
    assert register["count"] >= 10
    assert len({item["type"] for item in register["documents"]}) >= 5
    assert {item["status"] for item in register["documents"]} >= {"in_force", "replaced"}


def test_every_demo_attachment_is_a_genuine_small_file(built_site, register):
    for item in register["documents"]:
        assert item["files"], item["number"]
        for file in item["files"]:
            data = site_path(built_site, file["url"]).read_bytes()
            assert len(data) == file["size"] < 200_000
            if file["format"] == "PDF":
                assert data.startswith(b"%PDF-")
                assert data.rstrip().endswith(b"%%EOF")
            else:
                with zipfile.ZipFile(site_path(built_site, file["url"])) as archive:
                    assert archive.testzip() is None
                    assert "[Content_Types].xml" in archive.namelist()


def test_register_page_lists_the_demo_documents_newest_first(built_site, register):
    page = soup(built_site / "van-ban/index.html")
    rows = page.select(".doc-register tbody tr")
    assert [row.td.get_text(strip=True) for row in rows] == [
        item["number"] for item in register["documents"]
    ]
    dates = [row.time["datetime"] for row in rows]
    assert dates == sorted(dates, reverse=True)


def test_every_page_shows_the_five_latest_documents(built_site, register):
    latest = [item["number"] for item in register["documents"][:5]]
    article = next(built_site.glob("20[0-9][0-9]/*/*/*/index.html"))
    for path in [built_site / "index.html", article, built_site / "thong-bao/index.html"]:
        widget = soup(path).select_one(".sidebar .latest-documents")
        numbers = [span.get_text() for span in widget.select(".latest-documents__number")]
        assert numbers == latest, path


def test_home_notice_board_shows_current_notices_pinned_first(built_site, notices):
    assert notices["board"], "the demo needs at least one current notice"
    assert notices["old"], "the demo needs at least one expired notice"
    assert notices["pinned"], "the demo needs a pinned notice"
    home = soup(built_site / "index.html")
    titles = [a.get_text() for a in home.select(".notice-board .notice-item__title")]
    assert titles == notices["board"][:5]
    old = soup(built_site / "thong-bao/cu/index.html")
    assert [a.get_text() for a in old.select(".notice-item__title")] == notices["old"]


def test_demo_notices_and_documents_are_in_the_menu(built_site):
    menu = {a.get_text(): a["href"] for a in soup(built_site / "index.html").select(".site-nav a")}
    assert menu["Thông báo"] == "/thong-bao/"
    assert menu["Văn bản"] == "/van-ban/"
