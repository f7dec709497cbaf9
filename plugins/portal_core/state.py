"""Per-build state: one object per plugin, made fresh when every build starts.

A plugin that must remember something while a build runs (problems found,
the category registry, sitemap entries) keeps it in one :class:`BuildState`
instead of module globals reset by its own handlers. Every state is renewed
at ``initialized`` by a receiver connected when this module is first
imported, which is before Pelican calls any plugin's ``register()`` (Pelican
imports every plugin first; signals call receivers in connection order), so
the reset comes first whatever the order of PLUGINS.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any, Generic, TypeVar

from pelican import signals

T = TypeVar("T")
_STATES: list[BuildState[Any]] = []


class BuildState(Generic[T]):
    """The state of one plugin for the build in progress: ``state.value``."""

    def __init__(self, factory: Callable[[], T]) -> None:
        self._factory = factory
        self.value: T = factory()
        _STATES.append(self)

    def reset(self) -> None:
        """Start afresh (every build does, at ``initialized``)."""
        self.value = self._factory()


def reset_all(sender: Any = None) -> None:
    """Renew every plugin's state: a new build starts."""
    for state in _STATES:
        state.reset()


# initialized, connected at import: before any plugin's own handler.
signals.initialized.connect(reset_all)
