"""NukeViet 4 database dumps: the news module (tin bài) and the laws module (văn bản).

Tables are found by their NukeViet names, whatever the prefix and module
name: ``<prefix>_<lang>_<module>_cat`` / ``_rows`` / ``_detail`` /
``_sources`` (news; NukeViet before 4.3 kept bodies in ``_bodyhtml_N``) and
``<prefix>_<lang>_<module>_row`` / ``_cat`` / ``_signer`` / ``_examine``
(laws). The dump is read twice, one statement at a time: first the small
tables and the article metadata, then the bodies, each written as it is read,
so memory holds metadata, never the bodies of the whole site.
"""

from __future__ import annotations

import datetime as dt
import html
import re
from collections.abc import Iterator
from pathlib import Path
from zoneinfo import ZoneInfo

from .errors import SourceError
from .model import Attachment, Item
from .sqldump import Value, iter_rows

ZONE = ZoneInfo("Asia/Ho_Chi_Minh")
_TABLE = re.compile(
    r"^(?P<prefix>[a-z0-9]+_[a-z]{2})_(?P<module>[a-z0-9_]+?)_"
    r"(?P<part>cat|rows|detail|sources|bodyhtml_\d+|row|signer|examine)$"
)
# status of nv4_vi_news_rows: 1 published, 2 waiting for its publication time;
# anything else (0 suspended, 4 draft, 5+ in the editorial workflow) is a draft.
_PUBLISHED = {1, 2}
_DRAFT_REASONS = {0: "bị đình chỉ trên trang cũ", 4: "bản nháp trên trang cũ"}


def _text(value: Value) -> str:
    if value is None:
        return ""
    if isinstance(value, bytes):
        return value.decode("utf-8", errors="replace")
    return str(value)


def _plain(value: Value) -> str:
    """A title, name or number: NukeViet stores them HTML-escaped ("&quot;")."""
    return html.unescape(_text(value))


def _int(value: Value) -> int:
    try:
        return int(value or 0)  # type: ignore[arg-type]
    except (TypeError, ValueError):
        return 0


def _time(value: Value) -> dt.datetime | None:
    seconds = _int(value)
    if seconds <= 0:
        return None
    return dt.datetime.fromtimestamp(seconds, ZONE).replace(second=0, microsecond=0)


def looks_like(path: Path) -> bool:
    """A ``.sql`` file (the panel's export), by name or by its first lines."""
    if path.suffix.lower() == ".sql":
        return True
    with path.open("rb") as stream:
        head = stream.read(4096).decode("utf-8", errors="ignore").lower()
    return "mysql dump" in head or "phpmyadmin sql dump" in head or "create table" in head


def _attachments(module: str, files: Value) -> str:
    """An article's attached files (``files`` of ``_detail``), as links under its body."""
    names = [name.strip() for name in _text(files).split(",") if name.strip()]
    if not names:
        return ""
    links = "".join(
        f'<li><a href="/uploads/{module}/{html.escape(name)}">'
        f"{html.escape(name.rsplit('/', 1)[-1])}</a></li>"
        for name in names
    )
    return f"<p><strong>Tệp đính kèm:</strong></p><ul>{links}</ul>"


class NukeVietSource:
    """Articles and documents of one NukeViet 4 dump."""

    kind = "NukeViet 4 (tệp SQL)"

    def __init__(self, path: Path) -> None:
        self.path = path
        self._items: dict[str, Item] = {}
        self._news_modules: set[str] = set()
        self._laws_modules: set[str] = set()

    @staticmethod
    def _split(table: str) -> tuple[str, str] | None:
        found = _TABLE.match(table)
        return (found.group("module"), found.group("part")) if found else None

    def items(self) -> list[Item]:
        """First pass: categories, sources, signers, article and document metadata."""
        small: dict[tuple[str, str], dict[int, dict[str, Value]]] = {}
        news: list[tuple[str, dict[str, Value]]] = []
        laws: list[tuple[str, dict[str, Value]]] = []

        def wanted(table: str) -> bool:
            split = self._split(table)
            return split is not None and not split[1].startswith(("detail", "bodyhtml"))

        for table, row in iter_rows(self.path, wanted):
            module, part = self._split(table) or ("", "")
            if part == "rows":
                row.pop("bodyhtml", None)
                news.append((module, row))
            elif part == "row" and "code" in row:
                laws.append((module, row))
            else:
                key = _int(row.get("catid", row.get("id")))
                small.setdefault((module, part), {})[key] = row
        if not news and not laws:
            raise SourceError(
                f"{self.path.name}: không có bảng tin bài (ví dụ nv4_vi_news_rows) hay văn bản "
                "(nv4_vi_laws_row) của NukeViet 4 trong tệp này. Xuất lại cơ sở dữ liệu, chọn "
                "cả các bảng của module tin tức và văn bản."
            )
        for module, row in news:
            self._news_modules.add(module)
            item = self._article(module, row, small)
            self._items[item.key] = item
        for module, row in laws:
            self._laws_modules.add(module)
            item = self._document(module, row, small)
            self._items[item.key] = item
        return list(self._items.values())

    def _article(self, module: str, row: dict[str, Value], small) -> Item:
        number = _int(row.get("id"))
        category = small.get((module, "cat"), {}).get(_int(row.get("catid")), {})
        source = small.get((module, "sources"), {}).get(_int(row.get("sourceid")), {})
        alias = _text(row.get("alias"))
        cat_alias = _text(category.get("alias"))
        status = _int(row.get("status"))
        image = ""
        thumb = _int(row.get("homeimgthumb"))
        homeimg = _text(row.get("homeimgfile"))
        if homeimg and thumb in (1, 2):
            image = f"/uploads/{module}/{homeimg}"
        elif homeimg and thumb == 3:
            image = homeimg
        op = f"{cat_alias}/{alias}-{number}"
        return Item(
            key=f"{module}:{number}",
            kind="article",
            title=_plain(row.get("title")),
            date=_time(row.get("publtime")) or _time(row.get("addtime")),
            category=_plain(category.get("title")),
            summary=_text(row.get("hometext")),
            author=_plain(row.get("author")),
            source=_plain(source.get("title")),
            image=image,
            image_alt=_plain(row.get("homeimgalt")),
            draft=status not in _PUBLISHED,
            draft_reason=""
            if status in _PUBLISHED
            else _DRAFT_REASONS.get(status, f"chưa đăng trên trang cũ (trạng thái {status})"),
            old_urls=[f"/{module}/{op}.html", f"/index.php?language=vi&nv={module}&op={op}"],
        )

    def _document(self, module: str, row: dict[str, Value], small) -> Item:
        number = _int(row.get("id"))
        category = small.get((module, "cat"), {}).get(_int(row.get("cid")), {})
        examine = small.get((module, "examine"), {}).get(_int(row.get("eid")), {})
        signer = small.get((module, "signer"), {}).get(_int(row.get("sgid")), {})
        signer_text = ", ".join(
            part for part in (_plain(signer.get("title")), _plain(signer.get("positions"))) if part
        )
        alias = _text(row.get("alias"))
        issued = _time(row.get("publtime"))
        files = [
            Attachment(f"/uploads/{module}/{name.strip()}", "Toàn văn" if index == 0 else "")
            for index, name in enumerate(_text(row.get("files")).split(","))
            if name.strip()
        ]
        status = _int(row.get("status"))
        op = f"detail/{alias}"
        expires = _time(row.get("exptime"))
        effective = _time(row.get("startvalid"))
        return Item(
            key=f"{module}:{number}",
            kind="document",
            title=_plain(row.get("title")),
            summary=_text(row.get("introtext")),
            number=_plain(row.get("code")),
            doc_type=_plain(category.get("title")),
            issuer=_plain(examine.get("title")),
            issued=issued.date() if issued else None,
            effective=effective.date() if effective else None,
            expires=expires.date() if expires else None,
            signer=signer_text,
            files=files,
            body_html=_text(row.get("bodytext")),
            draft=status != 1,
            draft_reason="" if status == 1 else "chưa đăng trên trang cũ",
            old_urls=[f"/{module}/{op}.html", f"/index.php?language=vi&nv={module}&op={op}"],
        )

    def bodies(self) -> Iterator[tuple[str, str]]:
        """Second pass: each article body as it is read, then what had none."""
        seen: set[str] = set()
        for key, item in self._items.items():
            if item.body_html is not None:
                seen.add(key)
                yield key, item.body_html
                item.body_html = None

        def wanted(table: str) -> bool:
            split = self._split(table)
            return (
                split is not None
                and split[0] in self._news_modules
                and split[1].startswith(("detail", "bodyhtml"))
            )

        for table, row in iter_rows(self.path, wanted):
            module, _ = self._split(table) or ("", "")
            key = f"{module}:{_int(row.get('id'))}"
            if key in self._items and key not in seen:
                seen.add(key)
                yield key, _text(row.get("bodyhtml")) + _attachments(module, row.get("files"))
        for key, item in self._items.items():
            if key not in seen:
                yield key, item.summary
