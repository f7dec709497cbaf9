"""Run a Pelican build and turn every failure into a clear Vietnamese message.

Pelican's own command line prints a traceback for any error and stops at the
first warning when warnings are fatal. Editors need the opposite: every
mistake listed as ``file:line: message`` and no traceback. The invoke tasks
and the tests build through :func:`build`.
"""

from __future__ import annotations

import importlib
import logging
import os
import sys
from collections.abc import Mapping
from pathlib import Path
from typing import Any, TextIO

from pelican import Pelican
from pelican.log import init as init_logging
from pelican.settings import read_settings

from .atomic import staging
from .problems import ContentError, failure_text
from .processes import skip_collection_at_exit


class BuildFailed(Exception):
    """The build stopped; ``messages`` are what the editor needs to read."""

    def __init__(self, messages: list[str]) -> None:
        super().__init__("\n".join(messages))
        self.messages = messages


def load_settings(
    settings_file: str | os.PathLike[str], overrides: Mapping[str, Any] | None = None
) -> dict:
    """Read a settings file the way the pelican command does."""
    return read_settings(str(settings_file), override=dict(overrides or {}))


def pelican_class(settings: Mapping[str, Any]) -> type[Pelican]:
    """The class PELICAN_CLASS names, resolved as the ``pelican`` command does."""
    value = settings.get("PELICAN_CLASS", Pelican)
    if isinstance(value, str):
        module, _, name = value.rpartition(".")
        value = getattr(importlib.import_module(module), name)
    return value


def run(settings: dict) -> Pelican:
    """Build the site described by ``settings``; raise :class:`BuildFailed`."""
    try:
        pelican = pelican_class(settings)(settings)
        pelican.run()
    except ContentError as error:
        raise BuildFailed([str(problem) for problem in error.problems]) from error
    except RuntimeError as error:
        if str(error) == "Warning or error encountered":
            # Pelican already printed the warning; warnings are fatal here.
            raise BuildFailed(
                ["Bản dựng dừng lại vì cảnh báo ở trên (cảnh báo được coi là lỗi)."]
            ) from error
        raise BuildFailed([f"Lỗi khi dựng trang: {error}"]) from error
    except (ValueError, OSError) as error:
        raise BuildFailed([f"Lỗi khi dựng trang: {error}"]) from error
    return pelican


def run_atomic(settings: dict) -> Pelican:
    """Like :func:`run`, but the output folder changes only if the build succeeds.

    The site is built in a hidden sibling folder that replaces ``OUTPUT_PATH``
    at the end, so a server or a deploy never reads half a site. The build
    knows the folder it replaces (``BUILD_SPEED_PUBLISHED_PATH``): with
    ``BUILD_SPEED_REUSE_PAGES`` it takes its unchanged pages from there.
    """
    published = str(Path(settings["OUTPUT_PATH"]).resolve())
    try:
        with staging(settings["OUTPUT_PATH"]) as folder:
            return run(
                {**settings, "OUTPUT_PATH": str(folder), "BUILD_SPEED_PUBLISHED_PATH": published}
            )
    except OSError as error:
        raise BuildFailed([f"Không thay được thư mục trang đã dựng: {error}"]) from error


def build(
    settings_file: str | os.PathLike[str],
    overrides: Mapping[str, Any] | None = None,
    *,
    fatal: str = "warnings",
    stream: TextIO | None = None,
    atomic: bool = True,
) -> int:
    """Command-line style build: print problems, return an exit status.

    ``atomic`` (the default) builds beside the output folder and swaps it in
    only on success; a live preview that rewrites changed pages in place
    passes ``atomic=False``.
    """
    stream = stream or sys.stderr
    init_logging(level=logging.WARNING, fatal=fatal)
    try:
        try:
            settings = load_settings(settings_file, overrides)
        except ValueError as error:  # the settings file refuses its values
            raise BuildFailed([f"{Path(settings_file).name}: {error}"]) from error
        (run_atomic if atomic else run)(settings)
    except BuildFailed as failure:
        print(failure_text(failure.messages), file=stream)
        return 1
    return 0


def main(argv: list[str] | None = None) -> int:
    """``python -m portal_core.runner SETTINGS [OUTPUT]``."""
    args = list(sys.argv[1:] if argv is None else argv)
    settings_file = Path(args[0] if args else "pelicanconf.py")
    overrides = {"OUTPUT_PATH": args[1]} if len(args) > 1 else None
    skip_collection_at_exit()
    return build(settings_file, overrides)


if __name__ == "__main__":
    sys.exit(main())
