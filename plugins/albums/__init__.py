"""Photo albums ("Album ảnh"): a Markdown header and a folder of photos."""

from .albums import Album, AlbumsGenerator, parse_captions, register

__all__ = ["Album", "AlbumsGenerator", "parse_captions", "register"]
