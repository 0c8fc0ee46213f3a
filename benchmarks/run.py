"""`make bench`: how fast `dyadwatch extract` and `dyadwatch ingest` are, and where the time goes.

For each size (documents; default 100, 1,000 and 10,000, or $BENCH_SIZES="100,1000") a corpus
of distinct generated pages, half Russian and half English (benchmarks/corpus.py), is written to
a temporary folder, and each measurement runs in a fresh child process:

  extract         `dyadwatch extract` over the whole corpus (one process)
  extract ru      the same over the Russian half
  natasha ru      a bare natasha pass over the same Russian pages: segmentation, morphology,
                  NER, span normalisation, model loading included
  extract en      `dyadwatch extract` over the English half
  ingest          `dyadwatch ingest` of the whole corpus into a new SQLite database
  extract ×2      `dyadwatch extract --workers 2` (sizes up to $BENCH_PARALLEL_MAX, default 1000)

Wall time is taken around the child process (interpreter start, imports and model loading
included). CPU time and peak RSS come from the kernel (wait4: the child and the processes it
waited for) and from sampling the process tree every 0.1 s (psutil), whichever is larger:
`peak RSS` is the largest single process, `tree RSS` the whole tree at its peak (with workers).
Numpy's BLAS runs one thread per process ($BENCH_BLAS_THREADS, default 1), in every child alike. Stage shares
come from the child's `dyadwatch.timing` registry. The ratio `extract ru / natasha ru` is the
goal of the issue (<= 1.3). The load average is recorded with each run: the machine is shared.

Results: a table on the terminal, benchmarks/results/latest.json and benchmarks/results/latest.md
(paste the latter into benchmarks/RESULTS.md).

    python -m benchmarks.run [--sizes 100,1000] [--keep DIR] [--only extract,natasha,...]"""
from __future__ import annotations

import argparse
import json
import os
import platform
import subprocess
import sys
import tempfile
import threading
import time
from pathlib import Path

HERE = Path(__file__).resolve().parent
ROOT = HERE.parent
STAGES = ("read", "clean", "nlp", "extract", "merge", "store")
GOALS = {"ratio": 1.3, "en_docs_per_s": 200.0, "rss_mb": 1024.0}


# =========================================================================== child side
def _child(spec: dict) -> dict:
    """One measurement, in this (fresh) process. Returns what the parent cannot see."""
    t0 = time.perf_counter()
    op = spec["op"]
    out: dict = {"op": op}
    if op == "natasha":
        out.update(_bare_natasha(spec["paths"]))
    else:
        from dyadwatch import timing

        _instrument()
        if op == "extract":
            out.update(_run_extract(spec))
        elif op == "ingest":
            out.update(_run_ingest(spec))
        else:
            raise SystemExit(f"unknown op {op}")
        out["stages"] = timing.snapshot()
    out["child_seconds"] = time.perf_counter() - t0
    return out


def _instrument() -> None:
    """Stage timers around the analyzers and the store's writes, for a run in this process.
    (Nested stages of the same name count once, so this is harmless where the code already
    times itself.)"""
    from dyadwatch.timing import timed

    try:
        from dyadwatch.nlp.en import EnglishAnalyzer
        from dyadwatch.nlp.ru import RussianAnalyzer

        for cls in (RussianAnalyzer, EnglishAnalyzer):
            if not getattr(cls.analyze, "_bench_timed", False):
                cls.analyze = timed("nlp")(cls.analyze)
                cls.analyze._bench_timed = True
    except ImportError:
        pass
    try:
        from dyadwatch.store import Store

        for name in ("_add", "has_document", "add_document"):
            fn = getattr(Store, name, None)
            if fn is not None and not getattr(fn, "_bench_timed", False):
                setattr(Store, name, timed("store")(fn))
                getattr(Store, name)._bench_timed = True
    except ImportError:
        pass


def _run_cli(args: list[str]) -> None:
    from dyadwatch.cli import app

    try:
        app(args, standalone_mode=False)
    except SystemExit as exc:  # typer.Exit(0) and friends
        if exc.code not in (0, None):
            raise


def _run_extract(spec: dict) -> dict:
    out_path = spec["out"]
    args = ["extract", *spec["paths"], "-o", out_path]
    if spec.get("workers", 1) > 1:
        args += ["--workers", str(spec["workers"])]
    _run_cli(args)
    with open(out_path, encoding="utf-8") as f:
        events = sum(1 for line in f if line.strip())
    return {"events": events}


def _run_ingest(spec: dict) -> dict:
    from dyadwatch.cli import app

    names = {getattr(c, "name", None) or (c.callback.__name__ if c.callback else None)
             for c in app.registered_commands}
    if "ingest" in names:
        args = ["ingest", *spec["paths"], "--db", spec["db"]]
        if spec.get("workers", 1) > 1:
            args += ["--workers", str(spec["workers"])]
        _run_cli(args)
        via = "cli"
    else:  # the command is not there yet: the API it calls
        from dyadwatch.store import Store

        with Store(spec["db"]) as store:
            store.ingest(spec["paths"], progress=False, workers=spec.get("workers", 1))
        via = "api"
    from dyadwatch.store import Store

    with Store(spec["db"]) as store:
        stats = store.stats()
    return {"events": stats.get("events"), "documents": stats.get("documents"), "via": via}


def _bare_natasha(paths: list[str]) -> dict:
    """Segmentation, morphology, NER and span normalisation of each page, models loaded here."""
    t0 = time.perf_counter()
    from natasha import Doc, NewsEmbedding, NewsMorphTagger, NewsNERTagger, Segmenter

    from dyadwatch.nlp.ru_morph import MorphVocab  # natasha's, on pymorphy3 (as dyadwatch runs it)

    segmenter, emb = Segmenter(), NewsEmbedding()
    morph_tagger, ner_tagger, vocab = NewsMorphTagger(emb), NewsNERTagger(emb), MorphVocab()
    load = time.perf_counter() - t0
    files = sorted(p for folder in paths for p in Path(folder).rglob("*.txt"))
    spans = 0
    for path in files:
        text = path.read_text(encoding="utf-8")
        if text.startswith(" date "):  # the seed format's first line: ' date YYYY-MM-DD <first line>'
            text = text[len(" date 2000-01-01 "):]
        doc = Doc(text)
        doc.segment(segmenter)
        doc.tag_morph(morph_tagger)
        doc.tag_ner(ner_tagger)
        for span in doc.spans:
            span.normalize(vocab)
        spans += len(doc.spans)
    return {"load_seconds": load, "spans": spans, "documents": len(files)}


# =========================================================================== parent side
def _tree_sampler(pid: int, peak: dict, stop: threading.Event) -> None:
    """Peak RSS of the process tree (sum) and of its largest process, and the CPU time of every
    process seen in it: pool workers forked by a forkserver are not the child's own children,
    so the kernel's figures for the child (wait4) miss them."""
    try:
        import psutil
    except ImportError:
        return
    try:
        root = psutil.Process(pid)
    except psutil.Error:
        return
    cpu: dict[int, float] = {}
    while not stop.is_set():
        total = 0
        try:
            procs = [root] + root.children(recursive=True)
        except psutil.Error:
            break
        for p in procs:
            try:
                with p.oneshot():
                    rss = p.memory_info().rss
                    t = p.cpu_times()
            except psutil.Error:
                continue
            total += rss
            peak["proc"] = max(peak["proc"], rss)
            cpu[p.pid] = t.user + t.system
        peak["tree"] = max(peak["tree"], total)
        peak["cpu"] = sum(cpu.values())
        stop.wait(0.1)


def measure(spec: dict, workdir: Path) -> dict:
    """Run one measurement in a child process; wall, CPU and memory from the outside."""
    spec_path = workdir / f"spec-{time.monotonic_ns()}.json"
    result_path = spec_path.with_suffix(".result.json")
    log_path = spec_path.with_suffix(".log")
    spec_path.write_text(json.dumps(spec))
    cmd = [sys.executable, "-m", "benchmarks.run", "--child", str(spec_path), "--child-out", str(result_path)]
    env = {**os.environ, "PYTHONPATH": os.pathsep.join(filter(None, [str(ROOT), os.environ.get("PYTHONPATH")]))}
    blas = os.environ.get("BENCH_BLAS_THREADS", "1")  # "" leaves numpy's default (one thread per core)
    if blas:
        env.update(OMP_NUM_THREADS=blas, OPENBLAS_NUM_THREADS=blas, MKL_NUM_THREADS=blas)
    load_before = os.getloadavg()[0]
    peak = {"tree": 0, "proc": 0, "cpu": 0.0}
    stop = threading.Event()
    with open(log_path, "w") as log:
        t0 = time.perf_counter()
        proc = subprocess.Popen(cmd, cwd=ROOT, stdout=log, stderr=subprocess.STDOUT, env=env)
        sampler = threading.Thread(target=_tree_sampler, args=(proc.pid, peak, stop), daemon=True)
        sampler.start()
        _, status, usage = os.wait4(proc.pid, 0)
        wall = time.perf_counter() - t0
        proc.returncode = os.waitstatus_to_exitcode(status)
        stop.set()
        sampler.join()
    if proc.returncode != 0:
        raise RuntimeError(f"{spec['op']} failed (exit {proc.returncode}):\n{log_path.read_text()[-4000:]}")
    res = json.loads(result_path.read_text())
    res.update(wall=wall, cpu=max(usage.ru_utime + usage.ru_stime, peak["cpu"]),
               maxrss_mb=max(usage.ru_maxrss / 1024, peak["proc"] / 2**20), tree_rss_mb=peak["tree"] / 2**20,
               load_before=load_before, load_after=os.getloadavg()[0],
               log_tail=log_path.read_text()[-600:])
    return res


def _mb(paths: list[Path]) -> float:
    return sum(p.stat().st_size for p in paths) / 1e6


def run_size(n: int, base: Path, only: set[str] | None, parallel_max: int) -> dict:
    from benchmarks.corpus import write_corpus

    work = base / f"size-{n}"
    folder = work / "corpus"
    t0 = time.perf_counter()
    written = write_corpus(folder, n, ("ru", "en"), seed=n)
    gen_s = time.perf_counter() - t0
    ru, en = written["ru"], written["en"]
    all_paths = [str(folder / "ru"), str(folder / "en")]
    jobs = [
        ("extract", {"op": "extract", "paths": all_paths}, n, _mb(ru + en)),
        ("extract ru", {"op": "extract", "paths": [str(folder / "ru")]}, len(ru), _mb(ru)),
        ("natasha ru", {"op": "natasha", "paths": [str(folder / "ru")]}, len(ru), _mb(ru)),
        ("extract en", {"op": "extract", "paths": [str(folder / "en")]}, len(en), _mb(en)),
        ("ingest", {"op": "ingest", "paths": all_paths, "db": f"sqlite:///{work / 'bench.db'}"}, n,
         _mb(ru + en)),
    ]
    if n <= parallel_max:
        jobs.append(("extract ×2", {"op": "extract", "paths": all_paths, "workers": 2}, n, _mb(ru + en)))
    rows = []
    for name, spec, docs, mb in jobs:
        if only and name.split()[0] not in only and name not in only:
            continue
        spec.setdefault("out", str(work / f"out-{name.replace(' ', '-')}.jsonl"))
        print(f"  {n:>6} · {name:<11} ({docs} documents) ...", end="", flush=True, file=sys.stderr)
        res = measure(spec, work)
        res.update(name=name, size=n, documents=docs, mb=mb, workers=spec.get("workers", 1))
        print(f" {res['wall']:.1f} s", file=sys.stderr)
        rows.append(res)
    same = None
    one, two = work / "out-extract.jsonl", work / "out-extract-×2.jsonl"
    if one.exists() and two.exists():  # --workers 2 must write what one process writes
        same = one.read_bytes() == two.read_bytes()
    return {"size": n, "generate_seconds": gen_s, "rows": rows, "workers_2_identical": same}


# ------------------------------------------------------------------------- reporting
def _shares(row: dict) -> dict[str, float]:
    st = (row.get("stages") or {}).get("seconds") or {}
    total = row["child_seconds"]
    shares = {s: st.get(s, 0.0) / total for s in STAGES}
    shares["other"] = max(0.0, 1.0 - sum(shares.values()))
    return shares


def summarise(sizes: list[dict]) -> dict:
    out: dict = {"by_size": []}
    for s in sizes:
        rows = {r["name"]: r for r in s["rows"]}
        entry: dict = {"size": s["size"]}
        if "extract ru" in rows and "natasha ru" in rows:
            entry["ratio_wall"] = rows["extract ru"]["wall"] / rows["natasha ru"]["wall"]
            entry["ratio_cpu"] = rows["extract ru"]["cpu"] / rows["natasha ru"]["cpu"]
        if "extract en" in rows:
            r = rows["extract en"]
            entry["en_docs_per_s"] = r["documents"] / r["wall"]
            entry["en_docs_per_cpu_s"] = r["documents"] / r["cpu"]
        if "extract" in rows:
            entry["extract_rss_mb"] = rows["extract"]["maxrss_mb"]
            entry["extract_ms_per_doc"] = 1000 * rows["extract"]["wall"] / rows["extract"]["documents"]
            entry["extract_cpu_ms_per_doc"] = 1000 * rows["extract"]["cpu"] / rows["extract"]["documents"]
        if "ingest" in rows:
            entry["ingest_rss_mb"] = rows["ingest"]["maxrss_mb"]
            entry["ingest_ms_per_doc"] = 1000 * rows["ingest"]["wall"] / rows["ingest"]["documents"]
            entry["ingest_cpu_ms_per_doc"] = 1000 * rows["ingest"]["cpu"] / rows["ingest"]["documents"]
        if "extract ×2" in rows and "extract" in rows:
            entry["speedup_workers_2"] = rows["extract"]["wall"] / rows["extract ×2"]["wall"]
            entry["workers_2_identical"] = s.get("workers_2_identical")
        out["by_size"].append(entry)
    return out


def _table_rows(sizes: list[dict]) -> tuple[list[str], list[list[str]]]:
    head = ["size", "run", "docs", "MB", "wall s", "CPU s", "docs/s", "MB/s", "ms/doc", "CPU ms/doc", "peak RSS MB",
            "tree RSS MB", *STAGES, "other", "load"]
    body = []
    for s in sizes:
        for r in s["rows"]:
            shares = _shares(r) if r.get("stages") and r["workers"] == 1 else None
            body.append([
                f"{s['size']:,}", r["name"], f"{r['documents']:,}", f"{r['mb']:.2f}", f"{r['wall']:.1f}",
                f"{r['cpu']:.1f}", f"{r['documents'] / r['wall']:.1f}", f"{r['mb'] / r['wall']:.3f}",
                f"{1000 * r['wall'] / r['documents']:.1f}", f"{1000 * r['cpu'] / r['documents']:.1f}",
                f"{r['maxrss_mb']:.0f}", f"{r['tree_rss_mb']:.0f}",
                *([f"{100 * shares[k]:.0f}%" for k in (*STAGES, "other")] if shares else ["-"] * 7),
                f"{r['load_before']:.1f}",
            ])
    return head, body


def _summary_lines(summary: dict) -> list[str]:
    lines = []
    for e in summary["by_size"]:
        parts = [f"{e['size']:,} documents:"]
        if "ratio_wall" in e:
            ok = "meets" if e["ratio_wall"] <= GOALS["ratio"] else "misses"
            parts.append(f"extract ru / natasha ru = {e['ratio_wall']:.2f}× wall, {e['ratio_cpu']:.2f}× CPU "
                         f"({ok} ≤ {GOALS['ratio']}×)")
        if "en_docs_per_s" in e:
            ok = "meets" if e["en_docs_per_s"] >= GOALS["en_docs_per_s"] else "misses"
            parts.append(f"English {e['en_docs_per_s']:.0f} docs/s wall, {e['en_docs_per_cpu_s']:.0f} per CPU s "
                         f"({ok} ≥ {GOALS['en_docs_per_s']:.0f})")
        if "extract_rss_mb" in e:
            ok = "meets" if e["extract_rss_mb"] < GOALS["rss_mb"] else "misses"
            parts.append(f"peak RSS extract {e['extract_rss_mb']:.0f} MB"
                         + (f", ingest {e['ingest_rss_mb']:.0f} MB" if "ingest_rss_mb" in e else "")
                         + f" ({ok} < 1 GB)")
        if "extract_ms_per_doc" in e:
            parts.append(f"extract {e['extract_ms_per_doc']:.1f} ms/doc ({e['extract_cpu_ms_per_doc']:.1f} CPU)"
                         + (f", ingest {e['ingest_ms_per_doc']:.1f} ms/doc ({e['ingest_cpu_ms_per_doc']:.1f} CPU)"
                            if "ingest_ms_per_doc" in e else ""))
        if "speedup_workers_2" in e:
            same = {True: "same output", False: "OUTPUT DIFFERS from one process", None: "output not compared"}
            parts.append(f"--workers 2 speed-up {e['speedup_workers_2']:.2f}× "
                         f"({same[e.get('workers_2_identical')]})")
        lines.append(" ".join(parts[:1]) + " " + "; ".join(parts[1:]))
    return lines


def print_table(sizes: list[dict], summary: dict) -> None:
    from rich.console import Console
    from rich.table import Table

    head, body = _table_rows(sizes)
    table = Table(title="dyadwatch benchmark", show_lines=False)
    for h in head:
        table.add_column(h, justify="left" if h == "run" else "right", no_wrap=True)
    for row in body:
        table.add_row(*row)
    console = Console(width=max(200, Console().width))
    console.print(table)
    for line in _summary_lines(summary):
        console.print(line)


def markdown(result: dict) -> str:
    head, body = _table_rows(result["sizes"])
    out = [f"Measured {result['date']} on {result['machine']}; Python {result['python']}. "
           "Stage shares are of the child process's own time (workers=1 runs); "
           "`other` = interpreter start, imports, CLI, output; `load` = 1-minute load average at the start.", ""]
    out.append("| " + " | ".join(head) + " |")
    out.append("|" + "|".join("---" if h == "run" else "---:" for h in head) + "|")
    out += ["| " + " | ".join(r) + " |" for r in body]
    out.append("")
    out += [f"- {line}" for line in _summary_lines(result["summary"])]
    return "\n".join(out) + "\n"


def _machine() -> str:
    try:
        import psutil

        mem = f", {psutil.virtual_memory().total / 2**30:.0f} GB"
    except ImportError:
        mem = ""
    return f"{platform.machine()}, {os.cpu_count()} cores{mem}, {platform.system()} {platform.release()}"


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description="dyadwatch benchmark (make bench)")
    ap.add_argument("--sizes", default=os.environ.get("BENCH_SIZES", "100,1000,10000"))
    ap.add_argument("--only", default=os.environ.get("BENCH_ONLY"),
                    help="comma-separated runs: extract, natasha, ingest, 'extract ru', ...")
    ap.add_argument("--keep", help="write corpora and databases here and keep them")
    ap.add_argument("--parallel-max", type=int, default=int(os.environ.get("BENCH_PARALLEL_MAX", "1000")))
    ap.add_argument("--results", default=str(HERE / "results"))
    ap.add_argument("--report", metavar="JSON", help="print the table of an earlier run's latest.json again")
    ap.add_argument("--child", help=argparse.SUPPRESS)
    ap.add_argument("--child-out", help=argparse.SUPPRESS)
    args = ap.parse_args(argv)
    if args.child:
        res = _child(json.loads(Path(args.child).read_text()))
        Path(args.child_out).write_text(json.dumps(res))
        return 0

    if args.report:
        result = json.loads(Path(args.report).read_text())
        result["summary"] = summarise(result["sizes"])
        print_table(result["sizes"], result["summary"])
        Path(args.report).with_suffix(".md").write_text(markdown(result))
        return 0
    sizes = [int(s.replace("_", "").replace(",", "")) for s in args.sizes.split(",") if s.strip()]
    only = {s.strip() for s in args.only.split(",")} if args.only else None
    tmp = None
    if args.keep:
        base = Path(args.keep)
        base.mkdir(parents=True, exist_ok=True)
    else:
        tmp = tempfile.TemporaryDirectory(prefix="dyadwatch-bench-")
        base = Path(tmp.name)
    try:
        results = []
        for n in sizes:
            print(f"size {n:,}: generating {n:,} pages in {base}", file=sys.stderr)
            results.append(run_size(n, base, only, args.parallel_max))
            if not args.keep:  # the size's corpus and database go before the next (larger) one
                import shutil

                shutil.rmtree(base / f"size-{n}", ignore_errors=True)
    finally:
        if tmp is not None:
            tmp.cleanup()
    result = {"date": time.strftime("%Y-%m-%d %H:%M"), "machine": _machine(), "python": platform.python_version(),
              "sizes": results}
    result["summary"] = summarise(results)
    print_table(results, result["summary"])
    res_dir = Path(args.results)
    res_dir.mkdir(parents=True, exist_ok=True)
    (res_dir / "latest.json").write_text(json.dumps(result, indent=1, ensure_ascii=False))
    (res_dir / "latest.md").write_text(markdown(result))
    print(f"written: {res_dir / 'latest.json'}, {res_dir / 'latest.md'} (paste into benchmarks/RESULTS.md)",
          file=sys.stderr)
    return 0


if __name__ == "__main__":
    sys.exit(main())
