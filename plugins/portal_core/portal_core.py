"""Core of the portal: collect content problems and stop before writing.

Other plugins report problems through :mod:`portal_core.problems`; this plugin
starts each build with a clean slate and, once every generator has read its
content, stops the build if anything was reported.
"""

from __future__ import annotations

from pelican import signals

from . import templating
from .problems import raise_if_any, reset


def start_build(pelican) -> None:
    """Forget problems left over from an earlier build in the same process."""
    reset()
    templating.install(pelican.settings)


def check_all(generators) -> None:
    """Stop the build if any problem was reported (addresses: content_checks.addresses)."""
    raise_if_any()


def register() -> None:
    """Register the plugin callbacks."""
    # initialized: once per build, before any content is read or any template
    # environment exists (the theme's include_cached tag must be known).
    signals.initialized.connect(start_build)
    # all_generators_finalized: every file has been read, nothing written yet,
    # so a build with mistakes never leaves half a site behind.
    signals.all_generators_finalized.connect(check_all)
