"""Photo albums in the content model, declared by this plugin in its ``register()``."""

from __future__ import annotations

from content_model import TEXT, Editing, Field, Kind, common

ALBUM = Kind(
    name="album",
    label_vi="album ảnh",
    folder="albums",
    file_pattern="{yyyy}-{slug}.md",
    help_vi="Một thư mục ảnh trong content/images/albums/ và chú thích từng ảnh.",
    plugin="albums",
    # Not Markdown: one "- photo: caption" line per photo, read by source.py.
    body_type=TEXT,
    body_help_vi="Mỗi ảnh một dòng, theo thứ tự hiện: “- anh-01.jpg: Chú thích ảnh.” "
    "Chú thích cũng là lời tả ảnh cho người không nhìn thấy.",
    editing=Editing("album-anh", "Album ảnh", order=50, sort_fields=("date", "title")),
    fields=(
        common.title(
            "Tên album",
            "Tên album, viết như một câu, không chấm cuối.",
            "Ngày hội Đại đoàn kết toàn dân tộc năm 2025",
        ),
        common.posted(
            "Ngày",
            "Ngày diễn ra sự kiện: 16/11/2025 09:00.",
            "2025-11-16 09:00",
            required=True,
        ),
        common.summary("Giới thiệu", "Một câu giới thiệu album."),
        Field(
            "Photos",
            TEXT,
            "Thư mục ảnh",
            "Thư mục chứa ảnh, trong content/: images/albums/<ten-thu-muc>.",
            required=True,
            example="images/albums/2025-ngay-hoi",
            pattern=r"^(\{static\}/?)?images/[A-Za-z0-9/_-]+$",
            pattern_vi="Ghi thư mục ảnh như images/albums/2025-ngay-hoi (chữ không dấu).",
            # A form cannot upload a folder: the photos are copied there first.
            form_help_vi="Thư mục trong content/images/ đã chứa các ảnh của album, ví dụ "
            "images/albums/2025-ngay-hoi.",
        ),
        common.status(),
        common.slug(),
        *common.origin_fields(),
    ),
)
