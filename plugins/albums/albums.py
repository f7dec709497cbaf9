"""Photo albums ("Album ảnh"): an album page, the albums index, the latest album.

An album is a Markdown file in ``content/albums/`` whose header names the
folder of its photos (under ``content/images/``) and whose body gives each
photo its caption, in the order shown::

    Title: Ngày hội Đại đoàn kết ở tổ dân phố 5
    Date: 16/11/2025 08:00
    Summary: Một câu giới thiệu album.
    Photos: images/albums/2025-ngay-hoi

    - anh-01.jpg: Các gia đình trong tổ dân phố dự ngày hội.
    - anh-02.jpg: Trao quà cho hộ khó khăn.

The captions are also the photos' text alternatives. Mistakes (a photo
without caption, a caption without photo, a missing folder) are found by
content_checks before the build (``check_album``), each with its line.
Pages: ``ALBUM_URL`` (``album-anh/{slug}/``), ``ALBUMS_URL`` (``album-anh/``).
"""

from __future__ import annotations

import os
from dataclasses import dataclass
from typing import Any

from content_model import register_kind
from pelican import signals
from pelican.generators import Generator

from portal_core.problems import report

from .checks import register_kinds
from .contents import DEFAULTS, Album
from .model import ALBUM
from .source import parse_captions, split_source


@dataclass(frozen=True)
class Photo:
    """One photo of an album: its site path and caption (also its alt text)."""

    path: str
    caption: str


class AlbumsGenerator(Generator):
    """Reads ``content/albums/``; writes each album and the albums index."""

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, readers_cache_name="AlbumsGenerator-Readers", **kwargs)
        self.albums: list[Album] = []

    def generate_context(self) -> None:
        for relative in sorted(self.get_files(self.settings["ALBUM_PATHS"])):
            album = self._read(relative)
            if album is not None:
                self.albums.append(album)
                self.add_source_path(album)
        self.albums.sort(key=lambda album: (album.date, album.source_path), reverse=True)
        self.context["albums"] = self.albums
        self.context["LATEST_ALBUM"] = self.albums[0] if self.albums else None

    def _read(self, relative: str) -> Album | None:
        full = os.path.join(self.path, relative)
        with open(full, encoding="utf-8-sig") as handle:
            text = handle.read()
        header, body, first = split_source(text)
        try:
            album = self.readers.read_file(
                base_path=self.path, path=relative, content_class=Album, context=self.context
            )
        except Exception as error:  # the editor's file, the editor's message
            report(full, 0, f"Không đọc được album: {error}")
            return None
        if getattr(album, "status", "published") != "published":
            return None
        folder = header.get("photos", ("", 0))[0].removeprefix("{static}").strip("/")
        captions, _ = parse_captions(body, first)
        album.photos = [Photo(f"{folder}/{name}", caption) for name, caption, _ in captions]
        album.cover = album.photos[0] if album.photos else None
        return album

    def generate_output(self, writer) -> None:
        for album in self.albums:
            writer.write_file(
                album.save_as,
                self.get_template("album"),
                self.context,
                self.settings["RELATIVE_URLS"],
                album=album,
                page=album,
                url=album.url,
            )
        if self.settings["ALBUMS_SAVE_AS"]:
            writer.write_file(
                self.settings["ALBUMS_SAVE_AS"],
                self.get_template("albums"),
                self.context,
                self.settings["RELATIVE_URLS"],
                url=self.settings["ALBUMS_URL"],
            )


def configure(pelican) -> None:
    """Fill in the album settings (templates see ALBUMS_URL)."""
    for key, value in DEFAULTS.items():
        pelican.settings.setdefault(key, value)


def add_generator(pelican) -> type:
    """Our generator, beside Pelican's (albums never enter news listings)."""
    return AlbumsGenerator


def register() -> None:
    """Register the plugin callbacks."""
    # Not a signal: albums join the content model and the checks now, before
    # ``initialized`` (when every file is checked).
    register_kind(ALBUM)
    register_kinds()
    # initialized: settings reach the template context after this.
    signals.initialized.connect(configure)
    # get_generators: albums are read by their own generator, never as articles.
    signals.get_generators.connect(add_generator)
