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
    assert len(lines) == 9
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
    jobs = workflow["jobs"]
    assert workflow["permissions"] == {}
    assert workflow["concurrency"]["cancel-in-progress"] is False
    assert jobs["scope"]["permissions"] == {"contents": "read", "actions": "read"}
    assert jobs["test"]["permissions"] == {"contents": "read"}
    assert jobs["build"]["permissions"] == {"contents": "read", "pages": "read"}
    assert jobs["deploy"]["permissions"] == {"pages": "write", "id-token": "write"}
    assert jobs["keepalive"]["permissions"] == {"actions": "write"}
    assert jobs["deploy"]["environment"]["name"] == "github-pages"
    for job in ("scope", "test", "build"):
        checkout = next(s for s in _steps(workflow, job) if "checkout" in s.get("uses", ""))
        assert checkout["with"]["persist-credentials"] is False, job


def _commands(workflow: dict, job: str) -> list[str]:
    return [step["run"] for step in _steps(workflow, job) if "run" in step]


def test_build_checks_and_builds_for_production_without_the_suite(workflow):
    commands = _commands(workflow, "build")
    assert commands.index("./portal check") < commands.index("./portal build --prod")
    assert "./portal test" not in commands  # an urgent notice never waits for it
    build = next(s for s in _steps(workflow, "build") if s.get("run") == "./portal build --prod")
    assert "steps.pages.outputs.base_url" in build["env"]["SITEURL"]
    assert _uses(workflow, "build")[-1] == "actions/upload-pages-artifact"
    assert _uses(workflow, "deploy") == ["actions/deploy-pages"]


def test_the_suite_runs_only_when_more_than_content_changed(workflow):
    jobs = workflow["jobs"]
    assert "./portal test" in _commands(workflow, "test")
    assert jobs["test"]["needs"] == "scope"
    assert jobs["test"]["if"] == "needs.scope.outputs.full == 'true'"
    assert jobs["build"]["needs"] == "scope"  # builds beside the suite, not after it
    assert jobs["scope"]["outputs"]["full"] == "${{ steps.scope.outputs.full }}"
    (decide,) = [s for s in _steps(workflow, "scope") if s.get("id") == "scope"]
    assert "python3 scripts/publish_scope.py" in decide["run"]
    assert '>> "$GITHUB_OUTPUT"' in decide["run"]
    # The base is the last *successful* run of this very workflow on main.
    assert f"actions/workflows/{WORKFLOW.name}/runs?branch=main&status=success" in decide["run"]
    checkout = _steps(workflow, "scope")[0]["with"]
    assert checkout["fetch-depth"] == 0  # the base commit must be in the history


def test_deploy_waits_for_the_suite_whenever_it_runs(workflow):
    deploy = workflow["jobs"]["deploy"]
    assert deploy["needs"] == ["scope", "test", "build"]
    condition = " ".join(deploy["if"].split())
    # One expression and nothing around it (text outside ${{ }} makes it always true).
    assert condition.startswith("${{ ") and condition.endswith(" }}")
    assert condition.count("${{") == 1
    condition = condition.removeprefix("${{ ").removesuffix(" }}")
    assert condition.startswith("!cancelled() && github.ref == 'refs/heads/main'")
    assert "&& needs.build.result == 'success'" in condition
    # Deploy when the suite passed, or when it was skipped *because* only
    # content changed; a failed or cancelled suite never deploys.
    assert condition.endswith(
        "&& (needs.test.result == 'success' || (needs.test.result == 'skipped' "
        "&& needs.scope.outputs.full == 'false'))"
    )


def test_the_daily_rebuild_survives_60_days_without_a_push(workflow):
    keepalive = workflow["jobs"]["keepalive"]
    assert keepalive["if"] == "github.event_name == 'schedule'"
    (step,) = keepalive["steps"]
    assert step["run"].startswith("gh api --method PUT ")
    assert f"actions/workflows/{WORKFLOW.name}/enable" in step["run"]
    assert step["env"]["GH_TOKEN"] == "${{ github.token }}"
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    publishing = readme.split("## Xuất bản", 1)[1].split("\n## ", 1)[0]
    assert "60 ngày" in publishing


def test_pip_and_pelican_caches_and_the_published_site_are_kept(workflow):
    for job in ("test", "build"):
        python = next(s for s in _steps(workflow, job) if "setup-python" in s.get("uses", ""))
        assert python["with"]["cache"] == "pip"
    steps = _steps(workflow, "build")
    cache = next(s for s in steps if s.get("uses", "").startswith("actions/cache@"))
    # The last published site comes back with the cache: a content push
    # renders only the pages it changes (tests/integration/test_published_reuse.py).
    assert cache["with"]["path"].split() == ["cache", "output"]
    build = next(s for s in steps if "./portal build --prod" in s.get("run", ""))
    check = next(s for s in steps if s.get("run", "") == "./portal check")
    # The check takes unchanged files' reports from the cache (content_checks.memo).
    assert steps.index(cache) < steps.index(check) < steps.index(build)
    production = (ROOT / "publishconf.py").read_text(encoding="utf-8")
    assert re.search(r"^BUILD_SPEED_REUSE_PAGES = True$", production, re.MULTILINE)
    assert "hashFiles(" in cache["with"]["key"]
    assert "plugins/**" in cache["with"]["key"]
    # The cache is reused across a fresh checkout because Pelican compares hashes.
    settings = (ROOT / "pelicanconf.py").read_text(encoding="utf-8")
    assert re.search(r'^CHECK_MODIFIED_METHOD = "sha1"$', settings, re.MULTILINE)
    assert re.search(r'^CACHE_PATH = "cache"$', settings, re.MULTILINE)


# --- scripts/publish_scope.py on a real git history --------------------------------


def _git(repo: Path, *args: str) -> str:
    result = subprocess.run(
        ["git", "-c", "user.name=Biên tập", "-c", "user.email=bt@example.vn", *args],
        cwd=repo,
        capture_output=True,
        text=True,
        check=True,
    )
    return result.stdout.strip()


def _commit(repo: Path, files: dict[str, str], *, remove: tuple[str, ...] = ()) -> str:
    for relative, text in files.items():
        (repo / relative).parent.mkdir(parents=True, exist_ok=True)
        (repo / relative).write_text(text, encoding="utf-8")
    for relative in remove:
        _git(repo, "rm", "-q", relative)
    _git(repo, "add", "-A")
    _git(repo, "commit", "-q", "-m", "thay đổi")
    return _git(repo, "rev-parse", "HEAD")


def _scope(repo: Path, event: str, base: str) -> tuple[str, str]:
    """Run the script exactly as the workflow does; (its $GITHUB_OUTPUT line, its log)."""
    result = subprocess.run(
        [
            sys.executable,
            str(ROOT / "scripts" / "publish_scope.py"),
            "--event",
            event,
            "--base",
            base,
        ],
        cwd=repo,
        capture_output=True,
        text=True,
        check=True,
    )
    return result.stdout.strip(), result.stderr


@pytest.fixture
def repo(tmp_path: Path) -> tuple[Path, str]:
    """A unit's repository whose first commit was published successfully."""
    folder = tmp_path / "repo"
    folder.mkdir()
    _git(folder, "init", "-q", "-b", "main")
    published = _commit(
        folder,
        {
            "content/notices/2026-12-01-a.md": "Title: A\n",
            "plugins/listings/listings.py": "X = 1\n",
            "pelicanconf.py": "SITENAME = 'a'\n",
        },
    )
    return folder, published


@pytest.mark.parametrize(
    ("change", "full"),
    [
        ({"content/notices/2026-12-06-khan.md": "Title: Thông báo khẩn\n"}, "false"),
        ({"content/images/2026/anh.jpg": "jpeg"}, "false"),
        ({"plugins/listings/listings.py": "X = 2\n"}, "true"),
        ({"theme/templates/base.html": "<html>"}, "true"),
        ({"pelicanconf.py": "SITENAME = 'b'\n"}, "true"),
        ({"requirements.txt": "pelican==4.12.0\n"}, "true"),
        ({".github/workflows/publish.yml": "name: x\n"}, "true"),
        ({"content/a.md": "A\n", "README.md": "B\n"}, "true"),
    ],
    ids=["notice", "photo", "plugin", "theme", "settings", "requirements", "workflow", "mixed"],
)
def test_scope_runs_the_suite_unless_only_content_changed(repo, change, full):
    folder, published = repo
    _commit(folder, change)
    assert _scope(folder, "push", published)[0] == f"full={full}"


def test_untested_code_is_never_published_by_a_later_content_push(repo):
    """Code pushed, its tests failed (not published); then a notice: still the full suite."""
    folder, published = repo
    _commit(folder, {"plugins/listings/listings.py": "X = 'hỏng'\n"})
    _commit(folder, {"content/notices/2026-12-06-khan.md": "Title: Khẩn\n"})
    assert _scope(folder, "push", published)[0] == "full=true"
    assert _scope(folder, "schedule", published)[0] == "full=true"


def test_code_moved_into_content_counts_as_a_code_change(repo):
    folder, published = repo
    _git(folder, "mv", "plugins/listings/listings.py", "content/listings.py")
    _git(folder, "commit", "-q", "-m", "chuyển")
    assert _scope(folder, "push", published)[0] == "full=true"


def test_morning_rebuild_with_nothing_new_skips_the_suite(repo):
    folder, published = repo
    output, log = _scope(folder, "schedule", published)
    assert output == "full=false"
    assert "chỉ nội dung thay đổi (0 tệp)" in log


@pytest.mark.parametrize(
    ("event", "base"),
    [
        ("workflow_dispatch", "HEAD"),  # a person asked for a full run
        ("push", ""),  # first publication: nothing to compare with
        ("push", "0" * 40),  # the base commit is unknown here
    ],
    ids=["by-hand", "first-run", "unknown-base"],
)
def test_scope_runs_the_suite_when_in_doubt(repo, event, base):
    folder, published = repo
    _commit(folder, {"content/notices/2026-12-06-khan.md": "Title: Khẩn\n"})
    base = published if base == "HEAD" else base
    output, log = _scope(folder, event, base)
    assert output == "full=true"
    assert "chạy đủ bộ kiểm thử" in log


def test_rewritten_history_runs_the_suite(repo):
    folder, _ = repo
    _commit(folder, {"plugins/listings/listings.py": "X = 3\n"})
    published = _git(folder, "rev-parse", "HEAD")
    _git(folder, "reset", "-q", "--hard", "HEAD~1")  # force-pushed away
    _commit(folder, {"content/notices/2026-12-06-khan.md": "Title: Khẩn\n"})
    assert _scope(folder, "push", published)[0] == "full=true"
