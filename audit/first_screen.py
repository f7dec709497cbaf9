"""Where content starts on a phone, per page type (issue 19 measurements).

    .venv/bin/python -m audit.first_screen output

Serves a built site on 127.0.0.1 and prints, for each page type
(audit/pages.py) at 390x844 and 320x640, with and without JavaScript, the top
of <main> and the bottom of the first title (the page's own title, else the
first list item), in CSS pixels from the top of the page. The search page is
measured with the query "hoi nghi" when JavaScript is on.
"""

from __future__ import annotations

import functools
import http.server
import sys
import threading
from pathlib import Path

from audit.pages import page_types

CHROMIUM = "/usr/bin/chromium"
SCREENS = ((390, 844), (320, 640))
MEASURE_JS = """
() => {
  const main = document.querySelector("main");
  const shown = (el) => el && el.getBoundingClientRect().height > 0;
  const pick = (sel) => [...main.querySelectorAll(sel)].find(shown);
  const item = pick(".article__title, .document__title")
    || pick(".featured__title, .article-list__title, .search-result__title,"
            + " .doc-register__number, .notice-item__title")
    || pick("h1");
  const y = (value) => Math.round(value + window.scrollY);
  const bottom = item ? y(item.getBoundingClientRect().bottom) : null;
  return [y(main.getBoundingClientRect().top), bottom];
}
"""


class _Quiet(http.server.SimpleHTTPRequestHandler):
    def log_message(self, *args) -> None:
        """No access log."""


def measure(site: Path) -> dict[str, list[tuple[int, int | None]]]:
    """``{page type: [(main top, first title bottom) per screen and JS setting]}``."""
    from playwright.sync_api import sync_playwright  # noqa: PLC0415 - heavy import

    handler = functools.partial(_Quiet, directory=str(site))
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), handler)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    base = f"http://127.0.0.1:{server.server_port}"
    found: dict[str, list] = {}
    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=CHROMIUM)
        for width, height in SCREENS:
            for javascript in (True, False):
                context = browser.new_context(
                    viewport={"width": width, "height": height},
                    is_mobile=True,
                    java_script_enabled=javascript,
                )
                tab = context.new_page()
                for kind, path in page_types(site).items():
                    query = "?q=hoi+nghi" if kind == "search" and javascript else ""
                    tab.goto(base + path + query, wait_until="networkidle")
                    if kind == "search" and javascript:
                        tab.locator(".search-result").first.wait_for(timeout=10000)
                    found.setdefault(kind, []).append(tuple(tab.evaluate(MEASURE_JS)))
                context.close()
        browser.close()
    server.shutdown()
    return found


def main() -> None:
    """Print the table for the site folder given on the command line."""
    site = Path(sys.argv[1] if len(sys.argv) > 1 else "output")
    columns = [f"{w}x{h} {'js' if js else 'no-js'}" for w, h in SCREENS for js in (True, False)]
    lines = [f"{'page type':16} " + " ".join(f"{c:>16}" for c in columns)]
    for kind, values in measure(site).items():
        lines.append(
            f"{kind:16} " + " ".join(f"{f'{top} / {bottom}':>16}" for top, bottom in values)
        )
    sys.stdout.write("\n".join(lines) + "\n")


if __name__ == "__main__":
    main()
