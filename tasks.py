"""Tasks for editors, developers and CI (run through ``./portal <task>``).

`./portal serve` builds the demo portal and serves it; `./portal test` runs the
whole test suite. Both set up .venv first (see run.py).
"""

from __future__ import annotations

import os
import shutil
import sys
import tempfile
import venv
from pathlib import Path

from invoke import task

ROOT = Path(__file__).resolve().parent
sys.path.insert(0, str(ROOT / "plugins"))

CONFIG = {
    "settings_base": ROOT / "pelicanconf.py",
    "settings_publish": ROOT / "publishconf.py",
    "output": ROOT / "output",
    "host": "127.0.0.1",
    "port": 8000,
}


def _python(c) -> str:
    return sys.executable


@task
def build(c, prod=False, output=""):
    """Build the site (development settings; --prod for publishconf.py)."""
    from portal_core.processes import skip_collection_at_exit  # noqa: PLC0415 - needs sys.path
    from portal_core.runner import build as run_build  # noqa: PLC0415

    settings = CONFIG["settings_publish" if prod else "settings_base"]
    overrides = {"OUTPUT_PATH": str(Path(output).resolve())} if output else None
    skip_collection_at_exit()
    status = run_build(settings, overrides)
    if status:
        sys.exit(status)


@task(
    help={
        "fix": "convert files to UTF-8 and composed Unicode (NFC) first",
        "path": "content folder to check (default: content/)",
    }
)
def check(c, fix=False, path=""):
    """Check all content in seconds, as the build does (--fix repairs encodings)."""
    from content_checks.cli import run_check  # noqa: PLC0415 - needs sys.path

    overrides = {"PATH": str(Path(path).resolve())} if path else None
    status = run_check(CONFIG["settings_base"], overrides, fix=fix)
    if status:
        sys.exit(status)


@task(
    help={
        "kind": "article, notice or document",
        "title": "the title, in Vietnamese",
        "category": "article: its category, e.g. 'Tin tức sự kiện'",
        "type": "document: its type, e.g. 'Kế hoạch'",
        "number": "document: its number and symbol, e.g. '30/KH-MTTQ'",
        "path": "content folder to write into (default: content/)",
    }
)
def new(c, kind, title, category="", type="", number="", path=""):  # noqa: PLR0917 - options
    """Start a new article, page, notice or document (a draft with every field)."""
    from content_checks.scaffold import ScaffoldError, scaffold  # noqa: PLC0415
    from portal_core.clock import build_now  # noqa: PLC0415
    from portal_core.problems import display_path  # noqa: PLC0415
    from portal_core.runner import load_settings  # noqa: PLC0415

    overrides = {"PATH": str(Path(path).resolve())} if path else None
    settings = load_settings(CONFIG["settings_base"], overrides)
    try:
        created = scaffold(
            kind,
            title,
            settings,
            build_now(settings),
            category=category,
            doc_type=type,
            number=number,
        )
    except ScaffoldError as error:
        print(f"Không tạo được tệp: {error}", file=sys.stderr)
        sys.exit(1)
    print(f"Đã tạo {display_path(created)} (bản nháp).")
    print('Viết xong, xóa dòng "Status: draft" rồi chạy ./portal check để đăng.')


@task
def clean(c):
    """Remove the generated site and the content cache."""
    output = CONFIG["output"]
    # Also staging folders a killed build left beside output/ (.output.building-*).
    leftovers = sorted(output.parent.glob(f".{output.name}.*"))
    for folder in (output, ROOT / "cache", *leftovers):
        if folder.exists():
            shutil.rmtree(folder)


@task(pre=[build])
def serve(c, port=CONFIG["port"]):
    """Build, then serve the site on http://127.0.0.1:8000 (Ctrl+C to stop)."""
    # Our server, not pelican.listen: a missing address gets 404.html, as on the host.
    from portal_core.server import serve as serve_site  # noqa: PLC0415 - needs sys.path

    print(f"Trang thử nghiệm: http://{CONFIG['host']}:{port}/  (Ctrl+C để dừng)")
    serve_site(CONFIG["output"], CONFIG["host"], int(port))


@task(
    aliases=["livereload"],
    help={"port": "port on 127.0.0.1 (default 8000)", "output": "build folder (default output/)"},
)
def preview(c, port=CONFIG["port"], output=""):
    """Live preview: serve the site, re-render only the pages a saved change touches."""
    from live_preview.preview import run_preview  # noqa: PLC0415 - needs sys.path

    folder = Path(output).resolve() if output else CONFIG["output"]
    watched = [ROOT / "content", ROOT / "theme", CONFIG["settings_base"]]
    run_preview(
        CONFIG["settings_base"], folder, watched, print, host=CONFIG["host"], port=int(port)
    )


@task(help={"port": "port of the preview on 127.0.0.1 (default 8000)"})
def edit(c, port=CONFIG["port"]):
    """Write in the browser: the editor /quan-tri/ on this computer (no account needed)."""
    from admin_ui.collections import DEFAULT_LOCAL_PORT  # noqa: PLC0415 - needs sys.path
    from admin_ui.local import start_server  # noqa: PLC0415

    from build_speed.preview import run_preview  # noqa: PLC0415
    from portal_core.runner import load_settings  # noqa: PLC0415

    settings = load_settings(CONFIG["settings_base"])
    backend_port = int(settings.get("EDITOR_LOCAL_PORT", DEFAULT_LOCAL_PORT))
    try:
        server = start_server(ROOT, backend_port)
    except RuntimeError as error:
        sys.exit(f"Không mở được trình soạn thảo: {error} Cổng {backend_port} có thể đang bận.")
    base = f"http://{CONFIG['host']}:{port}"
    print(f"Trình soạn thảo: {base}/quan-tri/  (bấm “Đăng nhập”, không cần tài khoản)")
    print("Bài lưu thẳng vào thư mục content/; nhớ commit bằng git để đưa lên mạng.")
    try:
        watched = [ROOT / "content", ROOT / "theme", CONFIG["settings_base"]]
        run_preview(
            CONFIG["settings_base"],
            CONFIG["output"],
            watched,
            print,
            host=CONFIG["host"],
            port=int(port),
        )
    finally:
        server.terminate()
        server.wait(timeout=10)


@task(
    help={
        "articles": "corpus sizes, comma-separated (default 1000,10000; e.g. 10000,20000)",
        "runs": "measured runs of each kind; medians are reported (default 3)",
        "output": "folder for corpora, builds and JSON results (default bench-results/)",
        "no_stock": "skip the stock Pelican builds",
        "no_search": "portal builds without the search index (Pagefind)",
        "no_edits": "skip the preview's edit timings",
    }
)
def bench(  # noqa: PLR0917 - invoke options
    c, articles="1000,10000", runs=3, output="", no_stock=False, no_search=False, no_edits=False
):
    """Benchmark the portal against stock Pelican on a generated corpus (not a test)."""
    from bench.run import main as run_bench  # noqa: PLC0415 - a top-level package

    argv = ["--articles", articles, "--runs", str(runs)]
    if output:
        argv += ["--output", output]
    if no_stock:
        argv.append("--no-stock")
    if no_search:
        argv.append("--no-search")
    if no_edits:
        argv.append("--no-edits")
    sys.exit(run_bench(argv))


@task(
    help={
        "dry_run": "list what would change on the server, change nothing",
        "skip_build": "send the output folder as it is (already built with --prod)",
        "output": "folder to send (default: output/)",
    }
)
def deploy(c, dry_run=False, skip_build=False, output=""):
    """Build for production and copy the site to the unit's own server (rsync/SSH)."""
    import shlex  # noqa: PLC0415 - only needed here

    from portal_core.deploy import DeployError, read_settings, rsync_command  # noqa: PLC0415
    from portal_core.processes import skip_collection_at_exit  # noqa: PLC0415
    from portal_core.runner import build as run_build  # noqa: PLC0415

    skip_collection_at_exit()
    try:
        settings = read_settings(os.environ)
    except DeployError as error:
        sys.exit(f"KHÔNG ĐƯA LÊN ĐƯỢC: {error}")
    if not shutil.which("rsync"):
        sys.exit("KHÔNG ĐƯA LÊN ĐƯỢC: máy này chưa có rsync (Debian: apt-get install rsync).")
    folder = Path(output).resolve() if output else CONFIG["output"]
    if not skip_build:
        status = run_build(CONFIG["settings_publish"], {"OUTPUT_PATH": str(folder)})
        if status:
            sys.exit(status)
    if not (folder / "index.html").is_file():
        sys.exit(f"KHÔNG ĐƯA LÊN ĐƯỢC: {folder} chưa có trang đã dựng (./portal build --prod).")
    note = " (chạy thử: không thay đổi gì trên máy chủ)" if dry_run else ""
    print(f"Đưa {folder} lên {settings.target}{note}")
    result = c.run(shlex.join(rsync_command(folder, settings, dry_run=dry_run)), warn=True)
    if result.exited:
        sys.exit(f"rsync dừng với mã {result.exited}; trang trên máy chủ chưa thay đổi hết.")


@task(
    help={
        "pages": "page types to audit (audit/pages.py), default home,article,category,documents",
        "output": "folder for the Lighthouse JSON reports (default audit-results/)",
    }
)
def audit(c, pages="home,article,category,documents", output=""):
    """Lighthouse on the production build served locally: scores and page weights."""
    from audit.run import main as run_audit  # noqa: PLC0415 - a top-level package

    argv = ["--pages", pages] + (["--output", output] if output else [])
    sys.exit(run_audit(argv))


@task(
    name="import",
    help={
        "source": "WordPress export (.xml), NukeViet dump (.sql) or folder of saved pages",
        "unit": 'the old unit, e.g. "Ủy ban MTTQ phường An Khánh (cũ)"',
        "uploads": "the old site's files (uploads folder or mirror); nothing is downloaded",
        "site_url": "the old site's address, e.g. https://ankhanh.lamgiang.gov.vn",
        "categories": "category mapping file (default: import/<unit>-chuyen-muc.toml)",
        "dry_run": "read and report, write nothing",
        "path": "content folder (default: content/)",
    },
)
def import_(c, source, unit, uploads="", site_url="", categories="", dry_run=False, path=""):  # noqa: PLR0917
    """Bring an old portal's news, pages and documents in, with redirects (issue 16)."""
    from importer.cli import main  # noqa: PLC0415 - needs sys.path

    status = main(
        CONFIG["settings_base"], source, unit, uploads=uploads, site_url=site_url,
        categories=categories, dry_run=dry_run, path=path,
    )  # fmt: skip
    if status:
        sys.exit(status)


@task(
    name="bench-import",
    help={"articles": "number of articles in the generated NukeViet dump", "keep": "keep files"},
)
def bench_import(c, articles=10000, keep=False):
    """Time `import` of a generated NukeViet dump (a benchmark, never a test)."""
    from importer.bench import run  # noqa: PLC0415 - needs sys.path

    run(CONFIG["settings_base"], int(articles), keep=keep)


@task(help={"args": "extra arguments for pytest, e.g. '-k dates -x'"})
def test(c, args=""):
    """Run the whole test suite (lint included)."""
    lint(c)
    c.run(f"{_python(c)} -m pytest {args}", pty=False)


@task
def lint(c, fix=False):
    """Check the Python code with ruff (--fix to correct what it can)."""
    ruff = f"{_python(c)} -m ruff"
    if fix:
        c.run(f"{ruff} check --fix .")
        c.run(f"{ruff} format .")
    else:
        c.run(f"{ruff} check .")
        c.run(f"{ruff} format --check .")


def _freeze(c, venv_dir: Path, requirements: list[str]) -> list[str]:
    """Install ``requirements`` into a fresh venv and return its pins."""
    venv.EnvBuilder(with_pip=True).create(venv_dir)
    pip = venv_dir / ("Scripts" if os.name == "nt" else "bin") / "pip"
    files = " ".join(f"-r {ROOT / name}" for name in requirements)
    c.run(f"{pip} install --quiet {files}")
    return c.run(f"{pip} freeze", hide=True).stdout.splitlines()


@task
def lock(c):
    """Re-pin requirements*.txt from requirements*.in in throwaway venvs."""
    with tempfile.TemporaryDirectory() as tmp:
        runtime = _freeze(c, Path(tmp) / "runtime", ["requirements.in"])
        dev = _freeze(c, Path(tmp) / "dev", ["requirements.in", "requirements-dev.in"])
    header = "# Exact pins for {} (generated from {} by `invoke lock`).\n"
    (ROOT / "requirements.txt").write_text(
        header.format("building the site", "requirements.in") + "\n".join(runtime) + "\n"
    )
    dev_only = [line for line in dev if line not in set(runtime)]
    (ROOT / "requirements-dev.txt").write_text(
        header.format("tests and tools", "requirements-dev.in")
        + "-r requirements.txt\n"
        + "\n".join(dev_only)
        + "\n"
    )
