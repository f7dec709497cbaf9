"""Banners of linked sites ("Liên kết"), read from ``BANNERS_FILE``.

Readers of the old portals reach the government and Front sites through
their banners in the sidebar. Each entry of the TOML file (path relative to
``content/``) is::

    [[banner]]
    name = "Cổng Dịch vụ công quốc gia"     # the link's text for screen readers
    url = "https://dichvucong.gov.vn/"
    image = "images/lien-ket/dich-vu-cong.png"
    alt = "Cổng Dịch vụ công quốc gia"      # optional, defaults to name

Every mistake is reported with the file, the line of its ``[[banner]]`` and
what to do; the image must exist and be a banner-sized picture (see
``MIN_WIDTH``/``MAX_WIDTH``/``MAX_BYTES``) so the sidebar stays light.
"""

from __future__ import annotations

import tomllib
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from pelican import signals
from PIL import Image, UnidentifiedImageError

from content_checks.kinds import register_data_files
from portal_core.problems import report

DEFAULT_FILE = "data/lien-ket.toml"
MIN_WIDTH = 200  # sharp in the 18rem sidebar
MAX_WIDTH = 1200
MAX_BYTES = 150_000
HOW = "Mỗi mục có dạng [[banner]] với name, url, image (và alt nếu muốn)."


@dataclass(frozen=True)
class Banner:
    """One linked site as the sidebar shows it."""

    name: str
    url: str
    image: str  # site-relative
    alt: str
    width: int
    height: int


def _entry_lines(text: str) -> list[int]:
    """1-based line of each ``[[banner]]`` header, in order."""
    return [n for n, line in enumerate(text.splitlines(), 1) if line.strip() == "[[banner]]"]


def _check_image(root: Path, relative: str) -> tuple[tuple[int, int] | None, str | None]:
    path = root / relative
    if not path.is_file():
        return None, f'không thấy ảnh "{relative}" trong content/. Kiểm tra tên và thư mục.'
    try:
        with Image.open(path) as picture:
            size = picture.size
    except (OSError, UnidentifiedImageError):
        return None, f'"{relative}" không phải ảnh đọc được (PNG, JPEG, WebP).'
    width, height = size
    if not MIN_WIDTH <= width <= MAX_WIDTH:
        return None, (
            f'ảnh "{relative}" rộng {width} px; ảnh liên kết cần rộng từ {MIN_WIDTH} '
            f"đến {MAX_WIDTH} px."
        )
    if height > width:
        return None, f'ảnh "{relative}" ({width}×{height} px) cao hơn rộng; dùng ảnh nằm ngang.'
    if path.stat().st_size > MAX_BYTES:
        kilobytes = path.stat().st_size // 1000
        return None, (
            f'ảnh "{relative}" nặng {kilobytes} KB; hãy thu nhỏ dưới {MAX_BYTES // 1000} KB.'
        )
    return size, None


def read_banners(root: Path, relative: str) -> tuple[list[Banner], list[tuple[int, str]]]:
    """Banners of ``root/relative`` and the ``(line, message)`` problems found."""
    path = root / relative
    if not path.is_file():
        return [], []
    text = path.read_text(encoding="utf-8-sig")
    try:
        data = tomllib.loads(text)
    except tomllib.TOMLDecodeError as error:
        return [], [(getattr(error, "lineno", 1) or 1, f"Tệp không đúng dạng TOML: {error}. {HOW}")]
    entries = data.get("banner", [])
    lines = _entry_lines(text)
    if not isinstance(entries, list) or not entries:
        return [], [(1, f"Không có mục [[banner]] nào. {HOW}")]
    banners, problems = [], []
    for index, entry in enumerate(entries):
        line = lines[index] if index < len(lines) else 1
        fields: dict[str, Any] = entry if isinstance(entry, dict) else {}
        missing = [key for key in ("name", "url", "image") if not str(fields.get(key, "")).strip()]
        if missing:
            problems.append((line, f"Mục liên kết thiếu {', '.join(missing)}. {HOW}"))
            continue
        url = str(fields["url"]).strip()
        if not url.startswith(("https://", "http://")):
            problems.append((line, f'url "{url}" phải bắt đầu bằng https://'))
            continue
        image = str(fields["image"]).strip().removeprefix("{static}").lstrip("/")
        size, problem = _check_image(root, image)
        if problem:
            problems.append((line, problem[0].upper() + problem[1:]))
            continue
        name = str(fields["name"]).strip()
        alt = str(fields.get("alt") or name).strip()
        banners.append(Banner(name, url, image, alt, *size))
    return banners, problems


def add_banners(generator) -> None:
    """Put ``BANNERS`` in the templates' context (reported problems stop the build)."""
    if "BANNERS" in generator.context:
        return
    settings = generator.settings
    relative = settings.get("BANNERS_FILE", DEFAULT_FILE)
    root = Path(settings["PATH"])
    banners, problems = read_banners(root, relative) if relative else ([], [])
    for line, message in problems:
        report(root / relative, line, message)
    generator.context["BANNERS"] = banners


def banners_file(settings: dict[str, Any]) -> list[str]:
    """The banners' data file, while the plugin is enabled."""
    if "banners" not in settings.get("PLUGINS", []):
        return []
    value = settings.get("BANNERS_FILE", DEFAULT_FILE)
    return [value] if isinstance(value, str) else []


def register() -> None:
    """Register the plugin callbacks."""
    # Not a signal: the checks learn now, before ``initialized``, that the
    # banners file in content/data/ is ours.
    register_data_files(banners_file)
    # generator_init: the shared context exists before any template renders;
    # the first generator fills it once for all.
    signals.generator_init.connect(add_banners)
