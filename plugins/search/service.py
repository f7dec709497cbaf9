"""A client of ``pagefind --service``: pages go to Pagefind over a pipe, not as files.

Pagefind's command line reads a folder; handing it each page's cut-out meant
writing (and deleting) one small file per page, which costs more than
Pagefind's own work on some disks (about 1.5 ms of system time a file,
measured on the 2-core build machine: 15 CPU-seconds at 10,000 articles).
Its service mode, the one its own Python and Node APIs drive, takes the HTML
of each page in a message instead and builds the same index.

The protocol: each message is JSON, base64-encoded, followed by a comma, on
stdin; each answer the same on stdout, carrying the message's id. Messages
are written without waiting for answers (a thread reads them as they come, so
neither pipe fills up); once every page was sent, the bundle's files come
back in one answer (``GetFiles``) and are written here; the process ends when
its stdin closes.

The package's own asyncio client is not used: it reads one answer per tenth
of a second, 1,000 seconds for 10,000 pages.
"""

from __future__ import annotations

import base64
import contextlib
import json
import os
import subprocess
import tempfile
import threading
from collections.abc import Collection, Iterable, Mapping
from pathlib import Path, PurePosixPath
from typing import Any


def _decode(message: bytes) -> dict[str, Any] | None:
    """One answer, or None for anything else Pagefind printed (a notice)."""
    try:
        answer = json.loads(base64.b64decode(message.strip(), validate=True))
    except ValueError:  # binascii.Error and JSONDecodeError are ValueErrors
        return None
    return answer if isinstance(answer, dict) and "payload" in answer else None


class _Messages:
    """Cuts what Pagefind writes into its comma-ended messages, chunk by chunk.

    The bundle's answer runs to megabytes. Only each new chunk is searched for
    a message's end, and a message's pieces are joined once, when it ends:
    joining the pending bytes with every 64 KB chunk and splitting the whole
    again made reading that answer quadratic (half a second of the part's own
    core for 2,000 pages, 2.6 s for 4,000).
    """

    def __init__(self) -> None:
        self._pending: list[bytes] = []  # pieces of the message not ended yet

    def feed(self, chunk: bytes) -> list[bytes]:
        """The messages ``chunk`` ends, in order (without their commas)."""
        *ended, rest = chunk.split(b",")
        if ended:
            ended[0] = b"".join([*self._pending, ended[0]])
            self._pending.clear()
        self._pending.append(rest)
        return ended


def _write_new(path: Path, data: bytes) -> None:
    """Write a file of the bundle: three system calls, not Python's six or seven
    (buffered ``open`` also asks whether the file is a terminal, and where it is)."""
    fd = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_TRUNC | os.O_CLOEXEC, 0o666)
    try:
        view = memoryview(data)
        while view:
            view = view[os.write(fd, view) :]
    finally:
        os.close(fd)


class ServiceError(RuntimeError):
    """Pagefind's service failed or answered with an error (English detail)."""


class Service:
    """One ``pagefind --service`` process building one index.

    ``add`` sends pages as fast as the pipe takes them; ``write`` asks for the
    bundle and waits for Pagefind to finish it. Use it as a context manager:
    the process is ended on leaving, whatever happened.
    """

    def __init__(
        self, binary: Path, config: Mapping[str, Any], folder: Path, environment: Mapping[str, str]
    ) -> None:
        self._log = folder / "pagefind.log"
        self._errors = tempfile.TemporaryFile(dir=folder)  # noqa: SIM115 - closed in close()
        self._process = subprocess.Popen(
            [str(binary), "--service"],
            cwd=folder,
            env=dict(environment),
            stdin=subprocess.PIPE,
            stdout=subprocess.PIPE,
            stderr=self._errors,
        )
        self._answers: dict[int, dict[str, Any]] = {}
        self._arrived = threading.Condition()
        self._ended = False
        self._next_id = 0
        self._reader = threading.Thread(target=self._read, daemon=True)
        self._reader.start()
        try:
            answer = self._wait(self._send({"type": "NewIndex", "config": self._config(config)}))
        except BaseException:
            self.close()
            raise
        self._index = answer["index_id"]

    def _config(self, config: Mapping[str, Any]) -> dict[str, Any]:
        # The log names what was indexed ("Indexed 12 pages"), as the CLI prints it.
        return {**config, "logfile": str(self._log)}

    def _read(self) -> None:
        """Collect answers by message id until Pagefind closes its stdout."""
        stdout = self._process.stdout
        assert stdout is not None
        messages = _Messages()
        try:
            while chunk := stdout.read1(1 << 16):
                complete = messages.feed(chunk)
                if not complete:
                    continue
                answers = [answer for answer in map(_decode, complete) if answer is not None]
                with self._arrived:
                    for answer in answers:
                        self._answers[answer.get("message_id") or 0] = answer["payload"]
                    self._arrived.notify_all()
        finally:
            with self._arrived:
                self._ended = True
                self._arrived.notify_all()

    def _send(self, payload: dict[str, Any]) -> int:
        self._next_id += 1
        message = {"message_id": self._next_id, "payload": payload}
        data = json.dumps(message, ensure_ascii=False).encode("utf-8")
        stdin = self._process.stdin
        assert stdin is not None
        try:
            stdin.write(base64.b64encode(data) + b",")
        except BrokenPipeError as error:
            raise ServiceError(self._failure()) from error
        return self._next_id

    def _wait(self, message_id: int) -> dict[str, Any]:
        stdin = self._process.stdin
        assert stdin is not None
        try:
            stdin.flush()
        except BrokenPipeError as error:
            raise ServiceError(self._failure()) from error
        with self._arrived:
            self._arrived.wait_for(
                lambda: message_id in self._answers or 0 in self._answers or self._ended
            )
            answer = self._answers.get(message_id) or self._answers.get(0)
        if answer is None:
            raise ServiceError(self._failure())
        if answer.get("type") == "Error":
            raise ServiceError(str(answer.get("message", answer)))
        return answer

    def _failure(self) -> str:
        self._errors.seek(0)
        detail = self._errors.read().decode("utf-8", "replace").strip()[-500:]
        return detail or f"the process ended (status {self._process.poll()})"

    def add(self, pages: Iterable[tuple[str, bytes]]) -> None:
        """Send each ``(url, html)``; Pagefind indexes them in the background."""
        for url, html in pages:
            self._send(
                {
                    "type": "AddFile",
                    "index_id": self._index,
                    "url": url,
                    "file_contents": html.decode("utf-8", "replace"),
                }
            )

    def write(self, into: Path, skip: Collection[str] = ()) -> str:
        """Write the bundle to ``into`` once every page is indexed; return the log.

        The files come back in the answer (``GetFiles``) and are written here.
        With Pagefind's own ``WriteFiles``, one part of eight once had an empty
        ``pagefind-entry.json`` after the answer came and the process was
        ended (why was not traced); writing them here leaves no such gap.
        ``skip``: file names not to write.
        """
        answer = self._wait(self._send({"type": "GetFiles", "index_id": self._index}))
        errors = [answer for answer in self._answers.values() if answer.get("type") == "Error"]
        if errors:
            raise ServiceError(str(errors[0].get("message", errors[0])))
        folders: set[Path] = set()
        for file in answer.get("files") or []:
            relative = PurePosixPath(file["path"])
            if relative.is_absolute() or ".." in relative.parts:
                raise ServiceError(f"unexpected file name in the bundle: {file['path']}")
            if relative.as_posix() in skip:
                continue
            target = into.joinpath(*relative.parts)
            if target.parent not in folders:  # thousands of fragments, a few folders
                target.parent.mkdir(parents=True, exist_ok=True)
                folders.add(target.parent)
            _write_new(target, base64.b64decode(file["content"]))
        return self._log.read_text("utf-8", "replace") if self._log.exists() else ""

    def close(self) -> None:
        """End the process (its memory goes back) and the reader."""
        if self._process.stdin is not None:
            with contextlib.suppress(BrokenPipeError):
                self._process.stdin.close()
        try:
            self._process.wait(timeout=30)
        except subprocess.TimeoutExpired:
            self._process.kill()
            self._process.wait()
        self._reader.join()
        if self._process.stdout is not None:
            self._process.stdout.close()
        self._errors.close()

    def __enter__(self) -> Service:
        return self

    def __exit__(self, *exc_info: object) -> None:
        self.close()
