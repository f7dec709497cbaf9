"""What a unit profile holds: every field declared once, with its label and hint.

The validator, the completeness check, the page templates and the README all
read this declaration, so a field is named the same way everywhere an editor
meets it. Keys are English (code); labels and hints are Vietnamese (editors).
"""

from __future__ import annotations

from dataclasses import dataclass, field


@dataclass(frozen=True)
class Text:
    """One line of text (a name, a phone number...)."""

    label: str
    required: bool = False
    hint: str = ""
    check: str = ""  # "phone", "email", "image", "url", "choice:a|b"


@dataclass(frozen=True)
class Paragraphs:
    """A list of strings: paragraphs or list items."""

    label: str
    required: bool = False
    hint: str = ""


@dataclass(frozen=True)
class Flag:
    """true / false."""

    label: str


@dataclass(frozen=True)
class Table:
    """A ``[section]`` holding named fields."""

    label: str
    fields: dict[str, Node]


@dataclass(frozen=True)
class Rows:
    """A list of tables (``[[leaders]]`` or ``hours = [{...}, ...]``)."""

    label: str
    fields: dict[str, Node]
    required: bool = False
    hint: str = ""
    # Required only for some kinds of unit (member organisations: "mttq").
    required_for: tuple[str, ...] = field(default_factory=tuple)


Node = Text | Paragraphs | Flag | Table | Rows

UNIT_KINDS = ("mttq", "chinh-quyen")

_ORGANISATION: dict[str, Node] = {
    "name": Text("Tên bộ phận", True, 'tên bộ phận, ví dụ "Ban Thường trực"'),
    "name_en": Text("Tên bộ phận (tiếng Anh)", True, 'tên tiếng Anh, ví dụ "Standing Board"'),
    "head": Text("Người đứng đầu", True, 'họ tên và chức vụ, ví dụ "Bà Lê Thị Hoa, Chủ tịch"'),
    "members": Paragraphs("Thành viên", False, "mỗi thành viên một chuỗi"),
}
# Departments may hold departments: the organisation chart is a tree.
_ORGANISATION["units"] = Rows("Bộ phận trực thuộc", _ORGANISATION)

PROFILE = Table(
    "Hồ sơ đơn vị",
    {
        "unit": Table(
            "Đơn vị",
            {
                "name": Text("Tên đầy đủ của đơn vị", True, "tên đầy đủ, đúng như trên con dấu"),
                "short_name": Text(
                    "Tên ngắn",
                    True,
                    'tên hiện ở đầu trang, ví dụ "Ủy ban MTTQ Việt Nam phường An Phú"',
                ),
                "locality": Text("Địa danh cấp trên", False, 'ví dụ "Thành phố Lam Giang"'),
                "kind": Text(
                    "Loại đơn vị", True, '"mttq" hoặc "chinh-quyen"', "choice:mttq|chinh-quyen"
                ),
                "site_kind": Text(
                    "Dòng giới thiệu loại trang",
                    True,
                    'ví dụ "Trang thông tin điện tử Ủy ban MTTQ Việt Nam phường An Phú"',
                ),
                "governing_body": Text("Cơ quan chủ quản", True, "tên cơ quan chủ quản của trang"),
                "responsible": Text(
                    "Người chịu trách nhiệm nội dung",
                    True,
                    'họ tên, chức vụ, ví dụ "Ông Nguyễn Văn A, Phó Chủ tịch"',
                ),
                "licence": Text(
                    "Giấy phép hoặc quyết định thành lập trang",
                    False,
                    'số, ngày, cơ quan cấp; để "" nếu không có',
                ),
                "licence_note": Text("Ghi chú bản quyền", False),
            },
        ),
        "contact": Table(
            "Liên hệ",
            {
                "address": Text("Địa chỉ trụ sở", True, "số nhà, đường, phường, thành phố"),
                "phone": Text("Điện thoại", True, 'ví dụ "0200 3 000 101"', "phone"),
                "hotline": Text("Đường dây nóng", True, "số điện thoại đường dây nóng", "phone"),
                "fax": Text("Số fax", False, 'để "" nếu không có', "phone"),
                "email": Text("Thư điện tử", True, 'ví dụ "mttq.anphu@lamgiang.gov.vn"', "email"),
                "hours": Rows(
                    "Giờ làm việc",
                    {
                        "days": Text("Ngày", True, 'ví dụ "Thứ Hai đến thứ Sáu"'),
                        "morning": Text("Buổi sáng", True, 'ví dụ "7:30 – 11:30"'),
                        "afternoon": Text("Buổi chiều", True, 'ví dụ "13:30 – 17:00"'),
                    },
                    True,
                    'mỗi nhóm ngày một dòng { days = "...", morning = "...", afternoon = "..." }',
                ),
                "reception": Text("Lịch tiếp công dân", True, "ngày, giờ, nơi tiếp công dân"),
                "map_image": Text(
                    "Ảnh bản đồ",
                    True,
                    'ảnh trong content/images/, ví dụ "images/ban-do.png"',
                    "image",
                ),
                "map_alt": Text(
                    "Mô tả ảnh bản đồ",
                    True,
                    "một câu tả vị trí trụ sở cho người không xem được ảnh",
                ),
                "map_link": Text("Đường dẫn bản đồ", True, "địa chỉ https:// mở bản đồ lớn", "url"),
                "notes": Paragraphs("Hướng dẫn gửi tin bài, ý kiến", False, "mỗi đoạn một chuỗi"),
            },
        ),
        "functions": Table(
            "Chức năng, nhiệm vụ",
            {
                "role": Paragraphs("Vị trí, chức năng", True, "mỗi đoạn văn một chuỗi"),
                "duties": Paragraphs("Nhiệm vụ, quyền hạn", True, "mỗi nhiệm vụ một chuỗi"),
            },
        ),
        "organisation": Rows(
            "Cơ cấu tổ chức", _ORGANISATION, True, "mỗi bộ phận một mục [[organisation]]"
        ),
        "leaders": Rows(
            "Lãnh đạo",
            {
                "name": Text("Họ và tên", True),
                "position": Text("Chức vụ", True),
                "position_en": Text("Chức vụ (tiếng Anh)", True, 'ví dụ "Vice Chairman"'),
                "duties": Text("Nhiệm vụ phụ trách", True, "lĩnh vực người này phụ trách"),
                "phone": Text("Điện thoại", True, 'ví dụ "0200 3 000 111"', "phone"),
                "email": Text("Thư điện tử", True, "", "email"),
                "photo": Text(
                    "Ảnh",
                    False,
                    'ảnh trong content/images/, ví dụ "images/lanh-dao/ten.jpg"',
                    "image",
                ),
            },
            True,
            "mỗi người một mục [[leaders]]",
        ),
        "member_organisations": Rows(
            "Tổ chức thành viên",
            {
                "name": Text("Tên tổ chức", True),
                "head": Text("Người đứng đầu", True, "họ tên và chức vụ"),
                "phone": Text("Điện thoại", True, "", "phone"),
                "email": Text("Thư điện tử", False, "", "email"),
            },
            False,
            "mỗi tổ chức một mục [[member_organisations]]",
            required_for=("mttq",),
        ),
        "english": Table(
            "Phần tiếng Anh",
            {
                "name": Text("Tên đơn vị (tiếng Anh)", True, "tên chính thức bằng tiếng Anh"),
                "short_name": Text("Tên ngắn (tiếng Anh)", False),
                "about": Paragraphs(
                    "Giới thiệu (tiếng Anh)", True, "mỗi đoạn văn một chuỗi, do đơn vị viết"
                ),
                "address": Text("Địa chỉ (tiếng Anh)", True),
                "hours": Text("Giờ làm việc (tiếng Anh)", True),
                "reception": Text("Lịch tiếp công dân (tiếng Anh)", True),
            },
        ),
        "checks": Table("Kiểm tra", {"strict": Flag("Dừng xuất bản khi thiếu thông tin bắt buộc")}),
    },
)

PROCEDURE_LEVELS = ("Toàn trình", "Một phần", "Trực tiếp")

PROCEDURES = Table(
    "Thủ tục hành chính",
    {
        "portal": Text("Cổng Dịch vụ công", True, "địa chỉ https:// của Cổng Dịch vụ công", "url"),
        "portal_name": Text("Tên Cổng Dịch vụ công", True, 'ví dụ "Cổng Dịch vụ công quốc gia"'),
        "procedures": Rows(
            "Danh sách thủ tục",
            {
                "name": Text("Tên thủ tục", True),
                "field": Text("Lĩnh vực", True, 'ví dụ "Hộ tịch"'),
                "level": Text(
                    "Mức độ dịch vụ công",
                    True,
                    " hoặc ".join(f'"{x}"' for x in PROCEDURE_LEVELS),
                    "choice:" + "|".join(PROCEDURE_LEVELS),
                ),
                "link": Text(
                    "Đường dẫn nộp hồ sơ",
                    True,
                    "địa chỉ https:// của thủ tục trên Cổng Dịch vụ công",
                    "url",
                ),
                "code": Text("Mã thủ tục", False),
            },
            True,
            "mỗi thủ tục một mục [[procedures]]",
        ),
    },
)
