"""The check's side of the plain-text rule (see :mod:`content_model.plain_text`).

One pure function, returning ``[(line, message), ...]`` like every rule.
"""

from __future__ import annotations

from collections.abc import Collection

from content_model.plain_text import MARKUP_FIELDS, markup_in

from .source import Header

Finding = tuple[int, str]
# What to write instead, for the fields editors meet most.
_EXAMPLES = {
    "title": "Title: Hội nghị tiếp xúc cử tri",
    "author": "Author: Minh Anh",
    "source": "Source: Báo Đại Đoàn Kết",
    "image-alt": "Image-alt: Đại biểu dự hội nghị",
    "issuer": "Issuer: Ủy ban MTTQ phường",
    "signer": "Signer: Nguyễn Văn An",
}


def check_plain_text(header: Header, markup: Collection[str] = MARKUP_FIELDS) -> list[Finding]:
    """No markup in a plain-text field: it would be shown as code, or run."""
    found = []
    for item in sorted([*header.fields.values(), *header.repeated], key=lambda f: f.line):
        if item.key in markup:
            continue
        for offset, value in enumerate(item.values):
            piece = markup_in(value)
            if piece is None:
                continue
            example = _EXAMPLES.get(item.key, f"{item.name}: ...")
            found.append(
                (
                    item.line + offset,
                    f'Dòng "{item.name}" chỉ ghi chữ thường, không được có thẻ HTML '
                    f'("{piece}"): trình duyệt sẽ hiểu là mã, có thể che trang hoặc chạy '
                    f'mã lạ. Xóa phần bắt đầu bằng "<", chỉ ghi chữ, ví dụ "{example}". '
                    'Địa chỉ thư điện tử ghi trong ngoặc nhọn như "<ten@vi-du.vn>" vẫn được.',
                )
            )
            break
    return found
