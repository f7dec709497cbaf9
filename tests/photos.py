"""Camera-like photos made with Pillow for the image tests (no files checked in)."""

from __future__ import annotations

import io
import random

from PIL import Image, ImageDraw

_EXIF_ORIENTATION = 0x0112
_GPS_INFO = 0x8825


def camera_photo(width: int, height: int, seed: int, orientation: int | None = None) -> bytes:
    """A JPEG as a phone camera writes it: large, detailed, with EXIF (and GPS).

    Grain keeps it heavy, as real photos are; shapes make scaling visible. The
    same arguments always give the same bytes.
    """
    small = (max(1, width // 3), max(1, height // 3))
    grain = random.Random(seed).randbytes(small[0] * small[1] * 3)
    picture = Image.frombytes("RGB", small, grain).resize((width, height), Image.BILINEAR)
    draw = ImageDraw.Draw(picture)
    step = max(width, height) // 8
    for index in range(8):
        x = (index * step + seed * 37) % width
        draw.ellipse(
            (x, height // 4, x + step, height // 4 + step), fill=(200, 30 + 20 * index, 40)
        )
    exif = Image.Exif()
    exif[0x010F] = "Test camera"  # Make
    exif[_GPS_INFO] = {1: "N", 2: (16.0, 4.0, 12.0)}
    if orientation:
        exif[_EXIF_ORIENTATION] = orientation
    out = io.BytesIO()
    picture.save(out, "JPEG", quality=92, exif=exif)
    return out.getvalue()
