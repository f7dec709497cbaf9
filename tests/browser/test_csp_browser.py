"""The README's recommended Content-Security-Policy holds on every demo page type.

The demo is served by a real local server that sends the policy exactly as the
README writes it; Chromium reports anything the policy blocks (an inline
style or script, a foreign request) as a ``securitypolicyviolation`` event and
a console message, and either fails the test.
"""

from __future__ import annotations

import re
import threading
from collections.abc import Iterator
from pathlib import Path

import pytest

from audit.pages import page_types
from portal_core.server import SiteRequestHandler, site_server
from tests.support import ROOT

pytestmark = pytest.mark.browser


def readme_policy() -> str:
    """The one-line policy in README.md's "Content-Security-Policy khuyến nghị"."""
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    section = readme.split("#### Content-Security-Policy khuyến nghị", 1)[1]
    (policy,) = re.findall(r"```text\n(default-src [^\n]+)\n```", section)[:1]
    return policy


class _PolicyHandler(SiteRequestHandler):
    policy = ""

    def end_headers(self) -> None:
        self.send_header("Content-Security-Policy", self.policy)
        super().end_headers()


@pytest.fixture(scope="module")
def strict_url(built_site: Path) -> Iterator[str]:
    handler = type("Handler", (_PolicyHandler,), {"policy": readme_policy()})
    server = site_server(built_site, "127.0.0.1", 0, handler)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    try:
        yield f"http://127.0.0.1:{server.server_address[1]}"
    finally:
        server.shutdown()
        server.server_close()


def _pages(site: Path) -> dict[str, str]:
    pages = dict(page_types(site))
    # Pagefind (WebAssembly and a worker) loads only once a query is typed.
    pages["search"] += "?q=h%E1%BB%99i+ngh%E1%BB%8B"
    # Every article with a table: aligned columns must not need inline styles.
    for path in sorted(site.glob("20*/*/*/*/index.html")):
        if "<table" in path.read_text(encoding="utf-8"):
            pages["table " + path.parent.name] = (
                "/" + path.parent.relative_to(site).as_posix() + "/"
            )
    return pages


def test_readme_policy_is_strict():
    policy = readme_policy()
    assert "'unsafe-inline'" not in policy
    assert "style-src 'self';" in policy
    assert "script-src 'self' 'wasm-unsafe-eval';" in policy


def test_no_page_breaks_the_recommended_policy(built_site, strict_url, page):
    violations: list[str] = []

    def on_console(message) -> None:
        if "Content Security Policy" in message.text or "Content-Security-Policy" in message.text:
            violations.append(message.text)

    page.on("console", on_console)
    page.add_init_script(
        """document.addEventListener("securitypolicyviolation", (event) => {
            const where = `${event.sourceFile}:${event.lineNumber}`;
            (window.__csp = window.__csp || []).push(
                `${event.violatedDirective} ${event.blockedURI} ${where}`
            );
        });"""
    )
    pages = _pages(built_site)
    assert any(name.startswith("table ") for name in pages)
    checked = []
    for name, path in pages.items():
        response = page.goto(strict_url + path, wait_until="load")
        assert response.headers["content-security-policy"] == readme_policy()
        if name == "search":
            page.wait_for_selector(".search-result", timeout=15_000)
        page.wait_for_timeout(200)  # reports are queued as tasks
        found = page.evaluate("window.__csp || []")
        violations += [f"{name} ({path}): {item}" for item in found]
        checked.append(name)
    assert violations == [], "\n".join(violations)
    assert "not-found" in checked and "search" in checked
