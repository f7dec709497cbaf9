"""Old HTML bodies to clean Markdown in our house style.

The HTML is sanitised first (scripts, styles, forms, frames, fonts, spans,
inline styles, classes and empty paragraphs dropped; only a small set of tags
kept), photos with a caption become a lone image paragraph with a title,
which ``vn_markdown`` turns into ``<figure>``; then markdownify writes the
Markdown. Links and photos are rewritten by callbacks the writer passes in,
so this module knows nothing of files or of the content model.
"""

from __future__ import annotations

import re
from collections.abc import Callable

from bs4 import BeautifulSoup, Comment, NavigableString, Tag
from markdownify import MarkdownConverter

# Tags whose content is dropped with them.
DROP = {"script", "style", "noscript", "iframe", "object", "embed", "form", "input"}
DROP |= {"button", "select", "textarea", "svg", "canvas", "video", "audio", "head", "link", "meta"}
# Tags kept (everything else is unwrapped: its text stays).
KEEP = {"p", "br", "h2", "h3", "h4", "h5", "h6", "ul", "ol", "li", "table", "thead", "tbody"}
KEEP |= {"tr", "th", "td", "a", "img", "strong", "b", "em", "i", "blockquote", "figure"}
KEEP |= {"figcaption", "hr", "sub", "sup", "caption"}
ATTRIBUTES = {"a": {"href"}, "img": {"src", "alt", "title"}, "td": {"colspan", "rowspan"}}
ATTRIBUTES["th"] = ATTRIBUTES["td"]
_SPACE = re.compile(r"[\s\u00a0\u200b]+")
_CAPTION_MAX = 300

# (old address) -> new address or None (drop the link, keep its text)
LinkResolver = Callable[[str], "str | None"]
# (old address) -> new {static} address or None (photo missing: dropped)
ImageResolver = Callable[[str], "str | None"]


def _text(node: Tag) -> str:
    return _SPACE.sub(" ", node.get_text(" ")).strip()


def _is_empty(tag: Tag) -> bool:
    return not _text(tag) and tag.find("img") is None


def _caption_after(paragraph: Tag) -> Tag | None:
    """An old-style caption: the short, all-italic paragraph right after a photo."""
    following = paragraph.find_next_sibling()
    if following is None or following.name != "p":
        return None
    emphasis = following.find(["em", "i"])
    text = _text(following)
    if emphasis is None or not text or len(text) > _CAPTION_MAX or _text(emphasis) != text:
        return None
    return following


def _figure_image(soup: BeautifulSoup, image: Tag, caption: str) -> Tag:
    """A <p> holding only the photo, its caption as title (our captioned figure)."""
    paragraph = soup.new_tag("p")
    fresh = soup.new_tag("img", src=image.get("src", ""))
    alt = _SPACE.sub(" ", image.get("alt") or "").strip()
    fresh["alt"] = alt or caption
    if caption:
        fresh["title"] = caption
    paragraph.append(fresh)
    return paragraph


def _strip(soup: BeautifulSoup) -> None:
    """Drop comments, dangerous tags, unknown tags (text kept) and attributes (one pass)."""
    for comment in soup.find_all(string=lambda text: isinstance(text, Comment)):
        comment.extract()
    for tag in soup.find_all(True):
        if tag.decomposed:
            continue
        name = tag.name
        if name in DROP:
            tag.decompose()
        elif name not in KEEP and name != "h1":
            tag.unwrap()
        else:
            if name == "h1":
                tag.name = "h2"  # the page title is the only level-1 heading
            allowed = ATTRIBUTES.get(tag.name, ())
            tag.attrs = {key: value for key, value in tag.attrs.items() if key in allowed}


def _figures(soup: BeautifulSoup) -> None:
    """Photos with captions become lone photo paragraphs with a title.

    First "photo paragraph + italic paragraph" as old editors typed them (or a
    lone photo), then <figure><img><figcaption>.
    """
    for link in soup.find_all("a"):
        if link.find("img") is not None and not _text(link):
            link.unwrap()  # a photo linked to its own larger copy: the photo alone
    for image in soup.find_all("img"):
        parent = image.parent
        if parent is not None and parent.name == "p" and _text(parent) == "":
            if len(parent.find_all("img")) != 1:
                continue
            caption = _caption_after(parent)
            text = _text(caption) if caption else ""
            if caption:
                caption.decompose()
            parent.replace_with(_figure_image(soup, image, text))
    # <figure><img><figcaption> (after the lone photos, whose pass would
    # otherwise take the caption made here for an old-style one).
    for figure in soup.find_all("figure"):
        image = figure.find("img")
        if image is None:
            figure.unwrap()
            continue
        caption = figure.find("figcaption")
        figure.replace_with(_figure_image(soup, image, _text(caption) if caption else ""))


def sanitise(html: str) -> BeautifulSoup:
    """The HTML with only what an article body may hold."""
    soup = BeautifulSoup(html, "html.parser")
    _strip(soup)
    _figures(soup)
    for paragraph in soup.find_all("p"):
        if _is_empty(paragraph):
            paragraph.decompose()
    return soup


class _Converter(MarkdownConverter):
    """markdownify with our links, photos and captions."""

    def __init__(self, links: LinkResolver, images: ImageResolver, fallback_alt: str, **options):
        super().__init__(**options)
        self.links = links
        self.images = images
        self.fallback_alt = fallback_alt

    def escape(self, text, parent_tags):
        # Only what Markdown would read as markup in our text: a tag ("<script>"
        # typed as text), an entity, a link's brackets, a heading's "#" at a line
        # start. markdownify's escape_misc would also put "\-" in "Văn hóa - Xã hội".
        text = super().escape(text, parent_tags)
        text = _ENTITY_LIKE.sub("&amp;", text)
        text = _TAG_LIKE.sub("&lt;", text)
        # "\](" too: content_checks reads "\[a\](b)" as a link (its pattern ignores
        # the escapes), so the parenthesis is escaped as well.
        text = text.replace("[", "\\[").replace("]", "\\]").replace("\\](", "\\]\\(")
        return _HEADING_LIKE.sub(r"\1\\#", text)

    def convert_a(self, el, text, parent_tags):
        href = (el.get("href") or "").strip()
        target = self.links(href) if href else None
        text = text.strip()
        if not target or not text:
            return text
        return f"[{text}]({target})"

    def convert_img(self, el, text, parent_tags):
        source = self.images((el.get("src") or "").strip())
        if not source:
            return ""
        alt = _SPACE.sub(" ", el.get("alt") or "").strip() or self.fallback_alt
        alt = alt.replace("[", "(").replace("]", ")")
        title = _SPACE.sub(" ", el.get("title") or "").strip().replace('"', "”")
        shown = f' "{title}"' if title else ""
        return f"![{alt}]({source}{shown})"


_BLANK_LINES = re.compile(r"\n{3,}")
_TAG_LIKE = re.compile(r"<(?=[A-Za-z/!?])")
_ENTITY_LIKE = re.compile(r"&(?=#?\w+;)")
_HEADING_LIKE = re.compile(r"^(\s*)#", re.M)


def to_markdown(html: str, links: LinkResolver, images: ImageResolver, fallback_alt: str) -> str:
    """Clean Markdown for ``html`` (links and photos rewritten by the callbacks)."""
    soup = sanitise(html)
    converter = _Converter(
        links,
        images,
        fallback_alt,
        heading_style="ATX",
        bullets="-",
        strong_em_symbol="*",
        escape_underscores=False,
        escape_misc=False,
    )
    text = converter.convert_soup(soup)
    lines = [line.rstrip() for line in text.splitlines()]
    return _BLANK_LINES.sub("\n\n", "\n".join(lines)).strip() + "\n"


def plain_text(html: str) -> str:
    """The text of an HTML fragment on one line (summaries, titles)."""
    if "<" not in html and "&" not in html:
        return _SPACE.sub(" ", html).strip()
    return _SPACE.sub(" ", BeautifulSoup(html, "html.parser").get_text(" ")).strip()


__all__ = ["NavigableString", "plain_text", "sanitise", "to_markdown"]
