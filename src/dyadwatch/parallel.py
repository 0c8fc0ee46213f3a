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

Every path isolates documents: a document a stage raises on comes back `failed` (its Failure
marks it in the caller); a worker process that dies loses its chunk to a retry, not the run
(local pools are rebuilt and the lost chunks replayed, then document by document; on Dask
the scheduler retries, and a chunk that still fails is run document by document), and a
document that kills its worker every time ends `failed` (stage `worker`).

Stage times measured in the workers (`dyadwatch.timing`) come back with the results and
are added to the caller's registry."""
from __future__ import annotations

import itertools
import logging
import multiprocessing
import os
import signal
import threading
import uuid
from collections import deque
from collections.abc import Iterable, Iterator
from typing import Any

from . import timing
from .faults import Failure, failure
from .model import Document, Event

log = logging.getLogger(__name__)

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
        from .work import analyse

        for doc in docs:
            events, failed = analyse(doc)
            if failed is not None:
                doc.mark_failed(failed)
            yield doc, events


def _settle(chunk: list[Document], results: list) -> Iterator[tuple[Document, list[Event]]]:
    """(document, events) of a chunk's results: a Failure marks its document failed."""
    for doc, res in zip(chunk, results):
        if isinstance(res, Failure):
            doc.mark_failed(res)
            yield doc, []
        else:
            yield doc, res


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


def run_chunk(docs: list[Document]) -> tuple[list[list[Event] | Failure], dict]:
    """For each document of a chunk its events (or its Failure), and the stage times it took."""
    global _init_figures
    from .work import analyse

    with timing.collect() as col:
        warm_up({d.lang for d in docs if d.ok})
        events = [evs if failed is None else failed for evs, failed in map(analyse, docs)]
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
    # Ctrl-C on a terminal reaches the whole process group: the caller decides what it means
    # (finish the current document, then stop), so the workers must not die of it
    signal.signal(signal.SIGINT, signal.SIG_IGN)
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
    """Chunks on a process pool, results in order. A worker that dies (segfault, out of memory,
    killed) breaks the pool: the chunks it took down are run again on a new pool, one at a time
    and then document by document, so only a document that kills its worker `WORKER_ATTEMPTS`
    times ends `failed`; the run goes on."""
    from concurrent.futures.process import BrokenProcessPool

    chunks = _chunks(docs, chunk_size)
    first = next(chunks, None)
    if first is None:
        return
    langs = sorted({d.lang for d in first if d.ok})
    chunks = itertools.chain([first], chunks)
    pools = _Pools(workers, langs)
    pending: deque = deque()
    try:
        more = True
        while True:
            while more and len(pending) < max_inflight:
                chunk = next(chunks, None)
                if chunk is None:
                    more = False
                    break
                pending.append((chunk, pools.submit(chunk)))
            if not pending:
                return
            chunk, fut = pending.popleft()
            try:
                events, figures = fut.result()
            except BrokenProcessPool:
                # every chunk still out went down with the pool: replay them in order, isolated
                kept = {id(c): f for c, f in pending if _finished(f)}
                replay = [chunk] + [c for c, _ in pending]
                log.warning("a worker process died; %d chunk(s) are run again", len(replay) - len(kept))
                pools.restart()
                pending.clear()
                for c in replay:
                    if id(c) in kept:
                        events, figures = kept[id(c)].result()
                        timing.add(figures)
                        yield from _settle(c, events)
                    else:
                        yield from _isolated(pools, c)
                continue
            except Exception as exc:  # the chunk could not be sent or its results not returned
                log.warning("a chunk failed on the workers (%s: %s); its documents are run one by one",
                            type(exc).__name__, exc)
                yield from _isolated(pools, chunk, split_first=True)
                continue
            timing.add(figures)
            yield from _settle(chunk, events)
    finally:
        pools.shutdown()


class WorkersFailed(RuntimeError):
    """The worker processes cannot run at all (the run cannot go on)."""


WORKER_ATTEMPTS = 2  # a document that kills its worker this many times (alone on it) fails


def _finished(fut) -> bool:  # noqa: ANN001
    return fut.done() and not fut.cancelled() and fut.exception() is None


class _Pools:
    """The current process pool, replaced when a worker's death breaks it."""

    def __init__(self, workers: int, langs: list[str]) -> None:
        self.workers, self.langs = workers, langs
        self.worked = False  # some task has come back: workers can run at all
        self.pool = self._new()

    def _new(self):
        from concurrent.futures import ProcessPoolExecutor

        return ProcessPoolExecutor(max_workers=self.workers, mp_context=_mp_context(),
                                   initializer=_init_local_worker, initargs=(self.langs,))

    def submit(self, chunk: list[Document]):
        fut = self.pool.submit(run_chunk, chunk)
        fut.add_done_callback(self._done)
        return fut

    def _done(self, fut) -> None:  # noqa: ANN001
        if not fut.cancelled() and fut.exception() is None:
            self.worked = True

    def restart(self) -> None:
        self.pool.shutdown(wait=True, cancel_futures=True)
        self.pool = self._new()

    def shutdown(self) -> None:
        self.pool.shutdown(wait=True, cancel_futures=True)


def _isolated(pools: _Pools, chunk: list[Document], split_first: bool = False
              ) -> Iterator[tuple[Document, list[Event]]]:
    """Run a chunk alone on the pool; if it breaks the pool again, run its documents one by one,
    each alone, so a death is charged to the document that caused it."""
    from concurrent.futures.process import BrokenProcessPool

    if not split_first:
        try:
            events, figures = pools.submit(chunk).result()
            timing.add(figures)
            yield from _settle(chunk, events)
            return
        except BrokenProcessPool:
            pools.restart()
        except Exception:  # noqa: BLE001 - run document by document below
            pass
    for doc in chunk:
        err: BaseException | None = None
        for _attempt in range(WORKER_ATTEMPTS):
            try:
                events, figures = pools.submit([doc]).result()
            except BrokenProcessPool as exc:
                err = exc
                pools.restart()
                continue
            except Exception as exc:  # noqa: BLE001
                err = exc
                break
            timing.add(figures)
            yield from _settle([doc], events)
            break
        else:
            if not pools.worked:  # no worker ever finished a task: the pool itself is broken
                raise WorkersFailed("the worker processes die before finishing any work "
                                    "(run with --workers 1 to see why)")
            doc.mark_failed(Failure("worker", "WorkerDied",
                                    f"the worker process died on this document {WORKER_ATTEMPTS} times"))
            log.warning("%s: its worker process died %d times; marked failed", doc.doc_id, WORKER_ATTEMPTS)
            yield doc, []
            continue
        if err is not None and not isinstance(err, BrokenProcessPool):
            doc.mark_failed(failure("worker", err))
            yield doc, []


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
            try:
                events, figures = fut.result()
            except Exception as exc:  # KilledWorker (it died `allowed-failures` times), lost data...
                log.warning("a chunk failed on Dask (%s: %s); its documents are run one by one",
                            type(exc).__name__, exc)
                events, figures = _dask_one_by_one(client, held[i], run_id, i), {}
            fut.release()
            timing.add(figures)
            done[i] = events
            while next_out in done:
                chunk = held.pop(next_out)
                ready = done.pop(next_out)
                next_out += 1
                yield from _settle(chunk, ready)
            refill()
    finally:
        client.close()


def _dask_one_by_one(client, chunk: list[Document], run_id: str, i: int) -> list:  # noqa: ANN001
    """The results of a failed chunk's documents, each its own task: one that fails again
    (its worker killed every time) gets its Failure; the others their events."""
    futures = client.map(run_chunk, [[d] for d in chunk], key=[f"dyadwatch-doc-{run_id}-{i}-{j}"
                                                               for j in range(len(chunk))], pure=False)
    out: list = []
    for _doc, fut in zip(chunk, futures):
        try:
            (res,), figures = fut.result()
            timing.add(figures)
            out.append(res)
        except Exception as exc:  # noqa: BLE001
            kind = "WorkerDied" if type(exc).__name__ == "KilledWorker" else type(exc).__name__
            out.append(Failure("worker", kind, " ".join(str(exc).split())[:500]))
        fut.release()
    return out
