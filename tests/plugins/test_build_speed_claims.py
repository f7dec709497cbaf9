"""build_speed.claims and write_shared: pages shared out as processes become free."""

from __future__ import annotations

import json
import os
import signal
import subprocess
import sys
import time
from pathlib import Path
from types import SimpleNamespace

import pytest
from pelican.writers import Writer

from build_speed import parallel
from build_speed.claims import Claims
from tests.support import ROOT


def _in_child(work) -> int:
    """Run ``work()`` in a forked process; its exit status."""
    pid = os.fork()
    if pid == 0:
        status = 1
        try:
            work()
            status = 0
        finally:
            os._exit(status)
    _, status = os.waitpid(pid, 0)
    return os.waitstatus_to_exitcode(status)


def test_every_item_is_taken_once_by_one_process(tmp_path):
    claims = Claims(2000)
    record = tmp_path / "theirs.json"
    pid = os.fork()
    if pid == 0:
        try:
            record.write_text(json.dumps(list(claims.take(1))))
        finally:
            os._exit(0)
    mine = list(claims.take(0))
    os.waitpid(pid, 0)
    theirs = json.loads(record.read_text())
    assert sorted(mine + theirs) == list(range(2000))
    assert claims.taken_by(0) == mine
    assert claims.taken_by(1) == theirs
    assert list(claims.take(0)) == []  # none left
    claims.close()


def test_a_process_that_dies_holding_the_lock_does_not_stop_the_others():
    claims = Claims(3)

    def die_locked() -> None:
        with claims.locked():
            os.kill(os.getpid(), signal.SIGKILL)

    assert _in_child(die_locked) == -signal.SIGKILL
    assert list(claims.take(0)) == [0, 1, 2]
    claims.close()


def test_process_numbers_are_bounded():
    with pytest.raises(ValueError):
        next(Claims(1).take(255))


def failing_writer_scenario(output: Path) -> dict:
    """In a fresh process: share 400 pages with a writer that fails on its third."""
    settings = {
        "BUILD_SPEED_PROCESSES": 2,
        "BUILD_SPEED_PARALLEL_MIN_FILES": 0,
        "OUTPUT_PATH": str(output),
    }
    writer = Writer(str(output), settings)
    generator = SimpleNamespace(settings=settings)
    parent = os.getpid()
    done_in_child: list[int] = []

    def render(write, item: int) -> None:
        time.sleep(0.001)  # both processes get pages
        if os.getpid() != parent:
            done_in_child.append(item)
            if len(done_in_child) == 3:
                raise RuntimeError("the writer fails")
        path = output / f"{item}.txt"
        path.parent.mkdir(parents=True, exist_ok=True)
        with open(path, "a", encoding="utf-8") as handle:
            handle.write(f"{item} by {os.getpid()}\n")

    parallel.write_shared(generator, writer.write_file, list(range(400)), render)
    return {"writers": parallel.last_run.get("writers"), "parent": parent}


def test_the_items_a_failed_writer_took_are_written_by_the_build(tmp_path):
    """A forked writer fails on its third page: every page is still written.

    In a fresh process: nothing is forked while other threads run, and a
    pytest session has some.
    """
    output = tmp_path / "output"
    script = (
        "import json, sys; from pathlib import Path; "
        "from tests.plugins.test_build_speed_claims import failing_writer_scenario; "
        "print(json.dumps(failing_writer_scenario(Path(sys.argv[1]))))"
    )
    child = subprocess.run(
        [sys.executable, "-c", script, str(output)],
        capture_output=True,
        text=True,
        cwd=ROOT,
        env={**os.environ, "PYTHONPATH": os.pathsep.join([str(ROOT / "plugins"), str(ROOT)])},
        check=False,
    )
    assert child.returncode == 0, child.stderr
    report = json.loads(child.stdout.splitlines()[-1])
    assert report["writers"] == 2
    written = {int(path.stem): path.read_text().splitlines() for path in output.glob("*.txt")}
    assert sorted(written) == list(range(400))
    rewritten = [item for item, lines in written.items() if len(lines) == 2]
    # The child's first two pages, written again by the build's own process.
    assert len(rewritten) == 2
    assert all(lines[-1].endswith(f"by {report['parent']}") for lines in written.values())
