"""The search plugin's parts: folded "đ" words, settings, the Pagefind run."""

from __future__ import annotations

import json
import unicodedata
from pathlib import Path
from types import SimpleNamespace

import pytest

from portal_core.text import fold
from search.folding import _D_WORD, _TAG, d_words, folded_title, search_fold
from search.indexer import UNUSED_FILES, build_index
from search.search import SearchConfigError, check_settings


@pytest.mark.parametrize(
    ("texts", "expected"),
    [
        (["Đảng ủy phường đã họp"], "dang da"),
        (["<p>Đoàn <b>Thanh niên</b> được khen</p>"], "doan duoc"),
        (["Đảng bộ", "<h2>Đảng ủy</h2> Đại hội"], "dang dai"),
        (["Hội nghị tổng kết"], ""),
        # Decomposed Unicode (pasted from some editors) folds the same way.
        ([unicodedata.normalize("NFD", "Đường Độc Lập")], "duong doc"),
        (['<img alt="Đình làng"> Quê hương'], ""),
    ],
)
def test_d_words(texts, expected):
    assert d_words(*texts) == expected


@pytest.mark.parametrize(
    "text",
    [
        "abc<b>đ</b>xyz",  # a word cut by tags is two words
        "x_đ_y đđ ĐĐường",  # underscores and digits are word characters
        "Số 12đ, điểm 3Đ;đ.",
        "<a title='đẹp' đ",  # a tag never closed: its "đ" is text
        "bđ<i>c</i>đ<",
        "Đ",
        "đ" * 5 + " " + "Đ" * 3,
        "<p>Cột mốc ⅫĐ và ²đ</p>",  # numerals other than 0-9 are \w too
    ],
)
def test_d_words_finds_what_the_documented_pattern_finds(text):
    # The contract: every match of the "đ" word pattern (the one titles are
    # folded by) in the text without its tags.
    plain = _TAG.sub(" ", text)
    expected = dict.fromkeys(fold(word) for word in _D_WORD.findall(plain))
    assert d_words(text) == " ".join(expected)


def test_settings_get_defaults():
    settings: dict = {}
    check_settings(settings)
    assert settings["SEARCH_INDEX"] is True
    assert settings["SEARCH_URL"] == "tim-kiem/"
    assert settings["SEARCH_SAVE_AS"] == "tim-kiem/index.html"
    assert settings["SEARCH_BUNDLE_URL"] == "pagefind/pagefind.js"


def test_no_search_page_means_no_search_box():
    settings = {"SEARCH_SAVE_AS": ""}
    check_settings(settings)
    assert settings["SEARCH_URL"] == ""


@pytest.mark.parametrize(
    ("settings", "message"),
    [
        ({"SEARCH_INDEX": "yes"}, "SEARCH_INDEX phải là True hoặc False."),
        ({"SEARCH_URL": "/tim-kiem/"}, 'SEARCH_URL "/tim-kiem/" phải là đường dẫn tương đối'),
        ({"SEARCH_URL": "tim-kiem"}, 'kết thúc bằng "/"'),
        ({"SEARCH_URL": 3}, "phải là chuỗi"),
    ],
)
def test_bad_settings_are_explained(settings, message):
    with pytest.raises(SearchConfigError, match=message):
        check_settings(settings)


def _page(title: str, body: str, marked: bool) -> str:
    attribute = " data-pagefind-body" if marked else ""
    return (
        f'<!DOCTYPE html><html lang="vi"><head><title>{title}</title></head>'
        f"<body><nav>Trang chủ</nav><main><h1{attribute}>{title}</h1>"
        f"<div{attribute}><p>{body}</p></div></main></body></html>"
    )


def test_index_holds_only_marked_pages(tmp_path: Path):
    (tmp_path / "tin").mkdir()
    (tmp_path / "tin" / "index.html").write_text(
        _page("Hội nghị cử tri", "Cử tri phường góp ý.", marked=True), encoding="utf-8"
    )
    (tmp_path / "index.html").write_text(
        _page("Trang chủ", "Danh sách tin mới.", marked=False), encoding="utf-8"
    )
    stale = tmp_path / "pagefind" / "fragment" / "old.pf_fragment"
    stale.parent.mkdir(parents=True)
    stale.write_text("từ lần dựng trước")

    stats = build_index(tmp_path)

    bundle = tmp_path / "pagefind"
    entry = json.loads((bundle / "pagefind-entry.json").read_text())
    assert [language["page_count"] for language in entry["languages"].values()] == [1]
    assert stats.pages == 1
    assert stats.words > 0
    assert stats.files == len([p for p in bundle.rglob("*") if p.is_file()])
    assert stats.bytes == sum(p.stat().st_size for p in bundle.rglob("*") if p.is_file())
    assert (bundle / "pagefind.js").exists()
    assert not stale.exists()
    assert not [name for name in UNUSED_FILES if (bundle / name).exists()]
    assert "trang" in stats.summary()


def test_a_site_without_content_pages_gets_no_index(tmp_path: Path):
    (tmp_path / "index.html").write_text(
        _page("Trang chủ", "Chưa có tin.", marked=False), encoding="utf-8"
    )
    stats = build_index(tmp_path)
    assert stats.pages == 0
    assert not (tmp_path / "pagefind").exists()


def test_fold_filter_reads_title_summary_content_and_extra_text():
    document = SimpleNamespace(
        title="Kế hoạch tổ chức Ngày hội Đại đoàn kết",
        summary="<p>Triển khai đến khu dân cư.</p>",
        content="<p>Các đoàn thể cùng tham gia.</p>",
    )
    assert search_fold(document) == "dai doan den"
    assert search_fold(document, ["Quyết định", None, "Đỗ Văn Hùng"]) == "dai doan den dinh do"


@pytest.mark.parametrize(
    ("title", "expected"),
    [
        ("Đảng&nbsp;ủy phường <em>họp</em>", "dang uy phuong hop"),
        ("Hội nghị tổng kết", ""),  # Pagefind's own title already matches "hoi nghi"
        ("", ""),
    ],
)
def test_folded_title(title, expected):
    assert folded_title(title) == expected
