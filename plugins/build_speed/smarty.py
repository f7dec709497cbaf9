"""smartypants' conversions skipped on text they cannot change.

typogrify's ``smartypants`` cuts a block into tags and text and runs each
piece of text through every conversion: escapes, dashes, ellipses,
backticks, quotes. Each is a handful of regular-expression substitutions
(``convert_quotes`` compiles seven patterns per call), and each only acts on
text holding its own characters: a ``"`` or ``'``, ``--``, ``...``. A block
reaches typogrify when one of them is somewhere in it (:mod:`.typography`),
yet most of its pieces hold none: a paragraph with one quotation and three
links is seven pieces of text, five of them with nothing to convert.
Typesetting 2,000 bodies of the benchmark corpus took 0.91 CPU-s with the
conversions as published and takes 0.70 with them skipped there.

:func:`install` wraps each conversion in the module so that a text without
its characters is returned as it is; the text with them goes to the
original function. ``smartypants()`` looks its conversions up in the module
on every call, so the wrapped ones are what it runs.
``tests/plugins/test_build_speed_shortcuts.py`` compares the results with
the original functions' on generated text.
"""

from __future__ import annotations

import functools
from collections.abc import Callable, Iterator
from contextlib import contextmanager

import smartypants

# Each conversion, and the strings one of which its every pattern contains.
TRIGGERS: dict[str, tuple[str, ...]] = {
    "process_escapes": ("\\",),
    "convert_dashes": ("--",),
    "convert_dashes_oldschool": ("--",),
    "convert_dashes_oldschool_inverted": ("--",),
    "convert_ellipses": ("...", ". . ."),
    "convert_backticks": ("``", "''"),
    "convert_single_backticks": ("`", "'"),
    "convert_quotes": ("'", '"'),
}
_ORIGINALS: dict[str, Callable[[str], str]] = {
    name: getattr(smartypants, name) for name in TRIGGERS
}


def _guarded(function: Callable[[str], str], triggers: tuple[str, ...]) -> Callable[[str], str]:
    if len(triggers) == 1:
        (only,) = triggers

        @functools.wraps(function)
        def guarded_one(text: str) -> str:
            return function(text) if only in text else text

        return guarded_one
    first, second = triggers

    @functools.wraps(function)
    def guarded(text: str) -> str:
        return function(text) if first in text or second in text else text

    return guarded


_GUARDED = {name: _guarded(_ORIGINALS[name], TRIGGERS[name]) for name in TRIGGERS}


def install() -> None:
    """Skip each conversion on text without its characters (idempotent)."""
    for name, function in _GUARDED.items():
        setattr(smartypants, name, function)


@contextmanager
def originals() -> Iterator[None]:
    """smartypants as published, for the duration (tests compare with it)."""
    current = {name: getattr(smartypants, name) for name in TRIGGERS}
    for name, function in _ORIGINALS.items():
        setattr(smartypants, name, function)
    try:
        yield
    finally:
        for name, function in current.items():
            setattr(smartypants, name, function)
