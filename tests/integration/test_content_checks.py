"""Every editor mistake gets one exact Vietnamese message and a failing exit code.

Each case is a tiny content folder with one mistake. The same folder is
checked the two ways an editor meets it: ``invoke check`` (``run_check``, the
function behind the task) and the build (``runner.build``, behind ``invoke
build``). Both must print exactly the expected ``file:line: message`` lines
and return 1. The working directory is the site folder, so paths read
``content/articles/...`` as in an editor's terminal.
"""

from __future__ import annotations

import io
import unicodedata
from dataclasses import dataclass, field

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from content_checks.cli import run_check
from portal_core.runner import build
from tests.plugins.test_content_checks import to_cp1258
from tests.support import ROOT, soup, write_files

SETTINGS = ROOT / "pelicanconf.py"
A = "articles/tin-tuc-su-kien/a.md"
PATH_A = f"content/{A}"
# A tiny site has no visitor-count data file; the counter is not under test here.
BASE = {"VISITOR_COUNTER": None}
DATE_HINT = 'Viết theo dạng "2024-10-03 08:30" hoặc "03/10/2024 08:30".'


def article(  # noqa: PLR0917 - a test helper; every field has a default
    title: str | None = "Hội nghị tiếp xúc cử tri",
    date: str | None = "2024-10-03 08:30",
    category: str | None = "Tin tức sự kiện",
    summary: str | None = "Sáng 3/10, Ủy ban MTTQ phường tổ chức hội nghị tiếp xúc cử tri.",
    extra: str = "",
    body: str = "Cử tri phát biểu ý kiến về trật tự đô thị.",
) -> str:
    """An article; a field set to None is left out, ``extra`` adds header lines."""
    fields = [("Title", title), ("Date", date), ("Category", category), ("Summary", summary)]
    header = "".join(f"{name}: {value}\n" for name, value in fields if value is not None)
    return f"{header}{extra}\n{body}\n"


@dataclass
class Case:
    """One mistake: the files, the exact messages expected, extra settings."""

    files: dict[str, str | bytes]
    messages: list[str]
    settings: dict = field(default_factory=dict)


IMAGE = {"images/2024/hoi-nghi.jpg": b"\xff\xd8\xff\xe0 not really a jpeg"}
CASES: dict[str, Case] = {
    "missing_title": Case(
        {A: article(title=None)},
        [
            f'{PATH_A}:1: Thiếu dòng "Title: ..." (tiêu đề). Thêm vào phần đầu tệp, '
            'ví dụ "Title: Hội nghị tiếp xúc cử tri".'
        ],
    ),
    "empty_title": Case(
        {A: article(title="")},
        [f'{PATH_A}:1: Dòng "Title" đang để trống: ghi tiêu đề.'],
    ),
    "missing_date": Case(
        {A: article(date=None)},
        [
            f'{PATH_A}:1: Thiếu dòng "Date: ..." (ngày giờ đăng). Thêm vào phần đầu tệp, '
            'ví dụ "Date: 2024-10-03 08:30".'
        ],
    ),
    "impossible_date": Case(
        {A: article(date="31/02/2020")},
        [f'{PATH_A}:2: Ngày "31/02/2020" không có thật: tháng 2 năm 2020 chỉ có 29 ngày.'],
    ),
    "impossible_date_with_time": Case(
        {A: article(date="31/02/2020 08:00")},
        [f'{PATH_A}:2: Ngày "31/02/2020" không có thật: tháng 2 năm 2020 chỉ có 29 ngày.'],
    ),
    "unreadable_date": Case(
        {A: article(date="3 tháng 10 năm 2024")},
        [f'{PATH_A}:2: Ngày "3 tháng 10 năm 2024" không đúng định dạng. {DATE_HINT}'],
    ),
    "impossible_time": Case(
        {A: article(date="03/10/2024 24:30")},
        [f'{PATH_A}:2: Giờ "24:30" không có thật (giờ từ 00:00 đến 23:59).'],
    ),
    "date_before_1945": Case(
        {A: article(date="1900-01-01 08:00")},
        [
            f'{PATH_A}:2: Ngày "1900-01-01": năm 1900 không hợp lý (chỉ nhận năm từ 1945 '
            "đến 2100). Kiểm tra lại năm."
        ],
    ),
    "unknown_category": Case(
        {A: article(category="Tin tuc su kein")},
        [
            f'{PATH_A}:3: Chuyên mục "Tin tuc su kein" không có trong danh sách. '
            'Có phải "Tin tức sự kiện"?'
        ],
    ),
    "missing_summary": Case(
        {A: article(summary=None)},
        [
            f'{PATH_A}:1: Thiếu dòng "Summary: ..." (tóm tắt (sapo) một hai câu). Thêm vào '
            'phần đầu tệp, ví dụ "Summary: Sáng 3/10, Ủy ban MTTQ phường ...".'
        ],
    ),
    "summary_too_long": Case(
        {A: article(summary="Cử tri " * 60)},
        [
            f"{PATH_A}:4: Tóm tắt (Summary) dài 419 ký tự, quá giới hạn 400. Rút gọn còn một "
            "hai câu; phần chi tiết đưa vào thân bài."
        ],
    ),
    "missing_body_image": Case(
        {
            A: article(body='![Quang cảnh]({static}/images/2024/hoi-nghi.jpeg "Ảnh: Minh Anh")'),
            **IMAGE,
        },
        [
            f'{PATH_A}:6: Không tìm thấy tệp "images/2024/hoi-nghi.jpeg" (đường dẫn '
            '"{static}/images/2024/hoi-nghi.jpeg"). Kiểm tra tên tệp, hoặc chép tệp vào '
            "content/images/."
        ],
    ),
    "image_name_case": Case(
        {A: article(body="![Quang cảnh]({static}/images/2024/Hoi-Nghi.jpg)"), **IMAGE},
        [
            f'{PATH_A}:6: Không tìm thấy tệp "images/2024/Hoi-Nghi.jpg" (đường dẫn '
            '"{static}/images/2024/Hoi-Nghi.jpg"). Kiểm tra tên tệp, hoặc chữ hoa/thường '
            'phải khớp: tệp có tên "images/2024/hoi-nghi.jpg".'
        ],
    ),
    "image_without_alt": Case(
        {A: article(body="![]({static}/images/2024/hoi-nghi.jpg)"), **IMAGE},
        [
            f'{PATH_A}:6: Ảnh "{{static}}/images/2024/hoi-nghi.jpg" thiếu mô tả (alt): ghi mô '
            "tả ngắn trong ngoặc vuông, ví dụ ![Quang cảnh hội nghị]"
            "({static}/images/2024/hoi-nghi.jpg)."
        ],
    ),
    "html_image_without_alt": Case(
        {A: article(body='<img src="{static}/images/2024/hoi-nghi.jpg">'), **IMAGE},
        [
            f'{PATH_A}:6: Ảnh "{{static}}/images/2024/hoi-nghi.jpg" thiếu mô tả (alt): thêm '
            'alt="..." vào thẻ <img>.'
        ],
    ),
    "featured_image_without_alt": Case(
        {A: article(extra="Image: {static}/images/2024/hoi-nghi.jpg\n"), **IMAGE},
        [
            f'{PATH_A}:5: Có ảnh đại diện (Image) nhưng thiếu dòng "Image-alt: ..." mô tả ảnh '
            "cho người không xem được ảnh."
        ],
    ),
    "remote_image": Case(
        {A: article(body="![Quang cảnh](https://cdn.example.com/a.jpg)")},
        [
            f'{PATH_A}:6: Ảnh "https://cdn.example.com/a.jpg" lấy từ trang khác '
            "(cdn.example.com): trang không tải gì từ máy chủ bên ngoài. Tải ảnh về "
            'content/images/ rồi viết "{static}/images/tên-ảnh.jpg".'
        ],
    ),
    "image_path_without_static": Case(
        {A: article(body="![Quang cảnh](/images/2024/hoi-nghi.jpg)"), **IMAGE},
        [
            f'{PATH_A}:6: Đường dẫn ảnh "/images/2024/hoi-nghi.jpg" thiếu {{static}}: ảnh sẽ '
            'hỏng khi trang đặt ở thư mục con. Viết "{static}/images/2024/hoi-nghi.jpg".'
        ],
    ),
    "missing_attachment": Case(
        {A: article(body="Xem [toàn văn kế hoạch]({static}/files/ke-hoach-30.pdf).")},
        [
            f'{PATH_A}:6: Không tìm thấy tệp "files/ke-hoach-30.pdf" (đường dẫn '
            '"{static}/files/ke-hoach-30.pdf"). Kiểm tra tên tệp, hoặc chép tệp vào '
            "content/files/."
        ],
    ),
    "site_absolute_link": Case(
        {A: article(body="Xem [giới thiệu](/gioi-thieu/).")},
        [
            f'{PATH_A}:6: Liên kết "/gioi-thieu/" sẽ hỏng khi trang đặt ở thư mục con. Trỏ '
            'tới tệp nguồn, ví dụ "{filename}/pages/gioi-thieu.md", hoặc tệp đính kèm '
            '"{static}/files/...".'
        ],
    ),
    "duplicate_url": Case(
        {
            A: article(title="Hội nghị cử tri", date="2024-10-03 08:00"),
            "articles/tin-tuc-su-kien/b.md": article(
                title="Hội nghị cử trị", date="2024-10-03 14:00"
            ),
        },
        # The newer article keeps the address; the older one is named, as in the
        # build, each at the line that makes its address (no Slug: the title).
        [
            f'{PATH_A}:1: Trùng địa chỉ "2024/10/03/hoi-nghi-cu-tri/" với tệp '
            "content/articles/tin-tuc-su-kien/b.md:1. Đổi tiêu đề hoặc thêm dòng "
            '"Slug: ..." khác cho một trong hai tệp.'
        ],
    ),
    "link_to_draft": Case(
        {
            A: article(body="Xem [bài trước]({filename}/articles/tin-tuc-su-kien/b.md)."),
            "articles/tin-tuc-su-kien/b.md": article(title="Bài nháp", extra="Status: draft\n"),
        },
        [
            f'{PATH_A}:6: Liên kết "{{filename}}/articles/tin-tuc-su-kien/b.md" trỏ tới một '
            "bản nháp chưa đăng: người đọc sẽ gặp trang không có. Bỏ liên kết, hoặc đăng bài "
            "kia trước."
        ],
    ),
    "link_to_scheduled": Case(
        {
            A: article(body="Xem [lịch](b.md)."),
            "articles/tin-tuc-su-kien/b.md": article(title="Lịch", date="2099-01-01 08:00"),
        },
        [
            f'{PATH_A}:6: Liên kết "b.md" sẽ hỏng khi trang đặt ở thư mục con. Trỏ tới tệp '
            'nguồn, ví dụ "{filename}/pages/gioi-thieu.md", hoặc tệp đính kèm '
            '"{static}/files/...".'
        ],
    ),
    "link_to_scheduled_source": Case(
        {
            A: article(body="Xem [lịch]({filename}b.md)."),
            "articles/tin-tuc-su-kien/b.md": article(title="Lịch", date="2099-01-01 08:00"),
        },
        [
            f'{PATH_A}:6: Liên kết "{{filename}}b.md" trỏ tới bài hẹn giờ đăng lúc 08:00 '
            "01/01/2099: đến lúc đó liên kết còn hỏng. Hẹn giờ bài này muộn hơn, hoặc bỏ liên "
            "kết."
        ],
    ),
    "script": Case(
        {A: article(body="Tin.\n\n<script>alert('x')</script>")},
        [
            f"{PATH_A}:8: Không được chèn <script> vào bài: trang không chạy mã do người viết "
            "bài đưa vào. Xóa đoạn <script>…</script>."
        ],
    ),
    "style": Case(
        {A: article(body="<style>body { display: none }</style>\n\nTin.")},
        [
            f"{PATH_A}:6: Không được chèn <style> vào bài: định dạng do giao diện chung quyết "
            "định. Xóa đoạn <style>…</style>."
        ],
    ),
    "event_handler": Case(
        {A: article(body='<p onmouseover="steal()">Tin.</p>')},
        [
            f'{PATH_A}:6: Thuộc tính "onmouseover" trong thẻ <p> chạy mã JavaScript, không '
            "được phép. Xóa thuộc tính này."
        ],
    ),
    "javascript_url": Case(
        {A: article(body="Bấm [vào đây](javascript:alert(1)).")},
        [
            f'{PATH_A}:6: Địa chỉ "javascript:alert(1)" chạy mã hoặc nhúng nội dung lạ, không '
            "được phép. Dùng địa chỉ https://... hoặc {static}/...."
        ],
    ),
    "iframe_not_allowed": Case(
        {A: article(body='<iframe src="https://video.example.com/embed/1"></iframe>')},
        [
            f'{PATH_A}:6: Khung nhúng <iframe> từ "video.example.com" không được phép (chỉ '
            "nhúng qua https từ: www.youtube-nocookie.com). Xóa khung này, hoặc nhờ quản trị "
            "thêm tên miền vào IFRAME_ALLOWED_HOSTS."
        ],
        {"IFRAME_ALLOWED_HOSTS": ["www.youtube-nocookie.com"]},
    ),
    "level_one_heading": Case(
        {A: article(body="# Kết quả\n\nTin.")},
        [
            f'{PATH_A}:6: Thân bài có tiêu đề cấp 1 ("# ..." hoặc <h1>); mỗi trang chỉ có một '
            'tiêu đề cấp 1 là Title. Dùng "## " cho đề mục.'
        ],
    ),
    "windows_1258": Case(
        {A: to_cp1258(article())},
        [
            f"{PATH_A}:1: Tệp không lưu bằng bảng mã UTF-8 (nhận ra bảng mã Windows-1258): "
            'chữ có dấu sẽ hiện sai. Chạy "./portal check --fix" để sửa tự động.'
        ],
    ),
    "nfd": Case(
        {A: article(summary=unicodedata.normalize("NFD", "Cử tri phường Hòa Bình."))},
        [
            f"{PATH_A}:4: Chữ có dấu ở dạng tổ hợp (Unicode NFD): trông giống nhưng không "
            'khớp khi tìm kiếm, so sánh. Chạy "./portal check --fix" để sửa tự động.'
        ],
    ),
    "unknown_status": Case(
        {A: article(extra="Status: skip\n")},
        [
            f'{PATH_A}:5: Trạng thái "skip" không hợp lệ. Ghi "Status: draft" nếu là bản nháp '
            "chưa đăng; bỏ dòng này để đăng."
        ],
    ),
    "repeated_field": Case(
        {A: article(extra="Date: 2024-10-04 08:30\n")},
        [f'{PATH_A}:5: Dòng "Date" lặp lại (đã có ở dòng 2). Giữ một dòng.'],
    ),
    "misspelt_field": Case(
        {A: article(title=None, extra="Tittle: Hội nghị\n")},
        [
            f'{PATH_A}:1: Thiếu dòng "Title: ..." (tiêu đề). Thêm vào phần đầu tệp, '
            'ví dụ "Title: Hội nghị tiếp xúc cử tri".',
            f'{PATH_A}:4: Tên trường "Tittle" không có. Có phải "Title"?',
        ],
    ),
    "field_name_with_diacritics": Case(
        {A: "Title: Hội nghị\nTác giả: Minh Anh\nDate: 2024-10-03 08:30\n\nTin.\n"},
        [
            f'{PATH_A}:1: Thiếu dòng "Category: ..." (chuyên mục). Thêm vào phần đầu tệp, '
            'ví dụ "Category: Tin tức sự kiện".',
            f'{PATH_A}:1: Thiếu dòng "Date: ..." (ngày giờ đăng). Thêm vào phần đầu tệp, '
            'ví dụ "Date: 2024-10-03 08:30".',
            f'{PATH_A}:1: Thiếu dòng "Summary: ..." (tóm tắt (sapo) một hai câu). Thêm vào '
            'phần đầu tệp, ví dụ "Summary: Sáng 3/10, Ủy ban MTTQ phường ...".',
            f'{PATH_A}:2: Dòng "Tác giả: ..." không được đọc là thông tin bài: tên trường chỉ '
            'gồm chữ không dấu, số, "-" và "_" (như Title, Date). Nó và các dòng sau bị coi là '
            "nội dung. Sửa tên trường, hoặc thêm một dòng trống trước phần nội dung.",
        ],
    ),
    "html_file": Case(
        {"articles/tin-tuc-su-kien/a.html": "<html><body>Tin</body></html>"},
        [
            "content/articles/tin-tuc-su-kien/a.html: Tệp .html sẽ không được đăng: tin bài "
            "phải là tệp Markdown (.md) (HTML, reStructuredText, văn bản thường không được "
            "đọc). Lưu lại nội dung thành tệp .md (xem README)."
        ],
    ),
    "rst_file": Case(
        {"pages/gioi-thieu.rst": "Giới thiệu\n==========\n"},
        [
            "content/pages/gioi-thieu.rst: Tệp .rst sẽ không được đăng: trang phải là tệp "
            "Markdown (.md) (HTML, reStructuredText, văn bản thường không được đọc). Lưu lại "
            "nội dung thành tệp .md (xem README)."
        ],
    ),
    "outside_content_folders": Case(
        {"tin-moi.md": article()},
        [
            "content/tin-moi.md: Tệp nằm ngoài các thư mục nội dung nên sẽ không được đăng. "
            "Chuyển vào một trong: content/albums/, content/articles/, content/documents/, "
            "content/notices/, content/pages/, content/images/, content/files/, content/extra/."
        ],
    ),
    "article_in_images": Case(
        {"images/2024/tin.md": article()},
        [
            "content/images/2024/tin.md: Tệp bài viết (.md) nằm trong content/images/ sẽ bị "
            "chép nguyên văn lên trang thay vì thành bài. Chuyển vào "
            "content/articles/<chuyên-mục>/ (tin bài) hoặc content/pages/ (trang)."
        ],
    ),
    "photo_beside_article": Case(
        {A: article(), "articles/tin-tuc-su-kien/anh.jpg": b"\xff\xd8"},
        [
            "content/articles/tin-tuc-su-kien/anh.jpg: Ảnh, tệp đính kèm không đặt cạnh bài "
            "nên sẽ không được đăng: chuyển vào content/images/ (ảnh) hoặc content/files/ "
            '(tệp đính kèm) rồi trỏ tới bằng "{static}/images/..." hoặc "{static}/files/...".'
        ],
    ),
    "junk_file": Case(
        {A: article(), "images/Thumbs.db": b"\x00"},
        [
            "content/images/Thumbs.db: Tệp rác của hệ điều hành hoặc trình soạn thảo "
            "(Thumbs.db): xóa tệp này."
        ],
    ),
    # Pelican cannot make an address of these names: it warns, and warnings
    # stop the build (found by the property test below).
    "tag_without_letters": Case(
        {A: article(extra='Tags: đối ngoại, ¡/"\n')},
        [
            f'{PATH_A}:5: Thẻ "¡/"" không có chữ hay số nào để làm địa chỉ. Sửa lại, '
            'hoặc bỏ nó khỏi dòng "Tags:".'
        ],
    ),
    "author_without_letters": Case(
        {A: article(extra="Author: ...\n")},
        [
            f'{PATH_A}:5: Tác giả "..." không có chữ hay số nào để làm địa chỉ. Sửa lại, '
            'hoặc bỏ nó khỏi dòng "Author:".'
        ],
    ),
    # With both lines, Pelican's authors come from "Authors:": named once, there.
    "authors_line_without_letters": Case(
        {A: article(extra="Author: T.H.\nAuthors: Minh Anh, ...\n")},
        [
            f'{PATH_A}:6: Tác giả "..." không có chữ hay số nào để làm địa chỉ. Sửa lại, '
            'hoặc bỏ nó khỏi dòng "Authors:".'
        ],
    ),
    "page_without_title": Case(
        {"pages/lien-he.md": "Slug: lien-he\n\nĐịa chỉ: số 12 đường Hòa Bình.\n"},
        [
            'content/pages/lien-he.md:1: Thiếu dòng "Title: ..." (tiêu đề). Thêm vào phần đầu '
            'tệp, ví dụ "Title: Giới thiệu".'
        ],
    ),
}


def _messages(text: str) -> list[str]:
    return [line.strip() for line in text.splitlines() if line.startswith("  ")]


@pytest.fixture
def site(tmp_path, monkeypatch):
    """Write a case's content under tmp_path/content; work from tmp_path."""
    monkeypatch.chdir(tmp_path)

    def _site(files):
        return write_files(tmp_path / "content", files)

    return _site


@pytest.mark.parametrize("name", list(CASES))
def test_check_reports_the_mistake_exactly(name, site, capsys):
    case = CASES[name]
    content = site(case.files)
    err = io.StringIO()
    status = run_check(SETTINGS, {**BASE, "PATH": str(content), **case.settings}, err=err)
    assert status == 1
    assert _messages(err.getvalue()) == case.messages
    assert "Traceback" not in err.getvalue() + capsys.readouterr().out


@pytest.mark.parametrize("name", list(CASES))
def test_build_reports_the_same_mistake_and_fails(name, site, tmp_path, capsys):
    case = CASES[name]
    content = site(case.files)
    stream = io.StringIO()
    output = tmp_path / "output"
    overrides = {**BASE, "PATH": str(content), "OUTPUT_PATH": str(output), **case.settings}
    status = build(SETTINGS, overrides, stream=stream)
    assert status == 1
    assert _messages(stream.getvalue()) == case.messages
    assert not (output / "index.html").exists()  # nothing half-published


# --- What works ------------------------------------------------------------------------------


def test_bom_crlf_and_day_first_dates_build(site, tmp_path):
    text = article(title="Hội nghị cử tri", date="03/10/2024 08:30").replace("\n", "\r\n")
    content = site({A: b"\xef\xbb\xbf" + text.encode()})
    output = tmp_path / "output"
    stream = io.StringIO()
    overrides = {**BASE, "PATH": str(content), "OUTPUT_PATH": str(output)}
    assert build(SETTINGS, overrides, stream=stream) == 0, stream.getvalue()
    page = (output / "2024/10/03/hoi-nghi-cu-tri/index.html").read_text(encoding="utf-8")
    assert "Hội nghị cử tri" in page
    assert "\ufeff" not in page


def test_links_pelican_understands_pass(site):
    body = (
        "Về [trang chủ]({index}), [chuyên mục]({category}tin-tuc-su-kien), "
        "[giới thiệu]({filename}/pages/gioi-thieu.md), [mục 2](#muc-2), "
        "[Cổng Chính phủ](https://chinhphu.vn/), [thư](mailto:mttq@example.vn)."
    )
    content = site({A: article(body=body), "pages/gioi-thieu.md": "Title: Giới thiệu\n\nx\n"})
    err = io.StringIO()
    assert run_check(SETTINGS, {**BASE, "PATH": str(content)}, err=err) == 0, err.getvalue()


def test_iframe_from_an_allowed_host_is_published(site, tmp_path):
    embed = '<iframe src="https://www.youtube-nocookie.com/embed/abc" title="Video"></iframe>'
    content = site({A: article(title="Video hội nghị", body=embed)})
    output = tmp_path / "output"
    overrides = {
        **BASE,
        "PATH": str(content),
        "OUTPUT_PATH": str(output),
        "IFRAME_ALLOWED_HOSTS": ["www.youtube-nocookie.com"],
    }
    assert build(SETTINGS, overrides, stream=io.StringIO()) == 0
    page = (output / "2024/10/03/video-hoi-nghi/index.html").read_text(encoding="utf-8")
    assert embed in page


def test_output_is_sanitised_even_where_the_checks_allow_html(site, tmp_path):
    body = (
        '<div style="position:fixed;top:0">Tin <marquee>chạy chữ</marquee></div>\n\n'
        '<p><a href="data:image/png;base64,AAAA">ảnh nhúng</a> <u>gạch chân</u></p>\n\n'
        "<!-- ghi chú nội bộ của ban biên tập -->"
    )
    content = site({A: article(title="Tin dán từ Word", body=body)})
    output = tmp_path / "output"
    overrides = {**BASE, "PATH": str(content), "OUTPUT_PATH": str(output)}
    assert build(SETTINGS, overrides, stream=io.StringIO()) == 0
    page = (output / "2024/10/03/tin-dan-tu-word/index.html").read_text(encoding="utf-8")
    body_html = page.split('class="article__body"', 1)[1].split("</footer>", 1)[0]
    assert "position:fixed" not in body_html
    assert "<marquee" not in body_html
    assert "chạy chữ" in body_html  # the words stay; only the tag goes
    assert "data:image" not in body_html
    assert "<u>gạch chân</u>" in body_html
    assert "ghi chú nội bộ" not in page


def test_settings_of_the_checker_are_validated(site):
    content = site({A: article()})
    err = io.StringIO()
    overrides = {**BASE, "PATH": str(content), "IFRAME_ALLOWED_HOSTS": ["https://youtube.com/"]}
    assert run_check(SETTINGS, overrides, err=err) == 1
    assert err.getvalue().strip() == (
        'KHÔNG KIỂM TRA ĐƯỢC: IFRAME_ALLOWED_HOSTS: "https://youtube.com/" không phải tên '
        'miền (chỉ ghi tên miền, chữ thường, không có "https://" hay đường dẫn), ví dụ '
        '"www.youtube-nocookie.com".'
    )


# --- Arbitrary input never ends in a traceback ---------------------------------------------

_value = st.text(alphabet=st.characters(exclude_categories=["Cs"]), max_size=30)
# Valid values half of the time, so that builds get past the first mistake
# and the odd optional fields reach Pelican itself.
_fields = st.fixed_dictionaries(
    {
        "title": st.one_of(st.just("Hội nghị tiếp xúc cử tri"), _value),
        "date": st.one_of(st.just("03/10/2024 08:30"), _value),
        "category": st.one_of(st.just("Tin tức sự kiện"), _value),
        "summary": st.one_of(st.just("Sáng 3/10, hội nghị."), _value),
    },
    optional=dict.fromkeys(
        [
            *("status", "slug", "image", "image-alt", "modified", "tags", "author", "lang"),
            *("template", "save_as", "url", "source"),
        ],
        _value,
    ),
)


def _header(fields: dict[str, str]) -> str:
    return "".join(f"{key.capitalize()}: {value}\n" for key, value in fields.items())


@settings(max_examples=150, deadline=None, suppress_health_check=list(HealthCheck))
@given(fields=_fields, body=_value)
def test_arbitrary_metadata_is_checked_without_a_traceback(tmp_path_factory, fields, body):
    folder = tmp_path_factory.mktemp("arbitrary")
    content = write_files(folder / "content", {A: f"{_header(fields)}\n{body}\n"})
    err = io.StringIO()
    status = run_check(SETTINGS, {**BASE, "PATH": str(content)}, out=io.StringIO(), err=err)
    assert status in (0, 1)
    assert "Traceback" not in err.getvalue()
    if status:
        assert all(line.startswith(str(content)) for line in _messages(err.getvalue()))


@settings(max_examples=25, deadline=None, suppress_health_check=list(HealthCheck))
@given(fields=_fields, body=_value)
def test_arbitrary_metadata_builds_or_fails_with_our_messages(tmp_path_factory, fields, body):
    folder = tmp_path_factory.mktemp("arbitrary-build")
    content = write_files(folder / "content", {A: f"{_header(fields)}\n{body}\n"})
    stream = io.StringIO()
    overrides = {
        **BASE,
        "PATH": str(content),
        "OUTPUT_PATH": str(folder / "output"),
        "SEARCH_INDEX": False,
    }
    status = build(SETTINGS, overrides, stream=stream)
    assert status in (0, 1)
    if status:
        messages = _messages(stream.getvalue())
        assert messages
        assert all(line.startswith(str(content)) for line in messages), messages


def test_each_file_is_read_afresh_though_the_reader_is_reused(make_site):
    # One Markdown instance reads every file (content_checks/reader.py): no
    # header, footnote or abbreviation of one file may reach the next.
    first = article(
        title="Hội nghị tổng kết",
        date="2024-10-03 08:30",
        body="Ủy ban MTTQ[^1] tổng kết năm.\n\n[^1]: Mặt trận Tổ quốc.\n\n"
        "*[HĐND]: Hội đồng nhân dân\n\nHĐND phường dự.",
    )
    second = article(
        title="Hội nghị sơ kết",
        date="2024-10-04 08:30",
        body="Sơ kết[^1] sáu tháng. HĐND phường dự.\n\n[^1]: Sáu tháng đầu năm.",
    )
    output = make_site(
        {
            A: first,
            "articles/tin-tuc-su-kien/b.md": second,
            "articles/tin-tuc-su-kien/c.md": first.replace("tổng kết", "tổng kết lần hai"),
        },
        **BASE,
    )
    page = soup(output / "2024/10/04/hoi-nghi-so-ket/index.html")
    body = page.select_one(".article__body")
    text = body.get_text(" ", strip=True)
    assert "Title:" not in text and "Summary:" not in text
    assert body.find("abbr") is None  # the first file's abbreviation stays there
    notes = body.select(".footnote li")
    assert [note.get_text(" ", strip=True).rstrip("↩ ").strip() for note in notes] == [
        "Sáu tháng đầu năm."
    ]
    # The third file (read after the others) is read like the first.
    again = soup(output / "2024/10/03/hoi-nghi-tong-ket-lan-hai/index.html")
    assert again.select_one(".article__body abbr")["title"] == "Hội đồng nhân dân"
    assert "Title:" not in again.select_one(".article__body").get_text()


# --- The check's addresses are the build's ---------------------------------------------------

ADDRESSED = {
    "articles/tin-tuc-su-kien/dai-hoi.md": article(
        title='Đại hội Đảng bộ phường "Nhiệm kỳ 2025–2030"', date="2024-10-01 08:00"
    ),
    "articles/tin-tuc-su-kien/ke-hoach.md": article(
        title="Kế hoạch 2020--2024 & phương hướng...", date="2024-10-02 08:00"
    ),
    "articles/tin-tuc-su-kien/hop.md": article(
        title="Ủy ban: họp (lần 2)! 'Khẩn'", date="2024-10-03 08:00"
    ),
    "articles/hoat-dong-mat-tran/tu-dat.md": article(
        title="Tiêu đề dài không dùng làm địa chỉ",
        category="Hoạt động Mặt trận",
        extra="Slug: dia-chi-tu-dat\n",
    ),
    "pages/lich-su.md": "Title: Lịch sử phường\nLang: vi\n\nNội dung.\n",
    "pages/rieng.md": (
        "Title: Trang riêng\nSave_as: gioi-thieu/lich-su/index.html\nUrl: gioi-thieu/lich-su/\n"
        "\nNội dung.\n"
    ),
}


def _addresses(content, tmp_path) -> dict[str, tuple[str, str]]:
    from content_checks.checker import check_site  # noqa: PLC0415
    from portal_core.problems import problems, reset  # noqa: PLC0415
    from tests.support import site_settings  # noqa: PLC0415

    reset()
    report = check_site(site_settings(content, tmp_path / "unused", **BASE))
    found, _ = problems(), reset()
    assert found == []
    return {item.relative: (item.save_as, item.url) for item in report.files if item.save_as}


def test_the_check_gives_each_content_the_address_the_build_writes(tmp_path):
    from tests.support import build_site  # noqa: PLC0415

    files = {
        relative: text.replace("\n\n", f"\n\nDauHieu{index}\n\n", 1)
        for index, (relative, text) in enumerate(ADDRESSED.items())
    }
    content = write_files(tmp_path / "content", files)
    checked = _addresses(content, tmp_path)
    assert set(checked) == set(ADDRESSED)
    site = build_site(content, tmp_path / "output", SEARCH_INDEX=False, **BASE)
    for index, relative in enumerate(files):
        save_as, url = checked[relative]
        assert save_as == url + "index.html"
        assert f"DauHieu{index}" in (site / save_as).read_text(encoding="utf-8"), relative
    assert checked["articles/hoat-dong-mat-tran/tu-dat.md"][0].endswith(
        "/dia-chi-tu-dat/index.html"
    )
    assert checked["pages/rieng.md"][0] == "gioi-thieu/lich-su/index.html"


def test_a_decomposed_file_gets_the_address_of_its_composed_twin(tmp_path):
    relative = "articles/tin-tuc-su-kien/dai-hoi.md"
    composed = write_files(tmp_path / "nfc", {relative: ADDRESSED[relative]})
    decomposed = write_files(
        tmp_path / "nfd", {relative: unicodedata.normalize("NFD", ADDRESSED[relative])}
    )
    from content_checks.checker import check_site  # noqa: PLC0415
    from portal_core.problems import reset  # noqa: PLC0415
    from tests.support import site_settings  # noqa: PLC0415

    report = check_site(site_settings(decomposed, tmp_path / "unused", **BASE))
    reset()  # the decomposed text itself is a mistake; its address is still known
    (item,) = [item for item in report.files if item.relative == relative]
    assert (item.save_as, item.url) == _addresses(composed, tmp_path)[relative]
