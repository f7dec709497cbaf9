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
import posixpath
import re
from dataclasses import dataclass
from typing import Any

from pelican import signals
from pelican.contents import Page
from pelican.generators import Generator

from portal_core.problems import report

DEFAULTS = {
    "ALBUM_PATHS": ["albums"],
    "ALBUM_URL": "album-anh/{slug}/",
    "ALBUM_SAVE_AS": "album-anh/{slug}/index.html",
    "ALBUMS_URL": "album-anh/",
    "ALBUMS_SAVE_AS": "album-anh/index.html",
}
PHOTO_EXTENSIONS = {".jpg", ".jpeg", ".png", ".webp"}
CAPTION = re.compile(r"^\s*[-*]\s+(?P<name>[^:\s][^:]*?)\s*:\s*(?P<caption>.*?)\s*$")


@dataclass(frozen=True)
class Photo:
    """One photo of an album: its site path and caption (also its alt text)."""

    path: str
    caption: str


class Album(Page):
    """An album; URL and file from ALBUM_URL / ALBUM_SAVE_AS."""

    default_template = "album"


def parse_captions(body: str, first_line: int) -> tuple[list[tuple[str, str, int]], list]:
    """``(file name, caption, line)`` of each body line, and ``(line, message)`` problems."""
    found, problems = [], []
    for offset, line in enumerate(body.splitlines()):
        if not line.strip():
            continue
        number = first_line + offset
        match = CAPTION.match(line)
        if not match:
            problems.append(
                (number, 'Mỗi dòng là một ảnh và chú thích: "- ten-anh.jpg: Chú thích ảnh."')
            )
            continue
        if not match["caption"]:
            problems.append((number, f'Ảnh "{match["name"]}" chưa có chú thích sau dấu hai chấm.'))
            continue
        found.append((match["name"], match["caption"], number))
    return found, problems


def split_source(text: str) -> tuple[dict[str, tuple[str, int]], str, int]:
    """Header ``{key: (value, line)}``, the body and the body's first line."""
    header: dict[str, tuple[str, int]] = {}
    lines = text.splitlines()
    index = 0
    for index, line in enumerate(lines):
        if not line.strip():
            break
        key, _, value = line.partition(":")
        header[key.strip().lower()] = (value.strip(), index + 1)
    else:
        index = len(lines)
    return header, "\n".join(lines[index + 1 :]), index + 2


def album_problems(text: str, files: frozenset[str] | set[str]) -> list[tuple[int, str]]:
    """Everything wrong with one album file (pure: ``files`` lists content/)."""
    header, body, first = split_source(text)
    problems = []
    folder_value, folder_line = header.get("photos", ("", 1))
    folder = folder_value.removeprefix("{static}").strip("/")
    if not folder:
        return [(1, 'Thiếu dòng "Photos: images/albums/<thư-mục-ảnh>" (thư mục chứa ảnh).')]
    in_folder = {
        posixpath.basename(name)
        for name in files
        if posixpath.dirname(name) == folder
        and posixpath.splitext(name)[1].lower() in PHOTO_EXTENSIONS
    }
    if not in_folder:
        return [(folder_line, f'Không thấy ảnh nào trong "content/{folder}/".')]
    captions, problems = parse_captions(body, first)
    named = set()
    for name, _caption, line in captions:
        named.add(name)
        if name not in in_folder:
            problems.append((line, f'Không thấy ảnh "{name}" trong "content/{folder}/".'))
    for name in sorted(in_folder - named):
        problems.append(
            (folder_line, f'Ảnh "{name}" trong "content/{folder}/" chưa có dòng chú thích.')
        )
    return problems


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
    # initialized: settings reach the template context after this.
    signals.initialized.connect(configure)
    # get_generators: albums are read by their own generator, never as articles.
    signals.get_generators.connect(add_generator)
