"""Speed is an option: without build_speed the site is the same, byte for byte.

The demo plus a generated corpus (bench/corpus.py) is built with the portal's
settings, then with ``build_speed`` removed from PLUGINS and Pelican's own
class: every file must be identical (Pagefind's index aside: it is switched
off in both, as it carries build times).
"""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest

from bench.corpus import IMAGES, article, write_images
from portal_core.runner import load_settings
from tests.support import ROOT, copy_demo_content

GENERATED = 60
SMALL_PAGES = {
    "DEFAULT_PAGINATION": 5,
    "PAGINATED_TEMPLATES": {"category": 5, "period_archives": 5, "news": 5},
}
QUIET = {"SEARCH_INDEX": False}
# Carries the build's "as of" time: compared by name only.
STAMPED = {"documents.json"}


@pytest.fixture
def content(tmp_path: Path) -> Path:
    import pelicanconf  # noqa: PLC0415 - the real category registry

    folder = copy_demo_content(tmp_path / "content")
    write_images(folder / IMAGES)
    for index in range(GENERATED):
        relative, text = article(index, pelicanconf.CATEGORIES)
        (folder / relative).parent.mkdir(parents=True, exist_ok=True)
        (folder / relative).write_text(text, encoding="utf-8")
    return folder


def _files(site: Path) -> dict[str, bytes]:
    return {
        path.relative_to(site).as_posix(): path.read_bytes()
        for path in sorted(site.rglob("*"))
        if path.is_file()
    }


# A separate process: Pelican never disconnects a plugin's signals, so within
# this one build_speed (registered by earlier builds) would still run.
_BUILD = """
import json, sys
sys.path[:0] = [sys.argv[1], sys.argv[1] + "/plugins"]
from tests.support import build_site
from pathlib import Path
overrides = json.loads(sys.argv[4])
build_site(Path(sys.argv[2]), Path(sys.argv[3]), **overrides)
"""


def build_apart(content: Path, output: Path, **overrides) -> Path:
    """Build in a fresh Python process (only the plugins in PLUGINS registered)."""
    arguments = [str(ROOT), str(content), str(output), json.dumps(overrides)]
    done = subprocess.run(
        [sys.executable, "-c", _BUILD, *arguments], capture_output=True, text=True, check=False
    )
    assert done.returncode == 0, done.stdout[-2000:] + done.stderr[-3000:]
    return output


def test_the_site_is_the_same_without_build_speed(content, tmp_path):
    plugins = [
        name
        for name in load_settings(ROOT / "pelicanconf.py", {"PATH": str(content)})["PLUGINS"]
        if name != "build_speed"
    ]
    fast = build_apart(content, tmp_path / "fast", **QUIET, **SMALL_PAGES)
    plain = build_apart(
        content,
        tmp_path / "plain",
        PLUGINS=plugins,
        PELICAN_CLASS="pelican.Pelican",
        **QUIET,
        **SMALL_PAGES,
    )
    got, want = _files(plain), _files(fast)
    assert (fast / "index.html").exists()
    assert sorted(got) == sorted(want)
    differ = sorted(name for name in set(got) - STAMPED if got[name] != want[name])
    assert not differ, f"{len(differ)} files differ, e.g. {differ[:10]}"
