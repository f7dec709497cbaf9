"""An article's video (issue 19): YouTube as a click-to-load poster that asks
nothing of a third party before the click; a local MP4 with poster and
captions; clear Vietnamese errors; no video bytes on other pages."""

from __future__ import annotations

from urllib.parse import urlsplit

import pytest

from portal_core.runner import BuildFailed
from tests.publishing import jpeg
from tests.support import serve

pytestmark = pytest.mark.browser

HEAD = (
    "Title: {title}\nDate: 2024-03-15 08:00\nCategory: Tin tức sự kiện\nSummary: Tóm tắt.\n"
    "{extra}\nNội dung bài.\n"
)


def _article(title: str, extra: str) -> str:
    return HEAD.format(title=title, extra=extra)


def _files(**extra: str) -> dict[str, str | bytes]:
    files: dict[str, str | bytes] = {
        "images/2024/poster.jpg": jpeg(640, 360),
        "articles/khac.md": _article("Tin không có video", ""),
    }
    for name, fields in extra.items():
        files[f"articles/{name}.md"] = _article(f"Tin {name}", fields)
    return files


def test_youtube_loads_nothing_from_youtube_before_the_click(page, make_site):
    site = make_site(
        _files(
            youtube="Video: https://www.youtube.com/watch?v=dQw4w9WgXcQ\n"
            "Video-poster: images/2024/poster.jpg\n"
        ),
        VISITOR_COUNTER=None,
    )
    hosts: list[str] = []
    page.on("request", lambda request: hosts.append(urlsplit(request.url).hostname or ""))
    page.route(
        "https://www.youtube-nocookie.com/**",
        lambda route: route.fulfill(body="<title>player</title>", content_type="text/html"),
    )
    with serve(site) as url:
        page.goto(url + "/2024/03/15/tin-youtube/", wait_until="networkidle")
        assert set(hosts) == {"127.0.0.1"}, hosts
        poster = page.get_by_role("link", name="Xem video")
        assert poster.get_attribute("href") == "https://www.youtube.com/watch?v=dQw4w9WgXcQ"
        poster.click()
        frame = page.locator("iframe.video__frame")
        frame.wait_for()
        src = frame.get_attribute("src")
        assert src.startswith("https://www.youtube-nocookie.com/embed/dQw4w9WgXcQ")
        assert frame.get_attribute("title").replace("\xa0", " ") == "Video: Tin youtube"
        # Pages without a video carry none of its bytes.
        other = (site / "2024/03/15/tin-khong-co-video/index.html").read_text(encoding="utf-8")
        assert "video.css" not in other and "video.js" not in other


def test_local_video_has_poster_and_captions(page, make_site):
    files = _files(
        rieng="Video: files/video/le.mp4\nVideo-captions: files/video/le.vtt\n"
        "Video-poster: images/2024/poster.jpg\n"
    )
    files["files/video/le.mp4"] = b"\x00\x00\x00\x18ftypmp42"
    files["files/video/le.vtt"] = "WEBVTT\n\n00:00.000 --> 00:02.000\nXin chào.\n"
    site = make_site(files, VISITOR_COUNTER=None)
    with serve(site) as url:
        page.goto(url + "/2024/03/15/tin-rieng/", wait_until="load")
        video = page.locator("video.video__player")
        assert video.get_attribute("poster").endswith("/images/2024/poster.jpg")
        assert video.get_attribute("preload") == "none"
        assert page.locator("video source").get_attribute("type") == "video/mp4"
        track = page.locator("video track")
        assert track.get_attribute("kind") == "captions"
        assert track.get_attribute("srclang") == "vi"
    assert (site / "files/video/le.vtt").is_file()


@pytest.mark.parametrize(
    ("fields", "expected"),
    [
        ("Video: https://vimeo.com/123\n", "chỉ nhận liên kết YouTube"),
        ("Video: files/video/le.mp4\n", "Video-captions"),
        ("Video: files/video/khong-co.mp4\nVideo-captions: files/video/le.vtt\n", "Không thấy"),
    ],
)
def test_video_mistakes_are_reported_with_file_and_line(make_site, fields, expected):
    files = _files(sai=fields)
    files["files/video/le.vtt"] = "WEBVTT\n"
    with pytest.raises(BuildFailed) as failure:
        make_site(files, VISITOR_COUNTER=None)
    messages = "\n".join(failure.value.messages)
    assert "articles/sai.md:5:" in messages, messages
    assert expected in messages
