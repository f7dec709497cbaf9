"""Generators that read documents and notices and write their pages.

They run beside Pelican's article and page generators (the "search" plugin
pattern): documents and notices never become articles, so news listings,
feeds and archives stay free of them. Reading happens in
``generate_context`` (problems are reported there, before anything is
written); ``generate_output`` only renders.
"""

from __future__ import annotations

import os
from pathlib import Path
from typing import Any

from content_model.header import Field, parse_header
from content_model.plain_text import text_html
from pelican.generators import Generator

from portal_core.clock import build_now
from portal_core.problems import display_path, metadata_line, report
from portal_core.text import nfc

from .catalogue import (
    NumberIndex,
    archive_order,
    board_order,
    duplicate_message,
    duplicates,
    facets,
    notice_state,
    register_order,
    validity,
)
from .contents import Document, Notice, document_address, notice_address
from .export import register_json
from .metadata import MetadataError
from .records import Place, read_document, read_notice


class _RecordsGenerator(Generator):
    """Reads Markdown files whose header is checked by our own rules."""

    paths_setting = ""
    content_class: type = Document
    _checked: dict[str, Any] = {}  # noqa: RUF012 - replaced per build in read_all

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, readers_cache_name=f"{type(self).__name__}-Readers", **kwargs)
        self.now = build_now(self.settings)
        self.place = Place(
            Path(self.path),
            self.settings["DOCUMENT_FILES_DIR"],
            self.settings["STATIC_URL"],
            self.now.tzinfo,
        )

    def check(self, header: dict[str, Field]) -> tuple[Any, bool, list[tuple[int, str]]]:
        """Check one header: (record or None, is draft, problems)."""
        raise NotImplementedError

    def checked(self) -> dict[str, Any]:
        """What the content checks of this build made of each file (relative path -> report).

        The checks (``content_checks``, at ``initialized``) already read and
        checked every notice and document, attachments' bytes included; the
        generator reuses their records instead of checking each file again.
        Empty when the checks did not run for this content and this "now".
        """
        if "content_checks" not in self.settings.get("PLUGINS", []):
            return {}
        from content_checks.content_checks import last_report  # noqa: PLC0415

        report = last_report()
        if report is None or report.root != Path(self.settings["PATH"]) or report.now != self.now:
            return {}
        return {item.relative: item for item in report.files}

    def read_all(self) -> list[Any]:
        """Read every file under our paths; report problems, skip drafts."""
        self._checked = self.checked()
        items = []
        for relative in sorted(self.get_files(self.settings[self.paths_setting])):
            item = self._read_one(relative)
            if item is not None:
                items.append(item)
        self.readers.save_cache()
        return items

    def _read_one(self, relative: str) -> Any:
        full = os.path.join(self.path, relative)
        try:
            text = Path(full).read_text(encoding="utf-8-sig")
        except UnicodeDecodeError:
            report(full, 0, "Tệp không lưu ở mã UTF-8. Mở tệp và lưu lại với mã hóa UTF-8.")
            return None
        text = nfc(text.replace("\r\n", "\n").replace("\r", "\n"))
        parsed = parse_header(text)
        header, body = parsed.merged(), parsed.body(text)
        known = self._checked.get(relative)
        if known is not None and (known.status == "draft" or known.record is not None):
            # Checked at the start of this build (a mistake would have stopped it).
            info, draft, problems = known.record, known.status == "draft", []
        else:
            info, draft, problems = self.check(header)
        for line, message in problems:
            report(full, line, message)
        if info is None:
            if not draft:
                self._add_failed_source_path(relative)
            return None
        if body.strip() or "summary" in header:
            item = self._read_markdown(relative)
        else:
            # Most register entries are only a header and a PDF: no need to
            # start a Markdown converter for nothing. Dates are ours to set.
            metadata = {key: field.value for key, field in header.items() if key != "date"}
            if "title" in metadata:  # plain text, printed as HTML like an article's
                metadata["title"] = text_html(metadata["title"])
            item = self.content_class("", metadata, self.settings, full, self.context)
        if item is None:
            return None
        item.info = info
        # Drafts never get here; "Status: Hết hiệu lực" is a validity, not Pelican's status.
        item.status = "published"
        self.add_source_path(item)
        self.add_static_links(item)
        return item

    def _read_markdown(self, relative: str) -> Any:
        try:
            return self.readers.read_file(
                base_path=self.path,
                path=relative,
                content_class=self.content_class,
                context=self.context,
            )
        except Exception as error:  # any reader failure is the editor's to fix
            report(os.path.join(self.path, relative), 0, f"Không đọc được tệp: {error}")
            return None

    def write(self, writer, name: str, template: str, url: str, **values: Any) -> None:
        """Render one page of ours."""
        writer.write_file(
            name,
            self.get_template(template),
            self.context,
            self.settings["RELATIVE_URLS"],
            url=url,
            **values,
        )


class DocumentsGenerator(_RecordsGenerator):
    """The register ("Văn bản"): a page per document, the list, documents.json."""

    paths_setting = "DOCUMENT_PATHS"
    content_class = Document

    def check(self, header: dict[str, Field]) -> tuple[Any, bool, list[tuple[int, str]]]:
        return read_document(header, self.settings["DOCUMENT_TYPES"], self.place)

    def generate_context(self) -> None:
        """Read, check across documents, and publish the register to templates."""
        documents = self.read_all()
        today = self.now.date()
        for item in documents:
            item.set_address(*document_address(item.info, self.now.tzinfo))
        for later, first in duplicates(documents):
            report(
                later.source_path,
                metadata_line(later.source_path, "number"),
                duplicate_message(later.info, display_path(first.source_path)),
            )
            # Reported once (by the checks too): the copy is left out of the register.
            documents.remove(later)
        self._link_replacements(documents)
        for item in documents:
            item.validity = validity(item.info, item.replacement is not None, today)
        self.documents = register_order(documents)
        latest = self.documents[: self.settings["LATEST_DOCUMENTS_COUNT"]]
        self.context["documents"] = self.documents
        self.context["latest_documents"] = latest

    def _link_replacements(self, documents: list[Document]) -> None:
        replaces: dict[int, list[Document]] = {}
        index = NumberIndex(documents)
        for item in documents:
            if not item.info.replaced_by:
                continue
            try:
                target = index.resolve(item.info.replaced_by)
            except MetadataError as error:
                report(item.source_path, metadata_line(item.source_path, "replaced-by"), str(error))
                continue
            if target is item:
                report(
                    item.source_path,
                    metadata_line(item.source_path, "replaced-by"),
                    "Văn bản không thể bị thay thế bởi chính nó; ghi số của văn bản mới.",
                )
                continue
            if target.info.issued < item.info.issued:
                report(
                    item.source_path,
                    metadata_line(item.source_path, "replaced-by"),
                    f"Văn bản thay thế {target.info.number} ban hành ngày "
                    f"{target.info.issued:%d/%m/%Y}, trước văn bản này. Dòng Replaced-by ghi ở "
                    "văn bản cũ và trỏ tới văn bản mới hơn.",
                )
                continue
            item.replacement = target
            replaces.setdefault(id(target), []).append(item)
        for item in documents:
            item.replaces = tuple(register_order(replaces.get(id(item), [])))

    def generate_output(self, writer) -> None:
        """Write each document's page, the register and documents.json."""
        for item in self.documents:
            self.write(writer, item.save_as, item.template, item.url, document=item)
        self.write(
            writer,
            self.settings["DOCUMENTS_SAVE_AS"],
            "documents",
            self.settings["DOCUMENTS_URL"],
            facets=facets(self.documents),
        )
        target = Path(self.output_path) / self.settings["DOCUMENTS_JSON_SAVE_AS"]
        target.parent.mkdir(parents=True, exist_ok=True)
        text = register_json(
            self.documents, self.settings["SITEURL"], self.settings["SITENAME"], self.now
        )
        target.write_text(text, encoding="utf-8")


class NoticesGenerator(_RecordsGenerator):
    """Notices ("Thông báo"): the board, the current list, the old ones."""

    paths_setting = "NOTICE_PATHS"
    content_class = Notice

    def check(self, header: dict[str, Field]) -> tuple[Any, bool, list[tuple[int, str]]]:
        return read_notice(header, self.place)

    def generate_context(self) -> None:
        """Read notices and sort them into current and expired as of the build."""
        now = self.now.replace(tzinfo=None)
        items = self.read_all()
        for item in items:
            item.set_address(*notice_address(item.info, item.metadata.get("slug"), self.now.tzinfo))
            # Scheduled notices stay out of every list and are not written.
            item.state = notice_state(item.info, now)
        self.notices = board_order(item for item in items if item.state == "current")
        self.old_notices = archive_order(item for item in items if item.state == "expired")
        self.context["notices"] = self.notices
        self.context["old_notices"] = self.old_notices
        self.context["notice_board"] = self.notices[: self.settings["NOTICE_BOARD_COUNT"]]

    def generate_output(self, writer) -> None:
        """Write each published notice, the current list and the old list."""
        for item in [*self.notices, *self.old_notices]:
            self.write(writer, item.save_as, item.template, item.url, notice=item)
        self.write(
            writer, self.settings["NOTICES_SAVE_AS"], "notices", self.settings["NOTICES_URL"]
        )
        self.write(
            writer,
            self.settings["OLD_NOTICES_SAVE_AS"],
            "notices_old",
            self.settings["OLD_NOTICES_URL"],
        )
