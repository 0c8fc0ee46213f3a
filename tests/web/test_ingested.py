"""The web against a database filled by the real pipeline (`Store.ingest`) from small pages
written for these tests (tests/web/fixtures/pages), and `dyadwatch serve` on the command line."""
from __future__ import annotations

import re
from pathlib import Path

import pytest
from fastapi.testclient import TestClient
from typer.testing import CliRunner

from dyadwatch.api import create_app
from dyadwatch.cli import app as cli
from dyadwatch.store import Store

FIXTURE_PAGES = Path(__file__).parent / "fixtures" / "pages"


@pytest.fixture(scope="module")
def ingested_url(tmp_path_factory) -> str:
    url = f"sqlite:///{tmp_path_factory.mktemp('ingested') / 'pages.db'}"
    with Store(url) as s:
        summary = s.ingest([str(FIXTURE_PAGES)], progress=False)
    assert summary.read == 3 and summary.rejected == 0, str(summary)
    return url


def test_api_total_equals_the_cli_count(ingested_url):
    out = CliRunner().invoke(cli, ["events", "--db", ingested_url, "--format", "jsonl"])
    assert out.exit_code == 0, out.output
    cli_count = len([line for line in out.stdout.splitlines() if line.strip()])
    with TestClient(create_app(ingested_url)) as c:
        body = c.get("/api/events?limit=1").json()
        assert body["total"] == cli_count
        for f in ("pair=RUS,CHN", "person=Belousov", "country=TJK"):
            flag, value = f.split("=")
            sub = CliRunner().invoke(cli, ["events", "--db", ingested_url, "--format", "jsonl", f"--{flag}", value])
            assert c.get(f"/api/events?{f}").json()["total"] == len(sub.stdout.splitlines()), f
        assert c.get("/api/documents").json()["total"] == 3


def test_uploaded_script_title_comes_out_escaped(ingested_url):
    with TestClient(create_app(ingested_url)) as c:
        doc = c.get("/api/documents/upload-minsk-xss").json()
        assert doc["title"].startswith("<script>alert(1)</script>")  # stored as given
        pages = [c.get("/documents").text]
        for rec in c.get("/api/events?limit=1000").json()["items"]:
            if any(s["doc_id"] == "upload-minsk-xss" for s in rec["sources"]):
                pages.append(c.get(f"/events/{rec['id']}").text)
        for page in pages:
            assert "<script>alert(1)</script>" not in page
            assert "&lt;script&gt;alert(1)&lt;/script&gt;" in page


def test_events_page_lists_belousovs_meetings(ingested_url):
    """Depends on the extractor: every fixture page reports a meeting of Andrei Belousov."""
    with TestClient(create_app(ingested_url)) as c:
        page = c.get("/?person=Belousov").text
        n = c.get("/api/events?person=Belousov").json()["total"]
        assert n >= 1
        assert page.count('class="event-link"') == n
        assert "Andrei Belousov" in page
        ev = c.get("/api/events?person=Belousov&limit=1").json()["items"][0]
        event_page = c.get(f"/events/{ev['id']}").text
        assert re.search(r"<mark>[^<]*Belousov[^<]*</mark>|<mark>[^<]*Белоусов[^<]*</mark>", event_page)


def test_serve_command(monkeypatch, tmp_path):
    runner = CliRunner()
    assert "--allow-upload" in runner.invoke(cli, ["serve", "--help"]).stdout
    monkeypatch.delenv("DYADWATCH_TOKEN", raising=False)
    out = runner.invoke(cli, ["serve", "--db", f"sqlite:///{tmp_path / 'x.db'}", "--allow-upload"])
    assert out.exit_code == 2 and "DYADWATCH_TOKEN" in out.output
    seen = {}

    def fake_run(app, **kw):
        seen.update(kw, app=app)

    import uvicorn

    monkeypatch.setattr(uvicorn, "run", fake_run)
    out = runner.invoke(cli, ["serve", "--db", f"sqlite:///{tmp_path / 'x.db'}", "--port", "8123"])
    assert out.exit_code == 0, out.output
    assert seen["host"] == "127.0.0.1" and seen["port"] == 8123
    assert seen["app"].state.config.allow_upload is False
