"""Clean the HTML of every article to an allowed list (defence in depth).

The checks already refuse scripts, styles, event handlers and foreign iframes
in the source; this makes sure nothing of the kind reaches a published page
even if a rule is ever missed. nh3 (Rust's ammonia) parses HTML like a browser
does; the cleaner is built once per build and costs microseconds per article.
"""

from __future__ import annotations

from collections.abc import Collection
from urllib.parse import urlsplit

import nh3

BLOCK_TAGS = {
    "p", "br", "hr", "h1", "h2", "h3", "h4", "h5", "h6", "blockquote", "pre", "code",
    "ul", "ol", "li", "dl", "dt", "dd", "div", "figure", "figcaption", "details", "summary",
    "table", "caption", "colgroup", "col", "thead", "tbody", "tfoot", "tr", "th", "td",
    "img", "video", "audio", "source", "track",
}  # fmt: skip
INLINE_TAGS = {
    "a", "abbr", "b", "cite", "del", "dfn", "em", "i", "ins", "kbd", "mark", "q", "s",
    "samp", "small", "span", "strong", "sub", "sup", "time", "u", "var", "wbr",
}  # fmt: skip
ATTRIBUTES = {
    "*": {"class", "id", "title", "lang", "dir", "role", "tabindex", "aria-label",
          "aria-labelledby", "aria-describedby", "aria-hidden"},
    "a": {"href", "hreflang", "download"},
    "img": {"src", "alt", "width", "height", "loading", "decoding"},
    "video": {"src", "controls", "poster", "width", "height", "preload"},
    "audio": {"src", "controls", "preload"},
    "source": {"src", "type"},
    "track": {"src", "kind", "srclang", "label", "default"},
    "th": {"colspan", "rowspan", "scope", "headers"},
    "td": {"colspan", "rowspan", "headers"},
    "col": {"span"}, "colgroup": {"span"},
    "ol": {"start", "reversed", "type"}, "li": {"value"},
    "time": {"datetime"}, "blockquote": {"cite"}, "q": {"cite"},
    "del": {"cite", "datetime"}, "ins": {"cite", "datetime"},
    "iframe": {"src", "width", "height", "allow", "allowfullscreen", "loading",
               "referrerpolicy", "sandbox"},
}  # fmt: skip
URL_SCHEMES = {"http", "https", "mailto", "tel"}


class Sanitizer:
    """The nh3 cleaner of article bodies and summaries (titles are plain text, escaped)."""

    def __init__(self, iframe_hosts: Collection[str] = ()) -> None:
        self.iframe_hosts = frozenset(iframe_hosts)
        tags = BLOCK_TAGS | INLINE_TAGS | ({"iframe"} if self.iframe_hosts else set())
        common = {
            "attributes": ATTRIBUTES,
            "url_schemes": URL_SCHEMES,
            "link_rel": None,  # keep links as written; no rel rewriting
            # No style attribute anywhere: a strict CSP blocks them (table
            # alignment is a class, see vn_markdown).
        }
        self._body = nh3.Cleaner(tags=tags, **common)
        self._with_iframes = (
            nh3.Cleaner(tags=tags, attribute_filter=self._iframe_filter, **common)
            if self.iframe_hosts
            else self._body
        )

    def _iframe_filter(self, tag: str, attribute: str, value: str) -> str | None:
        if tag == "iframe" and attribute == "src":
            parts = urlsplit(value)
            allowed = parts.scheme == "https" and parts.hostname in self.iframe_hosts
            return value if allowed else None
        return value

    def body(self, html: str) -> str:
        """Clean an article body or summary."""
        if not html:
            return html
        # The filter is a Python callback per attribute: only pay for it when needed.
        cleaner = self._with_iframes if "<iframe" in html else self._body
        return cleaner.clean(html)
