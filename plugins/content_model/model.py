"""The declared content model: which kinds of content exist and what their fields are.

One declaration per kind (article, page, notice, document, and whatever a
plugin adds in its own ``register()``): its folder, its file-name pattern, and
every field an editor may write, with its type, whether it is required, an
example and one line of Vietnamese help. Everything that needs to know what a
field is reads it here: the checks (required and unknown fields, plain text
versus markup, dates, URLs), the Markdown reader (which fields are dates, which
are text to escape), ``invoke new`` (the fields of a new file), the README's
field tables (tested equal), and next the browser editor's configuration and the
importer's writer.

Public API (stable; other tools read it)::

    from content_model import kinds, kind
    for item in kinds():               # every declared kind
        item.name, item.label_vi, item.folder, item.file_pattern
        for field in item.fields:
            field.name, field.key, field.type, field.required, field.example
            field.label_vi, field.help_vi, field.widget, field.pattern
            field.choices(settings)    # for "choice" fields, else []
            field.form_help, field.pattern_vi, field.options()
            field.default, field.initial_value(settings), field.max_length(settings)
        item.offered                   # the fields a browser form offers, in order
        item.body_help_vi, item.body_required, item.attachments(settings)
        item.editing                   # how the browser editor offers it (None: not)
"""

from __future__ import annotations

import importlib
from collections.abc import Callable, Iterable, Mapping
from dataclasses import dataclass, field
from typing import Any

# Field types. "text" is plain text (escaped wherever shown, markup refused);
# "markup" is Markdown rendered and sanitised. Every other type is written as
# text too and is plain text for the plain-text rule.
TEXT = "text"
MARKUP = "markup"
DATE = "date"  # a day: 2024-03-12, 12/03/2024
DATETIME = "datetime"  # a day and an optional time (and UTC offset)
CHOICE = "choice"  # one of a registry (CATEGORIES, DOCUMENT_TYPES) or fixed values
FILES = "files"  # attachments under content/files/, one per line, "path | label"
IMAGE = "image"  # one photo: {static}/images/...
NUMBER = "number"
BOOL = "bool"  # có / không
URL = "url"  # an absolute http(s) address
TYPES = (TEXT, MARKUP, DATE, DATETIME, CHOICE, FILES, IMAGE, NUMBER, BOOL, URL)

# The widget a browser editor (Decap CMS) shows for each type. A header value is
# one line, so a markup field (Summary) is a plain text area, not a rich editor.
_WIDGETS = {
    TEXT: "string",
    MARKUP: "text",
    DATE: "datetime",
    DATETIME: "datetime",
    CHOICE: "select",
    FILES: "list",
    IMAGE: "image",
    NUMBER: "number",
    BOOL: "boolean",
    URL: "string",
}
# Where a "choice" field finds its values: a setting, read by a function.
ChoiceSource = Callable[[Mapping[str, Any]], list[str]]
# A starting value read from the settings (a document's Issuer: the unit's name).
InitialSource = Callable[[Mapping[str, Any]], str]


def _registry_names(setting: str) -> ChoiceSource:
    def names(settings: Mapping[str, Any]) -> list[str]:
        values = settings.get(setting) or []
        found = []
        for value in values:
            if isinstance(value, str):
                found.append(value)
            elif isinstance(value, Mapping) and "name" in value:
                found.append(str(value["name"]))
            elif isinstance(value, (tuple, list)) and value:
                found.append(str(value[0]))
        return found

    return names


@dataclass(frozen=True)
class Field:
    """One ``Name: value`` line an editor may write."""

    name: str  # as editors write it: "Title", "Image-alt"
    type: str
    label_vi: str  # short label: "Tiêu đề"
    help_vi: str  # one line of help
    required: bool = False
    example: str = ""
    # What the value is, in a sentence's middle ("tiêu đề"): for messages.
    meaning_vi: str = ""
    # "choice": fixed values, or the setting holding the registry.
    values: tuple[str, ...] = ()
    registry: str | None = None
    # How to read the registry's names when it has defaults (else the setting as is).
    source: ChoiceSource | None = field(default=None, compare=False, repr=False)
    # A regular expression the whole value must match (editor UI hint).
    pattern: str | None = None
    # Developers' fields (Template, Save_as...): known, but not offered to editors.
    advanced: bool = False
    # Written (empty or with a starting value) in a file ``invoke new`` makes.
    in_new_file: bool = True
    # --- For forms (the browser editor); each falls back to the above. ---
    # Help for a form, where the text-file help ("one per line, indented") does not fit.
    form_help_vi: str = ""
    # The widget when the type's usual one cannot hold every accepted value
    # (Effective: a date, or "kể từ ngày ký").
    form_widget: str | None = None
    # What to tell an editor whose value does not match ``pattern``.
    pattern_vi: str = ""
    # "choice": a Vietnamese label per value, ((value, label), ...).
    value_labels: tuple[tuple[str, str], ...] = ()
    # The value a missing line means (Status: published; Pinned: không).
    default: str = ""
    # A new item's starting value, from the settings (else ``default``).
    initial: InitialSource | None = field(default=None, compare=False, repr=False)
    # The longest value the check accepts: (setting, its default); None: no limit.
    limit: tuple[str, int] | None = None

    def __post_init__(self) -> None:
        if self.type not in TYPES:
            raise ValueError(f"content model: field {self.name}: unknown type {self.type!r}")

    @property
    def key(self) -> str:
        """The name as Pelican keys metadata: lower case."""
        return self.name.lower()

    @property
    def plain_text(self) -> bool:
        """True unless the value is markup (escaped wherever rendered)."""
        return self.type != MARKUP

    @property
    def widget(self) -> str:
        """The browser editor's widget for this field."""
        return self.form_widget or _WIDGETS[self.type]

    @property
    def form_help(self) -> str:
        """The one line of help a form shows under the field."""
        return self.form_help_vi or self.help_vi

    def options(self, settings: Mapping[str, Any] | None = None) -> list[tuple[str, str]]:
        """A "choice" field's (value, Vietnamese label) pairs (the value when unlabelled)."""
        labels = dict(self.value_labels)
        return [(value, labels.get(value, value)) for value in self.choices(settings)]

    def initial_value(self, settings: Mapping[str, Any] | None = None) -> str:
        """What a new item's form starts with ("" for nothing)."""
        if self.initial is not None:
            return self.initial(settings or {})
        return self.default

    def max_length(self, settings: Mapping[str, Any] | None = None) -> int | None:
        """The longest value the check accepts (None: no limit)."""
        if self.limit is None:
            return None
        setting, fallback = self.limit
        return int((settings or {}).get(setting) or fallback)

    @property
    def meaning(self) -> str:
        """What the value is, for messages ("tiêu đề")."""
        return self.meaning_vi or self.label_vi[:1].lower() + self.label_vi[1:]

    @property
    def starter(self) -> bool:
        """True when ``invoke new`` writes this field into a new file."""
        return self.in_new_file and not self.advanced

    def choices(self, settings: Mapping[str, Any] | None = None) -> list[str]:
        """The values a "choice" field accepts ([] for other types)."""
        if self.type != CHOICE:
            return []
        if self.source is not None:
            return self.source(settings or {})
        if self.registry:
            return _registry_names(self.registry)(settings or {})
        return list(self.values)


@dataclass(frozen=True)
class Editing:
    """How the browser editor offers a kind: a menu entry listing its files.

    The fields, folder and file names come from the kind itself; this says only
    what the kind's declaration cannot: the entry's name and title, its place in
    the menu, and whether the kind is split into one entry per value of a choice.
    """

    collection: str  # the entry's name in the editor's address: "thong-bao"
    label_vi: str  # its title in the menu: "Thông báo"
    order: int  # its place in the menu (smaller first)
    # One entry per value of this "choice" field (articles: one per category),
    # in its registry's order: the values' files are in a sub-folder named by the
    # value's slug (the ``{<field>_slug}/`` of ``file_pattern``), and a new file
    # starts with that value. The registry's entries need "name" and "slug".
    split_by: str | None = None
    # What a row of the list shows, by field key (joined with " – ").
    list_fields: tuple[str, ...] = ("title",)
    # The fields the list can be sorted by, by key.
    sort_fields: tuple[str, ...] = ()
    # A new file's name in the editor's own template language (Decap CMS), for a
    # ``file_pattern`` whose placeholders the editor cannot fill ({number_slug}).
    file_name: str | None = None


@dataclass(frozen=True)
class Kind:
    """One kind of content and its fields."""

    name: str  # "article"
    label_vi: str  # "tin bài"
    folder: str  # default folder under content/: "articles"; setting: paths_setting
    file_pattern: str  # new files: "{category_slug}/{yyyy}-{mm}-{dd}-{slug}.md"
    fields: tuple[Field, ...]
    help_vi: str = ""
    plugin: str | None = None  # the plugin that reads it (None: Pelican itself)
    # The text below the header: help for a form, and whether the check wants one.
    body_help_vi: str = "Nội dung."
    body_required: bool = True
    # Where this kind's attachments (Files) go: (setting of the files folder under
    # content/, its default, this kind's sub-folder in it); None: no attachments.
    files_folder: tuple[str, str, str] | None = None
    # The body's type: MARKUP (Markdown, rendered) or TEXT (lines a plugin reads:
    # an album's "- photo: caption").
    body_type: str = MARKUP
    # How the browser editor offers it; None: the editor leaves it out.
    editing: Editing | None = None
    _by_key: dict[str, Field] = field(default_factory=dict, init=False, compare=False, repr=False)

    def __post_init__(self) -> None:
        for item in self.fields:
            if item.key in self._by_key:
                raise ValueError(f"content model: {self.name}: field {item.name} declared twice")
            self._by_key[item.key] = item

    @property
    def paths_setting(self) -> str:
        """The setting listing its folders: ``ARTICLE_PATHS`` for "article"."""
        return f"{self.name.upper()}_PATHS"

    def field(self, key: str) -> Field | None:
        """The field written ``key`` (any case), or None."""
        return self._by_key.get(key.lower())

    @property
    def keys(self) -> frozenset[str]:
        """Every known field key."""
        return frozenset(self._by_key)

    @property
    def offered(self) -> tuple[Field, ...]:
        """The fields a form offers editors: every one but the developers'."""
        return tuple(item for item in self.fields if not item.advanced)

    def attachments(self, settings: Mapping[str, Any] | None = None) -> tuple[str, str]:
        """(files folder under content/, this kind's sub-folder in it) for attachments."""
        if self.files_folder is None:
            raise ValueError(f"content model: {self.name} has no attachments")
        setting, fallback, sub = self.files_folder
        return str((settings or {}).get(setting) or fallback).strip("/"), sub

    @property
    def required(self) -> tuple[Field, ...]:
        """The fields a published file must have."""
        return tuple(item for item in self.fields if item.required)

    @property
    def markup_keys(self) -> frozenset[str]:
        """Keys of the fields that are markup (every other one is plain text)."""
        return frozenset(item.key for item in self.fields if not item.plain_text)

    def new_file_header(self, values: Mapping[str, str]) -> str:
        """The header ``invoke new`` writes: every starter field, ``values`` by key."""
        lines = []
        for item in self.fields:
            if item.starter:
                value = str(values.get(item.key, ""))
                lines.append(f"{item.name}: {value}" if value else f"{item.name}:")
        return "\n".join(lines) + "\n"

    def header(self, values: Mapping[str, str | Iterable[str]]) -> str:
        """A file's header for ``values`` (by field name or key), in the model's order.

        For writers (an importer): empty values are left out; a list (``Files``)
        becomes one value per line, continuation lines indented by four spaces;
        line breaks inside a value become spaces. A name the model does not
        declare raises ``ValueError``.
        """
        given = {str(name).lower(): value for name, value in values.items()}
        unknown = sorted(set(given) - self.keys)
        if unknown:
            raise ValueError(f"content model: {self.name} has no field {', '.join(unknown)}")
        lines = []
        for item in self.fields:
            value = given.get(item.key)
            parts = [value] if isinstance(value, str) or value is None else list(value)
            parts = [" ".join(str(part).split()) for part in parts if part is not None]
            parts = [part for part in parts if part]
            if parts:
                lines.append(f"{item.name}: {parts[0]}")
                lines += [f"    {part}" for part in parts[1:]]
        return "\n".join(lines) + "\n"

    def keys_of(self, *types: str) -> frozenset[str]:
        """Keys of the fields of these types."""
        return frozenset(item.key for item in self.fields if item.type in types)

    def enabled(self, settings: Mapping[str, Any]) -> bool:
        """True when the plugin reading this kind is in PLUGINS (or none is needed)."""
        return self.plugin is None or self.plugin in settings.get("PLUGINS", [])

    def folders(self, settings: Mapping[str, Any] | None = None) -> list[str]:
        """Its folders under content/ (the setting, else the default)."""
        values = (settings or {}).get(self.paths_setting) or [self.folder]
        return [str(value).strip("/") for value in values]


_KINDS: dict[str, Kind] = {}


def register_kind(declared: Kind) -> None:
    """Declare (or re-declare: plugins register on every build) a kind."""
    _KINDS[declared.name] = declared


def kinds(settings: Mapping[str, Any] | None = None) -> list[Kind]:
    """Declared kinds (only the enabled ones when ``settings`` is given)."""
    return [item for item in _KINDS.values() if settings is None or item.enabled(settings)]


def kind(name: str) -> Kind | None:
    """The kind called ``name``, or None."""
    return _KINDS.get(name)


def declare_plugins(settings: Mapping[str, Any]) -> None:
    """Run every enabled plugin's ``register()``, as Pelican does, so its kinds are declared.

    For tools that read the model without building (``invoke new``, an
    editor's configuration): plugins declare their kinds in ``register()``.
    """
    # Every module first, then every register(), in PLUGINS order, as Pelican does.
    modules = [
        importlib.import_module(name) if isinstance(name, str) else name
        for name in settings.get("PLUGINS", [])
    ]
    for module in modules:
        register = getattr(module, "register", None)
        if callable(register):
            register()


def field_names(fields: Iterable[Field]) -> list[str]:
    """The written names of ``fields`` (for messages and tables)."""
    return [item.name for item in fields]
