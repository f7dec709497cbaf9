"""Build-wide guarantees: URL collisions fail loudly; typography keeps Vietnamese intact."""

from __future__ import annotations

import pytest

from portal_core.runner import BuildFailed
from tests.support import soup

ARTICLE = """Title: {title}
Date: {date}
Category: Tin tức sự kiện
Summary: Tóm tắt.

{body}
"""


def test_same_title_on_different_days_gets_different_urls(make_site):
    site = make_site(
        {
            "articles/a.md": ARTICLE.format(
                title="Hội nghị tiếp xúc cử tri", date="2024-03-15 08:00", body="A"
            ),
            "articles/b.md": ARTICLE.format(
                title="Hội nghị tiếp xúc cử tri", date="2024-06-15 08:00", body="B"
            ),
        }
    )
    assert (site / "2024/03/15/hoi-nghi-tiep-xuc-cu-tri/index.html").exists()
    assert (site / "2024/06/15/hoi-nghi-tiep-xuc-cu-tri/index.html").exists()


def test_url_collision_fails_naming_both_files(make_site):
    files = {
        "articles/a.md": ARTICLE.format(title="Hội nghị cử tri", date="2024-03-15 08:00", body="A"),
        # "đ" and tone marks fold away: the same slug on the same day.
        "articles/b.md": ARTICLE.format(title="Hội nghị cử trị", date="2024-03-15 14:00", body="B"),
    }
    with pytest.raises(BuildFailed) as failure:
        make_site(files)
    (message,) = failure.value.messages
    assert "articles/b.md" in message
    assert "articles/a.md" in message
    assert "Trùng địa chỉ" in message


def test_typography_keeps_vietnamese_capitals_and_quotes(make_site):
    body = 'ỦY BAN MTTQ phối hợp với HĐND và "Quỹ Vì người nghèo" -- đợt 2.'
    site = make_site(
        {
            "articles/a.md": ARTICLE.format(
                title="ĐẢNG ỦY PHƯỜNG", date="2024-03-15 08:00", body=body
            )
        }
    )
    page = soup(site / "2024/03/15/dang-uy-phuong/index.html")
    body_html = str(page.select_one(".article__body"))
    assert "caps" not in body_html  # typogrify's caps filter is off
    text = page.select_one(".article__body").get_text()
    assert "ỦY BAN MTTQ" in text
    assert "HĐND" in text
    assert "“Quỹ Vì người nghèo”" in text  # straight quotes become curly ones
    assert "–" in text  # "--" becomes an en dash
    # widont may join the last two words with a no-break space.
    assert page.h1.get_text().replace("\xa0", " ") == "ĐẢNG ỦY PHƯỜNG"


def test_markup_spelt_as_entities_in_a_title_stays_text(make_site):
    title = "Tin &lt;/title&gt;&lt;script&gt;alert(1)&lt;/script&gt; mới"
    site = make_site(
        {"articles/a.md": ARTICLE.format(title=title, date="2024-03-15 08:00", body="A")}
    )
    (path,) = site.glob("2024/03/15/*/index.html")
    page = soup(path)
    runnable = [s for s in page.find_all("script") if s.get("type") != "application/ld+json"]
    assert all("alert" not in (script.string or "") for script in runnable)
    assert len(page.find_all("script", src=False, type=False)) == 0
    assert "<script>alert(1)</script>" in page.title.get_text()
    crumb = page.select_one(".breadcrumbs [aria-current=page]")
    assert "<script>" in crumb.get_text()
