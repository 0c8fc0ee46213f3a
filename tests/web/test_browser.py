"""The UI in a real browser: Playwright (sync API) driving Debian's chromium against uvicorn on a
free loopback port. Screenshots go to test-artifacts/ (gitignored).

Without /usr/bin/chromium these tests skip, except under CI=true, where they fail
(`python -m tests.browser_setup` installs it)."""
from __future__ import annotations

import os
import socket
import threading
import time
from pathlib import Path

import pytest

pytestmark = [pytest.mark.browser, pytest.mark.slow]

CHROMIUM = "/usr/bin/chromium"
ARGS = ["--no-sandbox", "--headless", "--disable-gpu", "--disable-background-networking",
        "--disable-component-update", "--disable-sync", "--no-first-run"]
ARTIFACTS = Path(__file__).resolve().parents[2] / "test-artifacts"


def _need_chromium() -> None:
    if os.path.exists(CHROMIUM):
        return
    msg = f"{CHROMIUM} is missing (run `python -m tests.browser_setup`)"
    if os.environ.get("CI", "").lower() == "true":
        pytest.fail(msg)
    pytest.skip(msg)


def _free_port() -> int:
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


@pytest.fixture(scope="module")
def server(filled_db_url):
    import uvicorn

    from dyadwatch.api import create_app

    port = _free_port()
    config = uvicorn.Config(create_app(filled_db_url), host="127.0.0.1", port=port, log_level="warning",
                            lifespan="on")
    srv = uvicorn.Server(config)
    thread = threading.Thread(target=srv.run, name="uvicorn-test", daemon=True)
    thread.start()
    deadline = time.monotonic() + 20
    while not srv.started:
        if time.monotonic() > deadline or not thread.is_alive():
            pytest.fail("uvicorn did not start")
        time.sleep(0.05)
    yield f"http://127.0.0.1:{port}"
    srv.should_exit = True
    thread.join(timeout=10)


@pytest.fixture(scope="module")
def browser():
    _need_chromium()
    from playwright.sync_api import sync_playwright

    with sync_playwright() as p:
        b = p.chromium.launch(executable_path=CHROMIUM, args=ARGS)
        try:
            yield b
        finally:
            b.close()


@pytest.fixture
def page(browser, server):
    ARTIFACTS.mkdir(exist_ok=True)
    ctx = browser.new_context(base_url=server, viewport={"width": 1280, "height": 900})
    pg = ctx.new_page()
    pg.problems = []  # console errors, page errors, dialogs (an alert() would be an XSS)
    pg.on("console", lambda m: pg.problems.append(f"console {m.type}: {m.text}") if m.type == "error" else None)
    pg.on("pageerror", lambda e: pg.problems.append(f"pageerror: {e}"))

    def on_dialog(d):
        pg.problems.append(f"dialog: {d.message}")
        d.dismiss()

    pg.on("dialog", on_dialog)
    # nothing may be fetched from anywhere but this server
    pg.route("**/*", lambda route: route.continue_() if route.request.url.startswith(server)
             else (pg.problems.append(f"external request: {route.request.url}"), route.abort()))
    yield pg
    ctx.close()


def test_filter_open_event_and_see_evidence(page, docs_spec):
    page.goto("/")
    rows = page.locator("table.events tbody tr")
    assert rows.count() == 5
    page.screenshot(path=str(ARTIFACTS / "events.png"), full_page=True)

    page.fill("input[name=pair]", "RUS,CHN")
    page.click("form.filters button[type=submit]")
    page.wait_for_url("**/?*pair=RUS%2CCHN*")
    assert rows.count() == 3
    page.screenshot(path=str(ARTIFACTS / "events-rus-chn.png"), full_page=True)

    page.locator("a.event-link", has_text="2026-01-27").click()
    page.wait_for_url("**/events/ev-*")
    spec = next(s for s in docs_spec if s["doc_id"] == "call-2026.txt")
    mark = page.locator(".doctext mark")
    assert mark.count() == 1
    assert mark.first.inner_text() == spec["evidence"]
    assert mark.first.is_visible()
    assert page.locator("a[href='/people/p:belousov-andrei']").count() >= 1
    page.screenshot(path=str(ARTIFACTS / "event.png"), full_page=True)
    assert page.problems == []


def test_dyads_plots_render(page):
    page.goto("/dyads")
    page.wait_for_selector("#chart-network .plotly svg.main-svg", timeout=15_000)
    page.wait_for_selector("#chart-years .plotly svg.main-svg", timeout=15_000)
    assert page.locator("#chart-network .scatterlayer .trace").count() >= 3
    assert page.locator("#chart-years .barlayer .trace").count() >= 1
    page.screenshot(path=str(ARTIFACTS / "dyads.png"), full_page=True)
    assert page.problems == []


def test_person_timeline_renders(page):
    page.goto("/people/p:belousov-andrei")
    page.wait_for_selector("#chart-person .plotly svg.main-svg", timeout=15_000)
    assert page.locator("table.events tbody tr").count() == 3
    page.screenshot(path=str(ARTIFACTS / "person.png"), full_page=True)
    assert page.problems == []


def test_script_in_an_article_does_not_run(page, event_ids):
    page.goto(f"/events/{event_ids['xss.txt']}")
    page.wait_for_load_state("load")
    assert page.locator("article.source h3").first.inner_text() == "<script>alert(1)</script>"
    assert "<script>alert(1)</script>" in page.locator(".doctext").first.inner_text()
    page.goto("/documents")
    page.screenshot(path=str(ARTIFACTS / "xss-escaped.png"), full_page=True)
    assert page.problems == []  # no alert() dialog, no error
