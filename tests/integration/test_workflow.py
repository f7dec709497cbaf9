"""The publishing workflow: valid, safe (zizmor), pinned, and doing what the README says."""

from __future__ import annotations

import json
import re
import subprocess
import sys
from pathlib import Path

import pytest
import yaml

from tests.support import ROOT

WORKFLOW = ROOT / ".github" / "workflows" / "publish.yml"
DEPENDABOT = ROOT / ".github" / "dependabot.yml"
BIN = Path(sys.executable).parent
# `uses: owner/action@<40 hex digits> # v1.2.3`
PINNED = re.compile(r"^\s*(?:-\s+)?uses:\s*([\w.-]+/[\w./-]+)@[0-9a-f]{40}\s+#\s*v\d+(\.\d+)*\s*$")
SEVERE = {"Medium", "High"}


def _tool(name: str, *args: str | Path, cwd: Path = ROOT) -> subprocess.CompletedProcess:
    return subprocess.run(
        [str(BIN / name), *map(str, args)], cwd=cwd, capture_output=True, text=True, check=False
    )


def zizmor_findings(folder: Path) -> list[dict]:
    """zizmor's findings (offline, no config file that could silence any)."""
    result = _tool("zizmor", "--offline", "--no-config", "--format", "json", ".github", cwd=folder)
    assert result.returncode in {0, 10, 11, 12, 13, 14}, result.stderr
    return json.loads(result.stdout or "[]")


def _severe(findings: list[dict]) -> list[str]:
    return sorted(
        finding["ident"]
        for finding in findings
        if finding["determinations"]["severity"] in SEVERE and not finding.get("ignored")
    )


@pytest.fixture(scope="module")
def workflow() -> dict:
    data = yaml.safe_load(WORKFLOW.read_text(encoding="utf-8"))
    data["on"] = data.pop(True, data.get("on"))  # YAML 1.1 reads the key `on` as True
    return data


def _steps(workflow: dict, job: str) -> list[dict]:
    return workflow["jobs"][job]["steps"]


def _uses(workflow: dict, job: str) -> list[str]:
    return [step["uses"].split("@")[0] for step in _steps(workflow, job) if "uses" in step]


def test_workflow_validates_against_the_github_workflow_schema():
    result = _tool("check-jsonschema", "--builtin-schema", "vendor.github-workflows", WORKFLOW)
    assert result.returncode == 0, result.stdout + result.stderr


def test_dependabot_config_validates_against_its_schema():
    result = _tool("check-jsonschema", "--builtin-schema", "vendor.dependabot", DEPENDABOT)
    assert result.returncode == 0, result.stdout + result.stderr


def test_zizmor_finds_nothing_of_medium_severity_or_above():
    assert _severe(zizmor_findings(ROOT)) == []
    assert "zizmor: ignore" not in WORKFLOW.read_text(encoding="utf-8")


def test_zizmor_check_does_flag_an_unsafe_workflow(tmp_path):
    """The check above can fail: the same call on a careless workflow reports it."""
    bad = tmp_path / ".github" / "workflows" / "bad.yml"
    bad.parent.mkdir(parents=True)
    bad.write_text(
        "on: [push]\njobs:\n  a:\n    runs-on: ubuntu-24.04\n    steps:\n"
        "      - uses: actions/checkout@v4\n"
        '      - run: echo "${{ github.event.head_commit.message }}"\n',
        encoding="utf-8",
    )
    assert {"template-injection", "unpinned-uses"} <= set(_severe(zizmor_findings(tmp_path)))


def test_every_action_is_pinned_to_a_commit_with_its_version():
    lines = [line for line in WORKFLOW.read_text(encoding="utf-8").splitlines() if "uses:" in line]
    assert len(lines) == 6
    for line in lines:
        match = PINNED.match(line)
        assert match, f"not pinned to a full SHA with a version comment: {line.strip()}"
        assert match.group(1).startswith("actions/"), "only GitHub's official actions"


def test_runs_on_push_to_main_by_hand_and_every_day(workflow):
    triggers = workflow["on"]
    assert triggers["push"]["branches"] == ["main"]
    assert "workflow_dispatch" in triggers
    assert len(triggers["schedule"]) == 1
    # minute hour * * *: every day of every month
    assert triggers["schedule"][0]["cron"].split()[2:] == ["*", "*", "*"]


def test_least_privilege_and_one_run_at_a_time(workflow):
    assert workflow["permissions"] == {}
    assert workflow["concurrency"]["cancel-in-progress"] is False
    assert workflow["jobs"]["build"]["permissions"] == {"contents": "read", "pages": "read"}
    deploy = workflow["jobs"]["deploy"]
    assert deploy["permissions"] == {"pages": "write", "id-token": "write"}
    assert deploy["needs"] == "build"
    assert deploy["environment"]["name"] == "github-pages"
    checkout = next(s for s in _steps(workflow, "build") if "checkout" in s.get("uses", ""))
    assert checkout["with"]["persist-credentials"] is False


def test_build_checks_tests_and_builds_for_production(workflow):
    commands = [step["run"] for step in _steps(workflow, "build") if "run" in step]
    assert commands.index("./portal check") < commands.index("./portal test")
    assert commands.index("./portal test") < commands.index("./portal build --prod")
    build = next(s for s in _steps(workflow, "build") if s.get("run") == "./portal build --prod")
    assert "steps.pages.outputs.base_url" in build["env"]["SITEURL"]
    assert _uses(workflow, "build")[-1] == "actions/upload-pages-artifact"
    assert _uses(workflow, "deploy") == ["actions/deploy-pages"]


def test_pip_and_pelican_caches_are_kept(workflow):
    steps = _steps(workflow, "build")
    python = next(s for s in steps if "setup-python" in s.get("uses", ""))
    assert python["with"]["cache"] == "pip"
    cache = next(s for s in steps if s.get("uses", "").startswith("actions/cache@"))
    assert cache["with"]["path"] == "cache"
    assert "hashFiles(" in cache["with"]["key"]
    assert "plugins/**" in cache["with"]["key"]
    # The cache is reused across a fresh checkout because Pelican compares hashes.
    settings = (ROOT / "pelicanconf.py").read_text(encoding="utf-8")
    assert re.search(r'^CHECK_MODIFIED_METHOD = "sha1"$', settings, re.MULTILINE)
    assert re.search(r'^CACHE_PATH = "cache"$', settings, re.MULTILINE)
