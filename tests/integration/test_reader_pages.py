"""What readers of the demo portal noticed on its pages (issue 19)."""

from __future__ import annotations

import tomllib
from collections import Counter
from urllib.parse import urlsplit

from tests.support import ROOT, site_path, soup


def _article_links(region) -> Counter:
    """How often each article (``/YYYY/MM/DD/slug/``) is linked in ``region``."""
    found = Counter()
    for link in region.select("a[href]"):
        path = urlsplit(link["href"]).path
        parts = path.strip("/").split("/")
        if len(parts) == 4 and parts[0].isdigit():
            found[path] += 1
    return found


def test_home_links_each_article_once_per_region(built_site):
    home = soup(built_site / "index.html")
    for name in ("main", ".sidebar", ".site-footer"):
        region = home.select_one(name)
        repeated = {url: n for url, n in _article_links(region).items() if n > 1}
        assert not repeated, f"{name}: {repeated}"
    main = _article_links(home.select_one("main"))
    sidebar = _article_links(home.select_one(".sidebar"))
    assert not set(main) & set(sidebar), "the sidebar repeats the home page's articles"


def test_home_has_no_sidebar_latest_news_but_articles_do(built_site):
    home = soup(built_site / "index.html")
    assert home.select_one(".sidebar .latest-articles") is None
    link = home.select_one(".featured__title a")["href"]
    article = soup(site_path(built_site, link))
    assert article.select_one(".sidebar .latest-articles") is not None


def test_more_link_lands_on_the_next_unseen_article(built_site):
    for path in sorted(built_site.glob("20*/*/*/*/index.html")):
        page = soup(path)
        more = page.select_one(".related-articles__next")
        if more is None:
            continue
        seen = {
            urlsplit(a["href"]).path
            for a in page.select(".related-articles__block--earlier .article-list__title")
        }
        target, _, anchor = more["href"].partition("#")
        assert anchor, f"{path}: 'Xem tiếp' has no anchor"
        listing = soup(site_path(built_site, target))
        item = listing.find(id=anchor)
        assert item is not None, f"{more['href']}: no element with that id"
        landed = urlsplit(item.select_one(".article-list__title")["href"]).path
        assert landed not in seen
        # It is the article right after the last one the reader saw.
        titles = [urlsplit(a["href"]).path for a in listing.select(".article-list__title")]
        assert landed in titles
        return
    raise AssertionError("no article of the demo has a 'Xem tiếp' link")


def test_phone_numbers_are_tel_links(built_site):
    # The unit's phone is in its profile (content/data/don-vi.toml).
    profile = tomllib.loads((ROOT / "content/data/don-vi.toml").read_text(encoding="utf-8"))
    phone = profile["contact"]["phone"]
    digits = phone.replace(" ", "")
    home = soup(built_site / "index.html")
    header = home.select_one(".site-header")
    assert header.select_one(f"a[href='tel:{digits}']"), "no phone number in the header"
    contact = soup(built_site / "lien-he/index.html").select_one("main")
    links = contact.select(f"a[href='tel:{digits}']")
    assert links and links[0].get_text(strip=True).replace("\xa0", " ") == phone


def _items_with_thumbs(page) -> tuple[int, list]:
    items = page.select("main .article-list__item")
    thumbs = [item.select_one(".article-list__thumb img") for item in items]
    return len(items), [img for img in thumbs if img is not None]


def test_lists_show_thumbnails_with_their_size(built_site):
    from tests.support import site_path  # noqa: PLC0415

    home = soup(built_site / "index.html")
    featured_article = soup(site_path(built_site, home.select_one(".featured__title a")["href"]))
    category = featured_article.select(".breadcrumbs a")[-1]["href"]
    year = home.select_one(".featured__title a")["href"].strip("/").split("/")[0]
    for name, page in (
        ("home", home),
        ("category", soup(site_path(built_site, category))),
        ("year archive", soup(built_site / year / "index.html")),
    ):
        count, thumbs = _items_with_thumbs(page)
        assert count and thumbs, f"{name}: no thumbnail in its lists"
        for img in thumbs:
            assert img["width"] and img["height"], f"{name}: {img}"
            assert "/co-nho/" in img["src"], f"{name}: not a resized copy: {img['src']}"
            assert img.get("loading") == "lazy"
            assert img["alt"] == ""  # the title beside it says it all
