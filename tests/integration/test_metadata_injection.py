"""Metadata is plain text: markup in it is refused, and what passes is shown escaped.

Hole 1 of issue 14: ``Author: Minh Anh <img src=x onerror=alert(4)//`` ran
JavaScript on the article page, and Python's HTMLParser (which the check used)
does not see an unclosed tag at the end of a value. Each payload below is
refused by ``./portal check`` and by the build with the file and line, in
Vietnamese. Addresses in angle brackets are accepted as text and shown
exactly as written, on the page, in JSON-LD and in the Atom feed.
"""

from __future__ import annotations

import io
import json

import pytest

from content_checks.cli import run_check
from portal_core.runner import build
from tests.support import ROOT, soup, write_files

SETTINGS = ROOT / "pelicanconf.py"
BASE = {"VISITOR_COUNTER": None}
A = "articles/tin-tuc-su-kien/a.md"
PDF = b"%PDF-1.4\n% tep dinh kem thu nghiem\n"
ATTACHMENT = "files/van-ban/01-kh-mttq.pdf"


def article(extra: str, title: str = "Hội nghị tiếp xúc cử tri") -> str:
    return (
        f"Title: {title}\nDate: 2024-10-03 08:30\nCategory: Tin tức sự kiện\n"
        f"Summary: Sáng 3/10, Ủy ban MTTQ phường tổ chức hội nghị.\n{extra}\n"
        "Cử tri phát biểu ý kiến về trật tự đô thị.\n"
    )


def document(
    extra: str = "",
    issuer: str = "Ban Thường trực Ủy ban MTTQ phường",
    title: str = "Kế hoạch tổ chức Ngày hội Đại đoàn kết toàn dân tộc",
) -> str:
    return (
        f"Title: {title}\nNumber: 01/KH-MTTQ\n"
        f"Type: Kế hoạch\nIssuer: {issuer}\nIssued: 2024-10-01\n"
        f"Signer: Nguyễn Thị Lan\nFiles: van-ban/01-kh-mttq.pdf\n{extra}\nNội dung kế hoạch.\n"
    )


PAYLOADS = {
    "unclosed_img_author": "Minh Anh <img src=x onerror=alert(4)//",
    "unclosed_img_source": "Báo <img src=x onerror=alert(9)//",
    "style_overlay": 'Minh Anh <b style="position:fixed;inset:0">',
    "comment": "Minh Anh <!--",
    "textarea": "Minh Anh <textarea>",
    "plaintext": "Minh Anh <plaintext>",
    "end_tag": "Minh Anh </p>",
}
# (file, text, the line the payload is on, the field name as written)
CASES = {
    **{
        f"article_{name}": (A, article(f"Author: {value}\n"), 5, "Author")
        for name, value in PAYLOADS.items()
        if "source" not in name
    },
    "article_source": (A, article(f"Source: {PAYLOADS['unclosed_img_source']}\n"), 5, "Source"),
    "article_title": (A, article("", title="Tin <img src=x onerror=alert(1)//"), 1, "Title"),
    "article_image_alt": (
        A,
        article("Image: {static}/images/a.jpg\nImage-alt: Ảnh <svg onload=alert(2)>\n"),
        6,
        "Image-alt",
    ),
    "article_continuation": (
        A,
        article("Author: Minh Anh\n    <script>alert(3)</script>\n"),
        6,
        "Author",
    ),
    "document_issuer": (
        "documents/a.md",
        document(issuer="Ban <img src=x onerror=alert(5)//"),
        4,
        "Issuer",
    ),
    "notice_title": (
        "notices/2024-10-02-a.md",
        "Title: Thông báo <iframe src=//x>\nDate: 2024-10-02 08:00\n\nNội dung.\n",
        1,
        "Title",
    ),
    "page_author": (
        "pages/gioi-thieu.md",
        "Title: Giới thiệu\nAuthor: <b>Ban</b>\n\nNội dung.\n",
        2,
        "Author",
    ),
}


def _files(relative: str, text: str) -> dict[str, str | bytes]:
    files: dict[str, str | bytes] = {relative: text, ATTACHMENT: PDF}
    if "Image:" in text:
        files["images/a.jpg"] = b"\xff\xd8\xff\xe0 anh"
    if not relative.startswith("articles/"):
        files[A] = article("")
    return files


def _messages(text: str) -> list[str]:
    return [line.strip() for line in text.splitlines() if line.startswith("  ")]


@pytest.fixture
def site(tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    return lambda files: write_files(tmp_path / "content", files)


def _expected(relative: str, line: int, name: str) -> str:
    return f'content/{relative}:{line}: Dòng "{name}" chỉ ghi chữ thường, không được có thẻ HTML'


@pytest.mark.parametrize("name", list(CASES))
def test_check_refuses_markup_in_plain_text_fields(name, site, capsys):
    relative, text, line, field = CASES[name]
    content = site(_files(relative, text))
    err = io.StringIO()
    status = run_check(SETTINGS, {**BASE, "PATH": str(content)}, err=err)
    messages = _messages(err.getvalue())
    assert status == 1
    assert any(message.startswith(_expected(relative, line, field)) for message in messages), (
        messages
    )
    found = next(m for m in messages if m.startswith(_expected(relative, line, field)))
    assert 'Xóa phần bắt đầu bằng "<", chỉ ghi chữ, ví dụ' in found
    assert "Traceback" not in err.getvalue() + capsys.readouterr().out


@pytest.mark.parametrize(
    "name", ["article_unclosed_img_author", "article_source", "document_issuer"]
)
def test_build_refuses_the_same_markup_and_publishes_nothing(name, site, tmp_path):
    relative, text, line, field = CASES[name]
    content = site(_files(relative, text))
    stream = io.StringIO()
    output = tmp_path / "output"
    status = build(
        SETTINGS, {**BASE, "PATH": str(content), "OUTPUT_PATH": str(output)}, stream=stream
    )
    assert status == 1
    assert any(m.startswith(_expected(relative, line, field)) for m in _messages(stream.getvalue()))
    assert not (output / "index.html").exists()


EMAIL_AUTHOR = "Minh Anh <minhanh@example.vn>"
LINK_SOURCE = 'Báo "Đại Đoàn Kết" <https://example.vn/tin?a=1&b=2>'


def test_addresses_in_brackets_are_text_shown_exactly_as_written(make_site):
    output = make_site(
        {
            "articles/tin-tuc-su-kien/2024-10-03-a.md": article(
                f"Author: {EMAIL_AUTHOR}\nSource: {LINK_SOURCE}\n",
                title="Hỏi & đáp <cutri@example.vn> về bầu cử",
            ),
            "documents/a.md": document(
                issuer="Ban Thường trực <mttq@example.vn>", title="Hỏi & đáp <mttq@example.vn>"
            ),
            ATTACHMENT: PDF,
        },
        SITEURL="https://example.vn",
        FEED_DOMAIN="https://example.vn",
        FEED_ALL_ATOM="feeds/all.atom.xml",
    )
    page = soup(next(output.glob("2024/10/03/*/index.html")))
    # Nothing the editor typed became an element.
    assert not page.find(lambda tag: "@" in tag.name or tag.name.startswith("https"))
    assert page.select_one(".article__byline").get_text() == EMAIL_AUTHOR
    assert page.select_one(".article__source").get_text() == f"Nguồn: {LINK_SOURCE}"
    assert (
        page.select_one("h1.article__title").get_text().replace("\xa0", " ")
        == "Hỏi & đáp <cutri@example.vn> về bầu cử"
    )
    # JSON-LD keeps the whole author, address included.
    data = [
        json.loads(script.string) for script in page.select('script[type="application/ld+json"]')
    ]
    article_data = next(item for item in data if item.get("@type") == "NewsArticle")
    assert article_data["author"][0]["name"] == EMAIL_AUTHOR
    assert article_data["headline"] == "Hỏi & đáp <cutri@example.vn> về bầu cử"
    # The Atom feed: the title is text, not markup.
    feed = next(output.glob("**/*.atom.xml")).read_text(encoding="utf-8").replace("\xa0", " ")
    assert "Hỏi &amp;amp; đáp" not in feed
    assert "<title>Hỏi &amp; đáp &lt;cutri@example.vn&gt; về bầu cử</title>" in feed
    assert "<name>Minh Anh &lt;minhanh@example.vn&gt;</name>" in feed
    register = soup(output / "van-ban" / "index.html")
    assert "Ban Thường trực <mttq@example.vn>" in register.get_text()
    assert not register.find(lambda tag: "@" in tag.name)
    record = soup(next(output.glob("van-ban/*/index.html")))
    assert record.select_one(".document__abstract").get_text() == "Hỏi & đáp <mttq@example.vn>"
    assert record.title.get_text().startswith("Kế hoạch số 01/KH-MTTQ: Hỏi & đáp <mttq@example.vn>")
    assert not record.find(lambda tag: "@" in tag.name)


# --- Fields the content model declares ------------------------------------------------


def test_unknown_fields_are_warnings_with_a_suggestion(site, capsys):
    extra = "Titel: Hội nghị\nGhi-chu: của phóng viên\nOrigin-unit: Ủy ban MTTQ phường cũ\n"
    extra += "Origin-url: https://cu.example.vn/tin/hoi-nghi.html\n"
    content = site({A: article(extra)})
    out, err = io.StringIO(), io.StringIO()
    status = run_check(SETTINGS, {**BASE, "PATH": str(content)}, out=out, err=err)
    assert status == 0, err.getvalue()
    text = out.getvalue()
    assert "Cảnh báo (vẫn đăng, nên sửa): 2" in text
    assert (
        f'content/{A}:5: Tên trường "Titel" không có trong mẫu tin bài nên bị bỏ qua. '
        'Có phải "Title"?'
    ) in text
    assert f'content/{A}:6: Tên trường "Ghi-chu" không có trong mẫu tin bài' in text
    assert "Các trường có: Title, Date, Category, Summary, Author" in text


@pytest.mark.parametrize("relative", [A, "pages/gioi-thieu.md", "notices/2024-10-02-a.md"])
def test_origin_url_must_be_a_whole_address(relative, site):
    texts = {
        A: article("Origin-url: cu.example.vn/tin\n"),
        "pages/gioi-thieu.md": "Title: Giới thiệu\nOrigin-url: cu.example.vn/tin\n\nNội dung.\n",
        "notices/2024-10-02-a.md": (
            "Title: Thông báo\nDate: 2024-10-02 08:00\nOrigin-url: cu.example.vn/tin\n\nNội dung.\n"
        ),
    }
    content = site({**_files(relative, texts[relative])})
    err = io.StringIO()
    assert run_check(SETTINGS, {**BASE, "PATH": str(content)}, err=err) == 1
    line = texts[relative].split("\n").index("Origin-url: cu.example.vn/tin") + 1
    assert (
        f'content/{relative}:{line}: Dòng "Origin-url" phải là một địa chỉ đầy đủ bắt đầu '
        "bằng https://"
    ) in err.getvalue()


def test_an_attachment_name_with_quotes_stays_inside_its_attributes(make_site):
    name = 'ke-hoach" data-injected="1.pdf'
    output = make_site(
        {
            "documents/a.md": document().replace(
                "Files: van-ban/01-kh-mttq.pdf", f"Files: van-ban/{name}"
            ),
            f"files/van-ban/{name}": PDF,
        }
    )
    page = soup(next(output.glob("van-ban/*/index.html")))
    assert not page.select("[data-injected]")
    download = page.select_one("a.attachments__download")
    assert download["download"] == name
    assert download["href"].endswith(name)
