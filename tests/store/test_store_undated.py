"""`ingest` keeps an undated record and a later dated page of the same event dates it, id
unchanged (SQLite and PostgreSQL), exactly as `extract` merges the same reports."""
from __future__ import annotations

import copy

from dyadwatch.store import Store
from store_testkit import make_document, make_event, merged_records, person


def test_an_undated_record_is_dated_by_a_later_page_and_keeps_its_id(db_url):
    undated = make_event("undated.txt", date=None, people=[person("RUS"), person("CHN")], published=None)
    dated = make_event("dated.txt", date="2024-04-29", people=[person("CHN")])
    corpus = [(make_document("undated.txt"), [undated]), (make_document("dated.txt"), [dated])]
    with Store(db_url) as store:
        assert store.add_document(make_document("undated.txt"), [copy.deepcopy(undated)]) == (1, 0)
        (rec,), _ = store.query_events()
        assert rec["date"] is None and rec["date_precision"] is None and rec["date_basis"] is None
        first_id = rec["id"]
        assert store.query_events(since="2024")[1] == 0  # no date: outside every date range
        assert store.stats()["undated"] == 1 and store.stats()["years"] == []
        assert store.add_document(make_document("dated.txt"), [copy.deepcopy(dated)]) == (0, 1)
        recs, total = store.query_events()
        assert store.query_events(since="2024-04", until="2024-04-30")[1] == 1
        assert store.stats()["years"] == [{"year": 2024, "count": 1}]
    assert total == 1
    assert recs[0]["id"] == first_id
    assert (recs[0]["date"], recs[0]["date_precision"], recs[0]["date_basis"]) == ("2024-04-29", "day", "merged")
    assert [s["doc_id"] for s in recs[0]["sources"]] == ["dated.txt", "undated.txt"]
    assert recs == merged_records(corpus)


def test_undated_records_come_last_in_the_same_order_as_extract(db_url):
    corpus = [
        (make_document("a.txt"), [make_event("a.txt", date=None, people=[person("RUS", 1)])]),
        (make_document("b.txt"), [make_event("b.txt", date="2024-05-20", people=[person("RUS", 0)])]),
        (make_document("c.txt"), [make_event("c.txt", date=None, countries=("BLR", "CHN"),
                                             people=[person("BLR")])]),
        (make_document("d.txt"), [make_event("d.txt", date="2023-12-31", countries=("RUS", "TJK"))]),
    ]
    with Store(db_url) as store:
        for doc, evs in corpus:
            store.add_document(doc, copy.deepcopy(evs))
        recs, _ = store.query_events()
    assert [r["date"] for r in recs] == ["2023-12-31", "2024-05-20", None, None]
    assert recs == merged_records(corpus)


def test_exports_take_undated_records(tmp_path, sqlite_url):
    import csv
    import json

    from dyadwatch.store.export import export

    with Store(sqlite_url) as store:
        store.add_document(make_document("a.txt"), [make_event("a.txt", date=None, people=[person("RUS")])])
        for fmt in ("jsonl", "csv", "parquet", "plover"):
            export(list(store.iter_events()), fmt, tmp_path / f"out.{fmt}")
    rec = json.loads((tmp_path / "out.jsonl").read_text().splitlines()[0])
    assert rec["date"] is None and rec["date_basis"] is None
    row = next(csv.DictReader(open(tmp_path / "out.csv", encoding="utf-8")))
    assert row["date"] == "" and row["date_precision"] == ""
    import pyarrow.parquet as pq

    assert pq.read_table(tmp_path / "out.parquet").to_pylist()[0]["date"] is None
    assert json.loads((tmp_path / "out.plover").read_text().splitlines()[0])["event_date"] is None
