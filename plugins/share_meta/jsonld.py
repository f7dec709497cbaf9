"""schema.org structured data (JSON-LD) for news articles.

Search engines read ``NewsArticle`` (headline, dates with their time zone,
author, publisher with its logo, image, the page it is the main entity of)
and ``BreadcrumbList`` (Trang chủ › chuyên mục › bài). The JSON is embedded in
``<script type="application/ld+json">``: a data block the browser never runs,
so a strict Content-Security-Policy still holds.
"""

from __future__ import annotations

import json
from typing import Any

CONTEXT = "https://schema.org"
# Inside <script>, "</script>" or "<!--" in a title would end the block early.
_SCRIPT_SAFE = (("<", "\\u003c"), (">", "\\u003e"), ("&", "\\u0026"))


def image_object(url: str, width: int, height: int) -> dict[str, Any]:
    """An ``ImageObject`` with its pixel size."""
    return {"@type": "ImageObject", "url": url, "width": width, "height": height}


def organization(name: str, url: str, logo: dict[str, Any] | None = None) -> dict[str, Any]:
    """The publishing unit."""
    data: dict[str, Any] = {"@type": "Organization", "name": name, "url": url}
    if logo:
        data["logo"] = logo
    return data


def news_article(
    *,
    url: str,
    headline: str,
    description: str,
    published: str,
    modified: str,
    author: dict[str, Any],
    publisher: dict[str, Any],
    image: dict[str, Any],
    section: str = "",
) -> dict[str, Any]:
    """A ``NewsArticle`` with the fields Google's article guidelines ask for."""
    data: dict[str, Any] = {
        "@context": CONTEXT,
        "@type": "NewsArticle",
        "mainEntityOfPage": {"@type": "WebPage", "@id": url},
        "url": url,
        "headline": headline,
        "description": description,
        "inLanguage": "vi",
        "datePublished": published,
        "dateModified": modified,
        "author": [author],
        "publisher": publisher,
        "image": [image],
    }
    if section:
        data["articleSection"] = section
    return data


def breadcrumb_list(crumbs: list[tuple[str, str]]) -> dict[str, Any]:
    """A ``BreadcrumbList`` from ``(name, absolute URL)`` pairs, home first."""
    return {
        "@context": CONTEXT,
        "@type": "BreadcrumbList",
        "itemListElement": [
            {"@type": "ListItem", "position": position, "name": name, "item": url}
            for position, (name, url) in enumerate(crumbs, start=1)
        ],
    }


def script_json(data: dict[str, Any]) -> str:
    """Compact JSON that is safe to place between <script> tags."""
    text = json.dumps(data, ensure_ascii=False, separators=(",", ":"))
    for character, escaped in _SCRIPT_SAFE:  # str.replace: far faster than translate()
        text = text.replace(character, escaped)
    return text
