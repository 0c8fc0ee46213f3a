"""The store merges exactly as `extract` does: documents added one at a time (each in its own
transaction, the merge index in the database) give the records `merge.merge_events` gives for
the same events in one go: same ids, same field values, same order."""
from __future__ import annotations

import copy
import tempfile

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from dyadwatch.model import Location
from dyadwatch.store import Store
from store_testkit import make_document, make_event, merged_records, person, random_corpus


def _ingest(store: Store, corpus) -> None:
    for doc, events in corpus:
        store.add_document(doc, copy.deepcopy(events))


@settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(seed=st.integers(0, 10**9), n_docs=st.integers(1, 30))
def test_store_merge_equals_in_memory_merge_sqlite(seed, n_docs):
    corpus = random_corpus(seed, n_docs)
    with tempfile.TemporaryDirectory() as tmp, Store(f"sqlite:///{tmp}/s.db") as store:
        _ingest(store, corpus)
        records, total = store.query_events()
    assert records == merged_records(corpus)
    assert total == len(records)


@pytest.mark.postgres
@pytest.mark.parametrize("seed", [1, 7, 42, 2024, 99991])
def test_store_merge_equals_in_memory_merge_postgres(pg_url, seed):
    corpus = random_corpus(seed, 40)
    with Store(pg_url) as store:
        _ingest(store, corpus)
        records, _ = store.query_events()
    assert records == merged_records(corpus)


def test_a_later_article_joins_the_stored_record_and_keeps_its_id(db_url):
    first = make_event("ru.txt", people=[person("RUS")], lang="ru")
    later = make_event("en.txt", people=[person("CHN")], location=None, topics=["regional_security"])
    with Store(db_url) as store:
        assert store.add_document(make_document("ru.txt"), [first]) == (1, 0)
        rid = store.query_events()[0][0]["id"]
        assert store.add_document(make_document("en.txt"), [later]) == (0, 1)
        recs, total = store.query_events()
    assert total == 1 and recs[0]["id"] == rid == first.id
    assert [s["doc_id"] for s in recs[0]["sources"]] == ["en.txt", "ru.txt"]
    assert [p["name"] for p in recs[0]["participants"]] == ["Andrei Belousov", "Dong Jun"]
    assert recs[0]["topics"] == ["regional_security"]


def test_same_key_different_meetings_get_suffixed_ids_like_extract(db_url):
    # same sides, day and mode, but different officials on both sides: two meetings, one id base
    a = make_event("a.txt", people=[person("RUS", 0), person("CHN", 0)])
    b = make_event("b.txt", people=[person("RUS", 1), person("CHN", 1)])
    corpus = [(make_document("a.txt"), [a]), (make_document("b.txt"), [b])]
    with Store(db_url) as store:
        _ingest(store, corpus)
        recs, _ = store.query_events()
    assert recs == merged_records(corpus)
    assert sorted(r["id"] for r in recs) == sorted([a.id, a.id + "-2"])


def test_a_month_date_made_precise_moves_bucket_like_extract(db_url):
    # month-precision record, then a day report in the next month's edge: order of bucket probing matters
    corpus = [
        (make_document("1.txt"), [make_event("1.txt", date="2024-05", mode=None)]),
        (make_document("2.txt"), [make_event("2.txt", date="2024-04-30")]),
        (make_document("3.txt"), [make_event("3.txt", date="2024-05-01")]),
        (make_document("4.txt"), [make_event("4.txt", date="2024-05", mode="in_person")]),
        (make_document("5.txt"), [make_event("5.txt", date="2024", mode=None)]),
    ]
    with Store(db_url) as store:
        _ingest(store, corpus)
        recs, _ = store.query_events()
    assert recs == merged_records(corpus)


def test_two_events_of_one_document_merge_with_each_other(db_url):
    d = make_document("x.txt")
    evs = [make_event("x.txt", people=[person("RUS")]), make_event("x.txt", people=[person("CHN")])]
    with Store(db_url) as store:
        assert store.add_document(d, copy.deepcopy(evs)) == (1, 0)
        recs, _ = store.query_events()
    assert recs == merged_records([(d, evs)])
    assert recs[0]["sources"][0]["doc_id"] == "x.txt" and len(recs[0]["sources"]) == 1


def test_an_event_moved_to_a_month_bucket_is_tried_after_the_ones_already_there(db_url):
    """EventIndex appends a record whose year-only date became precise at the END of its new
    bucket; the store must try candidates in that same order."""
    moscow, beijing = Location("Moscow", "RUS"), Location("Beijing", "CHN")
    corpus = [
        (make_document("1.txt"), [make_event("1.txt", date="2024", mode=None, location=beijing)]),
        (make_document("2.txt"), [make_event("2.txt", date="2024-05-10", location=moscow)]),
        (make_document("3.txt"), [make_event("3.txt", date="2024-05-11", location=beijing)]),  # 1 moves to 2024-05
        (make_document("4.txt"), [make_event("4.txt", date="2024-05", mode=None)]),  # joins 2, not 1
    ]
    with Store(db_url) as store:
        _ingest(store, corpus)
        recs, _ = store.query_events()
    assert recs == merged_records(corpus)
    assert sorted(len(r["sources"]) for r in recs) == [2, 2]
    by_date = {r["date"]: [s["doc_id"] for s in r["sources"]] for r in recs}
    assert by_date == {"2024-05-10": ["2.txt", "4.txt"], "2024-05-11": ["1.txt", "3.txt"]}
