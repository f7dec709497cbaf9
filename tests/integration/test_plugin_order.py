"""What a build checks does not depend on the order of PLUGINS.

With ``content_checks`` listed before ``documents`` and a unit's settings
without ``DOCUMENT_TYPES`` (the plugin has defaults), the checks ran before
the documents plugin had filled in its defaults and refused every document
("không có trong danh sách DOCUMENT_TYPES"). Builds run in a fresh process:
signals stay connected in this one, in the order of its first build.
"""

from __future__ import annotations

import json
import subprocess
import sys

from portal_core.runner import load_settings
from tests.support import ROOT, write_files

_BUILD = """
import json, sys
sys.path[:0] = [sys.argv[1], sys.argv[1] + "/plugins"]
from portal_core.runner import BuildFailed, load_settings, run
settings = load_settings(sys.argv[1] + "/pelicanconf.py", json.loads(sys.argv[2]))
del settings["DOCUMENT_TYPES"]  # a unit's pelicanconf.py without it: the defaults apply
try:
    run(settings)
except BuildFailed as error:
    print("\\n".join(error.messages))
    sys.exit(3)
"""
DOCUMENT = (
    "Title: Kế hoạch tổ chức Ngày hội Đại đoàn kết\nNumber: 30/KH-MTTQ\nType: Kế hoạch\n"
    "Issuer: Ban Thường trực Ủy ban MTTQ phường\nIssued: 2024-08-15\n"
    "Files: van-ban/30-kh-mttq.pdf\n\nNội dung.\n"
)


def test_documents_are_checked_alike_whatever_the_plugin_order(tmp_path):
    content = write_files(
        tmp_path / "content",
        {
            "documents/30-kh-mttq.md": DOCUMENT,
            "files/van-ban/30-kh-mttq.pdf": b"%PDF-1.4\n% ke hoach\n",
        },
    )
    plugins = load_settings(ROOT / "pelicanconf.py", {"PATH": str(content)})["PLUGINS"]
    reordered = ["content_checks", *[name for name in plugins if name != "content_checks"]]
    overrides = {
        "PATH": str(content),
        "OUTPUT_PATH": str(tmp_path / "out"),
        "PLUGINS": reordered,
        "SEARCH_INDEX": False,
        "VISITOR_COUNTER": {"source": "none"},
        "CACHE_CONTENT": False,
        "LOAD_CONTENT_CACHE": False,
    }
    done = subprocess.run(
        [sys.executable, "-c", _BUILD, str(ROOT), json.dumps(overrides)],
        capture_output=True, text=True, check=False, cwd=tmp_path,
    )  # fmt: skip
    assert done.returncode == 0, done.stdout[-2000:] + done.stderr[-2000:]
    assert (tmp_path / "out" / "van-ban" / "index.html").exists()
