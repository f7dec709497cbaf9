"""Old categories onto the registry: by folded name, else the editor's mapping file."""

from __future__ import annotations

import pytest

from categories.registry import load_registry
from importer.categories import CategoryMapper
from importer.errors import SourceError
from tests.support import ROOT, site_settings

REGISTRY = load_registry(site_settings(ROOT / "content", ROOT / "output")["CATEGORIES"])


def test_names_match_without_diacritics_case_or_punctuation(tmp_path):
    mapper = CategoryMapper(REGISTRY, tmp_path / "map.toml")
    assert mapper.resolve("TIN TUC - SU KIEN").name == "Tin tức sự kiện"
    assert mapper.resolve("Chuyển đổi số") is None
    assert mapper.resolve("Chuyển đổi số") is None
    assert mapper.unmapped() == {"Chuyển đổi số": 2}


def test_the_mapping_file_lists_counts_and_keeps_the_editors_choices(tmp_path):
    path = tmp_path / "map.toml"
    mapper = CategoryMapper(REGISTRY, path)
    for name in ("Chuyển đổi số", "Chuyển đổi số", "Tin tức - Sự kiện"):
        mapper.resolve(name)
    mapper.write()
    text = path.read_text(encoding="utf-8")
    assert '"Chuyển đổi số" = ""  # 2 mục' in text
    assert '"Tin tức - Sự kiện" = "Tin tức sự kiện"  # 1 mục' in text
    path.write_text(text.replace('"Chuyển đổi số" = ""', '"Chuyển đổi số" = "cai cach hanh chinh"'))
    again = CategoryMapper(REGISTRY, path)
    assert again.resolve("Chuyển đổi số").name == "Cải cách hành chính"
    again.write()
    assert '"Chuyển đổi số" = "cai cach hanh chinh"' in path.read_text(encoding="utf-8")


@pytest.mark.parametrize(
    ("written", "expected"),
    [
        ('"Tin ảnh" = "Tin anh"\n', 'không có trong CATEGORIES. Chọn một trong: "Tin tức sự kiện"'),
        ('"Tin ảnh" = \n', "tệp ghép chuyên mục viết sai"),
    ],
)
def test_a_wrong_mapping_file_is_explained(tmp_path, written, expected):
    path = tmp_path / "map.toml"
    path.write_text(written, encoding="utf-8")
    with pytest.raises(SourceError, match=expected):
        CategoryMapper(REGISTRY, path)
