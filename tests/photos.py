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


ARTICLE = """Title: Hội nghị đại biểu nhân dân tổ dân phố 5
Date: 2024-04-12 08:00
Category: Hoạt động Mặt trận
Image: {{static}}/images/hoi-nghi/anh-1.jpg
Image-alt: Quang cảnh hội nghị
Summary: Hội nghị bàn việc chỉnh trang kiệt 45.

{photos}
"""
ARTICLE_URL = "2024/04/12/hoi-nghi-dai-bieu-nhan-dan-to-dan-pho-5/"
PARAGRAPH = (
    "Đoạn văn thứ {n}: các đại biểu phát biểu ý kiến về việc chỉnh trang kiệt 45, lắp "
    "đèn chiếu sáng, trồng cây xanh và giữ gìn vệ sinh chung; Ban công tác Mặt trận ghi "
    "nhận từng ý kiến để báo cáo Ủy ban MTTQ Việt Nam phường."
)


def article_with_photos(count: int) -> dict[str, str | bytes]:
    """An article with ``count`` camera photos (3000x2000, about 3 MB each).

    Three paragraphs follow each photo, so later photos start far below the
    first screen of a phone.
    """
    blocks = []
    for n in range(1, count + 1):
        blocks.append(
            f'![Ảnh {n} của hội nghị]({{static}}/images/hoi-nghi/anh-{n}.jpg "Chú thích {n}")'
        )
        blocks += [PARAGRAPH.format(n=n)] * 3
    files: dict[str, str | bytes] = {
        "articles/mat-tran/hoi-nghi.md": ARTICLE.format(photos="\n\n".join(blocks))
    }
    for n in range(1, count + 1):
        files[f"images/hoi-nghi/anh-{n}.jpg"] = camera_photo(3000, 2000, n)
    return files
