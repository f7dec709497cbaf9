"""Folders of saved pages (``wget --mirror``, "Lưu trang thành..."): only the article.

Platforms are recognised by their markup and read with their own selectors:
NukeViet 4, SharePoint portal pages, Liferay, WordPress themes. Anything else
goes to readability (``readability-lxml``). Menus, ribbons, sidebars, counters,
share bars and "Tin đã đưa" lists are never read: only the article's own
containers are, and chrome inside them is dropped by its heading. Pages in
Windows-1258 (their meta charset) or in NFD come out as UTF-8 NFC.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path
from zoneinfo import ZoneInfo

from bs4 import BeautifulSoup, Tag

from portal_core.text import fold, nfc

from .errors import SourceError
from .model import Item

ZONE = ZoneInfo("Asia/Ho_Chi_Minh")
LINK_DENSITY = 0.4  # above this share of linked words, a page is a list, not an article
PAGE_SUFFIXES = (".html", ".htm", ".aspx", ".php", ".asp", ".jsp")
_CHARSET = re.compile(rb"""<meta[^>]+charset\s*=\s*["']?([\w-]+)""", re.I)
_DATE = re.compile(
    r"(?P<d>\d{1,2})/(?P<m>\d{1,2})/(?P<y>\d{4})(?:[\s,]*(?:lúc\s*)?(?P<h>\d{1,2})[:h](?P<i>\d{2}))?"
)
_TIME_FIRST = re.compile(
    r"(?P<h>\d{1,2}):(?P<i>\d{2})\D{1,12}(?P<d>\d{1,2})/(?P<m>\d{1,2})/(?P<y>\d{4})"
)
_CHROME = re.compile(
    r"^(tin da dua|cac tin da dua|tin khac|cac tin khac|tin lien quan|tin moi hon|tin cu hon|"
    r"nhung tin moi hon|nhung tin cu hon|xem them|binh luan|chia se|luot xem|in bai viet|gui email)"
)
_CHROME_CLASS = re.compile(
    r"related|other|share|print|counter|comment|social|tin-?khac|toolbar", re.I
)
# wget saves "ChiTiet.aspx?ID=123" as is, or as "ChiTiet.aspx@ID=123" with
# --restrict-file-names=windows (the only form a Windows disk can hold).
_QUERY_IN_NAME = re.compile(r"^(?P<page>[^?@]*?\.(?:aspx?|php|jsp|html?))?[?@](?P<query>.+)$", re.I)
_AUTHOR = re.compile(r"^(tác giả|tac gia|nguồn|nguon|theo)\s*:?\s*", re.I)


@dataclass(frozen=True)
class Platform:
    """Where one platform keeps the parts of an article page."""

    name: str
    marker: str  # CSS selector whose presence identifies the platform
    title: str
    date: str
    lead: str
    body: str
    author: str
    category: str


PLATFORMS = (
    Platform(
        "NukeViet",
        "#news-bodyhtml, meta[name=generator][content*=NukeViet]",
        ".news_column h1.title, .news_column h1",
        ".news_column span.h5, .news_column .time",
        ".news_column .hometext",
        "#news-bodyhtml",
        ".news_column .text-right strong, .news_column p.text-right",
        ".breadcrumbs li a span, .breadcrumbs li a",
    ),
    Platform(
        "SharePoint",
        "#s4-workspace, meta[name=GENERATOR][content*=SharePoint], .ms-rtestate-field",
        ".news-detail .title-news, .news-detail h1, h1.title-news",
        ".news-detail .date-news, .date-news",
        ".news-detail .sapo-news, .sapo-news",
        ".news-detail .content-news, .news-detail .ms-rtestate-field",
        ".news-detail .author-news, .author-news",
        ".breadcrumb-news a, .ms-sitemapdirectional a",
    ),
    Platform(
        "Liferay",
        ".journal-content-article, body.portal-popup, script[src*=liferay]",
        ".asset-full-content .header-title, .asset-full-content h1, h3.header-title",
        ".asset-full-content .publish-date, .publish-date",
        ".asset-full-content .sapo, .journal-content-article .sapo",
        ".asset-full-content .journal-content-article, .journal-content-article",
        ".asset-full-content .author, .journal-content-article .author",
        ".breadcrumb li a",
    ),
    Platform(
        "WordPress",
        "article .entry-content, meta[name=generator][content*=WordPress]",
        "article .entry-title",
        "article time.entry-date, article time",
        "article .entry-summary",
        "article .entry-content",
        "article .author a, article .byline a",
        "article .cat-links a",
    ),
)


def decode(raw: bytes) -> str:
    """The page's text: its declared charset (Windows-1258 too), UTF-8, then a guess; NFC."""
    declared = _CHARSET.search(raw[:4096])
    names = [declared.group(1).decode("ascii", "ignore").lower()] if declared else []
    names = ["cp1258" if name in ("windows-1258", "cp1258") else name for name in names]
    for name in [*names, "utf-8"]:
        try:
            return nfc(raw.decode(name))
        except (LookupError, UnicodeDecodeError):
            continue
    from charset_normalizer import from_bytes  # noqa: PLC0415 - rare

    best = from_bytes(raw).best()
    return nfc(str(best) if best else raw.decode("utf-8", errors="replace"))


def parse_date(text: str) -> dt.datetime | None:
    """The portals' date styles: "Thứ 4, Ngày 13/06/2018, 16:40", "06/05/2024 08:15"..."""
    found = _DATE.search(text)
    if found is None or found.group("h") is None:
        found = _TIME_FIRST.search(text) or found  # "09:00 ngày 01/10/2023"
    if not found:
        return None
    parts = found.groupdict()
    try:
        return dt.datetime(
            int(parts["y"]),
            int(parts["m"]),
            int(parts["d"]),
            int(parts.get("h") or 0),
            int(parts.get("i") or 0),
            tzinfo=ZONE,
        )
    except ValueError:
        return None


def _first(soup: BeautifulSoup, selector: str) -> Tag | None:
    return soup.select_one(selector) if selector else None


def _text(node: Tag | None) -> str:
    return " ".join(node.get_text(" ").split()) if node is not None else ""


def _drop_chrome(body: Tag) -> None:
    for node in body.find_all(True):
        if node.decomposed:
            continue
        classes = " ".join(node.get("class", [])) + " " + (node.get("id") or "")
        if _CHROME_CLASS.search(classes):
            node.decompose()
    for heading in body.find_all(["h2", "h3", "h4", "strong", "b", "div", "p"]):
        if heading.decomposed:
            continue
        if _CHROME.match(fold(_text(heading))) and len(_text(heading)) < 40:
            block = heading.find_parent(["div", "section", "aside"]) or heading
            if block is body:
                block = heading
            following = block.find_next_sibling(["ul", "ol"]) if block is heading else None
            if following is not None:
                following.decompose()
            block.decompose()


class SavedPagesSource:
    """Articles found in a folder of saved pages."""

    kind = "trang đã lưu"

    def __init__(self, folder: Path, site_url: str = "") -> None:
        self.folder = folder
        self.site_url = site_url.rstrip("/")
        self._bodies: dict[str, str] = {}
        self.not_articles: list[str] = []

    def _pages(self) -> Iterator[Path]:
        for path in sorted(self.folder.rglob("*")):
            name = path.name.lower()
            if path.is_file() and (name.endswith(PAGE_SUFFIXES) or _QUERY_IN_NAME.match(name)):
                yield path

    def items(self) -> list[Item]:
        """One article per page that has one; other pages are listed."""
        items = []
        for path in self._pages():
            item = self._read(path)
            if item is None:
                self.not_articles.append(path.relative_to(self.folder).as_posix())
            else:
                items.append(item)
        if not items:
            raise SourceError(
                f"{self.folder}: không có trang bài viết nào trong thư mục này (đã xem "
                f"{len(self.not_articles)} tệp .html/.aspx/.php). Chọn thư mục chứa các trang "
                "chi tiết tin bài đã lưu (wget --mirror hoặc Lưu trang thành...)."
            )
        return items

    def _old_url(self, soup: BeautifulSoup, path: Path) -> list[str]:
        urls = []
        for selector, attribute in (
            ("link[rel=canonical]", "href"),
            ("meta[property='og:url']", "content"),
        ):
            node = soup.select_one(selector)
            if node is not None and node.get(attribute):
                urls.append(str(node[attribute]))
        folder, _, name = path.relative_to(self.folder).as_posix().rpartition("/")
        query = _QUERY_IN_NAME.match(name)
        if query and query.group("page"):
            name = f"{query.group('page')}?{query.group('query')}"
        urls.append("/" + (f"{folder}/{name}" if folder else name))
        return list(dict.fromkeys(urls))

    def _read(self, path: Path) -> Item | None:
        soup = BeautifulSoup(decode(path.read_bytes()), "html.parser")
        platform = next((p for p in PLATFORMS if soup.select_one(p.marker) is not None), None)
        found = self._platform(soup, platform) if platform else self._readability(soup)
        if found is None:
            return None
        title, date, lead, body, author, category = found
        if not title or date is None or len(_text(BeautifulSoup(body, "html.parser"))) < 40:
            return None
        key = path.relative_to(self.folder).as_posix()
        self._bodies[key] = body
        return Item(
            key=key,
            kind="article",
            title=title,
            date=date,
            category=category,
            summary=lead,
            author=_AUTHOR.sub("", author).strip(),
            old_urls=self._old_url(soup, path),
        )

    @staticmethod
    def _platform(soup: BeautifulSoup, platform: Platform):
        body = _first(soup, platform.body)
        if body is None:
            return None
        _drop_chrome(body)
        date_node = _first(soup, platform.date)
        date = None
        if date_node is not None and date_node.get("datetime"):
            try:
                date = dt.datetime.fromisoformat(str(date_node["datetime"])).astimezone(ZONE)
            except ValueError:
                date = None
        date = date or parse_date(_text(date_node))
        lead = _first(soup, platform.lead)
        lead_text = _text(lead)
        if lead is not None and body in lead.parents:
            lead.extract()  # Liferay keeps the lead inside the article: not twice
        crumbs = soup.select(platform.category) if platform.category else []
        names = [_text(node) for node in crumbs if _text(node)]
        names = [name for name in names if fold(name) not in ("trang chu", "home")]
        return (
            _text(_first(soup, platform.title)),
            date,
            lead_text,
            body.decode_contents(),
            _text(_first(soup, platform.author)),
            names[-1] if names else "",
        )

    @staticmethod
    def _readability(soup: BeautifulSoup):
        from readability import Document  # noqa: PLC0415 - only for unknown markup

        html = str(soup)
        document = Document(html)
        try:
            body = document.summary(html_partial=True)
        except Exception:
            return None
        extracted = BeautifulSoup(body, "html.parser")
        words = len(_text(extracted).split())
        linked = sum(len(_text(link).split()) for link in extracted.find_all("a"))
        if words < 60 or linked > words * LINK_DENSITY:
            return None  # a list of links (a category page, a home page), not an article
        title_node = soup.find("h1")
        title = _text(title_node) or document.short_title()
        text = soup.get_text(" ")
        return (nfc(" ".join(title.split())), parse_date(text), "", body, "", "")

    def bodies(self) -> Iterator[tuple[str, str]]:
        """Each article's HTML."""
        yield from self._bodies.items()
