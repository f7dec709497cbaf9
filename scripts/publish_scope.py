"""Decide whether a publication needs the kit's whole test suite (stdlib only).

The publishing workflow (.github/workflows/publish.yml) runs this in a fresh
checkout of the commit being published, with the commit of the last successful
publication as ``--base``. Prints ``full=true`` or ``full=false`` for
``$GITHUB_OUTPUT`` and the reason, in Vietnamese, on stderr (the run's log).

An editor's push that changes only ``content/`` is checked (``./portal check``)
and built, but does not wait for the browser test suite: an urgent notice is
online in minutes. Anything else (code, theme, settings, requirements, the
workflow itself) runs the whole suite before deploying.

Comparing with the last *successful publication*, not with the previous push,
keeps that promise across runs: code that failed its tests is never deployed
later by a content-only push or by the morning rebuild, because the code still
differs from what was last published. By induction every published commit ran
the suite on exactly its code.
"""

from __future__ import annotations

import argparse
import subprocess
import sys

CONTENT = "content/"
# Events that never skip the suite: a person pressing "Run workflow" asks for it.
ALWAYS_FULL = {"workflow_dispatch"}


def _git(*args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(["git", *args], capture_output=True, text=True, check=False)


def changed_since(base: str) -> list[str] | None:
    """Paths changed between ``base`` and HEAD, or None when they cannot be compared.

    ``--no-renames`` lists a moved file under both names, so moving code into
    content/ still counts as a code change (and needs no file contents in a
    blob-less checkout).
    """
    if _git("merge-base", "--is-ancestor", base, "HEAD").returncode != 0:
        return None  # unknown commit, or history rewritten since: compare nothing
    diff = _git("diff", "--name-only", "--no-renames", "-z", base, "HEAD")
    if diff.returncode != 0:
        return None
    return [path for path in diff.stdout.split("\0") if path]


def decide(event: str, base: str, changed: list[str] | None) -> tuple[bool, str]:
    """(run the whole suite?, why) for a run of ``event`` published since ``base``."""
    if event in ALWAYS_FULL:
        return True, "chạy bằng tay: chạy đủ bộ kiểm thử"
    if not base:
        return True, "chưa có lần xuất bản thành công nào để so sánh: chạy đủ bộ kiểm thử"
    if changed is None:
        return True, f"không so được với lần xuất bản {base[:7]}: chạy đủ bộ kiểm thử"
    code = [path for path in changed if not path.startswith(CONTENT)]
    if code:
        shown = ", ".join(code[:5]) + (" ..." if len(code) > 5 else "")
        return True, f"có thay đổi ngoài content/ ({shown}): chạy đủ bộ kiểm thử"
    return False, (
        f"chỉ nội dung thay đổi ({len(changed)} tệp) kể từ lần xuất bản {base[:7]}: "
        "kiểm tra nội dung và dựng trang, không chạy bộ kiểm thử của bộ công cụ"
    )


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--event", required=True, help="github.event_name")
    parser.add_argument("--base", default="", help="commit of the last successful publication")
    args = parser.parse_args(argv)
    base = args.base.strip()
    changed = changed_since(base) if base and args.event not in ALWAYS_FULL else None
    full, why = decide(args.event, base, changed)
    print(why, file=sys.stderr)
    print(f"full={'true' if full else 'false'}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
