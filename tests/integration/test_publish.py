"""The production build: feeds, sitemap, robots.txt, sharing metadata, 404 page.

A small original site is built once with publishconf.py under a sub-path
SITEURL, the way GitHub Pages serves a unit's repository.
"""

from __future__ import annotations

import json
from pathlib import Path
from urllib.parse import urlsplit

import feedparser
import pytest
import xmlschema
from unit_profile.pages import PAGES

from portal_core.runner import BuildFailed
from tests.publishing import SUBPATH_SITE, environment, publish, publish_settings, site_files
from tests.support import ROOT, soup, write_files

SCHEMAS = ROOT / "tests" / "fixtures" / "sitemaps"
SITE = SUBPATH_SITE + "/"
PUBLISHED_ARTICLES = {
    "2024/10/03/hoi-nghi-tiep-xuc-cu-tri-truoc-ky-hop-thu-tam/",
    "2024/09/20/ra-quan-tong-ve-sinh-khu-dan-cu/",
    "2024/08/15/trao-nha-dai-doan-ket-cho-ho-can-ngheo/",
    "2024/07/01/tham-hoi-gia-dinh-chinh-sach/",
}
FIRST = "2024/10/03/hoi-nghi-tiep-xuc-cu-tri-truoc-ky-hop-thu-tam/"


@pytest.fixture(scope="module")
def site(tmp_path_factory: pytest.TempPathFactory) -> Path:
    folder = tmp_path_factory.mktemp("publish")
    content = write_files(folder / "content", site_files())
    return publish(content, folder / "output")


def _jsonld(page) -> dict[str, dict]:
    blocks = page.find_all("script", type="application/ld+json")
    data = [json.loads(block.string) for block in blocks]
    return {item["@type"]: item for item in data}


# --- Feeds ----------------------------------------------------------------------


def test_all_news_feed_lists_every_published_article_and_nothing_else(site):
    feed = feedparser.parse((site / "feeds" / "all.atom.xml").read_bytes())
    assert not feed.bozo, feed.get("bozo_exception")
    assert feed.feed.title == "Ủy ban MTTQ Việt Nam phường Hòa Bình"
    links = {entry.link for entry in feed.entries}
    assert links == {SITE + url for url in PUBLISHED_ARTICLES}
    assert all("nháp" not in entry.title.lower() for entry in feed.entries)
    newest = feed.entries[0]
    assert newest.link == SITE + FIRST
    assert newest.published == "2024-10-03T08:30:00+07:00"
    assert newest.updated == "2024-10-05T16:45:00+07:00"
    assert newest.author == "Minh Anh"
    # The feed says when it last changed: the newest change, not the build time.
    assert feed.feed.updated == "2024-10-05T16:45:00+07:00"


def test_category_feed_holds_only_its_category(site):
    feed = feedparser.parse((site / "feeds" / "vi-nguoi-ngheo.atom.xml").read_bytes())
    assert not feed.bozo, feed.get("bozo_exception")
    assert [entry.link for entry in feed.entries] == [
        SITE + "2024/08/15/trao-nha-dai-doan-ket-cho-ho-can-ngheo/",
        SITE + "2024/07/01/tham-hoi-gia-dinh-chinh-sach/",
    ]
    assert {tag.term for entry in feed.entries for tag in entry.tags} == {"Vì người nghèo"}


def test_feed_content_links_are_absolute_under_the_sub_path(site):
    feed = feedparser.parse((site / "feeds" / "tin-tuc-su-kien.atom.xml").read_bytes())
    body = next(e for e in feed.entries if "ve-sinh" in e.link).content[0].value
    assert f'src="{SITE}images/2024/doc.jpg"' in body


def test_pages_announce_their_feeds(site):
    category = soup(site / "chuyen-muc" / "vi-nguoi-ngheo" / "index.html")
    feeds = {link["href"] for link in category.select('link[type="application/atom+xml"]')}
    assert feeds == {SITE + "feeds/all.atom.xml", SITE + "feeds/vi-nguoi-ngheo.atom.xml"}


# --- Sitemap and robots.txt ----------------------------------------------------------


def test_sitemap_is_valid_and_lists_exactly_the_published_pages(site):
    sitemap = site / "sitemap.xml"
    schema = xmlschema.XMLSchema(SCHEMAS / "sitemap.xsd")
    schema.validate(str(sitemap))
    urls = schema.to_dict(str(sitemap))["url"]
    locs = [url["loc"] for url in urls]
    assert len(locs) == len(set(locs))
    expected = {
        "",
        "luu-tru/",
        "chuyen-muc/tin-tuc-su-kien/",
        "chuyen-muc/vi-nguoi-ngheo/",
        "gioi-thieu/",
        *PUBLISHED_ARTICLES,
        # The registers of documents and notices, when the site has them (the menu does).
        *(url for url in ("van-ban/", "thong-bao/") if (site / url / "index.html").is_file()),
        # The pages made from the unit profile (plugins/unit_profile/pages.py).
        *(page.url for page in PAGES if (site / page.save_as).is_file()),
    }
    assert set(locs) == {SITE + url for url in expected}
    lastmod = {url["loc"]: url.get("lastmod") for url in urls}
    assert lastmod[SITE + FIRST] == "2024-10-05T16:45:00+07:00"
    assert lastmod[SITE] == "2024-10-05T16:45:00+07:00"
    assert lastmod[SITE + "chuyen-muc/vi-nguoi-ngheo/"] == "2024-08-15T09:00:00+07:00"


def test_every_sitemap_url_is_a_page_of_the_site(site):
    text = (site / "sitemap.xml").read_text(encoding="utf-8")
    for loc in xmlschema.XMLSchema(SCHEMAS / "sitemap.xsd").to_dict(text)["url"]:
        path = loc["loc"].removeprefix(SITE)
        assert (site / path / "index.html").is_file() or (site / path).is_file(), path


def test_robots_txt_points_to_the_sitemap(site):
    robots = (site / "robots.txt").read_text(encoding="utf-8")
    assert f"Sitemap: {SITE}sitemap.xml" in robots.splitlines()
    assert "User-agent: *" in robots


def test_large_site_gets_a_sitemap_index(tmp_path):
    content = write_files(tmp_path / "content", site_files())
    single = publish(content, tmp_path / "single")
    schema = xmlschema.XMLSchema(SCHEMAS / "sitemap.xsd")
    expected = [url["loc"] for url in schema.to_dict(str(single / "sitemap.xml"))["url"]]
    site = publish(content, tmp_path / "output", SITEMAP_MAX_URLS=3)
    index = xmlschema.XMLSchema(SCHEMAS / "siteindex.xsd")
    index.validate(str(site / "sitemap.xml"))
    parts = [item["loc"] for item in index.to_dict(str(site / "sitemap.xml"))["sitemap"]]
    count = -(-len(expected) // 3)
    assert parts == [f"{SITE}sitemap-{n}.xml" for n in range(1, count + 1)]
    locs = []
    for number in range(1, count + 1):
        part = site / f"sitemap-{number}.xml"
        schema.validate(str(part))
        found = [url["loc"] for url in schema.to_dict(str(part))["url"]]
        assert 1 <= len(found) <= 3
        locs += found
    assert locs == expected


def test_wrong_sitemap_setting_is_explained_in_vietnamese(tmp_path):
    content = write_files(tmp_path / "content", site_files())
    with pytest.raises(BuildFailed) as failure:
        publish(content, tmp_path / "output", SITEMAP_MAX_URLS=60_000)
    assert "SITEMAP_MAX_URLS phải là một số nguyên từ 1 đến 50000" in str(failure.value)


# --- Sharing: Open Graph, canonical, JSON-LD ----------------------------------------


def _og(page) -> dict[str, str]:
    return {tag["property"]: tag["content"] for tag in page.find_all("meta", property=True)}


def test_article_has_open_graph_with_its_photo_and_real_size(site):
    page = soup(site / FIRST / "index.html")
    og = _og(page)
    assert og["og:type"] == "article"
    assert og["og:locale"] == "vi_VN"
    assert og["og:title"] == "Hội nghị tiếp xúc cử tri trước kỳ họp thứ Tám"
    assert og["og:description"] == "Cử tri tổ dân phố 5 gửi ý kiến về đường ngõ & thoát nước."
    assert og["og:url"] == SITE + FIRST
    assert og["og:image"] == SITE + "images/2024/hoi-nghi.jpg"
    assert (og["og:image:width"], og["og:image:height"]) == ("1200", "800")
    assert og["og:image:alt"] == "Cử tri phát biểu tại hội nghị"
    assert og["article:published_time"] == "2024-10-03T08:30:00+07:00"
    assert page.find("meta", attrs={"name": "twitter:card"})["content"] == "summary_large_image"
    assert page.find("link", rel="canonical")["href"] == SITE + FIRST


def test_body_photo_is_shared_upright(site):
    og = _og(soup(site / "2024/09/20/ra-quan-tong-ve-sinh-khu-dan-cu/index.html"))
    assert og["og:image"] == SITE + "images/2024/doc.jpg"
    # Stored 900x600 with EXIF "rotate 90°": phones show it 600 wide, 900 high.
    assert (og["og:image:width"], og["og:image:height"]) == ("600", "900")


NO_PHOTO = "2024/08/15/trao-nha-dai-doan-ket-cho-ho-can-ngheo/"
SMALL_PHOTO = "2024/07/01/tham-hoi-gia-dinh-chinh-sach/"


@pytest.mark.parametrize("url", [NO_PHOTO, SMALL_PHOTO], ids=["no-photo", "photo-too-small"])
def test_article_without_usable_photo_gets_the_fallback_image(site, url):
    og = _og(soup(site / url / "index.html"))
    image = og["og:image"].removeprefix(SITE)
    assert (site / image).is_file()
    assert int(og["og:image:width"]) >= 200
    assert int(og["og:image:height"]) >= 200
    from PIL import Image  # noqa: PLC0415

    with Image.open(site / image) as picture:
        assert picture.size == (int(og["og:image:width"]), int(og["og:image:height"]))


def test_news_article_json_ld_has_what_search_engines_require(site):
    data = _jsonld(soup(site / FIRST / "index.html"))
    article = data["NewsArticle"]
    assert article["@context"] == "https://schema.org"
    assert article["headline"] == "Hội nghị tiếp xúc cử tri trước kỳ họp thứ Tám"
    assert article["datePublished"] == "2024-10-03T08:30:00+07:00"
    assert article["dateModified"] == "2024-10-05T16:45:00+07:00"
    assert article["author"] == [{"@type": "Person", "name": "Minh Anh"}]
    assert article["mainEntityOfPage"] == {"@type": "WebPage", "@id": SITE + FIRST}
    assert article["image"][0]["url"] == SITE + "images/2024/hoi-nghi.jpg"
    assert (article["image"][0]["width"], article["image"][0]["height"]) == (1200, 800)
    publisher = article["publisher"]
    assert publisher["name"] == "Ủy ban Mặt trận Tổ quốc Việt Nam phường Hòa Bình"
    logo = publisher["logo"]
    assert logo["url"].startswith(SITE) and logo["width"] >= 112 and logo["height"] >= 112
    assert (site / logo["url"].removeprefix(SITE)).is_file()


def test_breadcrumb_json_ld_follows_home_category_article(site):
    crumbs = _jsonld(soup(site / FIRST / "index.html"))["BreadcrumbList"]["itemListElement"]
    assert [(item["position"], item["name"], item["item"]) for item in crumbs] == [
        (1, "Trang chủ", SITE),
        (2, "Tin tức sự kiện", SITE + "chuyen-muc/tin-tuc-su-kien/"),
        (3, "Hội nghị tiếp xúc cử tri trước kỳ họp thứ Tám", SITE + FIRST),
    ]


def test_editorial_byline_is_an_organisation(site):
    article = _jsonld(soup(site / "2024/08/15/trao-nha-dai-doan-ket-cho-ho-can-ngheo/index.html"))
    assert article["NewsArticle"]["author"][0]["@type"] == "Organization"
    assert article["NewsArticle"]["author"][0]["name"] == "Ban biên tập"


def test_every_page_has_an_absolute_canonical_link_to_itself(site):
    for path in sorted(site.rglob("*.html")):
        page = soup(path)
        canonical = page.find_all("link", rel="canonical")
        relative = path.relative_to(site).as_posix()
        if relative == "404.html":
            assert not canonical
            continue
        if relative.startswith("quan-tri/"):
            continue  # the editor (noindex), not a reader page
        assert len(canonical) == 1, relative
        expected = SITE + relative.removesuffix("index.html")
        assert canonical[0]["href"] == expected


def test_json_ld_cannot_break_out_of_its_script(tmp_path):
    files = site_files()
    files["articles/tin-tuc-su-kien/2024-11-01-thu.md"] = (
        "Title: Thử &lt;/script&gt;&lt;script&gt;alert(1)&lt;/script&gt;\nDate: 2024-11-01 08:00\n"
        "Category: Tin tức sự kiện\nSummary: Kiểm tra &lt;/b&gt; trong sapo.\n\nNội dung.\n"
    )
    content = write_files(tmp_path / "content", files)
    site = publish(content, tmp_path / "output")
    page = next(site.glob("2024/11/01/*/index.html"))
    blocks = soup(page).find_all("script", type="application/ld+json")
    assert len(blocks) == 2
    article = json.loads(blocks[0].string)
    assert article["headline"] == "Thử </script><script>alert(1)</script>"
    assert article["description"] == "Kiểm tra </b> trong sapo."
    assert all("</" not in block.string for block in blocks)


# --- 404 and the production settings themselves -------------------------------------


def test_404_page_is_vietnamese_not_indexed_and_links_absolutely(site):
    page = soup(site / "404.html")
    assert page.h1.get_text(strip=True) == "Không tìm thấy trang"
    assert page.find("meta", attrs={"name": "robots"})["content"] == "noindex"
    for link in page.find_all(["a", "link", "script", "img"]):
        target = link.get("href") or link.get("src")
        if target and not target.startswith(("#", "mailto:", "tel:")) and "//" not in target[:8]:
            pytest.fail(f"404.html has a relative link {target!r}: it breaks at other depths")
    home = page.find("a", string="Về trang chủ")
    assert home["href"] == SITE


def test_production_build_needs_a_public_address(tmp_path):
    from portal_core.runner import build  # noqa: PLC0415

    errors = tmp_path / "errors.txt"
    with environment(SITEURL=""), errors.open("w", encoding="utf-8") as stream:
        status = build(ROOT / "publishconf.py", {"OUTPUT_PATH": str(tmp_path / "o")}, stream=stream)
    assert status == 1
    assert "publishconf.py: Bản xuất bản cần địa chỉ công khai" in errors.read_text("utf-8")
    assert not (tmp_path / "o").exists()


def test_development_build_writes_no_sitemap_or_feeds(make_site):
    site = make_site(site_files())
    assert not (site / "sitemap.xml").exists()
    assert not (site / "feeds").exists()
    assert (site / "404.html").is_file()


def test_production_settings_use_the_environment_address():
    settings = publish_settings(Path("content"), Path("output"), "https://x.gov.vn/phuong/")
    assert settings["SITEURL"] == "https://x.gov.vn/phuong"
    assert urlsplit(settings["FEED_DOMAIN"]).path == "/phuong"
    assert settings["FEED_ALL_ATOM"] == "feeds/all.atom.xml"
    assert settings["CATEGORY_FEED_ATOM"] == "feeds/{slug}.atom.xml"
