"""The album content object and its address settings (read by the check and the generator)."""

from __future__ import annotations

from pelican.contents import Page

DEFAULTS = {
    "ALBUM_PATHS": ["albums"],
    "ALBUM_URL": "album-anh/{slug}/",
    "ALBUM_SAVE_AS": "album-anh/{slug}/index.html",
    "ALBUMS_URL": "album-anh/",
    "ALBUMS_SAVE_AS": "album-anh/index.html",
}


class Album(Page):
    """An album; URL and file from ALBUM_URL / ALBUM_SAVE_AS."""

    default_template = "album"
