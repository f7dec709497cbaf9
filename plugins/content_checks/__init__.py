"""Content checks: clear Vietnamese errors, scheduling, sanitised HTML, a summary."""

from .checker import check_site
from .content_checks import register
from .kinds import ContentKind, FileContext, register_kind

__all__ = ["ContentKind", "FileContext", "check_site", "register", "register_kind"]
