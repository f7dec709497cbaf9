"""Write the demo attachments named in content/documents and content/notices.

Each ``Files:`` entry of a demo document or notice gets a small, genuine file
of its kind, written from the Markdown file itself:

- PDF: the document laid out as an official paper (header, number, date,
  body, signature), printed by headless Chromium, so the text is real text;
- DOCX: the same text as a Word file (stdlib zipfile, WordprocessingML);
- XLSX: the first Markdown table of the body as a spreadsheet.

Existing files are kept unless ``--force`` is given. Run after adding a demo
document:

    .venv/bin/python scripts/make_demo_documents.py
"""

from __future__ import annotations

import argparse
import html
import re
import sys
import zipfile
from dataclasses import dataclass
from pathlib import Path
from xml.sax.saxutils import escape

import markdown

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "plugins"))

from documents.files import attachment_path, file_entries, split_entry  # noqa: E402
from documents.metadata import parse_date, parse_datetime, read_header  # noqa: E402

CONTENT = ROOT / "content"
CHROMIUM = "/usr/bin/chromium"
# Fixed time stamp inside the ZIP files: same input, same bytes.
ZIP_TIME = (2026, 1, 1, 0, 0, 0)
DEMO_NOTE = "Tài liệu minh họa của trang mẫu: đơn vị, con người và nội dung đều là hư cấu."

# Left-hand header of each demo issuer (upper line, own line) and the place name.
ISSUERS = {
    "Ban Thường trực Ủy ban MTTQ Việt Nam phường Hòa Bình": (
        "ỦY BAN MTTQ VIỆT NAM PHƯỜNG HÒA BÌNH",
        "BAN THƯỜNG TRỰC",
        "Hòa Bình",
    ),
    "Ủy ban MTTQ Việt Nam phường Hòa Bình": (
        "MTTQ VIỆT NAM THÀNH PHỐ LAM GIANG",
        "ỦY BAN MTTQ VIỆT NAM PHƯỜNG HÒA BÌNH",
        "Hòa Bình",
    ),
    "Ủy ban nhân dân phường Hòa Bình": ("", "ỦY BAN NHÂN DÂN PHƯỜNG HÒA BÌNH", "Hòa Bình"),
    "Đảng ủy phường Hòa Bình": (
        "ĐẢNG BỘ THÀNH PHỐ LAM GIANG",
        "ĐẢNG ỦY PHƯỜNG HÒA BÌNH",
        "Hòa Bình",
    ),
    "Ban Thường trực Ủy ban MTTQ Việt Nam thành phố Lam Giang": (
        "ỦY BAN MTTQ VIỆT NAM THÀNH PHỐ LAM GIANG",
        "BAN THƯỜNG TRỰC",
        "Lam Giang",
    ),
}
STATE_MOTTO = ("CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM", "Độc lập - Tự do - Hạnh phúc")
PARTY_MOTTO = ("ĐẢNG CỘNG SẢN VIỆT NAM", "")
# Forms attached to notices, by file name: (title, lines to fill in).
FORMS = {
    "don-dang-ky-cong-tac-vien-2027.docx": (
        "ĐƠN ĐĂNG KÝ LÀM CỘNG TÁC VIÊN DƯ LUẬN XÃ HỘI NĂM 2027",
        [
            "Kính gửi: Ban Thường trực Ủy ban MTTQ Việt Nam phường Hòa Bình",
            "Họ và tên: ..................................................",
            "Ngày sinh: ........../........../..........",
            "Nơi cư trú: khu phố ........, phường Hòa Bình",
            "Số điện thoại: ..................................................",
            "Nghề nghiệp, nơi làm việc: ..................................................",
            "Tôi tự nguyện đăng ký làm cộng tác viên dư luận xã hội năm 2027, cam kết "
            "phản ánh trung thực tâm tư, nguyện vọng của Nhân dân nơi cư trú.",
            "Ý kiến của Trưởng Ban công tác Mặt trận khu dân cư: ..............................",
            "Người làm đơn (ký, ghi rõ họ tên)",
        ],
    ),
}


@dataclass(frozen=True)
class Source:
    """A demo document or notice: its header and its Markdown body."""

    header: dict
    body: str

    def get(self, key: str) -> str:
        """Header value of ``key`` ("" if absent)."""
        field = self.header.get(key)
        return field.text if field else ""


def read_source(path: Path) -> Source:
    """Split a Markdown file into its header and body."""
    text = path.read_text(encoding="utf-8")
    _, _, body = text.partition("\n\n")
    return Source(read_header(text), body.strip())


def paper_date(source: Source, place: str) -> str:
    """ "Hòa Bình, ngày 15 tháng 8 năm 2026" (as dated on official papers)."""
    if source.get("issued"):
        day = parse_date(source.get("issued"))
    else:
        day = parse_datetime(source.get("date")).date()
    return f"{place}, ngày {day.day:02d} tháng {day.month} năm {day.year}"


# --- PDF --------------------------------------------------------------------------------

PAGE_CSS = """
@page { size: A4; margin: 20mm 15mm 20mm 30mm; }
body { font-family: "Times New Roman", "Liberation Serif", serif; font-size: 13pt; }
body { line-height: 1.4; }
.head { width: 100%; border-collapse: collapse; }
.head td { vertical-align: top; text-align: center; width: 50%; padding: 0; }
.upper { font-size: 12pt; }
.own, .motto { font-weight: bold; font-size: 12pt; }
.slogan { font-weight: bold; text-decoration: underline; }
.number { margin-top: 6pt; }
.date { font-style: italic; }
h1 { text-align: center; font-size: 14pt; margin: 18pt 0 4pt; }
.abstract { text-align: center; font-weight: bold; margin: 0 0 14pt; }
h2 { font-size: 13pt; margin: 10pt 0 4pt; }
p, li { text-align: justify; margin: 0 0 6pt; }
table.data { border-collapse: collapse; width: 100%; margin: 6pt 0; }
table.data th, table.data td { border: 1px solid #000; padding: 3pt 5pt; font-size: 12pt; }
.sign { margin-left: 50%; text-align: center; margin-top: 18pt; }
.sign .role { font-weight: bold; text-transform: uppercase; }
.sign .name { font-weight: bold; margin-top: 40pt; }
.note { margin-top: 30pt; font-size: 9pt; font-style: italic; color: #444; text-align: center; }
"""


def paper_html(source: Source) -> str:
    """The demo document as an official paper, in HTML for printing."""
    issuer = source.get("issuer")
    upper, own, place = ISSUERS.get(issuer, ("", issuer.upper(), "Hòa Bình"))
    number = source.get("number")
    motto = PARTY_MOTTO if re.match(r"^\d+-", number) else STATE_MOTTO
    kind = source.get("type")
    name, _, role = source.get("signer").partition(",")
    body = markdown.markdown(source.body, extensions=["tables"]).replace(
        "<table>", '<table class="data">'
    )
    left = f'<div class="upper">{html.escape(upper)}</div>' if upper else ""
    return f"""<!DOCTYPE html><html lang="vi"><head><meta charset="utf-8">
<style>{PAGE_CSS}</style></head><body>
<table class="head"><tr>
<td>{left}<div class="own">{html.escape(own)}</div>
<div class="number">Số: {html.escape(number)}</div></td>
<td><div class="motto">{motto[0]}</div><div class="slogan">{motto[1]}</div>
<div class="date">{html.escape(paper_date(source, place))}</div></td>
</tr></table>
<h1>{html.escape(kind.upper())}</h1>
<p class="abstract">{html.escape(source.get("title"))}</p>
{body}
<div class="sign"><div class="role">{html.escape(role.strip())}</div>
<div class="name">{html.escape(name.strip())}</div></div>
<p class="note">{DEMO_NOTE}</p>
</body></html>"""


def write_pdfs(jobs: list[tuple[Source, Path]]) -> None:
    """Print each paper with headless Chromium (real, searchable text)."""
    if not jobs:
        return
    from playwright.sync_api import sync_playwright  # noqa: PLC0415 - only for PDFs

    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(
            executable_path=CHROMIUM, args=["--no-sandbox", "--disable-gpu"]
        )
        page = browser.new_page()
        for source, target in jobs:
            page.set_content(paper_html(source))
            page.pdf(path=str(target), format="A4", prefer_css_page_size=True, tagged=True)
            print(f"  {target.relative_to(ROOT)}")
        browser.close()


# --- Office files (stdlib zipfile) ----------------------------------------------------

WORD_NS = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
SHEET_NS = "http://schemas.openxmlformats.org/spreadsheetml/2006/main"
REL_NS = "http://schemas.openxmlformats.org/package/2006/relationships"
OFFICE_REL = "http://schemas.openxmlformats.org/officeDocument/2006/relationships"
XML_HEAD = '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n'


def _zip(target: Path, parts: dict[str, str]) -> None:
    with zipfile.ZipFile(target, "w", zipfile.ZIP_DEFLATED) as archive:
        for name, text in parts.items():
            archive.writestr(zipfile.ZipInfo(name, ZIP_TIME), XML_HEAD + text)
    print(f"  {target.relative_to(ROOT)}")


def _content_types(overrides: dict[str, str]) -> str:
    items = "".join(
        f'<Override PartName="{part}" ContentType="{kind}"/>' for part, kind in overrides.items()
    )
    return (
        '<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">'
        '<Default Extension="rels" '
        'ContentType="application/vnd.openxmlformats-package.relationships+xml"/>'
        f'<Default Extension="xml" ContentType="application/xml"/>{items}</Types>'
    )


def _relationship(target: str, kind: str) -> str:
    return (
        f'<Relationships xmlns="{REL_NS}"><Relationship Id="rId1" '
        f'Type="{OFFICE_REL}/{kind}" Target="{target}"/></Relationships>'
    )


def _word_paragraph(text: str, bold: bool = False, center: bool = False) -> str:
    props = '<w:pPr><w:jc w:val="center"/></w:pPr>' if center else ""
    run = (
        '<w:rPr><w:rFonts w:ascii="Times New Roman" w:hAnsi="Times New Roman" '
        f'w:cs="Times New Roman"/>{"<w:b/>" if bold else ""}<w:sz w:val="28"/></w:rPr>'
    )
    return f'<w:p>{props}<w:r>{run}<w:t xml:space="preserve">{escape(text)}</w:t></w:r></w:p>'


def plain_lines(body: str) -> list[tuple[str, bool]]:
    """Markdown body as (text, is heading) lines: lists and tables flattened."""
    lines: list[tuple[str, bool]] = []
    for block in re.split(r"\n\s*\n", body):
        text = " ".join(line.strip() for line in block.splitlines())
        if not text or set(text) <= set("|- "):
            continue
        if text.startswith("|"):
            for row in block.splitlines():
                cells = [cell.strip() for cell in row.strip().strip("|").split("|")]
                if not set("".join(cells)) <= set("- "):
                    lines.append((" – ".join(cells), False))
            continue
        heading = text.startswith("#")
        lines.append((text.lstrip("# ").replace("**", ""), heading))
    return lines


def write_docx(source: Source, target: Path) -> None:
    """A Word file: the form for notices, the document's text otherwise."""
    if target.name in FORMS:
        title, lines = FORMS[target.name]
        paragraphs = [
            _word_paragraph(STATE_MOTTO[0], bold=True, center=True),
            _word_paragraph(STATE_MOTTO[1], bold=True, center=True),
            _word_paragraph(title, bold=True, center=True),
            *(_word_paragraph(line) for line in lines),
        ]
    else:
        paragraphs = [
            _word_paragraph(f"{source.get('type').upper()} SỐ {source.get('number')}", True, True),
            _word_paragraph(source.get("title"), bold=True, center=True),
            *(_word_paragraph(text, bold=heading) for text, heading in plain_lines(source.body)),
            _word_paragraph(source.get("signer"), bold=True),
        ]
    paragraphs.append(_word_paragraph(DEMO_NOTE))
    section = (
        '<w:sectPr><w:pgSz w:w="11906" w:h="16838"/><w:pgMar w:top="1134" w:right="1134" '
        'w:bottom="1134" w:left="1701" w:header="0" w:footer="0" w:gutter="0"/></w:sectPr>'
    )
    body = "".join(paragraphs) + section
    document = f'<w:document xmlns:w="{WORD_NS}"><w:body>{body}</w:body></w:document>'
    main = "application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"
    _zip(
        target,
        {
            "[Content_Types].xml": _content_types({"/word/document.xml": main}),
            "_rels/.rels": _relationship("word/document.xml", "officeDocument"),
            "word/document.xml": document,
        },
    )


def first_table(body: str) -> list[list[str]]:
    """Rows of the first Markdown table in ``body`` (header row first)."""
    rows = []
    for line in body.splitlines():
        if line.strip().startswith("|"):
            cells = [cell.strip() for cell in line.strip().strip("|").split("|")]
            if not set("".join(cells)) <= set("-: "):
                rows.append(cells)
        elif rows:
            break
    return rows


def _column(index: int) -> str:
    name = ""
    index += 1
    while index:
        index, rest = divmod(index - 1, 26)
        name = chr(65 + rest) + name
    return name


def write_xlsx(source: Source, target: Path) -> None:
    """A spreadsheet of the body's first table (text cells, one sheet)."""
    rows = first_table(source.body)
    if not rows:
        raise SystemExit(f"{target.name}: the Markdown body has no table to put in a spreadsheet")
    xml_rows = []
    for r, cells in enumerate(rows, start=1):
        xml_cells = "".join(
            f'<c r="{_column(c)}{r}" t="inlineStr"><is><t>{escape(text)}</t></is></c>'
            for c, text in enumerate(cells)
        )
        xml_rows.append(f'<row r="{r}">{xml_cells}</row>')
    sheet = f'<worksheet xmlns="{SHEET_NS}"><sheetData>{"".join(xml_rows)}</sheetData></worksheet>'
    workbook = (
        f'<workbook xmlns="{SHEET_NS}" xmlns:r="{OFFICE_REL}"><sheets>'
        '<sheet name="Phân công" sheetId="1" r:id="rId1"/></sheets></workbook>'
    )
    kinds = "application/vnd.openxmlformats-officedocument.spreadsheetml"
    _zip(
        target,
        {
            "[Content_Types].xml": _content_types(
                {
                    "/xl/workbook.xml": f"{kinds}.sheet.main+xml",
                    "/xl/worksheets/sheet1.xml": f"{kinds}.worksheet+xml",
                }
            ),
            "_rels/.rels": _relationship("xl/workbook.xml", "officeDocument"),
            "xl/workbook.xml": workbook,
            "xl/_rels/workbook.xml.rels": _relationship("worksheets/sheet1.xml", "worksheet"),
            "xl/worksheets/sheet1.xml": sheet,
        },
    )


def main(argv: list[str] | None = None) -> int:
    """Write every missing demo attachment (all of them with --force)."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--force", action="store_true", help="rewrite existing files too")
    args = parser.parse_args(argv)
    pdfs = []
    for path in sorted([*CONTENT.glob("documents/*.md"), *CONTENT.glob("notices/*.md")]):
        source = read_source(path)
        field = source.header.get("files")
        for entry in file_entries(field.values if field else ()):
            target = CONTENT / attachment_path(split_entry(entry)[0], "files")
            if target.exists() and not args.force:
                continue
            target.parent.mkdir(parents=True, exist_ok=True)
            if target.suffix == ".pdf":
                pdfs.append((source, target))
            elif target.suffix == ".docx":
                write_docx(source, target)
            elif target.suffix == ".xlsx":
                write_xlsx(source, target)
            else:
                print(f"  {target.name}: no generator for this kind of file", file=sys.stderr)
    write_pdfs(pdfs)
    return 0


if __name__ == "__main__":
    sys.exit(main())
