"""Settings of the responsive_images plugin: defaults and one check of their values."""

from __future__ import annotations

from collections.abc import MutableMapping
from pathlib import PurePosixPath
from typing import Any

from portal_core.settings import whole_number

# The article column is 50.5rem wide on a large screen (72rem page minus the
# 18rem sidebar, the gap and the margins), the screen minus its margins on a phone.
BODY_SIZES = (
    "(min-width: 72rem) 50.5rem, (min-width: 56rem) calc(100vw - 21.5rem), calc(100vw - 2rem)"
)

DEFAULTS: dict[str, Any] = {
    # Widths (CSS pixels) of the smaller copies; a photo is never enlarged.
    "RESPONSIVE_IMAGE_WIDTHS": [480, 800, 1200],
    # Where the copies go in the output (the originals stay where they are).
    "RESPONSIVE_IMAGE_DIR": "co-nho",
    # Encoder quality, 1-95: JPEG (or PNG for transparent pictures) and WebP.
    "RESPONSIVE_IMAGE_JPEG_QUALITY": 80,
    "RESPONSIVE_IMAGE_WEBP_QUALITY": 75,
    # The `sizes` of photos in an article body (see BODY_SIZES).
    "RESPONSIVE_IMAGE_SIZES": BODY_SIZES,
}
_MAX_QUALITY = 95


class ResponsiveImagesSettingsError(ValueError):
    """A setting of the responsive_images plugin is wrong (message in Vietnamese)."""


def _widths(raw: Any) -> list[int]:
    if (
        not isinstance(raw, list | tuple)
        or not raw
        or not all(isinstance(w, int) and not isinstance(w, bool) and w > 0 for w in raw)
    ):
        raise ResponsiveImagesSettingsError(
            "RESPONSIVE_IMAGE_WIDTHS phải là danh sách số nguyên dương (điểm ảnh), "
            f"ví dụ [480, 800, 1200], không phải {raw!r}."
        )
    return sorted(set(raw))


def _quality(key: str, raw: Any) -> int:
    return whole_number(
        raw,
        key,
        minimum=1,
        maximum=_MAX_QUALITY,
        example=DEFAULTS[key],
        meaning="chất lượng ảnh nén",
        error=ResponsiveImagesSettingsError,
    )


def _folder(raw: Any) -> str:
    path = PurePosixPath(str(raw or ""))
    if not str(raw or "").strip() or path.is_absolute() or ".." in path.parts:
        raise ResponsiveImagesSettingsError(
            "RESPONSIVE_IMAGE_DIR phải là thư mục con trong trang đã dựng, "
            f'ví dụ "co-nho", không phải {raw!r}.'
        )
    return path.as_posix().strip("/")


def apply_defaults(settings: MutableMapping[str, Any]) -> None:
    """Fill in missing settings and check them once (raises the error above)."""
    for key, value in DEFAULTS.items():
        settings.setdefault(key, value)
    settings["RESPONSIVE_IMAGE_WIDTHS"] = _widths(settings["RESPONSIVE_IMAGE_WIDTHS"])
    settings["RESPONSIVE_IMAGE_DIR"] = _folder(settings["RESPONSIVE_IMAGE_DIR"])
    for key in ("RESPONSIVE_IMAGE_JPEG_QUALITY", "RESPONSIVE_IMAGE_WEBP_QUALITY"):
        settings[key] = _quality(key, settings[key])
    sizes = settings["RESPONSIVE_IMAGE_SIZES"]
    if not isinstance(sizes, str) or not sizes.strip():
        raise ResponsiveImagesSettingsError(
            'RESPONSIVE_IMAGE_SIZES phải là một chuỗi "sizes" của HTML, ví dụ "100vw".'
        )
