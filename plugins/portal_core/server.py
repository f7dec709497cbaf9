"""Serve a built site on this machine the way the public host serves it.

GitHub Pages (and the nginx/Apache set-up in the README) answer an address
that does not exist with the site's own ``404.html`` and status 404. Pelican's
development server answers it with nothing at all (the browser shows
ERR_EMPTY_RESPONSE) and Python's with an English error page, so an editor
checking a link never saw what readers will see. ``./portal serve`` and
``./portal preview`` both use :class:`SiteRequestHandler`.
"""

from __future__ import annotations

import functools
import http.server
from http import HTTPStatus
from pathlib import Path
from typing import Any

NOT_FOUND_PAGE = "404.html"


class SiteRequestHandler(http.server.SimpleHTTPRequestHandler):
    """Static files of one output folder; the site's 404.html for a missing one."""

    # Pagefind's WebAssembly must be served as such for streaming compilation.
    extensions_map = {  # noqa: RUF012 - the base class declares it a plain dict
        **http.server.SimpleHTTPRequestHandler.extensions_map,
        ".wasm": "application/wasm",
        ".webp": "image/webp",
    }

    def log_message(self, format: str, *args: Any) -> None:
        """Keep the console for build messages, not one line per request."""

    def send_error(self, code: int, message: str | None = None, explain: str | None = None) -> None:
        """Answer 404 with the site's own page, as the public host does."""
        page = Path(self.directory) / NOT_FOUND_PAGE
        if code != HTTPStatus.NOT_FOUND or not page.is_file():
            super().send_error(code, message, explain)
            return
        body = page.read_bytes()
        self.send_response(code, message)
        self.send_header("Content-Type", "text/html; charset=utf-8")
        self.send_header("Content-Length", str(len(body)))
        self.send_header("Connection", "close")
        self.end_headers()
        if self.command != "HEAD":
            self.wfile.write(body)


def site_server(
    output: Path, host: str, port: int, handler: type[SiteRequestHandler] = SiteRequestHandler
) -> http.server.ThreadingHTTPServer:
    """A server for ``output`` on ``host:port`` (0 = any free port), not yet started."""
    http.server.ThreadingHTTPServer.allow_reuse_address = True
    return http.server.ThreadingHTTPServer(
        (host, port), functools.partial(handler, directory=str(output))
    )


def serve(output: Path, host: str, port: int) -> None:
    """Serve ``output`` until Ctrl+C."""
    server = site_server(output, host, port)
    try:
        server.serve_forever()
    except KeyboardInterrupt:
        pass
    finally:
        server.server_close()
