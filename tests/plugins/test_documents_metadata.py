"""Documents and notices: reading what editors write, and the register's rules."""

from __future__ import annotations

import datetime as dt
import unicodedata
from pathlib import Path
from types import SimpleNamespace

import pytest

from documents.catalogue import (
    NumberIndex,
    board_order,
    choices,
    duplicates,
    notice_state,
    register_order,
    validity,
)
from documents.files import check_attachment, file_entries, format_size
from documents.metadata import (
    MetadataError,
    parse_date,
    parse_datetime,
    parse_flag,
    parse_number,
    read_header,
    resolve_type,
)
from documents.records import DocumentInfo, NoticeInfo, Place, read_document, read_notice
from documents.settings import DocumentsSettingsError, check_types
from pelicanconf import DOCUMENT_TYPES

# --- Number and symbol ------------------------------------------------------------


@pytest.mark.parametrize(
    ("written", "text", "sequence", "year", "symbol"),
    [
        ("30/KH-MTTQ", "30/KH-MTTQ", "30", None, "KH-MTTQ"),
        ("13/HD-UBMT-BTT", "13/HD-UBMT-BTT", "13", None, "HD-UBMT-BTT"),
        ("76/2012/NĐ-CP", "76/2012/NĐ-CP", "76", 2012, "NĐ-CP"),
        ("15/TTr-UBND", "15/TTr-UBND", "15", None, "TTr-UBND"),
        ("05-CT/TW", "05-CT/TW", "05", None, "CT/TW"),
        ("118/UBND-VP", "118/UBND-VP", "118", None, "UBND-VP"),
        # What editors type: a "Số:" prefix, spaces, an en dash.
        ("Số: 30 / KH – MTTQ", "30/KH-MTTQ", "30", None, "KH-MTTQ"),
        # Ð (U+00D0, Icelandic eth) looks exactly like Đ and is taken as Đ.
        ("76/2012/N\u00d0-CP", "76/2012/NĐ-CP", "76", 2012, "NĐ-CP"),
    ],
)
def test_parse_number_reads_state_and_party_numbers(written, text, sequence, year, symbol):
    number = parse_number(written)
    assert (number.text, number.sequence, number.year, number.symbol) == (
        text,
        sequence,
        year,
        symbol,
    )


def test_parse_number_of_decomposed_text_equals_composed():
    decomposed = unicodedata.normalize("NFD", "76/2012/NĐ-CP")
    assert parse_number(decomposed).key == parse_number("76/2012/NĐ-CP").key


@pytest.mark.parametrize(
    ("written", "hint"),
    [
        ("KH-MTTQ", "bắt đầu bằng số thứ tự"),
        ("30 KH-MTTQ", 'Thiếu dấu "/"'),
        ("30/kh-mttq", "chữ in hoa"),
        ("30/", "Viết như 30/KH-MTTQ"),
        ("30/KH MTTQ", "không có khoảng trắng"),
    ],
)
def test_malformed_number_is_explained(written, hint):
    with pytest.raises(MetadataError, match="không đúng dạng") as error:
        parse_number(written)
    assert hint in str(error.value)
    assert "76/2012/NĐ-CP" in str(error.value)


def test_number_with_an_impossible_year_is_rejected():
    with pytest.raises(MetadataError, match="Năm 1212"):
        parse_number("76/1212/NĐ-CP")


# --- Dates -----------------------------------------------------------------------------


@pytest.mark.parametrize("written", ["2024-03-12", "12/03/2024", "12-03-2024", "12.3.2024"])
def test_parse_date_accepts_iso_and_vietnamese_order(written):
    assert parse_date(written) == dt.date(2024, 3, 12)


@pytest.mark.parametrize(
    ("written", "message"),
    [
        ("31/02/2024", "tháng 2 năm 2024 chỉ có 29 ngày"),
        ("2023-02-29", "tháng 2 năm 2023 chỉ có 28 ngày"),
        ("31/04/2024", "tháng 4 năm 2024 chỉ có 30 ngày"),
        ("12/13/2024", "không có tháng 13"),
        ("12/03/0224", "năm 224 không hợp lý"),
        ("hôm qua", "không đúng định dạng"),
    ],
)
def test_impossible_dates_are_explained(written, message):
    with pytest.raises(MetadataError) as error:
        parse_date(written)
    assert message in str(error.value)


def test_parse_datetime_reads_an_optional_time():
    assert parse_datetime("2024-06-01 08:30") == dt.datetime(2024, 6, 1, 8, 30)
    assert parse_datetime("01/06/2024") == dt.datetime(2024, 6, 1)
    with pytest.raises(MetadataError, match="không có thật"):
        parse_datetime("2024-06-01 25:00")


# --- Types, flags, header ---------------------------------------------------------------


@pytest.mark.parametrize("written", ["Kế hoạch", "ke hoach", "KẾ HOẠCH", "Kế  hoạch"])
def test_type_is_matched_ignoring_case_spaces_and_diacritics(written):
    assert resolve_type(written, DOCUMENT_TYPES) == "Kế hoạch"


def test_unknown_type_suggests_the_nearest_known_one():
    with pytest.raises(MetadataError) as error:
        resolve_type("Huong dn", DOCUMENT_TYPES)
    assert str(error.value) == (
        'Loại văn bản "Huong dn" không có trong danh sách DOCUMENT_TYPES. Có phải "Hướng dẫn"?'
    )


def test_unknown_type_far_from_all_lists_the_choices():
    with pytest.raises(MetadataError, match="Chọn một trong: Báo cáo, Chỉ thị"):
        resolve_type("Tham luận", DOCUMENT_TYPES)


@pytest.mark.parametrize(("written", "value"), [("có", True), ("Có", True), ("yes", True)])
def test_parse_flag_true(written, value):
    assert parse_flag(written) is value


@pytest.mark.parametrize("written", ["không", "no", "0"])
def test_parse_flag_false(written):
    assert parse_flag(written) is False


def test_parse_flag_rejects_unclear_values():
    with pytest.raises(MetadataError, match='ghi "có" hoặc "không"'):
        parse_flag("có lẽ")


def test_read_header_follows_markdown_meta_rules():
    text = (
        "Title: Kế hoạch\n"
        "Files: a.pdf\n"
        "    b.docx | Phụ lục\n"
        "files: c.xlsx\n"
        "Number: " + unicodedata.normalize("NFD", "30/KH-MTTQ Đ") + "\n"
        "\n"
        "Body: not metadata\n"
    )
    header = read_header(text)
    assert header["files"].values == ("a.pdf", "b.docx | Phụ lục", "c.xlsx")
    assert header["files"].line == 2
    assert header["number"].value == "30/KH-MTTQ Đ"  # NFC again
    assert header["number"].line == 5
    assert "body" not in header


def test_file_entries_split_commas_but_keep_labels_whole():
    assert file_entries(["a.pdf, b.pdf", "c.xlsx | Phụ lục 1, 2"]) == [
        "a.pdf",
        "b.pdf",
        "c.xlsx | Phụ lục 1, 2",
    ]


# --- Attachments ---------------------------------------------------------------------


@pytest.mark.parametrize(
    ("size", "text"),
    [(512, "512 byte"), (2048, "2 KB"), (250_000, "244 KB"), (1_300_000, "1,2 MB")],
)
def test_format_size_uses_a_decimal_comma(size, text):
    assert format_size(size) == text


def test_check_attachment_describes_a_genuine_pdf(tmp_path):
    (tmp_path / "files").mkdir()
    (tmp_path / "files/a.pdf").write_bytes(b"%PDF-1.4\n" + b"x" * 3000)
    attachment = check_attachment(tmp_path, "{static}/files/a.pdf | Toàn văn")
    assert (attachment.path, attachment.url, attachment.label) == (
        "files/a.pdf",
        "files/a.pdf",
        "Toàn văn",
    )
    assert (attachment.format.label, attachment.size_text) == ("PDF", "3 KB")
    assert attachment.format.viewable


def test_missing_attachment_names_the_expected_path(tmp_path):
    with pytest.raises(MetadataError) as error:
        check_attachment(tmp_path, "van-ban/khong-co.pdf")
    assert 'Không tìm thấy tệp đính kèm "van-ban/khong-co.pdf"' in str(error.value)
    assert "content/files/van-ban/khong-co.pdf" in str(error.value)


def test_renamed_file_is_not_taken_for_a_pdf(tmp_path):
    (tmp_path / "files").mkdir()
    (tmp_path / "files/a.pdf").write_bytes(b"PK\x03\x04 a docx in disguise")
    with pytest.raises(MetadataError, match="không phải tệp PDF thật"):
        check_attachment(tmp_path, "a.pdf")


def test_unknown_file_kind_is_refused(tmp_path):
    with pytest.raises(MetadataError, match=r'không nhận loại tệp "\.exe"'):
        check_attachment(tmp_path, "a.exe")


# --- A whole header -----------------------------------------------------------------------


def _document_header(**fields: str) -> dict:
    base = {
        "Title": "Tổ chức Ngày hội Đại đoàn kết",
        "Number": "30/KH-MTTQ",
        "Type": "Kế hoạch",
        "Issuer": "Ban Thường trực Ủy ban MTTQ phường",
        "Issued": "2024-03-12",
        "Files": "a.pdf",
    }
    base.update({key.replace("_", "-"): value for key, value in fields.items()})
    text = "".join(f"{key}: {value}\n" for key, value in base.items() if value is not None)
    return read_header(text)


@pytest.fixture
def place(tmp_path: Path) -> Place:
    (tmp_path / "files").mkdir()
    (tmp_path / "files/a.pdf").write_bytes(b"%PDF-1.4\n")
    return Place(tmp_path)


def test_read_document_fills_defaults(place):
    info, draft, problems = read_document(_document_header(), DOCUMENT_TYPES, place)
    assert (problems, draft) == ([], False)
    assert info.effective == info.issued == dt.date(2024, 3, 12)
    assert info.slug == "30-kh-mttq-2024"
    assert parse_number("76/2012/NĐ-CP").year == 2012


def test_effective_on_signing_means_the_issue_date(place):
    header = _document_header(Effective="kể từ ngày ký")
    info, _, _ = read_document(header, DOCUMENT_TYPES, place)
    assert info.effective == dt.date(2024, 3, 12)


def test_every_problem_of_a_file_is_reported_with_its_line(place):
    header = _document_header(Number="30 KH", Type="Ke hoac", Issued="31/02/2024", Files="b.pdf")
    info, _, problems = read_document(header, DOCUMENT_TYPES, place)
    assert info is None
    assert [line for line, _ in problems] == [2, 3, 5, 6]


def test_missing_required_lines_are_named(place):
    header = _document_header(Issuer=None, Files=None)
    _, _, problems = read_document(header, DOCUMENT_TYPES, place)
    assert [message for _, message in problems] == [
        'Thiếu dòng "Issuer:" (cơ quan ban hành).',
        'Thiếu dòng "Files:" (tệp đính kèm trong content/files/).',
    ]


def test_effective_before_issue_is_refused(place):
    header = _document_header(Effective="2024-03-01")
    _, _, problems = read_document(header, DOCUMENT_TYPES, place)
    assert problems == [
        (
            7,
            "Ngày có hiệu lực 01/03/2024 sớm hơn ngày ban hành 12/03/2024. Văn bản chỉ có "
            "hiệu lực từ ngày ban hành trở đi; kiểm tra lại hai ngày này.",
        )
    ]


def test_year_in_number_must_be_the_issue_year(place):
    header = _document_header(Number="76/2012/NĐ-CP", Issued="2013-01-05")
    _, _, problems = read_document(header, DOCUMENT_TYPES, place)
    assert problems == [(2, 'Năm 2012 trong số/ký hiệu "76/2012/NĐ-CP" khác năm ban hành 2013.')]


def test_a_draft_is_neither_checked_nor_published(place):
    header = _document_header(Status="draft", Number="sai")
    assert read_document(header, DOCUMENT_TYPES, place) == (None, True, [])


def test_unclear_status_lists_the_words_understood(place):
    _, _, problems = read_document(_document_header(Status="xong"), DOCUMENT_TYPES, place)
    assert problems == [
        (
            7,
            'Tình trạng "xong" không rõ; để trống hoặc ghi "Còn hiệu lực", "Hết hiệu lực", '
            '"draft", "nháp", "bản nháp".',
        )
    ]
    info, _, _ = read_document(_document_header(Status="het hieu luc"), DOCUMENT_TYPES, place)
    assert info.declared_expired


def test_notice_expiring_before_it_starts_is_refused(place):
    header = read_header("Title: Họp\nDate: 2024-06-01 08:00\nExpires: 2024-05-30\n")
    _, _, problems = read_notice(header, place)
    assert problems == [
        (
            3,
            "Ngày hết hạn 30/05/2024 sớm hơn ngày bắt đầu hiệu lực 01/06/2024; "
            "thông báo sẽ không bao giờ được hiện.",
        )
    ]


# --- Settings -------------------------------------------------------------------------------


def test_document_types_setting_is_checked():
    assert check_types(["Kế hoạch", " Báo  cáo "]) == ["Kế hoạch", "Báo cáo"]
    with pytest.raises(DocumentsSettingsError, match="hai lần"):
        check_types(["Kế hoạch", "ke hoach"])
    with pytest.raises(DocumentsSettingsError, match="danh sách"):
        check_types("Kế hoạch")


# --- Register rules -----------------------------------------------------------------------


def _doc(number: str, issued: str, path: str = "", **extra) -> SimpleNamespace:
    info = DocumentInfo(
        number=parse_number(number),
        kind=extra.get("kind", "Kế hoạch"),
        issuer=extra.get("issuer", "Ủy ban MTTQ phường"),
        issued=parse_date(issued),
        effective=parse_date(extra.get("effective", issued)),
        expires=parse_date(extra["expires"]) if "expires" in extra else None,
        signer="",
        abstract="Trích yếu",
        files=(),
        declared_expired=extra.get("expired", False),
        replaced_by="",
    )
    return SimpleNamespace(info=info, source_path=path or f"documents/{number}.md")


def test_register_is_newest_first_then_by_number():
    items = [
        _doc("5/KH-MTTQ", "2024-03-01"),
        _doc("12/KH-MTTQ", "2024-05-20"),
        _doc("9/BC-MTTQ", "2024-05-20"),
        _doc("30/KH-MTTQ", "2023-12-31"),
    ]
    assert [str(item.info.number) for item in register_order(items)] == [
        "12/KH-MTTQ",
        "9/BC-MTTQ",
        "5/KH-MTTQ",
        "30/KH-MTTQ",
    ]


def test_same_number_in_the_same_year_is_a_duplicate_but_not_across_years():
    first = _doc("30/KH-MTTQ", "2024-03-01", "documents/a.md")
    again = _doc("30/KH-MTTQ", "2024-09-01", "documents/b.md")
    next_year = _doc("30/KH-MTTQ", "2025-03-01", "documents/c.md")
    assert duplicates([again, next_year, first]) == [(again, first)]


def test_replaced_by_finds_the_document_or_explains():
    old = _doc("15/2025/QĐ-UBND", "2025-10-20")
    new = _doc("08/2026/QĐ-UBND", "2026-07-01")
    plan_2024 = _doc("30/KH-MTTQ", "2024-03-01")
    plan_2025 = _doc("30/KH-MTTQ", "2025-03-01")
    resolve_reference = NumberIndex([old, new, plan_2024, plan_2025]).resolve
    assert resolve_reference("08/2026/QĐ-UBND") is new
    assert resolve_reference("30/KH-MTTQ (2025)") is plan_2025
    assert resolve_reference("30/KH-MTTQ năm 2024") is plan_2024
    with pytest.raises(
        MetadataError, match=r'ghi thêm năm, ví dụ "Replaced-by: 30/KH-MTTQ \(2024\)"'
    ):
        resolve_reference("30/KH-MTTQ")
    with pytest.raises(MetadataError) as error:
        resolve_reference("08/2026/QĐ-UBN")
    assert str(error.value) == (
        'Không có văn bản nào số "08/2026/QĐ-UBN" để thay thế văn bản này. '
        'Có phải "08/2026/QĐ-UBND"?'
    )


@pytest.mark.parametrize(
    ("extra", "replaced", "state"),
    [
        ({}, False, "in_force"),
        ({}, True, "replaced"),
        ({"expired": True}, False, "expired"),
        ({"expires": "2024-05-31"}, False, "expired"),
        ({"expires": "2024-06-01"}, False, "in_force"),
        ({"effective": "2024-06-02"}, False, "pending"),
    ],
)
def test_validity_as_of_a_given_day(extra, replaced, state):
    item = _doc("30/KH-MTTQ", "2024-03-12", **extra)
    assert validity(item.info, replaced, dt.date(2024, 6, 1)) == state


def test_issuers_sort_in_vietnamese_order_not_by_code_point():
    issuers = [
        "Ủy ban nhân dân phường",
        "Văn phòng Đảng ủy",
        "Đảng ủy phường",
        "Doanh nghiệp",
        "Ban Thường trực",
        "Uỷ ban nhân dân phường",  # old tone placement: same issuer
    ]
    assert sorted(set(issuers)) != choices(issuers)  # code points would be wrong
    assert choices(issuers) == [
        "Ban Thường trực",
        "Doanh nghiệp",
        "Đảng ủy phường",
        "Ủy ban nhân dân phường",
        "Văn phòng Đảng ủy",
    ]


def test_types_sort_in_vietnamese_order():
    types = ["Tờ trình", "Thông tri", "Công văn", "Chương trình", "Chỉ thị", "Thông báo"]
    assert choices(types) == [
        "Chỉ thị",
        "Chương trình",
        "Công văn",
        "Thông báo",
        "Thông tri",
        "Tờ trình",
    ]
    assert sorted(types).index("Chương trình") < sorted(types).index("Chỉ thị")


# --- Notices ---------------------------------------------------------------------------------


def _notice(title: str, posted: str, expires: str | None = None, **extra) -> SimpleNamespace:
    info = NoticeInfo(
        title=title,
        posted=parse_datetime(posted),
        valid_from=parse_date(extra.get("valid_from", posted[:10])),
        expires=parse_date(expires) if expires else None,
        pinned=extra.get("pinned", False),
        files=(),
    )
    return SimpleNamespace(info=info, source_path=f"notices/{title}.md")


@pytest.mark.parametrize(
    ("now", "state"),
    [
        ("2024-05-31 23:59", "scheduled"),
        ("2024-06-01 07:59", "scheduled"),
        ("2024-06-01 08:00", "current"),
        ("2024-06-10 23:59", "current"),  # the whole last day
        ("2024-06-11 00:00", "expired"),
    ],
)
def test_notice_state_as_of_a_moment(now, state):
    notice = _notice("Họp", "2024-06-01 08:00", "2024-06-10")
    assert notice_state(notice.info, parse_datetime(now)) == state


def test_notice_valid_from_later_than_posting_waits():
    notice = _notice("Lịch", "2024-06-01 08:00", valid_from="2024-06-05")
    assert notice_state(notice.info, parse_datetime("2024-06-04 12:00")) == "scheduled"
    assert notice_state(notice.info, parse_datetime("2024-06-05 00:00")) == "current"


def test_board_puts_pinned_notices_first_then_newest():
    items = [
        _notice("a", "2024-06-03 08:00"),
        _notice("b", "2024-05-01 08:00", pinned=True),
        _notice("c", "2024-06-05 08:00"),
    ]
    assert [item.info.title for item in board_order(items)] == ["b", "c", "a"]
