"""``./portal bench-import``: time the import of a generated NukeViet dump.

A benchmark, never a test: it writes a mysqldump-style file of N articles
(real NukeViet 4 tables, multi-row inserts of 100 rows as mysqldump writes
them, ~2.5 KB of HTML per body, a photo every tenth article), imports it
into a copy of the demo content in a temporary folder, then runs the real
check over the result, and prints counts, times and peak memory.
"""

from __future__ import annotations

import datetime as dt
import random
import resource
import shutil
import sys
import tempfile
import time
from pathlib import Path

from PIL import Image

from portal_core.runner import load_settings

from .cli import run_import

DEMO = Path(__file__).resolve().parent.parent / "content"
CATEGORIES = ["Tin tức sự kiện", "Hoạt động Mặt trận", "Vì người nghèo", "Văn hóa - Xã hội"]
WORDS = tuple(
    " ".join(
        (
            "Ủy ban Mặt trận Tổ quốc phường tổ chức hội nghị tiếp xúc cử tri khu dân cư đoàn kết",
            "xây dựng đời sống văn hóa quỹ vì người nghèo trao quà gia đình chính sách an sinh",
            "xã hội giám sát phản biện chuyển đổi số dịch vụ công trực tuyến thanh niên phụ nữ",
            "cựu chiến binh nông dân người cao tuổi khuyến học môi trường xanh sạch đẹp",
        )
    ).split(" ")
)


def _q(text: str) -> str:
    return "'" + text.replace("\\", "\\\\").replace("'", "\\'").replace("\n", "\\n") + "'"


def _sentence(rng: random.Random, words: int) -> str:
    text = " ".join(rng.choice(WORDS) for _ in range(words))
    return text[0].upper() + text[1:] + "."


def write_dump(path: Path, uploads: Path, count: int) -> None:
    """A NukeViet 4 dump of ``count`` articles (and the photos it names)."""
    rng = random.Random(16)
    start = dt.datetime(2015, 1, 1, 7, tzinfo=dt.UTC).timestamp()
    photos = uploads / "news" / "2020_01"
    photos.mkdir(parents=True, exist_ok=True)
    for number in range(20):
        Image.new("RGB", (64, 48), (10 * number, 80, 120)).save(photos / f"anh-{number}.jpg")
    with path.open("w", encoding="utf-8") as out:
        out.write("-- MySQL dump 10.13  Distrib 5.7.44, for Linux (x86_64)\n")
        out.write(
            "CREATE TABLE `nv4_vi_news_cat` (\n  `catid` smallint(5),\n  `title` varchar(250),\n"
        )
        out.write("  `alias` varchar(250),\n  PRIMARY KEY (`catid`)\n) ENGINE=MyISAM;\n")
        cats = ",".join(f"({n + 1},{_q(name)},'cm-{n + 1}')" for n, name in enumerate(CATEGORIES))
        out.write(f"INSERT INTO `nv4_vi_news_cat` VALUES {cats};\n")
        out.write(
            "CREATE TABLE `nv4_vi_news_detail` (\n  `id` int(11),\n  `titlesite` varchar(255),\n"
        )
        out.write("  `description` text,\n  `bodyhtml` longtext,\n  PRIMARY KEY (`id`)\n);\n")
        for first in range(1, count + 1, 100):
            values = []
            for number in range(first, min(first + 100, count + 1)):
                paragraphs = "".join(
                    f'<p style="text-align: justify;"><span style="font-size:14px">'
                    f"{_sentence(rng, 40)}</span></p>\r\n"
                    for _ in range(6)
                )
                if number % 10 == 0:
                    paragraphs += (
                        f'<p style="text-align:center"><img src="/uploads/news/2020_01/'
                        f'anh-{number % 20}.jpg" alt=""></p><p><em>{_sentence(rng, 8)}</em></p>'
                    )
                values.append(f"({number},'','',{_q(paragraphs)})")
            out.write(f"INSERT INTO `nv4_vi_news_detail` VALUES {','.join(values)};\n")
        out.write("CREATE TABLE `nv4_vi_news_rows` (\n")
        columns = ["id", "catid", "author", "status", "publtime", "addtime", "title", "alias"]
        columns += ["hometext", "homeimgfile", "homeimgalt", "homeimgthumb"]
        out.write("".join(f"  `{name}` text,\n" for name in columns) + "  PRIMARY KEY (`id`)\n);\n")
        for first in range(1, count + 1, 100):
            values = []
            for number in range(first, min(first + 100, count + 1)):
                when = int(start + number * 25_000)
                title = f"{_sentence(rng, 9)[:-1]} số {number}"
                values.append(
                    f"({number},{number % 4 + 1},'Ban biên tập',1,{when},{when},{_q(title)},"
                    f"'bai-{number}',{_q(_sentence(rng, 25))},'',NULL,0)"
                )
            out.write(f"INSERT INTO `nv4_vi_news_rows` VALUES {','.join(values)};\n")
        out.write("-- Dump completed\n")


def _say(text: str) -> None:
    sys.stdout.write(text + "\n")


def run(settings_file: Path, count: int, *, keep: bool = False) -> None:
    """Generate, import, check; print the figures."""
    from content_checks.cli import run_check  # noqa: PLC0415

    folder = Path(tempfile.mkdtemp(prefix="bench-import-"))
    try:
        dump, uploads = folder / "nukeviet.sql", folder / "uploads"
        write_dump(dump, uploads, count)
        content = folder / "site" / "content"
        shutil.copytree(DEMO, content)
        settings = load_settings(settings_file, {"PATH": str(content)})
        started = time.perf_counter()
        report = run_import(dump, "Phường Thử Nghiệm (cũ)", settings, uploads=uploads)
        seconds = time.perf_counter() - started
        peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
        _say(f"Tệp SQL: {dump.stat().st_size / 1e6:.1f} MB, {count} tin bài")
        _say(f"Nhập: {seconds:.1f} s ({count / seconds:.0f} tin/giây), bộ nhớ đỉnh {peak:.0f} MB")
        _say(
            f"Đã nhập {len(report.published)}, nháp {len(report.drafts)}, bỏ qua "
            f"{len(report.skipped)}, địa chỉ cũ {report.redirects}, "
            f"ảnh/tệp thiếu {len(report.missing)}"
        )
        started = time.perf_counter()
        again = run_import(dump, "Phường Thử Nghiệm (cũ)", settings, uploads=uploads)
        _say(
            f"Chạy lại (không đổi gì): {time.perf_counter() - started:.1f} s, "
            f"{len(again.unchanged)} tệp không đổi, {len(again.published)} tệp ghi mới"
        )
        started = time.perf_counter()
        with (folder / "check.txt").open("w", encoding="utf-8") as log:
            status = run_check(settings_file, {"PATH": str(content)}, out=log, err=log)
        _say(f"Kiểm tra (./portal check): {'đạt' if status == 0 else 'LỖI'}, "
              f"{time.perf_counter() - started:.1f} s")  # fmt: skip
    finally:
        if keep:
            _say(f"Giữ lại: {folder}")
        else:
            shutil.rmtree(folder, ignore_errors=True)
