"""`invoke deploy`: rsync the built site to a unit's own server.

The real task runs through invoke with a real rsync; the target is a local
folder (rsync copies the same way locally; over SSH only the transport
differs, and its command line is checked below).
"""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from portal_core.deploy import DeployError, DeploySettings, read_settings, rsync_command
from tests.publishing import publish, site_files, tree_bytes
from tests.support import ROOT, write_files


@pytest.fixture
def rsync() -> str:
    """rsync itself: .ci/run installs it, so in CI its absence is a failure."""
    found = shutil.which("rsync")
    if not found:
        if os.environ.get("CI"):
            pytest.fail("rsync is missing: .ci/run must install it")
        pytest.skip("rsync not installed (apt-get install rsync)")
    return found


def invoke_deploy(*args: str, **env: str) -> subprocess.CompletedProcess:
    invoke = Path(sys.executable).parent / "invoke"
    environ = {key: value for key, value in os.environ.items() if not key.startswith("DEPLOY_")}
    return subprocess.run(
        [str(invoke), "--search-root", str(ROOT), "deploy", *args],
        cwd=ROOT,
        env={**environ, **env},
        capture_output=True,
        text=True,
        check=False,
    )


@pytest.fixture
def built(tmp_path: Path) -> Path:
    content = write_files(tmp_path / "content", site_files())
    return publish(content, tmp_path / "output")


@pytest.mark.usefixtures("rsync")
def test_deploy_mirrors_the_site_and_removes_what_is_gone(built, tmp_path):
    server = tmp_path / "server"
    write_files(server, {"bai-da-xoa/index.html": "trang cũ"})
    result = invoke_deploy("--skip-build", "--output", str(built), DEPLOY_TARGET=str(server))
    assert result.returncode == 0, result.stdout + result.stderr
    assert tree_bytes(server) == tree_bytes(built)
    assert not (server / "bai-da-xoa").exists()
    assert f"Đưa {built} lên {server}/" in result.stdout


@pytest.mark.usefixtures("rsync")
def test_dry_run_changes_nothing_on_the_server(built, tmp_path):
    server = tmp_path / "server"
    write_files(server, {"index.html": "bản cũ"})
    result = invoke_deploy(
        "--skip-build", "--dry-run", "--output", str(built), DEPLOY_TARGET=str(server)
    )
    assert result.returncode == 0, result.stdout + result.stderr
    assert tree_bytes(server) == {"index.html": "bản cũ".encode()}
    assert "chạy thử" in result.stdout
    assert "sitemap.xml" in result.stdout  # rsync lists what it would send


def test_deploy_without_a_target_explains_what_to_set(built):
    result = invoke_deploy("--skip-build", "--output", str(built))
    assert result.returncode != 0
    assert "đặt biến môi trường DEPLOY_TARGET" in result.stderr


def test_ssh_command_line_uses_port_and_key(tmp_path):
    key = write_files(tmp_path, {"id_ed25519": "khóa thử"}) / "id_ed25519"
    settings = read_settings(
        {
            "DEPLOY_TARGET": "portal@web.phuonghoabinh.vn:/var/www/portal",
            "DEPLOY_SSH_PORT": "2222",
            "DEPLOY_SSH_KEY": str(key),
        }
    )
    command = rsync_command(Path("/srv/output"), settings, dry_run=True)
    assert command[0] == "rsync"
    assert "--dry-run" in command and "--delete-delay" in command and "--checksum" in command
    ssh = command[command.index("-e") + 1]
    assert ssh == f"ssh -p 2222 -i {key} -o IdentitiesOnly=yes"
    assert command[-2:] == ["/srv/output/", "portal@web.phuonghoabinh.vn:/var/www/portal/"]


def test_local_folder_target_needs_no_ssh():
    settings = DeploySettings("/var/www/portal/")
    assert not settings.remote
    assert "-e" not in rsync_command(Path("output"), settings)


@pytest.mark.parametrize(
    ("environ", "message"),
    [
        ({"DEPLOY_TARGET": "h:/x", "DEPLOY_SSH_PORT": "ssh"}, 'DEPLOY_SSH_PORT "ssh" phải là số'),
        ({"DEPLOY_TARGET": "h:/x", "DEPLOY_SSH_KEY": "/khong/co"}, "không thấy tệp khóa"),
        ({}, "DEPLOY_TARGET"),
    ],
)
def test_wrong_deploy_settings_are_explained(environ, message):
    with pytest.raises(DeployError, match=message):
        read_settings(environ)
