"""The declared content model: its API, and that the README and the checks agree with it."""

from __future__ import annotations

import io
import re

import content_model
import pytest

from content_checks.cli import run_check
from portal_core.runner import load_settings
from tests.support import ROOT, write_files

SETTINGS = load_settings(ROOT / "pelicanconf.py", {"PATH": str(ROOT / "content")})
content_model.declare_plugins(SETTINGS)
KINDS = ("article", "page", "notice", "document")
README = (ROOT / "README.md").read_text(encoding="utf-8")
# The README section that documents each kind's fields.
SECTIONS = {
    "article": "## Viết tin bài",
    "notice": "## Viết thông báo",
    "document": "## Viết văn bản",
}


def test_every_kind_is_declared_with_vietnamese_labels_and_help():
    assert {kind.name for kind in content_model.kinds()} >= set(KINDS)
    for name in KINDS:
        kind = content_model.kind(name)
        assert kind.label_vi and kind.folder and kind.file_pattern.endswith(".md")
        for field in kind.fields:
            assert field.type in content_model.TYPES
            assert field.label_vi and field.help_vi, (name, field.name)
            assert field.widget
        assert {"origin-unit", "origin-url"} <= kind.keys
        assert kind.field("Origin-url").type == content_model.URL
        assert kind.field("origin-unit").type == content_model.TEXT


def test_choices_come_from_the_registries():
    category = content_model.kind("article").field("category")
    assert category.choices(SETTINGS)[0] == SETTINGS["CATEGORIES"][0]["name"]
    assert "Kế hoạch" in content_model.kind("document").field("type").choices(SETTINGS)
    assert content_model.kind("page").field("status").choices() == ["published", "draft", "hidden"]
    assert content_model.kind("article").field("title").choices(SETTINGS) == []


def test_summary_is_the_only_markup():
    for name in KINDS:
        assert content_model.kind(name).markup_keys == {"summary"}


def _readme_table(name: str) -> list[str]:
    section = README.split(SECTIONS[name], 1)[1].split("\n## ", 1)[0]
    return re.findall(r"^\| `([A-Za-z-]+)` \|", section, flags=re.MULTILINE)


@pytest.mark.parametrize("name", list(SECTIONS))
def test_readme_field_table_equals_the_model(name):
    declared = [field.name for field in content_model.kind(name).fields if not field.advanced]
    assert sorted(_readme_table(name)) == sorted(declared)
    for field in content_model.kind(name).required:
        row = next(line for line in README.split(SECTIONS[name], 1)[1].splitlines()
                   if line.startswith(f"| `{field.name}` |"))  # fmt: skip
        assert "bắt buộc" in row, field.name


@pytest.mark.parametrize("name", ["article", "page", "notice", "document"])
def test_a_file_written_from_the_models_examples_passes_the_check(name, tmp_path, monkeypatch):
    """What an importer or an editor UI writes from the model is what the check accepts."""
    kind = content_model.kind(name)
    values = {field.key: field.example for field in kind.fields if not field.advanced}
    values["image"] = "{static}/images/a.jpg"
    values["status"] = "published"
    relative = {
        "article": "articles/tin-tuc-su-kien/2024-10-03-a.md",
        "page": "pages/gioi-thieu.md",
        "notice": "notices/2024-06-01-a.md",
        "document": "documents/30-kh-mttq.md",
    }[name]
    if name == "document":
        values["status"] = "Còn hiệu lực"
        values["files"] = "van-ban/30-kh-mttq-2024.pdf | Toàn văn"
        values["expires"] = values["issued"] = values["effective"] = "2024-03-12"
    if name == "notice":
        values["files"] = "van-ban/30-kh-mttq-2024.pdf"
    text = "".join(f"{field.name}: {values[field.key]}\n" for field in kind.fields
                   if field.key in values)  # fmt: skip
    monkeypatch.chdir(tmp_path)
    content = write_files(
        tmp_path / "content",
        {
            relative: text + "\nNội dung.\n",
            "images/a.jpg": b"\xff\xd8\xff\xe0 anh",
            "files/van-ban/30-kh-mttq-2024.pdf": b"%PDF-1.4\n% thu\n",
        },
    )
    err = io.StringIO()
    status = run_check(
        ROOT / "pelicanconf.py",
        {"PATH": str(content), "VISITOR_COUNTER": None, "BUILD_DATE": "2025-01-01"},
        err=err,
        out=io.StringIO(),
    )
    assert status == 0, err.getvalue()


@pytest.mark.parametrize("name", KINDS)
def test_invoke_new_writes_the_models_starter_fields_and_passes_the_check(
    name, tmp_path, monkeypatch
):
    import datetime as dt  # noqa: PLC0415

    from content_checks.scaffold import scaffold  # noqa: PLC0415

    monkeypatch.chdir(tmp_path)
    content = tmp_path / "content"
    content.mkdir()
    settings = load_settings(ROOT / "pelicanconf.py", {"PATH": str(content)})
    options = {
        "article": {"category": "Tin tức sự kiện"},
        "document": {"doc_type": "Kế hoạch", "number": "30/KH-MTTQ"},
    }.get(name, {})
    path = scaffold(name, "Lịch tiếp công dân", settings, dt.datetime(2024, 6, 1, 8), **options)
    header = [
        line.split(":", 1)[0] for line in path.read_text("utf-8").split("\n\n")[0].split("\n")
    ]
    kind = content_model.kind(name)
    assert header == [field.name for field in kind.fields if field.starter]
    if name == "document":  # its attachment must exist for the check
        write_files(content, {"files/van-ban/30-kh-mttq-2024.pdf": b"%PDF-1.4\n% x\n"})
    status = run_check(
        ROOT / "pelicanconf.py",
        {"PATH": str(content), "VISITOR_COUNTER": None, "BUILD_DATE": "2024-06-02"},
        err=(err := io.StringIO()),
        out=io.StringIO(),
    )
    assert status == 0, err.getvalue()


def test_a_writer_gets_headers_the_one_reader_reads_back():
    from content_model.header import parse_header  # noqa: PLC0415

    document = content_model.kind("document")
    text = document.header(
        {
            "Title": "Kế hoạch\ntổ chức ngày hội",
            "number": "30/KH-MTTQ",
            "Files": ["van-ban/a.pdf | Toàn văn", "van-ban/b.xlsx | Phụ lục"],
            "Origin-url": "https://cu.example.vn/van-ban/30.html",
            "Signer": "",
        }
    )
    assert text.splitlines()[0] == "Title: Kế hoạch tổ chức ngày hội"
    header = parse_header(text + "\nNội dung.\n")
    assert header.fields["files"].values == ("van-ban/a.pdf | Toàn văn", "van-ban/b.xlsx | Phụ lục")
    assert header.get("origin-url") == "https://cu.example.vn/van-ban/30.html"
    assert "signer" not in header.fields
    with pytest.raises(ValueError, match="tittle"):
        document.header({"Tittle": "x"})
