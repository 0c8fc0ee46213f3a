"""Fixtures for the web tests: databases filled with Event records written here (so the UI tests
do not depend on the extractor), and a TestClient on the application."""
from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest
from fastapi.testclient import TestClient

from dyadwatch.api import create_app
from dyadwatch.model import Document, Event, Evidence, Location, Participant, SignedDocument, Source
from dyadwatch.store import Store

FIXTURE_PAGES = Path(__file__).parent / "fixtures" / "pages"
XSS = "<script>alert(1)</script>"
XSS_NAME = "<img src=x onerror=alert(2)>"

BELOUSOV = ("Andrei Belousov", "RUS", "Minister of Defence", None, "p:belousov-andrei")
SHOIGU = ("Sergei Shoigu", "RUS", "Minister of Defence", "General of the Army", "p:shoigu-sergei")
DONG = ("Dong Jun", "CHN", "Minister of National Defence", "Admiral", "p:dong-jun")
SOBIRZODA = ("Emomali Sobirzoda", "TJK", "Minister of Defence", "Colonel General", "p:sobirzoda-emomali")

# (doc_id, title, lang, published, url, text, evidence sentence, event fields)
DOCS = [
    dict(doc_id="call-2026.txt", title="Defence ministers of Russia and China speak by video", lang="en",
         published="2026-01-27", url="https://news.example.org/call-2026",
         text=("MOSCOW, January 27. The defence ministry released a statement on Tuesday.\n\n"
               "Russian Defence Minister Andrei Belousov held a video call with Chinese Defence Minister Dong Jun. "
               "They discussed regional security and the plan of joint exercises.\n\nNo date was set for a visit."),
         evidence="Russian Defence Minister Andrei Belousov held a video call with Chinese Defence Minister Dong Jun.",
         event=dict(kind="meeting", mode="video", date="2026-01-27", countries=["RUS", "CHN"],
                    people=[BELOUSOV, DONG], location=None, setting=None,
                    topics=["regional_security", "joint_exercises"], cameo="041",
                    plover={"event_type": "CONSULT", "mode": "phone", "context": "military"}, confidence=0.93)),
    dict(doc_id="dushanbe-2025.txt", title="Белоусов провел переговоры в Душанбе", lang="ru",
         published="2025-10-08", url=None,
         text=("Душанбе, 8 октября. Министр обороны России Андрей Белоусов провел переговоры с министром обороны "
               "Таджикистана Эмомали Собирзодой. Стороны подписали план сотрудничества на 2026 год."),
         evidence="Министр обороны России Андрей Белоусов провел переговоры с министром обороны Таджикистана "
                  "Эмомали Собирзодой.",
         event=dict(kind="meeting", mode="in_person", date="2025-10-08", countries=["RUS", "TJK"],
                    people=[BELOUSOV, SOBIRZODA], location=("Dushanbe", "TJK"), setting=None,
                    topics=["military_cooperation"], cameo="042", documents=[("plan", "plan of cooperation for 2026")],
                    plover={"event_type": "CONSULT", "mode": "visit", "context": "military"}, confidence=0.9)),
    dict(doc_id="astana-2024.txt", title="Shoigu meets Dong Jun in Astana", lang="en", published="2024-04-26",
         url="https://news.example.org/astana",
         text=("ASTANA, April 26. Sergei Shoigu held a working meeting with Chinese Defence Minister Dong Jun "
               "on the sidelines of the SCO defence ministers' meeting in Astana. Both praised joint training."),
         evidence="Sergei Shoigu held a working meeting with Chinese Defence Minister Dong Jun on the sidelines of "
                  "the SCO defence ministers' meeting in Astana.",
         event=dict(kind="meeting", mode="in_person", date="2024-04-26", countries=["RUS", "CHN"],
                    people=[SHOIGU, DONG], location=("Astana", "KAZ"), setting="SCO Defence Ministers' Meeting",
                    topics=["regional_security"], cameo="044",
                    plover={"event_type": "CONSULT", "mode": "third-party", "context": "military"}, confidence=0.88)),
    dict(doc_id="trilateral-2024.txt", title="Three-way talks in Astana", lang="en", published="2024-07-04",
         url=None,
         text=("ASTANA, July 3. Delegations of Russia, China and Kazakhstan met for consultations. "
               "Ivan Unknownov led the Russian delegation."),
         evidence="Delegations of Russia, China and Kazakhstan met for consultations.",
         event=dict(kind="meeting", mode="in_person", date="2024-07-03", countries=["RUS", "CHN", "KAZ"],
                    people=[("Ivan Unknownov", "RUS", "Deputy Minister of Defence", None, None)],
                    location=("Astana", "KAZ"), setting=None, topics=[], cameo="040",
                    plover={"event_type": "CONSULT", "mode": "multilateral", "context": "military"},
                    confidence=0.6)),
    dict(doc_id="xss.txt", title=XSS, lang="en", published="2024-11-05", url="javascript:alert(3)",
         text=("NEW DELHI, November 5. " + XSS + " The defence ministers of Russia and India spoke by phone "
               "<b>today</b> & agreed to keep in touch. Hostile markup: " + XSS + " end."),
         evidence="The defence ministers of Russia and India spoke by phone <b>today</b> & agreed to keep in touch.",
         event=dict(kind="meeting", mode="phone", date="2024-11-05", countries=["RUS", "IND"],
                    people=[BELOUSOV, (XSS_NAME, "IND", XSS, None, None)], location=None,
                    setting="<i>" + XSS + "</i>", topics=[], cameo="041",
                    plover={"event_type": "CONSULT", "mode": "phone", "context": "military"}, confidence=0.7)),
]


def build(spec: dict) -> tuple[Document, list[Event]]:
    text = spec["text"]
    start = text.index(spec["evidence"])
    end = start + len(spec["evidence"])
    doc = Document(doc_id=spec["doc_id"], path=None, lang=spec["lang"],
                   published=dt.date.fromisoformat(spec["published"]), title=spec["title"], text=text,
                   url=spec["url"], content_hash="test:" + spec["doc_id"])
    e = spec["event"]
    ev = Event(kind=e["kind"], mode=e["mode"], date=e["date"], date_precision="day", countries=list(e["countries"]),
               participants=[Participant(*p) for p in e["people"]],
               location=Location(*e["location"]) if e["location"] else None, setting=e["setting"],
               topics=list(e["topics"]), documents=[SignedDocument(*d) for d in e.get("documents", [])],
               plover=e["plover"], cameo=e["cameo"], confidence=e["confidence"],
               sources=[Source(spec["doc_id"], spec["url"], spec["published"], spec["lang"], spec["title"],
                               [Evidence(start, end, spec["evidence"])])])
    ev.assign_id()
    return doc, [ev]


def fill(store: Store) -> list[str]:
    ids = []
    for spec in DOCS:
        doc, events = build(spec)
        store.add_document(doc, events)
        ids.append(events[0].id)
    # a rejected page, for the documents listing
    store.add_document(Document(doc_id="empty.html", status="rejected", reason="no text after cleaning",
                                content_hash="test:empty"), [])
    return ids


def event_id(doc_id: str) -> str:
    spec = next(s for s in DOCS if s["doc_id"] == doc_id)
    return build(spec)[1][0].id


@pytest.fixture(scope="session")
def filled_db_url(tmp_path_factory: pytest.TempPathFactory) -> str:
    url = f"sqlite:///{tmp_path_factory.mktemp('webdb') / 'web.db'}"
    with Store(url) as s:
        fill(s)
    return url


@pytest.fixture
def fresh_db_url(tmp_path: Path) -> str:
    return f"sqlite:///{tmp_path / 'fresh.db'}"


@pytest.fixture
def client(filled_db_url: str):
    with TestClient(create_app(filled_db_url)) as c:
        yield c


@pytest.fixture(scope="session")
def event_ids() -> dict[str, str]:
    """doc_id -> the id of the event the fixture stores for it."""
    return {s["doc_id"]: event_id(s["doc_id"]) for s in DOCS}


@pytest.fixture(scope="session")
def docs_spec() -> list[dict]:
    return DOCS



@pytest.fixture(scope="session")
def fill_store():
    """fill(store): store the fixture's documents and events."""
    return fill
