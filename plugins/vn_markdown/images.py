"""Resolve an article's featured photo (``Image:`` metadata) to a site path."""

from __future__ import annotations

import re

# Editors may write the path the Pelican way ({static}/images/x.jpg) or plainly.
_PREFIX = re.compile(r"^(\{static\}|\{filename\}|\|static\||\|filename\|)?/?")


def image_path(value: str) -> str:
    """Return the path of a featured photo relative to the site root."""
    return _PREFIX.sub("", value.strip(), count=1)


def resolve_featured_image(content) -> None:
    """Set ``image_url`` (site-relative) when the content names a photo."""
    value = content.metadata.get("image")
    if isinstance(value, str) and value.strip():
        content.image_url = image_path(value)
        content.image_alt = content.metadata.get("image-alt", "")
