"""Nothing of a draft or a scheduled item reaches the site before it is published.

Pelican's static generator copies every file under STATIC_PATHS, so a draft
document's attachment or a draft article's photo went online with the first
build, findable by its address. The rule here: a file under content/ that
only unpublished items (drafts, scheduled items) show or link to takes their
status: it is held back with them (listed in the summary) and published by
the first build in which a published item uses it. A file nothing refers to
is published as before: the attachments folder is a public folder (checked
by :mod:`content_checks.attachments`), and pages may be linked from outside.
The build drops held-back files from the static generator's list before
anything is copied (``content_checks.withhold_files``).
"""

from __future__ import annotations

from collections.abc import Iterable
from typing import Any

from .body import Reference
from .body_rules import content_target

_FILE_KINDS = {"static"}


def file_targets(refs: Iterable[Reference], relative: str) -> set[str]:
    """Files under content/ that ``{static}``/``{attach}``/``{filename}`` URLs name."""
    found = set()
    for ref in refs:
        target = content_target(ref.url, relative)
        if target is not None:
            found.add(target)
    return found


def withhold(items: list[Any]) -> None:
    """Give a static file used only by unpublished items their status (and date)."""
    users: dict[str, list[Any]] = {}
    for item in items:
        if item.kind in _FILE_KINDS:
            continue
        for target in item.uses:
            users.setdefault(target, []).append(item)
    for item in items:
        if item.kind not in _FILE_KINDS or item.status != "published":
            continue
        using = users.get(item.relative, [])
        if not using or any(user.status == "published" for user in using):
            continue
        scheduled = [user.date for user in using if user.status == "scheduled" and user.date]
        if scheduled:
            item.status, item.date = "scheduled", min(scheduled)
        else:
            item.status, item.date = "draft", None


def held_back(items: Iterable[Any]) -> set[str]:
    """Static files (relative posix paths) the build must not copy."""
    return {
        item.relative for item in items if item.kind in _FILE_KINDS and item.status != "published"
    }
