"""ISO 8601 dates with ``T`` and an offset build, shown in the site's time."""

from __future__ import annotations

from tests.support import soup


def test_an_iso_8601_date_with_offset_is_published_at_that_moment(make_site):
    text = (
        "Title: Hội nghị tiếp xúc cử tri\nDate: 2024-03-05T02:30:00Z\n"
        "Category: Tin tức sự kiện\nSummary: Sáng 5/3, Ủy ban MTTQ phường tổ chức hội nghị.\n\n"
        "Cử tri phát biểu ý kiến.\n"
    )
    notice = "Title: Thông báo lịch tiếp dân\nDate: 2024-03-04T08:00:00+07:00\n\nNội dung.\n"
    output = make_site(
        {"articles/tin-tuc-su-kien/a.md": text, "notices/2024-03-04-lich.md": notice},
        BUILD_DATE="2024-06-01 00:00",
    )
    page = soup(output / "2024" / "03" / "05" / "hoi-nghi-tiep-xuc-cu-tri" / "index.html")
    # 02:30 UTC is 09:30 in Việt Nam; never a "+07:06:30" or UTC offset on the page.
    assert page.select_one(".article-meta__date")["datetime"] == "2024-03-05T09:30:00+07:00"
    notice_page = soup(next(output.glob("thong-bao/2024/03/04/*/index.html")))
    assert notice_page.select_one(".article-meta__date time")["datetime"].startswith(
        "2024-03-04T08:00:00+07:00"
    )


def test_a_notice_offset_is_converted_to_the_sites_own_time_zone(make_site):
    notice = "Title: Thông báo lịch tiếp dân\nDate: 2024-03-04T08:00:00+07:00\n\nNội dung.\n"
    output = make_site(
        {"notices/2024-03-04-lich.md": notice}, TIMEZONE="UTC", BUILD_DATE="2024-06-01 00:00"
    )
    page = soup(next(output.glob("thong-bao/2024/03/04/*/index.html")))
    assert page.select_one(".article-meta__date time")["datetime"].startswith(
        "2024-03-04T01:00:00+00:00"
    )
