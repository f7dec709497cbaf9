"""What widgets shown on every page print of other contents, declared by their plugins.

The sidebar's "Tin mới" prints the title, date and address of the newest
articles on every page. The preview (``live_preview.signatures``) must know
that: an edit to one of those fields changes every page, an edit elsewhere
(a summary, the body) does not. The plugin that owns a widget says, in its
``register()``, which fields of other articles the widget reads; the preview
reads this registry instead of guessing.
"""

from __future__ import annotations

from collections.abc import Iterable

# Who declared (a plugin or widget name) -> the content attributes it shows.
_SHOWN: dict[str, tuple[str, ...]] = {}


def declare_shown_fields(owner: str, fields: Iterable[str]) -> None:
    """``owner``'s widgets print these attributes of other articles on every page.

    Idempotent (plugins register on every build); an empty ``fields``
    withdraws the declaration.
    """
    fields = tuple(fields)
    if fields:
        _SHOWN[owner] = fields
    else:
        _SHOWN.pop(owner, None)


def shown_fields() -> tuple[str, ...]:
    """Every declared attribute, once, in declaration order."""
    return tuple(dict.fromkeys(name for fields in _SHOWN.values() for name in fields))
