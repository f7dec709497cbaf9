"""A small synchronous client of Pagefind's service (``pagefind --service``).

The ``pagefind`` package's own client (``PagefindIndex``) speaks the same
protocol, but its reader sleeps 0.1 s before each answer: 10,000 pages would
take 17 minutes. Here requests are written as fast as the pipe takes them and
a thread collects the answers, so Pagefind parses one page while Python reads
the next. At most ``WINDOW`` pages are in flight: the service queues what it
reads without bound, and a whole part's HTML waiting there would cost memory.

Protocol (``pagefind/src/service``): each message is base64 of a JSON object
``{"message_id": n, "payload": {...}}`` followed by ",", both ways. The
service handles one message at a time, so one process uses about one core.
"""

from __future__ import annotations

import base64
import contextlib
import json
import subprocess
import tempfile
import threading
from collections import deque
from pathlib import Path
from typing import Any

WINDOW = 32


class PagefindServiceError(RuntimeError):
    """The service answered with an error or stopped."""


class PagefindService:
    """One running ``pagefind --service`` process holding one index."""

    def __init__(self, executable: Path, config: dict[str, Any]) -> None:
        # Kept open for the process's life; closed in close().
        self._errors_file = tempfile.TemporaryFile()  # noqa: SIM115
        self._process = subprocess.Popen(
            [str(executable), "--service"],
            stdin=subprocess.PIPE,
            stdout=subprocess.PIPE,
            stderr=self._errors_file,
        )
        self._answers: dict[int, dict[str, Any]] = {}
        self._done = threading.Condition()
        self._closed = False
        self._next_id = 0
        self._pending: deque[int] = deque()
        self._reader = threading.Thread(target=self._read, daemon=True)
        self._reader.start()
        answer = self.wait(self.send({"type": "NewIndex", "config": config}))
        self.index_id: int = answer["index_id"]

    @property
    def pid(self) -> int:
        """The service's process id (for measuring it)."""
        return self._process.pid

    def _read(self) -> None:
        stdout = self._process.stdout
        # Chunks of the message being received; joined once its "," arrives
        # (an index's files come in one message of several megabytes).
        pending: list[bytes] = []
        while True:
            chunk = stdout.read1(1 << 16)  # type: ignore[union-attr]
            if not chunk:
                break
            pending.append(chunk)
            if b"," not in chunk:
                continue
            *messages, rest = b"".join(pending).split(b",")
            pending = [rest]
            answers = [json.loads(base64.b64decode(message)) for message in messages if message]
            with self._done:
                for answer in answers:
                    if answer is not None and answer.get("message_id") is not None:
                        self._answers[answer["message_id"]] = answer["payload"]
                self._done.notify_all()
        with self._done:
            self._closed = True
            self._done.notify_all()

    def send(self, payload: dict[str, Any]) -> int:
        """Queue one request; return its id (answers arrive in any order)."""
        self._next_id += 1
        message = {"message_id": self._next_id, "payload": payload}
        data = base64.b64encode(json.dumps(message, ensure_ascii=False).encode("utf-8"))
        try:
            self._process.stdin.write(data + b",")  # type: ignore[union-attr]
        except BrokenPipeError as error:
            raise PagefindServiceError(self._stderr() or "Pagefind dừng bất ngờ.") from error
        return self._next_id

    def wait(self, message_id: int) -> dict[str, Any]:
        """The answer to request ``message_id`` (raises on an error answer)."""
        try:
            self._process.stdin.flush()  # type: ignore[union-attr]
        except BrokenPipeError as error:
            raise PagefindServiceError(self._stderr() or "Pagefind dừng bất ngờ.") from error
        with self._done:
            while message_id not in self._answers and not self._closed:
                self._done.wait()
            answer = self._answers.pop(message_id, None)
        if answer is None:
            raise PagefindServiceError(self._stderr() or "Pagefind dừng bất ngờ.")
        if answer.get("type") == "Error":
            raise PagefindServiceError(str(answer.get("message")))
        return answer

    def add_html(self, url: str, html: str) -> None:
        """``AddFile``: a page's HTML, parsed by Pagefind as its CLI would."""
        if len(self._pending) >= WINDOW:
            self.wait(self._pending.popleft())
        self._pending.append(
            self.send(
                {
                    "type": "AddFile",
                    "index_id": self.index_id,
                    "url": url,
                    "file_path": None,
                    "file_contents": html,
                }
            )
        )

    def get_files(self) -> list[tuple[str, bytes]]:
        """The bundle's files, ``(path inside the bundle, contents)``.

        Not ``WriteFiles``: Pagefind answers it while its last writes may still
        be buffered, and a service stopped right after can leave a file empty.
        """
        while self._pending:
            self.wait(self._pending.popleft())
        answer = self.wait(self.send({"type": "GetFiles", "index_id": self.index_id}))
        return [(file["path"], base64.b64decode(file["content"])) for file in answer["files"]]

    def _stderr(self) -> str:
        self._errors_file.seek(0)
        return self._errors_file.read().decode("utf-8", "replace").strip()[-500:]

    def close(self) -> None:
        """Stop the process (the index is gone unless written)."""
        if self._process.poll() is None:
            # The service exits at the end of its input.
            with contextlib.suppress(BrokenPipeError):
                self._process.stdin.close()  # type: ignore[union-attr]
            try:
                self._process.wait(timeout=10)
            except subprocess.TimeoutExpired:
                self._process.kill()
                self._process.wait()
        self._reader.join(timeout=5)
        self._process.stdout.close()  # type: ignore[union-attr]
        self._errors_file.close()

    def __enter__(self) -> PagefindService:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()
