"""The editor /quan-tri/ end to end: Chromium, Decap CMS, decap-server, real builds.

A temporary copy of the demo content is the "repository"; decap-server (the
local backend) writes into it; the site is rebuilt from it and checked.
"""

from __future__ import annotations

import difflib
import shutil
from collections.abc import Iterator
from pathlib import Path

import pytest
from playwright.sync_api import expect

from tests.publishing import jpeg
from tests.support import DEMO_CONTENT, build_site, serve, soup

pytestmark = pytest.mark.browser

BUILD_DATE = "2026-12-01"
ARTICLE = "articles/vi-nguoi-ngheo/2023-12-08-trao-nha-dai-doan-ket-cho.md"
DOCUMENT = "documents/15-2025-qd-ubnd.md"


class Workspace:
    """A repository copy, its built site served, and decap-server on it."""

    def __init__(self, root: Path, url: str, port: int) -> None:
        self.root = root
        self.content = root / "content"
        self.url = url
        self.port = port

    def rebuild(self) -> Path:
        output = self.root / "rebuilt"
        shutil.rmtree(output, ignore_errors=True)
        return build_site(self.content, output, BUILD_DATE=BUILD_DATE)


@pytest.fixture(scope="module")
def workspace(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Workspace]:
    from admin_ui.local import free_port, start_server  # noqa: PLC0415 - plugins on path

    root = tmp_path_factory.mktemp("editor-repo")
    shutil.copytree(DEMO_CONTENT, root / "content")
    port = free_port()
    output = build_site(
        root / "content", root / "output", BUILD_DATE=BUILD_DATE, EDITOR_LOCAL_PORT=port
    )
    server = start_server(root, port)
    try:
        with serve(output) as url:
            yield Workspace(root, url, port)
    finally:
        server.terminate()
        server.wait(timeout=10)


def _open(page, workspace: Workspace, route: str) -> None:
    page.goto(f"{workspace.url}/quan-tri/")
    page.get_by_role("button", name="Đăng nhập").click()
    page.goto(f"{workspace.url}/quan-tri/#/{route}")
    # The title field, as the content model labels it (a document's: "Trích yếu").
    collection = route.split("/")[1]
    title = {"van-ban": "Trích yếu", "album-anh": "Tên album"}.get(collection, "Tiêu đề")
    page.get_by_label(title).wait_for()


def _publish(page) -> None:
    """Press "Công bố" then "Công bố ngay"; wait until the local backend saved."""
    with page.expect_response(
        lambda response: (
            "/api/v1" in response.url and "persistEntry" in (response.request.post_data or "")
        )
    ) as saved:
        page.get_by_role("button", name="Công bố").first.click()
        page.get_by_text("Công bố ngay").click()
    assert saved.value.ok


def test_create_an_article_with_a_photo_then_the_site_shows_it(page, workspace, tmp_path):
    photo = tmp_path / "Ảnh hội nghị khu phố.jpg"
    photo.write_bytes(jpeg(1200, 800))
    _open(page, workspace, "collections/tin-hoat-dong-mat-tran/new")
    page.get_by_label("Tiêu đề").fill("Hội nghị đại biểu Nhân dân khu phố 3")
    page.get_by_label("Ngày giờ đăng").fill("2026-11-20T08:30")
    page.get_by_label("Tóm tắt (sapo)").fill("Sáng 20/11, khu phố 3 họp bàn việc năm mới.")
    page.get_by_text("Chọn một hình").click()
    with page.expect_file_chooser() as chooser:
        page.get_by_text("Tải lên").first.click()
    chooser.value.set_files(str(photo))
    page.get_by_role("button", name="Lấy những cái đã chọn").click()
    page.get_by_label("Mô tả ảnh").fill("Đại biểu biểu quyết tại hội nghị")
    page.locator("[data-slate-editor]").first.click()
    page.keyboard.type("Hội nghị bầu Ban công tác Mặt trận khu phố nhiệm kỳ mới.")
    _publish(page)

    written = workspace.content / "articles/hoat-dong-mat-tran"
    written = written / "2026-11-20-hoi-nghi-dai-bieu-nhan-dan-khu-pho-3.md"
    assert written.read_text(encoding="utf-8").splitlines()[:7] == [
        "Title: Hội nghị đại biểu Nhân dân khu phố 3",
        "Date: 2026-11-20 08:30",
        "Category: Hoạt động Mặt trận",
        "Summary: Sáng 20/11, khu phố 3 họp bàn việc năm mới.",
        "Image: {static}/images/2026/anh-hoi-nghi-khu-pho.jpg",
        "Image-alt: Đại biểu biểu quyết tại hội nghị",
        "",
    ]
    assert (workspace.content / "images/2026/anh-hoi-nghi-khu-pho.jpg").read_bytes()[:2] == (
        b"\xff\xd8"
    )
    from content_checks.cli import run_check  # noqa: PLC0415 - plugins on path
    from tests.support import ROOT  # noqa: PLC0415

    overrides = {"PATH": str(workspace.content), "BUILD_DATE": BUILD_DATE}
    assert run_check(ROOT / "pelicanconf.py", overrides) == 0

    site = workspace.rebuild()
    html = soup(site / "2026/11/20/hoi-nghi-dai-bieu-nhan-dan-khu-pho-3/index.html")
    assert " ".join(html.h1.get_text().split()) == "Hội nghị đại biểu Nhân dân khu phố 3"
    assert "Ban công tác Mặt trận" in html.select_one(".article__body").get_text()
    # Its photo is the page's share image, and the home page shows it.
    share = html.select_one('meta[property="og:image"]')["content"]
    assert "anh-hoi-nghi-khu-pho" in share
    assert (site / "images/2026/anh-hoi-nghi-khu-pho.jpg").is_file()
    home = soup(site / "index.html")
    sources = [
        " ".join(filter(None, (tag.get("src"), tag.get("srcset"))))
        for tag in home.select("img, source")
    ]
    assert any("anh-hoi-nghi-khu-pho" in source for source in sources), sources


def test_create_a_document_with_its_attachment(page, workspace, tmp_path):
    attachment = tmp_path / "Kế hoạch 31.pdf"
    attachment.write_bytes(b"%PDF-1.4\n1 0 obj <<>> endobj\ntrailer <<>>\n%%EOF\n")
    _open(page, workspace, "collections/van-ban/new")
    page.get_by_label("Trích yếu").fill("Kế hoạch tổ chức Ngày hội Đại đoàn kết toàn dân tộc")
    page.get_by_label("Số/ký hiệu").fill("31/KH-MTTQ")
    page.get_by_label("Loại văn bản").click()
    page.get_by_text("Kế hoạch", exact=True).click()
    page.get_by_label("Ngày ban hành").fill("2026-10-05")
    page.get_by_role("button", name="Thêm tệp đính kèm").click()
    page.get_by_text("Chọn một tập tin").click()
    with page.expect_file_chooser() as chooser:
        page.get_by_text("Tải lên").first.click()
    chooser.value.set_files(str(attachment))
    page.get_by_role("button", name="Lấy những cái đã chọn").click()
    page.get_by_label("Tên hiển thị").fill("Toàn văn")
    _publish(page)

    written = sorted((workspace.content / "documents").glob("31*"))
    assert [path.name for path in written] == ["31-kh-mttq-2026.md"]
    lines = written[0].read_text(encoding="utf-8").splitlines()
    assert "Number: 31/KH-MTTQ" in lines
    assert "Type: Kế hoạch" in lines
    assert "Issued: 2026-10-05" in lines
    assert "Files: van-ban/ke-hoach-31.pdf | Toàn văn" in lines
    assert (workspace.content / "files/van-ban/ke-hoach-31.pdf").read_bytes()[:5] == b"%PDF-"
    from content_checks.cli import run_check  # noqa: PLC0415 - plugins on path
    from tests.support import ROOT  # noqa: PLC0415

    overrides = {"PATH": str(workspace.content), "BUILD_DATE": BUILD_DATE}
    assert run_check(ROOT / "pelicanconf.py", overrides) == 0


def test_create_a_pinned_notice(page, workspace):
    _open(page, workspace, "collections/thong-bao/new")
    page.get_by_label("Tiêu đề").fill("Lịch tiếp công dân tháng 12 năm 2026")
    page.get_by_label("Ngày giờ đăng").fill("2026-11-28T07:30")
    page.get_by_label("Hết hạn").fill("2026-12-31")
    page.get_by_label("Ghim").click()
    page.locator("[data-slate-editor]").first.click()
    page.keyboard.type("Chủ tịch Ủy ban MTTQ phường tiếp công dân sáng thứ Năm hằng tuần.")
    _publish(page)

    written = workspace.content / "notices/2026-11-28-lich-tiep-cong-dan-thang-12-nam-2026.md"
    assert written.read_text(encoding="utf-8").splitlines()[:5] == [
        "Title: Lịch tiếp công dân tháng 12 năm 2026",
        "Date: 2026-11-28 07:30",
        "Expires: 2026-12-31",
        "Pinned: có",
        "",
    ]
    site = workspace.rebuild()
    board = soup(site / "thong-bao/index.html").get_text()
    assert "Lịch tiếp công dân tháng 12 năm 2026" in " ".join(board.split())


def test_create_an_album_whose_photos_are_in_place(page, workspace):
    folder = workspace.content / "images/albums/2026-hoi-thi-goi-banh"
    folder.mkdir(parents=True)
    for name in ("anh-01.jpg", "anh-02.jpg"):
        (folder / name).write_bytes(jpeg(900, 600))
    _open(page, workspace, "collections/album-anh/new")
    page.get_by_label("Tên album").fill("Hội thi gói bánh chưng khu phố 3")
    page.get_by_label("Ngày", exact=True).fill("2026-01-25T08:00")
    page.get_by_label("Thư mục ảnh").fill("images/albums/2026-hoi-thi-goi-banh")
    page.get_by_label("Nội dung").fill(
        "- anh-01.jpg: Các đội thi gói bánh ở sân nhà văn hóa.\n"
        "- anh-02.jpg: Trao giải nhất cho tổ dân phố 5."
    )
    _publish(page)

    written = workspace.content / "albums/2026-hoi-thi-goi-banh-chung-khu-pho-3.md"
    assert written.read_text(encoding="utf-8") == (
        "Title: Hội thi gói bánh chưng khu phố 3\n"
        "Date: 2026-01-25 08:00\n"
        "Photos: images/albums/2026-hoi-thi-goi-banh\n"
        "\n"
        "- anh-01.jpg: Các đội thi gói bánh ở sân nhà văn hóa.\n"
        "- anh-02.jpg: Trao giải nhất cho tổ dân phố 5.\n"
    )
    site = workspace.rebuild()
    album = soup(site / "album-anh/hoi-thi-goi-banh-chung-khu-pho-3/index.html")
    captions = [" ".join(item.get_text().split()) for item in album.select("figcaption")]
    # Each caption, then the photo's place: "(2/2)".
    assert captions == [
        "Các đội thi gói bánh ở sân nhà văn hóa. (1/2)",
        "Trao giải nhất cho tổ dân phố 5. (2/2)",
    ]


def test_an_article_saved_unchanged_keeps_every_byte(page, workspace):
    path = workspace.content / ARTICLE
    before = path.read_bytes()
    _open(page, workspace, "collections/tin-vi-nguoi-ngheo/entries/" + path.stem)
    # The preview looks like the article page: date style, lead, captioned photos.
    preview = page.frame_locator("iframe").first
    expect(preview.locator(".article-meta__date")).to_have_text("Thứ 6, Ngày 08/12/2023, 10:15")
    expect(preview.locator(".article__lead")).to_contain_text("Sáng 7/12")
    caption = preview.locator(".article__body figure figcaption")
    expect(caption).to_contain_text("Ảnh: Quốc Bảo")
    # Opened and not touched: there is nothing to publish, nothing is written.
    expect(page.get_by_role("button", name="Đã công bố")).to_be_visible()
    # A space typed at the end of the title changes the form, not the content:
    # the file is written through the header format and must come out the same.
    title = page.get_by_label("Tiêu đề")
    title.press("End")
    title.type(" ")
    _publish(page)
    assert path.read_bytes() == before


def test_editing_a_document_changes_only_those_lines(page, workspace):
    path = workspace.content / DOCUMENT
    before = path.read_text(encoding="utf-8").splitlines()
    _open(page, workspace, "collections/van-ban/entries/" + path.stem)
    page.get_by_label("Người ký").fill("Hoàng Văn Tâm, Chủ tịch UBND phường")
    page.get_by_label("Ngày hết hiệu lực").fill("2026-12-31")
    _publish(page)
    after = path.read_text(encoding="utf-8").splitlines()
    changes = [line for line in difflib.ndiff(before, after) if line[:2] in {"- ", "+ "}]
    # The edited line in place; the new field at the end of the header.
    assert changes == [
        "- Signer: Hoàng Văn Tâm, Chủ tịch Ủy ban nhân dân phường",
        "+ Signer: Hoàng Văn Tâm, Chủ tịch UBND phường",
        "+ Expires: 2026-12-31",
    ]
    assert after.index("Expires: 2026-12-31") == after.index("") - 1


def test_our_parts_of_the_editor_page_pass_axe(page, workspace):
    from axe_playwright_python.sync_playwright import Axe  # noqa: PLC0415 - heavy import

    from tests.a11y import AXE_TAGS  # noqa: PLC0415

    page.goto(f"{workspace.url}/quan-tri/")
    page.get_by_role("button", name="Đăng nhập").wait_for()
    ours = Axe().run(
        page,
        context={"include": [[".editor-banner"]]},
        options={"runOnly": {"type": "tag", "values": AXE_TAGS}},
    )
    page_level = Axe().run(
        page,
        options={
            "runOnly": {
                "type": "rule",
                "values": ["document-title", "html-has-lang", "html-lang-valid", "meta-viewport"],
            }
        },
    )
    violations = ours.response["violations"] + page_level.response["violations"]
    assert [item["id"] for item in violations] == []
    assert page.locator("html").get_attribute("lang") == "vi"
