"""Drafts appear nowhere; scheduled articles appear once their time has come; nothing is lost.

Built with the production settings (feeds, sitemap, search index) as of a
fixed "now" (``BUILD_DATE``), then again a day later, as the daily build does.
"""

from __future__ import annotations

import gzip
import io
import os
import subprocess
import sys
import unicodedata
from pathlib import Path

import pytest

from content_checks.checker import OUTCOMES, check_site
from content_checks.cli import run_check
from portal_core.problems import problems, reset
from portal_core.runner import build, load_settings
from tests.support import DEMO_CONTENT, ROOT, write_files

PUBLISH = ROOT / "publishconf.py"
BASE = {"VISITOR_COUNTER": None}


def _article(title: str, date: str, body: str, extra: str = "") -> str:
    return (
        f"Title: {title}\nDate: {date}\nCategory: Tin tức sự kiện\n"
        f"Summary: Tóm tắt bài {title.lower()}.\n{extra}\n{body}\n"
    )


FILES = {
    "articles/tin-tuc-su-kien/2024-05-30-da-dang.md": _article(
        "Hội nghị đã đăng", "2024-05-30 08:00", "Từ khóa zzdadangzz."
    ),
    "articles/tin-tuc-su-kien/2024-06-02-hen-gio.md": _article(
        "Hội nghị hẹn giờ", "02/06/2024 08:00", "Từ khóa zzhengiozz."
    ),
    "articles/tin-tuc-su-kien/2024-05-31-ban-nhap.md": _article(
        "Hội nghị bản nháp", "2024-05-31 09:00", "Từ khóa zzbannhapzz.", "Status: draft\n"
    ),
    "pages/gioi-thieu.md": "Title: Giới thiệu\n\nỦy ban MTTQ phường.\n",
}


def _everything(site: Path) -> bytes:
    """Every byte the site serves, search index fragments decompressed."""
    chunks = []
    for path in sorted(site.rglob("*")):
        if path.is_file():
            data = path.read_bytes()
            chunks.append(gzip.decompress(data) if data[:2] == b"\x1f\x8b" else data)
    return b"\n".join(chunks)


def _build(tmp_path: Path, when: str, capsys) -> tuple[Path, str]:
    content = tmp_path / "content"
    output = tmp_path / f"site-{when[:10]}"
    overrides = {**BASE, "PATH": str(content), "OUTPUT_PATH": str(output), "BUILD_DATE": when}
    stream = io.StringIO()
    status = build(PUBLISH, overrides, stream=stream)
    assert status == 0, stream.getvalue()
    return output, capsys.readouterr().out


@pytest.fixture
def production(tmp_path, monkeypatch):
    """Production settings need a public address."""
    monkeypatch.setenv("SITEURL", "https://phuong.example.vn")
    monkeypatch.chdir(tmp_path)
    write_files(tmp_path / "content", FILES)
    return tmp_path


NOTICE_AND_DOCUMENT_DRAFTS = {
    "notices/2024-05-30-nhap.md": (
        "Title: Thông báo zzthongbaonhapzz\nDate: 2024-05-30 08:00\nStatus: draft\n\nNháp.\n"
    ),
    "notices/2024-06-05-hen-gio.md": (
        "Title: Thông báo zzthongbaohengiozz\nDate: 2024-06-05 08:00\n\nSắp tới.\n"
    ),
    "documents/21-kh-mttq-2024.md": (
        "Title: Kế hoạch zzvanbannhapzz\nNumber: 21/KH-MTTQ\nType: Kế hoạch\n"
        "Issuer: Ủy ban MTTQ phường\nIssued: 2024-05-30\nFiles: van-ban/kh-21.pdf\n"
        "Status: draft\n"
    ),
    "files/van-ban/kh-21.pdf": b"%PDF-1.4\n" + b"0" * 100,
}


def test_drafts_and_scheduled_content_appear_nowhere(production, capsys):
    write_files(production / "content", NOTICE_AND_DOCUMENT_DRAFTS)
    site, out = _build(production, "2024-06-01 12:00", capsys)
    assert (site / "2024/05/30/hoi-nghi-da-dang/index.html").exists()
    everything = _everything(site)
    assert b"zzdadangzz" in everything  # the search index really was searched
    hidden = ["zzhengiozz", "zzbannhapzz", "Hội nghị hẹn giờ", "Hội nghị bản nháp"]
    hidden += ["zzthongbaonhapzz", "zzthongbaohengiozz", "zzvanbannhapzz"]
    for word in hidden:
        assert word.encode() not in everything, word
    assert not (site / "2024/06/02").exists()
    # The draft document's attachment is held back with it (issue 14).
    assert not (site / "files/van-ban/kh-21.pdf").exists()
    assert "  Bản nháp (không đăng): 4" in out.splitlines()
    assert "    - content/files/van-ban/kh-21.pdf" in out.splitlines()
    assert "    - 05/06/2024 08:00: content/notices/2024-06-05-hen-gio.md" in out.splitlines()


def test_a_scheduled_article_is_published_once_its_time_has_come(production, capsys):
    site, _ = _build(production, "2024-06-02 08:00", capsys)
    page = site / "2024/06/02/hoi-nghi-hen-gio/index.html"
    assert page.exists()
    home = (site / "index.html").read_text(encoding="utf-8")
    assert "/2024/06/02/hoi-nghi-hen-gio/" in home
    assert "2024/06/02/hoi-nghi-hen-gio/" in (site / "sitemap.xml").read_text(encoding="utf-8")
    assert "hoi-nghi-hen-gio" in (site / "feeds/all.atom.xml").read_text(encoding="utf-8")
    everything = _everything(site)
    assert b"zzhengiozz" in everything
    assert b"zzbannhapzz" not in everything  # a draft stays a draft


def test_the_build_ends_with_a_vietnamese_summary(production, capsys):
    _, out = _build(production, "2024-06-01 12:00", capsys)
    summary = out[out.index("Tóm tắt nội dung") :].splitlines()[:7]
    assert summary == [
        "Tóm tắt nội dung (tính đến 12:00 ngày 01/06/2024):",
        "  Đăng: 1 tin bài, 1 trang",
        "  Bản nháp (không đăng): 1",
        "    - content/articles/tin-tuc-su-kien/2024-05-31-ban-nhap.md",
        "  Hẹn giờ đăng: 1",
        "    - 02/06/2024 08:00: content/articles/tin-tuc-su-kien/2024-06-02-hen-gio.md",
        "  Lỗi: 0",
    ]


def test_the_summary_counts_photos_and_attachments_apart(production, capsys):
    from tests.publishing import jpeg  # noqa: PLC0415 - a real photo

    photos = "\n\n![Hội nghị]({static}/images/a.jpg)\n\n![Cử tri]({static}/images/b.png)\n"
    write_files(
        production / "content",
        {
            "images/a.jpg": jpeg(300, 200),
            "images/b.png": (ROOT / "theme/static/img/logo.png").read_bytes(),
            "articles/tin-tuc-su-kien/2024-05-30-da-dang.md": _article(
                "Hội nghị đã đăng", "2024-05-30 08:00", "Ảnh hội nghị." + photos
            ),
            **{k: v for k, v in NOTICE_AND_DOCUMENT_DRAFTS.items() if k.startswith("files/")},
            "documents/21-kh-mttq-2024.md": NOTICE_AND_DOCUMENT_DRAFTS[
                "documents/21-kh-mttq-2024.md"
            ].replace("Status: draft\n", ""),
        },
    )
    _, out = _build(production, "2024-06-01 12:00", capsys)
    summary = out[out.index("Tóm tắt nội dung") :].splitlines()
    assert summary[1] == "  Đăng: 1 tin bài, 1 văn bản, 1 trang, 2 ảnh, 1 tệp đính kèm"


def test_every_demo_content_file_has_exactly_one_outcome():
    settings = load_settings(ROOT / "pelicanconf.py", {"PATH": str(DEMO_CONTENT)})
    reset()
    report = check_site(settings)
    errors = {problem.path for problem in problems()}
    reset()
    groups = report.by_outcome(errors)
    on_disk = {
        path.relative_to(DEMO_CONTENT).as_posix()
        for path in DEMO_CONTENT.rglob("*")
        if path.is_file() and not path.name.startswith(".")
    }
    counted = [item.relative for outcome in OUTCOMES for item in groups[outcome]]
    assert sorted(counted) == sorted(on_disk)  # every file once, none twice
    kinds = {item.kind for item in groups["published"]}
    assert {"article", "page", "static"} <= kinds


def test_invoke_check_and_build_exit_codes_as_an_editor_sees_them(tmp_path):
    bad = tmp_path / "bad"
    write_files(
        bad / "content",
        {
            "articles/tin-tuc-su-kien/a.md": _article("Tin", "31/02/2020", "Nội dung."),
            "data/luot-truy-cap.toml": "count = 1539736\n",
        },
    )
    env = {**os.environ, "PYTHONPATH": str(ROOT / "plugins")}
    check = subprocess.run(
        [sys.executable, "-m", "invoke", "-r", str(ROOT), "check", "--path", str(bad / "content")],
        cwd=bad,
        env=env,
        capture_output=True,
        text=True,
        check=False,
    )
    line = 'content/articles/tin-tuc-su-kien/a.md:2: Ngày "31/02/2020" không có thật: '
    line += "tháng 2 năm 2020 chỉ có 29 ngày."
    assert check.returncode == 1
    assert f"  {line}\n" in check.stderr
    assert "Traceback" not in check.stderr + check.stdout
    settings_file = bad / "settings.py"
    settings_file.write_text(
        f"import sys\nsys.path.insert(0, {str(ROOT)!r})\nfrom pelicanconf import *\n"
        f"PATH = {str(bad / 'content')!r}\nTHEME = {str(ROOT / 'theme')!r}\n"
        f"PLUGIN_PATHS = [{str(ROOT / 'plugins')!r}]\nCACHE_PATH = {str(bad / 'cache')!r}\n",
        encoding="utf-8",
    )
    built = subprocess.run(
        [sys.executable, "-m", "portal_core.runner", str(settings_file), str(bad / "out")],
        cwd=bad,
        env=env,
        capture_output=True,
        text=True,
        check=False,
    )
    assert built.returncode == 1
    assert f"  {line}\n" in built.stderr
    assert "Traceback" not in built.stderr + built.stdout
    assert not (bad / "out" / "index.html").exists()


def test_check_fix_converts_encodings_and_then_passes(tmp_path, monkeypatch):
    from tests.plugins.test_content_checks import to_cp1258  # noqa: PLC0415

    monkeypatch.chdir(tmp_path)
    legacy = _article("Hội nghị tổng kết", "2024-05-30 08:00", "Đoàn kết, dân chủ.")
    files = {
        "articles/tin-tuc-su-kien/a.md": to_cp1258(legacy),
        "articles/tin-tuc-su-kien/b.md": unicodedata.normalize(
            "NFD", _article("Tin khác", "2024-05-30 09:00", "Nội dung.")
        ),
    }
    content = write_files(tmp_path / "content", files)
    before = io.StringIO()
    assert run_check(ROOT / "pelicanconf.py", {**BASE, "PATH": str(content)}, err=before) == 1
    out = io.StringIO()
    status = run_check(ROOT / "pelicanconf.py", {**BASE, "PATH": str(content)}, fix=True, out=out)
    assert status == 0
    assert out.getvalue().splitlines()[:2] == [
        "Đã sửa content/articles/tin-tuc-su-kien/a.md: chuyển từ bảng mã Windows-1258 sang UTF-8.",
        "Đã sửa content/articles/tin-tuc-su-kien/b.md: chuẩn hóa chữ có dấu sang Unicode NFC.",
    ]
    assert (content / "articles/tin-tuc-su-kien/a.md").read_text(encoding="utf-8") == legacy


def _invoke(*args: str, cwd: Path, when: str = "") -> subprocess.CompletedProcess:
    env = {**os.environ, "PYTHONPATH": str(ROOT / "plugins")}
    if when:
        env["PORTAL_BUILD_DATE"] = when
    return subprocess.run(
        [sys.executable, "-m", "invoke", "-r", str(ROOT), *args],
        cwd=cwd,
        env=env,
        capture_output=True,
        text=True,
        check=False,
    )


def test_invoke_new_starts_drafts_that_pass_the_checks(tmp_path):
    write_files(tmp_path / "content", {"data/luot-truy-cap.toml": "count = 1539736\n"})
    when = "2025-01-31 08:05"
    made = [
        _invoke("new", "article", "Hội nghị tiếp xúc cử tri", "--category", "giam sat phan bien",
                "--path", "content", cwd=tmp_path, when=when),
        _invoke("new", "notice", "Lịch tiếp công dân tháng 2", "--path", "content",
                cwd=tmp_path, when=when),
        _invoke("new", "document", "Kế hoạch tổ chức Tết", "--type", "ke hoach",
                "--number", "05/KH-MTTQ", "--path", "content", cwd=tmp_path, when=when),
    ]  # fmt: skip
    assert [result.returncode for result in made] == [0, 0, 0]
    assert [result.stdout.splitlines()[0] for result in made] == [
        "Đã tạo content/articles/giam-sat-phan-bien/2025-01-31-hoi-nghi-tiep-xuc-cu-tri.md "
        "(bản nháp).",
        "Đã tạo content/notices/2025-01-31-lich-tiep-cong-dan-thang-2.md (bản nháp).",
        "Đã tạo content/documents/05-kh-mttq-2025.md (bản nháp).",
    ]
    checked = _invoke("check", "--path", "content", cwd=tmp_path, when=when)
    assert checked.returncode == 0, checked.stderr
    assert "  Bản nháp (không đăng): 3" in checked.stdout.splitlines()
    again = _invoke("new", "notice", "Lịch tiếp công dân tháng 2", "--path", "content",
                    cwd=tmp_path, when=when)  # fmt: skip
    assert again.returncode == 1
    assert again.stderr.strip() == (
        "Không tạo được tệp: Tệp notices/2025-01-31-lich-tiep-cong-dan-thang-2.md đã có: "
        "mở tệp đó để sửa, hoặc đổi tiêu đề."
    )


DOCUMENT = """Title: Báo cáo kết quả bình xét hộ nghèo
Number: 20/BC-UBND
Type: Báo cáo
Issuer: Ủy ban nhân dân phường Hòa Bình
Issued: 2024-06-01
Files: van-ban/bao-cao.pdf
"""


def test_a_mistake_found_while_reading_still_ends_with_the_summary(tmp_path, monkeypatch, capsys):
    monkeypatch.chdir(tmp_path)
    content = write_files(
        tmp_path / "content",
        {
            "articles/tin-tuc-su-kien/a.md": _article("Tin", "2024-05-30 08:00", "Nội dung."),
            "files/van-ban/bao-cao.pdf": b"%PDF-1.4\n" + b"0" * 100,
            "documents/a.md": DOCUMENT,
            "documents/b.md": DOCUMENT.replace("hộ nghèo", "hộ cận nghèo"),
        },
    )
    stream = io.StringIO()
    overrides = {**BASE, "PATH": str(content), "OUTPUT_PATH": str(tmp_path / "out")}
    assert build(ROOT / "pelicanconf.py", overrides, stream=stream) == 1
    # Two documents with one number: found by the documents plugin while reading.
    (message,) = [line.strip() for line in stream.getvalue().splitlines() if line[:2] == "  "]
    assert message.startswith('content/documents/b.md:2: Số/ký hiệu "20/BC-UBND" (năm 2024)')
    out = capsys.readouterr().out
    summary = out[out.index("Tóm tắt nội dung") :].splitlines()
    assert summary[1:5] == [
        "  Đăng: 1 tin bài, 1 văn bản, 1 tệp đính kèm",
        "  Bản nháp (không đăng): 0",
        "  Hẹn giờ đăng: 0",
        "  Lỗi: 1 lỗi ở 1 tệp",
    ]
