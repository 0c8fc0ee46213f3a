"""`make interrupt`: kill -9 and Ctrl-C (SIGINT) at random moments during an ingest of N generated
pages, then a rerun; the exported records must equal those of one uninterrupted run.

    python -m benchmarks.interrupt --pages 2000 --trials 3 [--out /tmp/dyadwatch-interrupt]"""
from __future__ import annotations

import argparse
import json
import random
import shutil
import signal
import subprocess
import sys
import time
from pathlib import Path

from benchmarks.corpus import write_corpus

BIN = Path(sys.executable).with_name("dyadwatch")
DW = [str(BIN)] if BIN.exists() else [sys.executable, "-m", "dyadwatch"]
ENV_SEED = {"PYTHONHASHSEED": "0"}


def _env() -> dict:
    import os

    return {**os.environ, **ENV_SEED}


def export(db: str, out: Path) -> str:
    subprocess.run([*DW, "export", "--db", db, "--format", "jsonl", "-o", str(out)], check=True,
                   capture_output=True, env=_env())
    return out.read_text(encoding="utf-8")


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--pages", type=int, default=2000)
    ap.add_argument("--trials", type=int, default=3)
    ap.add_argument("--seed", type=int, default=1)
    ap.add_argument("--out", default="/tmp/dyadwatch-interrupt")
    args = ap.parse_args()
    out = Path(args.out)
    shutil.rmtree(out, ignore_errors=True)
    out.mkdir(parents=True)
    pages = out / "pages"
    write_corpus(pages, args.pages, seed=args.seed)
    ref_db = f"sqlite:///{out / 'ref.db'}"
    t0 = time.perf_counter()
    subprocess.run([*DW, "ingest", str(pages), "--db", ref_db], check=True, capture_output=True, env=_env())
    full = time.perf_counter() - t0
    ref = export(ref_db, out / "ref.jsonl")
    rng = random.Random(args.seed)
    results = []
    for sig in (signal.SIGKILL, signal.SIGINT):
        for trial in range(args.trials):
            db = f"sqlite:///{out / f'{sig.name}-{trial}.db'}"
            at = rng.uniform(0.1, 0.9) * full
            proc = subprocess.Popen([*DW, "ingest", str(pages), "--db", db], stdout=subprocess.PIPE,
                                    stderr=subprocess.PIPE, text=True, env=_env())
            time.sleep(at)
            interrupted = proc.poll() is None
            if interrupted:
                proc.send_signal(sig)
            stdout, stderr = proc.communicate(timeout=600)
            rerun = subprocess.run([*DW, "ingest", str(pages), "--db", db], capture_output=True, text=True,
                                   env=_env())
            got = export(db, out / f"{sig.name}-{trial}.jsonl")
            res = {"signal": sig.name, "trial": trial, "at_seconds": round(at, 1), "interrupted": interrupted,
                   "exit": proc.returncode, "summary": (stdout.strip().splitlines() or [""])[-1],
                   "rerun_exit": rerun.returncode, "rerun_summary": rerun.stdout.strip(),
                   "equal": got == ref, "records": len(got.splitlines())}
            results.append(res)
            print(json.dumps(res), flush=True)
    summary = {"pages": args.pages, "uninterrupted_seconds": round(full, 1), "reference_records": len(ref.splitlines()),
               "trials": results, "all_equal": all(r["equal"] for r in results)}
    (out / "summary.json").write_text(json.dumps(summary, indent=1))
    print(json.dumps({k: summary[k] for k in ("pages", "uninterrupted_seconds", "reference_records", "all_equal")}))
    sys.exit(0 if summary["all_equal"] else 1)


if __name__ == "__main__":
    main()
