"""HTML for responsive photos: ``<picture>`` with WebP and JPEG copies.

Each photo keeps its alt text, caption and classes; it gains ``srcset`` and
``sizes`` (a phone downloads a 480- or 800-pixel copy, not the camera's
original), ``width``/``height`` (the page does not jump while it loads) and
``loading="lazy"`` except for the first photo of the page, which a reader
sees at once.
"""

from __future__ import annotations

import html
import re
from collections.abc import Callable
from dataclasses import dataclass
from html.parser import HTMLParser
from urllib.parse import quote, unquote, urlsplit

from .variants import Source, Variant

# Width of the copy named in ``src``, for browsers that ignore ``srcset``.
FALLBACK_WIDTH = 800
# Attributes the rewritten <img> sets itself; every other one is kept as written.
_REPLACED = {"src", "srcset", "sizes", "width", "height", "loading"}
_IMG = re.compile(r"<img\b[^>]*>", re.IGNORECASE)


@dataclass(frozen=True)
class ImageSet:
    """An original and its copies."""

    source: Source
    variants: tuple[Variant, ...]

    def of_format(self, kind: str) -> list[Variant]:
        return [v for v in self.variants if v.format == kind]

    @property
    def fallback(self) -> list[Variant]:
        """The JPEG (or PNG) copies, smallest first."""
        return [v for v in self.variants if v.format != "webp"]

    @property
    def largest(self) -> Variant:
        return self.fallback[-1]


def href(base: str, variant: Variant) -> str:
    """The address of a copy, percent-encoded so ``srcset`` can list it."""
    return f"{base}/{quote(variant.url, safe='/')}"


def srcset(base: str, variants: list[Variant]) -> str:
    return ", ".join(f"{href(base, v)} {v.width}w" for v in variants)


def _attribute(name: str, value: str | None) -> str:
    return f" {name}" if value is None else f' {name}="{html.escape(value, quote=True)}"'


class _TagReader(HTMLParser):
    """Reads the attributes of the first start tag it is fed."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.attrs: list[tuple[str, str | None]] | None = None

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if self.attrs is None:
            self.attrs = attrs

    handle_startendtag = handle_starttag


def read_attributes(tag: str) -> list[tuple[str, str | None]]:
    """``<img src="a.jpg" alt="Hội nghị">`` -> ``[("src", "a.jpg"), ("alt", "Hội nghị")]``."""
    reader = _TagReader()
    reader.feed(tag)
    reader.close()
    return reader.attrs or []


def picture(
    image: ImageSet,
    attrs: list[tuple[str, str | None]],
    base: str,
    sizes: str,
    *,
    lazy: bool,
) -> str:
    """``<picture>`` for ``image``, keeping the given <img> attributes (alt, class...)."""
    fallback = image.fallback
    src = max(
        (v for v in fallback if v.width <= FALLBACK_WIDTH),
        default=fallback[0],
        key=lambda v: v.width,
    )
    largest = image.largest
    own = [
        ("src", href(base, src)),
        ("srcset", srcset(base, fallback)),
        ("sizes", sizes),
        ("width", str(largest.width)),
        ("height", str(largest.height)),
    ]
    if lazy:
        own.append(("loading", "lazy"))
    kept = [(name, value) for name, value in attrs if name not in _REPLACED]
    if not any(name == "decoding" for name, _ in kept):
        kept.append(("decoding", "async"))
    if not any(name == "alt" for name, _ in kept):
        kept.insert(0, ("alt", ""))
    img = "".join(_attribute(name, value) for name, value in own + kept)
    webp = image.of_format("webp")
    source = ""
    if webp:
        source = (
            f'<source type="image/webp" srcset="{html.escape(srcset(base, webp))}"'
            f' sizes="{html.escape(sizes)}">'
        )
    return f"<picture>{source}<img{img}></picture>"


def _inside_picture(text: str, position: int) -> bool:
    return text.rfind("<picture", 0, position) > text.rfind("</picture>", 0, position)


def rewrite(
    text: str,
    lookup: Callable[[str], ImageSet | None],
    base: str,
    sizes: str,
    *,
    eager_first: bool = True,
) -> str:
    """Turn each local photo in ``text`` (rendered HTML) into a responsive one.

    ``lookup`` maps a site path ("images/a.jpg") to its copies, or None for a
    picture that has none (SVG, GIF, another host, a missing file): such an
    <img> is left exactly as written. ``base`` is SITEURL.
    """
    prefix = f"{base}/"
    seen = 0

    def replace(match: re.Match[str]) -> str:
        nonlocal seen
        seen += 1
        tag = match[0]
        attrs = read_attributes(tag)
        values = dict(attrs)
        src = values.get("src") or ""
        if "srcset" in values or not src.startswith(prefix) or src.startswith("//"):
            return tag
        if _inside_picture(text, match.start()):
            return tag
        image = lookup(unquote(urlsplit(src[len(prefix) :]).path))
        if image is None:
            return tag
        return picture(image, attrs, base, sizes, lazy=seen > 1 or not eager_first)

    return _IMG.sub(replace, text)
