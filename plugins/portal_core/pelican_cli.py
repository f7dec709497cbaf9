"""``pelican content`` ends a refused setting on the portal's message, not a traceback.

Pelican's ``main`` logs any exception as CRITICAL with ``exc_info=True``. The
portal's own settings errors (a mistake in ``content/data/cai-dat.toml``, a
plugin setting out of range) are ``ValueError`` subclasses with a Vietnamese
message naming the file and line; ``./portal build`` prints that message alone
(``runner.build``). This filter gives Pelican's command the same ending: the
message as ``runner`` prints it, without the traceback. Any other exception (a
bug) keeps its traceback. Content mistakes already end cleanly
(``problems.raise_if_any``).
"""

from __future__ import annotations

import logging

from .problems import failure_text

# What runner.build turns into a message instead of a traceback.
MESSAGE_ERRORS = (ValueError, OSError)


class PortalMessage(logging.Filter):
    """Rewrite Pelican's CRITICAL record of a settings error into our message."""

    def filter(self, record: logging.LogRecord) -> bool:
        error = record.exc_info[1] if record.exc_info else None
        if record.levelno >= logging.CRITICAL and isinstance(error, MESSAGE_ERRORS):
            record.msg, record.args = failure_text([str(error)]), ()
            record.exc_info = record.exc_text = None
        return True


def install() -> None:
    """Add the filter to Pelican's logger once (settings and plugins may both call it)."""
    logger = logging.getLogger("pelican")
    if not any(isinstance(existing, PortalMessage) for existing in logger.filters):
        logger.addFilter(PortalMessage())
