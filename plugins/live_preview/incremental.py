"""Incremental writes: render only pages whose inputs changed.

Pelican still reads every file (from the content cache) and groups them as
usual, but the writer asks, page by page, whether the page's signature
(:mod:`.signatures`) equals the one recorded when the page was last written.
If so, the page is not rendered. Two kinds of build do this:

- The preview (``BUILD_SPEED_INCREMENTAL = True``) writes in place: a kept
  page is left as it is on disk, and pages that a build no longer produces (a
  deleted article, a listing page that is gone) are removed. Its record lives
  in CACHE_PATH and names the output folder it describes (path and inode): a
  folder replaced by an atomic build is not trusted. Every build that is not
  incremental forgets this record.
- A published build with ``BUILD_SPEED_REUSE_PAGES = True`` (``./portal build
  --prod`` and CI) builds into an empty folder beside the site (``atomic``)
  and takes each kept page from the site it replaces
  (``BUILD_SPEED_PUBLISHED_PATH``) by a hard link. Its record holds each
  page's signature and the digest of the file written, and the digest of the
  code (:func:`portal_core.code.code_digest`). A page is kept only if the code
  is the same and the published file still has the recorded bytes, so the
  record stays valid wherever the site comes from: a CI cache restored into a
  new folder, a copy, another machine. Anything else is rendered.

Both kinds leave pages of other kinds (the home page, feeds, plugins' own
files) to be written as in any build.
"""

from __future__ import annotations

import logging
import os
import pickle
import shutil
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from pelican.utils import sanitised_join
from pelican.writers import FileOverwriteFailedError, Writer

from portal_core.code import bytes_digest, code_digest, file_digest

from . import hooks
from .signatures import Fingerprints, shared_fields, templates_digest

logger = logging.getLogger(__name__)

RECORD_NAME = "build_speed-pages.pickle"
# The published site's record (``BUILD_SPEED_REUSE_PAGES``); bump the format
# when what it holds changes.
PUBLISHED_RECORD_NAME = "build_speed-published.pickle"
PUBLISHED_FORMAT = 1
# Each list of articles counts on every page by its newest items only (the
# sidebar's "Tin mới" shows five). Raise it if a widget shows more.
DEFAULT_SHARED_DEPTH = 5


def _folder_id(folder: Path) -> tuple[int, int] | None:
    try:
        stat = folder.stat()
    except OSError:
        return None
    return (stat.st_dev, stat.st_ino)


def _load(path: Path) -> dict[str, Any]:
    try:
        with path.open("rb") as handle:
            record = pickle.load(handle)
    except (OSError, pickle.PickleError, EOFError, AttributeError, ImportError):
        return {}
    return record if isinstance(record, dict) else {}


def template_folders(settings: dict[str, Any]) -> list[Path]:
    """Where the build's templates come from."""
    overrides = [Path(folder) for folder in settings.get("THEME_TEMPLATES_OVERRIDES", [])]
    return [*overrides, Path(settings["THEME"]) / "templates"]


@dataclass
class Session:
    """One incremental build: the previous record, and what this build did."""

    output: Path
    record_path: Path
    depth: int
    fields: tuple[str, ...] = ()
    previous: dict[str, bytes | None] = field(default_factory=dict)
    current: dict[str, bytes | None] = field(default_factory=dict)
    removed: int = 0
    written: list[str] = field(default_factory=list)
    fingerprints: Fingerprints | None = None
    # For the preview's hot path: the source paths of the contents each
    # signed page shows, and the digest of what every page shows.
    mentions: dict[str, frozenset[str]] = field(default_factory=dict)
    frame: bytes | None = None
    # A published build (BUILD_SPEED_REUSE_PAGES): the site kept pages come
    # from, the digest of the code, and each signed page's file digest.
    source: Path | None = None
    code: str = ""
    previous_files: dict[str, bytes] = field(default_factory=dict)
    files: dict[str, bytes] = field(default_factory=dict)
    kept_pages: set[str] = field(default_factory=set)
    # What plugins learnt while rendering a page (hooks.page_rendered).
    previous_notes: dict[str, dict[str, Any]] = field(default_factory=dict)
    notes: dict[str, dict[str, Any]] = field(default_factory=dict)

    @classmethod
    def start(cls, settings: dict[str, Any]) -> Session:
        """Load the record of the last incremental build of this output folder."""
        output = Path(settings["OUTPUT_PATH"]).resolve()
        record_path = Path(settings["CACHE_PATH"]).resolve() / RECORD_NAME
        depth = max(
            int(settings.get("BUILD_SPEED_SHARED_DEPTH", DEFAULT_SHARED_DEPTH)),
            int(settings.get("LATEST_ARTICLES_COUNT", 0)),
        )
        session = cls(output, record_path, depth, shared_fields(settings))
        if settings.get("BUILD_SPEED_REUSE_PAGES") and not settings.get("BUILD_SPEED_INCREMENTAL"):
            return session.published(settings)
        record = _load(record_path)
        if record.get("output") == str(output) and record.get("folder") == _folder_id(output):
            session.previous = record.get("pages", {})
        return session

    def published(self, settings: dict[str, Any]) -> Session:
        """Turn this session into a published build's, trusting its record if it holds."""
        self.source = Path(settings.get("BUILD_SPEED_PUBLISHED_PATH") or self.output).resolve()
        self.record_path = self.record_path.with_name(PUBLISHED_RECORD_NAME)
        self.code = code_digest(settings)
        record = _load(self.record_path)
        if record.get("format") == PUBLISHED_FORMAT and record.get("code") == self.code:
            self.previous = record.get("pages", {})
            self.previous_files = record.get("files", {})
            self.previous_notes = record.get("notes", {})
        return self

    @property
    def in_place(self) -> bool:
        """Whether kept pages are the files already in the output folder."""
        return self.source is None or self.source == self.output

    @property
    def kept(self) -> int:
        """How many pages this build kept as they were."""
        return len(self.kept_pages)

    def bind(self, context: dict[str, Any], settings: dict[str, Any]) -> None:
        """Know the shared context and the template folders (once all is read)."""
        templates = templates_digest(template_folders(settings))
        self.fingerprints = Fingerprints(context, self.depth, templates, self.fields)

    def unchanged(
        self, name: str, template_name: str, local: dict[str, Any], keys: list[str] | None = None
    ) -> bool:
        """Record this page's signature; True if the file on disk already matches."""
        if name in self.current or self.fingerprints is None:
            # A second write to one file: let the writer decide, trust nothing.
            self.current[name] = None
            self.written.append(name)
            return False
        signature = self.fingerprints.page(template_name, local, keys)
        self.current[name] = signature
        if signature is not None:
            self.mentions[name] = self.fingerprints.last_mentions
        same = signature is not None and self.previous.get(name) == signature
        if same and self._still_there(name):
            self.kept_pages.add(name)
            return True
        self.written.append(name)
        return False

    def _still_there(self, name: str) -> bool:
        """Whether the page written last time is still there, as it was written."""
        if self.source is None:
            return os.path.exists(sanitised_join(str(self.output), name))
        recorded = self.previous_files.get(name)
        if recorded is None or file_digest(sanitised_join(str(self.source), name)) != recorded:
            return False
        self.files[name] = recorded
        if name in self.previous_notes:
            self.notes[name] = self.previous_notes[name]
        return True

    def rendering_page(self, name: str) -> None:
        """Page ``name`` is about to be rendered (published builds tell the plugins)."""
        if self.source is not None:
            hooks.page_rendering.send(name)

    def rendered_page(self, name: str, html: str) -> None:
        """Note what page ``name`` now holds (a published build records it)."""
        if self.source is None:
            return
        notes: dict[str, Any] = {}
        for _, value in hooks.page_rendered.send(name, html=html):
            notes.update(value or {})
        if self.current.get(name) is not None:
            self.files[name] = bytes_digest(html.encode("utf-8"))
            if notes:
                self.notes[name] = notes

    def place(self, name: str, path: str) -> None:
        """Put the kept page ``name`` at ``path`` (in the output folder) from the published site."""
        if self.source is None:
            return
        if not self.in_place:
            origin = self.source / name
            try:
                os.link(origin, path)
            except OSError:  # another file system, or links not allowed
                shutil.copyfile(origin, path)
        hooks.page_kept.send(name, notes=self.notes.get(name, {}), path=path)

    def start_writing(self) -> None:
        """Pages are about to change: the record on disk no longer holds.

        It is written again when the build succeeds; a build that stops
        before writing (a mistake in the content) leaves it, and the pages,
        as they were. A published build writes into a new folder: the site
        its record describes does not change.
        """
        if self.in_place:
            self.record_path.unlink(missing_ok=True)

    def export(self) -> dict[str, Any]:
        """What a forked writer learnt (published builds only; see :meth:`merge`)."""
        return {
            "current": self.current,
            "files": self.files,
            "kept": self.kept_pages,
            "written": self.written,
            "notes": self.notes,
        }

    def merge(self, state: dict[str, Any]) -> None:
        """Take in what a forked writer learnt about the pages it wrote or kept.

        Its state starts as a copy of this one at the fork, so entries from
        before are equal; a page both processes wrote since is trusted by none.
        """
        for name, signature in state["current"].items():
            if name in self.current and self.current[name] != signature:
                self.current[name] = None
            else:
                self.current[name] = signature
        self.files.update(state["files"])
        self.notes.update(state["notes"])
        self.kept_pages |= state["kept"]
        known = set(self.written)
        self.written += [name for name in state["written"] if name not in known]

    def pages_showing(self, sources: set[str]) -> set[str]:
        """Pages whose own data shows one of the contents read from ``sources``."""
        return {name for name, shown in self.mentions.items() if not shown.isdisjoint(sources)}

    def unsigned(self) -> set[str]:
        """Pages without a signature (rendered on every build)."""
        return {name for name, signature in self.current.items() if signature is None}

    @property
    def rendered(self) -> int:
        """How many pages this build rendered and wrote."""
        return len(self.written)

    def finish(self) -> None:
        """Remove pages this build no longer makes; save the record."""
        if self.in_place:
            for name in set(self.previous) - set(self.current):
                if remove_page(self.output, name):
                    self.removed += 1
        self.record_path.parent.mkdir(parents=True, exist_ok=True)
        if self.source is None:
            record = {
                "output": str(self.output),
                "folder": _folder_id(self.output),
                "pages": self.current,
            }
        else:
            signed = {name: value for name, value in self.current.items() if value is not None}
            record = {
                "format": PUBLISHED_FORMAT,
                "code": self.code,
                "pages": signed,
                "files": {name: self.files[name] for name in signed if name in self.files},
                "notes": {name: self.notes[name] for name in signed if name in self.notes},
            }
        with self.record_path.open("wb") as handle:
            pickle.dump(record, handle, protocol=pickle.HIGHEST_PROTOCOL)
        if self.fingerprints is not None:
            self.frame = self.fingerprints.frame()
        # The fingerprints hold the build's whole context (every article).
        self.fingerprints = None
        logger.info(
            "Trang: %d dựng lại, %d giữ nguyên, %d xóa.", self.rendered, self.kept, self.removed
        )


def remove_page(output: Path, name: str) -> bool:
    """Delete page ``name`` of ``output`` and the folders it leaves empty."""
    path = Path(sanitised_join(str(output), name))
    if not path.is_file():
        return False
    path.unlink()
    folder = path.parent
    while folder != output and output in folder.parents:
        try:
            folder.rmdir()
        except OSError:
            break
        folder = folder.parent
    return True


_session: Session | None = None
_last: Session | None = None


def begin(settings: dict[str, Any]) -> None:
    """Start an incremental build, or forget the preview's record for a full one."""
    global _session  # noqa: PLW0603 - one build at a time per process
    incremental = settings.get("BUILD_SPEED_INCREMENTAL")
    reuse = incremental or settings.get("BUILD_SPEED_REUSE_PAGES")
    _session = Session.start(settings) if reuse else None
    if not incremental:
        # A build that is not the preview's rewrites pages its record knows
        # nothing about.
        (Path(settings["CACHE_PATH"]).resolve() / RECORD_NAME).unlink(missing_ok=True)


def current() -> Session | None:
    """The incremental build in progress, if any."""
    return _session


def end() -> None:
    """Finish the incremental build in progress (see :func:`last` for its counts)."""
    global _session, _last  # noqa: PLW0603
    session, _session = _session, None
    if session is not None:
        session.finish()
        _last = session


def last() -> Session | None:
    """The last incremental build that finished in this process."""
    return _last


# Names the writer sets on every page, and the pagination names per list.
_PER_PAGE = ("output_file", "SITEURL", "localsiteurl")
_PAGINATION = ("_paginator", "_page", "_previous_page", "_next_page")


class _Guard:
    """Stands in for a template: renders only the pages its writer wants."""

    def __init__(self, template: Any, writer: SelectiveWriter) -> None:
        self.template = template
        self.writer = writer

    def render(self, local: dict[str, Any]) -> str:
        name = local["output_file"]
        if self.writer.skip(name, self.template, local):
            self.writer.keep_next = sanitised_join(self.writer.output_path, name)
            self.writer.keep_name = name
            return ""
        self.writer.rendering(name)
        html = self.template.render(local)
        self.writer.rendered(name, html)
        return html


class SelectiveWriter(Writer):
    """Pelican's writer, leaving the pages :meth:`skip` names untouched."""

    def __init__(self, output_path: str, settings: dict[str, Any] | None = None) -> None:
        super().__init__(output_path, settings=settings)
        self.keep_next: str | None = None  # the path of the page skip() kept
        self.keep_name = ""  # and its name

    def skip(self, name: str, template: Any, local: dict[str, Any]) -> bool:
        """Whether to leave page ``name`` as it is on disk (not rendered)."""
        return False

    def rendering(self, name: str) -> None:
        """Page ``name`` is about to be rendered."""

    def rendered(self, name: str, html: str) -> None:
        """Page ``name`` was rendered as ``html`` (about to be written)."""

    def keep(self, name: str, path: str) -> None:
        """Page ``name`` (at ``path``) is kept, not rendered: put it in place if need be."""

    def write_file(self, name, template, context, *args, **kwargs) -> None:
        """Write as Pelican does, deciding page by page whether to render."""
        super().write_file(name, _Guard(template, self), context, *args, **kwargs)

    def _open_w(self, filename, encoding, override=False):
        """Open the page's file, or a sink when the page is kept as it is."""
        if filename != self.keep_next:
            return super()._open_w(filename, encoding, override)
        self.keep_next = None
        # The writer's own bookkeeping, so that a second write to this file
        # is refused (or allowed) exactly as if the page had been rewritten.
        if override and filename in self._overridden_files:
            raise FileOverwriteFailedError(f'Failed to overwrite "{filename}" a second time')
        if (
            filename in self._written_files
            and not override
            and filename not in self._overridden_files
        ):
            raise FileOverwriteFailedError(f'Failed to overwrite "{filename}"')
        if override:
            self._overridden_files.add(filename)
        self._written_files.add(filename)
        self.keep(self.keep_name, filename)
        return open(os.devnull, "w", encoding=encoding)


class IncrementalWriter(SelectiveWriter):
    """Pelican's writer, leaving pages whose signature did not change untouched."""

    @property
    def forkable(self) -> bool:
        """Whether build_speed may share the pages with forked writers.

        A published build's writers send back what they recorded
        (:meth:`Session.export`); the preview writes in place, in a process
        that runs threads, and keeps more than the record.
        """
        return not self.session.in_place

    def __init__(self, output_path: str, settings: dict[str, Any] | None = None) -> None:
        super().__init__(output_path, settings=settings)
        session = current()
        if session is None:
            raise RuntimeError("IncrementalWriter needs an incremental build in progress")
        self.session = session
        self.keys: list[str] | None = None
        session.start_writing()

    def write_file(self, name, template, context, *args, **kwargs) -> None:
        """Write as Pelican does, rendering only pages whose signature changed."""
        self.keys = None
        fingerprints = self.session.fingerprints
        if fingerprints is not None and context is fingerprints.shared:
            # Only what this call adds can be the page's own: the keyword
            # arguments, pagination, and the writer's per-page names.
            keys = [*kwargs, *_PER_PAGE]
            for key in kwargs.get("paginated") or ("articles", "dates"):
                keys += [f"{key}{suffix}" for suffix in _PAGINATION]
            self.keys = keys
        super().write_file(name, template, context, *args, **kwargs)

    def skip(self, name: str, template: Any, local: dict[str, Any]) -> bool:
        """Leave the page alone when its signature equals the recorded one."""
        return self.session.unchanged(name, template.name or "", local, self.keys)

    def rendering(self, name: str) -> None:
        """Tell the plugins which page renders (published builds)."""
        self.session.rendering_page(name)

    def rendered(self, name: str, html: str) -> None:
        """Record the digest of what the page now holds (published builds)."""
        self.session.rendered_page(name, html)

    def keep(self, name: str, path: str) -> None:
        """Take the kept page from the published site (published builds)."""
        self.session.place(name, path)
