"""Smaller copies of a photo, made once with Pillow and cached by content.

A copy's name carries a digest of the original's bytes and of the encoder
settings, so a rebuild finds it in the cache (``CACHE_PATH/responsive_images``)
and only links it into the output; a replaced photo gets new names, so no
reader's browser keeps showing the old one. Copies carry no EXIF data: a
camera's GPS position never reaches the public site.
"""

from __future__ import annotations

import hashlib
import json
import os
import shutil
import tempfile
from dataclasses import dataclass
from pathlib import Path, PurePosixPath

from PIL import Image, ImageOps, UnidentifiedImageError

from portal_core.text import slugify_vi

# Changes whenever copies are made differently, so old cached copies are not reused.
ENCODER_VERSION = "1"
RASTER_SUFFIXES = {".jpg", ".jpeg", ".png", ".webp"}
MIME = {"jpeg": "image/jpeg", "png": "image/png", "webp": "image/webp"}
_QUARTER_TURNS = {5, 6, 7, 8}
_EXIF_ORIENTATION = 0x0112


class UnreadablePhoto(ValueError):
    """The file exists but Pillow cannot read it as a picture."""


@dataclass(frozen=True)
class Source:
    """An original picture, as a browser shows it (EXIF orientation applied)."""

    path: Path
    url: str  # site path, e.g. "images/2023/hoi-nghi.jpg"
    digest: str
    width: int
    height: int
    alpha: bool


@dataclass(frozen=True)
class Variant:
    """One smaller copy of a source."""

    url: str  # site path, e.g. "co-nho/images/2023/hoi-nghi-ab12cd34ef-800.webp"
    width: int
    height: int
    format: str  # "webp", "jpeg" or "png"

    @property
    def cache_name(self) -> str:
        return PurePosixPath(self.url).name


def plan_widths(width: int, widths: list[int]) -> list[int]:
    """Widths to make for a picture ``width`` pixels wide: never wider than it."""
    chosen = {w for w in widths if w < width}
    chosen.add(min(width, max(widths)))
    return sorted(chosen)


def plan(source: Source, widths: list[int], folder: str) -> list[Variant]:
    """Every copy of ``source``: WebP, then JPEG (PNG if it is transparent)."""
    original = PurePosixPath(source.url)
    stem = slugify_vi(original.stem) or "anh"
    parent = PurePosixPath(folder) / original.parent
    fallback = "png" if source.alpha else "jpeg"
    found = []
    for kind in ("webp", fallback):
        suffix = "jpg" if kind == "jpeg" else kind
        for width in plan_widths(source.width, widths):
            height = max(1, round(source.height * width / source.width))
            url = (parent / f"{stem}-{source.digest}-{width}.{suffix}").as_posix()
            found.append(Variant(url, width, height, kind))
    return found


def _read_header(path: Path) -> tuple[int, int, bool]:
    try:
        with Image.open(path) as picture:
            width, height = picture.size
            orientation = picture.getexif().get(_EXIF_ORIENTATION)
            alpha = picture.mode in {"RGBA", "LA", "PA"} or "transparency" in picture.info
    except (UnidentifiedImageError, OSError, SyntaxError) as error:
        raise UnreadablePhoto(str(error)) from error
    if orientation in _QUARTER_TURNS:
        width, height = height, width
    return width, height, alpha


class SourceIndex:
    """Reads originals once per build; remembers them across builds in a manifest.

    The manifest (size, mtime -> digest, pixel size) spares re-reading every
    photo of a large site on each build; a CI checkout that resets mtimes
    only costs one re-read.
    """

    def __init__(self, cache: Path, salt: str) -> None:
        self.cache = cache
        self.salt = salt
        self._manifest_path = cache / "manifest.json"
        try:
            self._manifest = json.loads(self._manifest_path.read_text(encoding="utf-8"))
        except (OSError, ValueError):
            self._manifest = {}
        self._changed = False

    def read(self, path: Path, url: str) -> Source:
        """The source at ``path`` (raises ``OSError`` or :class:`UnreadablePhoto`)."""
        stat = path.stat()
        key = str(path)
        stamp = [stat.st_size, stat.st_mtime_ns, self.salt]
        known = self._manifest.get(key)
        if known and known[:3] == stamp:
            digest, width, height, alpha = known[3:]
        else:
            data = path.read_bytes()
            digest = hashlib.sha256(self.salt.encode() + data).hexdigest()[:10]
            width, height, alpha = _read_header(path)
            self._manifest[key] = [*stamp, digest, width, height, alpha]
            self._changed = True
        return Source(path, url, digest, width, height, bool(alpha))

    def save(self) -> None:
        """Write the manifest back if anything new was read."""
        if self._changed:
            _write_atomic(self._manifest_path, json.dumps(self._manifest).encode())
            self._changed = False


def _write_atomic(target: Path, data: bytes) -> None:
    target.parent.mkdir(parents=True, exist_ok=True)
    handle, temporary = tempfile.mkstemp(dir=target.parent, prefix=".tmp-")
    with os.fdopen(handle, "wb") as stream:
        stream.write(data)
    Path(temporary).replace(target)


def _save_options(variant: Variant, quality: dict[str, int], icc: bytes | None) -> dict:
    options: dict = {"icc_profile": icc} if icc else {}
    if variant.format == "jpeg":
        options |= {"quality": quality["jpeg"], "optimize": True, "progressive": True}
    elif variant.format == "webp":
        options |= {"quality": quality["webp"], "method": 4}
    else:
        options |= {"optimize": True}
    return options


def make(source: Source, variants: list[Variant], cache: Path, quality: dict[str, int]) -> int:
    """Encode the copies missing from ``cache``; return how many were made.

    The original is decoded once (JPEG at a reduced scale when that is enough),
    then shrunk step by step from the largest copy to the smallest.
    """
    missing = [v for v in variants if not (cache / v.cache_name).is_file()]
    if not missing:
        return 0
    largest = max(missing, key=lambda v: v.width)
    try:
        with Image.open(source.path) as opened:
            turned = opened.getexif().get(_EXIF_ORIENTATION) in _QUARTER_TURNS
            size = (largest.height, largest.width) if turned else (largest.width, largest.height)
            opened.draft("RGB", size)  # JPEG only: decode at 1/2, 1/4... when large enough
            icc = opened.info.get("icc_profile")
            picture = ImageOps.exif_transpose(opened).convert("RGBA" if source.alpha else "RGB")
    except (UnidentifiedImageError, OSError, SyntaxError) as error:
        raise UnreadablePhoto(str(error)) from error
    for width in sorted({v.width for v in missing}, reverse=True):
        height = next(v.height for v in missing if v.width == width)
        if picture.size != (width, height):
            picture = picture.resize((width, height), Image.Resampling.LANCZOS, reducing_gap=3.0)
        for variant in (v for v in missing if v.width == width):
            handle, temporary = tempfile.mkstemp(dir=cache, prefix=".tmp-")
            os.close(handle)
            kind = "JPEG" if variant.format == "jpeg" else variant.format.upper()
            picture.save(temporary, kind, **_save_options(variant, quality, icc))
            Path(temporary).replace(cache / variant.cache_name)
    return len(missing)


def install(variant: Variant, cache: Path, output: Path) -> None:
    """Put a cached copy in the output folder (a hard link where possible)."""
    target = output / variant.url
    cached = cache / variant.cache_name
    if target.is_file() and target.stat().st_size == cached.stat().st_size:
        return
    target.parent.mkdir(parents=True, exist_ok=True)
    target.unlink(missing_ok=True)
    try:
        os.link(cached, target)
    except OSError:  # another file system, or links not allowed
        shutil.copyfile(cached, target)
