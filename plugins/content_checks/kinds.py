"""The kinds of content under ``content/`` and where each one lives.

Every file under ``content/`` must end up published, a draft, scheduled or an
error; this registry says which folders hold which kind, so a file anywhere
else is reported instead of being silently skipped. A plugin that adds a kind
(notices, documents) calls :func:`register_kind` with its own checks.
"""

from __future__ import annotations

import datetime as dt
import fnmatch
import posixpath
from collections.abc import Callable, Collection, Iterable, Mapping
from dataclasses import dataclass
from typing import Any

from content_model import Kind
from content_model import kind as model_kind

from .source import Header

# What a kind-specific check returns: (status, publication date, findings)
# and optionally a fourth item, the checked record (a dataclass), for the
# kind's cross-file check; status is "published", "draft" or "scheduled", a
# finding (line, message). A check may depend on the build's "now" only by
# comparing it with the date it returns or the dates in its record: a clean
# report is reused while "now" stays on the same side of them (memo.py).
Finding = tuple[int, str]
Verdict = (
    tuple[str, "dt.datetime | None", list[Finding]]
    | tuple[str, "dt.datetime | None", list[Finding], Any]
)
KindCheck = Callable[[Header, "FileContext"], Verdict]
# Rules across every file of a kind: given (relative path, record) pairs,
# return (relative path, line, message) for each problem.
CrossCheck = Callable[[list[tuple[str, Any]], "FileContext"], list[tuple[str, int, str]]]
# The files under content/ (relative posix paths) a header names.
FileRefs = Callable[[Header, "FileContext"], Iterable[str]]
# Where the build writes a checked file of a plugin's kind, from its record:
# (slug, save_as, url), or None when it writes no page of its own.
Locate = Callable[[Any, Header, "FileContext"], "tuple[str, str, str] | None"]

MARKDOWN_EXTENSIONS = ("md", "markdown", "mkd", "mdown")


@dataclass(frozen=True)
class FileContext:
    """What a kind's check may know besides the header: pure data, no I/O."""

    relative: str  # posix path under content/, e.g. "articles/tin/2024-01-01-a.md"
    now: dt.datetime  # the build's "now", aware, site time zone
    settings: Mapping[str, Any]
    # Every file under content/ (relative posix paths). Ask it about names
    # (``in``); going through it all makes the report depend on every name.
    files: Collection[str]
    config: Any = None  # content_checks.config.CheckConfig
    text: str = ""  # the whole file, decoded (LF line ends, NFC)
    locator: Any = None  # content_checks.locate.Locator: the build's address of a file


@dataclass(frozen=True)
class ContentKind:
    """One kind of content: its folders, its names, its own checks."""

    name: str  # "article"
    label: str  # "tin bài" (messages, summary)
    paths_setting: str  # the setting listing its folders: "ARTICLE_PATHS"
    default_paths: tuple[str, ...]
    excludes_setting: str | None = None
    check: KindCheck | None = None
    # Where the build writes a file of a kind Pelican does not read itself
    # (articles and pages are located by Pelican: content_checks.locate).
    locate: Locate | None = None
    # The header field an editor changes to move the content to another
    # address (messages about clashes point at its line).
    address_field: str = "slug"
    # The plugin that reads this kind; the kind only exists while it is enabled.
    plugin: str | None = None
    cross_check: CrossCheck | None = None
    # The files under content/ its header names (photo, attachments): what a
    # draft of this kind must keep out of the site (content_checks.withheld).
    file_refs: FileRefs | None = None

    @classmethod
    def of(cls, declared: Kind, check: KindCheck, **more: Any) -> ContentKind:
        """The checks' side of a kind the content model declares.

        Its name, label, folders and plugin are the declaration's; ``more`` adds
        what only the checks know (its file references, URL settings...).
        """
        values = {"default_paths": (declared.folder,), "plugin": declared.plugin} | more
        return cls(
            name=declared.name,
            label=declared.label_vi,
            paths_setting=declared.paths_setting,
            check=check,
            **values,
        )

    @property
    def model(self) -> Kind | None:
        """The kind's declaration in the content model (fields, types), by name."""
        return model_kind(self.name)

    def enabled(self, settings: Mapping[str, Any]) -> bool:
        """True when the plugin reading this kind is in PLUGINS (or none is needed)."""
        return self.plugin is None or self.plugin in settings.get("PLUGINS", [])

    def paths(self, settings: Mapping[str, Any]) -> list[str]:
        """Folders of this kind, relative to content/ (posix, no trailing slash)."""
        return [_clean(path) for path in settings.get(self.paths_setting, self.default_paths)]

    def excludes(self, settings: Mapping[str, Any]) -> list[str]:
        """Folders excluded from this kind."""
        if not self.excludes_setting:
            return []
        return [_clean(path) for path in settings.get(self.excludes_setting, [])]


_KINDS: dict[str, ContentKind] = {}
# Functions naming data files a plugin reads from content/ (e.g. the visitor
# counter's count file): such a file is used, not lost.
_DATA_FILES: list[Callable[[Mapping[str, Any]], Iterable[str]]] = []


def register_kind(kind: ContentKind) -> None:
    """Add or replace a kind (idempotent: plugins register on every build)."""
    _KINDS[kind.name] = kind


def register_data_files(source: Callable[[Mapping[str, Any]], Iterable[str]]) -> None:
    """Declare data files (paths relative to content/) that a plugin reads."""
    if source not in _DATA_FILES:
        _DATA_FILES.append(source)


def data_files(settings: Mapping[str, Any]) -> set[str]:
    """Every declared data file, as a relative posix path."""
    return {_clean(str(path)) for source in _DATA_FILES for path in source(settings) if path}


def kinds(settings: Mapping[str, Any] | None = None) -> list[ContentKind]:
    """Registered kinds (only the enabled ones when ``settings`` is given)."""
    return [kind for kind in _KINDS.values() if settings is None or kind.enabled(settings)]


def kind_named(name: str) -> ContentKind | None:
    """The kind called ``name`` (None when not registered)."""
    return _KINDS.get(name)


def _clean(folder: str) -> str:
    return posixpath.normpath(folder).strip("/")


def _under(relative: str, folder: str) -> bool:
    return folder in ("", ".") or relative == folder or relative.startswith(folder + "/")


@dataclass(frozen=True)
class Layout:
    """Where every enabled kind, static folder and data file lives: read once per check."""

    kinds: tuple[tuple[ContentKind, tuple[str, ...], tuple[str, ...]], ...]
    static: tuple[str, ...]
    static_excludes: tuple[str, ...]
    data: frozenset[str]
    ignore: tuple[str, ...]

    @classmethod
    def of(cls, settings: Mapping[str, Any]) -> Layout:
        """The layout the settings describe."""
        return cls(
            kinds=tuple(
                (kind, tuple(kind.paths(settings)), tuple(kind.excludes(settings)))
                for kind in kinds(settings)
            ),
            static=tuple(map(_clean, settings.get("STATIC_PATHS", ["images"]))),
            static_excludes=tuple(map(_clean, settings.get("STATIC_EXCLUDES", []))),
            data=frozenset(data_files(settings)),
            ignore=tuple(
                pattern.removeprefix("**/") for pattern in settings.get("IGNORE_FILES", ["**/.*"])
            ),
        )

    def is_ignored(self, relative: str) -> bool:
        """Pelican's IGNORE_FILES (hidden files by default) apply to every generator."""
        parts = relative.split("/")
        return any(fnmatch.fnmatch(part, pattern) for pattern in self.ignore for part in parts)

    def kind_for(self, relative: str) -> ContentKind | None:
        """The kind whose folders hold ``relative`` (the deepest folder wins)."""
        best: tuple[int, ContentKind] | None = None
        for kind, folders, excludes in self.kinds:
            if any(_under(relative, folder) for folder in excludes):
                continue
            for folder in folders:
                if _under(relative, folder) and (best is None or len(folder) > best[0]):
                    best = (len(folder), kind)
        return best[1] if best else None

    def static_folder(self, relative: str) -> str | None:
        """The STATIC_PATHS entry holding ``relative`` (None when not static)."""
        if any(_under(relative, folder) for folder in self.static_excludes):
            return None
        return next((folder for folder in self.static if _under(relative, folder)), None)


def extension(relative: str) -> str:
    """Lower-case extension without the dot ("" when none)."""
    name = posixpath.basename(relative)
    return name.rpartition(".")[2].lower() if "." in name.lstrip(".") else ""
