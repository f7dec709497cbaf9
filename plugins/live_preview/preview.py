"""Live preview for editors: serve the site and rebuild what changed on each save.

``invoke preview`` builds once, serves the output on 127.0.0.1 and watches the
content, the theme and the settings. Each change runs an incremental build in
this same process (:mod:`.incremental`): the content cache spares reading
unchanged files, and only pages whose signature changed are rendered and
written. The browser reloads itself: the server adds one script tag,
``/__preview__/reload.js``, to the HTML it sends (the files on disk are exactly
what a full build writes).

Changes to Python code (plugins, tasks) need a restart: the preview says so.
"""

from __future__ import annotations

import contextlib
import ctypes
import functools
import gc
import http.server
import logging
import threading
import time
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from pelican.contents import Content

from portal_core.server import SiteRequestHandler

from . import hot, incremental

RELOAD_PATH = "/__preview__/"
# After an edit the hot path showed in full, the checking build waits until
# the editor has not saved for this long (a burst of saves stays instant).
IDLE_SECONDS = 3.0
_SCRIPT = Path(__file__).with_name("preview_reload.js")
_TAG = b'<script src="/__preview__/reload.js" defer></script>'


@dataclass
class Outcome:
    """What one preview build did, for the console."""

    seconds: float
    ok: bool
    messages: list[str]
    rendered: int = 0
    kept: int = 0
    removed: int = 0

    def line(self) -> str:
        """One Vietnamese line for the console."""
        if not self.ok:
            return f"Chưa cập nhật được ({self.seconds:.1f} giây):\n  " + "\n  ".join(self.messages)
        return (
            f"Đã cập nhật sau {self.seconds:.1f} giây: {self.rendered} trang dựng lại, "
            f"{self.kept} trang giữ nguyên, {self.removed} trang xóa."
        )


def preview_overrides(output: Path, extra: dict[str, Any] | None = None) -> dict[str, Any]:
    """Settings of a preview build: incremental, cached, in place, no search index."""
    return {
        "OUTPUT_PATH": str(output),
        "BUILD_SPEED_INCREMENTAL": True,
        "CACHE_CONTENT": True,
        "LOAD_CONTENT_CACHE": True,
        "DELETE_OUTPUT_DIRECTORY": False,
        # Pagefind re-reads the whole site (minutes at 10,000 articles); the
        # published build indexes it.
        "SEARCH_INDEX": False,
        **(extra or {}),
    }


def _return_free_memory() -> None:
    """Give the memory of the last build back to the system (glibc only).

    A build's bodies and pages are large strings allocated with malloc; freed,
    they stay in the process's heap, and the next build's peak adds to them.
    """
    # Not glibc (OSError, AttributeError): the system allocator decides.
    with contextlib.suppress(OSError, AttributeError):
        ctypes.CDLL("libc.so.6").malloc_trim(0)


def rebuild(settings_file: Path, overrides: dict[str, Any]) -> Outcome:
    """One incremental build in this process; never raises for content errors."""
    from portal_core.runner import BuildFailed, load_settings, run  # noqa: PLC0415

    started = time.perf_counter()
    # One site in memory at a time: the last build's (kept for the hot path,
    # used by now) goes before this one reads anything. Pelican also memoises
    # every article's body and summary in class-level caches.
    hot.forget()
    Content.get_content.cache.clear()
    Content.get_summary.cache.clear()
    gc.collect()
    _return_free_memory()
    try:
        run(load_settings(settings_file, overrides))
    except BuildFailed as failure:
        return Outcome(time.perf_counter() - started, False, failure.messages)
    session = incremental.last()
    outcome = Outcome(time.perf_counter() - started, True, [])
    if session is not None and session.output == Path(overrides["OUTPUT_PATH"]).resolve():
        outcome.rendered, outcome.kept, outcome.removed = (
            session.rendered,
            session.kept,
            session.removed,
        )
    return outcome


class _State:
    """The build number the browser script polls."""

    def __init__(self) -> None:
        self.version = 0
        self.lock = threading.Lock()

    def bump(self) -> None:
        with self.lock:
            self.version += 1


class PreviewHandler(SiteRequestHandler):
    """Static files (404.html when missing), plus the reload script and the build number."""

    state: _State

    def do_GET(self) -> None:
        """Serve the reload endpoints, HTML with the reload tag, or the file."""
        if self.path.startswith(RELOAD_PATH):
            self._reload_endpoint(self.path[len(RELOAD_PATH) :])
            return
        path = Path(self.translate_path(self.path))
        if path.is_dir():
            path = path / "index.html"
        if (
            path.suffix == ".html"
            and path.is_file()
            and self.path.split("?")[0].endswith(("/", ".html"))
        ):
            body = path.read_bytes().replace(b"</body>", _TAG + b"</body>", 1)
            self._send(200, "text/html; charset=utf-8", body)
            return
        super().do_GET()

    def _reload_endpoint(self, name: str) -> None:
        if name == "reload.js":
            self._send(200, "text/javascript; charset=utf-8", _SCRIPT.read_bytes())
        elif name.startswith("version"):
            self._send(200, "text/plain; charset=utf-8", str(self.state.version).encode())
        else:
            self.send_error(404)

    def _send(self, status: int, kind: str, body: bytes) -> None:
        self.send_response(status)
        self.send_header("Content-Type", kind)
        self.send_header("Content-Length", str(len(body)))
        self.send_header("Cache-Control", "no-store")
        self.end_headers()
        self.wfile.write(body)


def start_server(output: Path, host: str, port: int) -> tuple[http.server.HTTPServer, _State]:
    """Serve ``output`` in a background thread; return the server and its state."""
    state = _State()
    handler = type("Handler", (PreviewHandler,), {"state": state})
    server = http.server.ThreadingHTTPServer(
        (host, port), functools.partial(handler, directory=str(output))
    )
    threading.Thread(target=server.serve_forever, daemon=True).start()
    return server, state


def relevant(paths: Iterable[str], output: Path, cache: Path) -> bool:
    """Whether a batch of changed files can change the site."""
    for raw in paths:
        path = Path(raw).resolve()
        if output in path.parents or cache in path.parents:
            continue
        if path.name.startswith(".") or path.name.endswith(("~", ".swp", ".tmp")):
            continue
        return True
    return False


def watch_and_rebuild(
    watched: list[Path],
    build: Callable[[list[Path]], None],
    report: Callable[[str], None],
    matters: Callable[[Iterable[str]], bool],
    *,
    idle: Callable[[], None] = lambda: None,
    stop: threading.Event | None = None,
) -> None:
    """Rebuild after each batch of changes under ``watched`` (until Ctrl+C or ``stop``).

    ``idle`` runs whenever nothing changed for :data:`IDLE_SECONDS`.
    """
    from watchfiles import watch  # noqa: PLC0415 - a Pelican dependency

    folders = [str(path) for path in watched if path.exists()]
    timeout = int(IDLE_SECONDS * 1000)
    batches = watch(*folders, step=50, rust_timeout=timeout, yield_on_timeout=True, stop_event=stop)
    for changes in batches:
        if not changes:
            idle()
            continue
        changed = [path for _, path in changes]
        if any(path.endswith(".py") and "plugins" in Path(path).parts for path in changed):
            report("Mã plugin thay đổi: dừng (Ctrl+C) rồi chạy lại lệnh xem trước.")
        if matters(changed):
            build([Path(path) for path in changed])


def refresh(
    changed: list[Path],
    settings_file: Path,
    overrides: dict[str, Any],
    report: Callable[[str], None],
    bump: Callable[[], None],
    *,
    check: bool = True,
) -> tuple[hot.HotUpdate | None, Outcome | None]:
    """Show an edit at once if possible, then rebuild (and check) what else changed.

    With ``check=False``, an edit the hot path covered completely is not
    followed by the incremental build (the outcome is None): the caller runs
    :func:`check_build` later, when the editor pauses.
    """
    quick = hot.update(changed)
    if quick is not None:
        bump()
        if quick.complete:
            report(
                f"Đã cập nhật bài vừa sửa và các trang có bài đó ({len(quick.pages)} trang) "
                f"sau {quick.seconds:.2f} giây."
            )
        else:
            report(
                f"Đã hiện bài vừa sửa sau {quick.seconds:.2f} giây; "
                "đang dựng lại các trang liên quan..."
            )
        if quick.complete and not check:
            return quick, None
    return quick, check_build(settings_file, overrides, report, bump, quick)


def check_build(
    settings_file: Path,
    overrides: dict[str, Any],
    report: Callable[[str], None],
    bump: Callable[[], None],
    quick: hot.HotUpdate | None = None,
) -> Outcome:
    """The incremental build, the reference for whatever the hot path wrote."""
    outcome = rebuild(settings_file, overrides)
    if not outcome.ok:
        hot.forget()
    elif quick is None or not quick.complete or _more_than(quick, incremental.last()):
        bump()
    report(outcome.line())
    return outcome


def _more_than(quick: hot.HotUpdate, session: incremental.Session | None) -> bool:
    """Whether the build changed pages the hot path had not already written."""
    if session is None:
        return True
    return bool(session.removed) or not set(session.written) <= set(quick.pages)


class PreviewSession:
    """What the preview does on a save, and when the editor pauses."""

    def __init__(
        self,
        settings_file: Path,
        overrides: dict[str, Any],
        report: Callable[[str], None],
        bump: Callable[[], None],
    ) -> None:
        self.settings_file = settings_file
        self.overrides = overrides
        self.report = report
        self.bump = bump
        # Edits the hot path showed completely, not yet checked by a build.
        self.unchecked: list[hot.HotUpdate] = []

    def saved(self, changed: list[Path]) -> Outcome | None:
        """Show the edit at once; build now unless the hot path showed it all."""
        quick, outcome = refresh(
            changed, self.settings_file, self.overrides, self.report, self.bump, check=False
        )
        if outcome is None and quick is not None:
            self.unchecked.append(quick)
        else:
            self.unchecked.clear()
        return outcome

    def idle(self) -> Outcome | None:
        """The editor paused: build once to check every page the hot path wrote."""
        if not self.unchecked:
            return None
        self.report("Đang dựng lại để đối chiếu...")
        pages = sorted({page for quick in self.unchecked for page in quick.pages})
        self.unchecked.clear()
        written = hot.HotUpdate(pages, 0.0)
        return check_build(self.settings_file, self.overrides, self.report, self.bump, written)


def run_preview(
    settings_file: Path,
    output: Path,
    watched: list[Path],
    report: Callable[[str], None],
    *,
    host: str = "127.0.0.1",
    port: int = 8000,
) -> None:
    """Build, serve and rebuild on every change until Ctrl+C."""
    from pelican.log import init as init_logging  # noqa: PLC0415

    # As in `invoke build`: a warning is an error the editor must fix.
    init_logging(level=logging.WARNING, fatal="warnings")
    output = output.resolve()
    overrides = preview_overrides(output)
    report("Đang dựng trang lần đầu (các lần sau chỉ dựng lại trang thay đổi)...")
    report(rebuild(settings_file, overrides).line())
    try:
        server, state = start_server(output, host, port)
    except OSError as error:
        report(f"Không mở được cổng {port} ({error.strerror}); thử cổng khác: --port {port + 1}")
        return
    report(f"Xem trước: http://{host}:{port}/  (Ctrl+C để dừng)")
    cache = Path(overrides.get("CACHE_PATH", "cache")).resolve()

    session = PreviewSession(settings_file, overrides, report, state.bump)

    def build(changed: list[Path]) -> None:
        # Editors' swap and backup files do not stop the hot path.
        session.saved([path for path in changed if relevant([str(path)], output, cache)])

    try:
        watch_and_rebuild(
            watched, build, report, lambda paths: relevant(paths, output, cache), idle=session.idle
        )
    except KeyboardInterrupt:
        pass
    finally:
        server.shutdown()
        server.server_close()
