"""The checker's settings: defaults here, validated once per build or check."""

from __future__ import annotations

import re
from collections.abc import Mapping
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from content_model.standard import SUMMARY_LIMIT

from categories.registry import CategoryEntry, load_registry, resolve
from portal_core.settings import whole_number

DEFAULTS: dict[str, Any] = {
    # Hosts whose https:// pages an <iframe> may embed (e.g. "www.youtube-nocookie.com").
    # Empty by default: a page must not load anything from a third-party host.
    "IFRAME_ALLOWED_HOSTS": [],
}
# Longest summary ("sapo") in characters: the content model declares the
# setting and its default (the editor's form and the importer read it too).
SUMMARY_SETTING, SUMMARY_DEFAULT = SUMMARY_LIMIT
_HOST = re.compile(r"^(?=.{1,253}$)([a-z0-9]([a-z0-9-]{0,61}[a-z0-9])?\.)+[a-z]{2,63}$")


class ConfigError(ValueError):
    """A setting of the checker is wrong (message in Vietnamese)."""


@dataclass(frozen=True)
class CheckConfig:
    """Everything the rules need from the settings, checked."""

    registry: tuple[CategoryEntry, ...]
    iframe_hosts: frozenset[str]
    summary_max: int
    templates: frozenset[str] = frozenset()  # the theme's template names ("page", ...)
    language: str = "vi"
    _categories: dict[str, CategoryEntry | None] = field(default_factory=dict, compare=False)

    def category(self, written: str) -> CategoryEntry | None:
        """The registry entry ``written`` names (remembered: sites repeat a few names)."""
        if written not in self._categories:
            self._categories[written] = resolve(list(self.registry), written)
        return self._categories[written]


def setting(settings: Mapping[str, Any], name: str) -> Any:
    """A checker setting, falling back to its default."""
    value = settings.get(name)
    return DEFAULTS[name] if value is None else value


def load_config(settings: Mapping[str, Any]) -> CheckConfig:
    """Validate the checker's settings; raise :class:`ConfigError`."""
    hosts = setting(settings, "IFRAME_ALLOWED_HOSTS")
    if isinstance(hosts, str) or not all(isinstance(host, str) for host in hosts):
        raise ConfigError(
            'IFRAME_ALLOWED_HOSTS phải là danh sách tên miền, ví dụ ["www.youtube-nocookie.com"].'
        )
    for host in hosts:
        if not _HOST.match(host):
            raise ConfigError(
                f'IFRAME_ALLOWED_HOSTS: "{host}" không phải tên miền (chỉ ghi tên miền, chữ '
                'thường, không có "https://" hay đường dẫn), ví dụ "www.youtube-nocookie.com".'
            )
    limit = settings.get(SUMMARY_SETTING)
    limit = SUMMARY_DEFAULT if limit is None else limit
    whole_number(
        limit,
        SUMMARY_SETTING,
        minimum=50,
        example=SUMMARY_DEFAULT,
        meaning="số ký tự tối đa của tóm tắt",
        error=ConfigError,
    )
    whole_number(
        settings.get("CHECK_PROCESSES", 0),
        "CHECK_PROCESSES",
        example=0,
        meaning="số tiến trình kiểm tra nội dung (0: mỗi lõi CPU một tiến trình)",
        error=ConfigError,
    )
    templates = Path(str(settings.get("THEME", ""))) / "templates"
    return CheckConfig(
        registry=tuple(load_registry(settings.get("CATEGORIES", []))),
        iframe_hosts=frozenset(hosts),
        summary_max=limit,
        templates=frozenset(path.stem for path in templates.glob("*.html")),
        language=str(settings.get("DEFAULT_LANG", "vi")),
    )
