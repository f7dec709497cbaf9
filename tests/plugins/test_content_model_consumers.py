"""The editor's form and the importer's files read the content model, not copies of it.

The editor (admin_ui, issue 17) and the importer (issue 16) were written before
the model existed (issue 15), each with its own field list. These tests fail
when one of them knows a field the model does not, disagrees on a label or on
what is required, or misses a field the model declares.
"""

from __future__ import annotations

import dataclasses
from pathlib import Path

import pytest

from tests.import_site import TAN_LAP_WP, WXR, WXR_UPLOADS, fill_mapping
from tests.support import DEMO_CONTENT, copy_demo_content, read_header, site_settings


def _declared(settings: dict) -> dict:
    """``settings`` after every enabled plugin declared its kinds, as a build does."""
    from content_model import declare_plugins  # noqa: PLC0415 - plugins on path

    declare_plugins(settings)
    return settings


@pytest.fixture
def settings(tmp_path) -> dict:
    return _declared(site_settings(DEMO_CONTENT, tmp_path / "unused"))


def _form_name(name: str) -> str:
    """How Decap names a header field: ``Image-alt`` -> ``image_alt``."""
    return name.lower().replace("-", "_")


def test_the_editor_offers_exactly_the_model_fields(settings):
    from admin_ui.collections import config, formats  # noqa: PLC0415
    from content_model import CHOICE, kind  # noqa: PLC0415

    data = config(settings, 2026, "/theme/img/emblem.svg")
    header_formats = formats(settings)
    seen = set()
    for collection in data["collections"]:
        declared = kind(collection["format"].removeprefix("pelican-"))
        seen.add(declared.name)
        by_name = {_form_name(item.name): item for item in declared.fields}
        offered = [field for field in collection["fields"] if field["name"] != "body"]
        for field in offered:
            where = f"{collection['name']}: {field['name']}"
            assert field["name"] in by_name, f"{where} is not a field of the model"
            model = by_name[field["name"]]
            assert not model.advanced, f"{where} is a developers' field"
            assert field["label"] == model.label_vi, where
            # A choice whose missing line means a value (Status) always holds one.
            always = model.type == CHOICE and bool(model.default)
            assert field["required"] is (model.required or always), where
            assert field["hint"].startswith(model.form_help), where
            if model.pattern:
                assert field["pattern"][0] == model.pattern, where
            if model.type == CHOICE:
                values = [o["value"] if isinstance(o, dict) else o for o in field["options"]]
                assert values == model.choices(settings), where
        # Every field editors may write is offered, in the model's order.
        wanted = [_form_name(item.name) for item in declared.fields if not item.advanced]
        assert [field["name"] for field in offered] == wanted, collection["name"]
        body = next(field for field in collection["fields"] if field["name"] == "body")
        assert body["required"] is declared.body_required
        # The custom format reads and writes the same header names.
        keys = [field["key"] for field in header_formats[collection["format"]] if field["key"]]
        assert keys == [item.name for item in declared.fields if not item.advanced]
    assert seen == {"article", "notice", "document", "page", "album"}


def test_the_summary_limit_is_the_checks(settings):
    from admin_ui.collections import config  # noqa: PLC0415

    from content_checks.config import load_config  # noqa: PLC0415

    article = config(settings, 2026, "")["collections"][0]
    summary = next(field for field in article["fields"] if field["name"] == "summary")
    limit = load_config(settings).summary_max
    assert f"Tối đa {limit} ký tự." in summary["hint"]
    assert summary["pattern"][0] == f"^[\\s\\S]{{1,{limit}}}$"


@pytest.fixture
def venue():
    """The article kind with one more field, declared at test time (and restored)."""
    from content_model import TEXT, Field, kind, register_kind  # noqa: PLC0415

    original = kind("article")
    added = Field("Venue", TEXT, "Địa điểm", "Nơi diễn ra sự việc, ví dụ Nhà văn hóa khu phố 4.")
    register_kind(dataclasses.replace(original, fields=(*original.fields, added)))
    yield added
    register_kind(original)


def test_a_field_added_to_the_model_appears_in_the_editor_and_in_imported_files(venue, tmp_path):
    from admin_ui.collections import config, formats  # noqa: PLC0415

    from importer.cli import run_import  # noqa: PLC0415

    content = copy_demo_content(tmp_path / "content")
    settings = _declared(site_settings(content, tmp_path / "output", SEARCH_INDEX=False))

    # The editor: a "Địa điểm" field in every article collection, read and written.
    for collection in config(settings, 2026, "")["collections"]:
        names = {field["name"]: field for field in collection["fields"]}
        if collection["format"] == "pelican-article":
            assert names["venue"]["label"] == "Địa điểm"
            assert names["venue"]["widget"] == "string"
        else:
            assert "venue" not in names
    assert "Venue" in [field["key"] for field in formats(settings)["pelican-article"]]

    # The importer: a WordPress custom field of that name comes across; one the
    # model does not declare does not.
    source = tmp_path / "old.xml"
    custom = (
        "<wp:postmeta><wp:meta_key><![CDATA[{}]]></wp:meta_key>"
        "<wp:meta_value><![CDATA[{}]]></wp:meta_value></wp:postmeta>"
    )
    marker = '<category domain="category" nicename="vi-nguoi-ngheo">'
    text = WXR.read_text(encoding="utf-8")
    extra = custom.format("venue", "Nhà văn hóa khu phố 7") + custom.format("luot_xem", "1234")
    source.write_text(text.replace(marker, extra + marker, 1), encoding="utf-8")
    first = run_import(source, TAN_LAP_WP, settings, uploads=WXR_UPLOADS)
    fill_mapping(Path(first.mapping_file))
    run_import(source, TAN_LAP_WP, settings, uploads=WXR_UPLOADS)

    (written,) = (content / "articles").rglob("*trao-nha-dai-doan-ket-cho-ho-ngheo-to-7.md")
    header = read_header(written)
    assert header["venue"] == "Nhà văn hóa khu phố 7"
    assert "luot_xem" not in header
    lines = written.read_text(encoding="utf-8").split("\n\n", 1)[0].splitlines()
    # In the model's order: the added field last.
    assert lines[-1] == "Venue: Nhà văn hóa khu phố 7"
