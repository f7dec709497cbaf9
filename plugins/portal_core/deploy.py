"""Copy the built site to a unit's own web server with rsync over SSH.

For units that host the portal themselves instead of on GitHub Pages
(``invoke deploy``). The settings come from the environment, so no address or
key is ever written in the repository:

- ``DEPLOY_TARGET`` (required): rsync destination, e.g.
  ``portal@web.phuonghoabinh.vn:/var/www/portal/``.
- ``DEPLOY_SSH_PORT`` (default 22) and ``DEPLOY_SSH_KEY`` (a private key file;
  default: the SSH agent / ~/.ssh).

rsync compares checksums (a fresh build gives every file a new date, only
changed files should travel), puts every updated file in place at the end
(``--delay-updates``) and only then deletes what the new build no longer has,
so readers never see a half-copied site.
"""

from __future__ import annotations

import re
import shlex
from collections.abc import Mapping
from dataclasses import dataclass
from pathlib import Path

# user@host:path or host:path (a Windows drive letter "C:\\" is not a host).
_REMOTE = re.compile(r"^(?:[\w.-]+@)?[\w.-]{2,}:")


class DeployError(ValueError):
    """The deploy settings are missing or wrong; the message says how to fix them."""


@dataclass(frozen=True)
class DeploySettings:
    """Where and how to copy the site."""

    target: str
    port: int = 22
    key: str = ""

    @property
    def remote(self) -> bool:
        """True when the target is another machine (reached over SSH)."""
        return bool(_REMOTE.match(self.target))


def read_settings(environ: Mapping[str, str]) -> DeploySettings:
    """Read and check DEPLOY_TARGET, DEPLOY_SSH_PORT and DEPLOY_SSH_KEY."""
    target = environ.get("DEPLOY_TARGET", "").strip()
    if not target:
        raise DeployError(
            "Chưa có nơi đưa trang lên: đặt biến môi trường DEPLOY_TARGET, ví dụ "
            'DEPLOY_TARGET="portal@web.phuonghoabinh.vn:/var/www/portal/".'
        )
    if not target.endswith("/"):
        target += "/"  # copy the folder's content, not the folder itself
    port_text = environ.get("DEPLOY_SSH_PORT", "22").strip() or "22"
    if not port_text.isdigit() or not 1 <= int(port_text) <= 65535:
        raise DeployError(f'DEPLOY_SSH_PORT "{port_text}" phải là số cổng từ 1 đến 65535.')
    key = environ.get("DEPLOY_SSH_KEY", "").strip()
    if key and not Path(key).expanduser().is_file():
        raise DeployError(f'DEPLOY_SSH_KEY: không thấy tệp khóa "{key}".')
    return DeploySettings(target, int(port_text), key)


def rsync_command(source: Path, settings: DeploySettings, *, dry_run: bool = False) -> list[str]:
    """The rsync command line that mirrors ``source`` to the target."""
    command = [
        "rsync",
        "--recursive",
        "--links",
        "--compress",
        "--checksum",
        "--delay-updates",
        "--delete-delay",
        "--chmod=D755,F644",
        "--itemize-changes",
    ]
    if dry_run:
        command.append("--dry-run")
    if settings.remote:
        ssh = ["ssh", "-p", str(settings.port)]
        if settings.key:
            ssh += ["-i", str(Path(settings.key).expanduser()), "-o", "IdentitiesOnly=yes"]
        command += ["-e", shlex.join(ssh)]
    return [*command, f"{source.as_posix().rstrip('/')}/", settings.target]
