"""Pelican's Markdown reader, made to read files the way our editors write them.

- Text is decoded by :func:`content_checks.source.decode` (BOM, CRLF, NFC).
- ``Date:`` accepts ``03/10/2024 08:30`` day first (dateutil would read the
  3rd of October as the 10th of March) and never raises.
- A title wrapped onto a second, indented line is one title, not a list.
- The HTML (body and summary) is sanitised once, here, so the reader cache
  keeps the clean version and every later step reuses it.

The content checks run before any file is read and stop the build on the
first mistake, so this reader only ever sees files that passed them.
"""

from __future__ import annotations

from content_model import DATE, DATETIME
from content_model import standard as model
from content_model.plain_text import text_html
from markdown import Markdown
from markdown.extensions.meta import MetaPreprocessor
from pelican.readers import _DISCARD, MarkdownReader
from pelican.utils import SafeDatetime

from portal_core.clock import site_timezone

from .config import setting
from .dates import DateError, parse_date, to_local
from .rules import SINGLE_VALUED
from .sanitize import Sanitizer
from .source import Header, decode, parse_header

# Dates the content model declares for what this reader reads (date, modified).
_DATE_FIELDS = model.ARTICLE.keys_of(DATE, DATETIME) | model.PAGE.keys_of(DATE, DATETIME)
_MARKUP_FIELDS = model.ARTICLE.markup_keys | model.PAGE.markup_keys
# Where markdown.extensions.meta registers its preprocessor.
_META_PRIORITY = 27


class PortalMarkdownReader(MarkdownReader):
    """Markdown reader with Vietnamese dates, robust decoding and sanitised output."""

    def __init__(self, settings: dict) -> None:
        super().__init__(settings)
        # One cleaner per reader (a few per build), reused for every file.
        self.sanitizer = Sanitizer(setting(settings, "IFRAME_ALLOWED_HOSTS"))
        self._markdown: Markdown | None = None

    def _converter(self) -> Markdown:
        """The reader's Markdown instance, reset for a new document.

        Building one loads and registers every extension, a tenth of a file's
        reading time; ``reset()`` clears all per-document state (Pelican
        itself reuses the instance for the summary). Pelican's
        ``_parse_metadata`` takes the header preprocessor out for the summary:
        it goes back in, where the ``meta`` extension puts it.
        """
        markdown = self._markdown
        if markdown is None:
            markdown = self._markdown = Markdown(**self.settings["MARKDOWN"])
            return markdown
        markdown.reset()
        if "meta" not in markdown.preprocessors:
            markdown.preprocessors.register(MetaPreprocessor(markdown), "meta", _META_PRIORITY)
        return markdown

    def process_metadata(self, name: str, value):
        """Read dates day-first and without exceptions; the checks explain bad ones."""
        if name in _DATE_FIELDS and isinstance(value, str):
            try:
                parsed = parse_date(value.replace("_", " "))
            except DateError:
                return _DISCARD
            parsed = to_local(parsed, site_timezone(self.settings))
            return SafeDatetime(*parsed.timetuple()[:6])
        return super().process_metadata(name, value)

    # False for the checks' address probe (content_checks.locate): the header
    # is read exactly as here, the body and the summary are not rendered.
    renders_text = True

    def source_text(self, source_path: str) -> str:
        """The file, decoded (BOM, line ends, NFC)."""
        with open(source_path, "rb") as handle:
            return decode(handle.read()).text

    def header_of(self, text: str) -> Header:
        """The header of ``text``, parsed."""
        return parse_header(text)

    def read(self, source_path: str):
        """Return (sanitised HTML, metadata) of one Markdown file."""
        self._source_path = source_path
        text = self.source_text(source_path)
        self._md = self._converter()
        meta = self.header_of(text).markdown_meta()
        if not self.renders_text:
            formatted = self.settings["FORMATTED_FIELDS"]
            meta = {key: value for key, value in meta.items() if key not in formatted}
        content = self._md.convert(text) if self.renders_text else ""
        for key in SINGLE_VALUED & meta.keys():
            if key not in self.settings["FORMATTED_FIELDS"]:
                meta[key] = [" ".join(part for part in meta[key] if part)]
        metadata = self._parse_metadata(meta)
        sanitizer = self.sanitizer
        if isinstance(metadata.get("title"), str):
            # Plain text (the check refused any markup): escaped, whatever it holds.
            metadata["title"] = text_html(metadata["title"])
        for key in _MARKUP_FIELDS:  # markup in the content model: sanitised once, here
            if isinstance(metadata.get(key), str):
                metadata[key] = sanitizer.body(metadata[key])
        return (sanitizer.body(content) if content else ""), metadata
