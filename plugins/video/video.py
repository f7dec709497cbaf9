"""An article's video (``Video:`` metadata), checked and ready for the template.

Two kinds, both shown by ``partials/video.html`` only on the pages that have
one (its script and stylesheet are linked there, so other pages carry no
byte of them):

- a local file, ``Video: files/video/le-ra-quan.mp4`` (MP4 or WebM under
  ``content/files/``), with ``Video-captions:`` (a WebVTT file, required: a
  video must be followable without sound) and ``Video-poster:`` (a photo);
- YouTube, ``Video: https://www.youtube.com/watch?v=…`` (or youtu.be/…),
  played from the privacy-enhanced host youtube-nocookie.com only after the
  reader clicks the poster (``Video-poster:``, else the article's ``Image:``,
  else the theme's drawn poster): nothing is asked of a third party before.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from pathlib import Path
from urllib.parse import parse_qs, urlsplit

from pelican import signals

from portal_core.problems import metadata_line, report
from vn_markdown.images import image_path

LOCAL_TYPES = {".mp4": "video/mp4", ".webm": "video/webm"}
YOUTUBE_HOSTS = {"youtube.com", "www.youtube.com", "m.youtube.com", "youtu.be"}
YOUTUBE_ID = re.compile(r"^[A-Za-z0-9_-]{11}$")
EMBED_HOST = "https://www.youtube-nocookie.com/embed/"


@dataclass(frozen=True)
class VideoInfo:
    """What ``partials/video.html`` needs."""

    kind: str  # "local" or "youtube"
    src: str  # site-relative file path, or the youtube-nocookie embed URL
    watch_url: str = ""  # YouTube page, for readers without JavaScript
    mime: str = ""
    captions: str = ""  # site-relative .vtt
    poster: str = ""  # site-relative photo ("" = the theme's poster)


def _youtube_id(url: str) -> str | None:
    parts = urlsplit(url)
    host = parts.netloc.lower()
    if parts.scheme not in {"http", "https"}:
        return None
    if host == "youtu.be":
        candidate = parts.path.strip("/")
    elif host in YOUTUBE_HOSTS and parts.path == "/watch":
        candidate = parse_qs(parts.query).get("v", [""])[0]
    elif host in YOUTUBE_HOSTS | {"www.youtube-nocookie.com"} and parts.path.startswith(
        ("/embed/", "/shorts/")
    ):
        candidate = parts.path.split("/")[2]
    else:
        return None
    return candidate if YOUTUBE_ID.match(candidate) else None


def parse_video(
    value: str, captions: str = "", poster: str = ""
) -> tuple[VideoInfo | None, list[tuple[str, str]]]:
    """Read the ``Video:`` fields; returns the video and ``(field, message)`` problems."""
    value = value.strip()
    poster_path = image_path(poster) if poster.strip() else ""
    if value.startswith(("http://", "https://")):
        video_id = _youtube_id(value)
        if video_id is None:
            return None, [
                (
                    "video",
                    f'Video "{value}": chỉ nhận liên kết YouTube (https://www.youtube.com/'
                    "watch?v=… hoặc https://youtu.be/…) hoặc tệp .mp4/.webm trong content/files/.",
                )
            ]
        info = VideoInfo(
            kind="youtube",
            src=EMBED_HOST + video_id,
            watch_url=f"https://www.youtube.com/watch?v={video_id}",
            poster=poster_path,
        )
        return info, []
    path = image_path(value)
    suffix = Path(path).suffix.lower()
    problems = []
    if suffix not in LOCAL_TYPES:
        problems.append(
            ("video", f'Video "{value}": tệp phải là .mp4 hoặc .webm (hoặc một liên kết YouTube).')
        )
    if not path.startswith("files/"):
        problems.append(
            (
                "video",
                f'Video "{value}": đặt tệp video trong content/files/, ví dụ files/video/a.mp4.',
            )
        )
    if not captions.strip():
        problems.append(
            (
                "video",
                "Video trên trang cần phụ đề: thêm dòng Video-captions: files/video/<tên>.vtt "
                "(tệp WebVTT) để người không nghe được vẫn theo dõi được.",
            )
        )
    elif not image_path(captions).lower().endswith(".vtt"):
        problems.append(("video-captions", "Video-captions phải là tệp phụ đề .vtt (WebVTT)."))
    if problems:
        return None, problems
    info = VideoInfo(
        kind="local",
        src=path,
        mime=LOCAL_TYPES[suffix],
        captions=image_path(captions),
        poster=poster_path,
    )
    return info, []


def attach_video(content) -> None:
    """Give an article with ``Video:`` its ``video``; report mistakes with their line."""
    value = content.metadata.get("video")
    if not isinstance(value, str) or not value.strip():
        return
    captions = str(content.metadata.get("video-captions", "") or "")
    poster = str(content.metadata.get("video-poster", "") or "")
    info, problems = parse_video(value, captions, poster)
    source = Path(content.source_path)
    content_root = Path(content.settings["PATH"])
    if info is not None:
        wanted = [("video", info.src)] if info.kind == "local" else []
        if info.captions:
            wanted.append(("video-captions", info.captions))
        if info.poster:
            wanted.append(("video-poster", info.poster))
        for key, relative in wanted:
            if not (content_root / relative).is_file():
                problems.append(
                    (key, f'Không thấy tệp "{relative}" trong content/. Kiểm tra tên và thư mục.')
                )
    for key, message in problems:
        report(source, metadata_line(source, key), message)
    content.video = info if not problems else None


def register() -> None:
    """Register the plugin callbacks."""
    # content_object_init: each article right after it is read, so a mistake is
    # reported (with its line) before anything is written.
    signals.content_object_init.connect(attach_video)
