"""Write imported items as files of our content model, and remember what was written.

The header of every file comes from the content model (``content_model``):
the kind's ``header()`` writes the fields in the model's order, under the
model's names, and refuses a name the model does not declare; folders, the
provenance fields (``Origin-unit``, ``Origin-url``), where attachments go and
how long a summary may be are read there too. So a field added to a kind is
written as soon as a source has a value for it (a WordPress custom field of
that name). The writer also keeps the import state (what it wrote, with a
hash), so a re-run never duplicates an item and never overwrites a file an
editor changed since.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import json
import posixpath
import re
from collections.abc import Mapping
from dataclasses import dataclass
from pathlib import Path, PurePosixPath
from typing import Any
from urllib.parse import unquote, urljoin, urlsplit

from content_model import TEXT, URL, Kind, declare_plugins, kind, origin_fields
from content_model.header import parse_header
from content_model.plain_text import markup_in

from categories.registry import CategoryEntry
from content_checks.attachments import check_attachment_file
from content_checks.static_files import picture_findings
from portal_core.text import fold, nfc, slugify_vi

from .errors import SourceError
from .html2md import plain_text, to_markdown
from .model import Item
from .redirects import normalise
from .report import Report

# --- The content model's names (read from content_model) -----------------------
ORIGIN_UNIT, ORIGIN_URL = (item.name for item in origin_fields())
IMAGES = "images"  # photos: content/images/<old unit>/<year>/
# A value for a field the source names itself (a custom field) must be one line of text.
EXTRA_TYPES = (TEXT, URL)
NAME_LENGTH = 60
STATE_FILE = "state.json"  # in the import folder, beside content/
IMAGE_EXTENSIONS = {"jpg", "jpeg", "png", "gif", "webp"}
# Linked files worth listing when missing (a link to an old page is just unlinked).
FILE_EXTENSIONS = {"pdf", "doc", "docx", "xls", "xlsx", "odt", "ods", "ppt", "pptx", "zip", "rar"}


def file_slug(text: str) -> str:
    """ASCII slug cut at a word boundary (file names, Slug:)."""
    slug = slugify_vi(text) or "bai-viet"
    if len(slug) <= NAME_LENGTH:
        return slug
    return slug[:NAME_LENGTH].rsplit("-", 1)[0]


def one_line(text: str) -> str:
    """A header value: NFC, on one line (markup is dealt with by ``_accepted``)."""
    return " ".join(nfc(text).split())


def cut(text: str, limit: int) -> str:
    """``text`` shortened at a word boundary to at most ``limit`` characters."""
    if len(text) <= limit:
        return text
    return text[: limit - 1].rsplit(" ", 1)[0].rstrip(",;:") + "…"


def _date(value: dt.datetime) -> str:
    return f"{value:%Y-%m-%d %H:%M}"


def _day(value: dt.date | None) -> str:
    return f"{value:%Y-%m-%d}" if value else ""


def _hash(text: str | bytes) -> str:
    data = text.encode("utf-8") if isinstance(text, str) else text
    return hashlib.sha256(data).hexdigest()


@dataclass
class Planned:
    """Where one item goes and as what."""

    item: Item
    relative: str  # under content/
    category: CategoryEntry | None = None
    slug: str = ""
    draft_reason: str = ""


class ImportState:
    """``import/state.json``: every file an import wrote, its hash, its item."""

    def __init__(self, folder: Path) -> None:
        self.path = folder / STATE_FILE
        try:
            data = json.loads(self.path.read_text(encoding="utf-8")) if self.path.exists() else {}
        except (json.JSONDecodeError, UnicodeDecodeError) as error:
            raise SourceError(
                f"{self.path}: tệp ghi nhớ các lần nhập bị hỏng ({error}). Lấy lại tệp này từ "
                "lịch sử git; đừng xóa nó, vì lệnh sẽ không còn biết tệp nào đã nhập."
            ) from None
        self.files: dict[str, dict[str, str]] = data.get("files", {})
        self.items: dict[str, str] = data.get("items", {})  # "unit|key" -> relative

    def save(self) -> None:
        """Write the state (sorted, so it diffs well in git)."""
        self.path.parent.mkdir(parents=True, exist_ok=True)
        data = {"files": self.files, "items": self.items}
        self.path.write_text(
            json.dumps(data, ensure_ascii=False, indent=1, sort_keys=True) + "\n", encoding="utf-8"
        )


class Writer:
    """Plans and writes the items of one source for one old unit."""

    def __init__(
        self,
        content: Path,
        settings: Mapping[str, Any],
        unit: str,
        report: Report,
        state: ImportState,
        *,
        uploads: Path | None = None,
        site_url: str = "",
        dry_run: bool = False,
        now: dt.datetime | None = None,
    ) -> None:
        self.content = content
        self.settings = settings
        self.unit = one_line(unit)
        self.unit_slug = file_slug(self.unit)
        self.report = report
        self.state = state
        self.uploads = uploads
        self.site_url = site_url.rstrip("/")
        self.site_host = urlsplit(self.site_url).netloc.lower().removeprefix("www.")
        self.dry_run = dry_run
        self.now = now
        self.plans: dict[str, Planned] = {}
        self.by_old: dict[str, str] = {}  # normalised old address -> relative
        self.taken: set[str] = set()
        self.copied: dict[str, str | None] = {}  # old file -> new relative (None: missing)
        self.refused: dict[str, str] = {}  # old file -> why the check would refuse it
        self.redirects: dict[str, str] = {}
        self._file_index: dict[str, list[Path]] | None = None
        self._missing_links: list[str] = []
        self._addresses: dict[str, str] | None = None  # "day|slug" -> relative
        self._titles: dict[str, str] = {}  # "folded title|day" -> relative
        self._document_numbers: dict[str, str] = {}  # "NUMBER|year" -> relative
        # The kinds written, as the content model declares them for these settings.
        declare_plugins(settings)  # notices and documents are declared by their plugin
        self.kinds: dict[str, Kind] = {}
        for name in ("article", "page", "document"):
            declared = kind(name)
            if declared is not None and declared.enabled(settings):
                self.kinds[name] = declared
        self.folders = {name: item.folders(settings)[0] for name, item in self.kinds.items()}
        self.summary_max = summary_limit(settings)
        if "document" in self.kinds:
            self.files_dir, self.document_files = self.kinds["document"].attachments(settings)
        else:
            self.files_dir, self.document_files = "files", "van-ban"

    # --- Planning ---------------------------------------------------------------
    def _scan(self) -> None:
        """What the site already holds: addresses, article titles by day, document numbers."""
        if self._addresses is not None:
            return
        self._addresses, self._titles, self._document_numbers = {}, {}, {}
        articles = self.folders["article"] + "/"
        documents = self.folders.get("document", "documents") + "/"
        for relative, header in _headers(self.content, tuple(self.folders.values())):
            title = header.get("title", "")
            slug = header.get("slug") or file_slug(title)
            if relative.startswith(documents):
                year = re.search(r"\d{4}", header.get("issued", ""))
                if header.get("number") and year:
                    key = f"{header['number'].upper()}|{year.group(0)}"
                    self._document_numbers.setdefault(key, relative)
                continue
            day = header.get("date", "")[:10] if relative.startswith(articles) else ""
            self._addresses.setdefault(f"{day}|{slug}", relative)
            if day:
                self._titles.setdefault(f"{fold(one_line(title))}|{day}", relative)

    def _free(self, relative: str, key: str, address: str) -> bool:
        if relative in self.taken:
            return False
        found = self._addresses.get(address) if self._addresses is not None else None
        if found is not None and found != relative:
            return False  # two items on one URL: the build would stop
        owner = self.state.files.get(relative)
        if owner is not None:
            return owner.get("item") == f"{self.unit}|{key}"
        return not (self.content / relative).exists()

    def _unique(self, folder: str, stem: str, key: str, day: str) -> tuple[str, str]:
        for number in range(1, 1000):
            name = stem if number == 1 else f"{stem}-{number}"
            relative = f"{folder}/{name}.md"
            slug = name[11:] if day else name  # an article's file name starts with its day
            if self._free(relative, key, f"{day}|{slug}"):
                return relative, slug
        raise RuntimeError(relative)

    def plan(self, item: Item, category: CategoryEntry | None) -> Planned | None:
        """Choose the item's file (the same one on every run), or report why not."""
        label = self.label(item)
        if item.skip_reason or item.kind not in self.kinds:
            why = item.skip_reason or f"trang chưa bật plugin đọc loại nội dung này ({item.kind})"
            self.report.skipped.append((label, why))
            return None
        if not one_line(item.title):
            self.report.skipped.append((label, "không có tiêu đề"))
            return None
        self._scan()
        previous = self.state.items.get(f"{self.unit}|{item.key}")
        day = ""
        if item.kind == "article":
            if item.date is None:
                self.report.skipped.append((label, "không tìm thấy ngày đăng"))
                return None
            if category is None:
                return None  # counted in the mapper's unmapped categories
            day = f"{item.date:%Y-%m-%d}"
            stem = f"{day}-{file_slug(item.title)}"
            folder = f"{self.folders['article']}/{category.slug}"
        elif item.kind == "page":
            stem, folder = file_slug(item.title), self.folders["page"]
        else:
            stem, folder = file_slug(item.number or item.title), self.folders["document"]
            if item.issued and str(item.issued.year) not in stem:
                stem += f"-{item.issued.year}"
        if previous:
            relative = previous
            slug = PurePosixPath(previous).stem[11 if day else 0 :]
        else:
            relative, slug = self._unique(folder, stem, item.key, day)
        self.taken.add(relative)
        self._addresses[f"{day}|{slug}"] = relative
        planned = Planned(item, relative, category, slug)
        self.plans[item.key] = planned
        for old in item.old_urls:
            key = self.old_key(old)
            if key:
                self.by_old.setdefault(key, relative)
        return planned

    def label(self, item: Item) -> str:
        """How the report names an item: its title and old address."""
        where = item.old_urls[0] if item.old_urls else item.key
        return f'"{cut(one_line(item.title) or "(không tiêu đề)", 80)}" ({where})'

    def old_key(self, url: str, base: str = "") -> str | None:
        """Normalised old address, or None for another site's address."""
        url = urljoin(base, url.strip()) if base else url.strip()
        parts = urlsplit(url)
        if parts.scheme and parts.scheme not in ("http", "https"):
            return None
        host = parts.netloc.lower().removeprefix("www.")
        if host and self.site_host and host != self.site_host:
            return None
        return normalise(url)

    # --- Links and files ----------------------------------------------------------
    def _link(self, href: str, base: str) -> str | None:
        """A body link: an imported item, a copied file, another site, or nothing."""
        if href.startswith(("#", "mailto:", "tel:")):
            return href
        key = self.old_key(href, base)
        if key and key in self.by_old:
            return "{filename}/" + self.by_old[key]
        absolute = urljoin(base, href)
        parts = urlsplit(absolute)
        host = parts.netloc.lower().removeprefix("www.")
        if parts.scheme in ("http", "https") and host and host != self.site_host:
            return absolute
        # The old site's own file (a PDF...): copied in when --uploads has it.
        copied = self._copy_attachment(absolute) if parts.path else None
        if copied:
            return "{static}/" + copied
        if posixpath.splitext(parts.path)[1].lstrip(".").lower() in FILE_EXTENSIONS:
            self._missing_links.append(href)
        return None

    def _index(self) -> dict[str, list[Path]]:
        if self._file_index is None:
            index: dict[str, list[Path]] = {}
            if self.uploads is not None:
                for path in self.uploads.rglob("*"):
                    if path.is_file():
                        index.setdefault(path.name.lower(), []).append(path)
            self._file_index = index
        return self._file_index

    def find_file(self, url: str) -> Path | None:
        """The old site's file behind ``url`` in --uploads (longest matching path tail)."""
        path = unquote(urlsplit(url).path)
        parts = [part for part in path.split("/") if part and part not in (".", "..")]
        if not parts or self.uploads is None:
            return None
        best: tuple[int, Path] | None = None
        for candidate in self._index().get(parts[-1].lower(), []):
            tail = [part.lower() for part in candidate.relative_to(self.uploads).parts]
            matched = 0
            for mine, theirs in zip(reversed(parts), reversed(tail), strict=False):
                if mine.lower() != theirs:
                    break
                matched += 1
            # The name alone is not enough: "anh1.jpg" is in every old site.
            if matched < min(2, len(parts), len(tail)):
                continue
            if best is None or matched > best[0]:
                best = (matched, candidate)
        return best[1] if best else None

    def _copy(self, url: str, folder: str) -> str | None:
        if url in self.copied:
            return self.copied[url]
        found = self.find_file(url)
        if found is None:
            self.copied[url] = None
            return None
        stem, _, extension = found.name.rpartition(".")
        base = file_slug(stem or found.name)
        extension = re.sub(r"[^a-z0-9]", "", extension.lower())
        # An old site's SVG with a script, or a page renamed .pdf, would stop the
        # check after the import: leave it out and say why.
        if folder.startswith(IMAGES + "/"):
            problems = picture_findings(found.name, found, extension)
        else:
            problems = check_attachment_file(f"{folder}/{found.name}", found)
        if problems:
            self.copied[url] = None
            self.refused[url] = problems[0][1]
            return None
        data = found.read_bytes()
        claimed = {value for value in self.copied.values() if value}
        for number in range(1, 1000):
            name = base if number == 1 else f"{base}-{number}"
            relative = f"{folder}/{name}.{extension}" if extension else f"{folder}/{name}"
            target = self.content / relative
            if target.exists():
                if target.read_bytes() == data:
                    break
                continue
            if relative not in claimed:
                break
        if not self.dry_run:
            target.parent.mkdir(parents=True, exist_ok=True)
            target.write_bytes(data)
        self.copied[url] = relative
        return relative

    def _copy_image(self, url: str, year: int) -> str | None:
        if not url or url.startswith("data:"):
            return None
        host = urlsplit(url).netloc.lower().removeprefix("www.")
        if host and self.site_host and host != self.site_host:
            return None  # another site's photo: nothing is downloaded
        extension = posixpath.splitext(urlsplit(url).path)[1].lstrip(".").lower()
        if extension not in IMAGE_EXTENSIONS:
            return None
        return self._copy(url, f"{IMAGES}/{self.unit_slug}/{year}")

    def _copy_attachment(self, url: str) -> str | None:
        return self._copy(url, f"{self.files_dir}/{self.document_files}/{self.unit_slug}")

    # --- Writing ----------------------------------------------------------------------
    def origin_url(self, item: Item) -> str:
        """The item's first old address, absolute when the old site's address is known."""
        if not item.old_urls:
            return ""
        first = item.old_urls[0]
        if self.site_url and not urlsplit(first).netloc:
            return self.site_url + "/" + first.lstrip("/")
        return first

    def write(self, planned: Planned, body_html: str) -> None:
        """Convert the body, copy its photos and files, write the file (if safe)."""
        item = planned.item
        base = self.origin_url(item) or self.site_url + "/"
        year_number = (item.date or item.issued or dt.date(2000, 1, 1)).year
        missing: list[str] = []

        def image(url: str) -> str | None:
            absolute = urljoin(base, url)
            copied = self._copy_image(absolute, year_number)
            if copied is None:
                missing.append(url)
                return None
            return "{static}/" + copied

        def link(href: str) -> str | None:
            return self._link(href, base)

        self._missing_links = missing
        body = to_markdown(body_html or "", link, image, one_line(item.title))
        if item.kind == "article" and not plain_text(item.summary or ""):
            item.summary, body = _lead_from(body, self.summary_max)
        header = self._header(planned, body, image)
        text = header + "\n" + body
        text = nfc(text)  # old editors pasted NFD text (from PDFs): the checks want NFC
        for url in missing:
            why = self.refused.get(urljoin(base, url))
            if why:
                self.report.refused.append((planned.relative, why))
            else:
                self.report.missing.append((planned.relative, url))
        self._save(planned, text)

    def _header(self, planned: Planned, body: str, image) -> str:
        """The file's header, written by the content model from the values by field name."""
        item = planned.item
        declared = self.kinds[item.kind]
        values: dict[str, str | list[str]] = {}
        for name, value in item.fields.items():
            found = declared.field(name.strip().replace(" ", "-").replace("_", "-"))
            if found is not None and _fits(found, one_line(value)):
                values[found.name] = one_line(value)
        values["Title"] = one_line(item.title)
        draft_reason = item.draft_reason or planned.draft_reason
        if item.kind == "document":
            found_values, lost_reason = self._document_values(item)
            values |= found_values
            draft_reason = draft_reason or lost_reason
        else:
            values |= self._article_values(planned, body, image)
        values |= {ORIGIN_UNIT: self.unit, ORIGIN_URL: self.origin_url(item)}
        if draft_reason:
            values["Status"] = "draft"
            self.report.drafts.append((planned.relative, draft_reason))
        elif item.kind == "article" and item.date and self.now and item.date > self.now:
            self.report.scheduled.append(planned.relative)
        else:
            self.report.published.append(planned.relative)
        return declared.header(_accepted(declared, values))

    def _document_values(self, item: Item) -> tuple[dict[str, str | list[str]], str]:
        files, lost = self._document_files(item)
        reason = ""
        if lost:
            reason = "không tìm thấy tệp văn bản " + ", ".join(lost)
        elif not files:
            reason = "văn bản không có tệp đính kèm"
        values: dict[str, str | list[str]] = {
            "Number": one_line(item.number),
            "Type": item.doc_type,
            "Issuer": one_line(item.issuer or self.unit),
            "Issued": _day(item.issued),
            "Effective": _day(item.effective) or "kể từ ngày ký",
            "Expires": _day(item.expires),
            "Signer": one_line(item.signer),
            "Files": files,
        }
        summary = one_line(plain_text(item.summary)) if item.summary else ""
        if summary:
            values["Summary"] = cut(summary, self.summary_max)
        return values, reason

    def _article_values(self, planned: Planned, body: str, image) -> dict[str, str]:
        item = planned.item
        title = one_line(item.title)
        summary = one_line(plain_text(item.summary)) if item.summary else ""
        if not summary and item.kind == "article":
            summary = cut(_first_paragraph(body), self.summary_max) or title
        values = {"Date": _date(item.date)} if item.date else {}
        if item.kind == "article" and planned.category:
            values["Category"] = planned.category.name
        values["Slug"] = planned.slug
        if item.author:
            values["Author"] = one_line(item.author)
        if summary:
            values["Summary"] = cut(summary, self.summary_max)
        featured = image(item.image) if item.image else None
        if featured:
            values |= {"Image": featured, "Image-alt": one_line(item.image_alt or title)}
        if item.source and item.kind == "article":
            values["Source"] = one_line(item.source)
        return values

    def _document_files(self, item: Item) -> tuple[list[str], list[str]]:
        files, lost = [], []
        for attachment in item.files:
            absolute = urljoin(self.origin_url(item) or "/", attachment.old)
            copied = self._copy_attachment(absolute)
            if copied is None:
                lost.append(attachment.old)
                why = self.refused.get(absolute)
                if why:
                    self.report.refused.append((self.label(item), why))
                else:
                    self.report.missing.append((self.label(item), attachment.old))
                continue
            label = one_line(attachment.label) or "Toàn văn"
            files.append(f"{copied.removeprefix(self.files_dir + '/')} | {label}")
        return files, lost

    def _save(self, planned: Planned, text: str) -> None:
        relative = planned.relative
        path = self.content / relative
        record = self.state.files.get(relative)
        if record is not None and not path.exists():
            # Deleted or moved by an editor since: writing it again would duplicate it.
            self.report.kept_edited.append(f"{relative} (đã xóa hoặc chuyển chỗ: không tạo lại)")
            self._undo_count(relative)
            return
        if path.exists():
            current = _hash(path.read_bytes())
            if record is None:
                self.report.skipped.append((relative, "đã có tệp này (không do lệnh import tạo)"))
                self._undo_count(relative)
                return
            if current != record["sha256"]:
                self.report.kept_edited.append(relative)
                self._undo_count(relative)
                self._remember(planned, record["sha256"])
                return
            if current == _hash(text):
                self.report.unchanged.append(relative)
                self._undo_count(relative)
                self._remember(planned, current)
                return
        if not self.dry_run:
            path.parent.mkdir(parents=True, exist_ok=True)
            path.write_text(text, encoding="utf-8")
        self._remember(planned, _hash(text))

    def _undo_count(self, relative: str) -> None:
        for bucket in (self.report.published, self.report.scheduled):
            if relative in bucket:
                bucket.remove(relative)
        self.report.drafts = [row for row in self.report.drafts if row[0] != relative]

    def _remember(self, planned: Planned, digest: str) -> None:
        item_key = f"{self.unit}|{planned.item.key}"
        self.state.files[planned.relative] = {"sha256": digest, "item": item_key}
        self.state.items[item_key] = planned.relative
        for old in planned.item.old_urls:
            key = self.old_key(old)
            if key:
                self.redirects[key] = planned.relative

    def duplicate_of(self, item: Item, relative: str) -> str | None:
        """Another unit's (or an editor's) item with the same title on the same day,
        or a document with the same number in the same year (None if none)."""
        self._scan()
        if item.kind == "document" and item.issued:
            key = f"{item.number.upper()}|{item.issued.year}"
            found = self._document_numbers.setdefault(key, relative)
        elif item.kind == "article" and item.date is not None:
            key = f"{fold(one_line(item.title))}|{item.date:%Y-%m-%d}"
            found = self._titles.setdefault(key, relative)
        else:
            return None
        if found == relative:
            return None
        owner = self.state.files.get(found, {}).get("item", "")
        if owner.startswith(self.unit + "|") or found in self.taken:
            return None  # the same old site twice (a re-posted story): not a merge duplicate
        return found


def summary_limit(settings: Mapping[str, Any]) -> int:
    """The longest summary the check accepts (the model's limit for articles)."""
    declared = kind("article")
    summary = declared.field("summary") if declared else None
    limit = summary.max_length(settings) if summary else None
    if limit is None:
        raise ValueError("content model: an article's Summary has no length limit")
    return limit


def _accepted(declared: Kind, values: dict[str, str | list[str]]) -> dict[str, str | list[str]]:
    """``values`` as the model accepts them: a plain-text field's tags removed (an old
    title or a --unit with <b>), a value its pattern refuses left out (a saved page's
    address without --site-url is not the whole address Origin-url must be)."""
    kept: dict[str, str | list[str]] = {}
    for name, given in values.items():
        found = declared.field(name)
        value = given
        if found is not None and isinstance(value, str) and value:
            if found.plain_text and markup_in(value):
                text = plain_text(value)
                value = text.replace("<", "‹") if markup_in(text) else text
            if found.pattern and not re.fullmatch(found.pattern, value):
                continue
        kept[name] = value
    return kept


def _fits(field, value: str) -> bool:
    """True when a value the source names itself can go into ``field`` as it is."""
    if field.advanced or field.type not in EXTRA_TYPES or not value:
        return False
    return field.pattern is None or re.fullmatch(field.pattern, value) is not None


def _headers(content: Path, folders: tuple[str, ...]):
    """(relative path, {lower-case key: value}) of every Markdown file's header,
    read by the content model's one header reader (only the header is read)."""
    for folder in folders:
        for path in sorted((content / folder).rglob("*.md")):
            lines = []
            with path.open(encoding="utf-8", errors="replace") as stream:
                for line in stream:
                    if not line.strip():
                        break
                    lines.append(line)
            header = parse_header("".join(lines))
            values = {key: field.value for key, field in header.fields.items()}
            yield path.relative_to(content).as_posix(), values


_MARKDOWN_NOISE = re.compile(
    r"!\[[^\]]*\]\([^)]*\)|\[([^\]]*)\]\([^)]*\)|\*\*|\\(?=[*_])|(?<!\w)\*|\*(?!\w)|^#+\s|^>\s|`",
    re.M,
)


def _lead_from(markdown: str, limit: int | None = None) -> tuple[str, str]:
    """(lead, rest): the body's opening paragraph becomes the lead ("sapo") when the
    old site had none, as our pages show the lead above the body; a short or
    one-paragraph body stays whole (the lead is then a copy of its start)."""
    limit = limit or summary_limit({})
    first, _, rest = markdown.partition("\n\n")
    plain = one_line(_MARKDOWN_NOISE.sub(lambda m: m.group(1) or "", first))
    if rest.strip() and len(plain) > 20 and len(plain) <= limit and first[:1] not in "#!|-":
        return plain, rest
    return cut(_first_paragraph(markdown), limit), markdown


def _first_paragraph(markdown: str) -> str:
    """The body's first paragraph of text, as plain text (a summary)."""
    for paragraph in markdown.split("\n\n"):
        text = one_line(_MARKDOWN_NOISE.sub(lambda m: m.group(1) or "", paragraph))
        if len(text) > 20:
            return text
    return ""
