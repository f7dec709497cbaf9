"""Documents ("văn bản") and notices ("thông báo") as first-class content.

Editors write ``content/documents/*.md`` and ``content/notices/*.md``; this
plugin checks them (Vietnamese messages naming file and line), publishes a
page per document and notice, the register ``/van-ban/`` with its filters and
``documents.json``, the notice lists ``/thong-bao/`` and ``/thong-bao/cu/``,
and gives every template ``latest_documents`` and ``notice_board``.
"""

from __future__ import annotations

from content_model import register_kind
from pelican import signals

from .checks import register_kinds
from .generator import DocumentsGenerator, NoticesGenerator
from .model import DOCUMENT, NOTICE
from .settings import apply_defaults


def configure(pelican) -> None:
    """Fill in and check the plugin's settings once per build."""
    apply_defaults(pelican.settings)


def add_generators(pelican) -> tuple[type, type]:
    """Our generators, run after Pelican's articles and pages."""
    return DocumentsGenerator, NoticesGenerator


def register() -> None:
    """Register the plugin callbacks."""
    # Not a signal: notices and documents join the content model and the
    # checks now, before ``initialized`` (when every file is checked).
    register_kind(NOTICE)
    register_kind(DOCUMENT)
    register_kinds()
    # initialized: settings are copied into the template context after this,
    # so templates see DOCUMENTS_URL and friends; a bad setting stops the
    # build before any content is read.
    signals.initialized.connect(configure)
    # get_generators: our own generators read documents and notices beside
    # the article generator, so they never enter news listings or feeds.
    signals.get_generators.connect(add_generators)
