""" "Đọc nhiều" (issue 19): fed by the counter's top_endpoint when it can list
the most-read pages; hidden, never empty or invented, when it cannot."""

from __future__ import annotations

import json

import pytest

from tests.support import serve

pytestmark = pytest.mark.browser

TOP = "https://thongke.example.vn/doc-nhieu.json"
ARTICLE = (
    "Title: {title}\nDate: 2024-03-{day} 08:00\nCategory: Tin tức sự kiện\n"
    "Summary: Tóm tắt.\n\nBài.\n"
)
FILES = {
    "articles/a.md": ARTICLE.format(title="Hội nghị A", day="15"),
    "articles/b.md": ARTICLE.format(title="Hội nghị B", day="16"),
}
COUNTER = {"source": "json", "endpoint": "https://thongke.example.vn/tong.json"}


def _answer(page, body: object | None) -> None:
    def handle(route):
        if route.request.url.startswith(TOP) and body is not None:
            route.fulfill(
                body=json.dumps(body),
                content_type="application/json",
                headers={"Access-Control-Allow-Origin": "*"},
            )
        else:
            route.abort()

    page.route("https://thongke.example.vn/**", handle)


def test_most_read_lists_the_counters_pages_in_order(page, make_site):
    site = make_site(FILES, VISITOR_COUNTER={**COUNTER, "top_endpoint": TOP})
    _answer(
        page,
        {
            "pages": [
                {"path": "/2024/03/15/hoi-nghi-a/", "title": "Hội nghị A", "count": 90},
                {"path": "https://lạ.example/x", "title": "Trang ngoài", "count": 80},
                {"path": "/2024/03/16/hoi-nghi-b/", "title": "Hội nghị B", "count": 40},
            ]
        },
    )
    with serve(site) as url:
        page.goto(url + "/2024/03/16/hoi-nghi-b/", wait_until="load")
        block = page.locator(".most-read")
        block.wait_for()
        links = block.get_by_role("link")
        assert links.all_inner_texts() == ["Hội nghị A", "Hội nghị B"]
        assert links.first.get_attribute("href") == "/2024/03/15/hoi-nghi-a/"


@pytest.mark.parametrize("body", [None, {"pages": []}, {"count": 5}])
def test_most_read_stays_hidden_when_the_source_cannot_answer(page, make_site, body):
    site = make_site(FILES, VISITOR_COUNTER={**COUNTER, "top_endpoint": TOP})
    _answer(page, body)
    with serve(site) as url:
        page.goto(url + "/2024/03/16/hoi-nghi-b/", wait_until="networkidle")
        assert page.locator(".most-read").count() == 1
        assert not page.locator(".most-read").is_visible()


def test_no_most_read_block_without_a_listing_source(make_site):
    site = make_site(FILES, VISITOR_COUNTER={"source": "static", "count": 1234})
    html = (site / "2024/03/16/hoi-nghi-b/index.html").read_text(encoding="utf-8")
    assert "most-read" not in html
