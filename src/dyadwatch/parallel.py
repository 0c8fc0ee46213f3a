"""Where per-document work runs: in this process, in local worker processes, or on Dask.

`process_documents(docs, workers=N, dask_address=None)` yields `(document, its events)` in
input order whatever runs the work, and the events are the same as in a single-process run:
merging and storing happen once, in the caller.

* workers=1, no address: in this process.
* workers>1: a pool of local processes (`ProcessPoolExecutor`). Documents go out in chunks
  of `chunk_size`; at most `max_inflight` chunks are out at a time (so memory stays flat
  however long the input is: the caller's reader only runs ahead by that many chunks);
  results come back in order. Each worker loads the models once, in its initializer.
* dask_address: a Dask distributed scheduler (`tcp://host:8786`, or a LocalCluster's
  address). Chunks are submitted in bounded batches (`client.map`), collected with
  `as_completed` and put back in input order. A worker process loads the models on its
  first chunk and keeps them (module-level caches), so every worker loads them once.
  The workers need dyadwatch installed (the same version as the caller).

Stage times measured in the workers (`dyadwatch.timing`) come back with the results and
are added to the caller's registry."""
from __future__ import annotations

import itertools
import multiprocessing
import os
import threading
import uuid
from collections import deque
from collections.abc import Iterable, Iterator
from typing import Any

from . import timing
from .model import Document, Event

LOCAL_CHUNK = 8  # documents per task for local workers (a Russian page takes ~40 ms)
DASK_CHUNK = 32  # documents per task on Dask (each task costs the scheduler ~1 ms)

# Tiny texts that make a worker load what a language needs (models, lexicons, the KB).
_WARM_TEXTS = {
    "ru": "Москва, 1 марта. Министр обороны России провёл переговоры с министром обороны Китая.",
    "en": "Moscow, March 1. The Russian defence minister held talks with the Chinese defence minister.",
}

_warm_lock = threading.Lock()
_warmed: set[str] = set()
_init_figures: dict | None = None  # stage times of a local worker's initializer, sent with its first chunk


def process_documents(docs: Iterable[Document], workers: int = 1, dask_address: str | None = None,
                      *, chunk_size: int | None = None, max_inflight: int | None = None
                      ) -> Iterator[tuple[Document, list[Event]]]:
    """Yield (document, its events) in input order."""
    if dask_address:
        yield from _on_dask(docs, dask_address, chunk_size or DASK_CHUNK, max_inflight)
    elif workers and workers > 1:
        yield from _on_local_workers(docs, workers, chunk_size or LOCAL_CHUNK, max_inflight or 2 * workers)
    else:
        from .work import process_document

        for doc in docs:
            yield doc, process_document(doc)


# --------------------------------------------------------------------- worker side
def warm_up(langs: Iterable[str]) -> None:
    """Load what the given languages need, once per process (thread-safe)."""
    from .work import process_document

    with _warm_lock:
        for lang in langs:
            if lang in _warmed or lang not in _WARM_TEXTS:
                continue
            _warmed.add(lang)
            try:
                process_document(Document(doc_id=f"warm-up-{lang}", lang=lang, text=_WARM_TEXTS[lang]))
            except Exception:  # a real document will raise it again, where it can be reported
                pass


def run_chunk(docs: list[Document]) -> tuple[list[list[Event]], dict]:
    """The events of each document of a chunk, and the stage times it took."""
    global _init_figures
    from .work import process_document

    with timing.collect() as col:
        warm_up({d.lang for d in docs if d.ok})
        events = [process_document(d) for d in docs]
    figures = col.as_dict()
    if _init_figures is not None:
        for kind in ("seconds", "calls"):
            for name, v in _init_figures[kind].items():
                figures[kind][name] = figures[kind].get(name, 0) + v
        _init_figures = None
    return events, figures


# One BLAS thread per worker process (what Dask's nanny sets too): the workers already use
# every core, and OpenBLAS's own threads would only compete with them.
_ONE_THREAD = {"OMP_NUM_THREADS": "1", "OPENBLAS_NUM_THREADS": "1", "MKL_NUM_THREADS": "1"}


def _init_local_worker(langs: list[str]) -> None:
    global _init_figures
    for k, v in _ONE_THREAD.items():  # before numpy is imported (the models import it)
        os.environ.setdefault(k, v)
    with timing.collect() as col:
        warm_up(langs)
    _init_figures = col.as_dict()


# --------------------------------------------------------------------- caller side
def _chunks(docs: Iterable[Document], size: int) -> Iterator[list[Document]]:
    it = iter(docs)
    while chunk := list(itertools.islice(it, size)):
        yield chunk


def _mp_context():
    # forkserver: workers are forked from a clean server process, not from the caller
    # (which may hold threads: a progress bar, a database pool); spawn where it is missing
    method = os.environ.get("DYADWATCH_MP_START")
    if not method:
        method = "forkserver" if "forkserver" in multiprocessing.get_all_start_methods() else "spawn"
    ctx = multiprocessing.get_context(method)
    if method == "forkserver":  # imported once in the server, shared by the workers it forks
        ctx.set_forkserver_preload(["dyadwatch.pipeline", "dyadwatch.extract", "dyadwatch.parallel"])
    return ctx


def _on_local_workers(docs: Iterable[Document], workers: int, chunk_size: int, max_inflight: int
                      ) -> Iterator[tuple[Document, list[Event]]]:
    from concurrent.futures import ProcessPoolExecutor

    chunks = _chunks(docs, chunk_size)
    first = next(chunks, None)
    if first is None:
        return
    langs = sorted({d.lang for d in first if d.ok})
    chunks = itertools.chain([first], chunks)
    pool = ProcessPoolExecutor(max_workers=workers, mp_context=_mp_context(),
                               initializer=_init_local_worker, initargs=(langs,))
    pending: deque = deque()
    try:
        more = True
        while True:
            while more and len(pending) < max_inflight:
                chunk = next(chunks, None)
                if chunk is None:
                    more = False
                    break
                pending.append((chunk, pool.submit(run_chunk, chunk)))
            if not pending:
                return
            chunk, fut = pending.popleft()
            events, figures = fut.result()
            timing.add(figures)
            yield from zip(chunk, events)
    finally:
        pool.shutdown(wait=True, cancel_futures=True)


def _on_dask(docs: Iterable[Document], address: str, chunk_size: int, max_inflight: int | None
             ) -> Iterator[tuple[Document, list[Event]]]:
    from .extras import require

    require("dask", "--dask")
    from distributed import Client, as_completed

    client = Client(address, set_as_default=False, timeout="30s")
    try:
        if max_inflight is None:
            threads = sum(client.nthreads().values()) or 1
            max_inflight = 2 * threads + 2
        run_id = uuid.uuid4().hex[:12]
        chunks = enumerate(_chunks(docs, chunk_size))
        held: dict[int, list[Document]] = {}  # chunks sent and not yet yielded (bounded)
        done: dict[int, list[list[Event]]] = {}
        index_of: dict[Any, int] = {}  # a Dask future's key -> its chunk
        next_out = 0
        more = True
        ac = as_completed(loop=client.loop)

        def refill() -> None:
            nonlocal more
            batch: list[tuple[int, list[Document]]] = []
            while more and len(held) + len(batch) < max_inflight:
                item = next(chunks, None)
                if item is None:
                    more = False
                    break
                batch.append(item)
            if not batch:
                return
            keys = [f"dyadwatch-chunk-{run_id}-{i}" for i, _ in batch]
            futures = client.map(run_chunk, [c for _, c in batch], key=keys, pure=False)
            for (i, c), fut in zip(batch, futures):
                held[i] = c
                index_of[fut.key] = i
                ac.add(fut)

        refill()
        for fut in ac:
            i = index_of.pop(fut.key)
            events, figures = fut.result()
            fut.release()
            timing.add(figures)
            done[i] = events
            while next_out in done:
                chunk = held.pop(next_out)
                ready = done.pop(next_out)
                next_out += 1
                yield from zip(chunk, ready)
            refill()
    finally:
        client.close()
