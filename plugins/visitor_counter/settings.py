"""Read and check the VISITOR_COUNTER setting (and its data file) once per build.

Every mistake a unit can make here (a misspelt source, a count written as
text, an endpoint without https) stops the build with one Vietnamese message
that names the setting and says how to fix it.
"""

from __future__ import annotations

import difflib
import json
import re
import tomllib
from dataclasses import dataclass
from pathlib import Path
from typing import Any
from urllib.parse import urlsplit

SOURCES = ("none", "static", "goatcounter", "json")
DEFAULTS: dict[str, Any] = {
    # "none" hides the widget; "static" shows `count`; "goatcounter" and "json"
    # ask a counter service in the reader's browser.
    "source": "none",
    # static: the number shown. goatcounter/json: visits counted before the
    # live counter started (e.g. by the old portal); added to the live total
    # and shown, as a lower bound, until (or if never) the live value arrives.
    "count": None,
    # The same number from a file (JSON or TOML, key "count"), relative to the
    # content folder, so a unit can update it without touching the settings.
    "count_file": None,
    # At least this many digit boxes ("0001234" with 7).
    "min_digits": 7,
    # goatcounter: the site code ("mttq-hoabinh" -> https://mttq-hoabinh.goatcounter.com)
    # or the address of a self-hosted GoatCounter.
    "goatcounter": None,
    # json: the URL answering {"count": n} (optionally "online": n) ...
    "endpoint": None,
    # ... and, optionally, a URL template with {path} answering one page's count
    "page_endpoint": None,
    # ... and, optionally, a URL listing the most-read pages for "Đọc nhiều":
    # {"pages": [{"path": "/2024/05/01/hoi-nghi/", "title": "...", "count": n}, ...]}
    # (most read first). Static and GoatCounter's public counter cannot list
    # pages, so the block exists only with this key.
    "top_endpoint": None,
}
# Keys that only make sense with one source.
SOURCE_KEYS = {
    "goatcounter": "goatcounter",
    "endpoint": "json",
    "page_endpoint": "json",
    "top_endpoint": "json",
}
MAX_DIGITS = 12
MAX_COUNT = 10**MAX_DIGITS - 1
_CODE = re.compile(r"[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?")
_LOCAL_HOSTS = {"localhost", "127.0.0.1", "::1"}
_SETTING = "VISITOR_COUNTER"


class VisitorCounterSettingsError(ValueError):
    """VISITOR_COUNTER (or its data file) is wrong; the message says how to fix it."""


@dataclass(frozen=True)
class CounterSettings:
    """The checked setting: every value has its final type.

    ``count`` is None when no number is known (never a made-up 0); the URLs
    are set for the live sources only (``page_url`` has a {path} to fill in).
    """

    source: str
    count: int | None
    min_digits: int
    total_url: str | None = None
    page_url: str | None = None
    script_url: str | None = None
    count_url: str | None = None
    top_url: str | None = None  # "Đọc nhiều" (most-read pages), json only


def _suggest(word: str, choices: list[str] | tuple[str, ...]) -> str:
    close = difflib.get_close_matches(word, choices, n=1, cutoff=0.6)
    return f" (có phải ý bạn là '{close[0]}'?)" if close else ""


def _key(name: str) -> str:
    return f'{_SETTING}["{name}"]'


def check_count(value: Any, where: str) -> int:
    """Return ``value`` as a visit count or raise (``where`` names its origin)."""
    if isinstance(value, bool) or not isinstance(value, int):
        raise VisitorCounterSettingsError(
            f"{where} phải là một số nguyên không âm, viết liền không dấu chấm "
            f"(ví dụ 1539736), không phải {value!r}."
        )
    if not 0 <= value <= MAX_COUNT:
        raise VisitorCounterSettingsError(
            f"{where} = {value} nằm ngoài khoảng hợp lệ 0 đến {MAX_COUNT}."
        )
    return value


def read_count_file(path: Path) -> int:
    """Return the ``count`` stored in a JSON or TOML file, or raise naming the file."""
    suffix = path.suffix.lower()
    if suffix not in {".json", ".toml"}:
        raise VisitorCounterSettingsError(
            f"{path}: tệp số lượt truy cập phải có đuôi .json hoặc .toml."
        )
    try:
        text = path.read_text(encoding="utf-8-sig")
    except FileNotFoundError:
        raise VisitorCounterSettingsError(
            f"{path}: không tìm thấy tệp số lượt truy cập ({_key('count_file')}); "
            "kiểm tra tên tệp, đường dẫn tính từ thư mục nội dung."
        ) from None
    except (OSError, UnicodeDecodeError) as error:
        raise VisitorCounterSettingsError(
            f"{path}: không đọc được tệp số lượt truy cập ({error}); lưu lại tệp dạng UTF-8."
        ) from None
    try:
        data = json.loads(text) if suffix == ".json" else tomllib.loads(text)
    except json.JSONDecodeError as error:
        raise VisitorCounterSettingsError(
            f"{path}:{error.lineno}: JSON sai cú pháp ({error.msg}); "
            'tệp cần có dạng {"count": 1539736}.'
        ) from None
    except tomllib.TOMLDecodeError as error:
        raise VisitorCounterSettingsError(
            f"{path}: TOML sai cú pháp ({error}); tệp cần có dòng: count = 1539736"
        ) from None
    if not isinstance(data, dict) or "count" not in data:
        raise VisitorCounterSettingsError(
            f'{path}: thiếu khóa "count"; ghi số lượt truy cập, ví dụ count = 1539736.'
        )
    return check_count(data["count"], f'{path}: "count"')


def check_url(value: Any, name: str, *, template: bool = False) -> str:
    """Return a usable endpoint URL or raise; ``template`` requires one {path}."""
    example = "https://thongke.example.vn/luot-truy-cap.json"
    if template:
        example = "https://thongke.example.vn/trang/{path}.json"
    if not isinstance(value, str) or not value.strip():
        raise VisitorCounterSettingsError(f"{_key(name)} phải là một địa chỉ, ví dụ {example!r}.")
    if any(char.isspace() for char in value):
        raise VisitorCounterSettingsError(
            f"{_key(name)} = {value!r} chứa khoảng trắng; xóa khoảng trắng trong địa chỉ."
        )
    parts = urlsplit(value)
    host = parts.hostname or ""
    if parts.scheme not in {"http", "https"} or not host:
        raise VisitorCounterSettingsError(
            f"{_key(name)} = {value!r} không phải địa chỉ web đầy đủ; "
            f"viết cả https:// và tên máy chủ, ví dụ {example!r}."
        )
    if parts.scheme == "http" and host not in _LOCAL_HOSTS:
        raise VisitorCounterSettingsError(
            f"{_key(name)} = {value!r} dùng http://; trang đăng trên https sẽ chặn nó, "
            "hãy dùng https://."
        )
    if parts.fragment or parts.username or parts.password:
        raise VisitorCounterSettingsError(
            f"{_key(name)} = {value!r} không được chứa '#', tên đăng nhập hay mật khẩu."
        )
    placeholders = value.count("{path}")
    braces = value.replace("{path}", "")
    if "{" in braces or "}" in braces or placeholders > (1 if template else 0):
        raise VisitorCounterSettingsError(
            f"{_key(name)} = {value!r}: chỉ được dùng đúng một chỗ {{path}}"
            + ("." if template else "; địa chỉ tổng không có {path}.")
        )
    if template and placeholders != 1:
        raise VisitorCounterSettingsError(
            f"{_key(name)} = {value!r} thiếu chỗ {{path}} (đường dẫn của trang), ví dụ {example!r}."
        )
    return value


def goatcounter_host(value: Any) -> str:
    """Return the GoatCounter origin for a site code or a self-hosted address."""
    if isinstance(value, str) and _CODE.fullmatch(value):
        return f"https://{value}.goatcounter.com"
    if isinstance(value, str) and "://" in value:
        url = check_url(value, "goatcounter")
        parts = urlsplit(url)
        if parts.query:
            raise VisitorCounterSettingsError(
                f"{_key('goatcounter')} = {value!r}: chỉ ghi địa chỉ máy chủ GoatCounter, "
                "không kèm '?...'."
            )
        return url.rstrip("/")
    raise VisitorCounterSettingsError(
        f"{_key('goatcounter')} = {value!r}: ghi mã trang GoatCounter (chữ thường, số, "
        "gạch nối, ví dụ 'mttq-hoabinh') hoặc địa chỉ máy chủ GoatCounter riêng "
        "(ví dụ 'https://thongke.example.vn')."
    )


def _merged(raw: Any) -> dict[str, Any]:
    if raw is None:
        return dict(DEFAULTS)
    if not isinstance(raw, dict):
        raise VisitorCounterSettingsError(
            f'{_SETTING} phải là một dict, ví dụ {{"source": "static", "count": 1539736}}.'
        )
    for key in raw:
        if key not in DEFAULTS:
            raise VisitorCounterSettingsError(
                f"{_SETTING} có khóa lạ {key!r}{_suggest(str(key), list(DEFAULTS))}; "
                f"các khóa hợp lệ: {', '.join(DEFAULTS)}."
            )
    return {**DEFAULTS, **raw}


def _count(values: dict[str, Any], content: Path) -> int | None:
    if values["count"] is not None and values["count_file"] is not None:
        raise VisitorCounterSettingsError(
            f"Chỉ đặt một trong hai: {_key('count')} hoặc {_key('count_file')}."
        )
    if values["count_file"] is not None:
        name = values["count_file"]
        if not isinstance(name, str) or not name.strip():
            raise VisitorCounterSettingsError(
                f"{_key('count_file')} phải là tên tệp, ví dụ 'data/luot-truy-cap.toml'."
            )
        return read_count_file(content / name)
    if values["count"] is not None:
        return check_count(values["count"], _key("count"))
    return None


def check_settings(raw: Any, content: str | Path) -> CounterSettings:
    """Return the checked VISITOR_COUNTER (``content`` anchors ``count_file``)."""
    values = _merged(raw)
    source = values["source"]
    if source not in SOURCES:
        raise VisitorCounterSettingsError(
            f"{_key('source')} = {source!r} không hợp lệ{_suggest(str(source), SOURCES)}; "
            f"chọn một trong: {', '.join(SOURCES)}."
        )
    for key, owner in SOURCE_KEYS.items():
        if values[key] is not None and source != owner:
            raise VisitorCounterSettingsError(
                f"{_key(key)} chỉ dùng với nguồn '{owner}', nhưng nguồn đang là '{source}'; "
                f"xóa khóa này hoặc đặt {_key('source')} = '{owner}'."
            )
    digits = values["min_digits"]
    if isinstance(digits, bool) or not isinstance(digits, int) or not 1 <= digits <= MAX_DIGITS:
        raise VisitorCounterSettingsError(
            f"{_key('min_digits')} phải là số nguyên từ 1 đến {MAX_DIGITS}, không phải {digits!r}."
        )
    count = _count(values, Path(content))
    if source == "static" and count is None:
        raise VisitorCounterSettingsError(
            f"Nguồn 'static' cần số lượt truy cập: đặt {_key('count')} "
            f"(ví dụ 1539736) hoặc {_key('count_file')}."
        )
    if source == "goatcounter":
        if values["goatcounter"] is None:
            raise VisitorCounterSettingsError(
                f"Nguồn 'goatcounter' cần {_key('goatcounter')}: mã trang (ví dụ "
                "'mttq-hoabinh') hoặc địa chỉ máy chủ GoatCounter riêng."
            )
        host = goatcounter_host(values["goatcounter"])
        return CounterSettings(
            source,
            count,
            digits,
            total_url=f"{host}/counter/TOTAL.json",
            page_url=f"{host}/counter/{{path}}.json",
            script_url=f"{host}/count.js",
            count_url=f"{host}/count",
        )
    if source == "json":
        if values["endpoint"] is None:
            raise VisitorCounterSettingsError(
                f"Nguồn 'json' cần {_key('endpoint')}: địa chỉ trả về {{\"count\": n}}."
            )
        total = check_url(values["endpoint"], "endpoint")
        page = values["page_endpoint"]
        page = None if page is None else check_url(page, "page_endpoint", template=True)
        top = values["top_endpoint"]
        top = None if top is None else check_url(top, "top_endpoint")
        return CounterSettings(source, count, digits, total_url=total, page_url=page, top_url=top)
    return CounterSettings(source, count, digits)
