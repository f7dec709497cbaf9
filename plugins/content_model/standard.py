"""The kinds Pelican itself reads: articles ("tin bài") and pages ("trang").

Notices and documents are declared by the ``documents`` plugin, in its own
``register()``.
"""

from __future__ import annotations

from typing import Any

from . import common
from .model import CHOICE, DATETIME, IMAGE, NUMBER, TEXT, Editing, Field, Kind, register_kind

# The longest summary: its setting and default, the one declaration (checks,
# editor form, importer).
SUMMARY_LIMIT = ("SUMMARY_MAX_CHARACTERS", 400)


def _common(
    summary_help: str,
    summary_form: str,
    *,
    summary_required: bool,
    summary_limit: tuple[str, int] | None = None,
) -> tuple[Field, ...]:
    """Fields articles and pages share, in the order editors write them."""
    return (
        common.summary(
            "Tóm tắt (sapo)",
            summary_help,
            "Sáng 3/10, Ủy ban MTTQ phường ...",
            required=summary_required,
            meaning_vi="tóm tắt (sapo) một hai câu",
            form_help_vi=summary_form,
            limit=summary_limit,
        ),
        Field(
            "Author",
            TEXT,
            "Tác giả",
            "Tên người viết hoặc nhóm viết bài, viết như chữ thường.",
            example="Minh Anh",
            form_help_vi="Tên người viết hoặc Ban biên tập.",
        ),
        Field(
            "Image",
            IMAGE,
            "Ảnh đại diện",
            "Ảnh trong content/images/, viết {static}/images/... ; cần kèm Image-alt.",
            example="{static}/images/2024/hoi-nghi.jpg",
            form_help_vi="Ảnh hiện ở trang chủ và khi chia sẻ. "
            "Tên tệp được đổi thành chữ không dấu.",
        ),
        Field(
            "Image-alt",
            TEXT,
            "Mô tả ảnh",
            "Một câu tả ảnh đại diện cho người không xem được ảnh.",
            example="Đại biểu dự hội nghị",
            form_help_vi="Bắt buộc khi có ảnh: tả ảnh cho người không nhìn thấy, ví dụ "
            "“Đại diện MTTQ trao quà cho hộ nghèo”.",
        ),
    )


def _pelican_kind(name: str, folder: str, fields: tuple[Field, ...], **declared: Any) -> Kind:
    """A kind Pelican reads: its own ``fields``, then the ones every such kind accepts.

    Those are where an imported item came from and the fields Pelican
    understands that editors rarely need (``_developer``).
    """
    fields = (*fields, *common.origin_fields(), *_developer())
    return Kind(name=name, folder=folder, fields=fields, **declared)


def _developer() -> tuple[Field, ...]:
    """Fields Pelican understands that editors rarely need (known, not offered)."""
    return (
        common.slug(),
        Field(
            "Lang", TEXT, "Ngôn ngữ", "Trang chỉ có tiếng Việt: không cần dòng này.", advanced=True
        ),
        Field(
            "Template", TEXT, "Mẫu trang", "Mẫu trong theme/templates/; bỏ trống.", advanced=True
        ),
        Field("Save_as", TEXT, "Tệp xuất", "Đường dẫn tệp xuất; bỏ trống.", advanced=True),
        Field("Url", TEXT, "Địa chỉ", "Địa chỉ trang; bỏ trống.", advanced=True),
    )


ARTICLE = _pelican_kind(
    "article",
    "articles",
    label_vi="tin bài",
    file_pattern="{category_slug}/{yyyy}-{mm}-{dd}-{slug}.md",
    help_vi="Tin, bài đăng theo ngày, thuộc một chuyên mục.",
    body_help_vi="Nội dung bài. Đề mục lớn dùng “Tiêu đề 2”. Ảnh chèn bằng nút “Ảnh có chú thích”.",
    editing=Editing("tin", "Tin bài", order=10, split_by="category", sort_fields=("date", "title")),
    fields=(
        common.title(
            "Tiêu đề",
            "Tiêu đề bài, viết như một câu, không chấm cuối.",
            "Hội nghị tiếp xúc cử tri",
            form_help_vi="Ngắn gọn, nói đủ việc gì, ở đâu. Ví dụ: Hội nghị tiếp xúc cử tri phường.",
        ),
        common.posted(
            "Ngày giờ đăng",
            "Ngày giờ đăng; sau thời điểm dựng trang thì bài được hẹn giờ.",
            "2024-10-03 08:30",
            required=True,
            form_help_vi="Ngày/tháng/năm giờ:phút. Đặt ngày giờ sau này để hẹn giờ đăng.",
        ),
        Field(
            "Category",
            CHOICE,
            "Chuyên mục",
            "Một chuyên mục trong danh mục CATEGORIES (pelicanconf.py).",
            required=True,
            example="Tin tức sự kiện",
            registry="CATEGORIES",
            form_help_vi="Bài hiện trong chuyên mục này.",
        ),
        *_common(
            "Một hai câu tóm tắt, hiện in đậm dưới tiêu đề và trong danh sách tin.",
            "Một hai câu, in đậm dưới tiêu đề.",
            summary_required=True,
            summary_limit=SUMMARY_LIMIT,  # checked for articles only
        ),
        Field(
            "Source",
            TEXT,
            "Nguồn",
            "Nơi bài được đăng trước (báo, trang khác), viết như chữ thường.",
            example="Báo Đại Đoàn Kết",
            form_help_vi="Nếu bài lấy từ nơi khác, ghi tên nơi đó.",
        ),
        # Read by the video plugin (plugins/video): a local file or a YouTube address.
        Field(
            "Video",
            TEXT,
            "Video",
            "Địa chỉ YouTube, hoặc tệp .mp4/.webm trong content/files/ (kèm Video-captions).",
            example="files/video/2024-le-ra-quan.mp4",
        ),
        Field(
            "Video-captions",
            TEXT,
            "Phụ đề video",
            "Tệp phụ đề WebVTT (.vtt) trong content/files/, bắt buộc với video tự lưu.",
            example="files/video/2024-le-ra-quan.vtt",
        ),
        Field(
            "Video-poster",
            TEXT,
            "Ảnh chờ của video",
            "Ảnh hiện trước khi bấm xem: images/... (bỏ trống thì dùng ảnh đại diện).",
            example="images/2024/le-ra-quan.jpg",
        ),
        Field(
            "Modified",
            DATETIME,
            "Ngày sửa",
            "Ngày giờ sửa nội dung quan trọng (không bắt buộc).",
            example="2024-10-04 10:00",
            in_new_file=False,
        ),
        common.status(),
        Field("Tags", TEXT, "Từ khóa", "Không dùng (trang không có trang từ khóa).", advanced=True),
        Field("Authors", TEXT, "Các tác giả", "Dùng Author.", advanced=True),
    ),
)

PAGE = _pelican_kind(
    "page",
    "pages",
    label_vi="trang",
    file_pattern="{slug}.md",
    help_vi="Trang thông tin cố định: Giới thiệu, Liên hệ.",
    body_help_vi="Nội dung trang.",
    editing=Editing("trang", "Trang giới thiệu", order=40),
    fields=(
        common.title(
            "Tiêu đề",
            "Tên trang, hiện trên trình đơn.",
            "Giới thiệu",
            form_help_vi="Ví dụ: Giới thiệu, Liên hệ.",
        ),
        *_common(
            "Một hai câu tóm tắt trang (không bắt buộc).",
            "Một câu mô tả trang (không bắt buộc).",
            summary_required=False,
        ),
        common.posted("Ngày đăng", "Không bắt buộc.", "2024-10-03 08:30", in_new_file=False),
        Field(
            "Modified",
            DATETIME,
            "Ngày sửa",
            "Không bắt buộc.",
            example="2024-10-04 10:00",
            in_new_file=False,
        ),
        common.status(
            ("published", "draft", "hidden"),
            "draft: bản nháp; hidden: có trang nhưng không hiện trên trình đơn.",
            "hidden",
        ),
        Field(
            "Order",
            NUMBER,
            "Thứ tự",
            "Thứ tự trên trình đơn (số nhỏ trước).",
            example="1",
            in_new_file=False,
        ),
    ),
)

register_kind(ARTICLE)
register_kind(PAGE)
