"""content_checks, the pure parts: dates, decoding, header, placement, sanitiser, scaffolding."""

from __future__ import annotations

import datetime as dt
import unicodedata
from pathlib import Path
from zoneinfo import ZoneInfo

import pytest
from content_model import declare_plugins
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from markdown import Markdown

from content_checks.dates import DateError, parse_date
from content_checks.placement import place
from content_checks.sanitize import Sanitizer
from content_checks.scaffold import ScaffoldError, scaffold
from content_checks.source import decode, parse_header, repaired
from portal_core.runner import load_settings
from tests.support import ROOT

ZONE = ZoneInfo("Asia/Ho_Chi_Minh")
TONES = {"\u0300", "\u0301", "\u0303", "\u0309", "\u0323"}


def to_cp1258(text: str) -> bytes:
    """Encode like Windows does for Vietnamese: base letters plus combining tones."""
    out = []
    for char in unicodedata.normalize("NFC", text):
        try:
            out.append(char.encode("cp1258"))
            continue
        except UnicodeEncodeError:
            pass
        parts = unicodedata.normalize("NFD", char)
        base = unicodedata.normalize("NFC", "".join(c for c in parts if c not in TONES))
        out.append((base + "".join(c for c in parts if c in TONES)).encode("cp1258"))
    return b"".join(out)


# --- Dates --------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("written", "expected"),
    [
        ("2024-10-03 08:30", dt.datetime(2024, 10, 3, 8, 30)),
        ("03/10/2024 08:30", dt.datetime(2024, 10, 3, 8, 30)),  # day first, never 10 March
        ("3/4/2024 8:05", dt.datetime(2024, 4, 3, 8, 5)),
        ("2024-10-03 08:30:15", dt.datetime(2024, 10, 3, 8, 30, 15)),
        ("29/02/2024 23:59", dt.datetime(2024, 2, 29, 23, 59)),
        ("2024-10-03", dt.datetime(2024, 10, 3)),
        ("  2024-10-03   08:30 ", dt.datetime(2024, 10, 3, 8, 30)),
        ("10-03-2024", dt.datetime(2024, 3, 10)),  # one grammar with documents: day first
        ("10.03.2024 07:15", dt.datetime(2024, 3, 10, 7, 15)),
    ],
)
def test_parse_date_accepts_documented_formats(written, expected):
    assert parse_date(written) == expected


@pytest.mark.parametrize(
    ("written", "message"),
    [
        ("31/02/2020", 'Ngày "31/02/2020" không có thật: tháng 2 năm 2020 chỉ có 29 ngày.'),
        ("31/02/2020 08:00", 'Ngày "31/02/2020" không có thật: tháng 2 năm 2020 chỉ có 29 ngày.'),
        ("2023-02-29 07:00", 'Ngày "2023-02-29" không có thật: tháng 2 năm 2023 chỉ có 28 ngày.'),
        ("12/13/2024 08:00", 'Ngày "12/13/2024" không có thật: không có tháng 13.'),
        ("03/10/2024 25:00", 'Giờ "25:00" không có thật (giờ từ 00:00 đến 23:59).'),
        (
            "ngày 3 tháng 10",
            'Ngày "ngày 3 tháng 10" không đúng định dạng. '
            'Viết theo dạng "2024-10-03 08:30" hoặc "03/10/2024 08:30".',
        ),
        (
            "1900-01-01 08:00",
            'Ngày "1900-01-01": năm 1900 không hợp lý (chỉ nhận năm từ 1945 đến 2100). '
            "Kiểm tra lại năm.",
        ),
    ],
)
def test_parse_date_explains_mistakes(written, message):
    with pytest.raises(DateError) as error:
        parse_date(written)
    assert str(error.value) == message


# --- Decoding -------------------------------------------------------------------------

TEXT = "Title: Hội nghị tổng kết công tác Mặt trận\nDate: 2024-12-20 08:00\n\nĐoàn kết.\n"


@pytest.mark.parametrize(
    "raw",
    [
        TEXT.encode(),
        b"\xef\xbb\xbf" + TEXT.encode(),
        TEXT.replace("\n", "\r\n").encode(),
        b"\xef\xbb\xbf" + TEXT.replace("\n", "\r\n").encode(),
    ],
    ids=["utf8", "utf8-bom", "crlf", "bom-crlf"],
)
def test_utf8_with_or_without_bom_and_crlf_all_read_the_same(raw):
    decoded = decode(raw)
    assert decoded.text == TEXT
    assert decoded.encoding is None
    assert decoded.nfd_line == 0


def test_windows_1258_is_detected_and_decoded():
    decoded = decode(to_cp1258(TEXT))
    assert decoded.encoding == "cp1258"
    assert decoded.bad_line == 1
    assert decoded.text == TEXT


def test_nfd_text_is_reported_with_its_line_and_read_as_nfc():
    raw = ("Title: Hoi\n" + unicodedata.normalize("NFD", "Date: Hội nghị\n")).encode()
    decoded = decode(raw)
    assert decoded.nfd_line == 2
    assert decoded.text == "Title: Hoi\nDate: Hội nghị\n"


def test_fix_converts_windows_1258_to_utf8_nfc_keeping_crlf():
    raw = to_cp1258(TEXT.replace("\n", "\r\n"))
    data, changes = repaired(raw)
    assert data.decode("utf-8") == TEXT.replace("\n", "\r\n")
    assert changes == ["chuyển từ bảng mã Windows-1258 sang UTF-8"]


def test_fix_composes_nfd_and_keeps_the_bom():
    raw = b"\xef\xbb\xbf" + unicodedata.normalize("NFD", TEXT).encode()
    data, changes = repaired(raw)
    assert data == b"\xef\xbb\xbf" + TEXT.encode()
    assert changes == ["chuẩn hóa chữ có dấu sang Unicode NFC"]


def test_fix_leaves_good_files_alone():
    assert repaired(TEXT.encode()) is None
    assert repaired(b"\xef\xbb\xbf" + TEXT.replace("\n", "\r\n").encode()) is None


# --- The header: same lines as Python-Markdown's meta extension ----------------------------

_line = st.one_of(
    st.from_regex(r"\A[ ]{0,4}[A-Za-z0-9_-]{1,8}:[ \t]*[^\n\r]{0,12}\Z"),
    st.from_regex(r"\A[ \t]{2,6}[^\n\r]{0,12}\Z"),
    st.sampled_from(["", " ", "---", "...", "Tiêu đề: x", "\t", "# x", "\x02"]),
    st.text(alphabet=st.characters(exclude_characters="\n\r"), max_size=12),
)


@settings(max_examples=300, suppress_health_check=[HealthCheck.too_slow])
@given(st.lists(_line, max_size=8))
def test_header_reads_exactly_what_markdown_reads(lines):
    text = "\n".join(lines)
    markdown = Markdown(extensions=["meta"])
    markdown.convert(text)
    assert parse_header(text).markdown_meta() == getattr(markdown, "Meta", {})


def test_header_keeps_lines_and_joins_continuations():
    header = parse_header("Title: Hội nghị\n    tổng kết\nDate: 2024-01-01 08:00\n\nBody")
    assert header.get("title") == "Hội nghị tổng kết"
    assert header.line("date") == 3
    assert header.body_line == 5


# --- Placement --------------------------------------------------------------------------

SETTINGS = load_settings(ROOT / "pelicanconf.py", {"PATH": str(ROOT / "content")})
declare_plugins(SETTINGS)  # plugins declare their kinds in register(), as in a build


@pytest.mark.parametrize(
    ("relative", "expected"),
    [
        ("articles/tin-tuc-su-kien/a.md", "article"),
        ("pages/gioi-thieu.md", "page"),
        ("notices/2024-01-01-a.md", "notice"),
        ("documents/30-kh-mttq-2024.md", "document"),
        ("images/2024/a.jpg", "static"),
        ("files/van-ban/a.pdf", "static"),
    ],
)
def test_every_known_place_has_a_kind(relative, expected):
    kind, message = place(relative, SETTINGS)
    assert getattr(kind, "name", kind) == expected
    assert message == ""


@pytest.mark.parametrize(
    ("relative", "start"),
    [
        ("articles/a.html", "Tệp .html sẽ không được đăng: tin bài phải là tệp Markdown"),
        ("articles/a.rst", "Tệp .rst sẽ không được đăng"),
        ("articles/ghi-chu.txt", "Tệp .txt sẽ không được đăng"),
        ("articles/a.jpg", "Ảnh, tệp đính kèm không đặt cạnh bài"),
        ("articles/bao-cao.docx", "Ảnh, tệp đính kèm không đặt cạnh bài"),
        ("images/a.md", "Tệp bài viết (.md) nằm trong content/images/"),
        ("ghi-chu.md", "Tệp nằm ngoài các thư mục nội dung"),
        ("images/Thumbs.db", "Tệp rác của hệ điều hành"),
        ("files/~$bao-cao.docx", "Tệp rác của hệ điều hành"),
    ],
)
def test_files_pelican_would_skip_get_a_message(relative, start):
    kind, message = place(relative, SETTINGS)
    assert kind is None
    assert message.startswith(start)


# --- Sanitiser ----------------------------------------------------------------------------


def test_sanitiser_keeps_what_markdown_and_our_extension_write():
    html = (
        '<figure><img alt="Quang cảnh" src="{static}/images/a.jpg" loading="lazy" '
        'decoding="async"><figcaption>Ảnh: Minh Anh</figcaption></figure>'
        '<div class="table-scroll" role="region" tabindex="0" aria-label="Bảng"><table>'
        '<thead><tr><th class="align-center">A</th></tr></thead>'
        "<tbody><tr><td>1</td></tr></tbody></table></div>"
        '<p><a href="{filename}/pages/gioi-thieu.md">Giới thiệu</a> '
        '<sup id="fnref:1"><a class="footnote-ref" href="#fn:1">1</a></sup></p>'
    )
    assert Sanitizer().body(html) == html


def test_sanitiser_drops_every_style_attribute():
    """A strict CSP (README) blocks inline styles; none may reach a page."""
    html = '<table><tr><td style="text-align: right;">1</td></tr></table><p style="color:red">x</p>'
    assert "style" not in Sanitizer().body(html)


def test_sanitiser_removes_scripts_handlers_and_javascript_urls():
    html = (
        '<p onclick="steal()">Tin <a href="javascript:alert(1)">bấm</a>'
        "<script>alert(1)</script><style>p{}</style></p>"
        '<iframe src="https://www.youtube-nocookie.com/embed/x"></iframe>'
    )
    assert Sanitizer().body(html) == "<p>Tin <a>bấm</a></p>"


def test_sanitiser_keeps_iframes_only_from_allowed_hosts():
    cleaner = Sanitizer(["www.youtube-nocookie.com"])
    allowed = '<iframe src="https://www.youtube-nocookie.com/embed/x" title="Video"></iframe>'
    assert cleaner.body(allowed) == allowed
    foreign = '<iframe src="https://evil.example/x" title="Video"></iframe>'
    assert cleaner.body(foreign) == '<iframe title="Video"></iframe>'


# --- Scaffolding -----------------------------------------------------------------------------

NOW = dt.datetime(2024, 10, 3, 8, 30, tzinfo=ZONE)


def _settings(tmp_path: Path) -> dict:
    (tmp_path / "content").mkdir(exist_ok=True)
    return load_settings(ROOT / "pelicanconf.py", {"PATH": str(tmp_path / "content")})


def test_new_article_is_a_complete_draft_in_its_category_folder(tmp_path):
    path = scaffold(
        "article",
        "Hội nghị tiếp xúc cử tri",
        _settings(tmp_path),
        NOW,
        category="giam sat phan bien xa hoi",
    )
    relative = path.relative_to(tmp_path / "content").as_posix()
    assert relative == "articles/giam-sat-phan-bien/2024-10-03-hoi-nghi-tiep-xuc-cu-tri.md"
    header = parse_header(path.read_text(encoding="utf-8"))
    assert header.get("title") == "Hội nghị tiếp xúc cử tri"
    assert header.get("date") == "2024-10-03 08:30"
    assert header.get("category") == "Giám sát, phản biện xã hội"
    assert header.get("status") == "draft"
    assert set(header.fields) >= {"author", "summary", "image", "image-alt"}


def test_new_article_with_unknown_category_suggests_one(tmp_path):
    with pytest.raises(ScaffoldError) as error:
        scaffold("article", "Tin", _settings(tmp_path), NOW, category="Tin tuc su kein")
    assert str(error.value) == (
        'Chuyên mục "Tin tuc su kein" không có trong danh sách. Có phải "Tin tức sự kiện"?'
    )


def test_new_never_overwrites_a_file(tmp_path):
    settings_ = _settings(tmp_path)
    scaffold("notice", "Lịch tiếp công dân", settings_, NOW)
    with pytest.raises(ScaffoldError) as error:
        scaffold("notice", "Lịch tiếp công dân", settings_, NOW)
    assert str(error.value) == (
        "Tệp notices/2024-10-03-lich-tiep-cong-dan.md đã có: mở tệp đó để sửa, hoặc đổi tiêu đề."
    )


def test_new_document_is_named_after_its_number(tmp_path):
    path = scaffold(
        "document",
        "Kế hoạch tổ chức Ngày hội Đại đoàn kết",
        _settings(tmp_path),
        NOW,
        doc_type="ke hoach",
        number="30/KH-MTTQ",
    )
    assert path.relative_to(tmp_path / "content").as_posix() == "documents/30-kh-mttq-2024.md"
    header = parse_header(path.read_text(encoding="utf-8"))
    assert header.get("type") == "Kế hoạch"
    assert header.get("number") == "30/KH-MTTQ"
    assert header.get("issued") == "2024-10-03"
