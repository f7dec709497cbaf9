"""Every field the editor shows: the one place that knows the content model.

Derived from today's rules (content_checks.standard/rules, documents.records,
documents.metadata, documents.settings, content_checks.scaffold) so the form
asks for exactly what ``./portal check`` accepts. When plugins/content_model
exists, only this module needs re-pointing at it.

A field is a plain dict: ``key`` (the header name as written, e.g.
``Image-alt``), ``name`` (the Decap field name), ``kind`` (how the custom
format reads and writes it: text, datetime, date, flag, select, status,
files, image, body) and the Decap widget options.
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from typing import Any

from content_checks.config import DEFAULTS as CHECK_DEFAULTS
from documents.metadata import _PARTY_NUMBER, _STATE_NUMBER
from documents.settings import DEFAULTS as DOCUMENT_DEFAULTS

Field = dict[str, Any]

DATETIME = {"widget": "datetime", "format": "YYYY-MM-DD HH:mm", "date_format": "DD/MM/YYYY"}
DATETIME |= {"time_format": "HH:mm", "picker_utc": False}
DATE = {"widget": "datetime", "format": "YYYY-MM-DD", "date_format": "DD/MM/YYYY"}
DATE |= {"time_format": False, "picker_utc": False}


def _field(key: str, label: str, hint: str, kind: str, **widget: Any) -> Field:
    name = key.lower().replace("-", "_")
    base: Field = {"key": key, "name": name, "kind": kind, "label": label, "hint": hint}
    if kind == "text":
        widget.setdefault("widget", "string")
    return base | widget


def _js_pattern(pattern: re.Pattern[str]) -> str:
    """A Python regex as a JavaScript one (named groups become plain groups)."""
    return re.sub(r"\(\?P<\w+>", "(", pattern.pattern)


def _status(options: list[tuple[str, str]], default: str) -> Field:
    return _field(
        "Status",
        "Tình trạng",
        "Bản nháp không hiện trên trang; chọn đăng khi đã viết xong.",
        "status",
        widget="select",
        options=[{"label": label, "value": value} for value, label in options],
        default=default,
        required=True,
    )


def _title(hint: str) -> Field:
    return _field("Title", "Tiêu đề", hint, "text", required=True)


def _files(settings: Mapping[str, Any], folder: str, hint: str, required: bool) -> Field:
    files_dir = settings.get("DOCUMENT_FILES_DIR", DOCUMENT_DEFAULTS["DOCUMENT_FILES_DIR"])
    return _field(
        "Files",
        "Tệp đính kèm",
        hint,
        "files",
        widget="list",
        required=required,
        min=1 if required else 0,
        add_to_top=False,
        summary="{{fields.label}} ({{fields.file}})",
        fields=[
            {
                "name": "file",
                "label": "Tệp",
                "widget": "file",
                "hint": "PDF, Word, Excel… Tên tệp được đổi thành chữ không dấu.",
                "media_folder": f"/content/{files_dir}/{folder}",
                "public_folder": folder,
                "choose_url": False,
                "required": True,
            },
            {
                "name": "label",
                "label": "Tên hiển thị",
                "widget": "string",
                "hint": "Ví dụ: Toàn văn, Phụ lục 1. Để trống thì hiện tên tệp.",
                "required": False,
            },
        ],
    )


def article_fields(settings: Mapping[str, Any], category: str) -> list[Field]:
    """An article's header (content_checks.standard: ARTICLE_REQUIRED, ARTICLE_FIELDS)."""
    limit = settings.get("SUMMARY_MAX_CHARACTERS", CHECK_DEFAULTS["SUMMARY_MAX_CHARACTERS"])
    names = [entry["name"] for entry in settings.get("CATEGORIES", [])]
    return [
        _title("Ngắn gọn, nói đủ việc gì, ở đâu. Ví dụ: Hội nghị tiếp xúc cử tri phường."),
        _field(
            "Date",
            "Ngày giờ đăng",
            "Ngày/tháng/năm giờ:phút. Đặt ngày giờ sau này để hẹn giờ đăng.",
            "datetime",
            required=True,
            **DATETIME,
        ),
        _field(
            "Category",
            "Chuyên mục",
            "Bài hiện trong chuyên mục này.",
            "select",
            widget="select",
            options=names,
            default=category,
            required=True,
        ),
        _field("Author", "Tác giả", "Tên người viết hoặc Ban biên tập.", "text", required=False),
        _field(
            "Summary",
            "Tóm tắt (sapo)",
            f"Một hai câu, in đậm dưới tiêu đề; tối đa {limit} ký tự.",
            "text",
            widget="text",
            required=True,
            pattern=[f"^[\\s\\S]{{1,{limit}}}$", f"Tóm tắt dài quá {limit} ký tự."],
        ),
        _field(
            "Image",
            "Ảnh đại diện",
            "Ảnh hiện ở trang chủ và khi chia sẻ. Tên tệp được đổi thành chữ không dấu.",
            "image",
            widget="image",
            required=False,
            choose_url=False,
        ),
        _field(
            "Image-alt",
            "Mô tả ảnh đại diện",
            "Bắt buộc khi có ảnh: tả ảnh cho người không nhìn thấy, ví dụ "
            "“Đại diện MTTQ trao quà cho hộ nghèo”.",
            "text",
            required=False,
        ),
        _field(
            "Source", "Nguồn", "Nếu bài lấy từ nơi khác, ghi tên nơi đó.", "text", required=False
        ),
        _status([("published", "Đăng"), ("draft", "Bản nháp")], "published"),
        _body("Nội dung bài. Đề mục lớn dùng “Tiêu đề 2”. Ảnh chèn bằng nút “Ảnh có chú thích”."),
    ]


def notice_fields(settings: Mapping[str, Any]) -> list[Field]:
    """A notice's header (documents.records: NOTICE_REQUIRED, notice_record)."""
    return [
        _title("Ví dụ: Lịch tiếp công dân tháng 6."),
        _field(
            "Date",
            "Ngày giờ đăng",
            "Ngày/tháng/năm giờ:phút.",
            "datetime",
            required=True,
            **DATETIME,
        ),
        _field(
            "Valid-from",
            "Có hiệu lực từ ngày",
            "Để trống thì tính từ ngày đăng.",
            "date",
            required=False,
            **DATE,
        ),
        _field(
            "Expires",
            "Hết hạn ngày",
            "Sau ngày này thông báo chuyển sang “Thông báo cũ”. Để trống nếu không hết hạn.",
            "date",
            required=False,
            **DATE,
        ),
        _field(
            "Pinned",
            "Ghim lên đầu",
            "Thông báo ghim luôn hiện đầu bảng tin.",
            "flag",
            widget="boolean",
            required=False,
            default=False,
        ),
        _field(
            "Summary",
            "Tóm tắt",
            "Một câu: việc gì, cho ai, khi nào.",
            "text",
            widget="text",
            required=False,
        ),
        _files(settings, "thong-bao", "Mẫu đơn, danh sách… (không bắt buộc).", False),
        _status([("published", "Đăng"), ("draft", "Bản nháp")], "published"),
        _body("Nội dung thông báo."),
    ]


def document_fields(settings: Mapping[str, Any]) -> list[Field]:
    """A document's header (documents.records: DOCUMENT_REQUIRED, document_record)."""
    types = list(settings.get("DOCUMENT_TYPES") or DOCUMENT_DEFAULTS["DOCUMENT_TYPES"])
    number = f"^(?:{_js_pattern(_STATE_NUMBER)[1:-1]}|{_js_pattern(_PARTY_NUMBER)[1:-1]})$"
    unit = settings.get("UNIT", {}).get("name", "")
    return [
        _title("Trích yếu nội dung, ví dụ: Kế hoạch tổ chức Ngày hội Đại đoàn kết."),
        _field(
            "Number",
            "Số, ký hiệu",
            "Ví dụ 30/KH-MTTQ, 13/HD-UBMT-BTT hoặc 76/2012/NĐ-CP.",
            "text",
            required=True,
            pattern=[number, "Viết như 30/KH-MTTQ hoặc 76/2012/NĐ-CP (ký hiệu in hoa)."],
        ),
        _field(
            "Type",
            "Loại văn bản",
            "Danh sách loại văn bản đặt trong pelicanconf.py (DOCUMENT_TYPES).",
            "select",
            widget="select",
            options=types,
            required=True,
        ),
        _field("Issuer", "Cơ quan ban hành", "", "text", required=True, default=unit),
        _field("Issued", "Ngày ban hành", "Ngày/tháng/năm.", "date", required=True, **DATE),
        _field(
            "Effective",
            "Hiệu lực",
            "Ngày có hiệu lực (năm-tháng-ngày hoặc ngày/tháng/năm), hoặc “kể từ ngày ký”.",
            "text",
            required=False,
        ),
        _field(
            "Expires",
            "Hết hiệu lực ngày",
            "Để trống nếu không hết hạn.",
            "date",
            required=False,
            **DATE,
        ),
        _field("Signer", "Người ký", "Họ tên, chức vụ.", "text", required=False),
        _files(settings, "van-ban", "Toàn văn (PDF) và phụ lục, mỗi tệp một dòng.", True),
        _field(
            "Replaced-by",
            "Được thay thế bởi",
            "Số, ký hiệu văn bản thay thế văn bản này (nếu có).",
            "text",
            required=False,
        ),
        _status(
            [
                ("Còn hiệu lực", "Còn hiệu lực"),
                ("Hết hiệu lực", "Hết hiệu lực"),
                ("draft", "Bản nháp"),
            ],
            "Còn hiệu lực",
        ),
        _body("Tóm tắt nội dung chính (không bắt buộc).", required=False),
    ]


def page_fields(settings: Mapping[str, Any]) -> list[Field]:
    """A page's header (content_checks.standard: PAGE_FIELDS)."""
    return [
        _title("Ví dụ: Giới thiệu, Liên hệ."),
        _field(
            "Summary",
            "Tóm tắt",
            "Một câu mô tả trang (không bắt buộc).",
            "text",
            widget="text",
            required=False,
        ),
        _status(
            [("published", "Đăng"), ("draft", "Bản nháp"), ("hidden", "Ẩn khỏi menu")], "published"
        ),
        _body("Nội dung trang."),
    ]


def _body(hint: str, *, required: bool = True) -> Field:
    return {
        "key": "",
        "name": "body",
        "kind": "body",
        "label": "Nội dung",
        "hint": hint,
        "widget": "markdown",
        "required": required,
        "modes": ["rich_text", "raw"],
        "buttons": [
            *("bold", "italic", "link", "heading-two", "heading-three"),
            *("quote", "bulleted-list", "numbered-list"),
        ],
        "editor_components": ["image"],
    }


def decap_field(field: Field) -> dict[str, Any]:
    """The Decap widget options of a field (our own keys removed)."""
    return {key: value for key, value in field.items() if key not in {"key", "kind"}}


def format_field(field: Field) -> dict[str, str]:
    """What the custom format (header-format.js) needs to read and write a field."""
    return {"key": field["key"], "name": field["name"], "kind": field["kind"]}
