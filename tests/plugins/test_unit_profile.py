"""unit_profile's pure parts: key lines, the unit's settings file, tel: links."""

from __future__ import annotations

import tomllib
from pathlib import Path

import pytest
from unit_profile.site_settings import SiteSettingsError, load_site_settings
from unit_profile.source import KeyLines
from unit_profile.unit_profile import tel_href

from tests.support import DEMO_CONTENT, ROOT

TEXT = """\
# comment
[unit]
name = "A"

[[leaders]]
name = "B"
phone = "1"

[[leaders]]
name = "C"
email = "c@x.vn"

[[organisation]]
name = "D"

[[organisation.units]]
name = "E"
"""


@pytest.mark.parametrize(
    ("path", "line"),
    [
        (("unit", "name"), 3),
        (("leaders", 0, "phone"), 7),
        (("leaders", 1, "email"), 11),
        (("leaders", 1, "phone"), 9),  # absent: its table's line
        (("organisation", 0, "units", 0, "name"), 17),
        (("contact", "hotline"), 0),
    ],
)
def test_key_lines_find_keys_in_arrays_of_tables(path, line):
    assert KeyLines(TEXT).line(path) == line


@pytest.mark.parametrize(
    ("number", "href"),
    [("0200 3 000 101", "tel:02003000101"), ("+84 200 3000 101", "tel:+842003000101")],
)
def test_tel_href(number, href):
    assert tel_href(number) == href


def test_unit_settings_file_becomes_pelican_settings(tmp_path: Path):
    path = tmp_path / "cai-dat.toml"
    path.write_text(
        'site_url = "https://x.gov.vn"\n\n[[web_links]]\nlabel = "Cổng A"\nurl = "https://a.vn/"\n'
        '\n[documents]\ntypes = ["Kế hoạch"]\nshortcuts = ["Kế hoạch"]\n',
        encoding="utf-8",
    )
    assert load_site_settings(path) == {
        "SITE_URL": "https://x.gov.vn",
        "WEB_LINKS": [("Cổng A", "https://a.vn/")],
        "DOCUMENT_TYPES": ["Kế hoạch"],
        "DOCUMENT_SHORTCUTS": ["Kế hoạch"],
    }


@pytest.mark.parametrize(
    ("text", "message"),
    [
        ('site_url = ""\nweb_link = []\n', 'cai-dat.toml:2: không có mục "web_link"'),
        ('[[menu_links]]\nlabel = "Văn bản"\n', "cai-dat.toml:1: mỗi mục [[menu_links]] cần"),
        ('categories = "Tin tức"\n', 'cai-dat.toml:1: "categories" phải là danh sách'),
        ('site_url = "x\n', "cai-dat.toml:1: Sai cú pháp TOML"),
    ],
)
def test_unit_settings_mistakes_name_file_and_line(tmp_path: Path, text, message):
    path = tmp_path / "cai-dat.toml"
    path.write_text(text, encoding="utf-8")
    with pytest.raises(SiteSettingsError, match=message.replace("[", r"\[").replace("]", r"\]")):
        load_site_settings(path)


def test_kit_files_hold_none_of_the_units_data():
    """A new kit version replaces these files: the unit's data must not be in them."""
    profile = tomllib.loads((DEMO_CONTENT / "data/don-vi.toml").read_text(encoding="utf-8"))
    unit_settings = tomllib.loads((DEMO_CONTENT / "data/cai-dat.toml").read_text(encoding="utf-8"))
    values = [
        profile["unit"]["name"],
        profile["unit"]["short_name"],
        profile["contact"]["address"],
        profile["contact"]["phone"],
        profile["contact"]["email"],
        *(entry["description"] for entry in unit_settings["categories"]),
        *(entry["url"] for entry in unit_settings["web_links"]),
    ]
    kit = [ROOT / "pelicanconf.py", ROOT / "publishconf.py", ROOT / "tasks.py"]
    kit += sorted((ROOT / "theme/templates").rglob("*.html"))
    for path in kit:
        text = path.read_text(encoding="utf-8")
        found = [value for value in values if value in text]
        assert not found, f"{path.relative_to(ROOT)}: {found}"
