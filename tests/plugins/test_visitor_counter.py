"""VISITOR_COUNTER is checked once, at build time, with messages a unit can act on."""

from __future__ import annotations

import ast
import io
import re
from pathlib import Path

import pytest

from portal_core.runner import BuildFailed, build
from tests.support import ROOT, write_files
from visitor_counter import (
    CounterWidget,
    VisitorCounterSettingsError,
    check_settings,
    group_thousands,
)

ARTICLE = """Title: Hội nghị cử tri
Date: 2024-05-01 08:00
Category: Tin tức sự kiện
Summary: Tóm tắt.

Nội dung.
"""


def error_of(raw, content: Path = ROOT / "content") -> str:
    with pytest.raises(VisitorCounterSettingsError) as failure:
        check_settings(raw, content)
    assert isinstance(failure.value, ValueError)  # the runner prints ValueErrors cleanly
    return str(failure.value)


@pytest.mark.parametrize(
    ("number", "expected"),
    [(0, "0"), (999, "999"), (1000, "1.000"), (1539736, "1.539.736"), (10**9, "1.000.000.000")],
)
def test_group_thousands_uses_the_vietnamese_separator(number, expected):
    assert group_thousands(number) == expected


@pytest.mark.parametrize(
    ("siteurl", "expected"),
    [
        ("", ""),
        ("https://mttq.example.vn", ""),
        ("https://mttq.example.vn/", ""),
        ("https://user.github.io/phuong-hoa-binh", "/phuong-hoa-binh"),
        ("/phuong", "/phuong"),
    ],
)
def test_page_paths_include_the_sub_path_of_siteurl(siteurl, expected):
    widget = CounterWidget.of(check_settings({"source": "none"}, ROOT), siteurl)
    assert widget.page_path("2024/05/01/hoi-nghi/") == f"{expected}/2024/05/01/hoi-nghi/"


def test_defaults_hide_the_widget():
    assert check_settings(None, ROOT).source == "none"
    assert not CounterWidget.of(check_settings({}, ROOT)).enabled


def test_static_count_is_padded_and_labelled():
    widget = CounterWidget.of(check_settings({"source": "static", "count": 1234}, ROOT))
    assert widget.digits == list("0001234")
    assert widget.value_text == "1.234"
    assert not widget.live
    assert not widget.page_counts
    assert not widget.online


def test_a_live_source_without_a_known_count_shows_no_fake_zero():
    widget = CounterWidget.of(check_settings({"source": "goatcounter", "goatcounter": "abc"}, ROOT))
    assert widget.digits == ["–"] * 7
    assert widget.value_text == "chưa có số liệu"
    assert widget.offset == 0


def test_goatcounter_code_gives_its_public_endpoints():
    checked = check_settings({"source": "goatcounter", "goatcounter": "mttq-hoabinh"}, ROOT)
    assert checked.total_url == "https://mttq-hoabinh.goatcounter.com/counter/TOTAL.json"
    assert checked.page_url == "https://mttq-hoabinh.goatcounter.com/counter/{path}.json"
    assert checked.script_url == "https://mttq-hoabinh.goatcounter.com/count.js"
    assert checked.count_url == "https://mttq-hoabinh.goatcounter.com/count"


def test_self_hosted_goatcounter_keeps_its_address():
    checked = check_settings({"source": "goatcounter", "goatcounter": "https://tk.vn/gc/"}, ROOT)
    assert checked.total_url == "https://tk.vn/gc/counter/TOTAL.json"
    assert checked.script_url == "https://tk.vn/gc/count.js"


def test_json_source_with_a_page_template():
    checked = check_settings(
        {
            "source": "json",
            "endpoint": "https://tk.example.vn/tong.json",
            "page_endpoint": "https://tk.example.vn/trang?p={path}",
            "count": 10,
            "min_digits": 8,
        },
        ROOT,
    )
    widget = CounterWidget.of(checked)
    assert widget.live and widget.online and widget.page_counts
    assert widget.digits == list("00000010")
    assert widget.offset == 10


@pytest.mark.parametrize(
    ("raw", "expected"),
    [
        ({"source": "goatconter"}, "'goatconter' không hợp lệ (có phải ý bạn là 'goatcounter'?)"),
        ({"source": "google"}, "chọn một trong: none, static, goatcounter, json"),
        ({"sorce": "static"}, "khóa lạ 'sorce' (có phải ý bạn là 'source'?)"),
        ("static", "VISITOR_COUNTER phải là một dict"),
        ({"source": "static"}, "Nguồn 'static' cần số lượt truy cập"),
        ({"source": "static", "count": "1.539.736"}, "phải là một số nguyên không âm"),
        ({"source": "static", "count": -5}, "nằm ngoài khoảng hợp lệ"),
        ({"source": "static", "count": True}, "phải là một số nguyên không âm"),
        ({"source": "static", "count": 1, "min_digits": 0}, "min_digits"),
        ({"source": "static", "count": 1, "min_digits": 13}, "từ 1 đến 12"),
        ({"source": "static", "count": 1, "count_file": "a.toml"}, "Chỉ đặt một trong hai"),
        (
            {"source": "static", "count": 1, "endpoint": "https://a.vn/x"},
            "chỉ dùng với nguồn 'json'",
        ),
        ({"source": "goatcounter"}, "Nguồn 'goatcounter' cần"),
        ({"source": "goatcounter", "goatcounter": "MTTQ Hòa Bình"}, "ghi mã trang GoatCounter"),
        ({"source": "goatcounter", "goatcounter": "ftp://gc.vn"}, "không phải địa chỉ web đầy đủ"),
        ({"source": "json"}, "Nguồn 'json' cần"),
    ],
)
def test_wrong_settings_are_named_with_the_fix(raw, expected):
    assert expected in error_of(raw)


@pytest.mark.parametrize(
    ("endpoint", "expected"),
    [
        ("thongke.example.vn/tong.json", "không phải địa chỉ web đầy đủ"),
        ("https:///tong.json", "không phải địa chỉ web đầy đủ"),
        ("https://thongke.example.vn/tổng số.json", "chứa khoảng trắng"),
        ("http://thongke.example.vn/tong.json", "dùng http://"),
        ("https://thongke.example.vn/{path}.json", "địa chỉ tổng không có {path}"),
        ("https://thongke.example.vn/{site}.json", "chỉ được dùng đúng một chỗ {path}"),
        ("https://thongke.example.vn/tong.json#a", "không được chứa '#'"),
        (12345, "phải là một địa chỉ"),
    ],
)
def test_malformed_endpoint_is_refused(endpoint, expected):
    message = error_of({"source": "json", "endpoint": endpoint})
    assert 'VISITOR_COUNTER["endpoint"]' in message
    assert expected in message


@pytest.mark.parametrize(
    ("template", "expected"),
    [
        ("https://thongke.example.vn/trang.json", "thiếu chỗ {path}"),
        ("https://thongke.example.vn/{path}/{path}.json", "đúng một chỗ {path}"),
    ],
)
def test_page_template_needs_exactly_one_path(template, expected):
    raw = {"source": "json", "endpoint": "https://a.vn/t.json", "page_endpoint": template}
    message = error_of(raw)
    assert 'VISITOR_COUNTER["page_endpoint"]' in message
    assert expected in message


def test_http_is_allowed_on_this_machine_only():
    checked = check_settings({"source": "json", "endpoint": "http://127.0.0.1:8000/t.json"}, ROOT)
    assert checked.total_url == "http://127.0.0.1:8000/t.json"


@pytest.mark.parametrize(
    ("name", "text"),
    [
        ("luot.toml", "# Số lượt mang sang từ cổng cũ\ncount = 1539736\n"),
        ("luot.json", '{"count": 1539736}'),
        ("luot.json", '\ufeff{"count": 1539736}'),  # saved by Notepad with a BOM
    ],
)
def test_count_file_in_the_content_folder(tmp_path, name, text):
    write_files(tmp_path, {f"data/{name}": text})
    checked = check_settings({"source": "static", "count_file": f"data/{name}"}, tmp_path)
    assert checked.count == 1539736


@pytest.mark.parametrize(
    ("name", "text", "expected"),
    [
        ("luot.json", '{\n  "count": 1539736,\n}', "data/luot.json:3: JSON sai cú pháp"),
        ("luot.toml", "count = 1.539.736\n", "TOML sai cú pháp"),
        ("luot.toml", "so_luot = 5\n", 'thiếu khóa "count"'),
        ("luot.json", '{"count": "1539736"}', "phải là một số nguyên không âm"),
        ("luot.txt", "1539736", "đuôi .json hoặc .toml"),
    ],
)
def test_broken_count_file_names_the_file(tmp_path, name, text, expected):
    write_files(tmp_path, {f"data/{name}": text})
    message = error_of({"source": "static", "count_file": f"data/{name}"}, tmp_path)
    assert expected in message
    assert f"data/{name}" in message


def test_missing_count_file_says_where_it_looked(tmp_path):
    message = error_of({"source": "static", "count_file": "data/khong-co.toml"}, tmp_path)
    assert str(tmp_path / "data/khong-co.toml") in message
    assert "không tìm thấy" in message


def test_demo_count_file_is_valid():
    checked = check_settings(
        {"source": "static", "count_file": "data/luot-truy-cap.toml"}, ROOT / "content"
    )
    assert checked.count > 0


def test_unknown_source_stops_the_build(make_site):
    with pytest.raises(BuildFailed) as failure:
        make_site({"articles/a.md": ARTICLE}, VISITOR_COUNTER={"source": "goatcouter"})
    (message,) = failure.value.messages
    assert message.startswith("Lỗi khi dựng trang: ")
    assert "'goatcouter' không hợp lệ (có phải ý bạn là 'goatcounter'?)" in message


def test_runner_prints_a_clean_message_not_a_traceback(tmp_path):
    content = write_files(tmp_path / "content", {"articles/a.md": ARTICLE})
    stream = io.StringIO()
    status = build(
        ROOT / "pelicanconf.py",
        {
            "PATH": str(content),
            "OUTPUT_PATH": str(tmp_path / "output"),
            "CACHE_CONTENT": False,
            "LOAD_CONTENT_CACHE": False,
            "VISITOR_COUNTER": {"source": "json", "endpoint": "thongke.example.vn/tong.json"},
        },
        stream=stream,
    )
    printed = stream.getvalue()
    assert status == 1
    assert "KHÔNG DỰNG ĐƯỢC TRANG:" in printed
    assert "VISITOR_COUNTER[\"endpoint\"] = 'thongke.example.vn/tong.json'" in printed
    assert "viết cả https://" in printed
    assert "Traceback" not in printed
    assert not (tmp_path / "output" / "index.html").exists()


def _documented_settings() -> list[dict]:
    """Every ``VISITOR_COUNTER = {...}`` example in the unit's guide, as written there."""
    text = (ROOT / "docs" / "visitor-counter.md").read_text(encoding="utf-8")
    examples = []
    for block in re.findall(r"```python\n(.*?)```", text, re.DOTALL):
        for node in ast.parse(block).body:
            if isinstance(node, ast.Assign) and node.targets[0].id == "VISITOR_COUNTER":
                examples.append(ast.literal_eval(node.value))
    return examples


@pytest.mark.parametrize(
    "setting",
    [{"source": "none"}, *_documented_settings()],
    ids=lambda setting: setting["source"],
)
def test_every_documented_counter_builds_beside_the_kit_count_file(tmp_path, capsys, setting):
    """A unit switching sources keeps content/data/luot-truy-cap.toml: no error for it."""
    count_file = (ROOT / "content" / "data" / "luot-truy-cap.toml").read_text(encoding="utf-8")
    files = {"articles/a.md": ARTICLE, "data/luot-truy-cap.toml": count_file}
    content = write_files(tmp_path / "content", files)
    stream = io.StringIO()
    overrides = {
        "PATH": str(content),
        "OUTPUT_PATH": str(tmp_path / "output"),
        "CACHE_CONTENT": False,
        "LOAD_CONTENT_CACHE": False,
        "SEARCH_INDEX": False,
        "VISITOR_COUNTER": setting,
    }
    status = build(ROOT / "pelicanconf.py", overrides, stream=stream)
    printed = stream.getvalue() + capsys.readouterr().out
    assert status == 0, printed
    assert "luot-truy-cap" not in printed
    assert (tmp_path / "output" / "index.html").is_file()
    assert not list((tmp_path / "output").rglob("luot-truy-cap*"))  # never published


def test_a_stray_file_in_the_data_folder_is_named_once(tmp_path, capsys):
    content = write_files(
        tmp_path / "content", {"articles/a.md": ARTICLE, "data/bien-ban.docx": b"PK\x03\x04"}
    )
    stream = io.StringIO()
    overrides = {"PATH": str(content), "OUTPUT_PATH": str(tmp_path / "output")}
    overrides |= {"SEARCH_INDEX": False, "VISITOR_COUNTER": {"source": "none"}}
    status = build(ROOT / "pelicanconf.py", overrides, stream=stream)
    printed = stream.getvalue() + capsys.readouterr().out
    assert status == 1
    assert printed.count("data/bien-ban.docx:") == 1, printed
    assert "chỉ chứa tệp dữ liệu .toml hoặc .json" in printed
