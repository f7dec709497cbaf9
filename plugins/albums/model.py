"""Photo albums in the content model, declared by this plugin in its ``register()``."""

from __future__ import annotations

from content_model import CHOICE, DATETIME, MARKUP, TEXT, Field, Kind, origin_fields

ALBUM = Kind(
    name="album",
    label_vi="album ảnh",
    folder="albums",
    paths_setting="ALBUM_PATHS",
    file_pattern="{yyyy}-{slug}.md",
    help_vi="Một thư mục ảnh trong content/images/albums/ và chú thích từng ảnh.",
    plugin="albums",
    fields=(
        Field(
            "Title",
            TEXT,
            "Tên album",
            "Tên album, viết như một câu, không chấm cuối.",
            required=True,
            example="Ngày hội Đại đoàn kết toàn dân tộc năm 2025",
        ),
        Field(
            "Date",
            DATETIME,
            "Ngày",
            "Ngày diễn ra sự kiện: 16/11/2025 09:00.",
            required=True,
            example="2025-11-16 09:00",
        ),
        Field("Summary", MARKUP, "Giới thiệu", "Một câu giới thiệu album."),
        Field(
            "Photos",
            TEXT,
            "Thư mục ảnh",
            "Thư mục chứa ảnh, trong content/: images/albums/<ten-thu-muc>.",
            required=True,
            example="images/albums/2025-ngay-hoi",
            pattern=r"^(\{static\}/?)?images/[A-Za-z0-9/_-]+$",
        ),
        Field(
            "Status",
            CHOICE,
            "Trạng thái",
            "draft: bản nháp, chưa đăng; bỏ dòng này để đăng.",
            example="draft",
            values=("published", "draft"),
        ),
        Field(
            "Slug",
            TEXT,
            "Địa chỉ",
            "Phần cuối địa chỉ, chữ thường không dấu; bỏ trống để tự đặt.",
            pattern=r"^[a-z0-9]+(?:-[a-z0-9]+)*$",
            advanced=True,
        ),
        *origin_fields(),
    ),
)
