"""Golden comparison for refactors: the site at a git commit versus the work tree.

    .venv/bin/python -m bench.golden REF [--articles N]

Builds the demo plus N generated articles (bench/corpus.py) with the code of
commit REF (exported with ``git archive`` into a temporary folder) and with
the work tree, each in a fresh process and with the same build date, then
compares every output file byte for byte (Pagefind's index is switched off:
it carries build times; ``documents.json`` carries the build's "as of" time
and is compared without it). Prints the differing files; exit status 1 if any.
"""

from __future__ import annotations

import argparse
import io
import json
import subprocess
import sys
import tarfile
import tempfile
from pathlib import Path

from . import ROOT

_BUILD = """
import json, sys
root = sys.argv[1]
sys.path[:0] = [root, root + "/plugins"]
from portal_core.runner import load_settings, run
overrides = json.loads(sys.argv[4])
overrides.update(PATH=sys.argv[2], OUTPUT_PATH=sys.argv[3])
run(load_settings(root + "/pelicanconf.py", overrides))
"""
SETTINGS = {
    "SEARCH_INDEX": False,
    "CACHE_CONTENT": False,
    "LOAD_CONTENT_CACHE": False,
    "BUILD_DATE": "2026-12-01 08:00",
    # The exported commit has no editor/node_modules: both builds take the
    # work tree's Decap bundle (admin_ui stops when it is missing).
    "EDITOR_BUNDLE_DIR": str(ROOT / "editor" / "node_modules" / "decap-cms" / "dist"),
}


def export(ref: str, target: Path) -> Path:
    """The tree of commit ``ref`` under ``target``."""
    data = subprocess.run(
        ["git", "-C", str(ROOT), "archive", ref], capture_output=True, check=True
    ).stdout
    with tarfile.open(fileobj=io.BytesIO(data)) as archive:
        archive.extractall(target, filter="data")
    return target


def build(code: Path, content: Path, output: Path) -> None:
    """Build ``content`` with the plugins and theme of ``code``, in a fresh process."""
    done = subprocess.run(
        [sys.executable, "-c", _BUILD, str(code), str(content), str(output), json.dumps(SETTINGS)],
        capture_output=True,
        text=True,
        check=False,
        cwd=code,
    )
    if done.returncode:
        raise SystemExit(f"build with {code} failed:\n{done.stdout[-3000:]}{done.stderr[-3000:]}")


def files(site: Path) -> dict[str, bytes]:
    """Every output file, ``documents.json`` without its "as of" time."""
    found = {}
    for path in sorted(site.rglob("*")):
        if path.is_file():
            data = path.read_bytes()
            if path.name == "documents.json":
                document = json.loads(data)
                document.pop("as_of", None)
                data = json.dumps(document, sort_keys=True).encode()
            found[path.relative_to(site).as_posix()] = data
    return found


def compare(before: Path, after: Path) -> list[str]:
    """Names of files missing, added or different."""
    old, new = files(before), files(after)
    return sorted(
        [f"- {name}" for name in old.keys() - new.keys()]
        + [f"+ {name}" for name in new.keys() - old.keys()]
        + [f"~ {name}" for name in old.keys() & new.keys() if old[name] != new[name]]
    )


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("ref")
    parser.add_argument("--articles", type=int, default=300)
    args = parser.parse_args(argv)
    sys.path.insert(0, str(ROOT / "plugins"))
    import pelicanconf  # noqa: PLC0415 - the real category registry

    from .corpus import generate  # noqa: PLC0415

    with tempfile.TemporaryDirectory(prefix="golden-") as folder:
        work = Path(folder)
        content = generate(
            work / "content", args.articles, pelicanconf.CATEGORIES, ROOT / "content"
        )
        build(export(args.ref, work / "before-code"), content, work / "before")
        build(ROOT, content, work / "after")
        differ = compare(work / "before", work / "after")
        count = len(files(work / "after"))
    for line in differ[:50]:
        sys.stdout.write(line + "\n")
    sys.stdout.write(f"{count} files compared with {args.ref}: {len(differ)} differ.\n")
    return 1 if differ else 0


if __name__ == "__main__":
    raise SystemExit(main())
