"""Helpers for the settings plugins check and extend.

Settings are checked once per build, at ``initialized``, and a wrong one stops
the build with a Vietnamese message naming the setting, what it must be, an
example and what it is now; each plugin keeps its own error class (a
``ValueError``) so its tests and messages stay its own. Plugins that add a
Python-Markdown extension do it with :func:`add_markdown_extension`.
"""

from __future__ import annotations

from typing import Any


def whole_number(
    value: Any,
    name: str,
    *,
    minimum: int = 0,
    maximum: int | None = None,
    example: int,
    meaning: str = "",
    error: type[ValueError] = ValueError,
) -> int:
    """``value`` if it is an int (not a bool) in range; else raise ``error``.

    The message: "NAME phải là số nguyên từ MIN [đến MAX] (MEANING), ví dụ
    NAME = EXAMPLE; hiện đang là VALUE."
    """
    ok = isinstance(value, int) and not isinstance(value, bool)
    if ok and value >= minimum and (maximum is None or value <= maximum):
        return value
    bounds = f"từ {minimum}" + (f" đến {maximum}" if maximum is not None else " trở lên")
    about = f" ({meaning})" if meaning else ""
    raise error(
        f"{name} phải là một số nguyên {bounds}{about}, ví dụ {name} = {example}; "
        f"hiện đang là {value!r}."
    )


def add_markdown_extension(settings: dict[str, Any], extension: Any) -> None:
    """Append ``extension`` (an instance) to the MARKDOWN settings, once per class.

    Called at ``initialized``: the settings are final and no reader has built
    its Markdown converter yet.
    """
    extensions = settings.setdefault("MARKDOWN", {}).setdefault("extensions", [])
    if not any(type(known) is type(extension) for known in extensions):
        extensions.append(extension)
