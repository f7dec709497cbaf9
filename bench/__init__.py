"""Benchmark of the portal build against stock Pelican (``invoke bench``).

Not a test: it generates a corpus, builds it several times in subprocesses and
reports medians. See :mod:`bench.run`.
"""

from __future__ import annotations

import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
# The corpus reuses the portal's slug helper, imported the way plugins are.
if str(ROOT / "plugins") not in sys.path:
    sys.path.insert(0, str(ROOT / "plugins"))
