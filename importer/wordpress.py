"""WordPress exports (WXR 1.x, "Công cụ › Xuất"): posts, pages, attachments.

Posts become articles, pages become pages; attachments give featured photos
(``_thumbnail_id``), ``[gallery]`` photos and their captions. ``[caption]``
becomes our captioned figure; other shortcodes are dropped. WordPress keeps
paragraphs as blank lines (``wpautop`` adds ``<p>`` on display), so that is
done here too. publish -> published, future -> scheduled, draft/pending/
private -> draft; trash, auto-drafts and revisions are not imported.
"""

from __future__ import annotations

import datetime as dt
import html
import re
import xml.etree.ElementTree as ET
from collections.abc import Iterator
from pathlib import Path
from zoneinfo import ZoneInfo

from .errors import SourceError
from .model import Item

ZONE = ZoneInfo("Asia/Ho_Chi_Minh")
WP = "{http://wordpress.org/export/1.2/}"
NAMESPACES = {
    "content": "http://purl.org/rss/1.0/modules/content/",
    "excerpt": "http://wordpress.org/export/1.2/excerpt/",
    "dc": "http://purl.org/dc/elements/1.1/",
}
_DRAFTS = {"draft": "bản nháp", "pending": "chờ duyệt", "private": "bài riêng tư"}
_CAPTION = re.compile(r"\[caption[^\]]*\](.*?)\[/caption\]", re.S | re.I)
_GALLERY = re.compile(r"\[gallery([^\]]*)\]", re.I)
_SHORTCODE = re.compile(r"\[/?[a-z_][\w-]*(?:\s[^\]]*)?\]", re.I)
_BLOCK = re.compile(
    r"^\s*<(?:p|div|h[1-6]|ul|ol|li|table|thead|tbody|tr|td|th|blockquote|figure|pre|hr)\b", re.I
)
_IDS = re.compile(r'ids\s*=\s*["\']?([\d,\s]+)')


def _wp(node: ET.Element, name: str) -> str:
    found = node.find(WP + name)
    return (found.text or "") if found is not None else ""


def looks_like(path: Path) -> bool:
    """An ``.xml`` file (WordPress names its export ``*.wordpress.YYYY-MM-DD.xml``)."""
    return path.suffix.lower() == ".xml"


def autop(text: str) -> str:
    """WordPress's paragraphs: blank-line separated text wrapped in <p>."""
    chunks = re.split(r"\n\s*\n", text.replace("\r\n", "\n"))
    out = []
    for chunk in chunks:
        if not chunk.strip():
            continue
        if _BLOCK.match(chunk):
            out.append(chunk)
        else:
            out.append("<p>" + chunk.strip().replace("\n", "<br>\n") + "</p>")
    return "\n".join(out)


class WordPressSource:
    """Posts and pages of one WXR file."""

    kind = "WordPress (tệp WXR)"

    def __init__(self, path: Path) -> None:
        self.path = path
        self._bodies: dict[str, str] = {}
        self.site_url = ""  # <wp:base_site_url>, known once read

    def _parse(self) -> ET.Element:
        try:
            root = ET.parse(self.path).getroot()
        except ET.ParseError as error:
            line = error.position[0]
            raise SourceError(
                f"{self.path.name}:{line}: tệp XML hỏng hoặc bị cắt cụt ({error}). Xuất lại từ "
                "WordPress: Công cụ › Xuất › Tất cả nội dung."
            ) from None
        channel = root.find("channel")
        if root.tag != "rss" or channel is None or channel.find(WP + "wxr_version") is None:
            raise SourceError(
                f"{self.path.name}: không phải tệp xuất của WordPress (WXR): thiếu "
                "<wp:wxr_version>. Xuất lại từ WordPress: Công cụ › Xuất › Tất cả nội dung."
            )
        return channel

    def items(self) -> list[Item]:
        """Every post and page worth importing (attachments feed the others)."""
        channel = self._parse()
        base = channel.findtext(WP + "base_site_url") or channel.findtext("link") or ""
        base = self.site_url = base.rstrip("/")
        authors = {
            _wp(node, "author_login"): _wp(node, "author_display_name") or _wp(node, "author_login")
            for node in channel.findall(WP + "author")
        }
        attachments: dict[str, dict[str, str]] = {}
        posts = []
        for node in channel.findall("item"):
            kind = _wp(node, "post_type")
            if kind == "attachment":
                meta = {
                    _wp(m, "meta_key"): _wp(m, "meta_value") for m in node.findall(WP + "postmeta")
                }
                attachments[_wp(node, "post_id")] = {
                    "url": _wp(node, "attachment_url"),
                    "caption": node.findtext("excerpt:encoded", "", NAMESPACES),
                    "alt": meta.get("_wp_attachment_image_alt", ""),
                }
            elif kind in ("post", "page"):
                posts.append(node)
        items = []
        for node in posts:
            item = self._item(node, base, authors, attachments)
            if item is not None:
                items.append(item)
        return items

    def _item(self, node, base, authors, attachments) -> Item | None:
        status = _wp(node, "status")
        post_id = _wp(node, "post_id")
        kind = "article" if _wp(node, "post_type") == "post" else "page"
        title = html.unescape(node.findtext("title") or "")
        link = node.findtext("link") or ""
        query = "p" if kind == "article" else "page_id"
        old_urls = [url for url in (link, f"{base}/?{query}={post_id}") if url]
        if status not in ("publish", "future", *_DRAFTS):
            return Item(
                key=post_id,
                kind=kind,
                title=title,
                old_urls=old_urls,
                skip_reason=f"trạng thái WordPress '{status}' (thùng rác, tự lưu) không nhập",
            )
        date = None
        raw = _wp(node, "post_date")
        if raw and not raw.startswith("0000"):
            date = dt.datetime.strptime(raw, "%Y-%m-%d %H:%M:%S").replace(tzinfo=ZONE)
        category = ""
        for tag in node.findall("category"):
            if tag.get("domain") == "category":
                category = html.unescape(tag.text or "")
                break
        meta = {_wp(m, "meta_key"): _wp(m, "meta_value") for m in node.findall(WP + "postmeta")}
        thumbnail = attachments.get(meta.get("_thumbnail_id", ""), {})
        content = node.findtext("content:encoded", "", NAMESPACES)
        self._bodies[post_id] = self._body(content, attachments)
        return Item(
            key=post_id,
            kind=kind,
            title=title,
            date=date,
            category=category,
            summary=node.findtext("excerpt:encoded", "", NAMESPACES),
            author=authors.get(node.findtext("dc:creator", "", NAMESPACES), ""),
            image=thumbnail.get("url", ""),
            image_alt=thumbnail.get("alt", ""),
            draft=status in _DRAFTS,
            draft_reason=f"{_DRAFTS[status]} trên trang cũ" if status in _DRAFTS else "",
            old_urls=old_urls,
            # Custom fields (WordPress keeps its own under names starting with "_").
            fields={key: value for key, value in meta.items() if key and not key.startswith("_")},
        )

    @staticmethod
    def _body(content: str, attachments: dict[str, dict[str, str]]) -> str:
        def caption(match: re.Match) -> str:
            inner = match.group(1)
            image = re.search(r"<img[^>]*>", inner)
            if not image:
                return inner
            text = inner.replace(image.group(0), "")
            text = re.sub(r"</?a[^>]*>", "", text).strip()
            return f"\n\n<figure>{image.group(0)}<figcaption>{text}</figcaption></figure>\n\n"

        def gallery(match: re.Match) -> str:
            ids = _IDS.search(match.group(1))
            figures = []
            for number in ids.group(1).split(",") if ids else []:
                found = attachments.get(number.strip())
                if found:
                    figures.append(
                        f'<figure><img src="{html.escape(found["url"])}" '
                        f'alt="{html.escape(found["alt"])}"><figcaption>'
                        f"{html.escape(found['caption'])}</figcaption></figure>"
                    )
            return "\n\n" + "\n\n".join(figures) + "\n\n"

        content = _CAPTION.sub(caption, content)
        content = _GALLERY.sub(gallery, content)
        content = _SHORTCODE.sub("", content)
        return autop(content)

    def bodies(self) -> Iterator[tuple[str, str]]:
        """Each post's HTML (already in memory: exports are read whole)."""
        yield from self._bodies.items()
