"""Reports of unchanged files, kept from one check to the next (``CACHE_PATH``).

Checking a file — reading it, parsing its header, asking Pelican where it
goes, every rule on its body — is what a check of 10,000 articles spends its
seconds on, and a push changes one or two files. A report without mistakes is
kept with everything its check consulted besides the file, and taken again
while all of that is unchanged:

- the file's bytes (a digest), its path, and so its kind;
- the code (plugins, libraries, Python), every setting and the checker's
  configuration: the memo file's name carries their digest;
- the answer to each question the check asked of the list of files under
  ``content/`` ("is this photo there?"); a check that went through the whole
  list depends on every name in it;
- the files the content uses (photo, attachments): their size and time;
- the build's "now" on the same side of every date the check returned (the
  article's date, the dates of the kind's record), with a day's margin.

A report with a mistake is never kept: the file is checked again until it is
fixed. Rules across files (links to drafts, clashing addresses and numbers)
always run on every report. ``CACHE_CONTENT`` turns the memo on, as it does
Pelican's content cache; ``LOAD_CONTENT_CACHE = False`` starts from nothing.
"""

from __future__ import annotations

import contextlib
import dataclasses
import datetime as dt
import hashlib
import logging
import os
import pickle
from collections.abc import Collection, Iterable, Iterator, Mapping
from pathlib import Path
from typing import Any

from portal_core.code import bytes_digest, code_digest, describe, file_digest

logger = logging.getLogger(__name__)

FORMAT = 1
PREFIX = "content_checks-"
# Memo files kept in CACHE_PATH: each set of settings keeps its own, and an
# editor's machine uses four (``invoke check``, the development build, the
# preview, ``build --prod``); CI uses two.
KEPT_FILES = 4
DAY = dt.timedelta(days=1)
# Settings about where and how a build runs, not about what a check finds.
_RUN_SETTINGS = frozenset(
    {"OUTPUT_PATH", "CACHE_PATH", "BUILD_DATE", "CHECK_PROCESSES", "LOAD_CONTENT_CACHE"}
)

# What the last check took from the memo: {"reused": n, "checked": n}, or
# empty when no memo was used (the tests look at it).
last_run: dict[str, int] = {}


@dataclasses.dataclass
class Depends:
    """What a clean report depends on besides the code and the settings."""

    digest: bytes  # the file's bytes
    now: dt.datetime  # the "now" it was checked at
    asked: dict[str, bool]  # names looked up in the file list -> present
    whole: bytes | None  # the file list's digest, if the check went through all of it
    stamps: dict[str, tuple[int, int] | None]  # used files -> (size, mtime) or missing


class WatchedFiles(Collection[str]):
    """The list of files under ``content/`` as one check sees it, noting what it asked."""

    __slots__ = ("_files", "asked", "whole")

    def __init__(self, files: Collection[str]):
        self._files = files
        self.asked: dict[str, bool] = {}
        self.whole = False

    def __contains__(self, name: object) -> bool:
        found = name in self._files
        if isinstance(name, str):
            self.asked[name] = found
        return found

    def __iter__(self) -> Iterator[str]:
        self.whole = True
        return iter(self._files)

    def __len__(self) -> int:
        self.whole = True
        return len(self._files)

    def whole_digest(self) -> bytes | None:
        """The list's digest if the check went through all of it, else None."""
        return list_digest(self._files) if self.whole else None


def stamp(path: str | os.PathLike[str]) -> tuple[int, int] | None:
    """Size and modification time of a used file (None: not there)."""
    try:
        info = os.stat(path)
    except OSError:
        return None
    return info.st_size, info.st_mtime_ns


def list_digest(files: Iterable[str]) -> bytes:
    """Digest of a whole list of files (names, in order)."""
    return bytes_digest("\0".join(sorted(files)).encode())


def depends(
    item: Any, raw: bytes, watched: WatchedFiles, now: dt.datetime, root: Path
) -> Depends | None:
    """What ``item``'s report depends on; None when it must not be kept."""
    if item.findings or (item.record is not None and not dataclasses.is_dataclass(item.record)):
        # A record the memo cannot read the dates of might hide one "now" matters for.
        return None
    whole = watched.whole_digest()
    stamps = {name: stamp(os.path.join(root, name)) for name in sorted(item.uses)}
    return Depends(bytes_digest(raw), now, dict(watched.asked), whole, stamps)


def _moments(item: Any, zone: dt.tzinfo | None) -> Iterator[tuple[dt.datetime, dt.datetime]]:
    """Intervals around each date the check returned, where "now" may change its verdict."""
    values: list[Any] = [item.date]
    if dataclasses.is_dataclass(item.record):
        values += [getattr(item.record, field.name) for field in dataclasses.fields(item.record)]
    for value in values:
        if isinstance(value, dt.datetime):
            moment = value if value.tzinfo else value.replace(tzinfo=zone)
            yield moment - DAY, moment + DAY
        elif isinstance(value, dt.date):
            start = dt.datetime.combine(value, dt.time(), tzinfo=zone)
            yield start - DAY, start + 2 * DAY


def same_verdict_now(item: Any, now: dt.datetime) -> bool:
    """``now`` and the time ``item`` was checked at are on the same side of its dates."""
    then = item.depends.now
    if then == now:
        return True
    early, late = min(then, now), max(then, now)
    return all(late < start or early > end for start, end in _moments(item, now.tzinfo))


def memo_key(settings: Mapping[str, Any], config: Any) -> str:
    """Digest of the code, the settings and the checker's configuration."""
    digest = hashlib.sha256(f"{FORMAT}|{code_digest(settings)}|".encode())
    for name in sorted(settings):
        if name not in _RUN_SETTINGS and not name.startswith("BUILD_SPEED_"):
            digest.update(f"{name}={describe(settings[name])}\n".encode())
    fields = dataclasses.asdict(config)
    fields.pop("_categories", None)  # a lookup memo, not configuration
    digest.update(describe(fields).encode())
    return digest.hexdigest()


class Memo:
    """The clean reports of the last check made with these code and settings."""

    def __init__(self, settings: Mapping[str, Any], config: Any):
        self.root = Path(settings["PATH"])
        self.folder = Path(settings["CACHE_PATH"])
        self.path = self.folder / f"{PREFIX}{memo_key(settings, config)[:20]}.pickle"
        self.reports: dict[str, Any] = {}
        if settings.get("LOAD_CONTENT_CACHE", True):
            self.reports = self._load()

    def _load(self) -> dict[str, Any]:
        try:
            with open(self.path, "rb") as handle:
                data = pickle.load(handle)
        except FileNotFoundError:
            return {}
        except Exception as error:  # a damaged or foreign file: check everything
            logger.debug("Bỏ qua bộ nhớ kiểm tra %s (%s).", self.path, error)
            return {}
        if not isinstance(data, dict) or data.get("format") != FORMAT:
            return {}
        return data.get("reports", {})

    def reusable(self, relatives: Iterable[str], files: Collection[str], now: dt.datetime) -> dict:
        """The kept reports still true of the files as they are now, by relative path."""
        found = {}
        whole = None  # the list's digest, made once if a report needs it
        stamps: dict[str, tuple[int, int] | None] = {}  # a photo many articles show
        for relative in relatives:
            item = self.reports.get(relative)
            if item is None:
                continue
            known = item.depends
            if file_digest(os.path.join(self.root, relative)) != known.digest:
                continue
            if known.whole is not None:
                whole = whole or list_digest(files)
                if known.whole != whole:
                    continue
            if any((name in files) != present for name, present in known.asked.items()):
                continue
            if any(self._stamp(name, stamps) != value for name, value in known.stamps.items()):
                continue
            if same_verdict_now(item, now):
                found[relative] = item
        return found

    def _stamp(self, name: str, known: dict[str, tuple[int, int] | None]) -> Any:
        if name not in known:
            known[name] = stamp(os.path.join(self.root, name))
        return known[name]

    def save(self, items: Iterable[Any]) -> None:
        """Keep the clean reports of this check (reports with ``depends``)."""
        reports = {item.relative: item for item in items if item.depends is not None}
        if reports.keys() == self.reports.keys() and all(
            item is self.reports[relative] for relative, item in reports.items()
        ):
            # Every report came from the memo (a rebuild with nothing edited):
            # the file already says this; only its time says it is in use.
            with contextlib.suppress(OSError):
                os.utime(self.path)
            return
        for item in reports.values():
            if item.url_source is not None and not isinstance(item.url_source, str):
                item.url_source = item.url  # the probe content object stays here
        data = pickle.dumps({"format": FORMAT, "reports": reports}, pickle.HIGHEST_PROTOCOL)
        try:
            self.folder.mkdir(parents=True, exist_ok=True)
            temporary = self.path.with_name(f".{self.path.name}.{os.getpid()}")
            temporary.write_bytes(data)
            os.replace(temporary, self.path)
            self._forget_old()
        except OSError as error:  # a read-only cache folder: the next check starts over
            logger.debug("Không ghi được bộ nhớ kiểm tra %s (%s).", self.path, error)

    def _forget_old(self) -> None:
        memos = sorted(
            self.folder.glob(f"{PREFIX}*.pickle"), key=lambda path: path.stat().st_mtime_ns
        )
        for old in memos[:-KEPT_FILES]:
            old.unlink(missing_ok=True)
