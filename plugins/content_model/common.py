"""Fields several kinds share, declared once: each kind composes them.

What is the same whatever the kind lives here (a title is required plain text;
a draft is ``Status: draft`` and a missing line means published; a slug is
lower-case ASCII; where an imported item came from); what a kind says in its
own words (the title's label and help, its example) is an argument.
"""

from __future__ import annotations

from typing import Any

from .model import CHOICE, DATETIME, MARKUP, TEXT, URL, Field

SLUG_PATTERN = r"^[a-z0-9]+(?:-[a-z0-9]+)*$"
# Status values as a form shows them.
STATUS_LABELS = (("published", "Đăng"), ("draft", "Bản nháp"), ("hidden", "Ẩn khỏi menu"))
STATUS_HELP = "Bản nháp không hiện trên trang; chọn đăng khi đã viết xong."
DRAFT_HELP = "draft: bản nháp, chưa đăng; bỏ dòng này để đăng."


def title(label_vi: str, help_vi: str, example: str, **more: Any) -> Field:
    """``Title:``: required plain text (every kind has one)."""
    return Field("Title", TEXT, label_vi, help_vi, required=True, example=example, **more)


def posted(label_vi: str, help_vi: str, example: str, **more: Any) -> Field:
    """``Date:``: a day and an optional time (required where ``more`` says so)."""
    return Field("Date", DATETIME, label_vi, help_vi, example=example, **more)


def summary(label_vi: str, help_vi: str, example: str = "", **more: Any) -> Field:
    """``Summary:``: the one markup field, a sentence or two."""
    return Field("Summary", MARKUP, label_vi, help_vi, example=example, **more)


def status(
    values: tuple[str, ...] = ("published", "draft"),
    help_vi: str = DRAFT_HELP,
    example: str = "draft",
) -> Field:
    """``Status:``: published when the line is missing, else one of ``values``."""
    return Field(
        "Status",
        CHOICE,
        "Trạng thái",
        help_vi,
        example=example,
        values=values,
        value_labels=STATUS_LABELS,
        default="published",
        form_help_vi=STATUS_HELP,
    )


def slug() -> Field:
    """``Slug:``: the end of the address, for developers (not offered to editors)."""
    return Field(
        "Slug",
        TEXT,
        "Địa chỉ",
        "Phần cuối địa chỉ, chữ thường không dấu và dấu gạch nối; bỏ trống để tự đặt.",
        example="hoi-nghi-cu-tri",
        pattern=SLUG_PATTERN,
        advanced=True,
    )


def origin_fields() -> tuple[Field, ...]:
    """Where an imported item came from: every kind accepts these two optional fields."""
    return (
        Field(
            "Origin-unit",
            TEXT,
            "Đơn vị gốc",
            "Đơn vị cũ có trang tin mà mục này được chuyển về (khi nhập từ trang cũ).",
            example="Ủy ban MTTQ phường Hòa Thuận",
            meaning_vi="tên đơn vị cũ",
            in_new_file=False,
        ),
        Field(
            "Origin-url",
            URL,
            "Địa chỉ gốc",
            "Địa chỉ của mục này trên trang cũ: đầy đủ (https://...) hoặc, khi không "
            "biết tên miền cũ, đường dẫn bắt đầu bằng /.",
            example="https://hoathuan.example.vn/tin-tuc/hoi-nghi.html",
            meaning_vi="địa chỉ trên trang cũ",
            pattern=r"^(https?://[^/\s]+\S*|/\S*)$",
            pattern_vi="Ghi địa chỉ đầy đủ (https://...) hoặc đường dẫn cũ bắt đầu bằng /.",
            in_new_file=False,
        ),
    )
