"""The preview's watcher: a save calls the build, a quiet spell calls idle (the check)."""

from __future__ import annotations

import threading
import time
from pathlib import Path

from live_preview import preview

from tests.support import wait_for


def test_the_watcher_builds_on_a_save_and_reports_quiet_spells(tmp_path, monkeypatch):
    monkeypatch.setattr(preview, "IDLE_SECONDS", 0.5)
    folder = tmp_path / "content"
    folder.mkdir()
    built: list[list[Path]] = []
    idle_at: list[float] = []
    stop = threading.Event()
    watcher = threading.Thread(
        target=preview.watch_and_rebuild,
        args=([folder], built.append, lambda line: None, lambda paths: True),
        kwargs={"idle": lambda: idle_at.append(time.monotonic()), "stop": stop},
        daemon=True,
    )
    watcher.start()
    try:
        time.sleep(0.3)  # the watcher is set up
        saved_at = time.monotonic()
        (folder / "bai.md").write_text("Title: Bài\n", encoding="utf-8")
        assert wait_for(lambda: built), "no build after a save"
        assert built[0][0].name == "bai.md"
        # With no change for IDLE_SECONDS the watcher calls idle (PreviewSession.idle).
        assert wait_for(lambda: any(moment > saved_at + 0.4 for moment in idle_at))
    finally:
        stop.set()
        watcher.join(timeout=5)
    assert not watcher.is_alive()
