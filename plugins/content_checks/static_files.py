"""Every file a static folder publishes is a picture or an attachment.

Pelican copies ``content/images/`` and ``content/extra/`` as they are, and a
file served from the unit's own domain runs whatever script it carries: an
``images/tin.html``, or an SVG with ``<script>`` or ``onload=``, would be a
page of the portal that an attacker wrote. So each published static file is
checked by extension and first bytes (``portal_core.file_types``), SVG by its
text, and the attachments folder keeps its own rule (``attachments.py``).
"""

from __future__ import annotations

import html
import posixpath
import re
from collections.abc import Mapping
from pathlib import Path
from typing import Any

from portal_core.file_types import IMAGES, PUBLISHED, FileFormat, allowed_list

from .attachments import check_attachment_file, in_attachments
from .kinds import Finding, extension

# What makes an SVG run code or fetch from elsewhere when opened at its own
# address (entities decoded first: "&#106;avascript:" is "javascript:").
_SVG_ACTIVE = re.compile(
    r"<\s*(script|foreignobject|iframe|embed|object|handler|listener)\b"
    r"|\son[a-z]+\s*="
    r"|(java|vb)script\s*:"
    r"|data\s*:\s*text/html"
    r"|<!entity"
    r"|href\s*=\s*[\"']?\s*(https?|ftp)\s*:"
    r"|@import",
    re.IGNORECASE,
)
_SVG_ROOT = re.compile(r"<svg[\s>]", re.IGNORECASE)
_SHOWN = {"script": "<script>", "foreignobject": "<foreignObject>"}


def _accepted(formats: Mapping[str, FileFormat]) -> str:
    return ", ".join(sorted({ext.upper() for ext in formats if ext != "jpeg"}))


def svg_problem(path: Path) -> str | None:
    """Why an SVG may not be published (None when it is a plain drawing)."""
    try:
        text = path.read_bytes().decode("utf-8-sig")
    except UnicodeDecodeError:
        return "không phải tệp văn bản UTF-8 như một hình vẽ SVG thật"
    except OSError as error:
        return f"không đọc được tệp ({error.strerror})"
    if not _SVG_ROOT.search(text):
        return "không có thẻ <svg>, không phải hình vẽ SVG thật"
    found = _SVG_ACTIVE.search(html.unescape(text))
    if found is None:
        return None
    what = found.group(0).strip()
    name = (found.group(1) or "").lower()
    shown = _SHOWN.get(name, f"<{name}>" if name else what[:30])
    return (
        f'chứa mã chạy được hoặc liên kết ra ngoài ("{shown}"): mở tệp này trên trang '
        "của đơn vị sẽ chạy mã đó"
    )


def picture_findings(name: str, path: Path, ext: str) -> list[Finding]:
    """A picture of type ``ext`` that readers' browsers show, and nothing that runs."""
    if ext not in IMAGES:
        return [(0, f'Tệp "{name}" không phải ảnh: chỉ nhận {_accepted(IMAGES)}.')]
    if ext == "svg":
        problem = svg_problem(path)
        if problem is None:
            return []
        return [
            (
                0,
                f'Hình vẽ SVG "{name}" {problem}. Xuất lại hình từ phần mềm vẽ thành '
                "PNG (hoặc SVG thường, không có mã), rồi thay tệp này.",
            )
        ]
    # A JPEG saved as .png is still a picture every browser shows (they sniff
    # images): any raster picture passes, whatever its extension says. The
    # first bytes are read once for all the formats.
    try:
        with path.open("rb") as handle:
            head = handle.read(32)
    except OSError as error:
        return [(0, f"Không đọc được tệp: {error.strerror}.")]
    if any(head[kind.offset :].startswith(kind.magic) for kind in IMAGES.values() if kind.magic):
        return []
    label = IMAGES[ext].label
    return [
        (
            0,
            f'Tệp "{name}" không phải {label} thật (có thể đã bị đổi đuôi). Mở ảnh bằng phần '
            f"mềm xem ảnh rồi lưu lại đúng định dạng {label}.",
        )
    ]


def check_static_file(relative: str, path: Path, settings: Mapping[str, Any]) -> list[Finding]:
    """A published static file: a genuine picture or attachment, nothing that runs."""
    if in_attachments(relative, settings):
        return check_attachment_file(relative, path)
    ext = extension(relative)
    name = posixpath.basename(relative)
    if ext in IMAGES:
        return picture_findings(name, path, ext)
    if ext in PUBLISHED:
        return check_attachment_file(relative, path)
    shown = f'đuôi ".{ext}"' if ext else "không có đuôi"
    folder = posixpath.dirname(relative)
    return [
        (
            0,
            f'Tệp "{name}" ({shown}) không được đăng từ content/{folder}/: trang chỉ đăng ảnh '
            f"({_accepted(IMAGES)}) và tệp đính kèm ({allowed_list()}); một tệp khác (HTML, "
            "mã JavaScript...) đặt trên tên miền của đơn vị có thể chạy mã lạ. Xóa tệp này, "
            "hoặc lưu nội dung thành ảnh hay tệp đính kèm.",
        )
    ]
