"""Share images, JSON-LD escaping and sharing settings (whole builds: test_publish.py)."""

from __future__ import annotations

import json
import os

import pytest

from portal_core.runner import BuildFailed
from share_meta.images import UnreadableImage, first_body_image, image_info, site_path
from share_meta.jsonld import script_json
from share_meta.page_meta import page_url, shorten
from tests.publishing import jpeg, site_files
from tests.support import soup, write_files


def test_image_size_is_read_from_the_file(tmp_path):
    photo = write_files(tmp_path, {"a.jpg": jpeg(640, 480)}) / "a.jpg"
    info = image_info(photo)
    assert (info.width, info.height, info.mime) == (640, 480, "image/jpeg")


def test_camera_rotation_swaps_width_and_height(tmp_path):
    photo = write_files(tmp_path, {"a.jpg": jpeg(640, 480, orientation=8)}) / "a.jpg"
    assert (image_info(photo).width, image_info(photo).height) == (480, 640)


def test_replaced_photo_is_measured_again(tmp_path):
    """The per-file cache follows the file (a live preview keeps one process)."""
    photo = write_files(tmp_path, {"a.jpg": jpeg(640, 480)}) / "a.jpg"
    assert image_info(photo).width == 640
    photo.write_bytes(jpeg(800, 600))
    os.utime(photo, ns=(photo.stat().st_atime_ns, photo.stat().st_mtime_ns + 1_000_000))
    assert image_info(photo).width == 800


def test_a_file_that_is_not_an_image_is_unreadable(tmp_path):
    fake = write_files(tmp_path, {"a.jpg": "không phải ảnh"}) / "a.jpg"
    with pytest.raises(UnreadableImage):
        image_info(fake)


@pytest.mark.parametrize(
    ("html", "expected"),
    [
        ('<p>x</p><figure><img alt="" src="{static}/images/a.jpg"></figure>', "images/a.jpg"),
        ("<img src='/images/b.png?v=2#x' alt=''>", "images/b.png"),
        ('<img src="https://example.com/c.jpg" alt="">', None),
        ('<img src="data:image/png;base64,AAAA" alt="">', None),
        ("<p>Không có ảnh.</p>", None),
    ],
)
def test_first_body_image(html, expected):
    assert first_body_image(html) == expected


def test_site_path_accepts_every_way_editors_write_a_photo():
    for written in ("{static}/images/a.jpg", "|static|/images/a.jpg", "/images/a.jpg"):
        assert site_path(written) == "images/a.jpg"


def test_json_for_a_script_block_cannot_close_it():
    text = script_json({"headline": "a </script><!-- & b"})
    assert "<" not in text and ">" not in text and "&" not in text
    assert json.loads(text) == {"headline": "a </script><!-- & b"}


def test_shorten_cuts_at_a_word_and_marks_the_cut():
    text = "Ủy ban " * 60
    short = shorten(text.strip(), 50)
    assert len(short) <= 50
    assert short.endswith("ban…")
    assert shorten("Ngắn gọn.", 50) == "Ngắn gọn."


@pytest.mark.parametrize(
    ("output_file", "url"),
    [
        ("index.html", ""),
        ("chuyen-muc/a/trang-2/index.html", "chuyen-muc/a/trang-2/"),
        ("x.html", "x.html"),
    ],
)
def test_page_url(output_file, url):
    assert page_url(output_file) == url


def test_unreadable_featured_photo_stops_the_build_naming_file_and_line(make_site):
    files = site_files()
    # Starts like a JPEG (the check's first-bytes test passes), then breaks off.
    files["images/2024/hoi-nghi.jpg"] = (
        b"\xff\xd8\xff\xe0 t\xe1\xbb\x87p b\xe1\xbb\x8b h\xe1\xbb\x8fng"
    )
    with pytest.raises(BuildFailed) as failure:
        make_site(files)
    message = next(m for m in failure.value.messages if "hoi-nghi.jpg" in m)
    # Line 7 is the "Image:" line of that article.
    assert "articles/tin-tuc-su-kien/2024-10-03-tiep-xuc-cu-tri.md:7: " in message
    assert 'Ảnh "images/2024/hoi-nghi.jpg" không đọc được' in message


def test_unit_share_picture_in_content_replaces_the_theme_one(make_site):
    files = site_files()
    files["images/share-default.png"] = jpeg(1000, 525)
    site = make_site(files)
    page = soup(site / "2024/08/15/trao-nha-dai-doan-ket-cho-ho-can-ngheo/index.html")
    og = {tag["property"]: tag["content"] for tag in page.find_all("meta", property=True)}
    assert og["og:image"] == "/images/share-default.png"
    assert (og["og:image:width"], og["og:image:height"]) == ("1000", "525")


@pytest.mark.parametrize(
    ("setting", "message"),
    [
        ({"SHARE_MIN_SIZE": 0}, "SHARE_MIN_SIZE phải là một số nguyên từ 1 trở lên"),
        ({"TWITTER_SITE": "mttq hoa binh"}, 'TWITTER_SITE "mttq hoa binh" phải là tên tài khoản'),
        ({"SHARE_LOGO": "images/2024/hong.png"}, "SHARE_LOGO: không đọc được ảnh"),
    ],
)
def test_wrong_share_settings_are_explained(make_site, setting, message):
    files = site_files()
    files["images/2024/hong.png"] = "không phải ảnh"
    with pytest.raises(BuildFailed, match=message):
        make_site(files, **setting)
