"""An article's date formats exactly as Pelican's own date would."""

from __future__ import annotations

import pickle

import pytest
from pelican.utils import SafeDatetime

from content_checks.reader import PortalDatetime

MOMENTS = [(2024, 3, 5, 8, 30, 7), (1999, 12, 31, 23, 59, 59), (2026, 1, 1, 0, 0, 0)]
FORMATS = [
    "{date:%Y}/{date:%m}/{date:%d}/{slug}/",  # ARTICLE_URL
    "{date:%Y}/",
    "{date:%d/%m/%Y %H:%M:%S}",
    "{date:%-d/%-m/%Y}",  # Pelican's own: no leading zeros
    "{date:%d %B %Y, %A}",  # names from the locale
    "{date:100%% %Y}",  # a "%" of its own
    "{date:%c}",
    "{date:}",
]


@pytest.mark.parametrize("moment", MOMENTS)
@pytest.mark.parametrize("url", FORMATS)
def test_addresses_and_dates_read_as_with_pelicans_date(moment, url):
    ours, pelicans = PortalDatetime(*moment), SafeDatetime(*moment)
    assert url.format(date=ours, slug="tin") == url.format(date=pelicans, slug="tin")


def test_the_date_survives_the_content_cache():
    date = PortalDatetime(2024, 3, 5, 8, 30)
    again = pickle.loads(pickle.dumps(date))
    assert type(again) is PortalDatetime
    assert again == SafeDatetime(2024, 3, 5, 8, 30)
    assert again.strftime("%-d/%m") == "5/03"
