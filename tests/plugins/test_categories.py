"""The category registry: validation, loose matching, errors with suggestions."""

from __future__ import annotations

import pytest

from categories import load_registry, resolve, suggest
from categories.registry import RegistryError
from portal_core.runner import BuildFailed

REGISTRY = load_registry(
    [
        {"name": "Tin tức sự kiện", "slug": "tin-tuc-su-kien", "order": 2},
        {"name": "Hoạt động Mặt trận", "slug": "hoat-dong-mat-tran", "order": 1},
    ]
)


def test_registry_is_sorted_by_order():
    assert [entry.slug for entry in REGISTRY] == ["hoat-dong-mat-tran", "tin-tuc-su-kien"]


@pytest.mark.parametrize(
    "written", ["Tin tức sự kiện", "tin tuc su kien", "TIN TỨC  SỰ KIỆN", "tin-tuc-su-kien"]
)
def test_resolve_ignores_case_spaces_and_diacritics(written):
    assert resolve(REGISTRY, written).name == "Tin tức sự kiện"


def test_suggest_names_the_intended_category():
    assert resolve(REGISTRY, "Tin tuc su kein") is None
    assert suggest(REGISTRY, "Tin tuc su kein").name == "Tin tức sự kiện"


def test_registry_rejects_bad_slug():
    with pytest.raises(RegistryError, match="slug"):
        load_registry([{"name": "Tin", "slug": "Tin Tức"}])


def test_registry_rejects_duplicates():
    with pytest.raises(RegistryError, match="hai lần"):
        load_registry([{"name": "Tin", "slug": "tin"}, {"name": "TIN", "slug": "tin-2"}])


ARTICLE = """Title: {title}
Date: 2024-03-15 08:00
Category: {category}
Summary: Tóm tắt.

Nội dung.
"""


def test_unknown_category_fails_with_file_line_and_suggestion(make_site):
    files = {"articles/a.md": ARTICLE.format(title="Tin A", category="Tin tuc su kein")}
    with pytest.raises(BuildFailed) as failure:
        make_site(files)
    (message,) = failure.value.messages
    assert message.endswith(
        'articles/a.md:3: Chuyên mục "Tin tuc su kein" không có trong danh sách. '
        'Có phải "Tin tức sự kiện"?'
    )


def test_category_written_without_diacritics_is_filed_under_registry_name(make_site):
    site = make_site({"articles/a.md": ARTICLE.format(title="Tin A", category="tin tuc su kien")})
    page = (site / "2024/03/15/tin-a/index.html").read_text(encoding="utf-8")
    assert 'href="/chuyen-muc/tin-tuc-su-kien/">Tin tức sự kiện</a>' in page
    assert (site / "chuyen-muc/tin-tuc-su-kien/index.html").exists()
