"""Helpers for the publishing tests: production builds of a small original site.

A production build reads ``publishconf.py``, which takes ``SITEURL`` from the
environment exactly as the CI workflow and ``invoke deploy`` provide it.
"""

from __future__ import annotations

import io
import os
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any

from PIL import Image

from tests.support import DEMO_CONTENT, ROOT

SUBPATH_SITE = "https://hoabinh.example.gov.vn/phuong-hoa-binh"
ATOM = "{http://www.w3.org/2005/Atom}"


def jpeg(width: int, height: int, orientation: int | None = None) -> bytes:
    """A small real JPEG photo of the given size (optionally with EXIF rotation)."""
    picture = Image.new("RGB", (width, height), (40, 110, 70))
    buffer = io.BytesIO()
    exif = Image.Exif()
    if orientation:
        exif[0x0112] = orientation
    picture.save(buffer, "JPEG", quality=70, exif=exif.tobytes())
    return buffer.getvalue()


def _article(title: str, date: str, category: str, summary: str, *, extra="", body="") -> str:
    header = f"Title: {title}\nDate: {date}\nCategory: {category}\nSummary: {summary}\n{extra}"
    return f"{header}\n{body or 'Nội dung bài viết, viết riêng cho bộ kiểm thử xuất bản.'}\n"


def site_files() -> dict[str, str | bytes]:
    """Four published articles in two categories, a draft, a page, a hidden page."""
    return {
        "images/2024/hoi-nghi.jpg": jpeg(1200, 800),
        "images/2024/doc.jpg": jpeg(900, 600, orientation=6),
        "images/2024/nho.jpg": jpeg(120, 90),
        "articles/tin-tuc-su-kien/2024-10-03-tiep-xuc-cu-tri.md": _article(
            "Hội nghị tiếp xúc cử tri trước kỳ họp thứ Tám",
            "2024-10-03 08:30",
            "Tin tức sự kiện",
            "Cử tri tổ dân phố 5 gửi ý kiến về đường ngõ & thoát nước.",
            extra="Author: Minh Anh\nModified: 2024-10-05 16:45\n"
            "Image: {static}/images/2024/hoi-nghi.jpg\nImage-alt: Cử tri phát biểu tại hội nghị\n",
        ),
        "articles/tin-tuc-su-kien/2024-09-20-ra-quan-ve-sinh.md": _article(
            "Ra quân tổng vệ sinh khu dân cư",
            "2024-09-20 07:15",
            "Tin tức sự kiện",
            "Hơn 300 hội viên, đoàn viên dọn vệ sinh các tuyến kiệt, hẻm.",
            body="Buổi sáng sôi nổi.\n\n![Thanh niên dọn rác]({static}/images/2024/doc.jpg)\n",
        ),
        "articles/vi-nguoi-ngheo/2024-08-15-trao-nha.md": _article(
            "Trao nhà Đại đoàn kết cho hộ cận nghèo",
            "2024-08-15 09:00",
            "Vì người nghèo",
            "Ngôi nhà thứ ba trong năm được bàn giao ở tổ dân phố 2.",
            extra="Author: Ban biên tập\n",
        ),
        "articles/vi-nguoi-ngheo/2024-07-01-anh-nho.md": _article(
            "Thăm hỏi gia đình chính sách",
            "2024-07-01 14:00",
            "Vì người nghèo",
            "Đoàn công tác thăm và tặng quà các gia đình chính sách.",
            extra="Image: {static}/images/2024/nho.jpg\nImage-alt: Trao quà\n",
        ),
        "articles/vi-nguoi-ngheo/2024-06-01-nhap.md": _article(
            "Bản nháp chưa đăng về quỹ Vì người nghèo",
            "2024-06-01 10:00",
            "Vì người nghèo",
            "Bài còn đang viết.",
            extra="Status: draft\n",
        ),
        "pages/gioi-thieu.md": "Title: Giới thiệu\nSummary: Về Ủy ban MTTQ.\n\nGiới thiệu.\n",
        "pages/noi-bo.md": "Title: Trang nội bộ\nStatus: hidden\n\nChỉ dùng nội bộ.\n",
        # The visitor counter (pelicanconf.py) reads the old portal's count here.
        "data/luot-truy-cap.toml": "count = 1539736\n",
        # The unit's name, contact and procedures (plugin unit_profile): the demo's.
        **{
            name: (DEMO_CONTENT / name).read_bytes()
            for name in (
                "data/don-vi.toml",
                "data/thu-tuc-hanh-chinh.toml",
                "images/ban-do-tru-so.png",
            )
        },
    }


@contextmanager
def environment(**values: str) -> Iterator[None]:
    """Set environment variables for the duration of the block."""
    saved = {name: os.environ.get(name) for name in values}
    os.environ.update(values)
    try:
        yield
    finally:
        for name, value in saved.items():
            if value is None:
                os.environ.pop(name, None)
            else:
                os.environ[name] = value


def publish_settings(content: Path, output: Path, site_url: str, **overrides: Any) -> dict:
    """The production settings (publishconf.py) for ``content`` -> ``output``."""
    from portal_core.runner import load_settings  # noqa: PLC0415 - plugins on path

    values = {
        "PATH": str(content),
        "OUTPUT_PATH": str(output),
        "CACHE_CONTENT": False,
        "LOAD_CONTENT_CACHE": False,
        **overrides,
    }
    with environment(SITEURL=site_url):
        return load_settings(ROOT / "publishconf.py", values)


def publish(content: Path, output: Path, site_url: str = SUBPATH_SITE, **overrides: Any) -> Path:
    """Build ``content`` for production (atomically) into ``output``."""
    from portal_core.runner import run_atomic  # noqa: PLC0415

    run_atomic(publish_settings(content, output, site_url, **overrides))
    return output


def tree_bytes(folder: Path) -> dict[str, bytes]:
    """Every file of a built site: relative path -> content."""
    return {
        path.relative_to(folder).as_posix(): path.read_bytes()
        for path in sorted(folder.rglob("*"))
        if path.is_file()
    }
