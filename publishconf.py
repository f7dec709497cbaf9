"""Production settings: pelicanconf.py plus what only the published site needs."""

from __future__ import annotations

import os
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from pelicanconf import *  # noqa: F403 - production = development + overrides

# The public address, e.g. https://example.gov.vn or https://user.github.io/phuong-hoa-binh
SITEURL = os.environ.get("SITEURL", "").rstrip("/")
RELATIVE_URLS = False
DELETE_OUTPUT_DIRECTORY = True
