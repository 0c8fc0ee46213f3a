"""A lightweight per-process timing registry: where the time of a run goes, by stage.

    from dyadwatch.timing import stage

    with stage("nlp"):
        analysis = analyzer.analyze(text)

Time is *exclusive*: a stage nested in another is not counted twice (the outer stage gets
its own time only), so the shares of all stages add up to the instrumented total. The
stages the pipeline uses are `read`, `clean`, `nlp`, `extract`, `merge` and `store`; any
other name works too. The cost is two `perf_counter` calls and a few dict updates per
stage, so wrapping one call per document is free.

Worker processes (see `parallel.py`) time their own stages with `collect()` and send the
figures back with their results; the caller folds them in with `add()`, so `snapshot()`
in the caller covers the work done on its behalf elsewhere (CPU time summed over workers,
not wall time)."""
from __future__ import annotations

import threading
from collections import defaultdict
from collections.abc import Iterator, Mapping
from contextlib import contextmanager
from time import perf_counter

STAGES = ("read", "clean", "nlp", "extract", "merge", "store")

_lock = threading.Lock()
_seconds: dict[str, float] = defaultdict(float)
_calls: dict[str, int] = defaultdict(int)
_local = threading.local()


def _state():
    st = getattr(_local, "state", None)
    if st is None:
        st = _local.state = ([], [])  # (stack of [name, start, nested seconds], active collectors)
    return st


def _record(name: str, seconds: float) -> None:
    with _lock:
        _seconds[name] += seconds
        _calls[name] += 1
    for col in _state()[1]:
        col.seconds[name] = col.seconds.get(name, 0.0) + seconds
        col.calls[name] = col.calls.get(name, 0) + 1


@contextmanager
def stage(name: str) -> Iterator[None]:
    """Count the time spent in the block (minus nested stages) under `name`."""
    stack = _state()[0]
    frame: list = [name, perf_counter(), 0.0]  # name, start, time of nested stages
    stack.append(frame)
    try:
        yield
    except BaseException as exc:
        # the innermost stage a document's failure happened in (faults.failure reads it)
        if getattr(exc, "dyadwatch_stage", None) is None:
            try:
                exc.dyadwatch_stage = name  # type: ignore[attr-defined]
            except AttributeError:
                pass
        raise
    finally:
        elapsed = perf_counter() - frame[1]
        stack.pop()
        if stack:
            stack[-1][2] += elapsed
        _record(name, elapsed - frame[2])


def timed(name: str):
    """Decorator form of `stage`."""
    def wrap(fn):
        import functools

        @functools.wraps(fn)
        def inner(*args, **kwargs):
            with stage(name):
                return fn(*args, **kwargs)
        return inner
    return wrap


class Collector:
    """The stage times recorded by this thread while the collector is active."""

    def __init__(self) -> None:
        self.seconds: dict[str, float] = {}
        self.calls: dict[str, int] = {}

    def as_dict(self) -> dict[str, dict[str, float]]:
        return {"seconds": dict(self.seconds), "calls": dict(self.calls)}


@contextmanager
def collect() -> Iterator[Collector]:
    """Collect the stage times of a block of work (for sending them back to a caller)."""
    col = Collector()
    cols = _state()[1]
    cols.append(col)
    try:
        yield col
    finally:
        cols.remove(col)


def add(figures: Mapping[str, Mapping[str, float]] | None) -> None:
    """Fold figures from elsewhere (`Collector.as_dict()`, `snapshot()`) into this process's."""
    if not figures:
        return
    with _lock:
        for name, secs in (figures.get("seconds") or {}).items():
            _seconds[name] += secs
        for name, n in (figures.get("calls") or {}).items():
            _calls[name] += int(n)


def snapshot() -> dict[str, dict[str, float]]:
    """{"seconds": {stage: s}, "calls": {stage: n}} so far in this process."""
    with _lock:
        return {"seconds": dict(_seconds), "calls": dict(_calls)}


def reset() -> None:
    with _lock:
        _seconds.clear()
        _calls.clear()
