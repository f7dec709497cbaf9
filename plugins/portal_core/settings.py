"""One helper for the settings checks every plugin makes.

Settings are checked once per build, at ``initialized``, and a wrong one stops
the build with a Vietnamese message naming the setting, what it must be, an
example and what it is now; each plugin keeps its own error class (a
``ValueError``) so its tests and messages stay its own.
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
