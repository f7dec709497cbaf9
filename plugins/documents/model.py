"""Notices ("thông báo") and documents ("văn bản") in the content model.

Declared by this plugin in its ``register()``: the kinds exist only while the
plugin is enabled. Required fields and their meanings here are the ones the
records' checks (``records.py``) ask for.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from content_model import BOOL, CHOICE, DATE, FILES, TEXT, Editing, Field, Kind, common

from .metadata import NUMBER_EXAMPLES, NUMBER_PATTERN
from .settings import DEFAULT_TYPES, DEFAULTS


def document_types(settings: Mapping[str, Any]) -> list[str]:
    """The configured document types (``DOCUMENT_TYPES``, else the plugin's defaults)."""
    return list(settings.get("DOCUMENT_TYPES") or DEFAULT_TYPES)


def unit_name(settings: Mapping[str, Any]) -> str:
    """The unit's name (a new document's issuer, to start with)."""
    unit = settings.get("UNIT") or {}
    return str(unit.get("name", "")) if isinstance(unit, Mapping) else ""


def _kind(name: str, attachments: str, **declared: Any) -> Kind:
    """A kind this plugin reads: folder and attachments where the plugin's settings say.

    Its folder is the plugin's default for ``<NAME>_PATHS``; its attachments go
    to the sub-folder ``attachments`` of DOCUMENT_FILES_DIR.
    """
    return Kind(
        name=name,
        folder=DEFAULTS[f"{name.upper()}_PATHS"][0],
        plugin="documents",
        files_folder=("DOCUMENT_FILES_DIR", DEFAULTS["DOCUMENT_FILES_DIR"], attachments),
        **declared,
    )


def _files(required: bool, form_help: str) -> tuple[Field, ...]:
    return (
        Field(
            "Files",
            FILES,
            "Tệp đính kèm",
            "Tệp trong content/files/, mỗi tệp một dòng (dòng sau thụt 4 dấu cách); "
            'sau "|" là tên hiện cho người đọc.',
            required=required,
            example="van-ban/30-kh-mttq-2024.pdf | Toàn văn",
            meaning_vi="tệp đính kèm trong content/files/",
            form_help_vi=form_help,
        ),
        Field("File", FILES, "Tệp đính kèm", "Như Files (một tệp).", advanced=True),
    )


NOTICE = _kind(
    "notice",
    "thong-bao",
    label_vi="thông báo",
    file_pattern="{yyyy}-{mm}-{dd}-{slug}.md",
    help_vi="Thông báo có thời hạn, hiện ở khối Thông báo trang chủ đến khi hết hạn.",
    body_help_vi="Nội dung thông báo.",
    editing=Editing("thong-bao", "Thông báo", order=20, sort_fields=("date", "title")),
    fields=(
        common.title(
            "Tiêu đề",
            "Tiêu đề thông báo.",
            "Lịch tiếp công dân tháng 12",
            meaning_vi="tiêu đề thông báo",
            form_help_vi="Ví dụ: Lịch tiếp công dân tháng 6.",
        ),
        common.posted(
            "Ngày giờ đăng",
            "Ngày giờ đăng thông báo.",
            "2024-06-01 08:00",
            required=True,
            meaning_vi="ngày đăng, ví dụ 2024-06-01 08:00",
            form_help_vi="Ngày/tháng/năm giờ:phút.",
        ),
        Field(
            "Valid-from",
            DATE,
            "Hiện từ ngày",
            "Ngày bắt đầu hiện (mặc định: ngày đăng).",
            example="2024-06-01",
            form_help_vi="Để trống thì tính từ ngày đăng.",
        ),
        Field(
            "Expires",
            DATE,
            "Hết hạn",
            'Ngày cuối còn hiệu lực; sau đó chuyển sang "Thông báo cũ". Bỏ trống: không hết hạn.',
            example="2024-06-30",
            form_help_vi="Sau ngày này thông báo chuyển sang “Thông báo cũ”. "
            "Để trống nếu không hết hạn.",
        ),
        Field(
            "Pinned",
            BOOL,
            "Ghim",
            '"có" để ghim lên đầu khối Thông báo.',
            example="không",
            default="không",
            form_help_vi="Thông báo ghim luôn hiện đầu bảng tin.",
        ),
        common.summary(
            "Tóm tắt",
            "Một câu tóm tắt, hiện trong danh sách thông báo.",
            "Lịch tiếp công dân của Ban Thường trực trong tháng 12.",
            form_help_vi="Một câu: việc gì, cho ai, khi nào.",
        ),
        *_files(required=False, form_help="Mẫu đơn, danh sách… (không bắt buộc)."),
        common.status(help_vi="draft: bản nháp, chưa đăng."),
        Field(
            "Author", TEXT, "Người viết", "Không dùng (thông báo đứng tên đơn vị).", advanced=True
        ),
        *common.origin_fields(),
        common.slug(),
    ),
)

DOCUMENT = _kind(
    "document",
    "van-ban",
    label_vi="văn bản",
    file_pattern="{number_slug}.md",
    help_vi="Văn bản của đơn vị (kế hoạch, hướng dẫn, thông tri...) với tệp đính kèm.",
    body_help_vi="Nội dung chính của văn bản (không bắt buộc).",
    body_required=False,
    editing=Editing(
        "van-ban",
        "Văn bản",
        order=30,
        list_fields=("number", "title"),
        sort_fields=("issued", "title"),
        file_name="{{fields.number}}-{{year}}",  # {number_slug} needs the check's parser
    ),
    fields=(
        common.title(
            "Trích yếu",
            "Trích yếu nội dung văn bản.",
            "Tổ chức Ngày hội Đại đoàn kết toàn dân tộc năm 2024",
            meaning_vi="trích yếu nội dung văn bản",
            form_help_vi="Trích yếu nội dung, ví dụ: Kế hoạch tổ chức Ngày hội Đại đoàn kết.",
        ),
        Field(
            "Number",
            TEXT,
            "Số/ký hiệu",
            f"Số/ký hiệu như {NUMBER_EXAMPLES}.",
            required=True,
            example="30/KH-MTTQ",
            meaning_vi="số/ký hiệu, ví dụ 30/KH-MTTQ",
            pattern=NUMBER_PATTERN,
            pattern_vi="Viết như 30/KH-MTTQ hoặc 76/2012/NĐ-CP (ký hiệu in hoa).",
            form_help_vi=f"Ví dụ {NUMBER_EXAMPLES}.",
        ),
        Field(
            "Type",
            CHOICE,
            "Loại văn bản",
            "Một loại trong DOCUMENT_TYPES (pelicanconf.py).",
            required=True,
            example="Kế hoạch",
            registry="DOCUMENT_TYPES",
            meaning_vi="loại văn bản, ví dụ Kế hoạch",
            source=document_types,
            form_help_vi="Danh sách loại văn bản đặt trong pelicanconf.py (DOCUMENT_TYPES).",
        ),
        Field(
            "Issuer",
            TEXT,
            "Cơ quan ban hành",
            "Tên cơ quan ban hành văn bản.",
            required=True,
            example="Ban Thường trực Ủy ban MTTQ phường",
            initial=unit_name,
        ),
        Field(
            "Issued",
            DATE,
            "Ngày ban hành",
            "Ngày ký ban hành.",
            required=True,
            example="2024-03-12",
            meaning_vi="ngày ban hành, ví dụ 2024-03-12",
            form_help_vi="Ngày/tháng/năm.",
        ),
        Field(
            "Effective",
            DATE,
            "Ngày có hiệu lực",
            'Bỏ trống hoặc "kể từ ngày ký" = ngày ban hành.',
            example="2024-03-12",
            # A date picker cannot write "kể từ ngày ký".
            form_widget="string",
            form_help_vi="Ngày có hiệu lực (năm-tháng-ngày hoặc ngày/tháng/năm), "
            "hoặc “kể từ ngày ký”.",
        ),
        Field(
            "Expires",
            DATE,
            "Ngày hết hiệu lực",
            "Không bắt buộc.",
            example="2025-03-12",
            form_help_vi="Để trống nếu không hết hạn.",
        ),
        Field(
            "Signer",
            TEXT,
            "Người ký",
            "Họ tên, chức vụ người ký.",
            example="Nguyễn Thị Lan, Chủ tịch",
            form_help_vi="Họ tên, chức vụ.",
        ),
        *_files(required=True, form_help="Toàn văn (PDF) và phụ lục, mỗi tệp một dòng."),
        Field(
            "Replaced-by",
            TEXT,
            "Thay thế bởi",
            "Số/ký hiệu của văn bản mới thay thế văn bản này.",
            example="45/KH-MTTQ",
            form_help_vi="Số, ký hiệu văn bản thay thế văn bản này (nếu có).",
        ),
        Field(
            "Status",
            CHOICE,
            "Tình trạng",
            '"Hết hiệu lực" khi hết hiệu lực không có ngày cụ thể; draft: bản nháp.',
            example="Hết hiệu lực",
            values=("Còn hiệu lực", "Hết hiệu lực", "draft"),
            value_labels=(("draft", "Bản nháp"),),
            default="Còn hiệu lực",
            form_help_vi="“Hết hiệu lực” khi văn bản hết hiệu lực mà không có ngày cụ thể; "
            "bản nháp không hiện trên trang.",
        ),
        common.summary(
            "Tóm tắt",
            "Tóm tắt nội dung (không bắt buộc).",
            "Kế hoạch tổ chức ngày hội tại 12 khu dân cư.",
            in_new_file=False,  # a new document gets a body paragraph instead
        ),
        *common.origin_fields(),
        common.slug(),
    ),
)
