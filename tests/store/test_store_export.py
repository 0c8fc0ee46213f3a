"""Exports (jsonl, csv, parquet, plover) and the stats chart."""
from __future__ import annotations

import copy
import csv
import json
import re

import pytest

from dyadwatch.extras import MissingExtra
from dyadwatch.model import Location
from dyadwatch.store import Store
from dyadwatch.store.export import CSV_COLUMNS, export, polecat, sector
from dyadwatch.store.plot import PlotError, matplotlib_available, write_plot
from store_testkit import make_document, make_event, merged_records, person, random_corpus


@pytest.fixture
def store(db_url):
    corpus = random_corpus(8, 25)
    with Store(db_url) as s:
        for d, evs in corpus:
            s.add_document(d, copy.deepcopy(evs))
        yield s, merged_records(corpus)


def test_jsonl_is_the_records(store, tmp_path):
    s, expected = store
    n = export(s.iter_events(), "jsonl", tmp_path / "e.jsonl")
    lines = (tmp_path / "e.jsonl").read_text(encoding="utf-8").splitlines()
    assert n == len(lines) == len(expected)
    assert [json.loads(x) for x in lines] == expected
    assert not (tmp_path / "e.jsonl.part").exists()


def test_csv_is_flat(store, tmp_path):
    s, expected = store
    export(s.iter_events(), "csv", tmp_path / "e.csv")
    with open(tmp_path / "e.csv", encoding="utf-8", newline="") as fh:
        rows = list(csv.DictReader(fh))
    assert list(rows[0]) == CSV_COLUMNS
    assert [r["id"] for r in rows] == [e["id"] for e in expected]
    first = rows[0], expected[0]
    assert first[0]["countries"] == ";".join(first[1]["countries"])
    assert int(first[0]["n_sources"]) == len(first[1]["sources"])


def test_parquet_round_trips(store, tmp_path):
    import pyarrow.parquet as pq

    s, expected = store
    export(s.iter_events(), "parquet", tmp_path / "e.parquet")
    table = pq.read_table(tmp_path / "e.parquet")
    assert table.num_rows == len(expected)
    got = table.to_pylist()
    assert [g["id"] for g in got] == [e["id"] for e in expected]
    assert got == expected  # nested fields, nulls included, come back as they went


def test_parquet_of_an_empty_store_has_the_schema(tmp_path):
    import pyarrow.parquet as pq

    with Store(f"sqlite:///{tmp_path / 'e.db'}") as s:
        assert export(s.iter_events(), "parquet", tmp_path / "e.parquet") == 0
    t = pq.read_table(tmp_path / "e.parquet")
    assert t.num_rows == 0 and "participants" in t.column_names


def test_plover_records(tmp_path):
    ev = make_event("a.txt", date="2024-04-29", countries=["CHN", "RUS"], location=Location("Moscow", "RUS"),
                    people=[person("RUS"), person("CHN")], url="https://example.org/a")
    rec = ev.to_record()
    out = polecat(rec)
    assert out["event_id"] == ev.id and out["event_date"] == "2024-04-29"
    assert out["event_type"] == "CONSULT" and out["mode"] == "visit" and out["context"] == ["military"]
    assert out["cameo"] == "042"
    # the visit took place in Russia: Russia hosts (recipient), China visits (actor)
    assert [a["country"] for a in out["actors"]] == ["CHN"] and [r["country"] for r in out["recipients"]] == ["RUS"]
    assert out["actors"][0]["name"] == "Dong Jun" and out["actors"][0]["sector"] == "Military"
    assert out["actors"][0]["entity_id"] == "p:dong-jun" and "wikidata_id" in out["actors"][0]
    assert out["location"] == {"placename": "Moscow", "country": "RUS"}
    assert out["sources"][0]["url"] == "https://example.org/a"
    with Store(f"sqlite:///{tmp_path / 'p.db'}") as s:
        s.add_document(make_document("a.txt"), [ev])
        export(s.iter_events(), "plover", tmp_path / "p.jsonl")
    line = json.loads((tmp_path / "p.jsonl").read_text(encoding="utf-8"))
    assert line["event_id"] == ev.id and line["recipients"][0]["country"] == "RUS"


def test_sectors():
    assert sector({"role": "Minister of Defence", "rank": None}) == "Military"
    assert sector({"role": "Chief of the General Staff", "rank": None}) == "Military"
    assert sector({"role": "Secretary of the Security Council", "rank": None}) == "Government"
    assert sector({"role": "President", "rank": None}) == "Government"
    assert sector({"role": None, "rank": "Admiral"}) == "Military"


def test_unknown_format(tmp_path):
    with pytest.raises(ValueError):
        export([], "xml", tmp_path / "x")


def test_html_chart_is_offline(store, tmp_path):
    s, _ = store
    write_plot(s.stats(), tmp_path / "s.html")
    html = (tmp_path / "s.html").read_text(encoding="utf-8")
    assert "per pair" in html and len(html) > 1_000_000  # plotly.js inline
    assert not re.search(r"<script[^>]+src=", html)  # nothing fetched from a CDN


def test_png_chart_needs_matplotlib(store, tmp_path):
    s, _ = store
    if matplotlib_available():
        write_plot(s.stats(), tmp_path / "s.png")
        assert (tmp_path / "s.png").read_bytes()[:8] == b"\x89PNG\r\n\x1a\n"
    else:
        with pytest.raises(MissingExtra, match="'plot' extra"):
            write_plot(s.stats(), tmp_path / "s.png")
    with pytest.raises(PlotError):
        write_plot(s.stats(), tmp_path / "s.svg")
