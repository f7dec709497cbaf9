"""The one date grammar: articles, notices and documents read dates alike."""

from __future__ import annotations

import datetime as dt

import pytest
from content_model.dates import DateError, parse_datetime, parse_day, to_local

from content_checks.dates import parse_date as article_date
from documents.metadata import MetadataError
from documents.metadata import parse_date as document_date
from documents.metadata import parse_datetime as notice_date

VN = dt.timezone(dt.timedelta(hours=7))


@pytest.mark.parametrize("written", ["2024-03-05", "05/03/2024", "05-03-2024", "5.3.2024"])
def test_every_kind_reads_the_same_day_forms(written):
    assert article_date(written) == dt.datetime(2024, 3, 5)
    assert notice_date(written) == dt.datetime(2024, 3, 5)
    assert document_date(written) == dt.date(2024, 3, 5)


@pytest.mark.parametrize(
    ("written", "expected"),
    [
        ("2024-03-05T09:30:00+07:00", dt.datetime(2024, 3, 5, 9, 30, tzinfo=VN)),
        ("2024-03-05T02:30:00Z", dt.datetime(2024, 3, 5, 2, 30, tzinfo=dt.UTC)),
        ("2024-03-05T09:30", dt.datetime(2024, 3, 5, 9, 30)),
        ("05/03/2024 9:30", dt.datetime(2024, 3, 5, 9, 30)),
    ],
)
def test_iso_8601_with_t_and_an_offset_is_accepted(written, expected):
    assert parse_datetime(written) == expected
    assert to_local(parse_datetime(written), VN) == dt.datetime(2024, 3, 5, 9, 30)
    assert notice_date(written) == dt.datetime(2024, 3, 5, 9, 30)


@pytest.mark.parametrize("written", ["1900-01-01 08:00", "01/01/1900", "2101-01-01", "12/03/0224"])
def test_years_outside_1945_2100_are_refused_for_every_kind(written):
    for parse in (article_date, parse_datetime):
        with pytest.raises(DateError, match="không hợp lý"):
            parse(written)
    with pytest.raises(MetadataError, match="không hợp lý"):
        notice_date(written)
    with pytest.raises(DateError, match="1945 đến 2100"):
        parse_day(written[:10])


def test_a_document_day_takes_no_time():
    with pytest.raises(DateError, match="không đúng định dạng"):
        parse_day("2024-03-05 08:30")
