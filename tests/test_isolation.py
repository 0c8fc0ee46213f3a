"""One document's failure never stops a run: `extract`, `ingest`, local workers and Dask, on
real processes, with faults injected through DYADWATCH_FAULTS (see dyadwatch/faults.py):
exceptions in the read, clean, extract and store stages, and worker processes that die
(os._exit, SIGKILL, SIGSEGV). Failed documents are stored with their stage and exception,
listed by `documents --status failed`, and retried (and only they) by the next run."""
from __future__ import annotations

import copy
import json
import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from dyadwatch.faults import ENV_VAR, Failure, failure
from dyadwatch.model import Document
from tests.cli.test_store_cli import DYADWATCH, ENV, make_articles

pytestmark = pytest.mark.slow

MARKERS = {"clean": "QZX-CLEAN", "extract": "QZX-EXTRACT", "store": "QZX-STORE", "kill": "QZX-KILL",
           "segv": "QZX-SEGV", "exit": "QZX-EXIT"}
RAISES = f"clean:raise:{MARKERS['clean']};extract:raise:{MARKERS['extract']};store:raise:{MARKERS['store']}"
DEATHS = (f"extract:kill:{MARKERS['kill']};extract:segv:{MARKERS['segv']};"
          f"extract:exit:{MARKERS['exit']}")


def dw(*args: str, faults: str | None = None, ok: bool = True, timeout: float = 600) -> subprocess.CompletedProcess:
    env = {k: v for k, v in ENV.items() if k != ENV_VAR}
    if faults:
        env[ENV_VAR] = faults
    r = subprocess.run([*DYADWATCH, *args], capture_output=True, text=True, timeout=timeout, env=env)
    if ok:
        assert r.returncode == 0, f"dyadwatch {' '.join(args)} -> {r.returncode}\n{r.stderr[-3000:]}"
    return r


def marked_folder(root: Path, which: dict[int, str]) -> tuple[Path, list[str]]:
    """40 generated articles; article i gets the marker of fault which[i]."""
    folder = root / "in"
    files = make_articles(folder, 40)
    names = []
    for i, fault in which.items():
        p = files[i]
        # at the end of the last paragraph, which the cleaner keeps
        p.write_text(p.read_text(encoding="utf-8").rstrip() + f" {MARKERS[fault]}.\n", encoding="utf-8")
        names.append(p.name)
    return folder, names


def without(folder: Path, names: list[str], dest: Path) -> Path:
    shutil.copytree(folder, dest)
    for n in names:
        (dest / n).unlink()
    return dest


def extract(paths: list[str], out: Path, *extra: str, faults: str | None = None) -> tuple[str, str]:
    r = dw("extract", *paths, "-o", str(out), *extra, faults=faults)
    return out.read_text(encoding="utf-8"), r.stderr


def test_failure_names_the_innermost_stage():
    from dyadwatch import timing

    try:
        with timing.stage("extract"), timing.stage("nlp"):
            raise KeyError("x")
    except KeyError as exc:
        f = failure("extract", exc)
    assert f == Failure("nlp", "KeyError", "'x'") and f.reason == "nlp: KeyError: 'x'"


def test_a_bug_in_one_document_fails_it_alone_in_process(monkeypatch):
    from dyadwatch.parallel import process_documents

    monkeypatch.setenv(ENV_VAR, f"extract:raise:{MARKERS['extract']}")
    docs = [Document(doc_id=f"d{i}", lang="en", text=f"Text {i}. " + (MARKERS["extract"] if i == 1 else ""))
            for i in range(3)]
    out = list(process_documents(docs))
    assert [d.status for d, _ in out] == ["ok", "failed", "ok"]
    bad = out[1][0]
    assert (bad.stage, bad.error_type) == ("extract", "InjectedFault") and MARKERS["extract"] in bad.reason


def test_a_reader_bug_fails_that_file_and_the_next_is_read(tmp_path, monkeypatch):
    from dyadwatch.ingest import readers
    from dyadwatch.pipeline import load_documents

    for name in ("a.txt", "b.txt", "c.txt"):
        (tmp_path / name).write_text(f"Page {name}: the Russian defence minister met the Chinese minister.\n")
    real = readers.decode_bytes

    def decode(data: bytes):
        if b"b.txt" in data:
            raise UnicodeError("a bug in decoding")
        return real(data)

    monkeypatch.setattr(readers, "decode_bytes", decode)
    docs = list(load_documents([str(tmp_path)]))
    assert [(d.doc_id, d.status) for d in docs] == [("a.txt", "ok"), ("b.txt", "failed"), ("c.txt", "ok")]
    assert docs[1].stage == "read" and docs[1].reason == "read: UnicodeError: a bug in decoding"
    assert docs[1].content_hash  # keyed by its bytes, so a rerun finds it again


@pytest.mark.parametrize("workers", ["1", "2"])
def test_extract_goes_on_past_exceptions_in_every_stage(tmp_path, workers):
    folder, bad = marked_folder(tmp_path, {3: "clean", 11: "extract"})
    ref, _ = extract([str(without(folder, bad, tmp_path / "ref"))], tmp_path / "ref.jsonl")
    got, err = extract([str(folder)], tmp_path / "got.jsonl", "--workers", workers, faults=RAISES)
    assert got == ref and ref
    assert f"failed {bad[0]}: clean: InjectedFault" in err and f"failed {bad[1]}: extract: InjectedFault" in err
    assert "documents: 40 read, 0 rejected, 2 failed;" in err


def test_extract_workers_survive_workers_that_die(tmp_path):
    folder, bad = marked_folder(tmp_path, {2: "kill", 17: "segv", 30: "exit", 35: "extract"})
    ref, _ = extract([str(without(folder, bad, tmp_path / "ref"))], tmp_path / "ref.jsonl")
    got, err = extract([str(folder)], tmp_path / "got.jsonl", "--workers", "2", faults=RAISES + ";" + DEATHS)
    assert got == ref and ref
    for name in bad[:3]:
        assert f"failed {name}: worker: WorkerDied" in err
    assert f"failed {bad[3]}: extract: InjectedFault" in err
    assert "documents: 40 read, 0 rejected, 4 failed;" in err


def _docs(db: str, *extra: str) -> list[dict]:
    return [json.loads(x) for x in dw("documents", "--db", db, "--format", "jsonl", *extra).stdout.splitlines()]


def test_ingest_stores_failed_documents_and_a_rerun_retries_only_them(db_factory, tmp_path):
    folder, bad = marked_folder(tmp_path, {4: "clean", 9: "extract", 21: "store"})
    db, ref = db_factory("faulty"), db_factory("ref")
    r = dw("ingest", str(folder), "--db", db, faults=RAISES)
    assert "documents: 40 read, 37 new, 0 already stored, 0 rejected, 3 failed;" in r.stdout
    assert "3 document(s) failed" in r.stderr
    failed = _docs(db, "--status", "failed")
    assert [(d["doc_id"], d["stage"], d["error_type"], d["attempts"]) for d in failed] == [
        (bad[0], "clean", "InjectedFault", 1), (bad[1], "extract", "InjectedFault", 1),
        (bad[2], "store", "InjectedFault", 1)]
    assert all(d["reason"].startswith(d["stage"] + ": InjectedFault: ") and d["events"] == 0 for d in failed)
    table = dw("documents", "--db", db, "--status", "failed").stdout
    assert bad[1] in table and "extract: InjectedFault" in table
    # the store fault rolled its document's events back: nothing cites a failed document
    cited = {s["doc_id"] for line in dw("events", "--db", db, "--format", "jsonl").stdout.splitlines()
             for s in json.loads(line)["sources"]}
    assert cited and not cited & set(bad)

    # still broken: only the three are tried again, and fail again
    r = dw("ingest", str(folder), "--db", db, faults=RAISES)
    assert "documents: 40 read, 0 new, 37 already stored, 0 rejected, 3 failed;" in r.stdout
    assert [d["attempts"] for d in _docs(db, "--status", "failed")] == [2, 2, 2]
    # fixed: they are stored, and the failed records are gone
    r = dw("ingest", str(folder), "--db", db)
    assert "documents: 40 read, 3 new (3 retried), 37 already stored, 0 rejected, 0 failed;" in r.stdout
    assert _docs(db, "--status", "failed") == []
    assert len(_docs(db, "--status", "ok")) == 40
    dw("ingest", str(folder), "--db", ref)
    got = dw("events", "--db", db, "--format", "jsonl").stdout
    want = dw("events", "--db", ref, "--format", "jsonl").stdout

    def docs_of(jsonl: str) -> list[list[str]]:  # the same events, from the same documents
        return sorted(sorted(s["doc_id"] for s in json.loads(x)["sources"]) for x in jsonl.splitlines())
    assert docs_of(got) == docs_of(want)


def test_ingest_with_workers_stores_what_killed_a_worker_as_failed(tmp_path):
    folder, bad = marked_folder(tmp_path, {6: "kill", 25: "extract"})
    db = f"sqlite:///{tmp_path / 'w.db'}"
    r = dw("ingest", str(folder), "--db", db, "--workers", "2", faults=RAISES + ";" + DEATHS)
    assert "documents: 40 read, 38 new, 0 already stored, 0 rejected, 2 failed;" in r.stdout
    assert [(d["doc_id"], d["stage"], d["error_type"]) for d in _docs(db, "--status", "failed")] == [
        (bad[0], "worker", "WorkerDied"), (bad[1], "extract", "InjectedFault")]


def test_dask_retries_a_chunk_whose_worker_died_and_fails_only_its_killer(monkeypatch):
    import dask
    from distributed import LocalCluster

    from benchmarks.corpus import Generator
    from dyadwatch.parallel import process_documents

    gen = Generator(seed=5)
    docs = []
    for i in range(12):
        text, published = gen.russian() if i % 2 else gen.english()
        if i == 5:
            text += f"\n\n{MARKERS['kill']}."
        if i == 8:
            text += f"\n\n{MARKERS['extract']}."
        docs.append(Document(doc_id=f"d{i:02d}", lang="ru" if i % 2 else "en", published=published, text=text))
    serial_docs = copy.deepcopy(docs)
    serial_docs[5].text = serial_docs[5].text.replace(MARKERS["kill"], "")
    monkeypatch.setenv(ENV_VAR, f"extract:kill:{MARKERS['kill']};extract:raise:{MARKERS['extract']}")
    with dask.config.set({"distributed.scheduler.allowed-failures": 1}), \
            LocalCluster(n_workers=2, threads_per_worker=1, processes=True, dashboard_address=None,
                         host="127.0.0.1") as cluster:
        got = list(process_documents(docs, dask_address=cluster.scheduler_address, chunk_size=3))
    assert [d.doc_id for d, _ in got] == [d.doc_id for d in docs]
    assert [(d.doc_id, d.stage, d.error_type) for d, _ in got if d.status == "failed"] == [
        ("d05", "worker", "WorkerDied"), ("d08", "extract", "InjectedFault")]
    monkeypatch.delenv(ENV_VAR)
    want = {d.doc_id: evs for d, evs in process_documents(serial_docs)}
    for d, evs in got:
        if d.ok:
            assert [e.to_record() for e in evs] == [e.to_record() for e in want[d.doc_id]]


def test_a_broken_pool_stops_the_run_with_one_line(tmp_path):
    # workers that die before doing anything (here: every page kills its worker) are not a
    # document's fault: the run stops, exit status 1, one line on stderr
    folder = tmp_path / "in"
    files = make_articles(folder, 4)
    for p in files:
        p.write_text(p.read_text(encoding="utf-8").rstrip() + f" {MARKERS['kill']}.\n", encoding="utf-8")
    r = dw("extract", str(folder), "--workers", "2", faults=DEATHS, ok=False)
    assert r.returncode == 1 and r.stdout == ""
    assert r.stderr.strip().splitlines()[-1].startswith("dyadwatch: error: WorkersFailed: ")
    assert "Traceback" not in r.stderr


def test_python_m_dyadwatch_and_the_script_agree_on_exit_status(tmp_path):
    r = subprocess.run([sys.executable, "-m", "dyadwatch", "extract", str(tmp_path / "nope")],
                       capture_output=True, text=True, env=ENV)
    assert r.returncode == 2 and len(r.stderr.strip().splitlines()) == 1


@pytest.fixture(autouse=True)
def _no_fault_leak():
    yield
    os.environ.pop(ENV_VAR, None)
