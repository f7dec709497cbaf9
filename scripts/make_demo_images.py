"""Draw the demo photos of the sample site (content/images/).

Every picture is an original flat illustration drawn here with Pillow: no
network, no downloaded asset, no font. The output is deterministic (fixed
seeds), so running the script again rewrites the same files:

    python scripts/make_demo_images.py

Pictures are drawn at twice their size and scaled down, which smooths the
edges of the shapes.
"""

# Drawing helpers take coordinates positionally, as ImageDraw does.
# ruff: noqa: PLR0912, PLR0915, PLR0917

from __future__ import annotations

import itertools
import math
import random
import zlib
from pathlib import Path

from PIL import Image, ImageDraw

ROOT = Path(__file__).resolve().parent.parent
IMAGES = ROOT / "content" / "images"

W, H = 1200, 800
S = 2  # supersampling factor
JPEG_QUALITY = 80
MAX_BYTES = 120_000

# --- Palette -----------------------------------------------------------------
RED = (206, 32, 41)
DARK_RED = (150, 20, 28)
GOLD = (255, 204, 0)
CREAM = (250, 244, 228)
WHITE = (250, 250, 247)
WOOD = (150, 96, 56)
DARK_WOOD = (110, 68, 38)
GREEN = (76, 160, 80)
DARK_GREEN = (46, 118, 60)
LEAF = (104, 184, 92)
YOUTH = (0, 150, 96)  # the green shirt of youth volunteers
SKINS = [(243, 200, 164), (230, 178, 138), (212, 156, 114), (196, 138, 98)]
HAIRS = [(38, 30, 28), (52, 40, 34), (30, 26, 26), (72, 52, 40)]
GREY_HAIR = [(196, 196, 196), (220, 220, 216), (168, 168, 164)]
SHIRTS = [
    (245, 245, 240),
    (70, 120, 190),
    (150, 190, 228),
    (226, 92, 80),
    (240, 190, 60),
    (120, 170, 120),
    (232, 140, 160),
    (150, 120, 190),
    (236, 236, 226),
    (90, 90, 110),
]
PANTS = [(50, 56, 74), (40, 44, 58), (70, 80, 110), (92, 84, 76), (30, 34, 44)]


def mix(a, b, t):
    """Blend two colours: t = 0 gives a, t = 1 gives b."""
    return tuple(round(x + (y - x) * t) for x, y in zip(a, b, strict=True))


def shade(c, t):
    """Darker (t < 0) or lighter (t > 0) version of a colour."""
    return mix(c, (0, 0, 0), -t) if t < 0 else mix(c, (255, 255, 255), t)


class Pen:
    """ImageDraw in picture coordinates (1200 x 800), drawn S times larger."""

    def __init__(self, w: int = W, h: int = H, bg=WHITE):
        self.w, self.h = w, h
        self.img = Image.new("RGB", (w * S, h * S), bg)
        self.d = ImageDraw.Draw(self.img)

    @staticmethod
    def _pts(pts):
        return [(x * S, y * S) for x, y in pts]

    def rect(self, x0, y0, x1, y1, fill, r=0):
        box = (x0 * S, y0 * S, x1 * S, y1 * S)
        if r:
            self.d.rounded_rectangle(box, radius=r * S, fill=fill)
        else:
            self.d.rectangle(box, fill=fill)

    def ellipse(self, x0, y0, x1, y1, fill):
        self.d.ellipse((x0 * S, y0 * S, x1 * S, y1 * S), fill=fill)

    def circle(self, cx, cy, r, fill):
        self.ellipse(cx - r, cy - r, cx + r, cy + r, fill)

    def poly(self, pts, fill):
        self.d.polygon(self._pts(pts), fill=fill)

    def line(self, pts, fill, width=2):
        self.d.line(self._pts(pts), fill=fill, width=max(1, round(width * S)), joint="curve")

    def pieslice(self, x0, y0, x1, y1, start, end, fill):
        self.d.pieslice((x0 * S, y0 * S, x1 * S, y1 * S), start, end, fill=fill)

    def vgradient(self, x0, y0, x1, y1, top, bottom):
        for yy in range(round(y0 * S), round(y1 * S)):
            t = (yy - y0 * S) / max(1, (y1 - y0) * S - 1)
            self.d.line([(x0 * S, yy), (x1 * S - 1, yy)], fill=mix(top, bottom, t))

    def result(self) -> Image.Image:
        return self.img.resize((self.w, self.h), Image.Resampling.LANCZOS)


# --- Shapes ----------------------------------------------------------------------


def star_points(cx, cy, r, rotation=-90.0):
    pts = []
    for i in range(10):
        radius = r if i % 2 == 0 else r * 0.382
        a = math.radians(rotation + i * 36)
        pts.append((cx + radius * math.cos(a), cy + radius * math.sin(a)))
    return pts


def star(pen, cx, cy, r, fill=GOLD):
    pen.poly(star_points(cx, cy, r), fill)


def vn_flag(pen, x, y, w, pole=0, wave=0.0):
    """The national flag, top-left corner at (x, y); pole length below it."""
    h = w * 2 / 3
    if pole:
        pen.rect(x - 4, y - 4, x, y + pole, (120, 120, 120))
    if wave:
        pts = [(x, y)]
        for i in range(11):
            px = x + w * i / 10
            pts.append((px, y + math.sin(i / 10 * math.pi * 2) * wave))
        for i in range(10, -1, -1):
            px = x + w * i / 10
            pts.append((px, y + h + math.sin(i / 10 * math.pi * 2) * wave))
        pen.poly(pts, RED)
    else:
        pen.rect(x, y, x + w, y + h, RED)
    star(pen, x + w / 2, y + h / 2 + (math.sin(math.pi) * wave), h * 0.3)


def text_bars(pen, cx, y, widths, h, color=GOLD, gap=10):
    """A line of 'words' as bars: stands in for the lettering of a banner."""
    total = sum(widths) + gap * (len(widths) - 1)
    x = cx - total / 2
    for w in widths:
        pen.rect(x, y, x + w, y + h, color, r=h * 0.2)
        x += w + gap


def banner(pen, x0, y0, x1, y1, rng, color=RED, bars=GOLD, rows=2):
    pen.rect(x0, y0, x1, y1, color)
    pen.rect(x0, y0, x1, y0 + 4, shade(color, -0.25))
    pen.rect(x0, y1 - 4, x1, y1, shade(color, -0.25))
    inner = y1 - y0 - 8
    bh = inner / (rows * 2 + 0.5)
    for i in range(rows):
        n = rng.randint(4, 7)
        span = (x1 - x0) * (0.8 if i == 0 else 0.6)
        widths = [rng.uniform(0.6, 1.4) for _ in range(n)]
        k = (span - 10 * (n - 1)) / sum(widths)
        text_bars(
            pen, (x0 + x1) / 2, y0 + 4 + bh * (0.75 + 2 * i), [w * k for w in widths], bh, bars
        )


def cloud(pen, cx, cy, s, fill=(255, 255, 255)):
    pen.ellipse(cx - s, cy - s * 0.45, cx + s, cy + s * 0.35, fill)
    pen.circle(cx - s * 0.35, cy - s * 0.35, s * 0.42, fill)
    pen.circle(cx + s * 0.25, cy - s * 0.45, s * 0.5, fill)


def tree(pen, x, y, s, green=GREEN, trunk=WOOD):
    pen.rect(x - s * 0.08, y - s * 0.9, x + s * 0.08, y, trunk)
    dark = shade(green, -0.2)
    for dx, dy, r, c in (
        (-0.35, -1.0, 0.42, dark),
        (0.35, -1.0, 0.42, dark),
        (0.0, -1.35, 0.5, green),
        (-0.3, -1.15, 0.4, green),
        (0.3, -1.15, 0.4, shade(green, 0.08)),
    ):
        pen.circle(x + dx * s, y + dy * s, r * s, c)


def palm(pen, x, y, s):
    pen.line(
        [(x, y), (x + s * 0.1, y - s * 0.6), (x + s * 0.05, y - s * 1.2)], (130, 100, 70), s * 0.08
    )
    top = (x + s * 0.05, y - s * 1.2)
    for a in (-160, -130, -100, -70, -40, -10):
        r = math.radians(a)
        end = (top[0] + math.cos(r) * s * 0.6, top[1] + math.sin(r) * s * 0.35 + s * 0.15)
        pen.line([top, end], DARK_GREEN, s * 0.07)


def sapling(pen, x, y, h):
    pen.line([(x + 6, y), (x + 6, y - h * 1.05)], (190, 160, 110), 2.5)
    pen.line([(x, y), (x, y - h)], (110, 80, 50), 3)
    for i, (dx, dy) in enumerate(((-1, -0.9), (1, -0.8), (-1, -0.65), (1, -0.5), (0, -1.02))):
        c = LEAF if i % 2 else GREEN
        pen.ellipse(
            x + dx * h * 0.22 - h * 0.13,
            y + dy * h - h * 0.06,
            x + dx * h * 0.22 + h * 0.13,
            y + dy * h + h * 0.06,
            c,
        )
    pen.ellipse(x - h * 0.25, y - 6, x + h * 0.25, y + 6, (120, 84, 54))


def house(pen, x, y, w, h, wall, roof, door=(120, 80, 50), flat=False):
    """A small town house; (x, y) is the bottom-left corner."""
    pen.rect(x, y - h, x + w, y, wall)
    pen.rect(x, y - h, x + w * 0.06, y, shade(wall, -0.08))
    if flat:
        pen.rect(x - 8, y - h - 16, x + w + 8, y - h, shade(wall, -0.15))
    else:
        pen.poly([(x - 18, y - h), (x + w + 18, y - h), (x + w / 2, y - h - h * 0.55)], roof)
        pen.poly(
            [(x - 18, y - h), (x + w + 18, y - h), (x + w + 10, y - h + 10), (x - 10, y - h + 10)],
            shade(roof, -0.2),
        )
    dw = w * 0.22
    pen.rect(x + w / 2 - dw / 2, y - h * 0.55, x + w / 2 + dw / 2, y, door)
    pen.rect(x + w / 2 - 2, y - h * 0.55, x + w / 2 + 2, y, shade(door, -0.3))
    for wx in (x + w * 0.12, x + w * 0.68):
        pen.rect(wx, y - h * 0.62, wx + w * 0.2, y - h * 0.3, (120, 170, 205))
        pen.rect(wx + w * 0.095, y - h * 0.62, wx + w * 0.105, y - h * 0.3, WHITE)


def tent(pen, x0, x1, top, ground, color, trim=WHITE):
    roof_h = 50
    pen.poly([(x0 + 30, top), (x1 - 30, top), (x1, top + roof_h), (x0, top + roof_h)], color)
    n = max(4, round((x1 - x0) / 50))
    step = (x1 - x0) / n
    for i in range(n):
        c = trim if i % 2 == 0 else color
        pen.pieslice(
            x0 + i * step,
            top + roof_h - step / 2,
            x0 + (i + 1) * step,
            top + roof_h + step / 2,
            0,
            180,
            c,
        )
    for px in (x0 + 6, x1 - 10):
        pen.rect(px, top + roof_h, px + 5, ground, (170, 170, 170))


def bunting(pen, x0, y0, x1, y1, sag, rng, colors=(RED, GOLD, (40, 120, 200), (0, 150, 96))):
    """A string of triangle flags hanging between two points."""
    n = max(6, round(abs(x1 - x0) / 34))
    pts = []
    for i in range(n + 1):
        t = i / n
        pts.append((x0 + (x1 - x0) * t, y0 + (y1 - y0) * t + sag * 4 * t * (1 - t)))
    pen.line(pts, (90, 90, 90), 1.5)
    for i in range(n):
        (ax, ay), (bx, by) = pts[i], pts[i + 1]
        pen.poly(
            [(ax + 2, ay), (bx - 2, by), ((ax + bx) / 2, (ay + by) / 2 + 26)],
            colors[i % len(colors)],
        )


def lantern_round(pen, cx, cy, r, color=RED):
    pen.line([(cx, cy - r * 2.2), (cx, cy - r)], (80, 60, 40), 1.5)
    pen.rect(cx - r * 0.4, cy - r * 1.12, cx + r * 0.4, cy - r * 0.85, GOLD)
    pen.ellipse(cx - r, cy - r * 0.95, cx + r, cy + r * 0.95, color)
    pen.ellipse(cx - r * 0.45, cy - r * 0.95, cx + r * 0.45, cy + r * 0.95, shade(color, 0.15))
    pen.rect(cx - r * 0.4, cy + r * 0.85, cx + r * 0.4, cy + r * 1.12, GOLD)
    for i in range(5):
        pen.line(
            [
                (cx - r * 0.3 + i * r * 0.15, cy + r * 1.12),
                (cx - r * 0.3 + i * r * 0.15, cy + r * 1.8),
            ],
            GOLD,
            1.5,
        )


# --- People ----------------------------------------------------------------------


def pick(rng, seq):
    return seq[rng.randrange(len(seq))]


def person(
    pen,
    x,
    y,
    h,
    rng,
    shirt=None,
    pants=None,
    skin=None,
    hair=None,
    long_hair=None,
    arm="down",
    hat=False,
    back=False,
    item=None,
    skirt=False,
):
    """A standing figure, feet at (x, y), h tall.

    arm: "down", "up" (right arm raised), "both_up", "forward" (right arm held out),
    "mic" (right hand at the chin). item: None, "card", "flag", "bag", "box", "mic".
    """
    shirt = shirt or pick(rng, SHIRTS)
    pants = pants or pick(rng, PANTS)
    skin = skin or pick(rng, SKINS)
    hair = hair or pick(rng, HAIRS)
    if long_hair is None:
        long_hair = rng.random() < 0.4
    r = h * 0.085
    hy = y - h + r
    top = hy + r * 1.05
    torso = h * 0.37
    sw = h * 0.25
    legs_top = top + torso - 4
    aw = sw * 0.2
    sleeve = shade(shirt, -0.1)

    if long_hair and not hat:
        pen.rect(x - r * 1.05, hy, x + r * 1.05, top + torso * 0.35, hair, r=r * 0.6)
    # legs, shoes
    if skirt:
        pen.poly(
            [
                (x - sw * 0.4, legs_top),
                (x + sw * 0.4, legs_top),
                (x + sw * 0.55, y - h * 0.14),
                (x - sw * 0.55, y - h * 0.14),
            ],
            pants,
        )
        pen.rect(x - sw * 0.3, y - h * 0.15, x - sw * 0.1, y, skin)
        pen.rect(x + sw * 0.1, y - h * 0.15, x + sw * 0.3, y, skin)
    else:
        pen.rect(x - sw * 0.42, legs_top, x - sw * 0.04, y, pants)
        pen.rect(x + sw * 0.04, legs_top, x + sw * 0.42, y, pants)
    pen.ellipse(x - sw * 0.5, y - 5, x - sw * 0.02, y + 3, (40, 36, 34))
    pen.ellipse(x + sw * 0.02, y - 5, x + sw * 0.5, y + 3, (40, 36, 34))
    # left arm (viewer's left), always down
    pen.rect(
        x - sw / 2 - aw * 0.75,
        top + 2,
        x - sw / 2 + aw * 0.4,
        top + torso * 0.95,
        sleeve,
        r=aw * 0.5,
    )
    pen.circle(x - sw / 2 - aw * 0.2, top + torso * 0.98, aw * 0.55, skin)
    if arm == "both_up":
        pen.poly(
            [
                (x - sw / 2, top + 6),
                (x - sw / 2 + aw * 0.9, top + 10),
                (x - sw * 0.75, top - h * 0.3),
                (x - sw * 0.95, top - h * 0.28),
            ],
            sleeve,
        )
        pen.circle(x - sw * 0.86, top - h * 0.31, aw * 0.55, skin)
    # torso
    pen.rect(x - sw / 2, top, x + sw / 2, legs_top + 6, shirt, r=sw * 0.22)
    pen.poly([(x - sw * 0.12, top), (x + sw * 0.12, top), (x, top + sw * 0.2)], shade(shirt, -0.18))
    # right arm
    rx = x + sw / 2
    if arm in ("up", "both_up"):
        pen.poly(
            [
                (rx - aw * 0.9, top + 10),
                (rx, top + 6),
                (rx + sw * 0.45, top - h * 0.28),
                (rx + sw * 0.25, top - h * 0.3),
            ],
            sleeve,
        )
        hand = (rx + sw * 0.36, top - h * 0.31)
    elif arm == "forward":
        pen.poly(
            [
                (rx - aw * 0.5, top + 4),
                (rx + aw * 0.5, top + 8),
                (rx + sw * 0.75, top + torso * 0.45),
                (rx + sw * 0.7, top + torso * 0.58),
            ],
            sleeve,
        )
        hand = (rx + sw * 0.78, top + torso * 0.52)
    elif arm == "mic":
        pen.poly(
            [
                (rx - aw * 0.4, top + 4),
                (rx + aw * 0.6, top + 10),
                (rx + aw * 0.2, top + torso * 0.55),
                (rx - aw * 0.6, top + torso * 0.5),
            ],
            sleeve,
        )
        pen.poly(
            [
                (rx - aw * 0.6, top + torso * 0.5),
                (rx + aw * 0.2, top + torso * 0.55),
                (x + r * 0.3, hy + r * 1.1),
                (x + r * 0.1, hy + r * 0.8),
            ],
            sleeve,
        )
        hand = (x + r * 0.35, hy + r * 1.05)
    else:
        pen.rect(rx - aw * 0.4, top + 2, rx + aw * 0.75, top + torso * 0.95, sleeve, r=aw * 0.5)
        hand = (rx + aw * 0.2, top + torso * 0.98)
    # neck, head
    pen.rect(x - r * 0.35, hy + r * 0.6, x + r * 0.35, top + 4, shade(skin, -0.08))
    if back:
        pen.circle(x, hy, r * 1.02, hair)
    else:
        pen.circle(x, hy - r * 0.08, r * 1.02, hair)
        pen.ellipse(x - r * 0.9, hy - r * 0.62, x + r * 0.9, hy + r * 0.98, skin)
        pen.pieslice(x - r * 1.02, hy - r * 1.1, x + r * 1.02, hy + r * 0.5, 180, 360, hair)
    if hat:
        pen.poly(
            [(x - r * 2.1, hy - r * 0.35), (x + r * 2.1, hy - r * 0.35), (x, hy - r * 2.3)],
            (236, 214, 150),
        )
        pen.line([(x - r * 2.1, hy - r * 0.35), (x + r * 2.1, hy - r * 0.35)], (200, 176, 110), 2)
    # item, hand
    hx, hy2 = hand
    if item == "card":
        pen.rect(hx - aw * 0.9, hy2 - aw * 2.2, hx + aw * 0.9, hy2 - aw * 0.3, RED)
    elif item == "flag":
        pen.line([(hx, hy2 + aw), (hx, hy2 - h * 0.35)], (110, 110, 110), 2)
        vn_flag(pen, hx, hy2 - h * 0.35, h * 0.22)
    elif item == "mic":
        pen.rect(hx - 3, hy2 - 12, hx + 3, hy2 + 6, (30, 30, 30), r=3)
        pen.circle(hx, hy2 - 13, 5, (60, 60, 60))
    elif item == "bag":
        pen.ellipse(hx - aw * 1.6, hy2, hx + aw * 1.6, hy2 + aw * 3.6, (40, 44, 50))
    elif item == "box":
        pen.rect(hx - aw * 2.5, hy2 - aw * 1.5, hx + aw * 0.5, hy2 + aw * 1.2, RED)
        pen.rect(hx - aw * 1.15, hy2 - aw * 1.5, hx - aw * 0.85, hy2 + aw * 1.2, GOLD)
    pen.circle(hx, hy2, aw * 0.55, skin)


def seated_back(pen, x, y, s, rng, shirt=None, hair=None, card=False):
    """Someone seen from behind in an audience row; (x, y) is the shoulder line."""
    shirt = shirt or pick(rng, SHIRTS)
    hair = hair or (pick(rng, GREY_HAIR) if rng.random() < 0.25 else pick(rng, HAIRS))
    if card:
        side = rng.choice((-1, 1))
        pen.line(
            [(x + side * s * 0.7, y + s * 0.3), (x + side * s * 0.95, y - s * 1.5)],
            shade(shirt, -0.1),
            s * 0.32,
        )
        pen.rect(
            x + side * s * 0.95 - s * 0.28,
            y - s * 2.0,
            x + side * s * 0.95 + s * 0.28,
            y - s * 1.5,
            RED,
        )
    pen.ellipse(x - s, y, x + s, y + s * 1.9, shirt)
    pen.rect(x - s * 0.25, y - s * 0.25, x + s * 0.25, y + s * 0.2, pick(rng, SKINS))
    pen.circle(x, y - s * 0.45, s * 0.55, hair)


def seated_front(pen, x, y, s, rng, shirt=None, hair=None):
    """Someone seated behind a table, seen from the front; y is the table top."""
    shirt = shirt or pick(rng, SHIRTS)
    hair = hair or (pick(rng, GREY_HAIR) if rng.random() < 0.2 else pick(rng, HAIRS))
    skin = pick(rng, SKINS)
    pen.rect(x - s, y - s * 1.4, x + s, y + 4, shirt, r=s * 0.4)
    pen.poly(
        [(x - s * 0.25, y - s * 1.4), (x + s * 0.25, y - s * 1.4), (x, y - s * 0.95)],
        shade(shirt, -0.2),
    )
    pen.circle(x, y - s * 1.95, s * 0.62, hair)
    pen.ellipse(x - s * 0.53, y - s * 2.32, x + s * 0.53, y - s * 1.45, skin)
    pen.pieslice(x - s * 0.62, y - s * 2.6, x + s * 0.62, y - s * 1.8, 180, 360, hair)


def flowers(pen, cx, cy, r, rng, colors=((230, 60, 70), (250, 200, 60), (245, 130, 150), WHITE)):
    pen.ellipse(cx - r * 1.4, cy - r * 0.3, cx + r * 1.4, cy + r * 0.7, DARK_GREEN)
    for _ in range(int(r * 1.2)):
        a = rng.uniform(math.pi, 2 * math.pi)
        d = rng.uniform(0, r)
        pen.circle(
            cx + math.cos(a) * d * 1.3, cy + math.sin(a) * d * 0.8, r * 0.22, pick(rng, colors)
        )


# --- Scenes --------------------------------------------------------------------------


def hall(
    pen,
    rng,
    *,
    wall,
    carpet,
    presidium,
    rows,
    cards=False,
    standing_mic=False,
    podium=True,
    bust=True,
    cloth=(200, 40, 48),
):
    """A meeting hall: stage with a red backdrop, presidium table, audience."""
    pen.vgradient(0, 0, W, 540, shade(wall, 0.1), wall)
    pen.vgradient(0, 540, W, H, carpet, shade(carpet, -0.25))
    # side curtains and ceiling lights
    for x0 in (0, W - 90):
        pen.rect(x0, 0, x0 + 90, 560, (150, 36, 44))
        for k in range(5):
            pen.rect(x0 + 8 + k * 17, 0, x0 + 12 + k * 17, 560, (128, 28, 36))
    for lx in range(170, W - 120, 170):
        pen.ellipse(lx - 30, 14, lx + 30, 34, (255, 248, 220))
    # stage
    pen.rect(140, 450, W - 140, 500, (170, 120, 80))
    pen.rect(140, 490, W - 140, 510, (130, 86, 52))
    pen.rect(180, 50, W - 180, 450, RED)
    pen.rect(180, 50, W - 180, 62, DARK_RED)
    # backdrop: emblem and lettering
    pen.circle(300, 150, 62, GOLD)
    pen.circle(300, 150, 54, RED)
    star(pen, 300, 152, 44)
    widths = [rng.uniform(50, 120) for _ in range(6)]
    text_bars(pen, 640, 105, widths, 26)
    widths = [rng.uniform(40, 100) for _ in range(5)]
    text_bars(pen, 640, 150, widths, 34)
    widths = [rng.uniform(30, 80) for _ in range(4)]
    text_bars(pen, 640, 205, widths, 18, color=WHITE)
    # flags on poles either side of the backdrop
    for pole_x, flag_x in ((166, 104), (W - 171, W - 166)):
        pen.rect(pole_x, 60, pole_x + 5, 450, (150, 150, 150))
        vn_flag(pen, flag_x, 70, 62)
    if bust:  # bust on a pedestal, left
        pen.rect(205, 300, 275, 450, (240, 236, 226))
        pen.rect(198, 292, 282, 306, (220, 214, 200))
        pen.pieslice(208, 262, 272, 330, 180, 360, (190, 146, 60))
        pen.rect(233, 254, 247, 270, (176, 134, 52))
        pen.ellipse(223, 222, 257, 262, (206, 160, 70))
        flowers(pen, 240, 440, 26, rng)
    # presidium table and people
    n = len(presidium)
    tx0, tx1 = 640 - 70 * n, 640 + 70 * n
    for i, shirt in enumerate(presidium):
        seated_front(pen, tx0 + 70 + i * 140, 380, 30, rng, shirt=shirt)
    pen.rect(tx0 - 10, 372, tx1 + 10, 384, WHITE)
    pen.rect(tx0, 384, tx1, 450, cloth)
    for i in range(n):
        pen.rect(tx0 + 50 + i * 140, 360, tx0 + 90 + i * 140, 372, WHITE)
    flowers(pen, 640, 446, 30, rng)
    if podium:
        pen.rect(W - 260, 325, W - 250, 335, (40, 40, 40))
        seated_front(pen, W - 230, 345, 28, rng, shirt=(245, 245, 240))
        pen.poly([(W - 280, 340), (W - 180, 340), (W - 190, 450), (W - 270, 450)], WOOD)
        pen.rect(W - 284, 334, W - 176, 346, DARK_WOOD)
        star(pen, W - 230, 390, 16)
    # audience, back rows first
    for row in range(rows):
        t = row / max(1, rows - 1)
        y = 560 + row * 50 + t * t * 40
        s = 17 + row * 5
        step = s * 2.9
        offset = (row % 2) * step / 2
        x = 100 + offset - step
        while x < W - 60:
            if x > 80:
                seated_back(
                    pen, x + rng.uniform(-4, 4), y, s, rng, card=cards and rng.random() < 0.55
                )
            x += step
    if standing_mic:
        person(
            pen,
            985,
            790,
            330,
            rng,
            shirt=(236, 236, 226),
            pants=(52, 56, 70),
            hair=GREY_HAIR[0],
            long_hair=False,
            arm="mic",
            item="mic",
        )


def scene_meeting(rng):
    pen = Pen()
    hall(
        pen,
        rng,
        wall=(238, 226, 200),
        carpet=(170, 60, 60),
        presidium=[WHITE, (70, 120, 190), WHITE],
        rows=5,
    )
    return pen


def scene_congress(rng):
    pen = Pen()
    hall(
        pen,
        rng,
        wall=(232, 222, 206),
        carpet=(120, 70, 90),
        presidium=[WHITE, (60, 80, 120), (245, 245, 240), (60, 80, 120), WHITE],
        rows=6,
        cards=True,
        podium=False,
    )
    return pen


def scene_voters(rng):
    pen = Pen()
    hall(
        pen,
        rng,
        wall=(226, 232, 236),
        carpet=(96, 110, 140),
        presidium=[(70, 120, 190), WHITE, (226, 92, 80)],
        rows=4,
        standing_mic=True,
        bust=False,
        cloth=(40, 100, 170),
    )
    return pen


def ground_and_sky(pen, sky_top, sky_bottom, horizon, ground_top, ground_bottom):
    pen.vgradient(0, 0, W, horizon, sky_top, sky_bottom)
    pen.vgradient(0, horizon, W, H, ground_top, ground_bottom)


def river(pen, y0, y1, rng, color=(90, 160, 210)):
    pen.vgradient(0, y0, W, y1, shade(color, 0.15), color)
    for _ in range(26):
        x = rng.uniform(0, W)
        y = rng.uniform(y0 + 8, y1 - 8)
        pen.line([(x, y), (x + 20, y - 4), (x + 40, y)], shade(color, 0.35), 2)


def scene_tree_planting(rng):
    pen = Pen()
    ground_and_sky(pen, (120, 190, 235), (206, 234, 246), 330, (140, 196, 100), (104, 162, 74))
    pen.circle(1040, 110, 55, (255, 226, 120))
    cloud(pen, 260, 110, 90)
    cloud(pen, 700, 70, 70)
    # far bank and river
    pen.rect(0, 270, W, 300, (126, 176, 110))
    for x in range(20, W, 90):
        tree(pen, x + rng.uniform(-20, 20), 300, 38 + rng.uniform(0, 14), green=(96, 160, 96))
    river(pen, 300, 380, rng)
    # embankment
    pen.rect(0, 380, W, 400, (196, 196, 188))
    pen.rect(0, 400, W, 410, (160, 160, 150))
    for x in range(0, W, 60):
        pen.rect(x, 368, x + 6, 392, (160, 160, 150))
    pen.rect(0, 368, W, 374, (180, 180, 172))
    # banner between poles
    pen.rect(330, 420, 338, 560, (110, 110, 110))
    pen.rect(862, 420, 870, 560, (110, 110, 110))
    banner(pen, 338, 430, 862, 500, rng)
    # saplings and holes
    for i, x in enumerate(range(90, W, 160)):
        y = 640 + (i % 2) * 40
        pen.ellipse(x - 36, y - 8, x + 36, y + 14, (122, 86, 56))
        sapling(pen, x, y, 90 + (i % 3) * 15)
    # people
    person(pen, 210, 770, 230, rng, shirt=YOUTH, hat=False, arm="forward")
    pen.line([(300, 630), (330, 780)], (120, 90, 60), 5)  # spade handle
    pen.poly([(318, 760), (344, 756), (348, 790), (322, 792)], (150, 150, 150))
    person(pen, 560, 785, 250, rng, shirt=YOUTH, long_hair=True, skirt=False)
    person(pen, 700, 775, 220, rng, shirt=WHITE, hair=GREY_HAIR[1], long_hair=False, hat=True)
    person(pen, 960, 790, 245, rng, shirt=YOUTH, arm="forward")
    # watering can
    pen.rect(1040, 700, 1090, 745, (60, 130, 200), r=8)
    pen.line([(1040, 712), (1005, 690)], (60, 130, 200), 6)
    return pen


def scene_house_handover(rng):
    pen = Pen()
    ground_and_sky(pen, (140, 200, 240), (214, 238, 248), 520, (214, 204, 186), (190, 178, 160))
    cloud(pen, 200, 100, 80)
    cloud(pen, 980, 140, 60)
    tree(pen, 110, 520, 150)
    palm(pen, 1110, 520, 240)
    # the new house
    house(pen, 330, 530, 540, 300, (250, 226, 150), (190, 70, 50), door=(140, 90, 60))
    pen.rect(300, 530, 900, 548, (200, 196, 188))
    # red banner across the house front
    banner(pen, 380, 250, 820, 300, rng, rows=1)
    # flowers pots
    for x in (350, 850):
        pen.rect(x - 20, 500, x + 20, 530, (150, 90, 60))
        flowers(pen, x, 500, 22, rng)
    # people handing over a symbolic board
    person(pen, 470, 760, 240, rng, shirt=WHITE, pants=(40, 44, 58), arm="forward", long_hair=False)
    person(
        pen,
        700,
        760,
        225,
        rng,
        shirt=(150, 120, 190),
        hair=GREY_HAIR[0],
        long_hair=True,
        arm="forward",
        skirt=True,
        pants=(60, 60, 80),
    )
    pen.rect(525, 600, 650, 670, WHITE)
    pen.rect(525, 600, 650, 612, RED)
    text_bars(pen, 588, 625, [30, 40, 24], 9, color=RED, gap=6)
    text_bars(pen, 588, 645, [50, 36], 9, color=RED, gap=6)
    person(pen, 250, 775, 230, rng, shirt=(70, 120, 190), long_hair=False)
    person(pen, 930, 780, 235, rng, shirt=YOUTH)
    person(pen, 1060, 790, 210, rng, shirt=(232, 140, 160), long_hair=True, skirt=True)
    return pen


def scene_mid_autumn(rng):
    pen = Pen()
    pen.vgradient(0, 0, W, 560, (20, 28, 70), (60, 50, 110))
    pen.vgradient(0, 560, W, H, (90, 70, 80), (60, 48, 60))
    pen.circle(960, 130, 80, (255, 240, 190))
    pen.circle(990, 110, 14, (246, 226, 170))
    for _ in range(60):
        x, y = rng.uniform(0, W), rng.uniform(0, 420)
        if (x - 960) ** 2 + (y - 130) ** 2 > 110**2:
            pen.circle(x, y, rng.uniform(1, 2.5), (255, 255, 230))
    # houses in silhouette
    x = 0
    while x < W:
        w = rng.uniform(110, 200)
        h = rng.uniform(160, 260)
        pen.rect(x, 560 - h, x + w - 6, 560, (44, 40, 76))
        for wy in range(int(560 - h + 30), 540, 50):
            if rng.random() < 0.6:
                pen.rect(x + 20, wy, x + 42, wy + 24, (250, 210, 110))
        x += w
    # strings of lanterns
    for x0, x1, y0 in ((0, 620, 190), (580, W, 230)):
        pts = [(x0 + (x1 - x0) * t / 10, y0 + 60 * 4 * (t / 10) * (1 - t / 10)) for t in range(11)]
        pen.line(pts, (120, 100, 80), 2)
        for i, (px, py) in enumerate(pts[1:-1]):
            lantern_round(pen, px, py + 30, 16, (RED, (250, 160, 40), (240, 80, 140))[i % 3])
    # children with star lanterns
    kids = [
        (150, 720, 170),
        (300, 750, 185),
        (460, 730, 165),
        (620, 760, 190),
        (780, 735, 170),
        (930, 760, 180),
        (1080, 740, 165),
    ]
    for i, (x, y, h) in enumerate(kids):
        person(pen, x, y, h, rng, arm="up", long_hair=i % 2 == 0, skirt=i % 3 == 0)
        sx, sy = x + h * 0.25 * 0.36 + 4, y - h + h * 0.085 - h * 0.33
        pen.line([(sx, sy + 30), (sx + 10, sy - 40)], (170, 130, 80), 3)
        pen.circle(sx + 30, sy - 68, 48, (96, 78, 112))
        pen.circle(sx + 30, sy - 68, 40, (128, 100, 118))
        star(pen, sx + 30, sy - 70, 34, (RED, (250, 170, 30), (240, 90, 150))[i % 3])
        star(pen, sx + 30, sy - 70, 14, GOLD)
    return pen


def scene_blood_donation(rng):
    pen = Pen()
    ground_and_sky(pen, (150, 205, 240), (220, 240, 250), 420, (206, 206, 200), (180, 180, 176))
    # building behind
    pen.rect(120, 130, 1080, 420, (238, 226, 200))
    for x in range(160, 1060, 110):
        pen.rect(x, 170, x + 60, 240, (150, 190, 220))
        pen.rect(x, 290, x + 60, 360, (150, 190, 220))
    pen.rect(100, 110, 1100, 130, (200, 90, 70))
    # tent
    tent(pen, 70, 1130, 180, 640, (40, 110, 200))
    # banner with a blood drop
    pen.rect(350, 244, 850, 300, WHITE)
    pen.circle(395, 278, 16, RED)
    pen.poly([(381, 272), (409, 272), (395, 246)], RED)
    text_bars(pen, 630, 256, [70, 90, 60, 80], 16, color=RED)
    text_bars(pen, 630, 280, [90, 120, 70], 10, color=(40, 110, 200))
    # donation chairs with donors lying back
    for i, x in enumerate((190, 520, 850)):
        pen.rect(x, 520, x + 230, 548, (80, 90, 110), r=10)
        pen.poly([(x, 520), (x + 40, 520), (x + 10, 440), (x - 20, 446)], (80, 90, 110))
        pen.rect(x + 20, 548, x + 30, 620, (60, 60, 70))
        pen.rect(x + 200, 548, x + 210, 620, (60, 60, 70))
        shirt = pick(rng, SHIRTS)
        pen.rect(x + 20, 496, x + 140, 530, shirt, r=14)
        pen.rect(x + 130, 504, x + 230, 526, pick(rng, PANTS), r=8)
        pen.circle(x + 2, 470, 22, pick(rng, HAIRS))
        pen.circle(x + 8, 474, 18, pick(rng, SKINS))
        # arm and blood bag stand
        pen.line([(x + 60, 512), (x + 120, 540)], pick(rng, SKINS), 9)
        pen.rect(x + 250, 360, x + 254, 620, (150, 150, 150))
        pen.rect(x + 236, 380, x + 262, 420, (190, 30, 40), r=6)
        pen.line([(x + 250, 420), (x + 200, 480), (x + 120, 540)], (190, 30, 40), 2)
        # nurse
        person(
            pen,
            x + 300,
            660,
            210,
            rng,
            shirt=(120, 190, 200),
            pants=(120, 190, 200),
            long_hair=i != 1,
        )
    # queue in front
    for k, x in enumerate((120, 330, 560, 790, 1010)):
        person(pen, x, 800, 190 + (k % 2) * 20, rng, back=True, long_hair=k % 2 == 1)
    return pen


def scene_storm(rng):
    pen = Pen()
    ground_and_sky(pen, (90, 100, 116), (150, 158, 170), 480, (120, 116, 100), (92, 88, 78))
    for cx, cy, s in ((180, 90, 140), (520, 60, 160), (880, 100, 150), (1150, 70, 120)):
        cloud(pen, cx, cy, s, (120, 128, 142))
    # bending trees
    for x in (80, 1130):
        pen.line([(x, 560), (x + 20, 430), (x + 60, 330)], (90, 70, 50), 14)
        for dx, dy in ((60, 330), (90, 350), (40, 300), (110, 320)):
            pen.ellipse(x + dx - 60, dy - 26, x + dx + 40, dy + 26, (70, 120, 80))
    # houses with sandbags on the roof
    house(pen, 190, 560, 320, 190, (226, 220, 200), (120, 120, 130))
    house(pen, 700, 560, 340, 210, (214, 226, 232), (150, 80, 60))
    for hx, hw, hh in ((190, 320, 190), (700, 340, 210)):
        apex = hx + hw / 2
        for t in (0.25, 0.5, 0.75):
            bx = hx - 18 + (hw + 36) * t
            by = 560 - hh - (hh * 0.55) * (1 - abs(bx - apex) / (hw / 2 + 18))
            pen.ellipse(bx - 22, by - 14, bx + 22, by + 8, (206, 190, 150))
    # puddles
    for _ in range(6):
        x, y = rng.uniform(60, 1140), rng.uniform(600, 780)
        pen.ellipse(x - 70, y - 10, x + 70, y + 10, (130, 150, 170))
    # people in raincoats carrying sandbags
    coats = [(250, 200, 40), (240, 110, 40), (40, 110, 200), (250, 200, 40), (0, 150, 96)]
    for i, (x, y, h) in enumerate(
        ((240, 760, 230), (470, 790, 250), (640, 750, 215), (880, 790, 245), (1040, 760, 220))
    ):
        person(
            pen,
            x,
            y,
            h,
            rng,
            shirt=coats[i],
            pants=shade(coats[i], -0.25),
            arm="both_up" if i % 2 == 0 else "down",
            long_hair=False,
        )
        if i % 2 == 0:
            top = y - h + h * 0.085 - h * 0.085
            pen.ellipse(x - 42, top - 44, x + 42, top - 6, (206, 190, 150))
    for x, y in ((430, 640), (770, 650)):
        pen.ellipse(x - 40, y - 16, x + 40, y + 16, (206, 190, 150))
        pen.ellipse(x - 30, y - 34, x + 46, y - 6, (196, 180, 140))
    # rain
    for _ in range(260):
        x, y = rng.uniform(-40, W), rng.uniform(0, H)
        pen.line([(x, y), (x + 10, y + 32)], (210, 220, 235), 1.2)
    return pen


def scene_festival(rng):
    pen = Pen()
    ground_and_sky(pen, (110, 184, 236), (206, 234, 248), 430, (150, 200, 110), (120, 176, 86))
    cloud(pen, 180, 80, 70)
    cloud(pen, 1000, 60, 80)
    # stalls
    for i, x in enumerate(range(30, W, 240)):
        color = (RED, (40, 110, 200), (240, 160, 40), YOUTH, (150, 120, 190))[i % 5]
        tent(pen, x, x + 210, 250, 440, color)
        pen.rect(x + 20, 390, x + 190, 440, WHITE)
        for k in range(4):
            pen.circle(
                x + 45 + k * 40,
                384,
                13,
                pick(rng, ((240, 180, 60), (230, 90, 60), (250, 240, 200), (140, 190, 90))),
            )
    # flag poles and bunting
    poles = [60, 420, 780, 1140]
    for x in poles:
        pen.rect(x - 4, 60, x + 4, 440, (140, 140, 140))
        vn_flag(pen, x + 4, 60, 90, wave=5)
    for a, b in itertools.pairwise(poles):
        bunting(pen, a, 170, b, 170, 60, rng)
    # tug of war
    pen.line([(180, 650), (1020, 660)], (200, 170, 110), 7)
    pen.rect(596, 645, 604, 700, RED)
    left = [(230, 760), (320, 760), (410, 760), (500, 760)]
    right = [(700, 765), (790, 765), (880, 765), (970, 765)]
    for i, (x, y) in enumerate(left):
        person(pen, x, y, 200, rng, shirt=(226, 60, 60), arm="forward", long_hair=i % 2 == 1)
    for i, (x, y) in enumerate(right):
        person(pen, x, y, 200, rng, shirt=(40, 110, 200), arm="forward", long_hair=i % 2 == 0)
    # cheering crowd in front
    for k in range(9):
        x = 70 + k * 135
        person(
            pen,
            x,
            850,
            230,
            rng,
            back=True,
            arm="up" if k % 3 == 0 else "down",
            item="flag" if k % 3 == 0 else None,
        )
    return pen


def scene_classroom(rng):
    pen = Pen()
    pen.vgradient(0, 0, W, 560, (246, 238, 214), (236, 224, 196))
    pen.vgradient(0, 560, W, H, (200, 160, 120), (170, 130, 96))
    # windows
    for x in (60, 1000):
        pen.rect(x, 120, x + 150, 330, (170, 210, 235))
        pen.rect(x + 72, 120, x + 78, 330, WHITE)
        pen.rect(x, 222, x + 150, 228, WHITE)
    # screen with a phone and a QR code
    pen.rect(300, 70, 900, 400, (40, 46, 60))
    pen.rect(312, 82, 888, 388, (232, 242, 250))
    pen.rect(360, 110, 520, 360, (40, 40, 50), r=18)
    pen.rect(372, 130, 508, 340, WHITE)
    qr = random.Random(7)
    for i in range(7):
        for j in range(7):
            if qr.random() < 0.5 or (i in (0, 6) and j in (0, 6)):
                pen.rect(392 + i * 14, 180 + j * 14, 404 + i * 14, 192 + j * 14, (30, 30, 30))
    text_bars(pen, 700, 140, [80, 120, 60], 22, color=(40, 110, 200))
    for k in range(4):
        pen.circle(586, 200 + k * 44, 9, (0, 150, 96))
        text_bars(pen, 720, 192 + k * 44, [120 + 20 * (k % 2), 90], 14, color=(90, 100, 120))
    # instructor
    person(pen, 1000, 640, 280, rng, shirt=YOUTH, pants=(40, 44, 58), arm="up", long_hair=False)
    # desks with learners holding phones
    for row, y in enumerate((560, 680)):
        for k in range(3):
            x = 130 + k * 280 + row * 60
            for j in (0, 1):
                px = x + 50 + j * 110
                seated_front(
                    pen, px, y, 32, rng, hair=pick(rng, GREY_HAIR) if (j + k) % 2 == 0 else None
                )
                pen.rect(px - 12, y - 26, px + 12, y + 8, (30, 30, 40), r=4)
                pen.rect(px - 9, y - 22, px + 9, y + 4, (130, 200, 240))
            pen.rect(x, y, x + 240, y + 18, WOOD)
            pen.rect(x + 10, y + 18, x + 230, y + 90, DARK_WOOD)
    return pen


def scene_river_cleanup(rng):
    pen = Pen()
    ground_and_sky(pen, (120, 196, 240), (210, 238, 250), 300, (170, 200, 120), (140, 176, 96))
    pen.circle(160, 90, 50, (255, 230, 130))
    cloud(pen, 640, 90, 90)
    pen.rect(0, 250, W, 300, (120, 176, 110))
    for x in range(40, W, 110):
        tree(pen, x + rng.uniform(-20, 20), 300, 42, green=(96, 160, 96))
    river(pen, 300, 500, rng, color=(70, 150, 190))
    # floating rubbish
    for _ in range(14):
        x, y = rng.uniform(40, W - 40), rng.uniform(330, 480)
        pen.ellipse(
            x - 12,
            y - 4,
            x + 12,
            y + 4,
            pick(rng, ((240, 240, 240), (220, 80, 60), (80, 160, 220))),
        )
    # stepped embankment
    for k in range(4):
        y = 500 + k * 22
        pen.rect(0, y, W, y + 22, shade((196, 192, 180), -0.05 * k))
        pen.rect(0, y, W, y + 3, (160, 156, 146))
    # boat
    pen.poly([(700, 420), (900, 420), (870, 460), (730, 460)], (150, 96, 56))
    person(pen, 800, 440, 150, rng, shirt=YOUTH, arm="forward", long_hair=False)
    pen.line([(840, 390), (930, 470)], (120, 90, 60), 4)
    # volunteers with bags
    for i, x in enumerate((120, 300, 480, 660, 860, 1060)):
        shirt = YOUTH if i % 2 == 0 else (40, 110, 200)
        person(
            pen,
            x,
            770 + (i % 2) * 14,
            220,
            rng,
            shirt=shirt,
            arm="forward",
            item="bag" if i % 2 else None,
            long_hair=i % 3 == 1,
            hat=i == 4,
        )
    # pile of filled bags
    for k, (x, y) in enumerate(((560, 770), (600, 776), (580, 740), (620, 748), (1140, 780))):
        pen.ellipse(x - 34, y - 28, x + 34, y + 20, (40, 44, 50) if k % 2 else (60, 64, 70))
    return pen


def scene_one_stop_counter(rng):
    pen = Pen()
    pen.vgradient(0, 0, W, 520, (232, 238, 242), (214, 224, 232))
    pen.vgradient(0, 520, W, H, (206, 200, 190), (176, 170, 160))
    # signboard
    pen.rect(150, 40, 1050, 110, (20, 80, 160))
    text_bars(pen, 600, 58, [90, 70, 110, 60, 90], 16, color=WHITE)
    text_bars(pen, 600, 82, [120, 80, 100], 12, color=GOLD)
    # queue display
    pen.rect(60, 140, 250, 230, (30, 30, 36))
    for k in range(3):
        text_bars(pen, 155, 158 + k * 24, [40, 60], 12, color=(240, 60, 50))
    # counter windows
    for i in range(4):
        x = 290 + i * 220
        pen.rect(x, 140, x + 200, 180, (40, 110, 200))
        pen.circle(x + 30, 160, 13, WHITE)
        text_bars(pen, x + 115, 153, [60, 50], 14, color=WHITE)
        pen.rect(x + 2, 190, x + 198, 330, (210, 234, 246))  # glass
        pen.rect(x + 8, 196, x + 192, 326, (230, 244, 250))
        seated_front(pen, x + 100, 330, 36, rng, shirt=(150, 190, 228))
        pen.rect(x + 120, 250, x + 190, 300, (40, 40, 50), r=4)
        pen.rect(x + 125, 255, x + 185, 292, (170, 210, 235))
        pen.rect(x + 30, 296, x + 170, 330, (255, 255, 255))
    pen.rect(270, 330, 1150, 350, (236, 232, 224))
    pen.rect(280, 350, 1140, 470, (200, 150, 100))
    pen.rect(280, 350, 1140, 360, (170, 120, 80))
    # citizens at the counter
    person(pen, 400, 560, 240, rng, back=True, shirt=(226, 92, 80))
    person(pen, 850, 560, 250, rng, back=True, shirt=(240, 190, 60), long_hair=True)
    # waiting chairs
    for row, y in enumerate((640, 750)):
        pen.rect(60 + row * 40, y - 10, 1100, y + 10, (90, 100, 120))
        for k in range(7):
            x = 120 + row * 40 + k * 140
            if (k + row) % 3 != 2:
                seated_back(pen, x, y - 70, 30, rng)
    # plant
    pen.rect(60, 440, 120, 520, (150, 90, 60))
    for a in range(-70, 80, 25):
        r = math.radians(a - 90)
        pen.line([(90, 440), (90 + math.cos(r) * 80, 440 + math.sin(r) * 110)], DARK_GREEN, 8)
    return pen


def apricot_tree(pen, x, y, s, rng):
    """A yellow apricot blossom tree (mai), the Tết flower of the centre and south."""
    pen.line([(x, y), (x - s * 0.1, y - s * 0.5), (x + s * 0.05, y - s)], (110, 76, 50), s * 0.09)
    branches = [
        [(x - s * 0.06, y - s * 0.55), (x - s * 0.5, y - s * 0.8), (x - s * 0.75, y - s * 0.78)],
        [(x + s * 0.02, y - s * 0.8), (x + s * 0.45, y - s * 1.05), (x + s * 0.7, y - s * 1.0)],
        [(x + s * 0.05, y - s), (x - s * 0.2, y - s * 1.3), (x - s * 0.5, y - s * 1.35)],
        [(x - s * 0.08, y - s * 0.35), (x + s * 0.4, y - s * 0.55), (x + s * 0.6, y - s * 0.5)],
    ]
    for b in branches:
        pen.line(b, (110, 76, 50), s * 0.035)
    for b in branches:
        for _ in range(34):
            (ax, ay), (bx, by) = b[rng.randrange(len(b) - 1)], b[-1]
            t = rng.random()
            cx = ax + (bx - ax) * t + rng.uniform(-s * 0.1, s * 0.1)
            cy = ay + (by - ay) * t + rng.uniform(-s * 0.1, s * 0.08)
            r = s * rng.uniform(0.022, 0.034)
            pen.circle(cx, cy, r, (250, 206, 30))
            pen.circle(cx, cy, r * 0.35, (230, 130, 20))


def scene_tet_gifts(rng):
    pen = Pen()
    pen.vgradient(0, 0, W, 540, (252, 232, 204), (246, 214, 176))
    pen.vgradient(0, 540, W, H, (206, 120, 90), (170, 86, 64))
    banner(pen, 220, 40, 980, 140, rng)
    for x in (140, 1060):
        lantern_round(pen, x, 130, 40)
    apricot_tree(pen, 150, 560, 400, rng)
    apricot_tree(pen, 1070, 560, 360, rng)
    pen.rect(90, 540, 210, 600, (200, 90, 50), r=8)
    pen.rect(1010, 540, 1130, 600, (200, 90, 50), r=8)
    # table of gifts
    pen.rect(420, 470, 820, 490, (160, 30, 36))
    pen.rect(430, 490, 810, 600, (200, 40, 48))
    for k in range(6):
        x = 440 + k * 62
        pen.rect(x, 414, x + 52, 470, RED if k % 2 else (230, 60, 60))
        pen.rect(x + 22, 414, x + 30, 470, GOLD)
        pen.rect(x, 436, x + 52, 444, GOLD)
    # people exchanging gifts
    person(pen, 430, 780, 250, rng, shirt=WHITE, arm="forward", item="box", long_hair=False)
    person(
        pen,
        620,
        790,
        230,
        rng,
        shirt=(150, 120, 190),
        hair=GREY_HAIR[0],
        long_hair=True,
        arm="forward",
        skirt=True,
        pants=(90, 60, 110),
    )
    person(
        pen,
        820,
        785,
        245,
        rng,
        shirt=(226, 92, 80),
        long_hair=True,
        skirt=True,
        pants=(120, 40, 50),
    )
    person(pen, 280, 800, 215, rng, shirt=(70, 120, 190), long_hair=False)
    person(pen, 980, 800, 225, rng, shirt=YOUTH, long_hair=False, arm="forward", item="box")
    return pen


def scene_election(rng):
    pen = Pen()
    pen.vgradient(0, 0, W, 540, (244, 236, 220), (232, 220, 198))
    pen.vgradient(0, 540, W, H, (196, 170, 140), (170, 140, 110))
    pen.rect(200, 40, 1000, 330, RED)
    pen.circle(600, 140, 74, GOLD)
    pen.circle(600, 140, 66, RED)
    star(pen, 600, 142, 54)
    text_bars(pen, 600, 232, [90, 120, 80, 110, 70], 26)
    text_bars(pen, 600, 278, [140, 100, 130], 18, color=WHITE)
    vn_flag(pen, 60, 60, 110, pole=440)
    vn_flag(pen, 1030, 60, 110, pole=440)
    # voting booths
    for x in (60, 900):
        pen.rect(x, 330, x + 230, 350, (60, 100, 160))
        for k in range(3):
            pen.rect(
                x + k * 78, 350, x + k * 78 + 72, 540, (110, 160, 210) if k % 2 else (90, 140, 196)
            )
        pen.rect(x, 540, x + 230, 556, (60, 100, 160))
    # ballot box on a table
    pen.rect(440, 470, 760, 490, WHITE)
    pen.rect(450, 490, 750, 600, (200, 40, 48))
    pen.rect(520, 360, 680, 470, (180, 120, 70))
    pen.rect(520, 360, 680, 372, (140, 90, 50))
    pen.rect(575, 362, 625, 368, (60, 40, 30))
    pen.circle(600, 420, 28, RED)
    star(pen, 600, 421, 20)
    # voter casting a ballot
    pen.rect(588, 322, 612, 366, WHITE)
    pen.rect(592, 330, 608, 333, (150, 150, 150))
    pen.rect(592, 338, 604, 341, (150, 150, 150))
    person(pen, 790, 760, 260, rng, shirt=(70, 120, 190), arm="up", long_hair=False)
    # queue
    for k, (x, h) in enumerate(((120, 240), (260, 230), (400, 250), (1000, 235), (1120, 220))):
        person(
            pen,
            x,
            800,
            h,
            rng,
            back=k < 3,
            long_hair=k % 2 == 1,
            hair=GREY_HAIR[0] if k == 2 else None,
        )
    return pen


SCENES = {
    "2023/hoi-nghi-mat-tran.jpg": scene_meeting,
    "2023/trong-cay.jpg": scene_tree_planting,
    "2023/trao-nha-dai-doan-ket.jpg": scene_house_handover,
    "2023/trung-thu.jpg": scene_mid_autumn,
    "2024/dai-hoi-mat-tran.jpg": scene_congress,
    "2024/tiep-xuc-cu-tri.jpg": scene_voters,
    "2024/hien-mau.jpg": scene_blood_donation,
    "2024/phong-chong-bao-lu.jpg": scene_storm,
    "2025/ngay-hoi-dai-doan-ket.jpg": scene_festival,
    "2025/lop-hoc.jpg": scene_classroom,
    "2025/don-ve-sinh-bo-song.jpg": scene_river_cleanup,
    "2026/mot-cua.jpg": scene_one_stop_counter,
    "2026/tang-qua-tet.jpg": scene_tet_gifts,
    "2026/bau-cu.jpg": scene_election,
}

# The demo album (plugins/albums): the same scenes drawn with other seeds,
# so each photo of the album is a different picture.
ALBUM = {
    "albums/2025-ngay-hoi-dai-doan-ket/anh-01.jpg": scene_festival,
    "albums/2025-ngay-hoi-dai-doan-ket/anh-02.jpg": scene_tet_gifts,
    "albums/2025-ngay-hoi-dai-doan-ket/anh-03.jpg": scene_tree_planting,
    "albums/2025-ngay-hoi-dai-doan-ket/anh-04.jpg": scene_mid_autumn,
}


def share_card() -> Image.Image:
    """The default share image: a red card, a gold band and a star emblem."""
    pen = Pen(1200, 630, RED)
    pen.vgradient(0, 0, 1200, 630, (214, 38, 44), (168, 22, 32))
    for k in range(12):
        a = math.radians(-90 + k * 30)
        pen.line(
            [(600, 240), (600 + math.cos(a) * 420, 240 + math.sin(a) * 420)], (200, 34, 40), 18
        )
    pen.rect(0, 450, 1200, 630, (168, 22, 32))
    pen.rect(0, 470, 1200, 530, GOLD)
    pen.rect(0, 536, 1200, 542, GOLD)
    pen.rect(0, 458, 1200, 464, GOLD)
    pen.circle(600, 240, 150, GOLD)
    pen.circle(600, 240, 136, RED)
    star(pen, 600, 246, 112)
    return pen.result()


def save_jpeg(img: Image.Image, path: Path) -> None:
    quality = JPEG_QUALITY
    while True:
        img.save(path, "JPEG", quality=quality, optimize=True)
        if path.stat().st_size <= MAX_BYTES or quality <= 50:
            return
        quality -= 5


# Banners of linked sites ("Liên kết", plugins/banners): flat cards with an
# emblem-like mark and bars standing for the site's name (no font is drawn).
BANNERS = {
    "lien-ket/cong-thong-tin-chinh-phu.png": (DARK_RED, GOLD, (3, 5, 2)),
    "lien-ket/mat-tran-to-quoc.png": (RED, GOLD, (4, 3, 5)),
    "lien-ket/dich-vu-cong-quoc-gia.png": ((20, 70, 140), WHITE, (5, 2, 4)),
}


def banner_card(background, accent, bars) -> Image.Image:
    width, height = 600, 160
    img = Image.new("RGB", (width * S, height * S), background)
    pen = ImageDraw.Draw(img)
    pen.ellipse((24 * S, 24 * S, 136 * S, 136 * S), fill=accent)
    pen.polygon(star_points(80 * S, 82 * S, 40 * S), fill=background)
    y = 40 * S
    for length in bars:
        pen.rounded_rectangle((170 * S, y, (170 + length * 70) * S, y + 22 * S), 6 * S, fill=accent)
        y += 36 * S
    return img.resize((width, height), Image.LANCZOS)


def main() -> None:
    for name, (background, accent, bars) in BANNERS.items():
        path = IMAGES / name
        path.parent.mkdir(parents=True, exist_ok=True)
        banner_card(background, accent, bars).save(path, "PNG", optimize=True)
        print(f"{path.relative_to(ROOT)}  {path.stat().st_size // 1024} KB")
    for name, draw in {**SCENES, **ALBUM}.items():
        rng = random.Random(zlib.crc32(name.encode()))
        path = IMAGES / name
        path.parent.mkdir(parents=True, exist_ok=True)
        save_jpeg(draw(rng).result(), path)
        print(f"{path.relative_to(ROOT)}  {path.stat().st_size // 1024} KB")
    path = IMAGES / "share-default.png"
    share_card().save(path, "PNG", optimize=True)
    print(f"{path.relative_to(ROOT)}  {path.stat().st_size // 1024} KB")


if __name__ == "__main__":
    main()
