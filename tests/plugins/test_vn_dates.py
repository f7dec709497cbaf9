"""Vietnamese date styles, independent of the OS locale, in Asia/Ho_Chi_Minh."""

from __future__ import annotations

import datetime as dt
from zoneinfo import ZoneInfo

import pytest

from vn_dates import format_date, format_long, format_month, format_posted, format_words

HCM = ZoneInfo("Asia/Ho_Chi_Minh")


@pytest.mark.parametrize(
    ("day", "weekday"),
    [
        (dt.datetime(2018, 6, 11, 9, 0), "Thứ 2"),
        (dt.datetime(2018, 6, 12, 9, 0), "Thứ 3"),
        (dt.datetime(2018, 6, 13, 9, 0), "Thứ 4"),
        (dt.datetime(2018, 6, 14, 9, 0), "Thứ 5"),
        (dt.datetime(2018, 6, 15, 9, 0), "Thứ 6"),
        (dt.datetime(2018, 6, 16, 9, 0), "Thứ 7"),
        (dt.datetime(2018, 6, 17, 9, 0), "Chủ nhật"),
    ],
)
def test_long_format_names_every_weekday(day, weekday):
    assert format_long(day.replace(tzinfo=HCM)).startswith(weekday + ", Ngày ")


def test_long_format_matches_portal_style():
    value = dt.datetime(2018, 6, 13, 16, 40, tzinfo=HCM)
    assert format_long(value) == "Thứ 4, Ngày 13/06/2018, 16:40"


def test_sunday_is_chu_nhat():
    assert format_long(dt.datetime(2024, 8, 4, 8, 5, tzinfo=HCM)) == (
        "Chủ nhật, Ngày 04/08/2024, 08:05"
    )


def test_utc_time_is_shown_in_vietnam_time():
    # 20:30 UTC on Tuesday is 03:30 on Wednesday in Hà Nội.
    value = dt.datetime(2024, 1, 2, 20, 30, tzinfo=dt.UTC)
    assert format_long(value) == "Thứ 4, Ngày 03/01/2024, 03:30"


@pytest.mark.parametrize(
    ("hour", "expected"),
    [
        (0, "07 Tháng Hai 2022 12:05:09 SA"),
        (9, "07 Tháng Hai 2022 9:05:09 SA"),
        (12, "07 Tháng Hai 2022 12:05:09 CH"),
        (15, "07 Tháng Hai 2022 3:05:09 CH"),
        (23, "07 Tháng Hai 2022 11:05:09 CH"),
    ],
)
def test_words_format_uses_sa_ch(hour, expected):
    assert format_words(dt.datetime(2022, 2, 7, hour, 5, 9, tzinfo=HCM)) == expected


@pytest.mark.parametrize(
    ("month", "name"),
    [
        (1, "Tháng Một"),
        (2, "Tháng Hai"),
        (3, "Tháng Ba"),
        (4, "Tháng Tư"),
        (5, "Tháng Năm"),
        (6, "Tháng Sáu"),
        (7, "Tháng Bảy"),
        (8, "Tháng Tám"),
        (9, "Tháng Chín"),
        (10, "Tháng Mười"),
        (11, "Tháng Mười Một"),
        (12, "Tháng Mười Hai"),
    ],
)
def test_month_names(month, name):
    assert format_month(dt.date(2022, month, 1)) == f"{name} 2022"


def test_short_and_posted_formats():
    value = dt.datetime(2020, 11, 16, 8, 43, tzinfo=HCM)
    assert format_date(value) == "16/11/2020"
    assert format_posted(value) == "Ngày đăng 16/11/2020 | 08:43"
