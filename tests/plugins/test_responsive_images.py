"""responsive_images: copies planned and made once, HTML rewritten, whole builds.

Browser side (what a phone downloads, no layout shift): tests/browser/test_images.py.
"""

from __future__ import annotations

import io
from pathlib import Path

import pytest
from PIL import Image

from portal_core.runner import BuildFailed
from responsive_images import plan_widths, rewrite
from responsive_images.markup import ImageSet, read_attributes
from responsive_images.variants import Source, plan
from tests.photos import article_with_photos, camera_photo
from tests.support import soup

WIDTHS = [480, 800, 1200]


def _source(width: int, height: int, alpha: bool = False) -> Source:
    # An editor's folder and file names, spaces and diacritics included.
    return Source(Path("x.jpg"), "images/tổ 5/Hội nghị.jpg", "abcdef0123", width, height, alpha)


@pytest.mark.parametrize(
    ("width", "expected"),
    [(4000, [480, 800, 1200]), (1000, [480, 800, 1000]), (800, [480, 800]), (300, [300])],
)
def test_copies_are_never_wider_than_the_photo(width, expected):
    assert plan_widths(width, WIDTHS) == expected


def test_plan_names_copies_by_content_and_keeps_the_ratio():
    variants = plan(_source(3000, 2000), WIDTHS, "co-nho")
    assert [(v.format, v.width, v.height) for v in variants] == [
        ("webp", 480, 320),
        ("webp", 800, 533),
        ("webp", 1200, 800),
        ("jpeg", 480, 320),
        ("jpeg", 800, 533),
        ("jpeg", 1200, 800),
    ]
    assert variants[0].url == "co-nho/images/tổ 5/hoi-nghi-abcdef0123-480.webp"


def test_transparent_pictures_keep_transparency_as_png():
    formats = {v.format for v in plan(_source(900, 600, alpha=True), WIDTHS, "co-nho")}
    assert formats == {"webp", "png"}


def _lookup(url: str) -> ImageSet | None:
    if not url.endswith(".jpg"):
        return None
    source = _source(2400, 1600)
    return ImageSet(source, tuple(plan(source, WIDTHS, "co-nho")))


def test_rewrite_keeps_alt_and_caption_and_loads_later_photos_lazily():
    html = (
        '<figure><img alt="Đại biểu &quot;biểu quyết&quot;" loading="lazy" src="/phuong/a.jpg">'
        "<figcaption>Ảnh: Minh Anh</figcaption></figure><p>chữ</p>"
        '<figure><img alt="Trao quà" src="/phuong/b.jpg" class="wide"></figure>'
    )
    out = rewrite(html, _lookup, "/phuong", "100vw")
    assert out.count("<picture>") == 2
    assert "<figcaption>Ảnh: Minh Anh</figcaption>" in out
    first, second = (dict(read_attributes("<img" + tag)) for tag in out.split("<img")[1:])
    assert first["alt"] == 'Đại biểu "biểu quyết"'
    assert "loading" not in first  # the first photo is seen at once
    assert second["loading"] == "lazy"
    assert second["class"] == "wide"
    assert (first["width"], first["height"]) == ("1200", "800")
    assert first["src"] == "/phuong/co-nho/images/t%E1%BB%95%205/hoi-nghi-abcdef0123-800.jpg"
    assert first["srcset"].count("w, ") == 2
    assert 'type="image/webp"' in out


@pytest.mark.parametrize(
    "tag",
    [
        '<img alt="" src="/phuong/theme/img/emblem.svg">',  # not a photo
        '<img alt="" src="https://chinhphu.vn/a.jpg">',  # another host
        '<img alt="" src="//cdn.example/a.jpg">',
        '<img alt="" src="/khac/a.jpg">',  # outside the site's sub-path
        '<img alt="" src="/phuong/a.jpg" srcset="/phuong/a.jpg 1x">',  # already responsive
        '<picture><source srcset="/phuong/a.webp"><img alt="" src="/phuong/a.jpg"></picture>',
    ],
)
def test_rewrite_leaves_other_pictures_as_written(tag):
    assert rewrite(tag, _lookup, "/phuong", "100vw") == tag


def test_wrong_widths_setting_is_explained(make_site):
    with pytest.raises(BuildFailed) as failure:
        make_site(
            {"pages/a.md": "Title: A\n\nB.\n"},
            RESPONSIVE_IMAGE_WIDTHS=[800, "lớn"],
            VISITOR_COUNTER=None,
        )
    assert "RESPONSIVE_IMAGE_WIDTHS phải là danh sách số nguyên dương" in str(
        failure.value.messages
    )


def _pixels(path: Path) -> tuple[int, int]:
    with Image.open(path) as picture:
        return picture.size


def test_article_photos_get_light_copies_without_gps(make_site, tmp_path):
    cache = tmp_path / "cache"
    site = make_site(
        article_with_photos(3), SITEURL="/phuong", CACHE_PATH=str(cache), VISITOR_COUNTER=None
    )
    page = soup(site / "2024/04/12/hoi-nghi-dai-bieu-nhan-dan-to-dan-pho-5/index.html")
    images = page.select(".article__body figure picture img")
    assert len(images) == 3
    assert [img.get("loading") for img in images] == [None, "lazy", "lazy"]
    for img in images:
        assert (img["width"], img["height"]) == ("1200", "800")
        candidates = [item.split() for item in img["srcset"].split(", ")]
        assert [width for _, width in candidates] == ["480w", "800w", "1200w"]
        for url, width in candidates:
            copy = site / url.removeprefix("/phuong/")
            assert _pixels(copy)[0] == int(width.rstrip("w"))
            with Image.open(copy) as picture:
                assert not picture.getexif()  # no camera data, no GPS position
        original = (site / "images/hoi-nghi/anh-1.jpg").stat().st_size
        assert (site / candidates[1][0].removeprefix("/phuong/")).stat().st_size < original / 10
    webp = page.select_one(".article__body picture source")["srcset"]
    assert all(".webp " in item for item in webp.split(", "))


def test_home_featured_photo_and_share_image_use_copies(make_site, tmp_path):
    site = make_site(
        article_with_photos(1), CACHE_PATH=str(tmp_path / "cache"), VISITOR_COUNTER=None
    )
    home = soup(site / "index.html")
    featured = home.select_one(".featured__image picture img")
    assert featured is not None and featured.get("loading") is None
    assert (featured["width"], featured["height"]) == ("1200", "800")
    article = soup(site / "2024/04/12/hoi-nghi-dai-bieu-nhan-dan-to-dan-pho-5/index.html")
    meta = {tag["property"]: tag["content"] for tag in article.find_all("meta", property=True)}
    # A 3000-pixel, 4 MB original is shared as its 1200-pixel JPEG copy.
    assert meta["og:image"].endswith("-1200.jpg")
    assert (meta["og:image:width"], meta["og:image:height"]) == ("1200", "800")
    assert meta["og:image:type"] == "image/jpeg"
    assert (site / meta["og:image"].lstrip("/")).is_file()


def test_camera_rotation_is_applied_to_the_copies(make_site, tmp_path):
    files = article_with_photos(1)
    files["images/hoi-nghi/anh-1.jpg"] = camera_photo(3000, 2000, 1, orientation=6)
    site = make_site(files, CACHE_PATH=str(tmp_path / "cache"), VISITOR_COUNTER=None)
    page = soup(site / "2024/04/12/hoi-nghi-dai-bieu-nhan-dan-to-dan-pho-5/index.html")
    img = page.select_one(".article__body picture img")
    assert (img["width"], img["height"]) == ("1200", "1800")  # upright, as the camera held it
    assert _pixels(site / img["src"].lstrip("/")) == (800, 1200)


def test_rebuild_reuses_every_copy(make_site, tmp_path):
    """Each photo is resized once: a second build only links cached copies."""
    cache = tmp_path / "cache"
    files = article_with_photos(2)
    make_site(files, CACHE_PATH=str(cache), VISITOR_COUNTER=None)
    copies = sorted((cache / "responsive_images").glob("*-*.*"))
    assert len(copies) == 12
    stamps = [path.stat().st_mtime_ns for path in copies]
    site = make_site(files, CACHE_PATH=str(cache), VISITOR_COUNTER=None)
    assert sorted((cache / "responsive_images").glob("*-*.*")) == copies
    assert [path.stat().st_mtime_ns for path in copies] == stamps
    assert len(list((site / "co-nho").rglob("*.webp"))) == 6


def test_a_replaced_photo_gets_new_copies(make_site, tmp_path):
    cache = tmp_path / "cache"
    first = make_site(article_with_photos(1), CACHE_PATH=str(cache), VISITOR_COUNTER=None)
    page = "2024/04/12/hoi-nghi-dai-bieu-nhan-dan-to-dan-pho-5/index.html"
    before = soup(first / page).select_one(".article__body img")["src"]
    files = article_with_photos(1)
    files["images/hoi-nghi/anh-1.jpg"] = camera_photo(3000, 2000, 9)
    second = make_site(files, CACHE_PATH=str(cache), VISITOR_COUNTER=None)
    after = soup(second / page).select_one(".article__body img")["src"]
    assert before != after  # a browser never shows the old photo from its cache
    assert (second / after.lstrip("/")).is_file()
    with Image.open(io.BytesIO((second / after.lstrip("/")).read_bytes())) as picture:
        assert picture.size == (800, 533)


def test_photos_of_pages_written_after_the_articles_get_copies_counted_once(
    make_site, tmp_path, caplog
):
    """The copies start once the article pages are written (early.py) and go on as
    later pages show new photos; the build still places and counts every copy once."""
    files = article_with_photos(1)
    files["pages/tru-so.md"] = (
        "Title: Trụ sở Ủy ban\n\n"
        "![Trụ sở Ủy ban MTTQ phường]({static}/images/tru-so/mat-tien.jpg)\n"
    )
    files["images/tru-so/mat-tien.jpg"] = camera_photo(2400, 1600, 4)
    cache = tmp_path / "cache"
    with caplog.at_level("INFO", logger="responsive_images.responsive_images"):
        site = make_site(files, CACHE_PATH=str(cache), VISITOR_COUNTER=None)
    assert "Ảnh: 2 ảnh được dùng, 12 bản thu nhỏ mới." in caplog.text
    img = soup(site / "tru-so-uy-ban/index.html").select_one("main picture img")
    assert img is not None and img["width"] == "1200"
    for item in img["srcset"].split(", "):
        assert (site / item.split()[0].lstrip("/")).is_file()
    caplog.clear()
    with caplog.at_level("INFO", logger="responsive_images.responsive_images"):
        make_site(files, CACHE_PATH=str(cache), VISITOR_COUNTER=None)
    assert "Ảnh: 2 ảnh được dùng, 0 bản thu nhỏ mới." in caplog.text


def test_a_broken_photo_stops_the_build_naming_the_file(make_site, tmp_path, caplog):
    """A photo cut short (an interrupted upload) is named, in Vietnamese; no traceback."""
    files = article_with_photos(1)
    files["images/hoi-nghi/anh-1.jpg"] = camera_photo(3000, 2000, 1)[:20_000]
    with pytest.raises(BuildFailed):
        make_site(files, CACHE_PATH=str(tmp_path / "cache"), VISITOR_COUNTER=None)
    assert 'Không thu nhỏ được ảnh "' in caplog.text
    assert "images/hoi-nghi/anh-1.jpg" in caplog.text
    assert "hãy lưu lại thành JPEG hoặc PNG" in caplog.text
