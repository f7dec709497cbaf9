"""One portal build in a fresh process, for tests/integration/test_parallel_build.py.

The build refuses to fork worker processes while other threads run (a fork
copies their locks, not the threads). A pytest session always has some: the
served demo site and Playwright's Chromium connection live for the whole
session. So each build of that test runs here, in a process of its own, and
reports back as JSON on stdout: what the workers did (``parallel.last_run``
for reading and writing, ``content_checks.workers.last_run`` for the check)
and the build's messages if it stopped.

Usage: ``python -m tests.parallel_child`` with a JSON object on stdin:
``{"content": ..., "output": ..., "settings": {...}}``.
"""

from __future__ import annotations

import json
import logging
import sys
from pathlib import Path

from pelican.log import init as init_pelican_logging


def main() -> None:
    request = json.load(sys.stdin)
    # As in CI and in tests/conftest.py: any Pelican warning fails the build.
    init_pelican_logging(level=logging.WARNING, fatal="warnings")
    from build_speed import parallel  # noqa: PLC0415 - after logging is set up
    from content_checks import workers  # noqa: PLC0415
    from portal_core.runner import BuildFailed  # noqa: PLC0415
    from tests.support import build_site  # noqa: PLC0415

    messages: list[str] | None = None
    try:
        build_site(Path(request["content"]), Path(request["output"]), **request["settings"])
    except BuildFailed as failure:
        messages = failure.messages
    report = {"last_run": parallel.last_run, "check": workers.last_run, "messages": messages}
    json.dump(report, sys.stdout)


if __name__ == "__main__":
    main()
