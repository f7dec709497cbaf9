"""Word lists and sentence templates for the benchmark corpus (our own text).

Each category of the registry has its own title patterns so that a generated
listing reads like a real ward portal; the body sentences are shared. Slots in
braces are filled by :mod:`bench.corpus` from the lists below.
"""

from __future__ import annotations

WARDS = (
    "Hòa Bình",
    "An Khê",
    "Tân Lập",
    "Phước Mỹ",
    "Thạch Thang",
    "Hải Châu",
    "Thuận Phước",
    "Nại Hiên Đông",
    "Bình Hiên",
    "Mỹ An",
)
RESIDENTIAL_AREAS = (
    "khu dân cư số 3",
    "tổ dân phố 12",
    "khu dân cư Tân Lập",
    "tổ dân phố 7",
    "khu dân cư Bàu Sen",
    "tổ dân phố 21",
    "khu dân cư Đồng Xanh",
    "tổ dân phố 4",
)
MEN = (
    "Trần Văn Phúc",
    "Lê Minh Tâm",
    "Hoàng Văn Đức",
    "Đặng Quốc Tuấn",
    "Huỳnh Văn Lợi",
)
WOMEN = (
    "Nguyễn Thị Hồng",
    "Phạm Thị Lan",
    "Võ Thị Thu Hà",
    "Bùi Thị Ngọc Ánh",
    "Ngô Thị Mai",
)
AUTHORS = (
    "Minh Anh",
    "Thu Hà",
    "Quốc Tuấn",
    "Ngọc Ánh",
    "Ban biên tập",
    "Văn Lợi",
    "Hồng Nhung",
    "Đức Trí",
)
ORGANISATIONS = (
    "Ủy ban MTTQ Việt Nam phường",
    "Hội Liên hiệp Phụ nữ phường",
    "Đoàn Thanh niên phường",
    "Hội Cựu chiến binh phường",
    "Hội Nông dân phường",
    "Hội Người cao tuổi phường",
    "Ban Công tác Mặt trận khu dân cư",
    "Ủy ban nhân dân phường",
)
PARTICIPANTS = (
    "đoàn viên, hội viên",
    "cử tri",
    "hộ gia đình",
    "người cao tuổi",
    "thanh niên tình nguyện",
    "cán bộ, công chức",
    "học sinh",
    "trưởng ban công tác Mặt trận",
)
EVENT_NOUNS = (
    "hội nghị sơ kết sáu tháng",
    "buổi tuyên truyền pháp luật",
    "chương trình ra quân làm sạch môi trường",
    "buổi đối thoại với nhân dân",
    "lễ phát động thi đua",
    "buổi tập huấn nghiệp vụ",
    "đợt thăm hỏi, tặng quà",
    "hội thi tìm hiểu lịch sử địa phương",
)
TOPICS = (
    "an toàn giao thông",
    "phòng, chống dịch sốt xuất huyết",
    "phân loại rác thải tại nguồn",
    "chuyển đổi số trong khu dân cư",
    "xây dựng nếp sống văn minh đô thị",
    "bảo hiểm y tế hộ gia đình",
    "phòng cháy, chữa cháy",
    "khuyến học, khuyến tài",
)
RESULTS = (
    "tỷ lệ hộ gia đình đạt danh hiệu gia đình văn hóa tăng so với năm trước",
    "nhiều mô hình hay được nhân rộng ở các khu dân cư",
    "đời sống vật chất và tinh thần của nhân dân từng bước được nâng lên",
    "các kiến nghị của cử tri được giải quyết kịp thời, đúng quy định",
    "công tác vận động ủng hộ vượt chỉ tiêu đề ra",
    "tình hình an ninh, trật tự trên địa bàn được giữ vững",
)
PHOTO_CAPTIONS = (
    "Quang cảnh hội nghị",
    "Đại biểu trao quà cho các hộ gia đình",
    "Lực lượng thanh niên ra quân dọn vệ sinh",
    "Cử tri phát biểu ý kiến tại buổi tiếp xúc",
    "Trao nhà Đại đoàn kết cho hộ nghèo",
    "Các đội thi tranh tài sôi nổi",
)
QUARTERS = ("quý I", "quý II", "quý III", "quý IV", "sáu tháng đầu năm", "cả năm")

# Title patterns per category slug (see CATEGORIES in pelicanconf.py).
TITLES = {
    "tin-tuc-su-kien": (
        "Phường {ward} ra quân hưởng ứng tháng hành động vì {topic}",
        "Khai mạc hội thi tìm hiểu về {topic} năm {year}",
        "Phường {ward} tổ chức {event} tại {area}",
        "Kỷ niệm {number} năm ngày truyền thống lực lượng dân phòng phường {ward}",
    ),
    "hoat-dong-mat-tran": (
        "Hội nghị hiệp thương lần thứ {number} Ủy ban MTTQ phường {ward}",
        "Ngày hội Đại đoàn kết toàn dân tộc ở {area}",
        "{org} triển khai chương trình phối hợp {quarter} năm {year}",
        "Ủy ban MTTQ phường {ward} sơ kết công tác {quarter} năm {year}",
    ),
    "giam-sat-phan-bien": (
        "Giám sát việc thực hiện chính sách về {topic} tại phường {ward}",
        "Hội nghị tiếp xúc cử tri trước kỳ họp thứ {number} tại {area}",
        "Góp ý dự thảo quy định về {topic}",
        "Phản biện xã hội dự thảo kế hoạch {topic} năm {year}",
    ),
    "vi-nguoi-ngheo": (
        "Trao {number} căn nhà Đại đoàn kết cho hộ nghèo phường {ward}",
        "Tiếp nhận ủng hộ Quỹ “Vì người nghèo” năm {year}",
        "{org} thăm, tặng quà gia đình khó khăn ở {area}",
        "Phường {ward} hỗ trợ sinh kế cho {number} hộ cận nghèo",
    ),
    "van-hoa-xa-hoi": (
        "{area} giữ vững danh hiệu khu dân cư văn hóa năm {year}",
        "Tuyên truyền {topic} đến từng hộ gia đình ở phường {ward}",
        "Liên hoan văn nghệ quần chúng phường {ward} lần thứ {number}",
        "Trao học bổng khuyến học cho {number} học sinh vượt khó",
    ),
    "guong-nguoi-tot-viec-tot": (
        "Bà {woman}, người “giữ lửa” phong trào ở {area}",
        "Ông {man} hiến đất mở rộng đường kiệt ở {area}",
        "Cựu chiến binh {man} gương mẫu trong {topic}",
        "Tấm lòng của chị {woman} với người già neo đơn",
    ),
    "cai-cach-hanh-chinh": (
        "Hướng dẫn người dân nộp hồ sơ trực tuyến về {topic}",
        "Phường {ward} triển khai thanh toán không dùng tiền mặt tại bộ phận một cửa",
        "Kết quả cải cách hành chính {quarter} năm {year} của phường {ward}",
        "Lấy ý kiến người dân về mức độ hài lòng với dịch vụ công năm {year}",
    ),
}

LEADS = (
    "Sáng {day}, {org} {ward} đã tổ chức {event} với sự tham gia của hơn {count} {people}.",
    "Thực hiện kế hoạch năm {year}, {org} {ward} phối hợp với các ban ngành "
    "tổ chức {event} về {topic}.",
    "Chiều {day}, tại hội trường {area}, {org} {ward} tổ chức {event}; "
    "{count} {people} đã tham dự.",
)
SENTENCES = (
    "Phát biểu tại buổi lễ, ông {man} đánh giá cao tinh thần trách nhiệm của "
    "các {people} trong thời gian qua.",
    "Qua {number} năm triển khai, {result}.",
    "Các đại biểu đã thảo luận sôi nổi, đề xuất nhiều giải pháp thiết thực về {topic}.",
    "Dịp này, {org} đã khen thưởng {number} tập thể và {count} cá nhân có thành tích xuất sắc.",
    "Bà {woman}, đại diện {area}, chia sẻ kinh nghiệm vận động nhân dân tham gia {topic}.",
    "Theo báo cáo, trong {quarter}, {result}.",
    "Kết thúc chương trình, các {people} cùng ký cam kết thực hiện tốt {topic}.",
    "Ban tổ chức cho biết hoạt động sẽ được duy trì thường xuyên tại {area}.",
)
# Straight quotes, "..." and "&" as editors type them: typogrify has work here.
QUOTED_SENTENCES = (
    'Cuộc vận động "Người Việt Nam ưu tiên dùng hàng Việt Nam" tiếp tục được {org} '
    "triển khai sâu rộng.",
    'Phong trào "Toàn dân đoàn kết xây dựng đời sống văn hóa" ở {area} có nhiều '
    "chuyển biến rõ nét.",
    "Nhiều ý kiến đề nghị làm rõ trách nhiệm của từng tổ chức, từng cá nhân...",
    "Phòng Văn hóa & Thông tin phối hợp tổ chức các hoạt động về {topic}.",
)
HEADINGS = (
    "Kết quả đạt được",
    "Những hạn chế, tồn tại",
    "Nhiệm vụ trọng tâm thời gian tới",
    "Ý kiến của cử tri",
    "Các giải pháp cụ thể",
)
LIST_ITEMS = (
    "Tiếp tục tuyên truyền, vận động nhân dân thực hiện tốt {topic}.",
    "Phối hợp với {org} tổ chức kiểm tra định kỳ tại {area}.",
    "Biểu dương, khen thưởng kịp thời những điển hình tiêu biểu.",
    "Rà soát, cập nhật danh sách hộ nghèo, hộ cận nghèo trên địa bàn.",
    "Nâng cao chất lượng sinh hoạt của các chi hội ở {area}.",
    "Ứng dụng công nghệ thông tin trong tiếp nhận phản ánh của người dân.",
)
TABLE_HEADER = ("TT", "Khu dân cư", "Số hộ tham gia", "Kinh phí (đồng)")
