"""The server-rendered pages: content, links, escaping of article text, highlighting, charts."""
from __future__ import annotations

import html
import json
import re
from pathlib import Path

from dyadwatch.web import ENV, TEMPLATES_DIR
from dyadwatch.web.highlight import Segment, locate, segments

XSS = "<script>alert(1)</script>"


def rows(page: str) -> list[str]:
    body = page.split("<tbody>", 1)[1].split("</tbody>", 1)[0] if "<tbody>" in page else ""
    return re.findall(r"<tr>(.*?)</tr>", body, re.S)


def test_events_page_lists_and_filters(client):
    page = client.get("/")
    assert page.status_code == 200 and page.headers["content-type"].startswith("text/html")
    assert len(rows(page.text)) == 5
    pair = client.get("/?pair=RUS,CHN").text
    assert len(rows(pair)) == 3
    assert 'value="RUS,CHN"' in pair  # the form keeps the filter
    person = client.get("/?person=Belousov&mode=in_person").text
    assert len(rows(person)) == 1 and "Dushanbe" in person
    assert 'href="/people/p:belousov-andrei"' in person


def test_events_page_paging_links_keep_filters(client):
    page = client.get("/?pair=RUS,CHN&limit=2").text
    assert len(rows(page)) == 2
    assert "1–2 of 3" in page
    nxt = re.search(r'rel="next" href="([^"]+)"', page).group(1)
    nxt = html.unescape(nxt)
    assert "pair=RUS%2CCHN" in nxt and "offset=2" in nxt
    assert len(rows(client.get(nxt).text)) == 1


def test_events_page_bad_filter_is_a_message_not_a_crash(client):
    r = client.get("/?since=2024-99&pair=" + XSS)
    assert r.status_code == 422
    assert 'role="alert"' in r.text and XSS not in r.text


def test_event_page_shows_everything_and_highlights_evidence(client, event_ids, docs_spec):
    spec = next(s for s in docs_spec if s["doc_id"] == "dushanbe-2025.txt")
    page = client.get(f"/events/{event_ids['dushanbe-2025.txt']}").text
    marks = re.findall(r"<mark>(.*?)</mark>", page, re.S)
    assert marks == [html.escape(spec["evidence"], quote=False)]
    for needle in ("Dushanbe", "in person", "military_cooperation", "plan of cooperation for 2026", "CONSULT",
                   "042", "make a visit", "0.90", 'href="/people/p:belousov-andrei"',
                   'href="/people/p:sobirzoda-emomali"', "Colonel General", "dushanbe-2025.txt"):
        assert needle in page, needle
    # the whole cleaned text is there, around the mark
    assert "Стороны подписали план сотрудничества" in page


def test_event_page_404_is_html(client):
    r = client.get("/events/ev-nope")
    assert r.status_code == 404 and "Not found" in r.text


def test_article_text_is_escaped_everywhere(client, event_ids):
    eid = event_ids["xss.txt"]
    for path in (f"/events/{eid}", "/", "/documents", "/people/p:belousov-andrei", "/?mode=phone",
                 "/people/name:" + "<img src=x onerror=alert(2)>"):
        page = client.get(path)
        assert page.status_code in (200, 404), path
        text = page.text
        assert "<script>alert" not in text, path
        assert "<img src=x" not in text, path
        assert 'href="javascript:' not in text.lower(), path
    event_page = client.get(f"/events/{eid}").text
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in event_page
    assert "&lt;img src=x onerror=alert(2)&gt;" in event_page
    # the evidence is highlighted, its markup shown as text
    mark = re.findall(r"<mark>(.*?)</mark>", event_page, re.S)
    assert mark == ["The defence ministers of Russia and India spoke by phone &lt;b&gt;today&lt;/b&gt; &amp; "
                    "agreed to keep in touch."]
    docs = client.get("/documents").text
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in docs


def test_templates_never_disable_escaping():
    assert ENV.autoescape is True
    for path in Path(TEMPLATES_DIR).glob("*.html"):
        src = path.read_text(encoding="utf-8")
        assert "|safe" not in src.replace(" ", ""), path.name
        assert "autoescape false" not in src, path.name
        assert "Markup" not in src, path.name


def chart_spec(page: str, chart_id: str) -> dict:
    m = re.search(rf'<script type="application/json" id="{chart_id}-data">(.*?)</script>', page, re.S)
    assert m, chart_id
    return json.loads(m.group(1))


def test_dyads_page_has_network_and_bars(client):
    page = client.get("/dyads").text
    net = chart_spec(page, "chart-network")
    nodes = next(t for t in net["data"] if t.get("name") == "countries")
    assert set(nodes["text"]) == {"RUS", "CHN", "TJK", "KAZ", "IND"}
    lines = [t for t in net["data"] if t.get("mode") == "lines"]
    # pairs: CHN-RUS (2 + 1 trilateral), RUS-TJK, IND-RUS, CHN-KAZ, KAZ-RUS
    assert len(lines) == 5
    pairs = next(t for t in net["data"] if t.get("name") == "pairs")
    assert "CHN–RUS: 3 meetings" in pairs["hovertext"]
    bars = chart_spec(page, "chart-years")
    assert {t["type"] for t in bars["data"]} == {"bar"}
    assert sum(sum(t["y"]) for t in bars["data"]) == 5
    assert '<script src="/vendor/plotly.min.js"></script>' in page
    assert 'href="/?pair=CHN,RUS&amp;kind=meeting"' in page


def test_chart_json_cannot_close_its_script_block(client, fresh_db_url):
    from fastapi.testclient import TestClient

    from dyadwatch.api import create_app
    from dyadwatch.model import Document, Event, Participant, Source
    from dyadwatch.store import Store

    with Store(fresh_db_url) as s:
        ev = Event(kind="meeting", mode="video", date="2025-01-01", date_precision="day", countries=["RUS", "CHN"],
                   participants=[Participant("</script><script>alert(9)</script>", "RUS", None, None, "p:x"),
                                 Participant("Other", "CHN", None, None, None)],
                   sources=[Source("d.txt", None, None, "en", None, [])])
        ev.assign_id()
        s.add_document(Document(doc_id="d.txt", text="x", content_hash="d"), [ev])
    with TestClient(create_app(fresh_db_url)) as c:
        page = c.get("/people/name:Other").text
    assert "</script><script>alert(9)" not in page
    spec = chart_spec(page, "chart-person")
    assert "alert(9)" in json.dumps(spec)  # escaped for HTML, still in the hover text


def test_person_page_timeline_and_table(client):
    page = client.get("/people/p:dong-jun").text
    assert "Dong Jun" in page and len(rows(page)) == 2
    spec = chart_spec(page, "chart-person")
    xs = sorted(x for t in spec["data"] for x in t["x"])
    assert xs == ["2024-04-26", "2026-01-27"]
    assert all(c.startswith("/events/ev-") for t in spec["data"] for c in t["customdata"])
    unknown = client.get("/people/name:Ivan%20Unknownov")
    assert unknown.status_code == 200 and "Ivan Unknownov" in unknown.text
    assert client.get("/people/p:nobody").status_code == 404


def test_documents_page(client):
    page = client.get("/documents?status=rejected").text
    assert len(rows(page)) == 1 and "no text after cleaning" in page
    assert len(rows(client.get("/documents").text)) == 6


# ------------------------------------------------------------------ highlighting
def test_locate_uses_offsets_and_repairs_wrong_ones():
    text = "One. Two is here. Three."
    ok = {"start": 5, "end": 17, "text": "Two is here."}
    shifted = {"start": 0, "end": 12, "text": "Two is here."}
    spaced = {"start": 999, "end": 1005, "text": "Two   is\nhere."}
    missing = {"start": 0, "end": 3, "text": "Not in the text."}
    spans, lost = locate(text, [ok, shifted, spaced, missing])
    assert spans == [(5, 17), (5, 17), (5, 17)] and lost == [missing]


def test_segments_merge_overlaps_and_window_long_texts():
    text = "abcdefghij"
    assert segments(text, [(2, 5), (4, 7)]) == [Segment("ab"), Segment("cdefg", mark=True), Segment("hij")]
    assert segments(text, [(-5, 2), (8, 50)]) == [Segment("ab", mark=True), Segment("cdefgh"),
                                                  Segment("ij", mark=True)]
    long = "x" * 10_000 + "EVIDENCE" + "y" * 10_000
    segs = segments(long, [(10_000, 10_008)], limit=1_000, context=100)
    assert [s.gap for s in segs] == [True, False, False, False, True]
    assert segs[2] == Segment("EVIDENCE", mark=True) and len(segs[1].text) == 100


def test_pages_on_an_empty_database(fresh_db_url):
    from fastapi.testclient import TestClient

    from dyadwatch.api import create_app

    with TestClient(create_app(fresh_db_url)) as c:
        assert "No events yet" in c.get("/").text
        dyads = c.get("/dyads")
        assert dyads.status_code == 200 and "No meetings yet" in dyads.text
        assert "plotly.min.js" not in dyads.text
        assert c.get("/documents").status_code == 200
        assert c.get("/docs").status_code == 200
        assert c.get("/favicon.ico").status_code == 200
        assert c.get("/api/events").json() == {"items": [], "total": 0, "limit": 50, "offset": 0}
