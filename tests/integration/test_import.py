"""`./portal import` (issue 16): three old portals into the demo site, checked and built.

Every test reads the real output of a real import, a real `check` and a real
Pelican build of the result.
"""

from __future__ import annotations

import io
import json
import shutil
import unicodedata
from pathlib import Path

import pytest

from content_checks.cli import run_check
from importer.cli import main, run_import
from tests.import_site import (
    AN_KHANH,
    NUKEVIET,
    NUKEVIET_UPLOADS,
    SAVED,
    TAN_LAP_PORTAL,
    TAN_LAP_WP,
    WXR,
    fill_mapping,
    import_all,
)
from tests.support import (
    ROOT,
    build_site,
    copy_demo_content,
    html_pages,
    read_header,
    site_settings,
    soup,
)


@pytest.fixture(scope="module")
def merged(tmp_path_factory):
    """(content, settings, reports, output) of the demo with all three imports built."""
    root = tmp_path_factory.mktemp("merged-ward")
    content, settings, reports = import_all(root)
    output = build_site(content, root / "output", SEARCH_INDEX=False)
    return content, settings, reports, output


def _t(node) -> str:
    """A node's text as a reader sees it (typogrify's no-break spaces as spaces)."""
    return " ".join(node.get_text(" ").split())


def _article(output: Path, title_start: str):
    for path in sorted(output.glob("20*/*/*/*/index.html")):
        page = soup(path)
        heading = page.select_one("h1.article__title")
        if heading and _t(heading).startswith(title_start):
            return path, page
    raise AssertionError(f"no article page titled {title_start!r}")


def test_the_imported_site_passes_the_real_check(merged):
    content, *_ = merged
    out, err = io.StringIO(), io.StringIO()
    status = run_check(ROOT / "pelicanconf.py", {"PATH": str(content)}, out=out, err=err)
    assert status == 0, err.getvalue()
    assert "Lỗi: 0" in out.getvalue()


def test_a_nukeviet_article_keeps_its_story_and_drops_the_old_markup(merged):
    *_, output = merged
    _, page = _article(output, "Ngày hội Đại đoàn kết ở khu phố 4")
    # NukeViet stores titles HTML-escaped: the reader sees the quotes, not "&quot;".
    assert "&quot;" not in _t(page.select_one("h1")) and "Đoàn kết là sức mạnh" in _t(page)
    body = page.select_one(".article__body")
    # The photo linked to its larger copy is the photo alone, not a link to a file.
    assert body.select_one("figure a") is None
    assert "hơn 300 hộ dân" in _t(body)
    assert _t(page.select_one(".article__lead")).startswith("Hơn 300 hộ dân khu phố 4")
    caption = body.select_one("figure figcaption")
    assert caption is not None and _t(caption) == "Bà con khu phố 4 tham gia hội thi nấu ăn"
    assert [_t(li) for li in body.select("ul li")] == [
        "Hội thi gói bánh tét",
        "Giao lưu văn nghệ giữa các tổ dân phố",
    ]
    html = str(body)
    assert "style=" not in html and "font-family" not in html and "_gaq" not in html
    assert not [p for p in body.find_all("p") if not p.get_text(strip=True) and not p.find("img")]
    # The old link to another imported article now leads to its new page.
    link = body.find("a", string="Hội nghị tổng kết năm 2023")
    assert link is not None and link["href"].startswith("/2024/01/05/")
    # The featured photo was copied in with an ASCII name.
    assert (output / "images/uy-ban-mttq-phuong-an-khanh-cu/2024/ngay-hoi-khu-pho-4.jpg").exists()


def test_a_nukeviet_articles_attached_file_is_copied_and_linked(merged):
    *_, output = merged
    _, page = _article(output, "Hội nghị tổng kết công tác Mặt trận năm 2023")
    link = page.select_one(".article__body").find("a", string="bao-cao-tong-ket-2023.pdf")
    assert link is not None
    assert link["href"].endswith(
        "/files/van-ban/uy-ban-mttq-phuong-an-khanh-cu/bao-cao-tong-ket-2023.pdf"
    )
    assert (output / link["href"].lstrip("/")).read_bytes().startswith(b"%PDF")


def test_every_imported_item_says_where_it_came_from(merged):
    *_, output = merged
    _, page = _article(output, "Ngày hội Đại đoàn kết ở khu phố 4")
    line = _t(page.select_one(".provenance"))
    assert line.startswith(f"Tin đăng trên trang {AN_KHANH}")
    assert "http://ankhanh.lamgiang.gov.vn/news/tin-tuc-su-kien/" in line
    assert page.select_one('[data-pagefind-filter="unit"]').get_text() == AN_KHANH
    document = soup(output / "van-ban/18-kh-mttq-btt-2024/index.html")
    assert AN_KHANH in _t(document.select_one(".provenance"))
    page_html = soup(output / "lich-su-phuong-tan-lap/index.html")
    # Text that looks like markup stays text (and passed the real check).
    assert "chữ <script> và [ảnh](anh.jpg) ở đây" in _t(page_html.select_one(".article__body"))
    assert TAN_LAP_WP in _t(page_html.select_one(".provenance"))
    # Items written here say nothing.
    demo = soup(output / "gioi-thieu/index.html")
    assert demo.select_one(".provenance") is None


def test_the_provenance_line_is_escaped(tmp_path):
    content = copy_demo_content(tmp_path / "content")
    settings = site_settings(content, tmp_path / "output", SEARCH_INDEX=False)
    run_import(SAVED, 'Phường <b>"Cũ"</b> & Co', settings)
    mapping = next((tmp_path / "import").glob("*-chuyen-muc.toml"))
    mapping.write_text('"(không có chuyên mục)" = "Tin tức sự kiện"\n', encoding="utf-8")
    run_import(SAVED, 'Phường <b>"Cũ"</b> & Co', settings)
    output = build_site(content, tmp_path / "output", SEARCH_INDEX=False)
    _, page = _article(output, "Gặp mặt người cao tuổi")
    line = page.select_one(".provenance")
    assert line.find("b") is None
    assert "Phường" in line.get_text()


def test_nukeviet_laws_become_documents_with_their_file(merged):
    *_, output = merged
    page = soup(output / "van-ban/18-kh-mttq-btt-2024/index.html")
    text = _t(page)
    assert "18/KH-MTTQ-BTT" in text
    assert "Lê Thị Hồng Vân, Chủ tịch" in text
    assert "Ban Thường trực Ủy ban MTTQ Việt Nam phường An Khánh" in text
    links = [a["href"] for a in page.select(".document__files a")]
    assert any(
        href.endswith("van-ban/uy-ban-mttq-phuong-an-khanh-cu/18-kh-mttq-btt.pdf") for href in links
    )


def test_wordpress_captions_gallery_links_and_statuses(merged):
    content, _, reports, output = merged
    _, page = _article(output, "Trao nhà Đại đoàn kết cho hộ nghèo tổ 7")
    captions = [_t(node) for node in page.select(".article__body figcaption")]
    assert captions == [
        "Lãnh đạo phường trao quyết định hỗ trợ cho gia đình bà Sáu",
        "Ngôi nhà mới khang trang của gia đình bà Sáu",
    ]
    link = page.select_one(".article__body").find("a", string="Phát động ủng hộ Quỹ Vì người nghèo")
    assert link["href"].startswith("/2024/05/02/")
    assert "googletagmanager" not in str(page)
    # A draft stays a draft; a future post is scheduled (not on the site yet); trash is skipped.
    report = reports[TAN_LAP_WP][-1]
    first = reports[TAN_LAP_WP][0]
    assert any("tong-ket-quy-ii" in path for path, _ in first.drafts)
    assert any("giai-bong-chuyen-hoi" in path for path in report.scheduled)
    assert any("Tin đã xóa" in what for what, _ in first.skipped)
    assert not list(output.glob("20*/*/*/ban-nhap-tong-ket-quy-ii"))
    assert not list(output.glob("2031/*/*/giai-bong-chuyen-hoi-cac-to-dan-pho"))
    scheduled = read_header(next(content.glob("articles/*/2031-08-20-*.md")))
    assert scheduled["category"] == "Hoạt động Mặt trận"


def test_saved_pages_give_the_article_and_nothing_of_the_chrome(merged):
    *_, output = merged
    _, page = _article(output, "Ra mắt mô hình")
    article = page.select_one("article.article")
    text = _t(article)
    assert "150 hộ gia đình" in text
    for chrome in ("Tin đã đưa", "Lượt xem", "Thống kê truy cập", "Duyệt", "In bài viết",
                   "Phát động Tết trồng cây", "Bản quyền thuộc"):  # fmt: skip
        assert chrome not in text
    assert page.select_one("time")["datetime"].startswith("2018-06-13T16:40")
    caption = article.select_one(".article__body figcaption")
    assert _t(caption) == "Các hộ dân ký cam kết không dùng túi ni lông"


@pytest.mark.parametrize(
    ("title", "kept", "chrome"),
    [
        ("Khai giảng lớp xóa mù chữ", "18 học viên",
         ("Tin khác", "Hội thi gia đình văn hóa", "Đánh giá", "Đường dây nóng", "Liferay")),
        ("Khai trương thư viện số", "tình nguyện viên",
         ("Chia sẻ", "Facebook", "Tin liên quan", "Bài viết mới", "Bài trước", "Vận hành bởi")),
    ],
)  # fmt: skip
def test_liferay_and_wordpress_theme_pages(merged, title, kept, chrome):
    *_, output = merged
    _, page = _article(output, title)
    text = _t(page.select_one("article.article"))
    assert kept in text
    assert [word for word in chrome if word in text] == []
    lead = _t(page.select_one(".article__lead"))
    assert lead and text.count(lead) == 1


def test_a_windows_1258_nukeviet_page_comes_out_nfc(merged):
    content, *_ = merged
    path = next(content.glob("articles/*/2024-05-06-tap-huan-*.md"))
    text = path.read_text(encoding="utf-8")
    assert unicodedata.is_normalized("NFC", text)
    assert "Sau lớp học, mỗi thành viên" in text
    assert "Những tin cũ hơn" not in text and "Đang truy cập" not in text
    assert read_header(path)["category"] == "Hoạt động Mặt trận"
    readable = next(content.glob("articles/*/2023-10-01-gap-mat-*.md")).read_text(encoding="utf-8")
    assert unicodedata.is_normalized("NFC", readable)
    assert "Báo Lam Giang" not in readable and "Chủ tịch Ủy ban MTTQ phường" in readable


def test_redirect_pages_map_and_redirects_file(merged):
    *_, output = merged
    path, _ = _article(output, "Ngày hội Đại đoàn kết ở khu phố 4")
    new = "/" + path.parent.relative_to(output).as_posix() + "/"
    old = soup(output / "news/tin-tuc-su-kien/ngay-hoi-dai-doan-ket-o-khu-pho-4-1.html")
    assert old.select_one('meta[http-equiv="refresh"]')["content"] == f"0; url={new}"
    assert old.select_one('link[rel="canonical"]')["href"] == new
    assert old.select_one("a")["href"] == new
    mapping = json.loads((output / "dia-chi-cu.json").read_text(encoding="utf-8"))
    assert (
        mapping["/index.php?nv=news&op=tin-tuc-su-kien%2Fngay-hoi-dai-doan-ket-o-khu-pho-4-1"]
        == new
    )
    assert mapping["/pages/chitiet.aspx?id=123"].startswith("/2018/06/13/")
    assert mapping["/?p=30"].startswith("/2024/05/02/")
    lines = (output / "_redirects").read_text(encoding="utf-8").splitlines()
    assert f"/news/tin-tuc-su-kien/ngay-hoi-dai-doan-ket-o-khu-pho-4-1.html {new} 301" in lines
    assert not any("?" in line for line in lines)
    # A draft's old address leads nowhere yet.
    assert not (output / "news/tin-tuc-su-kien/bai-nhap-ke-hoach-thang-tu-4.html").exists()


def test_rerunning_duplicates_nothing_and_keeps_an_editors_change(merged, tmp_path):
    content, settings, reports, _ = merged
    second = reports[AN_KHANH][1]
    assert len(second.unchanged) == 2  # the first run's article and document, untouched
    site = tmp_path / "site"
    shutil.copytree(content.parent, site, ignore=shutil.ignore_patterns("output"))
    settings = site_settings(site / "content", site / "output", SEARCH_INDEX=False)
    before = sorted(p.relative_to(site).as_posix() for p in site.rglob("*") if p.is_file())
    edited = next((site / "content").glob("articles/*/2024-03-12-ngay-hoi-*.md"))
    edited.write_text(edited.read_text(encoding="utf-8") + "\nĐoạn biên tập viên thêm.\n", "utf-8")
    report = run_import(NUKEVIET, AN_KHANH, settings, uploads=NUKEVIET_UPLOADS,
                        site_url="http://ankhanh.lamgiang.gov.vn")  # fmt: skip
    after = sorted(p.relative_to(site).as_posix() for p in site.rglob("*") if p.is_file())
    assert after == before
    assert report.kept_edited == [edited.relative_to(site / "content").as_posix()]
    assert "Đoạn biên tập viên thêm." in edited.read_text(encoding="utf-8")
    assert not report.published and not report.drafts
    # An article the editor deleted (or moved to another category) is not brought back.
    edited.unlink()
    report = run_import(NUKEVIET, AN_KHANH, settings, uploads=NUKEVIET_UPLOADS,
                        site_url="http://ankhanh.lamgiang.gov.vn")  # fmt: skip
    assert not edited.exists()
    assert not report.published and not report.drafts and len(report.kept_edited) == 1


def test_dry_run_writes_nothing(tmp_path):
    content = copy_demo_content(tmp_path / "content")
    settings = site_settings(content, tmp_path / "output", SEARCH_INDEX=False)
    before = sorted(p.as_posix() for p in tmp_path.rglob("*"))
    report = run_import(WXR, TAN_LAP_WP, settings, dry_run=True)
    assert sorted(p.as_posix() for p in tmp_path.rglob("*")) == before
    assert report.published  # it still says what it would do


def test_the_same_story_from_two_old_units_is_flagged(tmp_path):
    content = copy_demo_content(tmp_path / "content")
    settings = site_settings(content, tmp_path / "output", SEARCH_INDEX=False)
    run_import(NUKEVIET, AN_KHANH, settings, uploads=NUKEVIET_UPLOADS)
    other = run_import(NUKEVIET, "Ủy ban MTTQ xã An Phú (cũ)", settings, uploads=NUKEVIET_UPLOADS)
    flagged = dict(other.duplicates)
    assert len(flagged) == 3  # the published article, the draft and the document
    for path in flagged:
        assert read_header(content / path)["status"] == "draft"
    output = build_site(content, tmp_path / "output", SEARCH_INDEX=False)
    assert len(list(output.glob("2024/03/12/*/index.html"))) == 1


@pytest.mark.parametrize(
    ("name", "text", "expected"),
    [
        ("xuat.xml", '<?xml version="1.0"?><rss><channel><title>x</title></channel></rss>',
         "không phải tệp xuất của WordPress (WXR)"),
        ("hong.xml", '<?xml version="1.0"?><rss><channel><wp:wxr_version',
         "tệp XML hỏng hoặc bị cắt cụt"),
        ("cat.sql", NUKEVIET.read_text(encoding="utf-8")[:7000], "tệp SQL bị cắt cụt"),
        ("khac.sql", "CREATE TABLE `users` (\n  `id` int\n);\nINSERT INTO `users` VALUES (1);\n",
         "không có bảng tin bài"),
    ],
)  # fmt: skip
def test_a_bad_source_gets_a_vietnamese_error_not_a_traceback(tmp_path, name, text, expected):
    source = tmp_path / name
    source.write_text(text, encoding="utf-8")
    content = copy_demo_content(tmp_path / "content")
    out = io.StringIO()
    status = main(ROOT / "pelicanconf.py", str(source), AN_KHANH, path=str(content), out=out)
    assert status == 1
    assert expected in out.getvalue() and name in out.getvalue()
    assert "Traceback" not in out.getvalue()


def test_a_list_of_links_in_unknown_markup_is_not_an_article(merged):
    content, _, reports, _ = merged
    assert not list(content.glob("articles/*/2023-10-02-*.md"))  # "Tin khác", a list page
    assert not [path for path in reports[TAN_LAP_PORTAL][-1].published if "tin-khac" in path]
    skipped = dict(reports[TAN_LAP_PORTAL][-1].skipped)
    assert skipped["tin-khac/index.html"].startswith("không phải trang bài viết")
    assert skipped["index.html"].startswith("không phải trang bài viết")


def test_a_folder_without_article_pages_is_refused(tmp_path):
    folder = tmp_path / "mirror"
    folder.mkdir()
    shutil.copy(SAVED / "index.html", folder / "index.html")
    content = copy_demo_content(tmp_path / "content")
    out = io.StringIO()
    status = main(ROOT / "pelicanconf.py", str(folder), AN_KHANH, path=str(content), out=out)
    assert status == 1
    assert "không có trang bài viết nào" in out.getvalue()


def test_the_checks_know_the_provenance_fields(tmp_path):
    """Declared fields: a misspelt one is caught like any other field name."""
    content = copy_demo_content(tmp_path / "content")
    path = next(content.glob("articles/tin-tuc-su-kien/*.md"))
    head, _, body = path.read_text(encoding="utf-8").partition("\n\n")
    path.write_text(f"{head}\nOrigin-unti: Phường cũ\n\n{body}", encoding="utf-8")
    err = io.StringIO()
    status = run_check(ROOT / "pelicanconf.py", {"PATH": str(content)}, out=io.StringIO(), err=err)
    assert status == 1
    assert 'Tên trường "Origin-unti" không có. Có phải "Origin-unit"?' in err.getvalue()


def _wxr(tmp_path: Path, posts: str) -> Path:
    """A minimal but genuine WXR 1.2 export holding ``posts`` (``<item>``s)."""
    path = tmp_path / "nho.wordpress.xml"
    path.write_text(
        '<?xml version="1.0" encoding="UTF-8" ?>\n<rss version="2.0" '
        'xmlns:excerpt="http://wordpress.org/export/1.2/excerpt/" '
        'xmlns:content="http://purl.org/rss/1.0/modules/content/" '
        'xmlns:dc="http://purl.org/dc/elements/1.1/" xmlns:wp="http://wordpress.org/export/1.2/">'
        "<channel><title>Trang cũ</title><link>https://cu.example.vn</link>"
        "<wp:wxr_version>1.2</wp:wxr_version>"
        "<wp:base_site_url>https://cu.example.vn</wp:base_site_url>"
        f"{posts}</channel></rss>\n",
        encoding="utf-8",
    )
    return path


def _post(number: int, title: str, date: str, body: str) -> str:
    return (
        f"<item><title>{title}</title><link>https://cu.example.vn/?p={number}</link>"
        f"<content:encoded><![CDATA[{body}]]></content:encoded>"
        "<excerpt:encoded><![CDATA[]]></excerpt:encoded>"
        f"<wp:post_id>{number}</wp:post_id><wp:post_date>{date}</wp:post_date>"
        "<wp:status>publish</wp:status><wp:post_type>post</wp:post_type>"
        '<category domain="category" nicename="t"><![CDATA[Tin tức sự kiện]]></category></item>'
    )


def test_a_story_the_site_already_has_comes_in_as_a_flagged_draft(tmp_path):
    content = copy_demo_content(tmp_path / "content")
    settings = site_settings(content, tmp_path / "output", SEARCH_INDEX=False)
    title = "Lãnh đạo phường thăm, chúc Tết các gia đình chính sách"  # a demo article's
    source = _wxr(
        tmp_path, _post(7, title, "2023-01-16 09:00:00", "Nội dung đăng lại từ trang cũ.")
    )
    report = run_import(source, TAN_LAP_WP, settings)
    [(path, other)] = report.duplicates
    assert other.startswith("articles/tin-tuc-su-kien/")
    assert read_header(content / path)["status"] == "draft"
    build_site(content, tmp_path / "output", SEARCH_INDEX=False)  # no clash of addresses


def test_missing_photos_are_listed_and_the_page_has_none_broken(tmp_path):
    content = copy_demo_content(tmp_path / "content")
    settings = site_settings(content, tmp_path / "output", SEARCH_INDEX=False)
    photo = "https://cu.example.vn/wp-content/uploads/mat.jpg"
    elsewhere = "https://bao.example.vn/anh/mat.jpg"  # never fetched, never matched
    body = (
        f'<p>Tin có ảnh đã mất.</p><p><img src="{photo}" alt="Ảnh"></p>'
        f'<p><img src="{elsewhere}" alt="Ảnh báo"></p>'
        '<p>Tải <a href="/wp-content/uploads/bieu-mau.pdf">biểu mẫu</a> tại đây.</p>'
    )
    source = _wxr(
        tmp_path,
        _post(8, "Tin có ảnh đã mất", "2024-02-02 08:00:00", body)
        + _post(9, "", "2024-02-03 08:00:00", "Tin không tiêu đề."),
    )
    uploads = tmp_path / "uploads" / "anh"
    uploads.mkdir(parents=True)
    (uploads / "mat.jpg").write_bytes(b"not the same photo")  # same name, other site's path
    report = run_import(source, TAN_LAP_WP, settings, uploads=uploads.parent)
    assert [url for _, url in report.missing] == [
        photo,
        elsewhere,
        "/wp-content/uploads/bieu-mau.pdf",
    ]
    assert [why for _, why in report.skipped] == ["không có tiêu đề"]
    output = build_site(content, tmp_path / "output", SEARCH_INDEX=False)
    _, page = _article(output, "Tin có ảnh đã mất")
    assert page.select_one(".article__body img") is None
    assert "Tin có ảnh đã mất." in _t(page.select_one(".article__body"))
    assert "Tải biểu mẫu tại đây." in _t(page.select_one(".article__body"))


def test_imported_pages_redirect_pages_and_404_are_valid_html(merged, tmp_path):
    """The Nu Html Checker on what an import adds: its pages, the 404 and home pages
    with the old-address script, a refresh page at an old path, the stylesheet."""
    from tests.integration.test_valid_html import by_file, check, newer_css  # noqa: PLC0415

    *_, output = merged
    chosen = [
        _article(output, "Ngày hội Đại đoàn kết ở khu phố 4")[0],
        _article(output, "Ra mắt mô hình")[0],
        output / "van-ban/18-kh-mttq-btt-2024/index.html",
        output / "lich-su-phuong-tan-lap/index.html",
        output / "404.html",
        output / "index.html",
        output / "news/tin-tuc-su-kien/ngay-hoi-dai-doan-ket-o-khu-pho-4-1.html",
        *(output / "theme/css").glob("site.*.css"),
    ]
    for number, path in enumerate(chosen):
        shutil.copy(path, tmp_path / f"{number}{path.suffix}")
    errors = [message for message in check(tmp_path) if not newer_css(message)]
    assert not errors, by_file(errors, tmp_path)


def test_every_address_in_the_merged_site_resolves(merged):
    """The demo's link check on the merged site: imported links, photos, files, redirects."""
    from tests.integration.test_links import addresses, problem  # noqa: PLC0415

    *_, output = merged
    broken = [
        f"{page.relative_to(output)}: {why}"
        for page in html_pages(output)
        for address in addresses(soup(page))
        if (why := problem(output, page, address))
    ]
    assert not broken, "\n".join(broken[:50])


def test_a_broken_redirects_data_file_is_reported_with_its_line(tmp_path):
    content = copy_demo_content(tmp_path / "content")
    (content / "data" / "dia-chi-cu.json").write_text(
        '{"redirects": [\n {"old": "/a.html", "to": "articles/x.md"},\n]}\n', encoding="utf-8"
    )
    err = io.StringIO()
    status = run_check(ROOT / "pelicanconf.py", {"PATH": str(content)}, out=io.StringIO(), err=err)
    assert status == 1
    assert "data/dia-chi-cu.json:3: Tệp địa chỉ cũ viết sai JSON" in err.getvalue()


def test_a_broken_state_file_is_explained_not_overwritten(tmp_path):
    content = copy_demo_content(tmp_path / "content")
    state = tmp_path / "import" / "state.json"
    state.parent.mkdir()
    state.write_text('{"files": {', encoding="utf-8")
    out = io.StringIO()
    status = main(ROOT / "pelicanconf.py", str(WXR), TAN_LAP_WP, path=str(content), out=out)
    assert status == 1
    assert "tệp ghi nhớ các lần nhập bị hỏng" in out.getvalue()
    assert state.read_text(encoding="utf-8") == '{"files": {'


def test_an_old_sites_renamed_files_are_left_out_and_named(tmp_path):
    """A "photo" that is a web page and a "PDF" that is a script never reach content/."""
    uploads = tmp_path / "uploads"
    shutil.copytree(NUKEVIET_UPLOADS, uploads)
    (uploads / "news/2024_03/ngay-hoi-khu-pho-4.jpg").write_bytes(b"<html><script>x()</script>")
    (uploads / "news/2024_01/bao-cao-tong-ket-2023.pdf").write_bytes(b"#!/bin/sh\nrm -rf /\n")
    content = copy_demo_content(tmp_path / "content")
    settings = site_settings(content, tmp_path / "output", SEARCH_INDEX=False)
    site = "http://ankhanh.lamgiang.gov.vn"
    first = run_import(NUKEVIET, AN_KHANH, settings, uploads=uploads, site_url=site)
    fill_mapping(Path(first.mapping_file))
    report = run_import(NUKEVIET, AN_KHANH, settings, uploads=uploads, site_url=site)
    refused = "\n".join(f"{what}: {why}" for what, why in first.refused + report.refused)
    assert 'Tệp "ngay-hoi-khu-pho-4.jpg" không phải ảnh JPEG thật' in refused
    assert 'Tệp "bao-cao-tong-ket-2023.pdf" không phải tệp PDF thật' in refused
    assert "không nhập vì không an toàn hoặc sai định dạng" in report.text()
    assert not list(content.rglob("ngay-hoi-khu-pho-4*"))
    assert not list(content.rglob("bao-cao-tong-ket-2023*"))
    out, err = io.StringIO(), io.StringIO()
    assert run_check(ROOT / "pelicanconf.py", {"PATH": str(content)}, out=out, err=err) == 0, (
        err.getvalue()
    )
