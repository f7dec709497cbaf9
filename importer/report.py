"""What an import did, for the editor: counts, then every item that needs a look."""

from __future__ import annotations

from dataclasses import dataclass, field


@dataclass
class Report:
    """Filled by the writer while it works; printed and saved at the end."""

    unit: str
    source: str
    dry_run: bool = False
    published: list[str] = field(default_factory=list)
    drafts: list[tuple[str, str]] = field(default_factory=list)
    scheduled: list[str] = field(default_factory=list)
    unchanged: list[str] = field(default_factory=list)
    skipped: list[tuple[str, str]] = field(default_factory=list)
    kept_edited: list[str] = field(default_factory=list)
    missing: list[tuple[str, str]] = field(default_factory=list)
    refused: list[tuple[str, str]] = field(default_factory=list)  # unsafe or renamed files
    duplicates: list[tuple[str, str]] = field(default_factory=list)
    unmapped: dict[str, int] = field(default_factory=dict)
    mapping_file: str = ""
    redirects: int = 0
    seconds: float = 0.0

    def lines(self) -> list[str]:
        """The report as printed (Vietnamese)."""
        head = "Thử nhập (không ghi gì)" if self.dry_run else "Nhập nội dung"
        out = [
            f"{head} từ {self.source} — đơn vị cũ: {self.unit}",
            f"  Đã nhập, đăng ngay: {len(self.published)}",
            f"  Đã nhập, bản nháp: {len(self.drafts)}",
            f"  Đã nhập, hẹn giờ đăng: {len(self.scheduled)}",
            f"  Không đổi so với lần nhập trước: {len(self.unchanged)}",
            f"  Bỏ qua: {len(self.skipped)}",
            "  Giữ nguyên vì biên tập viên đã sửa, xóa hay chuyển chỗ sau lần nhập trước: "
            f"{len(self.kept_edited)}",
            f"  Ảnh, tệp đính kèm không tìm thấy: {len(self.missing)}",
            f"  Ảnh, tệp đính kèm không nhập vì không an toàn hoặc sai định dạng: "
            f"{len(self.refused)}",
            f"  Có thể trùng với tin, văn bản đã có (cùng tiêu đề và ngày, cùng số văn bản): "
            f"{len(self.duplicates)}",
            f"  Địa chỉ cũ được chuyển hướng: {self.redirects}",
            f"  Thời gian: {self.seconds:.1f} giây".replace(".", ","),
        ]
        if self.unmapped:
            out.append(
                f"Chuyên mục cũ chưa ghép (các tin này chưa được nhập; điền vào {self.mapping_file}"
                " rồi chạy lại):"
            )
            out += [f'  - "{name}": {count} mục' for name, count in self.unmapped.items()]
        sections = [
            ("Bản nháp (xem lại rồi xóa dòng Status: draft để đăng):", self.drafts),
            ("Bỏ qua:", self.skipped),
            ("Ảnh, tệp không tìm thấy (bài vẫn được nhập, không có ảnh/tệp đó):", self.missing),
            (
                "Ảnh, tệp không nhập (bài vẫn được nhập, không có ảnh/tệp đó; sửa tệp gốc rồi "
                "chạy lại nếu cần):",
                self.refused,
            ),
            ("Có thể trùng tin, văn bản đã có (đã nhập thành bản nháp):", self.duplicates),
        ]
        for title, rows in sections:
            if rows:
                out.append(title)
                out += [f"  - {what}: {why}" for what, why in rows]
        if self.kept_edited:
            out.append(
                "Tệp biên tập viên đã sửa, xóa hay chuyển chỗ (không ghi đè, không tạo lại):"
            )
            out += [f"  - {path}" for path in self.kept_edited]
        return out

    def text(self) -> str:
        """The report as one text."""
        return "\n".join(self.lines()) + "\n"
