"""Incremental writes for the live preview: render only pages whose inputs changed.

With ``BUILD_SPEED_INCREMENTAL = True`` (the preview sets it) Pelican still
reads every file (from the content cache) and groups them as usual, but the
writer asks, page by page, whether the page's signature
(:mod:`.signatures`) equals the one recorded when the file on disk was
written. If so, the page is neither rendered nor written. Pages that a build
no longer produces (a deleted article, a listing page that is gone) are
removed. Every other build (``invoke build``, the tests, CI) forgets the
record, so the next incremental build starts by rendering everything.

The record lives in CACHE_PATH and names the output folder it describes (path
and inode): a folder replaced by an atomic build is not trusted.
"""

from __future__ import annotations

import logging
import os
import pickle
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from pelican.utils import sanitised_join
from pelican.writers import FileOverwriteFailedError, Writer

from .signatures import Fingerprints, shared_fields, templates_digest

logger = logging.getLogger(__name__)

RECORD_NAME = "build_speed-pages.pickle"
# Each list of articles counts on every page by its newest items only (the
# sidebar's "Tin mới" shows five). Raise it if a widget shows more.
DEFAULT_SHARED_DEPTH = 5


def _folder_id(folder: Path) -> tuple[int, int] | None:
    try:
        stat = folder.stat()
    except OSError:
        return None
    return (stat.st_dev, stat.st_ino)


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
    kept: int = 0
    removed: int = 0
    written: list[str] = field(default_factory=list)
    fingerprints: Fingerprints | None = None
    # For the preview's hot path: the source paths of the contents each
    # signed page shows, and the digest of what every page shows.
    mentions: dict[str, frozenset[str]] = field(default_factory=dict)
    frame: bytes | None = None

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
        try:
            with record_path.open("rb") as handle:
                record = pickle.load(handle)
        except (OSError, pickle.PickleError, EOFError):
            return session
        if record.get("output") == str(output) and record.get("folder") == _folder_id(output):
            session.previous = record.get("pages", {})
        return session

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
        if same and os.path.exists(sanitised_join(str(self.output), name)):
            self.kept += 1
            return True
        self.written.append(name)
        return False

    def start_writing(self) -> None:
        """Pages are about to change: the record on disk no longer holds.

        It is written again when the build succeeds; a build that stops
        before writing (a mistake in the content) leaves it, and the pages,
        as they were.
        """
        self.record_path.unlink(missing_ok=True)

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
        for name in set(self.previous) - set(self.current):
            if remove_page(self.output, name):
                self.removed += 1
        self.record_path.parent.mkdir(parents=True, exist_ok=True)
        record = {
            "output": str(self.output),
            "folder": _folder_id(self.output),
            "pages": self.current,
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
    """Start an incremental build, or forget the record for a full one."""
    global _session  # noqa: PLW0603 - one build at a time per process
    if settings.get("BUILD_SPEED_INCREMENTAL"):
        _session = Session.start(settings)
        return
    _session = None
    # A full build rewrites pages the record knows nothing about.
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
            return ""
        return self.template.render(local)


class SelectiveWriter(Writer):
    """Pelican's writer, leaving the pages :meth:`skip` names untouched."""

    def __init__(self, output_path: str, settings: dict[str, Any] | None = None) -> None:
        super().__init__(output_path, settings=settings)
        self.keep_next: str | None = None

    def skip(self, name: str, template: Any, local: dict[str, Any]) -> bool:
        """Whether to leave page ``name`` as it is on disk (not rendered)."""
        return False

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
        return open(os.devnull, "w", encoding=encoding)


class IncrementalWriter(SelectiveWriter):
    """Pelican's writer, leaving pages whose signature did not change untouched."""

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
