"""Addresses the build would not understand: say so before it stops on them.

- A ``{static}`` path written percent-encoded (``h%E1%BB%99i.jpg``, as a browser
  copies it): the check found the file after decoding it, Pelican looks for the
  encoded name and the build stopped on an English warning. Only ``%20`` is
  decoded by Pelican itself.
- ``Image:`` with ``javascript:``, ``vbscript:``, ``data:`` (or any scheme but
  https): a featured photo is a file of the site, never code or inline data.

One pure function per rule, returning ``[(line, message), ...]``.
"""

from __future__ import annotations

from collections.abc import Iterable
from urllib.parse import unquote, urlsplit

from .body import Reference
from .body_rules import content_target
from .source import Header

Finding = tuple[int, str]
_CODE_SCHEMES = ("javascript:", "vbscript:", "data:")


def _decoded(url: str) -> str | None:
    """The path as Pelican needs it, when ``url`` is a percent-encoded ``{static}`` path."""
    if content_target(url, "") is None or "%" not in url:
        return None
    path = urlsplit(url).path.replace("%20", " ")
    plain = unquote(path)
    return None if plain == path else url.replace(urlsplit(url).path, plain, 1)


def _encoded_message(url: str, plain: str) -> str:
    return (
        f'Đường dẫn "{url}" viết tên tệp ở dạng mã hóa (%..): trang không tìm được tệp. '
        f'Viết tên tệp như nó có: "{plain}".'
    )


def check_encoded_paths(refs: Iterable[Reference]) -> list[Finding]:
    """``{static}`` links and images name the file as it is, not percent-encoded."""
    found = []
    for ref in refs:
        plain = _decoded(ref.url)
        if plain is not None:
            found.append((ref.line, _encoded_message(ref.url, plain)))
    return found


def check_image_field(header: Header) -> list[Finding]:
    """``Image:`` is a photo of the site: no code, no inline data, no encoded name."""
    item = header.fields.get("image")
    if item is None or not item.value:
        return []
    value = item.value.strip()
    plain = _decoded(value)
    if plain is not None:
        return [(item.line, _encoded_message(value, plain))]
    squeezed = "".join(char for char in value if char > " ").lower()
    scheme = urlsplit(squeezed).scheme
    if squeezed.startswith(_CODE_SCHEMES) or scheme not in ("", "http", "https"):
        shown = value if len(value) <= 40 else value[:37] + "..."
        return [
            (
                item.line,
                f'Ảnh đại diện "{shown}" không phải một ảnh của trang (địa chỉ chạy mã hoặc '
                "nhúng dữ liệu không được phép). Chép ảnh vào content/images/ rồi viết "
                '"Image: {static}/images/tên-ảnh.jpg".',
            )
        ]
    return []
