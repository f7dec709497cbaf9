"""The "Bản in" view: what an article looks like on paper (print media in Chromium).

On paper a reader needs the article, its date and byline, and the address of
every link (a printed link cannot be clicked); menus, sidebars, the search box
and buttons are noise.
"""

from __future__ import annotations

import pytest

from tests.support import site_path

pytestmark = pytest.mark.browser

SITEURL = "https://phuong.example.gov.vn"
HIDDEN_ON_PAPER = (
    ".skip-link",
    ".site-nav",
    ".search-box",
    ".layout__sidebar",
    ".breadcrumbs",
    ".article-actions",
    ".related-articles",
)
KEPT_ON_PAPER = (
    ".site-header__name",
    ".article__title",
    ".article-meta__date",
    ".article__lead",
    ".article__body",
    ".article__byline",
)
# The text Chromium draws after each link of the article body on paper.
PRINTED_AFTER_LINKS_JS = """
() => Array.from(document.querySelectorAll(".article__body a[href]")).map((a) => [
  a.getAttribute("href"), getComputedStyle(a, "::after").content,
])
"""

ARTICLE = """Title: Hướng dẫn nộp hồ sơ trực tuyến
Date: 2024-03-05 08:30
Category: Cải cách hành chính
Author: Minh Anh
Summary: Người dân có thể nộp hồ sơ ngay tại nhà.

Người dân truy cập [Cổng Dịch vụ công quốc gia](https://dichvucong.gov.vn/) để nộp
hồ sơ; xem thêm [bài hướng dẫn trước]({filename}truoc.md) và
[mục Lệ phí](#le-phi) bên dưới.

## Lệ phí {#le-phi}

Không thu lệ phí.
"""
EARLIER = """Title: Hướng dẫn kích hoạt tài khoản định danh
Date: 2024-02-01 08:00
Category: Cải cách hành chính
Summary: Các bước kích hoạt tài khoản.

Các bước kích hoạt tài khoản định danh điện tử mức độ 2.
"""


def _hidden(tab, selector: str) -> bool:
    return all(not element.is_visible() for element in tab.locator(selector).all())


def test_print_keeps_the_article_and_byline_and_hides_the_rest(desktop, demo_url, demo_pages):
    desktop.goto(demo_url + demo_pages["article"], wait_until="load")
    for selector in (*HIDDEN_ON_PAPER, *KEPT_ON_PAPER):
        assert desktop.locator(selector).count(), f"{selector} missing from the demo article"
    desktop.emulate_media(media="print")
    assert [s for s in HIDDEN_ON_PAPER if not _hidden(desktop, s)] == []
    assert [s for s in KEPT_ON_PAPER if not desktop.locator(s).first.is_visible()] == []
    # On screen, the same parts are all there: the print view is what hides them.
    desktop.emulate_media(media="screen")
    assert desktop.locator(".site-nav").is_visible()


def test_print_shows_where_each_link_leads(desktop, make_site):
    """As published: links are absolute (SITEURL), so paper shows full addresses."""
    site = make_site(
        {"articles/hanh-chinh/moi.md": ARTICLE, "articles/hanh-chinh/truoc.md": EARLIER},
        SITEURL=SITEURL,
        VISITOR_COUNTER=None,
    )
    # The published host, answered from the built folder (no network involved).
    desktop.route(
        f"{SITEURL}/**",
        lambda route: route.fulfill(path=site_path(site, route.request.url.removeprefix(SITEURL))),
    )
    desktop.goto(f"{SITEURL}/2024/03/05/huong-dan-nop-ho-so-truc-tuyen/", wait_until="load")
    on_screen = desktop.evaluate(PRINTED_AFTER_LINKS_JS)
    desktop.emulate_media(media="print")
    on_paper = dict(desktop.evaluate(PRINTED_AFTER_LINKS_JS))
    assert all(after in ("none", "normal") for _, after in on_screen)
    external = "https://dichvucong.gov.vn/"
    internal = f"{SITEURL}/2024/02/01/huong-dan-kich-hoat-tai-khoan-dinh-danh/"
    assert external in on_paper[external]
    assert internal in on_paper[internal]
    # A jump within the page means nothing on paper: no address after it.
    assert on_paper["#le-phi"] in ("none", "normal")
