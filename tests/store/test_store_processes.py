"""The store under real processes: `Store.ingest` over folders, kill -9 in the middle of a run,
two ingests of one folder at once, and SQLite vs PostgreSQL. The pipeline is the stand-in of
store_testkit (real store code, events chosen by the test), so these tests do not depend on the
extractor; tests/cli/test_store_cli.py repeats the main ones with the real pipeline."""
from __future__ import annotations

import os
import signal
import subprocess
import sys
import time

import pytest
import sqlalchemy as sa

from dyadwatch.store import Store
from store_testkit import dump, fake_ingest_command, install_fake_pipeline, merged_records, random_corpus, write_corpus

PY = sys.executable


@pytest.fixture
def fake_pipeline(monkeypatch):
    import dyadwatch.pipeline as pipeline
    import dyadwatch.work as work
    from dyadwatch.store import core

    monkeypatch.setattr(pipeline, "load_documents", pipeline.load_documents)
    monkeypatch.setattr(work, "process_document", work.process_document)
    monkeypatch.setattr(core._DbMerger, "add", core._DbMerger.add)
    install_fake_pipeline()


def _run(cmd: list[str], timeout: float = 120) -> subprocess.CompletedProcess:
    r = subprocess.run(cmd, capture_output=True, text=True, timeout=timeout)
    assert r.returncode == 0, r.stderr[-3000:]
    return r


def _count_documents(url: str) -> int:
    from dyadwatch.store.db import make_engine

    eng = make_engine(url)
    try:
        with eng.connect() as c:
            try:
                return c.execute(sa.text("SELECT count(*) FROM documents")).scalar() or 0
            except sa.exc.DBAPIError:  # not created yet
                return 0
    finally:
        eng.dispose()


def _whole_documents_only(store: Store, corpus) -> None:
    """Every stored document is there with all its events, and no event cites a missing document."""
    stored = {d["doc_id"] for d in store.list_documents()[0]}
    recs, _ = store.query_events()
    cited = {s["doc_id"] for r in recs for s in r["sources"]}
    assert cited <= stored
    for doc, evs in corpus:
        if doc.doc_id in stored and evs:
            assert doc.doc_id in cited, f"{doc.doc_id} stored without its events"
    # and the stored part is exactly what an uninterrupted run over that prefix gives
    prefix = [(d, e) for d, e in corpus if d.doc_id in stored]
    assert recs == merged_records(prefix)


def test_ingest_folder_equals_extract_and_is_idempotent(db_url, tmp_path, fake_pipeline):
    corpus = random_corpus(11, 30)
    write_corpus(tmp_path / "in", corpus)
    with Store(db_url) as store:
        first = store.ingest([str(tmp_path / "in")], progress=False)
        rejected = sum(1 for d, _ in corpus if not d.ok)
        assert (first.read, first.new, first.already_stored, first.rejected) == (30, 30 - rejected, 0, rejected)
        assert first.events_new == len(merged_records(corpus)) and first.events_updated == 0
        snap = dump(store)
        again = store.ingest([str(tmp_path / "in")], progress=False)
        assert (again.read, again.new, again.already_stored, again.rejected, again.events_new,
                again.events_updated) == (30, 0, 30, 0, 0, 0)
        assert str(again) == "documents: 30 read, 0 new, 30 already stored, 0 rejected, 0 failed; events: 0 new, 0 updated"
        assert dump(store) == snap
    assert snap["events"] == merged_records(corpus)


def test_ingest_in_two_halves_equals_one_run(db_url, tmp_path, fake_pipeline):
    corpus = random_corpus(12, 30)
    paths = write_corpus(tmp_path / "in", corpus)
    with Store(db_url) as store:
        s1 = store.ingest([str(p) for p in paths[:15]], progress=False)
        s2 = store.ingest([str(tmp_path / "in")], progress=False)
        assert s2.already_stored == 15 and s1.new + s2.new + s1.rejected + s2.rejected == 30
        assert s2.events_updated > 0  # later articles joined records stored by the first run
        assert store.query_events()[0] == merged_records(corpus)


def test_missing_path_raises_before_storing_anything(db_url, tmp_path, fake_pipeline):
    write_corpus(tmp_path / "in", random_corpus(3, 3))
    with Store(db_url) as store:
        with pytest.raises(FileNotFoundError):
            store.ingest([str(tmp_path / "in"), str(tmp_path / "nope")], progress=False)
        assert store.list_documents()[1] == 0


@pytest.mark.slow
def test_kill_9_mid_run_then_rerun_equals_one_uninterrupted_run(db_factory, tmp_path):
    corpus = random_corpus(2024, 40)
    folder = tmp_path / "in"
    write_corpus(folder, corpus)
    ref_url, url = db_factory("reference"), db_factory("killed")
    _run(fake_ingest_command(PY, ref_url, [str(folder)]))

    kills = 0
    for threshold in (3, 12, 25):  # kill three times, later each time, then finish
        proc = subprocess.Popen(fake_ingest_command(PY, url, [str(folder)], extract_delay=0.01, write_delay=0.02),
                                stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
        deadline = time.monotonic() + 90
        while _count_documents(url) < threshold and proc.poll() is None and time.monotonic() < deadline:
            time.sleep(0.005)
        if proc.poll() is None:
            os.kill(proc.pid, signal.SIGKILL)
            kills += 1
        proc.communicate(timeout=30)
        with Store(url) as store:
            n = store.list_documents()[1]
            assert n < 40
            _whole_documents_only(store, corpus)
    assert kills == 3
    out = _run(fake_ingest_command(PY, url, [str(folder)])).stdout
    assert "already stored" in out
    with Store(ref_url) as ref, Store(url) as store:
        assert dump(store) == dump(ref)
        assert dump(store)["events"] == merged_records(corpus)


@pytest.mark.slow
def test_two_ingests_of_one_folder_at_once(db_factory, tmp_path):
    corpus = random_corpus(77, 40)
    folder = tmp_path / "in"
    write_corpus(folder, corpus)
    ref_url, url = db_factory("reference"), db_factory("shared")
    _run(fake_ingest_command(PY, ref_url, [str(folder)]))
    with Store(url):
        pass  # (also tested: two processes migrating a new database at once, below)
    procs = [subprocess.Popen(fake_ingest_command(PY, url, [str(folder)], extract_delay=0.005, write_delay=0.002),
                              stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True) for _ in range(2)]
    outs = [p.communicate(timeout=180) for p in procs]
    for p, (_o, e) in zip(procs, outs):
        assert p.returncode == 0, e[-3000:]
    with Store(ref_url) as ref, Store(url) as store:
        assert dump(store) == dump(ref)
        docs, n = store.list_documents()
        assert n == 40 and len({d["content_hash"] for d in docs}) == 40
    # both did some of the work, and between them stored each page once
    lines = [o.strip().splitlines()[-1] for o, _ in outs]
    assert all(line.startswith("documents: 40 read") for line in lines), lines


@pytest.mark.slow
def test_two_processes_opening_a_new_database_at_once(db_factory, tmp_path):
    corpus = random_corpus(5, 10)
    folder = tmp_path / "in"
    write_corpus(folder, corpus)
    url = db_factory("fresh")
    procs = [subprocess.Popen(fake_ingest_command(PY, url, [str(folder)]), stdout=subprocess.PIPE,
                              stderr=subprocess.PIPE, text=True) for _ in range(3)]
    for p in procs:
        _, err = p.communicate(timeout=120)
        assert p.returncode == 0, err[-3000:]
    with Store(url) as store:
        assert store.query_events()[0] == merged_records(corpus)


@pytest.mark.postgres
def test_sqlite_and_postgres_give_identical_stores(pg_url, tmp_path, fake_pipeline):
    corpus = random_corpus(31337, 40)
    write_corpus(tmp_path / "in", corpus)
    with Store(f"sqlite:///{tmp_path / 'a.db'}") as lite, Store(pg_url) as pg:
        s1 = lite.ingest([str(tmp_path / "in")], progress=False)
        s2 = pg.ingest([str(tmp_path / "in")], progress=False)
        assert s1.as_dict() == s2.as_dict()
        a, b = dump(lite), dump(pg)
        assert a == b
        for kw in ({"country": "RUS"}, {"pair": ("CHN", "RUS")}, {"person": "dong"}, {"since": "2024-05"},
                   {"until": "2024-04-30"}, {"mode": "phone"}, {"q": "astana"}, {"limit": 5, "offset": 3}):
            assert lite.query_events(**kw) == pg.query_events(**kw), kw
