"""A deterministic register of many documents, for browser tests and the benchmark.

Document ``i`` depends only on ``i``; numbers never repeat, so the register
builds cleanly at any size. Every document shares one small attached PDF.
"""

from __future__ import annotations

import datetime as dt
import random
from dataclasses import dataclass

from portal_core.text import slugify_vi

PDF = b"%PDF-1.4\n% tep dinh kem dung chung cho bo van ban thu nghiem\n"
ATTACHMENT = "van-ban/chung.pdf"
# (type, code in the number); several types so the filter has work to do.
TYPES = [
    ("Kế hoạch", "KH"),
    ("Hướng dẫn", "HD"),
    ("Báo cáo", "BC"),
    ("Thông báo", "TB"),
    ("Nghị quyết", "NQ"),
    ("Quyết định", "QĐ"),
    ("Chương trình", "CTr"),
    ("Công văn", ""),
    ("Tờ trình", "TTr"),
    ("Chỉ thị", "CT"),
]
# (issuer, code): initials D, Đ, U, Ư, V test the Vietnamese order.
ISSUERS = [
    ("Ban Thường trực Ủy ban MTTQ phường Hòa Bình", "MTTQ-BTT"),
    ("Ủy ban nhân dân phường Hòa Bình", "UBND"),
    ("Đảng ủy phường Hòa Bình", "ĐU"),
    ("Đoàn Thanh niên phường Hòa Bình", "ĐTN"),
    ("Hội Liên hiệp Phụ nữ phường Hòa Bình", "HLHPN"),
    ("Hội Cựu chiến binh phường Hòa Bình", "HCCB"),
    ("Văn phòng Ủy ban nhân dân phường", "VP"),
    ("Ủy ban MTTQ Việt Nam thành phố Lam Giang", "MTTQ-TP"),
]
SUBJECTS = [
    "tổ chức Ngày hội Đại đoàn kết toàn dân tộc",
    "vận động ủng hộ Quỹ Vì người nghèo",
    "giám sát việc thực hiện chính sách bảo hiểm y tế",
    "xây dựng khu dân cư văn minh, sạch đẹp",
    "lấy ý kiến Nhân dân về chỉnh trang vỉa hè",
    "phòng cháy, chữa cháy tại khu dân cư",
    "tiếp xúc cử tri trước kỳ họp Hội đồng nhân dân",
    "bình xét hộ nghèo, hộ cận nghèo",
    "tập huấn nghiệp vụ cho Ban công tác Mặt trận",
    "phát động phong trào hiến máu tình nguyện",
]
PLACES = ["khu phố 1", "khu phố 2", "khu phố 3", "khu phố 4", "toàn phường", "các chi hội"]
FIRST_DAY = dt.date(2016, 1, 1)
DAYS = (dt.date(2025, 12, 31) - FIRST_DAY).days + 1


@dataclass(frozen=True)
class CorpusDocument:
    """One generated document, as the test expects to see it."""

    number: str
    kind: str
    issuer: str
    issued: dt.date
    abstract: str

    def markdown(self) -> str:
        """Its Markdown file."""
        return (
            f"Title: {self.abstract}\n"
            f"Number: {self.number}\n"
            f"Type: {self.kind}\n"
            f"Issuer: {self.issuer}\n"
            f"Issued: {self.issued.isoformat()}\n"
            f"Files: {ATTACHMENT}\n"
        )


def document(index: int) -> CorpusDocument:
    """Document ``index`` (0-based)."""
    rng = random.Random(f"documents-{index}")
    kind, kind_code = rng.choice(TYPES)
    issuer, issuer_code = rng.choice(ISSUERS)
    issued = FIRST_DAY + dt.timedelta(days=rng.randrange(DAYS))
    symbol = f"{kind_code}-{issuer_code}" if kind_code else issuer_code
    subject = rng.choice(SUBJECTS)
    place = rng.choice(PLACES)
    return CorpusDocument(
        number=f"{index + 1}/{symbol}",
        kind=kind,
        issuer=issuer,
        issued=issued,
        abstract=f"{kind} {subject} tại {place} năm {issued.year}",
    )


def corpus(size: int) -> list[CorpusDocument]:
    """The first ``size`` documents."""
    return [document(index) for index in range(size)]


def content_files(documents: list[CorpusDocument]) -> dict[str, str | bytes]:
    """``{relative path: content}`` for a content folder with these documents."""
    files: dict[str, str | bytes] = {f"files/{ATTACHMENT}": PDF}
    for item in documents:
        slug = slugify_vi(item.number)
        files[f"documents/{slug}.md"] = item.markdown()
    return files
