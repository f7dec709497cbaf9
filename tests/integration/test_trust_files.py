"""Only regular files of published content reach the site (issue 14, holes 2 and 3).

Every case runs through ``./portal check`` (``run_check``) and the build
(``runner.build``): both must fail with the same Vietnamese messages, and the
build must not have copied anything.
"""

from __future__ import annotations

import io
import os
import subprocess
import sys
import unicodedata
from collections.abc import Callable
from pathlib import Path

import pytest

from content_checks.cli import run_check
from portal_core.runner import build
from tests.publishing import jpeg
from tests.support import ROOT, write_files

SETTINGS = ROOT / "pelicanconf.py"
BASE = {"VISITOR_COUNTER": None}
A = "articles/tin-tuc-su-kien/a.md"
PDF = b"%PDF-1.4\n% test\n"
JPEG = jpeg(64, 48)


def article(
    extra: str = "", body: str = "Cử tri phát biểu ý kiến.", date: str = "2024-10-03 08:30"
) -> str:
    return (
        "Title: Hội nghị tiếp xúc cử tri\n"
        f"Date: {date}\n"
        "Category: Tin tức sự kiện\n"
        "Summary: Sáng 3/10, Ủy ban MTTQ phường tổ chức hội nghị tiếp xúc cử tri.\n"
        f"{extra}\n{body}\n"
    )


def _messages(text: str) -> list[str]:
    return [line.strip() for line in text.splitlines() if line.startswith("  ")]


@pytest.fixture
def site(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Callable[..., Path]:
    """Write files (and links) under tmp_path/content; work from tmp_path."""
    monkeypatch.chdir(tmp_path)

    def _site(files: dict[str, str | bytes], links: dict[str, str] | None = None) -> Path:
        content = write_files(tmp_path / "content", files)
        for relative, target in (links or {}).items():
            link = content / relative
            link.parent.mkdir(parents=True, exist_ok=True)
            link.symlink_to(target)
        return content

    return _site


def check_and_build(content: Path, output: Path, **settings) -> tuple[list[str], list[str]]:
    """Messages of ``./portal check`` and of ``./portal build``; both must fail."""
    overrides = {**BASE, "PATH": str(content), **settings}
    err = io.StringIO()
    assert run_check(SETTINGS, overrides, err=err) == 1
    stream = io.StringIO()
    # In place (not atomic): "nothing was copied" means something.
    built = build(SETTINGS, {**overrides, "OUTPUT_PATH": str(output)}, stream=stream, atomic=False)
    assert built == 1
    assert "Traceback" not in err.getvalue() + stream.getvalue()
    return _messages(err.getvalue()), _messages(stream.getvalue())


def published(output: Path) -> list[str]:
    """Every file the build wrote (relative posix paths)."""
    return sorted(p.relative_to(output).as_posix() for p in output.rglob("*") if p.is_file())


# --- Hole 2: symbolic links -------------------------------------------------------------


def _link_message(relative: str, target: str, what: str = "tệp") -> str:
    return (
        f'content/{relative}: Đây là liên kết tượng trưng (symlink) tới "{target}", không phải '
        f"{what} thật: trang chỉ đăng tệp nằm ngay trong kho nội dung. Xóa liên kết này; nếu "
        f"cần {what} đó, chép bản thật vào đây."
    )


@pytest.mark.parametrize(
    ("relative", "target", "what"),
    [
        ("files/env.pdf", "/proc/self/environ", "tệp"),
        ("images/passwd.jpg", "/etc/passwd", "tệp"),
        ("images/he-thong", "/etc", "thư mục"),
        ("articles/tin-tuc-su-kien/b.md", "/etc/hostname", "tệp"),
    ],
)
def test_a_symlink_is_refused_by_check_and_build(site, tmp_path, relative, target, what):
    content = site({A: article()}, {relative: target})
    output = tmp_path / "output"
    checked, built = check_and_build(content, output)
    assert checked == built == [_link_message(relative, target, what)]
    assert not output.exists() or published(output) == []


def test_a_symlink_to_a_file_of_the_site_itself_is_refused_too(site, tmp_path):
    # Even a link inside content/: what is published must be what is in the repository.
    content = site({A: article(), "files/that.pdf": PDF}, {"files/this.pdf": "that.pdf"})
    checked, built = check_and_build(content, tmp_path / "output")
    assert checked == built == [_link_message("files/this.pdf", "that.pdf")]


def test_a_pipe_in_the_content_folder_is_refused(site, tmp_path):
    content = site({A: article()})
    os.mkfifo(content / "files-pipe.pdf")
    checked, built = check_and_build(content, tmp_path / "output")
    assert (
        checked
        == built
        == [
            "content/files-pipe.pdf: Đây không phải tệp thường (ống dẫn, thiết bị...): xóa nó "
            "khỏi thư mục nội dung."
        ]
    )


# --- Hole 2: what the attachments folder may hold ---------------------------------------

ALLOWED = "PDF, DOC, DOCX, XLS, XLSX, ODT, ODS, MP4, WEBM, VTT"


@pytest.mark.parametrize(
    ("name", "data", "shown"),
    [
        ("cau-hinh.env", b"SECRET_KEY=abc\n", 'đuôi ".env"'),
        ("ghi-chu.txt", "Ghi chú nội bộ".encode(), 'đuôi ".txt"'),
        ("bao-cao.html", b"<script>alert(1)</script>", 'đuôi ".html"'),
        (".env", b"TOKEN=abc\n", "không có đuôi"),
    ],
)
def test_an_unlisted_type_in_files_is_refused_though_nothing_links_to_it(
    site, tmp_path, name, data, shown
):
    content = site({A: article(), f"files/{name}": data})
    output = tmp_path / "output"
    checked, built = check_and_build(content, output)
    assert (
        checked
        == built
        == [
            f'content/files/{name}: Tệp "{name}" ({shown}) không phải loại tệp đính kèm được '
            f"đăng: thư mục files/ chỉ nhận {ALLOWED}. Xóa tệp này, hoặc lưu nội dung thành một "
            "trong các loại đó."
        ]
    )
    assert not output.exists() or published(output) == []


def test_a_renamed_file_in_files_is_refused_by_its_first_bytes(site, tmp_path):
    content = site({A: article(), "files/2024/ke-hoach.pdf": b"#!/bin/sh\necho pwned\n"})
    checked, built = check_and_build(content, tmp_path / "output")
    assert (
        checked
        == built
        == [
            'content/files/2024/ke-hoach.pdf: Tệp "ke-hoach.pdf" không phải tệp PDF thật (có thể '
            "đã bị đổi đuôi). Lưu lại tệp đúng định dạng PDF từ phần mềm soạn thảo."
        ]
    )


def test_a_genuine_attachment_nobody_links_to_is_still_published(site, tmp_path):
    content = site({A: article(), "files/bieu-mau.pdf": PDF})
    output = tmp_path / "output"
    assert build(SETTINGS, {**BASE, "PATH": str(content), "OUTPUT_PATH": str(output)}) == 0
    assert (output / "files" / "bieu-mau.pdf").read_bytes() == PDF


# --- Pictures: what the images and extra folders may hold ---------------------------------

PLAIN_SVG = (
    b'<svg xmlns="http://www.w3.org/2000/svg" width="40" height="40">'
    b'<circle cx="20" cy="20" r="18" fill="#c00"/></svg>'
)
ACTIVE_SVG = {
    "script": (
        b'<svg xmlns="http://www.w3.org/2000/svg"><script>alert(1)</script></svg>',
        "<script>",
    ),
    "onload": (b'<svg xmlns="http://www.w3.org/2000/svg" onload="alert(1)"/>', "onload="),
    "entity_encoded_href": (
        b'<svg xmlns="http://www.w3.org/2000/svg" xmlns:xlink="http://www.w3.org/1999/xlink">'
        b'<a xlink:href="&#106;avascript:alert(1)"><text>x</text></a></svg>',
        "javascript:",
    ),
    "foreign_object": (
        b'<svg xmlns="http://www.w3.org/2000/svg"><foreignObject><iframe src="//x"/>'
        b"</foreignObject></svg>",
        "<foreignObject>",
    ),
}


@pytest.mark.parametrize("case", list(ACTIVE_SVG))
def test_an_svg_that_runs_script_is_refused(site, tmp_path, case):
    data, shown = ACTIVE_SVG[case]
    content = site({A: article(), "images/bieu-trung.svg": data})
    output = tmp_path / "output"
    checked, built = check_and_build(content, output)
    assert checked == built
    assert len(checked) == 1
    assert checked[0].startswith(
        'content/images/bieu-trung.svg: Hình vẽ SVG "bieu-trung.svg" chứa mã chạy được'
    )
    assert f'"{shown}' in checked[0]
    assert "Xuất lại hình" in checked[0]
    assert not output.exists() or published(output) == []


@pytest.mark.parametrize(
    ("relative", "data"),
    [
        ("images/2024/tin.html", b"<script>document.cookie</script>"),
        ("images/ma.js", b"alert(1)"),
        ("extra/xac-minh.html", b"<html><script>alert(1)</script></html>"),
    ],
)
def test_a_page_or_script_in_a_picture_folder_is_refused(site, tmp_path, relative, data):
    content = site({A: article(), relative: data})
    output = tmp_path / "output"
    checked, built = check_and_build(content, output)
    assert checked == built
    assert len(checked) == 1
    assert checked[0].startswith(f"content/{relative}: Tệp ")
    assert "trang chỉ đăng ảnh (AVIF, GIF, ICO, JPG, PNG, SVG, WEBP)" in checked[0]
    assert not output.exists() or published(output) == []


def test_a_script_renamed_as_a_photo_is_refused(site, tmp_path):
    content = site({A: article(), "images/2024/anh.png": b"<html><script>x</script>"})
    checked, built = check_and_build(content, tmp_path / "output")
    assert (
        checked
        == built
        == [
            'content/images/2024/anh.png: Tệp "anh.png" không phải ảnh PNG thật (có thể đã bị '
            "đổi đuôi). Mở ảnh bằng phần mềm xem ảnh rồi lưu lại đúng định dạng ảnh PNG."
        ]
    )


def test_genuine_pictures_and_a_plain_svg_are_published(site, tmp_path):
    content = site(
        {
            A: article(),
            "images/2024/anh.jpg": JPEG,
            "images/bieu-trung.svg": PLAIN_SVG,
            "extra/bieu-mau.pdf": PDF,
        }
    )
    output = tmp_path / "output"
    assert build(SETTINGS, {**BASE, "PATH": str(content), "OUTPUT_PATH": str(output)}) == 0
    assert (output / "images" / "bieu-trung.svg").read_bytes() == PLAIN_SVG
    assert (output / "images" / "2024" / "anh.jpg").read_bytes() == JPEG
    assert (output / "extra" / "bieu-mau.pdf").read_bytes() == PDF


# --- Hole 3: drafts and scheduled items keep their files ---------------------------------

DRAFT_DOCUMENT = (
    "Title: Dự thảo kế hoạch tổ chức Ngày hội Đại đoàn kết năm 2024\n"
    "Number: 41/KH-MTTQ\n"
    "Type: Kế hoạch\n"
    "Issuer: Ban Thường trực Ủy ban MTTQ Việt Nam phường Hòa Bình\n"
    "Issued: 2024-10-01\n"
    "Status: draft\n"
    "Files: du-thao/41-kh-mttq.pdf | Dự thảo\n"
    "\nBản dự thảo, chưa ban hành.\n"
)
DRAFT_NOTICE = (
    "Title: Lịch tiếp công dân tháng 11\n"
    "Date: 2024-10-20 08:00\n"
    "Status: draft\n"
    "Files: {static}/files/lich-tiep-cong-dan.pdf\n"
    "\nLịch tiếp công dân của Thường trực Ủy ban MTTQ phường.\n"
)
PHOTO = "{static}/images/2024/nha-dai-doan-ket.jpg"
DRAFT_ARTICLE = article(
    extra=f"Status: draft\nImage: {PHOTO}\nImage-alt: Lễ khởi công nhà Đại đoàn kết\n",
    body="![Gia đình nhận nhà mới]({static}/images/2024/trao-nha.jpg)",
)
WITH_FILES = {
    A: article(),
    "articles/tin-tuc-su-kien/b.md": DRAFT_ARTICLE,
    "documents/41-kh-mttq.md": DRAFT_DOCUMENT,
    "notices/lich-tiep.md": DRAFT_NOTICE,
    "files/du-thao/41-kh-mttq.pdf": PDF + b"du thao",
    "files/lich-tiep-cong-dan.pdf": PDF + b"lich",
    "images/2024/nha-dai-doan-ket.jpg": JPEG,
    "images/2024/trao-nha.jpg": jpeg(48, 64),
}
UNPUBLISHED_FILES = [
    "files/du-thao/41-kh-mttq.pdf",
    "files/lich-tiep-cong-dan.pdf",
    "images/2024/nha-dai-doan-ket.jpg",
    "images/2024/trao-nha.jpg",
]


def _build_ok(content: Path, output: Path, **settings) -> str:
    stream = io.StringIO()
    overrides = {**BASE, "PATH": str(content), "OUTPUT_PATH": str(output), **settings}
    assert build(SETTINGS, overrides, stream=stream) == 0, stream.getvalue()
    return stream.getvalue()


def test_files_of_drafts_are_not_published(site, tmp_path, capsys):
    content = site(WITH_FILES)
    output = tmp_path / "output"
    _build_ok(content, output)
    written = published(output)
    assert "2024/10/03/hoi-nghi-tiep-xuc-cu-tri/index.html" in written
    for relative in UNPUBLISHED_FILES:
        assert relative not in written
    # Not under another name either (no copy of their bytes anywhere in the site).
    secrets = {(content / relative).read_bytes() for relative in UNPUBLISHED_FILES}
    assert not [name for name in written if (output / name).read_bytes() in secrets]
    # Nor as resized copies: the one published article shows no photo.
    assert not [name for name in written if name.startswith("co-nho/")]
    # The summary says they are held back, in the check as in the build.
    built = capsys.readouterr().out.splitlines()
    out = io.StringIO()
    assert run_check(SETTINGS, {**BASE, "PATH": str(content)}, out=out) == 0
    checked = out.getvalue().splitlines()
    for relative in UNPUBLISHED_FILES:
        assert f"    - content/{relative}" in built
        assert f"    - content/{relative}" in checked
    assert "  Bản nháp (không đăng): 7" in built
    assert "  Bản nháp (không đăng): 7" in checked


def test_a_file_a_published_item_also_uses_is_published(site, tmp_path):
    shared = article(
        extra=f"Image: {PHOTO}\nImage-alt: Lễ khởi công nhà Đại đoàn kết\n",
        body="[Lịch tiếp công dân]({static}/files/lich-tiep-cong-dan.pdf)",
        date="2024-10-05 09:00",
    )
    content = site({**WITH_FILES, "articles/tin-tuc-su-kien/c.md": shared})
    output = tmp_path / "output"
    _build_ok(content, output)
    written = published(output)
    assert "images/2024/nha-dai-doan-ket.jpg" in written
    assert "files/lich-tiep-cong-dan.pdf" in written
    assert "files/du-thao/41-kh-mttq.pdf" not in written
    assert "images/2024/trao-nha.jpg" not in written


def test_a_scheduled_articles_photo_waits_for_its_date(site, tmp_path):
    scheduled = article(
        extra=f"Image: {PHOTO}\nImage-alt: Lễ khởi công nhà Đại đoàn kết\n",
        date="2024-11-20 07:00",
    )
    content = site({A: article(), "articles/tin-tuc-su-kien/d.md": scheduled, PHOTO[9:]: JPEG})
    before, after = tmp_path / "before", tmp_path / "after"
    _build_ok(content, before, BUILD_DATE="2024-11-01")
    assert "images/2024/nha-dai-doan-ket.jpg" not in published(before)
    _build_ok(content, after, BUILD_DATE="2024-11-21")
    assert (after / "images/2024/nha-dai-doan-ket.jpg").read_bytes() == JPEG


# --- Check = build: addresses the build would not understand ------------------------------

PATH_A = f"content/{A}"
NAME = "hội-nghị.jpg"  # composed (NFC), as typed in an article
NFD_NAME = unicodedata.normalize("NFD", NAME)
IMAGE_HINT = (
    "không phải một ảnh của trang (địa chỉ chạy mã hoặc nhúng dữ liệu không được phép). Chép "
    'ảnh vào content/images/ rồi viết "Image: {static}/images/tên-ảnh.jpg".'
)
ENCODED = "{static}/images/h%E1%BB%99i-ngh%E1%BB%8B.jpg"


def _nfd_message(url: str, actual: str) -> str:
    return (
        f'Đường dẫn "{url}" không khớp tên tệp "{actual}": tên tệp viết ở dạng Unicode tổ hợp '
        "(NFD, thường do máy Mac hoặc tệp nén), trông giống nhưng khác chữ trong bài; chạy "
        '"./portal check --fix" để đổi tên tệp sang dạng chuẩn (NFC).'
    )


def _image(value: str) -> str:
    return article(extra=f"Image: {value}\nImage-alt: Quang cảnh hội nghị\n")


CASES: dict[str, tuple[dict[str, str | bytes], list[str]]] = {
    "image_javascript": (
        {A: _image("javascript:alert(document.cookie)")},
        [f'{PATH_A}:5: Ảnh đại diện "javascript:alert(document.cookie)" {IMAGE_HINT}'],
    ),
    "image_vbscript_upper_case": (
        {A: _image("VBScript:msgbox(1)")},
        [f'{PATH_A}:5: Ảnh đại diện "VBScript:msgbox(1)" {IMAGE_HINT}'],
    ),
    "image_data": (
        {A: _image("data:image/svg+xml;base64,PHN2Zz4=")},
        [f'{PATH_A}:5: Ảnh đại diện "data:image/svg+xml;base64,PHN2Zz4=" {IMAGE_HINT}'],
    ),
    "image_percent_encoded": (
        {A: _image(ENCODED), f"images/{NAME}": JPEG},
        [
            f'{PATH_A}:5: Đường dẫn "{ENCODED}" viết tên tệp ở dạng mã hóa (%..): trang không '
            f'tìm được tệp. Viết tên tệp như nó có: "{{static}}/images/{NAME}".'
        ],
    ),
    "body_percent_encoded": (
        {A: article(body=f"![Quang cảnh hội nghị]({ENCODED})"), f"images/{NAME}": JPEG},
        [
            f'{PATH_A}:6: Đường dẫn "{ENCODED}" viết tên tệp ở dạng mã hóa (%..): trang không '
            f'tìm được tệp. Viết tên tệp như nó có: "{{static}}/images/{NAME}".'
        ],
    ),
    "body_nfd_file_name": (
        {A: article(body=f"![Quang cảnh]({{static}}/images/{NAME})"), f"images/{NFD_NAME}": JPEG},
        [f"{PATH_A}:6: " + _nfd_message(f"{{static}}/images/{NAME}", f"images/{NFD_NAME}")],
    ),
    "document_nfd_file_name": (
        {
            A: article(),
            "documents/41-kh-mttq.md": DRAFT_DOCUMENT.replace("Status: draft\n", "").replace(
                "du-thao/41-kh-mttq.pdf", "kế-hoạch.pdf"
            ),
            unicodedata.normalize("NFD", "files/kế-hoạch.pdf"): PDF,
        },
        [
            "content/documents/41-kh-mttq.md:6: "
            + _nfd_message("kế-hoạch.pdf", unicodedata.normalize("NFD", "kế-hoạch.pdf"))
        ],
    ),
}


@pytest.mark.parametrize("name", list(CASES))
def test_check_and_build_report_the_same_mistake(name, site, tmp_path):
    files, expected = CASES[name]
    content = site(files)
    output = tmp_path / "output"
    checked, built = check_and_build(content, output)
    assert checked == built == expected
    assert not output.exists() or published(output) == []


def test_fix_renames_a_decomposed_file_name_and_the_site_builds(site, tmp_path):
    content = site(
        {A: article(body=f"![Quang cảnh]({{static}}/images/{NAME})"), f"images/{NFD_NAME}": JPEG}
    )
    out = io.StringIO()
    overrides = {**BASE, "PATH": str(content)}
    assert run_check(SETTINGS, overrides, fix=True, out=out, err=io.StringIO()) == 0
    assert f"Đã đổi tên content/images/{NFD_NAME} sang dạng chuẩn NFC: {NAME}." in out.getvalue()
    assert [path.name for path in (content / "images").iterdir()] == [NAME]
    output = tmp_path / "output"
    _build_ok(content, output)
    assert (output / "images" / NAME).read_bytes() == JPEG


# --- Check = build: a page on an address the site generates -------------------------------


def _page(title: str, slug: str | None = None) -> str:
    slug_line = f"Slug: {slug}\n" if slug else ""
    return f"Title: {title}\n{slug_line}\nNội dung trang.\n"


P = "pages/trang.md"
REBUILD = 'Đổi dòng "Slug: ..." sang tên khác.'
ADD_SLUG = 'Thêm dòng "Slug: ..." với tên khác.'
ADDRESS_CASES = {
    "archives": (
        _page("Lưu trữ", "luu-tru"),
        'Địa chỉ "luu-tru/" trùng với trang lưu trữ do hệ thống tự tạo (ARCHIVES_SAVE_AS)',
        2,
        REBUILD,
    ),
    "year_from_title": (
        _page("2024"),
        'Địa chỉ "2024/" trùng với lưu trữ theo năm do hệ thống tự tạo (YEAR_ARCHIVE_SAVE_AS)',
        1,
        ADD_SLUG,
    ),
    "documents": (
        _page("Văn bản", "van-ban"),
        'Địa chỉ "van-ban/" trùng với danh sách văn bản do hệ thống tự tạo (DOCUMENTS_SAVE_AS)',
        2,
        REBUILD,
    ),
    "notices": (
        _page("Thông báo", "thong-bao"),
        'Địa chỉ "thong-bao/" trùng với danh sách thông báo do hệ thống tự tạo (NOTICES_SAVE_AS)',
        2,
        REBUILD,
    ),
    "search": (
        _page("Tìm kiếm"),
        'Địa chỉ "tim-kiem/" trùng với trang tìm kiếm do hệ thống tự tạo (SEARCH_SAVE_AS)',
        1,
        ADD_SLUG,
    ),
    "categories": (
        _page("Chuyên mục", "chuyen-muc"),
        'Địa chỉ "chuyen-muc/" trùng với danh sách chuyên mục do hệ thống tự tạo '
        "(CATEGORIES_SAVE_AS)",
        2,
        REBUILD,
    ),
    "news": (
        _page("Tin đã đưa"),
        'Địa chỉ "tin-da-dua/" trùng với trang "Tin đã đưa" do hệ thống tự tạo (NEWS_SAVE_AS)',
        1,
        ADD_SLUG,
    ),
    "profile_page": (
        _page("Dữ liệu mở"),
        'Địa chỉ "du-lieu-mo/" trùng với trang "Dữ liệu mở" của hồ sơ đơn vị do hệ thống tự tạo',
        1,
        ADD_SLUG,
    ),
    "pagefind_folder": (
        _page("Tìm nhanh", "pagefind"),
        'Địa chỉ "pagefind/" nằm trong thư mục pagefind/ do hệ thống tự tạo (SEARCH_BUNDLE_URL)',
        2,
        REBUILD,
    ),
}


@pytest.mark.parametrize("name", list(ADDRESS_CASES))
def test_a_page_on_a_generated_address_is_reported_with_its_line(name, site, tmp_path):
    text, what, line, how = ADDRESS_CASES[name]
    content = site({A: article(), P: text})
    checked, built = check_and_build(content, tmp_path / "output")
    assert checked == built == [f"content/{P}:{line}: {what}: trang sẽ bị ghi đè. {how}"]


def test_a_year_page_is_fine_while_no_article_is_of_that_year(site, tmp_path):
    content = site({A: article(), P: _page("2023")})
    output = tmp_path / "output"
    _build_ok(content, output)
    assert "2023/index.html" in published(output)


# --- Check = build: two contents on one address, reported once with both lines ------------

NOTICE = "notices/2024-10-03-hop-to-dan-pho.md"


def _document(number: str) -> str:
    return (
        "Title: Đề án chỉnh trang đô thị năm 2024\n"
        f"Number: {number}\n"
        "Type: Kế hoạch\n"
        "Issuer: Ủy ban nhân dân phường Hòa Bình\n"
        "Issued: 2024-10-01\n"
        "Files: de-an.pdf | Toàn văn\n"
        "\nĐề án chỉnh trang đô thị.\n"
    )


def test_a_page_on_a_notice_address_is_reported_at_its_save_as_line(site, tmp_path):
    address = "thong-bao/2024/10/03/hop-to-dan-pho/"
    content = site(
        {
            A: article(),
            NOTICE: "Title: Họp tổ dân phố\nDate: 2024-10-03 08:00\n\nMời bà con dự họp.\n",
            P: f"Title: Họp tổ dân phố\nSave_as: {address}index.html\nUrl: {address}\n\nNội "
            "dung.\n",
        }
    )
    checked, built = check_and_build(content, tmp_path / "output")
    assert (
        checked
        == built
        == [
            f'content/{P}:2: Trùng địa chỉ "{address}" với tệp content/{NOTICE}:1. Đổi dòng '
            '"Save_as: ..." sang địa chỉ khác (ở tệp này hoặc tệp kia).'
        ]
    )


def test_two_documents_whose_numbers_make_one_address_are_reported_once(site, tmp_path):
    # "ĐA" and "DA" fold to one number and one address: one mistake, one message.
    content = site(
        {
            A: article(),
            "documents/a.md": _document("12/ĐA-UBND"),
            "documents/b.md": _document("12/DA-UBND"),
            "files/de-an.pdf": PDF,
        }
    )
    checked, built = check_and_build(content, tmp_path / "output")
    assert (
        checked
        == built
        == [
            'content/documents/b.md:2: Số/ký hiệu "12/DA-UBND" (năm 2024) trùng với văn bản '
            "trong tệp content/documents/a.md. Mỗi văn bản một số; kiểm tra lại số hoặc ngày "
            "ban hành."
        ]
    )


def test_a_decomposed_title_clashes_with_its_composed_twin(site, tmp_path):
    composed = article().replace("Title: Hội nghị tiếp xúc cử tri", "Title: Hội nghị cử tri")
    twin = "articles/tin-tuc-su-kien/b.md"
    content = site({A: composed, twin: unicodedata.normalize("NFD", composed)})
    checked, built = check_and_build(content, tmp_path / "output")
    clash = (
        f'content/{twin}:1: Trùng địa chỉ "2024/10/03/hoi-nghi-cu-tri/" với tệp content/{A}:1. '
        'Đổi tiêu đề hoặc thêm dòng "Slug: ..." khác cho một trong hai tệp.'
    )
    assert checked == built
    assert clash in checked
    assert any(message.startswith(f"content/{twin}:1: Chữ có dấu") for message in checked)


# --- Pelican's own command line ends like ./portal build -----------------------------------

PELICAN_CASES = {
    # Found by the check, at ``initialized``.
    "check": {A: article(), P: _page("Lưu trữ", "luu-tru")},
    # Found while reading (an unreadable photo), at ``all_generators_finalized``.
    "reading": {
        A: _image("{static}/images/hong.jpg"),
        "images/hong.jpg": b"\xff\xd8\xff\xe0 not a photo",
    },
}


@pytest.mark.parametrize("name", list(PELICAN_CASES))
def test_pelican_command_ends_on_the_portal_message(name, site, tmp_path):
    content = site(PELICAN_CASES[name])
    stream = io.StringIO()
    overrides = {**BASE, "PATH": str(content), "OUTPUT_PATH": str(tmp_path / "built")}
    assert build(SETTINGS, overrides, stream=stream) == 1
    command = [sys.executable, "-m", "pelican", "content", "-s", str(SETTINGS)]
    command += ["-o", str(tmp_path / "output"), "-e", 'VISITOR_COUNTER={"source": "none"}']
    command += ["CACHE_CONTENT=false", "LOAD_CONTENT_CACHE=false", f'CACHE_PATH="{tmp_path}/c"']
    result = subprocess.run(command, cwd=tmp_path, capture_output=True, text=True, check=False)
    assert result.returncode == 1
    assert "Traceback" not in result.stderr + result.stdout
    assert result.stderr.rstrip("\n").endswith(stream.getvalue().rstrip("\n"))
    assert _messages(result.stderr) == _messages(stream.getvalue()) != []
    assert not (tmp_path / "output").exists()


def test_what_macos_and_git_leave_in_files_does_not_stop_the_build(site, tmp_path):
    junk = {"files/.DS_Store": b"\x00\x00\x00\x01Bud1", "files/._bieu-mau.pdf": b"\x00\x05"}
    content = site({A: article(), "files/bieu-mau.pdf": PDF, "files/.gitkeep": b"", **junk})
    output = tmp_path / "output"
    _build_ok(content, output)
    assert "files/bieu-mau.pdf" in published(output)
    assert not [name for name in published(output) if "/." in name]


def test_a_hidden_article_is_neither_checked_nor_published(site, tmp_path):
    # The check skips hidden files (IGNORE_FILES); the build must skip them too.
    hidden = article(body="Nội dung zzchuakiemtrazz.").replace("Category: Tin tức sự kiện\n", "")
    content = site({A: article(), "articles/tin-tuc-su-kien/.ban-an.md": hidden})
    output = tmp_path / "output"
    _build_ok(content, output)
    assert not [
        name for name in published(output) if b"zzchuakiemtrazz" in (output / name).read_bytes()
    ]


def _pelican(tmp_path: Path, settings: Path, *extra: str) -> subprocess.CompletedProcess:
    command = [sys.executable, "-m", "pelican", "content", "-s", str(settings)]
    command += ["-o", str(tmp_path / "output"), "-e", *extra]
    command += ["CACHE_CONTENT=false", "LOAD_CONTENT_CACHE=false", f'CACHE_PATH="{tmp_path}/c"']
    return subprocess.run(command, cwd=tmp_path, capture_output=True, text=True, check=False)


def test_pelican_command_ends_on_the_message_of_a_broken_unit_settings_file(tmp_path):
    # A kit beside its own content: pelicanconf.py reads content/data/cai-dat.toml.
    kit = tmp_path / "kit"
    kit.mkdir()
    for name in ("plugins", "theme"):
        (kit / name).symlink_to(ROOT / name)
    (kit / "pelicanconf.py").write_text((ROOT / "pelicanconf.py").read_text(encoding="utf-8"))
    write_files(
        kit / "content", {A: article(), "data/cai-dat.toml": 'site_url = "https://x.vn"\n[oops\n'}
    )
    result = _pelican(tmp_path, kit / "pelicanconf.py")
    assert result.returncode == 1
    assert "Traceback" not in result.stderr + result.stdout
    text = " ".join((result.stdout + result.stderr).split())
    assert "KHÔNG DỰNG ĐƯỢC TRANG:" in text
    assert "content/data/cai-dat.toml:2: Sai cú pháp TOML" in text


def test_pelican_command_ends_on_the_message_of_a_refused_plugin_setting(site, tmp_path):
    content = site({A: article()})
    overrides = {"PATH": str(content), "VISITOR_COUNTER": {"source": "dem-tay"}}
    stream = io.StringIO()
    assert build(SETTINGS, {**overrides, "OUTPUT_PATH": str(tmp_path / "b")}, stream=stream) == 1
    expected = _messages(stream.getvalue())[0].removeprefix("Lỗi khi dựng trang: ")
    setting = [f'PATH="{content}"', 'VISITOR_COUNTER={"source": "dem-tay"}']
    result = _pelican(tmp_path, SETTINGS, *setting)
    assert result.returncode == 1
    assert "Traceback" not in result.stderr + result.stdout
    assert " ".join(expected.split()) in " ".join((result.stdout + result.stderr).split())
    assert not (tmp_path / "output").exists()


def test_a_jpeg_saved_with_a_png_name_is_still_a_picture(site, tmp_path):
    content = site({A: article(), "images/2024/anh.png": JPEG})
    output = tmp_path / "output"
    assert build(SETTINGS, {**BASE, "PATH": str(content), "OUTPUT_PATH": str(output)}) == 0
    assert (output / "images" / "2024" / "anh.png").read_bytes() == JPEG
