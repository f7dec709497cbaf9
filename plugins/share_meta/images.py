"""Find an article's share image and read its real size, once per file.

Facebook and Zalo lay out a shared link before downloading the photo only when
``og:image:width`` and ``og:image:height`` are given, so the sizes are read
from the files at build time (Pillow reads just the header).
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from pathlib import Path

from PIL import Image, UnidentifiedImageError

# The first <img src="..."> of an article body, as Markdown wrote it (links
# still in Pelican's {static}/... form). A regex is enough to read one
# attribute Markdown itself produced; it never decides what is safe.
_FIRST_IMG = re.compile(r"""<img\b[^>]*?\bsrc=(["'])(?P<src>[^"']+)\1""", re.IGNORECASE)
_PELICAN_PREFIX = re.compile(r"^(\{static\}|\{filename\}|\|static\||\|filename\|)?/?")
# EXIF orientations that turn the picture a quarter: width and height swap.
_QUARTER_TURNS = {5, 6, 7, 8}
_EXIF_ORIENTATION = 0x0112


@dataclass(frozen=True)
class ImageInfo:
    """Pixel size and media type of an image file, as a browser shows it."""

    width: int
    height: int
    mime: str


@dataclass(frozen=True)
class ShareImage:
    """The picture shown when a page is shared."""

    url: str  # site-relative, e.g. "images/2024/hoi-nghi.jpg"
    width: int
    height: int
    mime: str
    alt: str


class UnreadableImage(ValueError):
    """The file exists but is not an image Pillow can read."""


_cache: dict[tuple[str, int, int], ImageInfo] = {}


def image_info(path: Path) -> ImageInfo:
    """Size and type of ``path``; cached per file (path, size, mtime).

    Raises ``FileNotFoundError`` if missing, :class:`UnreadableImage` if broken.
    """
    stat = path.stat()
    key = (str(path), stat.st_size, stat.st_mtime_ns)
    cached = _cache.get(key)
    if cached is not None:
        return cached
    try:
        with Image.open(path) as picture:
            width, height = picture.size
            mime = Image.MIME.get(picture.format or "", "application/octet-stream")
            orientation = picture.getexif().get(_EXIF_ORIENTATION)
    except (UnidentifiedImageError, OSError, SyntaxError) as error:
        raise UnreadableImage(str(error)) from error
    if orientation in _QUARTER_TURNS:
        width, height = height, width
    info = ImageInfo(width, height, mime)
    _cache[key] = info
    return info


def site_path(reference: str) -> str:
    """``{static}/images/a.jpg`` or ``/images/a.jpg`` -> ``images/a.jpg``."""
    return _PELICAN_PREFIX.sub("", reference.strip(), count=1)


def first_body_image(html: str) -> str | None:
    """Site path of the first local image in an article body, if any."""
    match = _FIRST_IMG.search(html or "")
    if not match:
        return None
    src = match.group("src")
    if "://" in src or src.startswith(("//", "data:")):
        return None  # not a file of this site
    return site_path(src.split("?", 1)[0].split("#", 1)[0])


def candidates(content) -> list[tuple[str, str, bool]]:
    """``(site path, alt text, from Image: metadata)`` in order of preference."""
    found = []
    featured = getattr(content, "image_url", None)
    if featured:
        found.append((featured, getattr(content, "image_alt", "") or "", True))
    body = first_body_image(getattr(content, "_content", "") or "")
    if body and body != featured:
        found.append((body, "", False))
    return found
