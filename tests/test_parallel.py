"""Parallel and distributed processing give the results of a single-process run.

`parallel.process_documents` over a small generated corpus (Russian and English pages from
benchmarks/corpus.py, plus a rejected and an empty document) with workers=1, with two local
worker processes, on a Dask LocalCluster, and on a Dask scheduler and worker started as
separate processes on loopback. Timing goals are measured by `make bench`, not here."""
from __future__ import annotations

import copy
import os
import shutil
import socket
import subprocess
import sys
import time
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
if str(ROOT) not in sys.path:  # benchmarks/ is a top-level package beside src/
    sys.path.insert(0, str(ROOT))

from benchmarks.corpus import Generator, write_corpus  # noqa: E402
from dyadwatch import timing  # noqa: E402
from dyadwatch.merge import merge_events  # noqa: E402
from dyadwatch.model import Document  # noqa: E402
from dyadwatch.parallel import process_documents  # noqa: E402

pytestmark = pytest.mark.slow

N_PER_LANG = 9


def _corpus() -> list[Document]:
    gen = Generator(seed=7)
    docs = []
    for i in range(N_PER_LANG):
        for lang in ("ru", "en"):
            text, published = gen.russian() if lang == "ru" else gen.english()
            docs.append(Document(doc_id=f"{lang}-{i:02d}", path=f"{lang}-{i:02d}.txt", lang=lang,
                                 published=published, text=text))
    docs.insert(5, Document(doc_id="rejected", status="rejected", reason="not text", lang="unknown"))
    docs.insert(9, Document(doc_id="empty", lang="en", text="   \n"))
    return docs


def _records(results) -> list[tuple[str, list[dict]]]:
    return [(doc.doc_id, [ev.to_record() for ev in events]) for doc, events in results]


def _merged(results) -> list[dict]:
    events = copy.deepcopy([ev for _, evs in results for ev in evs])  # merging changes the events
    return [ev.to_record() for ev in merge_events(events)]


@pytest.fixture(scope="module")
def corpus() -> list[Document]:
    return _corpus()


@pytest.fixture(scope="module")
def serial(corpus):
    results = list(process_documents(_corpus(), workers=1))
    assert [d.doc_id for d, _ in results] == [d.doc_id for d in corpus]
    assert sum(len(evs) for _, evs in results) > 0, "the generated pages should give events"
    return results


def _check_same(serial, results) -> None:
    assert _records(results) == _records(serial)
    assert _merged(results) == _merged(serial)


def test_local_workers_give_the_single_process_results(serial, corpus):
    # small chunks and a short queue: many round trips, order restored
    results = list(process_documents(iter(corpus), workers=2, chunk_size=3, max_inflight=2))
    assert [d is c for (d, _), c in zip(results, corpus)] == [True] * len(corpus)  # the caller's objects
    _check_same(serial, results)


def test_local_workers_send_stage_times_back(corpus):
    timing.reset()
    list(process_documents(corpus[:6], workers=2, chunk_size=2))
    seconds = timing.snapshot()["seconds"]
    assert seconds.get("extract", 0) > 0


def test_local_workers_empty_input():
    assert list(process_documents([], workers=2)) == []


def test_dask_local_cluster_gives_the_single_process_results(serial, corpus):
    from distributed import LocalCluster

    with LocalCluster(n_workers=2, threads_per_worker=1, processes=True, dashboard_address=None,
                      host="127.0.0.1") as cluster:
        results = list(process_documents(corpus, dask_address=cluster.scheduler_address, chunk_size=2,
                                         max_inflight=3))
    _check_same(serial, results)


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def _dask_cli() -> str:
    exe = Path(sys.executable).with_name("dask")
    return str(exe) if exe.exists() else (shutil.which("dask") or pytest.fail("no dask command: the dask extra is installed for the tests"))


def _stop(proc: subprocess.Popen) -> None:
    if proc.poll() is None:
        proc.terminate()
        try:
            proc.wait(timeout=20)
        except subprocess.TimeoutExpired:
            proc.kill()
            proc.wait(timeout=10)


def test_dask_scheduler_and_worker_processes(serial, corpus, tmp_path):
    from distributed import Client

    port = _free_port()
    address = f"tcp://127.0.0.1:{port}"
    dask = _dask_cli()
    env = {**os.environ, "DASK_DISTRIBUTED__WORKER__DAEMON": "False"}
    logs = tmp_path / "logs"
    logs.mkdir()
    procs: list[subprocess.Popen] = []
    try:
        procs.append(subprocess.Popen(
            [dask, "scheduler", "--host", "127.0.0.1", "--port", str(port), "--no-dashboard"],
            stdout=open(logs / "scheduler.log", "w"), stderr=subprocess.STDOUT, env=env, cwd=tmp_path))
        procs.append(subprocess.Popen(
            [dask, "worker", address, "--nthreads", "1", "--nworkers", "1", "--no-dashboard",
             "--host", "127.0.0.1", "--local-directory", str(tmp_path / "worker")],
            stdout=open(logs / "worker.log", "w"), stderr=subprocess.STDOUT, env=env, cwd=tmp_path))
        deadline = time.monotonic() + 90
        while True:  # wait for the scheduler to listen and the worker to register
            try:
                with Client(address, timeout="5s", set_as_default=False) as client:
                    client.wait_for_workers(1, timeout=max(1.0, deadline - time.monotonic()))
                break
            except (OSError, TimeoutError):
                for p in procs:
                    if p.poll() is not None:
                        pytest.fail(f"a dask process exited ({p.args[1]}):\n" +
                                    "\n".join(f.read_text()[-2000:] for f in logs.iterdir()))
                if time.monotonic() > deadline:
                    pytest.fail("the dask worker did not register in time")
                time.sleep(0.5)
        results = list(process_documents(corpus, dask_address=address, chunk_size=4))
        _check_same(serial, results)
    finally:
        for p in reversed(procs):
            _stop(p)


def test_extract_paths_with_workers_gives_the_same_records(tmp_path):
    from dyadwatch.pipeline import extract_paths

    write_corpus(tmp_path / "pages", 16, seed=11)
    docs1, events1 = extract_paths([str(tmp_path / "pages")], workers=1)
    docs2, events2 = extract_paths([str(tmp_path / "pages")], workers=2, keep_text=False)
    assert [d.doc_id for d in docs1] == [d.doc_id for d in docs2]
    assert all(d.text == "" for d in docs2)
    assert events1 and [e.to_record() for e in events1] == [e.to_record() for e in events2]


def test_stage_times_are_exclusive():
    timing.reset()
    with timing.stage("outer"):
        time.sleep(0.02)
        with timing.stage("inner"):
            time.sleep(0.03)
    with timing.collect() as col:
        with timing.stage("inner"):
            time.sleep(0.01)
    s = timing.snapshot()["seconds"]
    assert 0.015 < s["outer"] < 0.029
    assert s["inner"] >= 0.04
    assert set(col.seconds) == {"inner"} and col.calls["inner"] == 1
    timing.add(col.as_dict())
    assert timing.snapshot()["calls"]["inner"] == 3
