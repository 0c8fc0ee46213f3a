"""Per-document failures: what one document's failure is recorded as, and a fault injector for tests.

A stage that raises for one document does not stop the run: the exception is caught at the
document boundary (`pipeline`, `parallel`, `store`) and the document gets status `failed`
with `failure(stage, exc)` as its stage and reason.

`DYADWATCH_FAULTS` (tests only; unset in normal use) makes chosen documents fail on purpose, so
the isolation of every path can be tested on real processes: a `;`-separated list of
`STAGE:ACTION:MARKER`, where STAGE is `clean`, `extract` or `store`, MARKER a string the
document's text (or raw page) contains, and ACTION one of

    raise     RuntimeError in that stage
    exit      os._exit(70): the process dies at once (a worker lost)
    kill      SIGKILL to itself (out-of-memory killer, kill -9)
    segv      SIGSEGV to itself (a crash in a C extension)

e.g. `DYADWATCH_FAULTS="extract:raise:FAULT-A;extract:kill:FAULT-K"`."""
from __future__ import annotations

import logging
import os
import signal
from dataclasses import dataclass

log = logging.getLogger(__name__)

ENV_VAR = "DYADWATCH_FAULTS"
STAGES = ("read", "clean", "nlp", "extract", "merge", "store", "worker")
MAX_MESSAGE = 500


@dataclass(frozen=True)
class Failure:
    """Why one document failed: the stage, the exception's type and its message."""

    stage: str
    error_type: str
    message: str

    @property
    def reason(self) -> str:
        return f"{self.stage}: {self.error_type}: {self.message}" if self.message else \
            f"{self.stage}: {self.error_type}"


def failure(stage: str, exc: BaseException) -> Failure:
    """The failure of `exc`, in the innermost timed stage it was raised in (else `stage`)."""
    stage = getattr(exc, "dyadwatch_stage", None) or stage
    msg = " ".join(str(exc).split())
    if len(msg) > MAX_MESSAGE:
        msg = msg[:MAX_MESSAGE - 1] + "…"
    return Failure(stage, type(exc).__name__, msg)


class InjectedFault(RuntimeError):
    """Raised by `inject` for a `raise` fault."""


_spec_cache: tuple[str, list[tuple[str, str, str]]] | None = None


def _spec() -> list[tuple[str, str, str]]:
    global _spec_cache
    raw = os.environ.get(ENV_VAR, "")
    if _spec_cache is None or _spec_cache[0] != raw:
        rules = []
        for part in raw.split(";"):
            bits = part.strip().split(":", 2)
            if len(bits) == 3 and all(bits):
                rules.append((bits[0], bits[1], bits[2]))
        _spec_cache = (raw, rules)
    return _spec_cache[1]


def inject(stage: str, text: str | None) -> None:
    """Fail here on purpose when DYADWATCH_FAULTS asks for it (a no-op otherwise)."""
    if not text or ENV_VAR not in os.environ:
        return
    for where, action, marker in _spec():
        if where != stage or marker not in text:
            continue
        log.debug("injected fault %s:%s:%s", where, action, marker)
        if action == "raise":
            raise InjectedFault(f"injected fault in {stage} ({marker})")
        if action == "exit":
            os._exit(70)
        if action == "kill":
            os.kill(os.getpid(), signal.SIGKILL)
        if action == "segv":
            signal.signal(signal.SIGSEGV, signal.SIG_DFL)
            os.kill(os.getpid(), signal.SIGSEGV)
