"""``{% include_cached %}`` without build_speed: a plain ``{% include %}``.

``base.html`` includes the header, sidebar and footer with ``include_cached``
so that build_speed can render them once per distinct input. The theme must
not depend on that plugin: when it is not enabled, the same tag is an
ordinary include, with the same context and the same output.
"""

from __future__ import annotations

from collections.abc import MutableMapping
from typing import Any

from jinja2 import nodes
from jinja2.ext import Extension

PLAIN = "portal_core.templating.PlainIncludeExtension"
# build_speed's caching version of the tag; it replaces this one when enabled.
CACHING = "build_speed.fragments.IncludeCachedExtension"


class PlainIncludeExtension(Extension):
    """``{% include_cached EXPR %}`` parsed as ``{% include EXPR %}``."""

    tags = {"include_cached"}  # noqa: RUF012 - Jinja's Extension API

    def parse(self, parser):
        """Return the node ``{% include %}`` would (with context, missing is an error)."""
        lineno = next(parser.stream).lineno
        node = nodes.Include(lineno=lineno)
        node.template = parser.parse_expression()
        node.with_context = True
        node.ignore_missing = False
        return node


def install(settings: MutableMapping[str, Any]) -> None:
    """Give the template environment the plain tag unless the caching one is there."""
    jinja = dict(settings.get("JINJA_ENVIRONMENT") or {})
    extensions = list(jinja.get("extensions", []))
    if CACHING in extensions or PLAIN in extensions:
        return
    jinja["extensions"] = [*extensions, PLAIN]
    settings["JINJA_ENVIRONMENT"] = jinja
