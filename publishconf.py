"""Production settings: pelicanconf.py plus what only the published site needs."""

from __future__ import annotations

import os
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from pelicanconf import *  # noqa: F403 - production = development + overrides

# The public address, e.g. https://example.gov.vn or https://user.github.io/phuong-hoa-binh
# (a sub-path works: every link is written as SITEURL + "/" + path). The CI
# workflow takes it from GitHub Pages; `invoke deploy` from the environment.
# The environment wins; else the unit's own address (content/data/cai-dat.toml).
SITEURL = (os.environ.get("SITEURL", "").strip() or SITE_URL.strip()).rstrip("/")  # noqa: F405
if not SITEURL.startswith(("https://", "http://")):
    raise ValueError(
        "Bản xuất bản cần địa chỉ công khai của trang: ghi site_url trong "
        "content/data/cai-dat.toml hoặc đặt biến môi trường SITEURL, "
        'ví dụ SITEURL="https://phuonghoabinh.lamgiang.gov.vn" hoặc '
        'SITEURL="https://ten-tai-khoan.github.io/phuong-hoa-binh".'
    )
RELATIVE_URLS = False
DELETE_OUTPUT_DIRECTORY = True
# Take each page whose inputs did not change from the site this build replaces
# (output/), checked against the digest recorded when it was written; render
# the others (plugins/live_preview/incremental.py). The first build, or the
# first after a change of code, renders and records every page.
BUILD_SPEED_REUSE_PAGES = True

# --- Feeds (Atom): all news, and one per category --------------------------------
# Feed dates come from the articles, never from the clock, so two builds of the
# same commit produce the same files.
FEED_ALL_ATOM = "feeds/all.atom.xml"
CATEGORY_FEED_ATOM = "feeds/{slug}.atom.xml"
FEED_MAX_ITEMS = 30

# --- Search engines (plugin sitemap_xml) --------------------------------------------
SITEMAP_SAVE_AS = "sitemap.xml"
# Listings worth a search engine's visit besides the home page, the categories
# and the archive (each document and notice page is listed on its own).
SITEMAP_EXTRA_URLS = ["van-ban/", "thong-bao/"]
ROBOTS_TXT = True
