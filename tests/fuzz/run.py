"""`make fuzz`: N fuzzed pages (tests/fuzz/pages.py, seeds 0..N-1) through `dyadwatch extract`,
`ingest` and `ingest --workers 2`, one run at a time, as real processes.

Asserted for each run: it completed (exit 0), every input is accounted for (read == inputs;
ok + rejected + failed add up; every rejected or failed document has a reason). Reported: the
failed share (goal 0) and the most common failure reasons, in a JSON summary.

    python -m tests.fuzz.run --pages 10000 [--out /tmp/dyadwatch-fuzz] [--only extract,ingest,workers]"""
from __future__ import annotations

import argparse
import collections
import json
import os
import re
import shutil
import subprocess
import sys
import time
from pathlib import Path

from tests.fuzz.pages import write_pages

BIN = Path(sys.executable).with_name("dyadwatch")
DW = [str(BIN)] if BIN.exists() else [sys.executable, "-m", "dyadwatch"]


def _run(args: list[str], log: Path) -> tuple[int, str, str, float]:
    t0 = time.perf_counter()
    r = subprocess.run([*DW, *args], capture_output=True, text=True)
    log.write_text(f"$ dyadwatch {' '.join(args)}\n-- stdout --\n{r.stdout[-20000:]}\n-- stderr --\n{r.stderr}")
    return r.returncode, r.stdout, r.stderr, time.perf_counter() - t0


def check_extract(folder: Path, n: int, out: Path) -> dict:
    code, _, err, secs = _run(["extract", str(folder), "-o", str(out / "events.jsonl")], out / "extract.log")
    m = re.search(r"documents: (\d+) read, (\d+) rejected, (\d+) failed; events: (\d+)", err)
    res = {"run": "extract", "exit": code, "seconds": round(secs, 1)}
    if code != 0 or not m:
        return {**res, "stopped": True, "tail": err[-1500:]}
    read, rejected, failed, events = map(int, m.groups())
    listed = collections.Counter(line.split(" ", 1)[0] for line in err.splitlines()
                                 if line.startswith(("rejected ", "failed ")))
    reasons = collections.Counter(line.split(": ", 2)[1] + ": " + line.split(": ", 3)[2]
                                  for line in err.splitlines() if line.startswith("failed "))
    return {**res, "stopped": False, "read": read, "ok": read - rejected - failed, "rejected": rejected,
            "failed": failed, "events": events, "accounted": read == n and listed["rejected"] == rejected
            and listed["failed"] == failed, "failure_reasons": reasons.most_common(10)}


def check_ingest(folder: Path, n: int, out: Path, workers: int) -> dict:
    name = "ingest" if workers == 1 else f"ingest --workers {workers}"
    db = f"sqlite:///{out / ('ingest-w%d.db' % workers)}"
    code, stdout, err, secs = _run(["ingest", str(folder), "--db", db, "--workers", str(workers)],
                                   out / f"ingest-w{workers}.log")
    res = {"run": name, "exit": code, "seconds": round(secs, 1)}
    m = re.search(r"documents: (\d+) read, (\d+) new(?: \(\d+ retried\))?, (\d+) already stored, (\d+) rejected, "
                  r"(\d+) failed;", stdout)
    if code != 0 or not m:
        return {**res, "stopped": True, "tail": err[-1500:]}
    read, new, known, rejected, failed = map(int, m.groups())
    r = subprocess.run([*DW, "documents", "--db", db, "--format", "jsonl"], capture_output=True, text=True)
    docs = [json.loads(x) for x in r.stdout.splitlines()]
    by_status = collections.Counter(d["status"] for d in docs)
    reasons = collections.Counter(f"{d['stage']}: {d['error_type']}" for d in docs if d["status"] == "failed")
    return {**res, "stopped": False, "read": read, "new": new, "already_stored": known, "rejected": rejected,
            "failed": failed, "stored": dict(by_status),
            "accounted": read == n == new + known + rejected + failed and by_status["ok"] == new
            and by_status["rejected"] == rejected and by_status["failed"] == failed
            and all(d["reason"] for d in docs if d["status"] != "ok"),
            "failure_reasons": reasons.most_common(10)}


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--pages", type=int, default=10_000)
    ap.add_argument("--seed", type=int, default=0)
    ap.add_argument("--out", default="/tmp/dyadwatch-fuzz")
    ap.add_argument("--only", default="extract,ingest,workers")
    args = ap.parse_args()
    out = Path(args.out)
    shutil.rmtree(out, ignore_errors=True)
    out.mkdir(parents=True)
    folder = out / "pages"
    write_pages(folder, args.pages, seed=args.seed)
    n = sum(1 for _ in folder.iterdir())
    os.environ.pop("DYADWATCH_FAULTS", None)
    results = []
    for what in args.only.split(","):
        if what == "extract":
            results.append(check_extract(folder, n, out))
        elif what == "ingest":
            results.append(check_ingest(folder, n, out, 1))
        elif what == "workers":
            results.append(check_ingest(folder, n, out, 2))
        print(json.dumps(results[-1], ensure_ascii=False), flush=True)
    summary = {"pages": n, "runs": results,
               "stopped_runs": sum(r["stopped"] for r in results),
               "all_accounted": all(r.get("accounted") for r in results),
               "failed_share": {r["run"]: (r.get("failed", 0) / n if n else 0) for r in results}}
    (out / "summary.json").write_text(json.dumps(summary, indent=1, ensure_ascii=False))
    print(json.dumps({k: summary[k] for k in ("pages", "stopped_runs", "all_accounted", "failed_share")}))
    sys.exit(0 if summary["stopped_runs"] == 0 and summary["all_accounted"] else 1)


if __name__ == "__main__":
    main()
