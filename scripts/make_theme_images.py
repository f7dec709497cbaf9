"""Draw the theme's raster pictures: the fallback share image and the logo.

Social networks and search engines need PNG/JPEG (not the SVG emblem), so
the emblem is redrawn here with Pillow. Run once after changing the design:

    .venv/bin/python scripts/make_theme_images.py
"""

from __future__ import annotations

import math
from pathlib import Path

from PIL import Image, ImageDraw, ImageFont

ROOT = Path(__file__).resolve().parent.parent
IMG = ROOT / "theme" / "static" / "img"
GOLD = (244, 197, 66)
RED = (200, 16, 46)
DARK_RED = (150, 10, 32)
BLUE = (31, 95, 174)
WHITE = (255, 255, 255)
SCALE = 4  # draw large, then shrink: smooth edges without an anti-aliasing API
FONT = Path("/usr/share/fonts/truetype/dejavu/DejaVuSans-Bold.ttf")
FONT_REGULAR = Path("/usr/share/fonts/truetype/dejavu/DejaVuSans.ttf")


def star(cx: float, cy: float, outer: float, inner: float) -> list[tuple[float, float]]:
    """The ten corners of a five-pointed star, point up."""
    points = []
    for index in range(10):
        radius = outer if index % 2 == 0 else inner
        angle = math.pi / 2 + index * math.pi / 5
        points.append((cx + radius * math.cos(angle), cy - radius * math.sin(angle)))
    return points


def draw_emblem(draw: ImageDraw.ImageDraw, cx: float, cy: float, size: float) -> None:
    """The emblem of emblem.svg (64 units wide) drawn ``size`` pixels wide."""
    unit = size / 64

    def box(r: float) -> tuple[float, float, float, float]:
        return (cx - r * unit, cy - r * unit, cx + r * unit, cy + r * unit)

    draw.ellipse(box(31), fill=GOLD)
    draw.ellipse(box(27), fill=RED)
    draw.polygon(star(cx, cy - 2.8 * unit, 14.2 * unit, 5.6 * unit), fill=GOLD)
    for radius, top, colour, width in ((19, 12, GOLD, 3), (14, 17, BLUE, 2.5)):
        left = (cx - radius * unit, cy + top * unit - 8 * unit)
        arc_box = (*left, cx + radius * unit, cy + top * unit + 8 * unit)
        draw.arc(arc_box, 20, 160, fill=colour, width=round(width * unit))


def shrink(picture: Image.Image) -> Image.Image:
    """Scale the large drawing down and keep a small palette (small PNG)."""
    size = (picture.width // SCALE, picture.height // SCALE)
    small = picture.resize(size, Image.Resampling.LANCZOS)
    return small.quantize(colors=64, method=Image.Quantize.MEDIANCUT, dither=Image.Dither.NONE)


def logo() -> Image.Image:
    side = 512 * SCALE
    picture = Image.new("RGB", (side, side), WHITE)
    draw_emblem(ImageDraw.Draw(picture), side / 2, side / 2, side * 0.94)
    return shrink(picture)


def share_default() -> Image.Image:
    width, height = 1200 * SCALE, 630 * SCALE
    picture = Image.new("RGB", (width, height), DARK_RED)
    draw = ImageDraw.Draw(picture)
    draw.rectangle((0, height - 24 * SCALE, width, height), fill=GOLD)
    draw_emblem(draw, 250 * SCALE, 300 * SCALE, 360 * SCALE)
    title = ImageFont.truetype(str(FONT), 62 * SCALE)
    subtitle = ImageFont.truetype(str(FONT_REGULAR), 38 * SCALE)
    draw.text((480 * SCALE, 215 * SCALE), "Cổng thông tin", font=title, fill=WHITE)
    draw.text((480 * SCALE, 300 * SCALE), "điện tử", font=title, fill=WHITE)
    draw.text((480 * SCALE, 405 * SCALE), "Tin tức · Thông báo · Văn bản", font=subtitle, fill=GOLD)
    return shrink(picture)


def main() -> None:
    logo().save(IMG / "logo.png", optimize=True)
    share_default().save(IMG / "share-default.png", optimize=True)


if __name__ == "__main__":
    main()
