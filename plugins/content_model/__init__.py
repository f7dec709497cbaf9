"""The declared content model: kinds, fields, the one header reader, the one date grammar.

A library every plugin and tool imports (not a Pelican plugin: it has no
signals). Article and page are declared here; a plugin adding a kind declares
it in its own ``register()`` with :func:`register_kind`, composing the fields
kinds share from ``common.py`` (title, date, summary, status, slug, origin) and
saying how the browser editor offers it (:class:`Editing`). See ``model.py``.
"""

from . import standard as _standard  # noqa: F401 - declare article and page
from .common import origin_fields
from .model import (
    BOOL,
    CHOICE,
    DATE,
    DATETIME,
    FILES,
    IMAGE,
    MARKUP,
    NUMBER,
    TEXT,
    TYPES,
    URL,
    Editing,
    Field,
    Kind,
    declare_plugins,
    kind,
    kinds,
    register_kind,
)

__all__ = [
    "BOOL",
    "CHOICE",
    "DATE",
    "DATETIME",
    "FILES",
    "IMAGE",
    "MARKUP",
    "NUMBER",
    "TEXT",
    "TYPES",
    "URL",
    "Editing",
    "Field",
    "Kind",
    "declare_plugins",
    "kind",
    "kinds",
    "origin_fields",
    "register_kind",
]
