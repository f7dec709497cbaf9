"""The sharing settings, checked once per build, and the choice of share image."""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from markupsafe import Markup

from portal_core.settings import whole_number

from .images import ShareImage, UnreadableImage, candidates, image_info

DEFAULTS: dict[str, Any] = {
    "SHARE_IMAGE": "images/share-default.png",
    "SHARE_LOGO": "",
    "SHARE_MIN_SIZE": 200,
    "TWITTER_SITE": "",
}
THEME_SHARE_IMAGE = "img/share-default.png"
THEME_LOGO = "img/logo.png"


class ShareSettingsError(ValueError):
    """A sharing setting cannot be used."""


@dataclass
class ShareConfig:
    """What the templates and handlers need, read from the settings."""

    content_root: Path = Path("content")
    fallback: ShareImage = field(
        default_factory=lambda: ShareImage(THEME_SHARE_IMAGE, 1200, 630, "image/png", "")
    )
    logo: ShareImage = field(
        default_factory=lambda: ShareImage(THEME_LOGO, 512, 512, "image/png", "")
    )
    min_size: int = 200
    twitter_site: str = ""


# The configuration of the build in progress (one site per build).
current = ShareConfig()


def plain(text: Any) -> str:
    """Markup or text -> one line of plain text (tags stripped, entities decoded)."""
    text = str(text or "")
    if "<" in text or "&" in text:  # most titles and names are plain already
        text = Markup(text).striptags()
    return " ".join(text.split())


def _static_image(settings: dict, setting: str, theme_file: str, alt: str) -> ShareImage:
    """A configured picture in the content folder, else the theme's own."""
    value = str(settings.get(setting, DEFAULTS[setting]) or "").strip().lstrip("/")
    source, url = Path(settings["PATH"]) / value, value
    if not value or not source.is_file():
        source = Path(settings["THEME"]) / "static" / theme_file
        url = f"{settings['THEME_STATIC_DIR']}/{theme_file}"
    try:
        info = image_info(source)
    except (OSError, UnreadableImage) as error:
        raise ShareSettingsError(
            f'{setting}: không đọc được ảnh "{source}" ({error}). Dùng tệp PNG hoặc JPEG.'
        ) from error
    return ShareImage(url, info.width, info.height, info.mime, alt)


def load_config(settings: dict) -> ShareConfig:
    """Validate the settings and measure the fallback picture and logo."""
    min_size = settings.get("SHARE_MIN_SIZE", DEFAULTS["SHARE_MIN_SIZE"])
    whole_number(
        min_size,
        "SHARE_MIN_SIZE",
        minimum=1,
        example=DEFAULTS["SHARE_MIN_SIZE"],
        meaning="điểm ảnh",
        error=ShareSettingsError,
    )
    twitter = str(settings.get("TWITTER_SITE") or "")
    if twitter and not re.fullmatch(r"@\w{1,15}", twitter):
        raise ShareSettingsError(
            f'TWITTER_SITE "{twitter}" phải là tên tài khoản bắt đầu bằng @, ví dụ "@mttqhoabinh".'
        )
    site_name = plain(settings.get("SITENAME"))
    return ShareConfig(
        content_root=Path(settings["PATH"]),
        fallback=_static_image(settings, "SHARE_IMAGE", THEME_SHARE_IMAGE, site_name),
        logo=_static_image(settings, "SHARE_LOGO", THEME_LOGO, site_name),
        min_size=min_size,
        twitter_site=twitter,
    )


Unreadable = Callable[[Any, str, bool, Exception], None]


def choose_image(
    content, config: ShareConfig, on_unreadable: Unreadable | None = None
) -> ShareImage:
    """The best picture to share ``content`` with.

    Its ``Image:`` photo, else the first photo of its body, else the fallback.
    Photos smaller than ``min_size`` are skipped: social networks ignore them.
    """
    title = plain(getattr(content, "title", ""))
    for path, alt, featured in candidates(content):
        try:
            info = image_info(config.content_root / path)
        except FileNotFoundError:
            continue  # the content checks report missing photos
        except UnreadableImage as error:
            if on_unreadable:
                on_unreadable(content, path, featured, error)
            continue
        if min(info.width, info.height) < config.min_size:
            continue
        return ShareImage(path, info.width, info.height, info.mime, plain(alt) or title)
    return config.fallback
