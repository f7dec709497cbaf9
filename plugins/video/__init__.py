"""An article's video: a local MP4/WebM file or a click-to-load YouTube video."""

from .video import VideoInfo, parse_video, register

__all__ = ["VideoInfo", "parse_video", "register"]
