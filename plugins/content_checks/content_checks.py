"""Strict content checks, scheduling and the build summary.

Before Pelican reads a single file, every file under ``content/`` is checked
with the same rules as ``invoke check``; any mistake stops the build with
``file:line: message`` in Vietnamese instead of Pelican's English warning and
a silently skipped article. Articles dated after the build's "now" are
scheduled: they stay out of the site until a build runs after their date.
"""

from __future__ import annotations

import sys
from pathlib import Path
from typing import TextIO

from blinker import signal
from pelican import signals
from pelican.contents import Article
from pelican.readers import MarkdownReader

from portal_core.clock import build_now
from portal_core.problems import problems, raise_if_any
from portal_core.state import BuildState

from . import standard  # noqa: F401 - register articles and pages
from .checker import SiteReport, check_file, check_site
from .config import load_config
from .kinds import Layout
from .reader import PortalMarkdownReader
from .summary import summary_lines
from .withheld import held_back

# The checked tree of the build in progress (one build at a time per process).
_build: BuildState[dict[str, SiteReport | None]] = BuildState(lambda: {"report": None})


def last_report() -> SiteReport | None:
    """The checked tree of the current (or last successful) build."""
    return _build.value["report"]


def print_summary(report: SiteReport | None, stream: TextIO | None = None) -> None:
    """Write the Vietnamese summary (standard output by default)."""
    if report is None:
        return
    stream = stream or sys.stdout
    found = problems()
    lines = summary_lines(report, {problem.path for problem in found}, len(found))
    stream.write("\n".join(lines) + "\n")
    stream.flush()


def install_reader(readers) -> None:
    """Read Markdown with :class:`PortalMarkdownReader`."""
    for extension in MarkdownReader.file_extensions:
        current = readers.reader_classes.get(extension)
        if current is MarkdownReader:
            readers.reader_classes[extension] = PortalMarkdownReader
        elif isinstance(current, type) and not issubclass(current, PortalMarkdownReader):
            # Another plugin replaced the reader first: ours (day-first dates,
            # sanitising) would be lost without a word. It must come first.
            raise ValueError(
                f"PLUGINS: đặt content_checks trước plugin thay bộ đọc .{extension} "
                f"({current.__module__}.{current.__name__})."
            )


def check_content(pelican) -> None:
    """Check the whole content tree; stop before reading anything if it has mistakes."""
    settings = pelican.settings
    config = load_config(settings)
    # Scheduling follows the build's "now" (see schedule), never the wall clock
    # Pelican would use to turn future articles into drafts.
    settings["WITH_FUTURE_DATES"] = True
    # Pelican matches IGNORE_FILES against bare names, so its default "**/.*"
    # ignores nothing: a hidden article was published unchecked, content/files/.env
    # copied. Generators read the patterns the check applies (".*": hidden
    # files and folders are neither read nor published).
    settings["IGNORE_FILES"] = list(Layout.of(settings).ignore)
    report = check_site(settings, build_now(settings), config)
    _build.value["report"] = report
    if problems():
        print_summary(report)
        _build.value["report"] = None
        raise_if_any()


def schedule(content) -> None:
    """Keep an article dated after the build's "now" out of the site, for now."""
    report = _build.value["report"]
    if report is None or not isinstance(content, Article):
        return
    date = getattr(content, "date", None)
    if content.status == "published" and date is not None and date > report.now:
        content.status = "draft"


def check_edited(generator, path: Path) -> list[tuple[int, str]]:
    """The preview is about to show an edited file at once: its own mistakes first."""
    report = _build.value["report"]
    if report is None:
        return [(0, "chưa kiểm tra nội dung")]
    relative = Path(path).resolve().relative_to(Path(report.root).resolve()).as_posix()
    return check_file(generator.settings, relative, report)


def withhold_files(generator) -> None:
    """Copy no file that only drafts and scheduled items use (see withheld.py)."""
    report = _build.value["report"]
    if report is None:
        return
    held = held_back(report.files)
    if held:
        # In place: the generator's context holds this same list.
        generator.staticfiles[:] = [
            static
            for static in generator.staticfiles
            if Path(static.relative_source_path).as_posix() not in held
        ]


def summarise_failure(generator) -> None:
    """A plugin reported a mistake while reading: the build will stop; summarise now."""
    if problems():
        print_summary(_build.value["report"])


def summarise(pelican) -> None:
    """The build succeeded: say what was published, held back and scheduled."""
    print_summary(_build.value["report"])


def register() -> None:
    """Register the plugin callbacks."""
    # readers_init: swap in our Markdown reader before any file is read.
    signals.readers_init.connect(install_reader)
    # initialized: once per build, after portal_core forgot the last build's
    # problems and before any generator reads; a mistake stops the build here.
    signals.initialized.connect(check_content)
    # content_object_init: every article, fresh each build (even from cache), so
    # a scheduled article is published by the first build after its date.
    signals.content_object_init.connect(schedule)
    # static_generator_finalized: the last generator has read its files; if a
    # plugin reported a mistake meanwhile, the build stops right after this.
    signals.static_generator_finalized.connect(summarise_failure)
    # static_generator_finalized too: the list of files to copy is complete
    # and nothing is copied yet; drop what only unpublished items use.
    signals.static_generator_finalized.connect(withhold_files)
    # finalized: the site is written; end with the summary.
    signals.finalized.connect(summarise)
    # the preview's hot path (plugins/live_preview/hooks.py): a file edited
    # during the preview is checked before its page is rewritten at once.
    signal("build_speed_check_source").connect(check_edited)
