"""The register "Văn bản" and its filters in headless Chromium.

A portal with a generated register (tests/documents_corpus.py) is served under
a sub-path. What the reader sees is compared with what the corpus says should
match; the filters are driven through their labels, as a reader would.
(How fast they respond on 2,000 documents is measured by
``scripts/bench_documents.py``, not asserted here.)
"""

from __future__ import annotations

from collections.abc import Iterator

import pytest

from portal_core.text import fold
from tests.documents_corpus import CorpusDocument, content_files, corpus
from tests.support import build_site, serve, write_files

pytestmark = pytest.mark.browser

PREFIX = "/phuong"
SIZE = 400
STEP = 300  # rows shown at a time with JavaScript (documents-filter.js)
DOCS = corpus(SIZE)


@pytest.fixture(scope="module")
def register_url(tmp_path_factory: pytest.TempPathFactory) -> Iterator[str]:
    root = tmp_path_factory.mktemp("documents-browser")
    content = write_files(root / "content", content_files(DOCS))
    site = build_site(
        content, root / "site", SITEURL=PREFIX, BUILD_DATE="2026-01-01", VISITOR_COUNTER=None
    )
    with serve(site, prefix=PREFIX) as url:
        yield f"{url}/van-ban/"


@pytest.fixture
def errors(page) -> list[str]:
    found: list[str] = []
    page.on("pageerror", lambda error: found.append(str(error)))
    return found


def shown(page) -> list[tuple[str, str]]:
    """(number, ISO issue date) of every row the reader can see, top to bottom."""
    return [
        tuple(row)
        for row in page.eval_on_selector_all(
            "[data-doc-register] tbody tr",
            """rows => rows.filter(row => row.offsetParent !== null).map(row =>
                [row.cells[0].textContent, row.querySelector('time').getAttribute('datetime')])""",
        )
    ]


def numbers(docs: list[CorpusDocument]) -> set[str]:
    return {doc.number for doc in docs}


def assert_newest_first(rows: list[tuple[str, str]]) -> None:
    dates = [date for _, date in rows]
    assert dates == sorted(dates, reverse=True)


def newest_first() -> list[tuple[str, str]]:
    """(number, ISO date) of the corpus in register order: newest, then higher number."""
    ordered = sorted(DOCS, key=lambda doc: (doc.issued, int(doc.number.split("/")[0])))
    return [(doc.number, doc.issued.isoformat()) for doc in reversed(ordered)]


def status(page) -> str:
    return page.locator("[data-doc-status]").text_content()


def test_without_javascript_the_whole_register_is_shown(browser, register_url):
    context = browser.new_context(java_script_enabled=False)
    page = context.new_page()
    page.goto(register_url)
    assert page.locator("[data-doc-filter]").is_hidden()
    assert shown(page) == newest_first()
    assert page.locator("[data-doc-more]").is_hidden()
    context.close()


def test_filter_by_type(page, register_url, errors):
    page.goto(register_url)
    page.get_by_label("Loại văn bản").select_option("Nghị quyết")
    expected = [doc for doc in DOCS if doc.kind == "Nghị quyết"]
    rows = shown(page)
    assert {number for number, _ in rows} == numbers(expected)
    assert_newest_first(rows)
    assert status(page) == f"Tìm thấy {len(expected)} / {SIZE} văn bản."
    assert errors == []


def test_issuer_and_year_filters_combine(page, register_url, errors):
    issuer = "Đảng ủy phường Hòa Bình"
    year = max(doc.issued.year for doc in DOCS if doc.issuer == issuer)
    page.goto(register_url)
    page.get_by_label("Cơ quan ban hành").select_option(issuer)
    page.get_by_label("Năm ban hành").select_option(str(year))
    expected = [doc for doc in DOCS if doc.issuer == issuer and doc.issued.year == year]
    assert expected
    assert {number for number, _ in shown(page)} == numbers(expected)
    assert errors == []


def row_text(doc: CorpusDocument) -> str:
    """What a row says: number, date, abstract, type, issuer (all in force here)."""
    return fold(f"{doc.number} {doc.issued:%d/%m/%Y} {doc.abstract} {doc.kind} {doc.issuer}")


@pytest.mark.parametrize("typed", ["dai doan ket toan phuong", "ĐẠI ĐOÀN KẾT  Toàn phường"])
def test_free_text_finds_every_word_ignoring_case_and_diacritics(page, register_url, errors, typed):
    page.goto(register_url)
    page.get_by_label("Tìm theo số, trích yếu, cơ quan").fill(typed)
    words = ["dai", "doan", "ket", "toan", "phuong"]
    expected = [doc for doc in DOCS if all(word in row_text(doc) for word in words)]
    assert expected
    assert {number for number, _ in shown(page)} == numbers(expected)
    assert errors == []


def test_free_text_finds_a_number(page, register_url):
    target = DOCS[123]
    page.goto(register_url)
    page.get_by_label("Tìm theo số, trích yếu, cơ quan").fill(target.number.lower())
    assert [number for number, _ in shown(page)] == [target.number]


def test_with_javascript_rows_are_shown_300_at_a_time(page, register_url, errors):
    page.goto(register_url)
    rows = shown(page)
    assert len(rows) == STEP
    assert [number for number, _ in rows] == [number for number, _ in newest_first()][:STEP]
    assert status(page) == f"Đang hiện {STEP} văn bản đầu."
    more = page.get_by_role("button", name=f"Hiện thêm {SIZE - STEP} văn bản (còn {SIZE - STEP})")
    more.click()
    assert len(shown(page)) == SIZE
    assert more.is_hidden()
    assert status(page) == ""
    assert errors == []


def test_nothing_found_says_so_and_reset_starts_over(page, register_url, errors):
    page.goto(register_url)
    page.get_by_label("Tìm theo số, trích yếu, cơ quan").fill("khong co van ban nay")
    assert shown(page) == []
    assert page.locator("[data-doc-empty]").is_visible()
    assert page.locator("[data-doc-more]").is_hidden()
    assert status(page) == f"Tìm thấy 0 / {SIZE} văn bản."
    page.get_by_role("button", name="Xóa bộ lọc").click()
    page.wait_for_function("document.querySelector('[data-doc-empty]').hidden")
    assert len(shown(page)) == STEP
    assert page.locator("[data-doc-more]").is_visible()
    assert errors == []


def test_filters_are_kept_in_the_address(page, register_url, errors):
    page.goto(register_url)
    page.get_by_label("Loại văn bản").select_option("Kế hoạch")
    page.get_by_label("Năm ban hành").select_option("2020")
    # The address follows once the reader pauses.
    page.wait_for_url("**?loai=K%E1%BA%BF+ho%E1%BA%A1ch&nam=2020")
    expected = numbers([d for d in DOCS if d.kind == "Kế hoạch" and d.issued.year == 2020])
    page.reload()
    assert page.get_by_label("Loại văn bản").input_value() == "Kế hoạch"
    assert {number for number, _ in shown(page)} == expected
    assert errors == []


def test_every_link_of_the_register_stays_under_the_sub_path(page, register_url):
    page.goto(register_url)
    hrefs = page.eval_on_selector_all("main a", "links => links.map(a => a.getAttribute('href'))")
    assert hrefs
    assert all(href.startswith(f"{PREFIX}/") for href in hrefs)
    page.locator("[data-doc-register] tbody a").first.click()
    assert page.locator("h1").text_content().split(" số ")[1] == newest_first()[0][0]


def test_site_search_finds_documents(page, register_url, errors):
    """Documents are indexed for "Tìm kiếm" as the type "Văn bản"."""
    base = register_url.removesuffix("/van-ban/")
    page.goto(f"{base}/tim-kiem/?q=bao+hiem+y+te")
    page.wait_for_function(
        """() => {
            const box = document.querySelector("[data-search-status]");
            return box && box.textContent && !box.textContent.startsWith("Đang tìm");
        }"""
    )
    found = page.eval_on_selector_all(
        ".search-result",
        """items => items.map(item => [
            item.querySelector("h2 a").getAttribute("href"),
            item.querySelector(".search-result__meta").textContent])""",
    )
    assert found
    for href, meta in found:
        assert href.startswith(f"{PREFIX}/van-ban/")
        assert "Văn bản" in meta
    assert errors == []
