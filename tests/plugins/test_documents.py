"""Documents and notices through a real Pelican build: pages, register, JSON, errors."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from portal_core.runner import BuildFailed
from tests.support import build_site, site_path, soup, write_files

PDF = b"%PDF-1.4\n" + b"0" * (2048 - 9)  # a 2 KB "PDF"
DOCX = b"PK\x03\x04" + b"0" * (5120 - 4)  # a 5 KB "DOCX"

DOCUMENTS = {
    "files/van-ban/kh-30.pdf": PDF,
    "files/van-ban/kh-30-phu-luc.docx": DOCX,
    "files/van-ban/khac.pdf": PDF,
    "documents/30-kh-mttq-2024.md": """Title: Tổ chức Ngày hội Đại đoàn kết toàn dân tộc năm 2024
Number: 30/KH-MTTQ
Type: ke hoach
Issuer: Ban Thường trực Ủy ban MTTQ phường Hòa Bình
Issued: 12/03/2024
Effective: 2024-03-15
Signer: Nguyễn Thị Lan
Files: van-ban/kh-30.pdf | Toàn văn kế hoạch
    van-ban/kh-30-phu-luc.docx | Phụ lục phân công

Nội dung **chính** của kế hoạch.
""",
    "documents/76-2012-nd-cp.md": """Title: Quy định chi tiết thi hành một số điều của Luật Tố cáo
Number: 76/2012/NĐ-CP
Type: Nghị định
Issuer: Chính phủ
Issued: 2012-10-03
Effective: 2012-11-20
Signer: Nguyễn Tấn Dũng
Files: van-ban/khac.pdf
""",
    "documents/12-bc-ubnd-2024.md": """Title: Báo cáo kết quả bình xét hộ nghèo
Number: 12/BC-UBND
Type: Báo cáo
Issuer: Ủy ban nhân dân phường Hòa Bình
Issued: 2024-05-20
Files: van-ban/khac.pdf
Replaced-by: 20/BC-UBND
""",
    "documents/20-bc-ubnd-2024.md": """Title: Báo cáo kết quả bình xét hộ nghèo (bổ sung)
Number: 20/BC-UBND
Type: Báo cáo
Issuer: Ủy ban nhân dân phường Hòa Bình
Issued: 2024-06-01
Files: van-ban/khac.pdf
""",
    "documents/05-nq-du-2024.md": """Title: Nghị quyết về công tác dân vận năm 2024
Number: 05-NQ/ĐU
Type: Nghị quyết
Issuer: Đảng ủy phường Hòa Bình
Issued: 2024-05-20
Files: van-ban/khac.pdf
""",
    "documents/draft.md": """Title: Bản nháp chưa xong
Number: chưa có số
Type: Kế hoạch
Status: draft
""",
    "articles/tin.md": """Title: Tin hoạt động
Date: 2024-06-02 08:00
Category: Tin tức sự kiện
Summary: Tin ngắn về hoạt động của phường.

Nội dung tin.
""",
}
# Register order: newest issue date first; same day, higher number first.
REGISTER = ["20/BC-UBND", "12/BC-UBND", "05-NQ/ĐU", "30/KH-MTTQ", "76/2012/NĐ-CP"]
AS_OF = "2024-06-05"


@pytest.fixture(scope="module")
def site(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A site with five documents (one draft), built as of 5 June 2024."""
    root = tmp_path_factory.mktemp("documents")
    content = write_files(root / "content", DOCUMENTS)
    return build_site(content, root / "output", BUILD_DATE=AS_OF, LATEST_DOCUMENTS_COUNT=3)


def _fields(page) -> dict[str, str]:
    rows = page.select(".document__fields tr")
    return {row.th.get_text(strip=True): row.td.get_text(" ", strip=True) for row in rows}


def test_document_page_shows_every_field(site):
    page = soup(site / "van-ban/30-kh-mttq-2024/index.html")
    assert page.h1.get_text(strip=True) == "Kế hoạch số 30/KH-MTTQ"
    assert _fields(page) == {
        "Số/ký hiệu": "30/KH-MTTQ",
        "Loại văn bản": "Kế hoạch",
        "Cơ quan ban hành": "Ban Thường trực Ủy ban MTTQ phường Hòa Bình",
        "Ngày ban hành": "12/03/2024",
        "Ngày có hiệu lực": "15/03/2024",
        "Người ký": "Nguyễn Thị Lan",
        "Trích yếu": "Tổ chức Ngày hội Đại đoàn kết toàn dân tộc năm 2024",
        "Tình trạng": "Còn hiệu lực",
    }
    assert page.select_one(".document__body strong").get_text() == "chính"
    assert page.title.get_text().startswith("Kế hoạch số 30/KH-MTTQ: Tổ chức Ngày hội")


def test_pdf_can_be_viewed_and_every_file_downloaded(site):
    page = soup(site / "van-ban/30-kh-mttq-2024/index.html")
    pdf, docx = page.select(".attachments__item")
    assert pdf.select_one(".attachments__name").get_text() == "Toàn văn kế hoạch"
    assert pdf.select_one(".attachments__meta").get_text() == "PDF, 2 KB"
    view = pdf.select_one(".attachments__view")
    assert view.get_text(" ", strip=True) == "Xem Toàn văn kế hoạch"
    assert view["href"] == "/files/van-ban/kh-30.pdf"
    download = pdf.select_one(".attachments__download")
    assert download["download"] == "kh-30.pdf"
    assert download.get_text(" ", strip=True) == "Tải về Toàn văn kế hoạch (PDF, 2 KB)"
    assert site_path(site, download["href"]).read_bytes() == PDF
    # Browsers cannot show a Word file: only "Tải về".
    assert docx.select_one(".attachments__view") is None
    assert docx.select_one(".attachments__meta").get_text() == "Word (DOCX), 5 KB"
    assert site_path(site, docx.select_one(".attachments__download")["href"]).exists()


def test_replaced_document_links_to_its_replacement_and_back(site):
    old = soup(site / "van-ban/12-bc-ubnd-2024/index.html")
    assert _fields(old)["Tình trạng"] == ("Bị thay thế bởi báo cáo số 20/BC-UBND ngày 01/06/2024")
    link = old.select_one(".document__replacement a")
    assert link["href"] == "/van-ban/20-bc-ubnd-2024/"
    new = soup(site / "van-ban/20-bc-ubnd-2024/index.html")
    assert _fields(new)["Thay thế văn bản"] == "Báo cáo số 12/BC-UBND ngày 20/05/2024"


def test_register_lists_every_document_newest_first_without_javascript(site):
    page = soup(site / "van-ban/index.html")
    rows = page.select(".doc-register tbody tr")
    assert [row.td.get_text(strip=True) for row in rows] == REGISTER
    # Without JavaScript the filters stay hidden and every row is shown.
    assert page.select_one("[data-doc-filter]").has_attr("hidden")
    assert not any(row.has_attr("hidden") for row in rows)
    assert rows[1].select_one(".doc-state").get_text() == "Bị thay thế"
    for row in rows:
        assert site_path(site, row.a["href"]).exists()
    assert not (site / "van-ban/chua-co-so").exists()  # the draft


def test_register_filter_choices_are_in_vietnamese_order(site):
    page = soup(site / "van-ban/index.html")

    def options(name: str) -> list[str]:
        return [option.get_text() for option in page.select(f"select[name={name}] option")][1:]

    assert options("loai") == ["Báo cáo", "Kế hoạch", "Nghị định", "Nghị quyết"]
    assert options("co-quan") == [
        "Ban Thường trực Ủy ban MTTQ phường Hòa Bình",
        "Chính phủ",
        "Đảng ủy phường Hòa Bình",
        "Ủy ban nhân dân phường Hòa Bình",
    ]
    assert options("nam") == ["2024", "2012"]


def test_sidebar_shows_the_latest_documents_on_other_pages(site):
    page = soup(site / "2024/06/02/tin-hoat-dong/index.html")
    widget = page.select_one(".latest-documents")
    assert widget.h2.get_text() == "Văn bản mới ban hành"
    numbers = [item.get_text(strip=True) for item in widget.select(".latest-documents__number")]
    assert numbers == REGISTER[:3]


def test_menu_links_to_the_register_and_marks_it_current(site):
    page = soup(site / "van-ban/index.html")
    current = page.select_one('.site-nav a[aria-current="page"]')
    assert current.get_text() == "Văn bản"
    assert current["href"] == "/van-ban/"


def test_documents_json_has_every_field_and_file(site):
    data = json.loads((site / "documents.json").read_text(encoding="utf-8"))
    assert data["as_of"] == "2024-06-05"
    assert data["count"] == 5
    assert [item["number"] for item in data["documents"]] == REGISTER
    plan = data["documents"][3]
    assert {key: plan[key] for key in plan if key not in ("files", "replaces")} == {
        "number": "30/KH-MTTQ",
        "type": "Kế hoạch",
        "issuer": "Ban Thường trực Ủy ban MTTQ phường Hòa Bình",
        "issued": "2024-03-12",
        "effective": "2024-03-15",
        "expires": None,
        "signer": "Nguyễn Thị Lan",
        "abstract": "Tổ chức Ngày hội Đại đoàn kết toàn dân tộc năm 2024",
        "status": "in_force",
        "status_label": "Còn hiệu lực",
        "replaced_by": None,
        "url": "/van-ban/30-kh-mttq-2024/",
    }
    assert [(f["name"], f["format"], f["size"]) for f in plan["files"]] == [
        ("kh-30.pdf", "PDF", 2048),
        ("kh-30-phu-luc.docx", "Word (DOCX)", 5120),
    ]
    for file in plan["files"]:
        assert site_path(site, file["url"]).stat().st_size == file["size"]
    replaced = data["documents"][1]
    assert replaced["status"] == "replaced"
    assert replaced["replaced_by"] == {"number": "20/BC-UBND", "url": "/van-ban/20-bc-ubnd-2024/"}
    assert data["documents"][0]["replaces"] == [
        {"number": "12/BC-UBND", "url": "/van-ban/12-bc-ubnd-2024/"}
    ]


def test_documents_stay_out_of_news_listings_and_feeds(tmp_path):
    content = write_files(tmp_path / "content", {**DOCUMENTS, **NOTICES})
    site = build_site(
        content,
        tmp_path / "output",
        BUILD_DATE=AS_OF,
        SITEURL="https://example.test/phuong",
        FEED_ALL_ATOM="feeds/all.atom.xml",
    )
    feed = (site / "feeds/all.atom.xml").read_text(encoding="utf-8")
    # The sidebar lists documents on every page; the listings themselves must not.
    news = str(soup(site / "tin-da-dua/index.html").main)
    archive = str(soup(site / "2024/index.html").main)
    for text in (feed, news, archive):
        assert "2024/06/02/tin-hoat-dong/" in text
        assert "Ngày hội Đại đoàn kết" not in text
        assert "Họp tổ dân phố" not in text
    # Under a sub-path every link of ours carries the full SITEURL.
    register = soup(site / "van-ban/index.html")
    links = [a["href"] for a in register.select("main a")]
    assert links and all(link.startswith("https://example.test/phuong/") for link in links)
    data = json.loads((site / "documents.json").read_text(encoding="utf-8"))
    assert data["documents"][0]["url"] == "https://example.test/phuong/van-ban/20-bc-ubnd-2024/"


# --- Notices ------------------------------------------------------------------------

NOTICES = {
    "notices/2024-06-01-hop.md": """Title: Họp tổ dân phố tháng 6
Date: 2024-06-01 08:00
Expires: 2024-06-10
Summary: Mời bà con dự họp.

Họp lúc 19 giờ tại nhà văn hóa.
""",
    "notices/2024-01-05-duong-day-nong.md": """Title: Đường dây nóng tiếp nhận phản ánh
Date: 2024-01-05 08:00
Pinned: có

Gọi 0236 3 812 345.
""",
    "notices/2024-06-20-lich-tiep-dan.md": """Title: Lịch tiếp công dân tháng 7
Date: 2024-06-20 16:00
Valid-from: 2024-07-01
Expires: 2024-07-31

Sáng thứ Ba hằng tuần.
""",
    "notices/2024-05-01-ra-quan.md": """Title: Ra quân vệ sinh môi trường
Date: 2024-05-01 07:00
Expires: 2024-05-31

Sáng Chủ nhật.
""",
}
HOP = "thong-bao/2024/06/01/hop-to-dan-pho-thang-6/index.html"
LICH = "thong-bao/2024/06/20/lich-tiep-cong-dan-thang-7/index.html"


def _titles(page, selector: str) -> list[str]:
    return [link.get_text(strip=True) for link in page.select(f"{selector} .notice-item__title")]


@pytest.mark.parametrize(
    ("as_of", "board", "old"),
    [
        (
            "2024-06-05",
            ["Đường dây nóng tiếp nhận phản ánh", "Họp tổ dân phố tháng 6"],
            ["Ra quân vệ sinh môi trường"],
        ),
        (
            "2024-06-10 23:00",  # the last day of a notice is still its day
            ["Đường dây nóng tiếp nhận phản ánh", "Họp tổ dân phố tháng 6"],
            ["Ra quân vệ sinh môi trường"],
        ),
        (
            "2024-06-11",
            ["Đường dây nóng tiếp nhận phản ánh"],
            ["Họp tổ dân phố tháng 6", "Ra quân vệ sinh môi trường"],
        ),
        (
            "2024-07-02",
            ["Đường dây nóng tiếp nhận phản ánh", "Lịch tiếp công dân tháng 7"],
            ["Họp tổ dân phố tháng 6", "Ra quân vệ sinh môi trường"],
        ),
    ],
)
def test_notice_board_as_of_a_build_date(make_site, as_of, board, old):
    site = make_site(NOTICES, BUILD_DATE=as_of)
    home = soup(site / "index.html")
    assert _titles(home, ".notice-board") == board
    assert _titles(soup(site / "thong-bao/index.html"), ".notice-list") == board
    assert _titles(soup(site / "thong-bao/cu/index.html"), ".notice-list") == old
    # A notice not yet valid is not published at all.
    assert (site / LICH).exists() == ("Lịch tiếp công dân tháng 7" in board + old)


def test_pinned_notice_is_marked_and_expired_notice_stays_reachable(make_site):
    site = make_site(NOTICES, BUILD_DATE="2024-06-11")
    home = soup(site / "index.html")
    pinned = home.select(".notice-board .notice-item__pin")
    assert [pin.find_next("a").get_text() for pin in pinned] == [
        "Đường dây nóng tiếp nhận phản ánh"
    ]
    expired = soup(site / HOP)
    notice = " ".join(expired.select_one(".notice__expired").get_text().split())
    assert notice == "Thông báo này đã hết hạn ngày 10/06/2024."
    crumbs = [item.get_text(strip=True) for item in expired.select(".breadcrumbs li")]
    assert crumbs == ["Trang chủ", "Thông báo", "Thông báo cũ", "Họp tổ dân phố tháng 6"]
    listing = soup(site / "thong-bao/index.html")
    assert listing.select_one('a[href="/thong-bao/cu/"]').get_text() == "Thông báo cũ (2)"


def test_notice_may_be_a_title_alone(make_site):
    site = make_site(
        {"notices/hop.md": "Title: Họp chi hội lúc 19 giờ\nDate: 01/06/2024 08:00\n"},
        BUILD_DATE="2024-06-02",
    )
    page = soup(site / "thong-bao/2024/06/01/hop-chi-hoi-luc-19-gio/index.html")
    assert page.h1.get_text() == "Họp chi hội lúc 19 giờ"
    assert page.select_one(".article-meta time")["datetime"] == "2024-06-01T08:00:00+07:00"


def test_site_without_documents_or_notices_shows_no_empty_widgets(make_site):
    site = make_site({"articles/tin.md": DOCUMENTS["articles/tin.md"]})
    home = soup(site / "index.html")
    assert home.select_one(".notice-board") is None
    assert home.select_one(".latest-documents") is None
    assert "Chưa có văn bản nào." in soup(site / "van-ban/index.html").get_text()


# --- Errors -------------------------------------------------------------------------

GOOD = DOCUMENTS["documents/20-bc-ubnd-2024.md"]


def _document(**changes: str) -> str:
    lines = []
    for line in GOOD.splitlines():
        key = line.partition(":")[0]
        lines.append(f"{key}: {changes.pop(key)}" if key in changes else line)
    return "\n".join(lines + [f"{key}: {value}" for key, value in changes.items()]) + "\n"


@pytest.mark.parametrize(
    ("changes", "expected"),
    [
        (
            {"Number": "20 BC-UBND"},
            'documents/x.md:2: Số/ký hiệu "20 BC-UBND" không đúng dạng. Thiếu dấu "/" giữa số '
            "và ký hiệu. Viết như 30/KH-MTTQ, 13/HD-UBMT-BTT hoặc 76/2012/NĐ-CP.",
        ),
        (
            {"Type": "Bao coa"},
            'documents/x.md:3: Loại văn bản "Bao coa" không có trong danh sách DOCUMENT_TYPES. '
            'Có phải "Báo cáo"?',
        ),
        (
            {"Issued": "31/02/2024"},
            'documents/x.md:5: Ngày "31/02/2024" không có thật: tháng 2 năm 2024 chỉ có 29 ngày.',
        ),
        (
            {"Effective": "2024-05-30"},
            "documents/x.md:7: Ngày có hiệu lực 30/05/2024 sớm hơn ngày ban hành 01/06/2024. "
            "Văn bản chỉ có hiệu lực từ ngày ban hành trở đi; kiểm tra lại hai ngày này.",
        ),
        (
            {"Files": "van-ban/khong-co.pdf"},
            'documents/x.md:6: Không tìm thấy tệp đính kèm "van-ban/khong-co.pdf" (cần có tệp '
            "content/files/van-ban/khong-co.pdf). Kiểm tra tên tệp hoặc chép tệp vào đó.",
        ),
        (
            {"Replaced-by": "21/BC-UBND"},
            'documents/x.md:7: Không có văn bản nào số "21/BC-UBND" để thay thế văn bản này. '
            'Có phải "20/BC-UBND"?',
        ),
        (
            {"Number": "25/BC-UBND", "Replaced-by": "12/BC-UBND"},
            "documents/x.md:7: Văn bản thay thế 12/BC-UBND ban hành ngày 20/05/2024, trước văn "
            "bản này. Dòng Replaced-by ghi ở văn bản cũ và trỏ tới văn bản mới hơn.",
        ),
    ],
    ids=[
        "malformed-number",
        "unknown-type",
        "impossible-date",
        "effective-before-issue",
        "missing-attachment",
        "unknown-replacement",
        "replacement-older-than-replaced",
    ],
)
def test_bad_document_stops_the_build_with_file_and_line(make_site, changes, expected):
    files = {
        "files/van-ban/khac.pdf": PDF,
        "documents/12-bc-ubnd-2024.md": DOCUMENTS["documents/12-bc-ubnd-2024.md"].replace(
            "Replaced-by: 20/BC-UBND\n", ""
        ),
        "documents/x.md": _document(**changes),
    }
    with pytest.raises(BuildFailed) as failure:
        make_site(files)
    (message,) = failure.value.messages
    assert expected in message
    assert message.index("documents/x.md") == message.index(expected)


def test_two_documents_with_one_number_in_one_year_stop_the_build(make_site):
    files = {
        "files/van-ban/khac.pdf": PDF,
        "documents/a.md": GOOD,
        "documents/b.md": _document(Title="Báo cáo khác"),
        # Numbers restart every year: the same number next year is another document.
        "documents/c.md": _document(Issued="2025-01-15"),
    }
    with pytest.raises(BuildFailed) as failure:
        make_site(files)
    (message,) = failure.value.messages
    location, _, text = message.partition(": ")
    assert location.endswith("content/documents/b.md:2")
    assert text.startswith('Số/ký hiệu "20/BC-UBND" (năm 2024) trùng với văn bản trong tệp ')
    assert text.endswith(
        "content/documents/a.md. Mỗi văn bản một số; kiểm tra lại số hoặc ngày ban hành."
    )


def test_page_on_the_register_address_is_refused(make_site):
    files = {"pages/van-ban.md": "Title: Văn bản\n\nTrang giới thiệu văn bản.\n"}
    with pytest.raises(BuildFailed) as failure:
        make_site(files)
    (message,) = failure.value.messages
    # Found by the content check, before reading, with the line (issue 14).
    assert message.endswith(
        'pages/van-ban.md:1: Địa chỉ "van-ban/" trùng với danh sách văn bản do hệ thống tự '
        'tạo (DOCUMENTS_SAVE_AS): trang sẽ bị ghi đè. Thêm dòng "Slug: ..." với tên khác.'
    )


def test_all_mistakes_of_all_files_are_listed_at_once(make_site):
    files = {
        "files/van-ban/khac.pdf": PDF,
        "documents/a.md": _document(Number="BC-UBND", Issued="2024-13-01"),
        "notices/2024-02-30-hop.md": "Title: Họp\nDate: 2024-02-30 08:00\nPinned: có lẽ\n",
    }
    with pytest.raises(BuildFailed) as failure:
        make_site(files)
    locations = [
        message.split(": ", 1)[0].rsplit("content/", 1)[1] for message in failure.value.messages
    ]
    assert locations == [
        "documents/a.md:2",
        "documents/a.md:5",
        "notices/2024-02-30-hop.md:2",
        "notices/2024-02-30-hop.md:3",
    ]
