"""Every field the editor shows, read from the content model (``content_model``).

Nothing about a field is written here: its label, help, type, whether it is
required, its pattern, its values and their labels all come from the kind's
declaration, so a field added to the model appears in the form after the next
build. This module only says how a field *type* looks in Decap CMS.

A form field is a plain dict: ``key`` (the header name as written, e.g.
``Image-alt``), ``name`` (the Decap field name), ``kind`` (how the custom
format reads and writes it: text, datetime, date, flag, select, status,
files, image, body) and the Decap widget options.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from typing import Any

from content_model import BOOL, CHOICE, DATE, DATETIME, FILES, IMAGE, MARKUP, NUMBER, Field, Kind

from portal_core.text import fold

FormField = dict[str, Any]

DATETIME_WIDGET = {"widget": "datetime", "format": "YYYY-MM-DD HH:mm", "date_format": "DD/MM/YYYY"}
DATETIME_WIDGET |= {"time_format": "HH:mm", "picker_utc": False}
DATE_WIDGET = {"widget": "datetime", "format": "YYYY-MM-DD", "date_format": "DD/MM/YYYY"}
DATE_WIDGET |= {"time_format": False, "picker_utc": False}
BODY_BUTTONS = [
    *("bold", "italic", "link", "heading-two", "heading-three"),
    *("quote", "bulleted-list", "numbered-list"),
]


def form_name(field: Field) -> str:
    """The Decap name of a field: its key with "-" as "_" (``image_alt``)."""
    return field.key.replace("-", "_")


def _format_kind(field: Field) -> str:
    """How header-format.js reads and writes the field's value."""
    if field.widget == "string":
        return "text"  # whatever the type (Effective: a date or "kể từ ngày ký")
    if field.type == CHOICE:
        # A missing line means the default (Status): the form shows it, saves nothing.
        return "status" if field.default else "select"
    return {
        DATETIME: "datetime",
        DATE: "date",
        BOOL: "flag",
        FILES: "files",
        IMAGE: "image",
    }.get(field.type, "text")


def _choice(field: Field, kind: Kind, settings: Mapping[str, Any]) -> dict[str, Any]:
    """A select: plain values, or value and Vietnamese label when they differ."""
    pairs = field.options(settings)
    if all(value == label for value, label in pairs):
        return {"widget": "select", "options": [value for value, _ in pairs]}
    return {"widget": "select", "options": [{"label": lab, "value": val} for val, lab in pairs]}


def _flag(field: Field, kind: Kind, settings: Mapping[str, Any]) -> dict[str, Any]:
    return {"widget": "boolean", "default": fold(field.default) in {"co", "yes", "true", "1"}}


def _files(field: Field, kind: Kind, settings: Mapping[str, Any]) -> dict[str, Any]:
    """A list of (file, label) rows: ``path | label`` lines in the header."""
    files_dir, folder = kind.attachments(settings)
    return {
        "widget": "list",
        "min": 1 if field.required else 0,
        "add_to_top": False,
        "summary": "{{fields.label}} ({{fields.file}})",
        "fields": [
            {
                "name": "file",
                "label": "Tệp",
                "widget": "file",
                "hint": "PDF, Word, Excel… Tên tệp được đổi thành chữ không dấu.",
                "media_folder": f"/content/{files_dir}/{folder}",
                "public_folder": folder,
                "choose_url": False,
                "required": True,
            },
            {
                "name": "label",
                "label": "Tên hiển thị",
                "widget": "string",
                "hint": "Ví dụ: Toàn văn, Phụ lục 1. Để trống thì hiện tên tệp.",
                "required": False,
            },
        ],
    }


# Decap's options for each type's widget (a string widget: just that).
_WIDGET_OPTIONS: dict[str, Callable[[Field, Kind, Mapping[str, Any]], dict[str, Any]]] = {
    DATETIME: lambda *_: dict(DATETIME_WIDGET),
    DATE: lambda *_: dict(DATE_WIDGET),
    CHOICE: _choice,
    BOOL: _flag,
    IMAGE: lambda *_: {"widget": "image", "choose_url": False},
    NUMBER: lambda *_: {"widget": "number", "value_type": "int"},
    FILES: _files,
}


def _widget(field: Field, kind: Kind, settings: Mapping[str, Any]) -> dict[str, Any]:
    """Decap's options for the field's widget."""
    options = _WIDGET_OPTIONS.get(field.type)
    if field.widget == "string" or options is None:
        return {"widget": field.widget}
    return options(field, kind, settings)


def form_field(
    field: Field, kind: Kind, settings: Mapping[str, Any], initial: str = ""
) -> FormField:
    """The form field for one model field (``initial``: a starting value to offer)."""
    hint = field.form_help
    limit = field.max_length(settings)
    if limit:
        hint = f"{hint} Tối đa {limit} ký tự."
    result: FormField = {
        "key": field.name,
        "name": form_name(field),
        "kind": _format_kind(field),
        "label": field.label_vi,
        "hint": hint,
        # A field whose missing line means a value (Status) always holds one.
        "required": field.required or (field.type == CHOICE and bool(field.default)),
    }
    result |= _widget(field, kind, settings)
    start = initial or field.initial_value(settings)
    if start and field.type != BOOL:
        result["default"] = start
    if limit:
        result["pattern"] = [f"^[\\s\\S]{{1,{limit}}}$", f"{field.label_vi} dài quá {limit} ký tự."]
    elif field.pattern:
        message = field.pattern_vi or f"{field.label_vi} không đúng dạng. {field.form_help}"
        result["pattern"] = [field.pattern, message]
    return result


def body_field(kind: Kind) -> FormField:
    """The text below the header: Markdown, or plain lines when the kind reads them itself."""
    result: FormField = {
        "key": "",
        "name": "body",
        "kind": "body",
        "label": "Nội dung",
        "hint": kind.body_help_vi,
    }
    if kind.body_type != MARKUP:
        # A rich-text editor would rewrite "- anh_01.jpg: ..." (escapes, bullets).
        return result | {"widget": "text", "required": kind.body_required}
    return result | {
        "widget": "markdown",
        "required": kind.body_required,
        "modes": ["rich_text", "raw"],
        "buttons": list(BODY_BUTTONS),
        "editor_components": ["image"],
    }


def kind_fields(
    kind: Kind, settings: Mapping[str, Any], initial: Mapping[str, str] | None = None
) -> list[FormField]:
    """Every field the model offers for ``kind``, in its order, then the body.

    ``initial`` gives starting values by field key (an article collection's
    category).
    """
    starts = initial or {}
    found = [form_field(item, kind, settings, starts.get(item.key, "")) for item in kind.offered]
    return [*found, body_field(kind)]


def decap_field(field: FormField) -> dict[str, Any]:
    """The Decap widget options of a field (our own keys removed)."""
    return {key: value for key, value in field.items() if key not in {"key", "kind"}}


def format_field(field: FormField) -> dict[str, str]:
    """What the custom format (header-format.js) needs to read and write a field."""
    return {"key": field["key"], "name": field["name"], "kind": field["kind"]}
