"""Albums (issue 19) as a kind of the content model: checked and edited like the others."""

from __future__ import annotations

import io

from content_checks.cli import run_check
from portal_core.runner import build
from tests.publishing import jpeg
from tests.support import ROOT, write_files

PHOTOS = {"images/albums/le-hoi/anh-01.jpg": jpeg(600, 400)}


def _check(tmp_path, monkeypatch, album: str) -> list[str]:
    """``./portal check`` over a site holding ``album``: its messages."""
    monkeypatch.chdir(tmp_path)
    content = write_files(tmp_path / "content", {**PHOTOS, "albums/2025-le-hoi.md": album})
    err = io.StringIO()
    run_check(
        ROOT / "pelicanconf.py",
        {"PATH": str(content), "VISITOR_COUNTER": None, "BUILD_DATE": "2026-01-01"},
        err=err,
        out=io.StringIO(),
    )
    return [line.strip() for line in err.getvalue().splitlines()]


def test_an_album_with_an_impossible_date_or_status_is_reported_with_its_line(
    tmp_path, monkeypatch
):
    album = (
        "Title: Lễ hội đình làng Hòa Bình\n"
        "Date: 31/02/2025 08:00\n"
        "Photos: images/albums/le-hoi\n"
        "Status: an\n"
        "\n"
        "- anh-01.jpg: Rước kiệu quanh làng.\n"
    )
    messages = "\n".join(_check(tmp_path, monkeypatch, album))
    assert "content/albums/2025-le-hoi.md:2:" in messages
    assert 'content/albums/2025-le-hoi.md:4: Trạng thái "an" không hợp lệ' in messages


def test_an_album_missing_its_title_gets_the_checks_message_once(tmp_path, monkeypatch):
    album = "Date: 2025-02-10 08:00\nPhotos: images/albums/le-hoi\n\n- anh-01.jpg: Rước kiệu.\n"
    messages = [line for line in _check(tmp_path, monkeypatch, album) if "Title" in line]
    assert messages == [
        'content/albums/2025-le-hoi.md:1: Thiếu dòng "Title: ..." (tên album). Thêm vào phần '
        'đầu tệp, ví dụ "Title: Ngày hội Đại đoàn kết toàn dân tộc năm 2025".'
    ]


def test_an_album_without_its_photo_folder_is_told_so_once(tmp_path, monkeypatch):
    album = "Title: Lễ hội\nDate: 2025-02-10 08:00\n\n- anh-01.jpg: Rước kiệu.\n"
    messages = [line for line in _check(tmp_path, monkeypatch, album) if "Photos" in line]
    assert len(messages) == 1, messages
    assert "images/albums/2025-ngay-hoi" in messages[0]


def test_an_album_and_a_page_on_one_address_are_reported_by_the_check_and_the_build(
    tmp_path, monkeypatch
):
    album = (
        "Title: Lễ hội đình làng Hòa Bình\n"
        "Date: 2025-02-12 08:00\n"
        "Photos: images/albums/le-hoi\n"
        "\n"
        "- anh-01.jpg: Rước kiệu quanh làng.\n"
    )
    page = (
        "Title: Lễ hội đình làng\n"
        "Save_as: album-anh/le-hoi-dinh-lang-hoa-binh/index.html\n"
        "\n"
        "Trang giới thiệu lễ hội.\n"
    )
    monkeypatch.chdir(tmp_path)
    content = write_files(
        tmp_path / "content",
        {**PHOTOS, "albums/2025-le-hoi.md": album, "pages/le-hoi.md": page},
    )
    overrides = {"PATH": str(content), "VISITOR_COUNTER": None, "BUILD_DATE": "2026-01-01"}
    err = io.StringIO()
    assert run_check(ROOT / "pelicanconf.py", overrides, err=err, out=io.StringIO()) == 1
    stream = io.StringIO()
    output = {"OUTPUT_PATH": str(tmp_path / "output")}
    assert build(ROOT / "pelicanconf.py", {**overrides, **output}, stream=stream) == 1
    for text in (err.getvalue(), stream.getvalue()):
        messages = " ".join(text.split())
        assert 'Trùng địa chỉ "album-anh/le-hoi-dinh-lang-hoa-binh/"' in messages
        assert "content/pages/le-hoi.md:2" in messages
        assert "content/albums/2025-le-hoi.md:1" in messages
        assert "Traceback" not in text
