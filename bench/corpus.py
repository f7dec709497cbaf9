"""A deterministic corpus of realistic Vietnamese articles for the benchmark.

Article ``i`` depends only on ``i`` (its own seeded random generator), so the
corpus of 10,000 articles is the first 10,000 of the 20,000 one and growth is
measured on like-for-like content. Categories come from the registry in
pelicanconf.py; dates cover ten years; bodies have headings, numbered and
bulleted lists, a table and photos that refer to a few small generated images.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import random
import shutil
from pathlib import Path

from portal_core.text import slugify_vi

from . import vocabulary as vocab

FIRST_DAY = dt.date(2016, 1, 1)
DAYS = (dt.date(2025, 12, 31) - FIRST_DAY).days + 1
IMAGE_COUNT = 6
# Where the generated photos go, relative to the content folder.
IMAGES = "images/bench"
ROMAN = ("I", "II", "III", "IV", "V")
# Busy categories publish more often, as on real ward portals.
CATEGORY_WEIGHTS = {
    "tin-tuc-su-kien": 5,
    "hoat-dong-mat-tran": 4,
    "giam-sat-phan-bien": 2,
    "vi-nguoi-ngheo": 2,
    "van-hoa-xa-hoi": 3,
    "guong-nguoi-tot-viec-tot": 1,
    "cai-cach-hanh-chinh": 2,
}
PAGES = {
    "gioi-thieu.md": (
        "Title: Giới thiệu\n\nTrang tin điện tử của đơn vị, dựng cho phép đo tốc độ.\n"
    ),
    "lien-he.md": "Title: Liên hệ\n\nĐịa chỉ, điện thoại và thư điện tử của đơn vị.\n",
}


class _Filler(dict):
    """Template slots, each drawn from its word list on first use."""

    def __init__(self, rng: random.Random, date: dt.datetime) -> None:
        super().__init__()
        self.rng = rng
        self.date = date
        # About half the articles quote a campaign name or trail off with "...".
        quoted = rng.random() < 0.5
        self.sentences = vocab.SENTENCES + (vocab.QUOTED_SENTENCES if quoted else ())

    def __missing__(self, key: str) -> str:
        pick = self.rng.choice
        values = {
            "ward": lambda: pick(vocab.WARDS),
            "area": lambda: pick(vocab.RESIDENTIAL_AREAS),
            "man": lambda: pick(vocab.MEN),
            "woman": lambda: pick(vocab.WOMEN),
            "org": lambda: pick(vocab.ORGANISATIONS),
            "people": lambda: pick(vocab.PARTICIPANTS),
            "event": lambda: pick(vocab.EVENT_NOUNS),
            "topic": lambda: pick(vocab.TOPICS),
            "result": lambda: pick(vocab.RESULTS),
            "quarter": lambda: pick(vocab.QUARTERS),
            "year": lambda: str(self.date.year),
            "day": lambda: f"{self.date:%d/%m}",
            "number": lambda: str(self.rng.randint(2, 30)),
            "count": lambda: str(self.rng.randint(50, 400)),
        }
        # Not stored: every slot of every sentence draws its own words.
        return values[key]()


def _fill(template: str, filler: _Filler) -> str:
    return template.format_map(filler)


def _paragraph(rng: random.Random, filler: _Filler, sentences: int) -> str:
    return " ".join(_fill(rng.choice(filler.sentences), filler) for _ in range(sentences))


def _table(rng: random.Random) -> str:
    rows = ["| " + " | ".join(vocab.TABLE_HEADER) + " |", "| --- | --- | ---: | ---: |"]
    for number, area in enumerate(rng.sample(vocab.RESIDENTIAL_AREAS, 4), start=1):
        households = rng.randint(20, 300)
        money = f"{rng.randint(5, 90) * 1_000_000:,}".replace(",", ".")
        rows.append(f"| {number} | {area.capitalize()} | {households} | {money} |")
    return "\n".join(rows)


def _body(rng: random.Random, filler: _Filler, author: str) -> str:
    blocks = [_fill(rng.choice(vocab.LEADS), filler), _paragraph(rng, filler, 3)]
    for number, heading in enumerate(rng.sample(vocab.HEADINGS, rng.randint(2, 4))):
        blocks.append(f"## {ROMAN[number]}. {heading}")
        blocks.append(_paragraph(rng, filler, rng.randint(2, 5)))
        shape = rng.random()
        if shape < 0.3:
            items = rng.sample(vocab.LIST_ITEMS, 3)
            blocks.append("\n".join(f"{n}. {_fill(t, filler)}" for n, t in enumerate(items, 1)))
        elif shape < 0.55:
            items = rng.sample(vocab.LIST_ITEMS, 3)
            blocks.append("\n".join(f"- {_fill(t, filler)}" for t in items))
        elif shape < 0.7:
            blocks.append(_table(rng))
        elif shape < 0.9:
            caption = rng.choice(vocab.PHOTO_CAPTIONS)
            image = rng.randrange(IMAGE_COUNT) + 1
            blocks.append(
                f'![{caption}]({{static}}/images/bench/anh-{image}.jpg "{caption}. Ảnh: {author}")'
            )
        blocks.append(_paragraph(rng, filler, rng.randint(1, 3)))
    return "\n\n".join(blocks) + "\n"


def article(index: int, categories: list[dict]) -> tuple[str, str]:
    """Return (relative path, Markdown text) of article ``index``."""
    rng = random.Random(f"bench-article-{index}")
    slugs = [entry["slug"] for entry in categories]
    weights = [CATEGORY_WEIGHTS.get(slug, 1) for slug in slugs]
    entry = categories[rng.choices(range(len(slugs)), weights)[0]]
    day = FIRST_DAY + dt.timedelta(days=rng.randrange(DAYS))
    date = dt.datetime.combine(day, dt.time(rng.randint(7, 17), rng.randrange(60)))
    filler = _Filler(rng, date)
    title = _fill(
        rng.choice(vocab.TITLES.get(entry["slug"], vocab.TITLES["tin-tuc-su-kien"])), filler
    )
    author = rng.choice(vocab.AUTHORS)
    # The index keeps two equal titles on one day apart without a random suffix.
    slug = f"{slugify_vi(title)[:70].rstrip('-')}-{index}"
    lines = [
        f"Title: {title}",
        f"Date: {date:%Y-%m-%d %H:%M}",
        f"Category: {entry['name']}",
        f"Author: {author}",
        f"Slug: {slug}",
    ]
    lines.append(f"Summary: {_fill(rng.choice(vocab.LEADS), filler)}")
    if rng.random() < 0.6:
        image = rng.randrange(IMAGE_COUNT) + 1
        lines.append(f"Image: {{static}}/images/bench/anh-{image}.jpg")
        lines.append(f"Image-alt: {rng.choice(vocab.PHOTO_CAPTIONS)}")
    path = f"articles/{entry['slug']}/{date:%Y-%m-%d}-{slug}.md"
    return path, "\n".join(lines) + "\n\n" + _body(rng, filler, author)


def write_images(folder: Path) -> None:
    """A few small JPEG photos (gradients and circles), the same on every run."""
    from PIL import Image, ImageDraw  # noqa: PLC0415 - only needed once per corpus

    folder.mkdir(parents=True, exist_ok=True)
    for number in range(1, IMAGE_COUNT + 1):
        image = Image.new("RGB", (480, 320))
        draw = ImageDraw.Draw(image)
        for y in range(320):
            shade = (40 + number * 25 + y // 4) % 256
            draw.line([(0, y), (479, y)], fill=(shade, 90 + number * 10, 160 - number * 15))
        for circle in range(number + 2):
            x, y = 60 + circle * 70, 100 + (circle * 37 % 120)
            draw.ellipse([x, y, x + 60, y + 60], fill=(230, 200 - circle * 20, 60))
        image.save(folder / f"anh-{number}.jpg", quality=70)


def fingerprint(count: int, categories: list[dict]) -> str:
    """Identify a corpus: this generator's code, its words, size and registry."""
    digest = hashlib.sha256()
    for module in (__file__, vocab.__file__):
        digest.update(Path(module).read_bytes())
    digest.update(repr((count, [(c["name"], c["slug"]) for c in categories])).encode())
    return digest.hexdigest()[:16]


def _write_articles(target: Path, count: int, categories: list[dict]) -> None:
    for index in range(count):
        relative, text = article(index, categories)
        path = target / relative
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(text, encoding="utf-8")


def _copy_demo(demo: Path, target: Path) -> None:
    """Everything but the demo's articles: pages, data files, documents, photos.

    Plugins may require data the demo ships (a counter file, a document's PDF),
    so the benchmark builds the same site around the generated articles.
    """
    if not demo.is_dir():
        return
    for source in sorted(demo.iterdir()):
        if source.name in {"articles", ".corpus"}:
            continue
        destination = target / source.name
        if source.is_dir():
            # images/ also holds the generated photos (images/bench/): merge.
            if source.name != "images" and destination.exists():
                shutil.rmtree(destination)
            shutil.copytree(source, destination, dirs_exist_ok=True)
        else:
            shutil.copy2(source, destination)


def generate(target: Path, count: int, categories: list[dict], demo: Path | None = None) -> Path:
    """Write ``count`` articles and a few photos under ``target``; add the demo's rest.

    Articles with the same fingerprint are reused as they are; the demo's other
    content (``demo`` minus its articles) is copied afresh every time. A
    ``count`` of 0 means the demo site itself, articles included.
    """
    if count == 0 and demo is not None:
        if target.exists():
            shutil.rmtree(target)
        shutil.copytree(demo, target)
        return target
    stamp = target / ".corpus"
    wanted = fingerprint(count, categories)
    if not (stamp.exists() and stamp.read_text(encoding="utf-8") == wanted):
        if target.exists():
            shutil.rmtree(target)
        _write_articles(target, count, categories)
        write_images(target / IMAGES)
        stamp.write_text(wanted, encoding="utf-8")
    if demo is not None:
        _copy_demo(demo, target)
    if not (target / "pages").exists():
        (target / "pages").mkdir()
        for name, text in PAGES.items():
            (target / "pages" / name).write_text(text, encoding="utf-8")
    return target
