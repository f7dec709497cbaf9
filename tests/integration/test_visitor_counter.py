"""What the counter shows with JavaScript off: the build-time value, nothing fake."""

from __future__ import annotations

import pytest

from tests.support import soup

ARTICLE = """Title: Hội nghị cử tri
Date: 2024-05-01 08:00
Category: Tin tức sự kiện
Summary: Tóm tắt.

Nội dung.
"""
ARTICLE_PAGE = "2024/05/01/hoi-nghi-cu-tri/index.html"
PAGES = ("index.html", ARTICLE_PAGE)


def build(make_site, **counter):
    return make_site({"articles/a.md": ARTICLE}, SITEURL="/phuong", VISITOR_COUNTER=counter)


def digits(widget) -> str:
    return "".join(box.get_text() for box in widget.select(".visitor-counter__digit"))


def scripts(page) -> list[str]:
    return [script.get("src", "") for script in page.find_all("script")]


def test_static_count_is_rendered_as_digit_boxes_with_a_label(make_site):
    site = build(make_site, source="static", count=1539736)
    for name in PAGES:
        page = soup(site / name)
        widget = page.select_one(".sidebar .visitor-counter")
        assert widget.select_one(".widget__title").get_text() == "Số lượt truy cập"
        assert digits(widget) == "1539736"
        # Screen readers get the number once, read as a number; the boxes are hidden.
        assert widget.select_one(".visually-hidden").get_text() == "Số lượt truy cập: 1.539.736"
        assert widget.select_one(".visitor-counter__digits")["aria-hidden"] == "true"
        assert widget.select_one("[data-counter-online]") is None
        assert not widget.has_attr("data-visitor-counter")  # nothing for a script to update
        assert not any("visitor-counter.js" in src or "count.js" in src for src in scripts(page))
    assert soup(site / ARTICLE_PAGE).select_one(".view-count") is None


def test_min_digits_pads_and_never_cuts(make_site):
    site = build(make_site, source="static", count=42, min_digits=8)
    assert digits(soup(site / "index.html").select_one(".visitor-counter")) == "00000042"
    site = build(make_site, source="static", count=123456789, min_digits=7)
    assert digits(soup(site / "index.html").select_one(".visitor-counter")) == "123456789"


def test_count_file_carries_the_old_portal_count(make_site):
    site = make_site(
        {"articles/a.md": ARTICLE, "data/luot-truy-cap.toml": "count = 2045\n"},
        VISITOR_COUNTER={"source": "static", "count_file": "data/luot-truy-cap.toml"},
    )
    widget = soup(site / "index.html").select_one(".visitor-counter")
    assert digits(widget) == "0002045"
    assert "Số lượt truy cập: 2.045" in widget.get_text()
    assert not (site / "data").exists()  # the data file is not published


def test_source_none_shows_no_widget_and_loads_no_script(make_site):
    site = build(make_site, source="none")
    for name in PAGES:
        page = soup(site / name)
        assert page.select_one(".visitor-counter") is None
        assert page.select_one(".view-count") is None
        assert not any("visitor-counter.js" in src for src in scripts(page))


def test_goatcounter_renders_the_fallback_and_a_hidden_view_count(make_site):
    site = build(make_site, source="goatcounter", goatcounter="mttq-hoabinh", count=1000)
    page = soup(site / ARTICLE_PAGE)
    widget = page.select_one(".visitor-counter")
    assert digits(widget) == "0001000"
    assert widget["data-total-url"] == "https://mttq-hoabinh.goatcounter.com/counter/TOTAL.json"
    assert widget["data-offset"] == "1000"
    # GoatCounter has no "online" number: no row at all, not a zero.
    assert widget.select_one("[data-counter-online]") is None
    views = page.select_one(".article__footer .view-count")
    assert views.has_attr("hidden")
    assert views.select_one(".view-count__value").get_text() == ""
    assert views["data-path"] == "/phuong/2024/05/01/hoi-nghi-cu-tri/"
    # The counting script comes from the configured GoatCounter host, deferred.
    (counting,) = page.select("script[data-goatcounter]")
    assert counting["src"] == "https://mttq-hoabinh.goatcounter.com/count.js"
    assert counting["data-goatcounter"] == "https://mttq-hoabinh.goatcounter.com/count"
    assert counting.has_attr("defer")
    ours = [s for s in page.find_all("script") if "visitor-counter.js" in s.get("src", "")]
    assert ours and all(s.has_attr("defer") for s in ours)
    assert all(s["src"].startswith("/phuong/theme/js/") for s in ours)


def test_live_source_without_a_known_count_shows_dashes_not_zero(make_site):
    site = build(make_site, source="goatcounter", goatcounter="mttq-hoabinh")
    widget = soup(site / "index.html").select_one(".visitor-counter")
    assert digits(widget) == "–" * 7
    assert widget.select_one(".visually-hidden").get_text() == "Số lượt truy cập: chưa có số liệu"


def test_json_source_reserves_a_hidden_online_row(make_site):
    site = build(
        make_site,
        source="json",
        endpoint="https://thongke.example.vn/tong.json",
        count=7,
    )
    page = soup(site / ARTICLE_PAGE)
    online = page.select_one(".visitor-counter [data-counter-online]")
    assert online.has_attr("hidden")
    assert "Số lượt đang online" in online.get_text()
    # No page template configured: no view count line, and no GoatCounter.
    assert page.select_one(".view-count") is None
    assert page.select_one("script[data-goatcounter]") is None


@pytest.mark.parametrize("source", ["static", "goatcounter", "json"])
def test_no_inline_script_in_the_widgets(make_site, source):
    options = {
        "static": {"count": 5},
        "goatcounter": {"goatcounter": "abc"},
        "json": {"endpoint": "https://a.vn/t.json", "page_endpoint": "https://a.vn/{path}"},
    }[source]
    page = soup(build(make_site, source=source, **options) / ARTICLE_PAGE)
    # Data blocks (JSON-LD) are not run; every script that runs is a file.
    for script in page.find_all("script"):
        if script.get("type", "text/javascript") in {"text/javascript", "module"}:
            assert script.get("src"), script
            assert not script.get_text().strip(), script


def test_demo_site_shows_the_carried_over_count(built_site):
    widget = soup(built_site / "index.html").select_one(".visitor-counter")
    assert len(widget.select(".visitor-counter__digit")) >= 7
    label = widget.select_one(".visually-hidden").get_text()
    assert label.startswith("Số lượt truy cập: ")
    assert label.removeprefix("Số lượt truy cập: ").replace(".", "") == digits(widget).lstrip("0")
