"""The Python API of docs/store-api.md, on SQLite and on PostgreSQL."""
from __future__ import annotations

import copy

import pytest
from sqlalchemy.exc import IntegrityError

from dyadwatch.model import Location
from dyadwatch.store import Store
from dyadwatch.store import core as store_core
from store_testkit import make_document, make_event, merged_records, person, random_corpus


@pytest.fixture
def filled(db_url):
    """A store with a few hand-made meetings and one rejected page."""
    docs = [
        (make_document("a.txt"), [make_event("a.txt", date="2024-04-29", countries=["RUS", "CHN"],
                                             people=[person("RUS"), person("CHN")], location=Location("Astana", "KAZ"),
                                             setting="SCO Defence Ministers' Meeting", title="Belousov met Dong Jun")]),
        (make_document("b.txt", lang="ru"), [make_event("b.txt", date="2023-06", countries=["RUS", "TJK"],
                                                        mode="video", people=[person("TJK"), person("RUS", 1)],
                                                        title="Переговоры с Таджикистаном", lang="ru")]),
        (make_document("c.txt"), [make_event("c.txt", date="2025-01-15", countries=["BLR", "CHN"], mode="phone",
                                             people=[person("BLR"), ("Li Wei", "CHN", "Deputy Minister", None, None)]),
                                  make_event("c.txt", kind="exercise", mode=None, date="2025-02", countries=["CHN", "RUS"])]),
        (make_document("d.html", "", status="rejected", reason="not an article: no text"), []),
    ]
    store = Store(db_url)
    for d, evs in docs:
        store.add_document(d, copy.deepcopy(evs))
    yield store, docs
    store.close()


def ids(recs):
    return sorted(r["id"] for r in recs)


def test_query_filters(filled):
    store, docs = filled
    a, b, c1, c2 = docs[0][1][0], docs[1][1][0], docs[2][1][0], docs[2][1][1]
    assert store.query_events()[1] == 4
    assert ids(store.query_events(country="rus")[0]) == ids([a.to_record(), b.to_record(), c2.to_record()])
    assert ids(store.query_events(pair=("CHN", "RUS"))[0]) == sorted([a.id, c2.id])
    assert ids(store.query_events(pair=("RUS", "CHN"), kind="meeting")[0]) == [a.id]
    assert ids(store.query_events(person="belousov")[0]) == [a.id]
    assert ids(store.query_events(person="p:gerasimov-valery")[0]) == [b.id]
    assert ids(store.query_events(person="name:Li Wei")[0]) == [c1.id]
    assert ids(store.query_events(since="2024-01-01")[0]) == sorted([a.id, c1.id, c2.id])
    assert ids(store.query_events(until="2023-06-15")[0]) == [b.id]  # a month overlapping the window counts
    assert ids(store.query_events(since="2023-06-20", until="2024")[0]) == sorted([a.id, b.id])
    assert ids(store.query_events(mode="phone")[0]) == [c1.id]
    assert ids(store.query_events(kind="exercise")[0]) == [c2.id]
    assert ids(store.query_events(q="astana")[0]) == [a.id]
    assert ids(store.query_events(q="ТАДЖИКИСТАНОМ")[0]) == [b.id]  # Cyrillic, any case
    assert ids(store.query_events(q="100%_")[0]) == []


def test_order_limit_offset_total(filled):
    store, _ = filled
    allrecs, total = store.query_events()
    assert [r["date"] for r in allrecs] == sorted(r["date"] for r in allrecs)
    page, t = store.query_events(limit=2, offset=1)
    assert t == total == 4 and page == allrecs[1:3]
    assert list(store.iter_events(batch=1)) == allrecs


def test_get_event_and_missing(filled):
    store, docs = filled
    ev = docs[0][1][0]
    assert store.get_event(ev.id) == ev.to_record()
    assert store.get_event("ev-nope") is None


def test_documents_listing_and_text(filled):
    store, _ = filled
    docs, total = store.list_documents()
    assert total == 4 and [d["doc_id"] for d in docs] == ["a.txt", "b.txt", "c.txt", "d.html"]
    assert "text" not in docs[0]
    assert {k for k in docs[0]} >= {"doc_id", "path", "status", "reason", "lang", "published", "title", "source",
                                    "url", "content_hash"}
    rejected, n = store.list_documents(status="rejected")
    assert n == 1 and rejected[0]["doc_id"] == "d.html" and rejected[0]["reason"] == "not an article: no text"
    assert [d["events"] for d in docs] == [1, 1, 2, 0]
    full = store.get_document("a.txt")
    assert full["text"] == "Text of a.txt. The ministers met." and full["status"] == "ok"
    assert store.get_document("zzz") is None
    assert store.list_documents(limit=1, offset=3)[0][0]["doc_id"] == "d.html"


def test_person(filled):
    store, docs = filled
    p = store.get_person("p:belousov-andrei")
    assert p["name"] == "Andrei Belousov" and p["country"] == "RUS" and p["roles"] == ["Minister of Defence"]
    assert [e["id"] for e in p["events"]] == [docs[0][1][0].id]
    q = store.get_person("name:Li Wei")
    assert q["country"] == "CHN" and len(q["events"]) == 1
    assert store.get_person("p:nobody") is None
    assert {e["id"] for e in store.entities()} >= {"p:belousov-andrei", "p:dong-jun", "p:khrenin-viktor"}


def test_stats(filled):
    store, _ = filled
    st = store.stats()
    assert st["kind"] == "meeting" and st["selected"] == 3
    assert st["events"] == 4 and st["documents"] == 4 and st["rejected"] == 1
    assert {p["pair"]: p["count"] for p in st["pairs"]} == {"CHN-RUS": 1, "RUS-TJK": 1, "BLR-CHN": 1}
    assert st["years"] == [{"year": 2023, "count": 1}, {"year": 2024, "count": 1}, {"year": 2025, "count": 1}]
    assert {m["mode"]: m["count"] for m in st["modes"]} == {"in_person": 1, "video": 1, "phone": 1}
    assert {(r["pair"], r["year"]) for r in st["pair_years"]} == {("CHN-RUS", 2024), ("RUS-TJK", 2023), ("BLR-CHN", 2025)}
    every = store.stats(kind=None)
    assert every["selected"] == 4 and {k["kind"] for k in every["kinds"]} == {"meeting", "exercise"}


def test_adding_a_document_twice_changes_nothing(db_url):
    corpus = random_corpus(5, 12)
    with Store(db_url) as store:
        for d, evs in corpus:
            store.add_document(d, copy.deepcopy(evs))
        before = store.query_events(), store.list_documents()[1]
        for d, evs in corpus:
            assert store.add_document(d, copy.deepcopy(evs)) == (0, 0)
            assert store.has_document(d)
        assert (store.query_events(), store.list_documents()[1]) == before
    assert before[0][0] == merged_records(corpus)


def test_two_empty_rejected_files_are_both_listed(db_url):
    a = make_document("a.txt", "", status="rejected", reason="empty file", content=b"")
    b = make_document("b.txt", "", status="rejected", reason="empty file", content=b"")
    with Store(db_url) as store:
        store.add_document(a, [])
        store.add_document(b, [])
        store.add_document(b, [])
        assert [d["doc_id"] for d in store.list_documents(status="rejected")[0]] == ["a.txt", "b.txt"]


def test_text_the_databases_refuse_is_stored_with_offsets_kept(db_url):
    text = "Nul\x00here and a lone surrogate \udc80 end"
    d = make_document("n.txt", text)
    ev = make_event("n.txt", text=text, title="t\x00t")
    with Store(db_url) as store:
        store.add_document(d, [ev])
        got = store.get_document("n.txt")["text"]
        rec = store.query_events()[0][0]
    assert len(got) == len(text) and "\x00" not in got and got.startswith("Nul\ufffdhere")
    assert rec["sources"][0]["evidence"][0]["text"] == got and rec["sources"][0]["title"] == "t\ufffdt"


def test_unique_conflict_is_retried_once(db_url, monkeypatch):
    calls = {"n": 0}
    orig = store_core.Store._store_document

    def flaky(self, s, doc, events):
        calls["n"] += 1
        if calls["n"] == 1:
            raise IntegrityError("INSERT", {}, Exception("duplicate key"))
        return orig(self, s, doc, events)

    monkeypatch.setattr(store_core.Store, "_store_document", flaky)
    ev = make_event("a.txt")
    with Store(db_url) as store:
        assert store.add_document(make_document("a.txt"), [ev]) == (1, 0)
        assert calls["n"] == 2
        assert store.query_events()[0] == [ev.to_record()]


def test_a_document_row_exists_only_with_its_events(db_url, monkeypatch):
    """A failure in the middle of a document's events leaves nothing of that document."""
    orig = store_core._DbMerger.add
    seen = {"n": 0}

    def boom(self, ev):
        seen["n"] += 1
        if seen["n"] == 2:
            raise RuntimeError("killed")
        return orig(self, ev)

    monkeypatch.setattr(store_core._DbMerger, "add", boom)
    evs = [make_event("a.txt"), make_event("a.txt", countries=["RUS", "TJK"])]
    with Store(db_url) as store:
        with pytest.raises(RuntimeError):
            store.add_document(make_document("a.txt"), evs)
        assert store.list_documents() == ([], 0) and store.query_events() == ([], 0)
        monkeypatch.setattr(store_core._DbMerger, "add", orig)
        assert store.add_document(make_document("a.txt"), evs) == (2, 0)
