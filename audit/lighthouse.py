"""Run Lighthouse (npm, pinned in package.json) on one page and read its report.

Lighthouse drives Debian's Chromium (CHROME_PATH), headless, with every host
but 127.0.0.1 unresolvable: an audit never reaches the internet.
"""

from __future__ import annotations

import json
import os
import shutil
import subprocess
from dataclasses import dataclass
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
LIGHTHOUSE = ROOT / "node_modules" / ".bin" / "lighthouse"
CHROMIUM = os.environ.get("CHROMIUM_PATH", "/usr/bin/chromium")
CHROME_FLAGS = (
    "--headless --no-sandbox"
    ' --host-resolver-rules="MAP * ~NOTFOUND, EXCLUDE localhost, EXCLUDE 127.0.0.1"'
    " --disable-background-networking --disable-component-update --no-first-run"
)
CATEGORIES = ("performance", "accessibility", "best-practices", "seo")
# What counts towards a page's own weight: the page, its styles and scripts.
CODE_TYPES = {"Document", "Stylesheet", "Script"}


class AuditError(RuntimeError):
    """Lighthouse could not be installed or run (message in Vietnamese)."""


@dataclass(frozen=True)
class Result:
    """The four scores (0-100) and the weights of one page on one device."""

    scores: dict[str, int]
    code_bytes: int  # HTML + CSS + JS, uncompressed
    image_bytes: int
    requests: int
    failed: list[str]  # audits that cost points, for the reader of the table


def install() -> Path:
    """Install the pinned Lighthouse into node_modules/ (npm ci) if it is not there."""
    if LIGHTHOUSE.exists():
        return LIGHTHOUSE
    npm = shutil.which("npm")
    if npm is None:
        raise AuditError("Cần npm để cài Lighthouse (Debian: apt-get install npm).")
    command = [npm, "ci", "--no-audit", "--no-fund", "--loglevel=error"]
    if subprocess.run(command, cwd=ROOT, check=False).returncode or not LIGHTHOUSE.exists():
        raise AuditError("npm ci không cài được Lighthouse (xem package-lock.json).")
    return LIGHTHOUSE


def run(url: str, device: str, report: Path) -> Path:
    """Audit ``url`` as a phone ("mobile") or a computer ("desktop"); return the report."""
    command = [
        str(install()),
        url,
        "--output=json",
        f"--output-path={report}",
        "--quiet",
        f"--only-categories={','.join(CATEGORIES)}",
        f"--chrome-flags={CHROME_FLAGS}",
    ]
    if device == "desktop":
        command.append("--preset=desktop")
    env = {**os.environ, "CHROME_PATH": CHROMIUM}
    done = subprocess.run(command, env=env, capture_output=True, text=True, check=False)
    if done.returncode or not report.exists():
        raise AuditError(f"Lighthouse dừng khi kiểm tra {url}:\n{done.stderr[-2000:]}")
    return report


def read(report: Path) -> Result:
    """Scores, weights and point-costing audits from a Lighthouse JSON report."""
    data = json.loads(report.read_text(encoding="utf-8"))
    scores = {name: round((data["categories"][name]["score"] or 0) * 100) for name in CATEGORIES}
    items = data["audits"]["network-requests"]["details"]["items"]
    code = sum(
        item.get("resourceSize", 0) for item in items if item.get("resourceType") in CODE_TYPES
    )
    images = sum(
        item.get("resourceSize", 0) for item in items if item.get("resourceType") == "Image"
    )
    failed = []
    for name in CATEGORIES:
        for ref in data["categories"][name]["auditRefs"]:
            audit = data["audits"][ref["id"]]
            if ref.get("weight") and audit.get("score") is not None and audit["score"] < 1:
                failed.append(f"{name}: {audit['title']} {audit.get('displayValue', '')}".strip())
    return Result(scores, code, images, len(items), failed)
