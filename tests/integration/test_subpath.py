"""A production build under a sub-path never links outside its folder.

GitHub Pages serves a unit's repository at https://<account>.github.io/<repo>/.
The site is built for such an address, served by a real HTTP server at that
sub-path, and crawled: every link, stylesheet, script, image and form target
must stay under the sub-path and answer 200.
"""

from __future__ import annotations

import re
import urllib.request
from collections import deque
from pathlib import Path
from urllib.error import HTTPError
from urllib.parse import urljoin, urlsplit

import feedparser
from bs4 import BeautifulSoup

from tests.publishing import publish, site_files
from tests.support import DEMO_CONTENT, serve, write_files

PREFIX = "/phuong-hoa-binh/"
# (tag, attribute) pairs that make the browser request something.
FETCHED = [
    ("link", "href"),
    ("script", "src"),
    ("img", "src"),
    ("source", "src"),
    ("iframe", "src"),
    ("form", "action"),
]
_SRCSET = re.compile(r"\s*([^\s,]+)(?:\s+[\d.]+[wx])?\s*(?:,|$)")
_CSS_URL = re.compile(r"url\(\s*['\"]?([^'\")]+)")


def _get(url: str) -> tuple[int, str, bytes]:
    try:
        with urllib.request.urlopen(url, timeout=10) as response:
            return response.status, response.headers.get_content_type(), response.read()
    except HTTPError as error:
        return error.code, "", b""


def _references(url: str, html: bytes) -> list[tuple[str, str]]:
    """``(what, absolute URL)`` for every link and request of one page."""
    page = BeautifulSoup(html, "html.parser")
    found = [("a", urljoin(url, a["href"])) for a in page.find_all("a", href=True)]
    for tag, attribute in FETCHED:
        for element in page.find_all(tag, attrs={attribute: True}):
            found.append((tag, urljoin(url, element[attribute])))
    for element in page.find_all(["img", "source"], srcset=True):
        found += [(element.name, urljoin(url, s)) for s in _SRCSET.findall(element["srcset"])]
    for meta in page.find_all("meta", property=["og:url", "og:image"]):
        found.append(("meta", meta["content"]))
    return found


def _problem(what: str, target: str, origin: str) -> str | None:
    """What is wrong with one reference, or None."""
    parts = urlsplit(target)
    if parts.scheme not in {"http", "https"}:
        return None  # mailto:, tel:, data:
    if f"{parts.scheme}://{parts.netloc}" != origin:
        # Links to other portals are fine; loading anything from them is not.
        return None if what == "a" else f"{what} loads from another host: {target}"
    if not parts.path.startswith(PREFIX):
        return f"{what} escapes {PREFIX}: {target}"
    return None


def crawl(base: str) -> dict[str, list[str]]:
    """Visit every page reachable from ``base``; return problems by page."""
    origin = "{0.scheme}://{0.netloc}".format(urlsplit(base))
    problems: dict[str, list[str]] = {}
    seen = {base + "/"}
    queue = deque([base + "/"])
    while queue:
        url = queue.popleft()
        status, kind, body = _get(url)
        if status != 200:
            problems.setdefault(url, []).append(f"HTTP {status}")
            continue
        if kind == "text/css":
            references = [("css", urljoin(url, ref)) for ref in _CSS_URL.findall(body.decode())]
        elif kind == "text/html":
            references = _references(url, body)
        else:
            continue
        for what, target in references:
            problem = _problem(what, target, origin)
            if problem:
                problems.setdefault(url, []).append(problem)
            elif target.startswith(origin):
                clean = target.split("#", 1)[0]
                if clean not in seen:
                    seen.add(clean)
                    queue.append(clean)  # fetched in turn: must answer 200
    return problems


def _build_and_crawl(content: Path, output: Path) -> tuple[dict[str, list[str]], int, str]:
    with serve(output, prefix=PREFIX) as url:
        publish(content, output, url)
        problems = crawl(url)
        pages = len(list(output.rglob("*.html")))
    return problems, pages, url


def test_small_site_under_a_sub_path_stays_inside_it(tmp_path):
    content = write_files(tmp_path / "content", site_files())
    problems, pages, _ = _build_and_crawl(content, tmp_path / "site")
    assert problems == {}
    assert pages > 10


def test_demo_portal_under_a_sub_path_stays_inside_it(tmp_path):
    """Every page type the demo has: articles, listings, notices, documents, search."""
    site = tmp_path / "site"
    problems, pages, url = _build_and_crawl(DEMO_CONTENT, site)
    assert problems == {}
    assert pages > 50
    # Each document and notice has its own page, and the sitemap lists it.
    sitemap = (site / "sitemap.xml").read_text(encoding="utf-8")
    records = [*site.glob("van-ban/*/index.html"), *site.glob("thong-bao/2*/**/index.html")]
    assert records
    for record in records:
        address = f"{url}/{record.parent.relative_to(site).as_posix()}/"
        assert f"<loc>{address}</loc>" in sitemap, address
    # The news feed holds news: articles, never notices or documents.
    feed = feedparser.parse((site / "feeds" / "all.atom.xml").read_bytes())
    assert not feed.bozo
    assert len(feed.entries) == 30  # FEED_MAX_ITEMS; the demo has more articles
    for entry in feed.entries:
        assert re.fullmatch(rf"{re.escape(url)}/\d{{4}}/\d{{2}}/\d{{2}}/[a-z0-9-]+/", entry.link)


def test_sitemap_and_feeds_use_the_sub_path(tmp_path):
    content = write_files(tmp_path / "content", site_files())
    with serve(tmp_path / "site", prefix=PREFIX) as url:
        site = publish(content, tmp_path / "site", url)
        for name in ("sitemap.xml", "feeds/all.atom.xml", "robots.txt"):
            text = (site / name).read_text(encoding="utf-8")
            links = re.findall(r"https?://[^\s<\"]+", text)
            ours = [link for link in links if link.startswith("http://127.0.0.1")]
            assert ours, name
            assert all(link.startswith(url + "/") for link in ours), name
            for link in ours:
                assert _get(link.replace("&amp;", "&"))[0] == 200, (name, link)
