"""Unit tests of the sitemap plugin's pure functions (whole builds: test_publish.py)."""

from __future__ import annotations

import copy
import datetime as dt
from pathlib import Path
from zoneinfo import ZoneInfo

import pytest
import xmlschema
from pelican.contents import Article, Page, Static
from pelican.settings import DEFAULT_CONFIG

from sitemap_xml.entries import (
    Entry,
    SitemapSettingsError,
    absolute,
    check_settings,
    chunk_names,
    content_entries,
    published_contents,
    render_index,
    render_urlset,
    robots_txt,
    w3c_datetime,
)
from tests.support import ROOT

HANOI = ZoneInfo("Asia/Ho_Chi_Minh")
SCHEMAS = ROOT / "tests" / "fixtures" / "sitemaps"


def _content(cls, slug: str, **metadata):
    settings = copy.deepcopy(DEFAULT_CONFIG)
    settings["ARTICLE_URL"] = settings["PAGE_URL"] = "{slug}/"
    settings["ARTICLE_SAVE_AS"] = settings["PAGE_SAVE_AS"] = "{slug}/index.html"
    metadata = {"title": slug, "slug": slug, **metadata}
    return cls("nội dung", metadata=metadata, settings=settings, source_path=f"/tmp/{slug}.md")


def test_absolute_url_joins_sub_path_and_percent_encodes_vietnamese():
    assert absolute("https://x.gov.vn/phuong/", "/2024/bai/") == "https://x.gov.vn/phuong/2024/bai/"
    assert absolute("https://x.gov.vn", "") == "https://x.gov.vn/"
    assert absolute("https://x.gov.vn", "trang/hội-nghị/") == (
        "https://x.gov.vn/trang/h%E1%BB%99i-ngh%E1%BB%8B/"
    )


def test_lastmod_keeps_the_site_time_zone():
    when = dt.datetime(2024, 10, 3, 8, 30, 15, 123456, tzinfo=HANOI)
    assert w3c_datetime(when) == "2024-10-03T08:30:15+07:00"
    assert w3c_datetime(dt.datetime(2024, 10, 3, 8, 30)) == "2024-10-03"


def test_published_contents_skip_drafts_hidden_pages_and_files():
    article = _content(Article, "bai-dang", date=dt.datetime(2024, 1, 2, tzinfo=HANOI))
    draft = _content(Article, "ban-nhap", status="draft")
    hidden = _content(Page, "noi-bo", status="hidden")
    page = _content(Page, "gioi-thieu")
    photo = _content(Static, "anh")
    document = _content(Page, "van-ban-30-kh")
    document.status = ""  # other plugins' contents may leave it empty
    lists = [[article, draft], [hidden, page], [photo], "text", [], (document,)]
    assert list(published_contents(lists)) == [article, page, document]


def test_a_content_listed_twice_is_one_entry_with_its_last_change():
    changed = dt.datetime(2024, 3, 1, 9, tzinfo=HANOI)
    article = _content(Article, "bai", date=dt.datetime(2024, 2, 1, tzinfo=HANOI), modified=changed)
    entries = content_entries([article, article])
    assert entries == [Entry("bai/", "bai/index.html", changed)]


def test_urlset_validates_and_escapes_ampersands(tmp_path: Path):
    entries = [
        Entry("", "index.html", dt.datetime(2024, 5, 1, 7, tzinfo=HANOI)),
        Entry("tim?q=a&b", "x.html"),
    ]
    sitemap = tmp_path / "sitemap.xml"
    sitemap.write_text(render_urlset("https://x.gov.vn/p", entries), encoding="utf-8")
    schema = xmlschema.XMLSchema(SCHEMAS / "sitemap.xsd")
    schema.validate(str(sitemap))
    urls = schema.to_dict(str(sitemap))["url"]
    assert urls[0] == {"loc": "https://x.gov.vn/p/", "lastmod": "2024-05-01T07:00:00+07:00"}
    assert urls[1] == {"loc": "https://x.gov.vn/p/tim?q=a&b"}


def test_sitemap_index_validates(tmp_path: Path):
    index = tmp_path / "sitemap.xml"
    names = chunk_names("sitemap.xml", 2)
    assert names == ["sitemap-1.xml", "sitemap-2.xml"]
    when = dt.datetime(2024, 5, 1, tzinfo=HANOI)
    text = render_index("https://x.gov.vn", zip(names, [when, None], strict=True))
    index.write_text(text, encoding="utf-8")
    xmlschema.XMLSchema(SCHEMAS / "siteindex.xsd").validate(str(index))


def test_robots_txt_names_the_sitemap():
    assert robots_txt("https://x.gov.vn/p/sitemap.xml").splitlines() == [
        "User-agent: *",
        "Allow: /",
        "",
        "Sitemap: https://x.gov.vn/p/sitemap.xml",
    ]


@pytest.mark.parametrize(
    ("settings", "message"),
    [
        ({"SITEMAP_SAVE_AS": "/etc/sitemap.xml"}, "SITEMAP_SAVE_AS"),
        ({"SITEMAP_SAVE_AS": "../sitemap.xml"}, "SITEMAP_SAVE_AS"),
        ({"SITEMAP_EXTRA_URLS": "van-ban/"}, "SITEMAP_EXTRA_URLS phải là danh sách"),
        ({"SITEMAP_MAX_URLS": 0}, "SITEMAP_MAX_URLS"),
        ({"SITEMAP_MAX_URLS": True}, "SITEMAP_MAX_URLS"),
    ],
)
def test_wrong_settings_are_explained(settings, message):
    with pytest.raises(SitemapSettingsError, match=message):
        check_settings(settings)


def test_defaults_and_extra_listings():
    config = check_settings({"SITEMAP_EXTRA_URLS": ["/van-ban/", "thong-bao/"]})
    assert config.save_as == "sitemap.xml"
    assert config.extra_urls == ("van-ban/", "thong-bao/")
    assert config.max_urls == 50_000
    assert check_settings({"SITEMAP_SAVE_AS": None}).save_as == ""
