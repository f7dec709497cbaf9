"""Open data ("Dữ liệu mở"): news and notices as JSON, each with its JSON Schema.

``news.json`` and ``notices.json`` sit beside the documents plugin's
``documents.json``. Field names are stable (a version number changes if they
ever must). A list longer than OPEN_DATA_MAX_ITEMS is split by year: the main
file then lists its parts. Dates come from the content, never from the clock,
so two builds of one commit write the same files.
"""

from __future__ import annotations

import json
from collections.abc import Iterable, Sequence
from datetime import tzinfo
from pathlib import Path
from typing import Any
from zoneinfo import ZoneInfo

from markupsafe import Markup

FORMAT_VERSION = 1
SCHEMA_DIR = Path(__file__).parent / "schemas"
# documents.json is written by the documents plugin; its schema is published here.
SCHEMAS = ("news", "notices", "documents")


def _plain(html: object) -> str:
    text = str(html or "")
    if "<" in text or "&" in text:  # names and many titles are plain text already
        text = Markup(text).striptags()
    return " ".join(text.split())


def news_record(article: Any, siteurl: str) -> dict[str, Any]:
    """One article as plain data."""
    modified = getattr(article, "modified", None)
    image = getattr(article, "image_url", None)
    return {
        "title": _plain(article.title),
        "url": f"{siteurl}/{article.url}",
        "date": article.date.isoformat(),
        "modified": modified.isoformat() if modified else None,
        "category": article.category.name,
        "summary": _plain(getattr(article, "summary", "")),
        "author": _plain(getattr(article, "author", "")) or None,
        "image": f"{siteurl}/{image}" if image else None,
    }


def notice_record(notice: Any, siteurl: str, zone: tzinfo) -> dict[str, Any]:
    """One notice as plain data (its posting time in the site's time zone)."""
    info = notice.info
    posted = info.posted if info.posted.tzinfo else info.posted.replace(tzinfo=zone)
    return {
        "title": _plain(info.title),
        "url": f"{siteurl}/{notice.url}",
        "posted": posted.isoformat(),
        "valid_from": info.valid_from.isoformat(),
        "expires": info.expires.isoformat() if info.expires else None,
        "state": notice.state,
        "summary": _plain(getattr(notice, "summary", "")),
        "files": [
            {
                "name": item.name,
                "label": item.label,
                "size": item.size,
                "url": f"{siteurl}/{item.url}",
            }
            for item in info.files
        ],
    }


def feed_files(
    name: str,
    records: Sequence[tuple[int, dict[str, Any]]],
    siteurl: str,
    sitename: str,
    max_items: int,
) -> dict[str, str]:
    """``{file name: JSON text}``: ``name.json``, and per-year parts when too long.

    ``records`` are ``(year, record)`` pairs in the order readers see them.
    """
    schema = f"{siteurl}/schemas/{name}.schema.json"
    head = {"$schema": schema, "version": FORMAT_VERSION, "site": sitename}
    if len(records) <= max_items:
        data = {**head, "count": len(records), "items": [record for _, record in records]}
        return {f"{name}.json": _dump(data)}
    years: dict[int, list[dict[str, Any]]] = {}
    for year, record in records:
        years.setdefault(year, []).append(record)
    files = {
        f"{name}-{year}.json": _dump({**head, "year": year, "count": len(items), "items": items})
        for year, items in years.items()
    }
    parts = [
        {"year": year, "count": len(items), "url": f"{siteurl}/{name}-{year}.json"}
        for year, items in sorted(years.items(), reverse=True)
    ]
    files[f"{name}.json"] = _dump({**head, "count": len(records), "parts": parts})
    return files


def _dump(data: dict[str, Any]) -> str:
    return json.dumps(data, ensure_ascii=False, indent=1) + "\n"


def write_open_data(
    output: Path,
    articles: Iterable[Any],
    notices: Iterable[Any],
    settings: dict[str, Any],
) -> list[str]:
    """Write the feeds and their schemas into ``output``; return the files written."""
    siteurl, sitename = settings.get("SITEURL", ""), settings.get("SITENAME", "")
    limit = int(settings.get("OPEN_DATA_MAX_ITEMS", 1000))
    zone = ZoneInfo(settings.get("TIMEZONE") or "Asia/Ho_Chi_Minh")
    feeds = {
        "news": [(item.date.year, news_record(item, siteurl)) for item in articles],
        "notices": [
            (item.info.posted.year, notice_record(item, siteurl, zone)) for item in notices
        ],
    }
    written = []
    for name, records in feeds.items():
        for filename, text in feed_files(name, records, siteurl, sitename, limit).items():
            (output / filename).write_text(text, encoding="utf-8")
            written.append(filename)
    target = output / "schemas"
    target.mkdir(parents=True, exist_ok=True)
    for name in SCHEMAS:
        filename = f"{name}.schema.json"
        (target / filename).write_bytes((SCHEMA_DIR / filename).read_bytes())
        written.append(f"schemas/{filename}")
    return written
