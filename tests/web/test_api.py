"""The JSON API against a database filled with known Event records."""
from __future__ import annotations

import re

import pytest
from fastapi.testclient import TestClient

from dyadwatch.api import create_app

CONTRACT_FIELDS = ["id", "kind", "mode", "date", "date_precision", "date_basis", "countries", "participants", "location",
                   "setting", "topics", "documents", "referenced", "plover", "cameo", "sources", "confidence"]


def test_events_lists_contract_records_with_total(client):
    r = client.get("/api/events")
    assert r.status_code == 200
    body = r.json()
    assert body["total"] == 5 and len(body["items"]) == 5
    assert all(list(rec) == CONTRACT_FIELDS for rec in body["items"])
    assert [rec["date"] for rec in body["items"]] == sorted(rec["date"] for rec in body["items"])


@pytest.mark.parametrize("query, expected", [
    ("pair=RUS,CHN", {"call-2026.txt", "astana-2024.txt", "trilateral-2024.txt"}),
    ("pair=chn,rus", {"call-2026.txt", "astana-2024.txt", "trilateral-2024.txt"}),
    ("country=TJK", {"dushanbe-2025.txt"}),
    ("person=Belousov", {"call-2026.txt", "dushanbe-2025.txt", "xss.txt"}),
    ("person=p:dong-jun", {"call-2026.txt", "astana-2024.txt"}),
    ("person=name:Ivan Unknownov", {"trilateral-2024.txt"}),
    ("since=2025", {"call-2026.txt", "dushanbe-2025.txt"}),
    ("until=2024-06", {"astana-2024.txt"}),
    ("since=2024-07-01&until=2024-12-31", {"trilateral-2024.txt", "xss.txt"}),
    ("mode=phone", {"xss.txt"}),
    ("mode=video", {"call-2026.txt"}),
    ("kind=meeting&pair=RUS,TJK", {"dushanbe-2025.txt"}),
    ("kind=exercise", set()),
    ("q=dushanbe", {"dushanbe-2025.txt"}),
    ("q=SCO", {"astana-2024.txt"}),
    ("country=&pair=&q=", {"call-2026.txt", "dushanbe-2025.txt", "astana-2024.txt", "trilateral-2024.txt",
                           "xss.txt"}),
])
def test_event_filters(client, query, expected):
    body = client.get("/api/events?" + query).json()
    got = {s["doc_id"] for rec in body["items"] for s in rec["sources"]}
    assert got == expected
    assert body["total"] == len(expected)


def test_paging_keeps_the_total(client):
    all_ids = [r["id"] for r in client.get("/api/events").json()["items"]]
    page = client.get("/api/events?limit=2&offset=2").json()
    assert page["total"] == 5
    assert [r["id"] for r in page["items"]] == all_ids[2:4]
    assert client.get("/api/events?offset=10").json() == {"items": [], "total": 5, "limit": 50, "offset": 10}


@pytest.mark.parametrize("query", [
    "pair=RUS", "pair=RUS,CHINA", "country=RUSSIA", "country=R1S", "since=2024-13-01", "since=yesterday",
    "until=2024-02-30", "mode=teleport", "kind=DROP TABLE", "limit=0", "limit=5000", "offset=-1", "limit=ten",
    "q=" + "x" * 300,
])
def test_bad_filters_are_422_json(client, query):
    r = client.get("/api/events?" + query)
    assert r.status_code == 422
    assert r.headers["content-type"].startswith("application/json")
    assert isinstance(r.json()["detail"], list) and r.json()["detail"][0]["msg"]


def test_one_event_and_404(client, event_ids):
    eid = event_ids["dushanbe-2025.txt"]
    rec = client.get(f"/api/events/{eid}").json()
    assert rec["id"] == eid and rec["location"] == {"name": "Dushanbe", "country": "TJK"}
    assert rec["documents"] == [{"type": "plan", "title": "plan of cooperation for 2026"}]
    r = client.get("/api/events/ev-0000000000000000")
    assert r.status_code == 404 and r.json() == {"detail": "event not found"}


def test_documents_listing_and_status_filter(client):
    body = client.get("/api/documents").json()
    assert body["total"] == 6
    assert all("text" not in d for d in body["items"])
    rejected = client.get("/api/documents?status=rejected").json()
    assert rejected["total"] == 1 and rejected["items"][0]["reason"] == "no text after cleaning"
    assert client.get("/api/documents?status=ok&limit=2").json()["total"] == 5
    assert len(client.get("/api/documents?status=ok&limit=2").json()["items"]) == 2
    assert client.get("/api/documents?status=weird").status_code == 422
    doc = client.get("/api/documents/astana-2024.txt").json()
    assert doc["text"].startswith("ASTANA, April 26.")
    assert client.get("/api/documents/nope.txt").status_code == 404


def test_stats(client):
    st = client.get("/api/stats").json()
    assert st["events"] == 5 and st["documents"] == 6 and st["rejected"] == 1
    assert {"pair": "CHN-RUS", "count": 2} in st["pairs"]
    assert {"pair": "CHN-KAZ-RUS", "count": 1} in st["pairs"]
    assert sum(y["count"] for y in st["years"]) == 5


def test_people(client):
    p = client.get("/api/people/p:belousov-andrei").json()
    assert p["name"] == "Andrei Belousov" and len(p["events"]) == 3
    assert client.get("/api/people/name:Ivan Unknownov").json()["country"] == "RUS"
    assert client.get("/api/people/p:nobody").status_code == 404


def test_security_headers(client):
    r = client.get("/api/events")
    assert "script-src 'self'" in r.headers["content-security-policy"]
    assert r.headers["x-content-type-options"] == "nosniff"


def test_unexpected_errors_answer_500_without_details(filled_db_url, caplog):
    app = create_app(filled_db_url)

    def boom(**kw):
        raise RuntimeError("secret: /home/db password=hunter2")

    app.state.store.query_events = boom
    with TestClient(app, raise_server_exceptions=False) as c:
        r = c.get("/api/events")
        assert r.status_code == 500 and r.json() == {"detail": "internal error"}
        page = c.get("/")
        assert page.status_code == 500
        for text in (r.text, page.text):
            assert "hunter2" not in text and "Traceback" not in text and "RuntimeError" not in text
    assert any("unhandled error" in rec.message for rec in caplog.records)


def test_openapi_and_offline_docs(client):
    spec = client.get("/openapi.json").json()
    assert {"/api/events", "/api/events/{event_id}", "/api/documents", "/api/stats"} <= set(spec["paths"])
    assert "post" in spec["paths"]["/api/documents"]
    page = client.get("/docs")
    assert page.status_code == 200
    for path in ("/api/events", "/api/documents", "/api/stats"):
        assert path in page.text
    assert client.get("/redoc").status_code == 404


PAGES = ["/", "/?pair=RUS,CHN", "/dyads", "/documents", "/docs", "/people/p:belousov-andrei"]


@pytest.mark.parametrize("path", PAGES)
def test_every_script_and_style_is_served_here(client, path):
    html = client.get(path).text
    refs = re.findall(r'<(?:script|link|img)[^>]+(?:src|href)="([^"]+)"', html)
    assert refs, "expected at least the stylesheet"
    for ref in refs:
        assert ref.startswith("/") and not ref.startswith("//"), ref
        assert client.get(ref).status_code == 200, ref
    assert "cdn" not in html.lower()


def test_plotly_is_served_from_the_installed_package(client):
    r = client.get("/vendor/plotly.min.js")
    assert r.status_code == 200 and r.headers["content-type"].startswith("text/javascript")
    assert b"plotly.js" in r.content[:200]


def test_api_and_pages_on_each_backend(db_url, request):
    """The same answers on SQLite and PostgreSQL (the suite's `db_url` fixture)."""
    from dyadwatch.store import Store

    fill = request.getfixturevalue("fill_store")
    with Store(db_url) as s:
        fill(s)
    with TestClient(create_app(db_url)) as c:
        assert c.get("/api/events").json()["total"] == 5
        assert c.get("/api/events?pair=RUS,CHN").json()["total"] == 3
        assert c.get("/api/events?person=belousov&since=2025").json()["total"] == 2
        assert c.get("/api/stats").json()["events"] == 5
        assert len(re.findall(r'class="event-link"', c.get("/?pair=RUS,CHN").text)) == 3
        assert "<mark>" in c.get(f"/events/{c.get('/api/events?country=TJK').json()['items'][0]['id']}").text
        assert 'id="chart-network-data"' in c.get("/dyads").text
