"""Pagefind's service driven by our client: pages over the pipe, failures named, one core each."""

from __future__ import annotations

import base64
import gzip
import itertools
import json
import os
import subprocess
import sys
import textwrap
import threading
from pathlib import Path

import pytest

from search.indexer import CONFIG, SearchIndexError, _Cores, executable, index_part
from search.parts import Page, Part
from search.service import Service, ServiceError, _Messages

PAGE = (
    '<!DOCTYPE html><html lang="vi"><head><title>{title}</title></head><body>'
    "<nav>Trang chủ</nav><main data-pagefind-body><h1>{title}</h1><p>{text}</p></main>"
    "</body></html>"
)


def fake_pagefind(folder: Path, script: str) -> Path:
    """A stand-in for the binary, for what the real one does not do on demand."""
    binary = folder / "pagefind"
    binary.write_text("#!/bin/sh\n" + textwrap.dedent(script), encoding="utf-8")
    binary.chmod(0o755)
    return binary


def test_pages_sent_over_the_pipe_are_indexed(tmp_path):
    pages = [
        (f"/tin-{number}/", PAGE.format(title=f"Tin {number}", text=f"Tổ {number} làm đường."))
        for number in range(1, 31)
    ]
    with Service(executable(), CONFIG, tmp_path, {}) as service:
        service.add((url, html.encode("utf-8")) for url, html in pages)
        log = service.write(tmp_path / "bundle")
    assert "Indexed 30 pages" in log
    fragments = [
        gzip.decompress(path.read_bytes()) for path in (tmp_path / "bundle").glob("fragment/*")
    ]
    assert len(fragments) == 30
    assert any(b'"/tin-17/"' in fragment and "Tổ 17".encode() in fragment for fragment in fragments)
    # Only the marked element is content: the menu is not.
    assert not any("Trang chủ".encode() in fragment for fragment in fragments)


def test_a_service_that_dies_is_an_error_with_its_words_not_a_hang(tmp_path):
    binary = fake_pagefind(tmp_path, "echo 'cannot open the index' >&2\nexit 3\n")
    with pytest.raises(ServiceError, match="cannot open the index"):
        Service(binary, CONFIG, tmp_path, {})


def test_a_notice_printed_between_answers_is_skipped(tmp_path):
    message = {"message_id": 1, "payload": {"type": "NewIndex", "index_id": 7}}
    answer = base64.b64encode(json.dumps(message).encode()).decode()
    binary = fake_pagefind(
        tmp_path,
        f"""\
        printf 'Note: no stemming for vi.,'
        printf '{answer},'
        sleep 1
        """,
    )
    with Service(binary, CONFIG, tmp_path, {}) as service, pytest.raises(ServiceError):
        service.write(tmp_path / "bundle")  # the stand-in ends: an error, not a hang


def test_a_failing_part_is_reported_in_vietnamese_with_its_name(tmp_path):
    binary = fake_pagefind(tmp_path, "echo 'out of memory' >&2\nexit 1\n")
    site = tmp_path / "site"
    page = Page(url="/a/", path=site / "a" / "index.html", date="2024-05-01", digest="")
    cut = {Path("a/index.html"): PAGE.format(title="A", text="B").encode()}
    with pytest.raises(
        SearchIndexError, match=r"Pagefind không tạo được .* \(phần 2024\): out of memory"
    ):
        index_part(Part("2024", (page,)), tmp_path / "out", binary, cut, site)


@pytest.mark.skipif(not hasattr(os, "sched_setaffinity"), reason="no CPU affinity here")
def test_each_pagefind_process_gets_a_core_of_its_own():
    cores = _Cores()
    cpus = sorted(os.sched_getaffinity(0))
    seen: list[set[int]] = []

    def child_cpus() -> set[int]:
        probe = "import os; print(sorted(os.sched_getaffinity(0)))"
        command = [sys.executable, "-c", probe]
        done = subprocess.run(command, check=True, capture_output=True, text=True)
        return set(json.loads(done.stdout))

    def part() -> None:
        with cores.one():
            seen.append(child_cpus())
            barrier.wait(timeout=30)  # both parts hold their core at once

    holders = min(len(cpus), 2)
    barrier = threading.Barrier(holders)
    threads = [threading.Thread(target=part) for _ in range(holders)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    assert all(len(found) == 1 for found in seen)
    assert len(set().union(*seen)) == holders  # different cores
    assert child_cpus() == set(cpus)  # this thread was never held


def test_messages_come_out_whole_wherever_the_pipe_cuts_them():
    """A message split over many reads, or a read ending on a comma, is one message."""
    sent = [b"YQ==", b"", b"bG9uZw==" * 50, b"Yg=="]
    stream = b"".join(message + b"," for message in sent)
    for size in (1, 2, 3, 7, 64, len(stream)):
        for offset in range(size):
            messages = _Messages()
            cuts = [0, *range(offset or size, len(stream), size), len(stream)]
            got = [
                message
                for start, end in itertools.pairwise(cuts)
                if end > start
                for message in messages.feed(stream[start:end])
            ]
            assert got == sent, (size, offset)
