"""The visitor counter in headless Chromium against a counter server on 127.0.0.1.

The server answers like GoatCounter (``/gc/counter/TOTAL.json`` and
``/gc/counter/<url-encoded path>.json`` with counts formatted as text,
``/gc/count.js``) and like a unit's own JSON endpoint (``/json/total.json``
with ``{"count": n, "online": n}``, ``/json/page/<path>.json``). Each test
sets the server's scenario: a good answer, or one of the ways a counter fails
(HTTP 500, malformed JSON, an answer slower than the 3 s timeout, a negative
or absurd number, markup instead of a number, 404). The portals are served
under a sub-path from another port, so every counter request is cross-origin,
as in production.
"""

from __future__ import annotations

import http.server
import json
import threading
from collections.abc import Iterator
from pathlib import Path
from urllib.parse import unquote

import pytest

from tests.support import build_site, serve, write_files

pytestmark = pytest.mark.browser

PREFIX = "/phuong"
ARTICLE_URL = f"{PREFIX}/2024/05/01/hoi-nghi-cu-tri/"
ARTICLE = """Title: Hội nghị cử tri
Date: 2024-05-01 08:00
Category: Tin tức sự kiện
Summary: Tóm tắt.

Nội dung.
"""
CARRIED_OVER = 1539736  # the JSON portal's count from its old portal
UNREACHABLE = "http://127.0.0.1:9"  # the discard port: nothing listens there
# What the fake GoatCounter knows, by the path the browser really uses.
GOAT_TOTAL = "1 539 736"
GOAT_PAGES = {ARTICLE_URL: "1 564"}
# Good answers of the JSON source: (site total, one page).
JSON_GOOD = {
    "ok": ({"count": 2345, "online": 17}, {"count": 87}),
    "formatted": ({"count": "12,345"}, {"count": "1\u202f564"}),
    "noonline": ({"count": 2345}, {"count": 87}),
}
# How a counter fails, whichever the source: (status, body).
FAILURES: dict[str, tuple[int, object]] = {
    "http500": (500, {"error": "lỗi máy chủ"}),
    "badjson": (200, '{"count": 12'),
    "slow": (200, {"count": 4444444, "online": 3}),
    "negative": (200, {"count": -5, "online": -1}),
    "absurd": (200, {"count": 10**15, "online": "rất nhiều"}),
    "markup": (200, {"count": "<b>9999999</b>", "online": "<img src=x>"}),
    "array": (200, [1, 2, 3]),
    "missing": (404, {"error": "không có số liệu"}),
}
SLOW_SECONDS = 4.5  # past the script's 3 s timeout
# A stand-in for GoatCounter's counting script: it shows that it ran.
COUNT_JS = "document.documentElement.setAttribute('data-counted', 'yes');\n"


class CounterHandler(http.server.BaseHTTPRequestHandler):
    """Answers as GoatCounter (/gc/...) or a JSON endpoint (/json/...)."""

    server: CounterServer

    def log_message(self, format: str, *args) -> None:
        pass

    def send(self, status: int, body: object, kind: str = "application/json") -> None:
        text = body if isinstance(body, str) else json.dumps(body)
        data = text.encode("utf-8")
        try:
            self.send_response(status)
            self.send_header("Content-Type", f"{kind}; charset=utf-8")
            self.send_header("Content-Length", str(len(data)))
            self.send_header("Access-Control-Allow-Origin", "*")
            self.end_headers()
            self.wfile.write(data)
        except OSError:
            pass  # the browser gave up waiting (the timeout test)

    def do_GET(self) -> None:
        self.server.seen.append((self.path, self.headers.get("Cookie")))
        source, _, rest = self.path.split("?")[0].lstrip("/").partition("/")
        if source == "gc" and rest == "count.js":
            self.send(200, COUNT_JS, "text/javascript")
            return
        if source == "gc" and rest == "count":
            self.send(200, "", "image/gif")
            return
        scenario = self.server.scenario
        if scenario in FAILURES:
            if scenario == "slow":
                self.server.stop.wait(SLOW_SECONDS)
            self.send(*FAILURES[scenario])
            return
        self.send(*self.good_answer(source, rest, scenario))

    @staticmethod
    def good_answer(source: str, rest: str, scenario: str) -> tuple[int, object]:
        not_found = (404, {"error": "không có số liệu"})
        if source == "gc" and rest.startswith("counter/") and rest.endswith(".json"):
            key = unquote(rest.removeprefix("counter/").removesuffix(".json"))
            count = GOAT_TOTAL if key == "TOTAL" else GOAT_PAGES.get(key)
            return (200, {"count": count, "count_unique": "1 203"}) if count else not_found
        if source == "json" and rest == "total.json":
            return 200, JSON_GOOD[scenario][0]
        if source == "json" and rest.startswith("page/") and rest.endswith(".json"):
            key = unquote(rest.removeprefix("page/").removesuffix(".json"))
            return (200, JSON_GOOD[scenario][1]) if key in GOAT_PAGES else not_found
        return not_found


class CounterServer(http.server.ThreadingHTTPServer):
    daemon_threads = True

    def __init__(self) -> None:
        super().__init__(("127.0.0.1", 0), CounterHandler)
        self.seen: list[tuple[str, str | None]] = []
        self.scenario = "ok"
        self.stop = threading.Event()


@pytest.fixture(scope="module")
def counter_server() -> Iterator[CounterServer]:
    server = CounterServer()
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    try:
        yield server
    finally:
        server.stop.set()
        server.shutdown()
        server.server_close()


@pytest.fixture
def counter(counter_server: CounterServer) -> tuple[CounterServer, str]:
    """The counter server, reset for this test, and its origin."""
    counter_server.seen.clear()
    counter_server.scenario = "ok"
    return counter_server, f"http://127.0.0.1:{counter_server.server_address[1]}"


def build_portal(folder: Path, **counter_settings) -> Path:
    content = write_files(folder / "content", {"articles/a.md": ARTICLE})
    return build_site(content, folder / "site", SITEURL=PREFIX, VISITOR_COUNTER=counter_settings)


def origin_of(url: str) -> str:
    return url.removesuffix(PREFIX)


@pytest.fixture(scope="module")
def goat_portal(tmp_path_factory, counter_server) -> Iterator[str]:
    """GoatCounter source (self-hosted address), no count known at build time."""
    origin = f"http://127.0.0.1:{counter_server.server_address[1]}"
    site = build_portal(
        tmp_path_factory.mktemp("vc-goat"), source="goatcounter", goatcounter=f"{origin}/gc"
    )
    with serve(site, prefix=PREFIX) as url:
        yield origin_of(url)


@pytest.fixture(scope="module")
def json_portal(tmp_path_factory, counter_server) -> Iterator[str]:
    """JSON source with a page template, carrying over the old portal's count."""
    origin = f"http://127.0.0.1:{counter_server.server_address[1]}"
    site = build_portal(
        tmp_path_factory.mktemp("vc-json"),
        source="json",
        endpoint=f"{origin}/json/total.json",
        page_endpoint=f"{origin}/json/page/{{path}}.json",
        count=CARRIED_OVER,
    )
    with serve(site, prefix=PREFIX) as url:
        yield origin_of(url)


@pytest.fixture
def console(page, counter) -> list[str]:
    """Console errors and warnings, and uncaught exceptions, of the page.

    Chromium itself logs "Failed to load resource" for every HTTP error or
    refused connection; no page can silence that network log, so those lines
    about the counter hosts are left out. Anything the page logs, throws or
    leaves unhandled (a rejected promise) is kept.
    """
    _, origin = counter
    found: list[str] = []

    def on_console(message) -> None:
        if message.type not in {"error", "warning"}:
            return
        where = message.location.get("url", "")
        network = message.text.startswith("Failed to load resource:")
        if network and where.startswith((origin + "/", UNREACHABLE + "/")):
            return
        found.append(f"{message.text} ({where})")

    page.on("console", on_console)
    page.on("pageerror", lambda error: found.append(str(error)))
    return found


def settle(page, selector: str) -> str:
    """Wait until the script is done with ``selector``; return 'live' or 'fallback'."""
    done = page.locator(f"{selector}[data-state='live'], {selector}[data-state='fallback']")
    done.first.wait_for(state="attached", timeout=10_000)
    return done.first.get_attribute("data-state")


def digits(page) -> str:
    return "".join(page.locator(".visitor-counter__digit").all_text_contents())


def label(page) -> str:
    return page.locator(".visitor-counter .visually-hidden").text_content()


def words(text: str) -> str:
    return " ".join(text.split())


def test_goatcounter_counts_replace_the_fallback(page, goat_portal, counter, console):
    server, _ = counter
    page.goto(goat_portal + ARTICLE_URL)
    assert settle(page, "[data-visitor-counter]") == "live"
    assert digits(page) == "1539736"
    assert label(page) == "Số lượt truy cập: 1.539.736"
    # The accessibility tree reads one number, not seven separate digits.
    assert page.locator(".visitor-counter").aria_snapshot().splitlines() == [
        '- region "Số lượt truy cập":',
        '  - heading "Số lượt truy cập" [level=2]',
        '  - paragraph: "Số lượt truy cập: 1.539.736"',
    ]
    assert settle(page, "[data-view-count]") == "live"
    assert page.locator(".view-count").is_visible()
    assert words(page.locator(".view-count").inner_text()) == "Số lượt người xem: 1.564"
    # GoatCounter has no "online" number: no such row at all.
    assert page.locator("[data-counter-online]").count() == 0
    # The counting script came from the configured host and ran; no cookies anywhere.
    page.wait_for_function("document.documentElement.dataset.counted === 'yes'")
    paths = [path for path, _ in server.seen]
    assert "/gc/count.js" in paths
    assert "/gc/counter/TOTAL.json" in paths
    # The page is counted under the path readers see, sub-path included.
    assert "/gc/counter/%2Fphuong%2F2024%2F05%2F01%2Fhoi-nghi-cu-tri%2F.json" in paths
    assert all(cookie is None for _, cookie in server.seen)
    assert page.context.cookies() == []
    assert console == []


def test_json_source_adds_the_carried_over_count_and_shows_online(
    page, json_portal, counter, console
):
    page.goto(json_portal + ARTICLE_URL)
    assert settle(page, "[data-visitor-counter]") == "live"
    assert digits(page) == "1542081"  # 1 539 736 carried over + 2 345 live
    assert label(page) == "Số lượt truy cập: 1.542.081"
    online = page.locator("[data-counter-online]")
    assert online.is_visible()
    assert words(online.inner_text()).upper() == "SỐ LƯỢT ĐANG ONLINE: 17"
    assert settle(page, "[data-view-count]") == "live"
    assert words(page.locator(".view-count").inner_text()) == "Số lượt người xem: 87"
    assert console == []


@pytest.mark.parametrize(
    "case",
    [("formatted", "1.552.081", "1.564"), ("noonline", "1.542.081", "87")],
    ids=["formatted", "noonline"],
)
def test_json_formats_and_a_missing_online_row(page, json_portal, counter, console, case):
    scenario, total, views = case
    server, _ = counter
    server.scenario = scenario
    page.goto(json_portal + ARTICLE_URL)
    assert settle(page, "[data-visitor-counter]") == "live"
    assert label(page) == f"Số lượt truy cập: {total}"
    assert digits(page) == total.replace(".", "")
    assert page.locator("[data-counter-online]").is_hidden()
    assert settle(page, "[data-view-count]") == "live"
    assert page.locator(".view-count__value").inner_text() == views
    assert console == []


@pytest.mark.parametrize("scenario", list(FAILURES))
def test_json_failures_keep_the_carried_over_count(page, json_portal, counter, console, scenario):
    server, _ = counter
    server.scenario = scenario
    page.goto(json_portal + ARTICLE_URL)
    assert settle(page, "[data-visitor-counter]") == "fallback"
    assert digits(page) == "1539736"
    assert label(page) == "Số lượt truy cập: 1.539.736"
    assert page.locator("[data-counter-online]").is_hidden()
    assert settle(page, "[data-view-count]") == "fallback"
    assert page.locator(".view-count").is_hidden()
    # Markup from the network never becomes elements.
    assert page.locator(".visitor-counter img, .visitor-counter b, .view-count b").count() == 0
    assert console == []


@pytest.mark.parametrize("scenario", ["http500", "badjson", "slow", "absurd", "missing"])
def test_goatcounter_failures_show_no_fake_zero(page, goat_portal, counter, console, scenario):
    server, _ = counter
    server.scenario = scenario
    page.goto(goat_portal + ARTICLE_URL)
    assert settle(page, "[data-visitor-counter]") == "fallback"
    assert digits(page) == "–" * 7
    assert label(page) == "Số lượt truy cập: chưa có số liệu"
    assert settle(page, "[data-view-count]") == "fallback"
    assert page.locator(".view-count").is_hidden()
    assert console == []


def test_unreachable_counter_keeps_the_fallback(page, tmp_path, counter, console):
    site = build_portal(tmp_path, source="goatcounter", goatcounter=UNREACHABLE, count=2045)
    with serve(site, prefix=PREFIX) as url:
        page.goto(origin_of(url) + ARTICLE_URL)
        assert settle(page, "[data-visitor-counter]") == "fallback"
        assert digits(page) == "0002045"
        assert settle(page, "[data-view-count]") == "fallback"
        assert page.locator(".view-count").is_hidden()
    assert console == []


def test_home_page_has_no_view_count(page, goat_portal, counter, console):
    page.goto(goat_portal + PREFIX + "/")
    assert settle(page, "[data-visitor-counter]") == "live"
    assert page.locator(".view-count").count() == 0
    assert console == []


@pytest.mark.parametrize(
    "settings",
    [{"source": "none"}, {"source": "static", "count": 1539736}],
    ids=["none", "static"],
)
def test_without_a_live_source_no_request_leaves_the_site(page, tmp_path, counter, settings):
    server, _ = counter
    site = build_portal(tmp_path, **settings)
    requested: list[str] = []
    page.on("request", lambda request: requested.append(request.url))
    with serve(site, prefix=PREFIX) as url:
        page.goto(origin_of(url) + ARTICLE_URL)
        page.wait_for_load_state("networkidle")
        assert requested
        assert all(address.startswith(origin_of(url) + "/") for address in requested), requested
        assert not any("visitor-counter.js" in address for address in requested)
        if settings["source"] == "static":
            assert digits(page) == "1539736"
            assert label(page) == "Số lượt truy cập: 1.539.736"
        else:
            assert page.locator(".visitor-counter").count() == 0
        assert page.locator(".view-count").count() == 0
    assert server.seen == []


def test_javascript_off_shows_the_build_time_value_only(browser, json_portal, counter):
    server, _ = counter
    context = browser.new_context(java_script_enabled=False)
    try:
        tab = context.new_page()
        tab.goto(json_portal + ARTICLE_URL)
        tab.wait_for_load_state("networkidle")
        assert "".join(tab.locator(".visitor-counter__digit").all_text_contents()) == "1539736"
        assert tab.locator("[data-counter-online]").is_hidden()
        assert tab.locator(".view-count").is_hidden()
    finally:
        context.close()
    assert server.seen == []


def test_live_value_does_not_move_the_layout(browser, page, goat_portal, counter):
    context = browser.new_context(java_script_enabled=False)
    try:
        tab = context.new_page()
        tab.goto(goat_portal + ARTICLE_URL)
        before = tab.locator(".visitor-counter").bounding_box()
    finally:
        context.close()
    page.goto(goat_portal + ARTICLE_URL)
    assert settle(page, "[data-visitor-counter]") == "live"
    assert digits(page) == "1539736"
    after = page.locator(".visitor-counter").bounding_box()
    assert after == before


def test_live_widget_and_view_count_pass_axe(page, json_portal, counter):
    from axe_playwright_python.sync_playwright import Axe  # noqa: PLC0415 - browser tests only

    page.goto(json_portal + ARTICLE_URL)
    assert settle(page, "[data-visitor-counter]") == "live"
    assert settle(page, "[data-view-count]") == "live"
    results = Axe().run(page, context={"include": [[".visitor-counter"], [".view-count"]]})
    assert results.violations_count == 0, results.generate_report()
    assert "color-contrast" in {rule["id"] for rule in results.response["passes"]}
