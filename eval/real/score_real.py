#!/usr/bin/env python3
"""Score dyadwatch on the real published pages of eval/real/<batch>/ (see README.md there).

    python3 eval/real/score_real.py [--batch ru-1] [-v] [--json] [--pages DIR] [--out DIR]

For every batch (a folder with manifest.tsv and gold.jsonl) it checks each saved text
against the sha256 in the manifest, runs `dyadwatch extract` on the texts that are present
and unchanged (given as JSON Lines with id, text and url, as a scraper would hand them
over), and scores the events with the shared scorer (../shared/eval/score.py), the gold
limited to the documents present. Texts live outside the repository:
$DYADWATCH_REALPAGES/<batch>/<doc_id>.txt, by default ../realpages beside the repository.

Exit status 0 when every batch that has texts was scored (missing texts are reported, not
fatal), 2 when the scorer or a manifest is unusable or no batch matches.
"""
from __future__ import annotations

import argparse
import hashlib
import json
import os
import re
import subprocess
import sys
import tempfile
from dataclasses import dataclass, field
from pathlib import Path

HERE = Path(__file__).resolve().parent
REPO = HERE.parent.parent
COLUMNS = ("doc_id", "url", "sha256", "lang", "outlet", "category")
OPTIONAL_COLUMNS = ("published",)


class ManifestError(ValueError):
    pass


@dataclass
class Page:
    doc_id: str
    url: str
    sha256: str
    lang: str
    outlet: str
    categories: tuple[str, ...]
    published: str | None = None


@dataclass
class Batch:
    name: str
    folder: Path
    pages: list[Page]
    gold: list[dict]
    present: list[Page] = field(default_factory=list)
    missing: list[Page] = field(default_factory=list)
    changed: list[Page] = field(default_factory=list)


def parse_manifest(text: str, source: str = "manifest.tsv") -> list[Page]:
    """Tab-separated, header line first; blank lines and lines starting with '#' are ignored."""
    rows = [ln for ln in text.splitlines() if ln.strip() and not ln.startswith("#")]
    if not rows:
        raise ManifestError(f"{source}: empty")
    header = [h.strip() for h in rows[0].split("\t")]
    if tuple(header[: len(COLUMNS)]) != COLUMNS or any(h not in OPTIONAL_COLUMNS for h in header[len(COLUMNS):]):
        raise ManifestError(f"{source}: header must be {' '.join(COLUMNS)} [published], got {' '.join(header)}")
    pages, seen = [], set()
    for n, line in enumerate(rows[1:], 2):
        cells = line.split("\t")
        if len(cells) != len(header):
            raise ManifestError(f"{source}: row {n} has {len(cells)} cells, the header {len(header)}")
        rec = dict(zip(header, (c.strip() for c in cells)))
        if not rec["doc_id"] or "/" in rec["doc_id"] or rec["doc_id"] in seen:
            raise ManifestError(f"{source}: row {n}: bad or repeated doc_id {rec['doc_id']!r}")
        if len(rec["sha256"]) != 64 or any(c not in "0123456789abcdef" for c in rec["sha256"]):
            raise ManifestError(f"{source}: row {n}: sha256 must be 64 lower-case hex digits")
        seen.add(rec["doc_id"])
        cats = tuple(c for c in rec["category"].replace(",", ";").split(";") if c)
        pages.append(Page(rec["doc_id"], rec["url"], rec["sha256"], rec["lang"], rec["outlet"], cats,
                          rec.get("published") or None))
    return pages


def load_gold(path: Path) -> list[dict]:
    out = []
    if not path.exists():
        return out
    for n, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1):
        if line.strip():
            try:
                out.append(json.loads(line))
            except json.JSONDecodeError as exc:
                raise ManifestError(f"{path}:{n}: not JSON: {exc}") from exc
    return out


def load_batch(folder: Path) -> Batch:
    manifest = folder / "manifest.tsv"
    pages = parse_manifest(manifest.read_text(encoding="utf-8"), str(manifest))
    gold = load_gold(folder / "gold.jsonl")
    known = {p.doc_id for p in pages}
    for g in gold:
        unknown = [d for d in g.get("docs", []) if d not in known]
        if unknown:
            raise ManifestError(f"{folder.name}/gold.jsonl: {g.get('id')}: docs not in the manifest: {unknown}")
    return Batch(folder.name, folder, pages, gold)


HELD_OUT = "HELD_OUT"  # a batch folder holding this file is scored only when named


def held_out_batches(root: Path) -> list[str]:
    return sorted(p.name for p in root.iterdir() if (p / "manifest.tsv").is_file() and (p / HELD_OUT).exists()) \
        if root.is_dir() else []


def find_batches(root: Path, wanted: list[str] | None) -> list[Batch]:
    """The batches named, or every batch that is not held out."""
    names = sorted(p.name for p in root.iterdir() if (p / "manifest.tsv").is_file()) if root.is_dir() else []
    if wanted:
        unknown = [w for w in wanted if w not in names]
        if unknown:
            raise ManifestError(f"no such batch: {', '.join(unknown)} (have: {', '.join(names) or 'none'})")
        names = [n for n in names if n in wanted]
    else:
        held = set(held_out_batches(root))
        names = [n for n in names if n not in held]
    return [load_batch(root / n) for n in names]


def check_texts(batch: Batch, pages_root: Path) -> Batch:
    """Sort the batch's pages into present (sha256 as recorded), missing and changed."""
    batch.present, batch.missing, batch.changed = [], [], []
    for page in batch.pages:
        path = text_path(pages_root, batch.name, page)
        if not path.is_file():
            batch.missing.append(page)
        elif hashlib.sha256(path.read_bytes()).hexdigest() != page.sha256:
            batch.changed.append(page)
        else:
            batch.present.append(page)
    return batch


def text_path(pages_root: Path, batch: str, page: Page) -> Path:
    return pages_root / batch / f"{page.doc_id}.txt"


def input_records(batch: Batch, pages_root: Path, with_published: bool = False) -> list[dict]:
    """What a scraper hands over: the text as fetched and the URL it came from (no date, no outlet).

    with_published adds the manifest's publication date, as a diagnostic of how much the
    extractor loses to not knowing it; scores taken so are not the batch's score."""
    out = []
    for p in batch.present:
        rec = {"id": p.doc_id, "text": text_path(pages_root, batch.name, p).read_text(encoding="utf-8"), "url": p.url}
        if with_published and p.published:
            rec["published"] = p.published
        out.append(rec)
    return out


def _date_parts(value) -> tuple | None:
    m = re.fullmatch(r"(\d{4})(?:-(\d{2})(?:-(\d{2}))?)?", value.strip()) if isinstance(value, str) else None
    return m.groups() if m else None


def dates_agree(gold: str, pred) -> bool:
    """The pred date agrees with the gold date at the gold's precision (as the shared scorer matches)."""
    g, p = _date_parts(gold), _date_parts(pred)
    return bool(g and p) and all(gv is None or gv == pv for gv, pv in zip(g, p))


def pair_events(golds: list[dict], preds: list[dict]) -> list[tuple[int, int]]:
    """One-to-one (gold, pred) pairs: same kind and sides, date agreeing; required gold first.
    The shared scorer's rule, restated so this module is testable without ../shared."""
    used, pairs = set(), []
    for gi in sorted(range(len(golds)), key=lambda i: bool(golds[i].get("optional"))):
        g = golds[gi]
        for pi, p in enumerate(preds):
            if (pi not in used and p.get("kind") == g.get("kind")
                    and set(p.get("countries") or []) == set(g.get("countries") or [])
                    and dates_agree(g.get("date"), p.get("date"))):
                used.add(pi)
                pairs.append((gi, pi))
                break
    return pairs


def multi_source(gold: list[dict], preds: list[dict]) -> dict:
    """Events on several pages: how many are matched by one record holding all their pages; and
    how many matched records also hold a page of another event with the same kind and sides
    (two different events merged)."""
    def docs_of(ev: dict) -> set:
        return {s.get("doc_id") for s in ev.get("sources") or [] if isinstance(s, dict)}

    matched = dict(pair_events(gold, preds))
    whole, split = [], []
    for gi, g in enumerate(gold):
        if g.get("optional") or len(g.get("docs", [])) < 2:
            continue
        ok = gi in matched and set(g["docs"]) <= docs_of(preds[matched[gi]])
        (whole if ok else split).append(g["id"])
    merges = []
    for gi, pi in matched.items():
        a, p = gold[gi], preds[pi]
        extra_docs = docs_of(p) - set(a["docs"])
        others = [b["id"] for b in gold if b is not a and b.get("kind") == a.get("kind")
                  and set(b.get("countries") or []) == set(a.get("countries") or []) and extra_docs & set(b["docs"])]
        if others:
            merges.append({"pred": p.get("id"), "gold": a["id"], "also": others, "docs": sorted(docs_of(p))})
    return {"events": len(whole) + len(split), "whole": len(whole), "not_whole": split,
            "wrong_merges": len(merges), "merges": merges}


def gold_for_present(batch: Batch) -> list[dict]:
    """Gold events with at least one present document, their docs cut to the present ones."""
    present = {p.doc_id for p in batch.present}
    out = []
    for g in batch.gold:
        docs = [d for d in g.get("docs", []) if d in present]
        if docs:
            out.append({**g, "docs": docs})
    return out


def write_jsonl(path: Path, rows: list[dict]) -> None:
    with open(path, "w", encoding="utf-8") as fh:
        for r in rows:
            fh.write(json.dumps(r, ensure_ascii=False) + "\n")


def run_extract(inp: Path, out: Path) -> None:
    cmd = [sys.executable, "-m", "dyadwatch", "extract", str(inp), "-o", str(out)]
    proc = subprocess.run(cmd, capture_output=True, text=True)
    if proc.returncode != 0:
        raise RuntimeError(f"dyadwatch extract failed ({proc.returncode}): {proc.stderr.strip()[-2000:]}")


def run_scorer(scorer: Path, gold: Path, pred: Path, verbose: bool) -> tuple[dict, str]:
    base = [sys.executable, str(scorer), "--gold", str(gold), "--pred", str(pred)]
    proc = subprocess.run(base + ["--json"], capture_output=True, text=True)
    if proc.returncode not in (0, 1):
        raise RuntimeError(f"score.py failed ({proc.returncode}): {proc.stderr.strip()}")
    text = ""
    if verbose:
        text = subprocess.run(base + ["-v"], capture_output=True, text=True).stdout
    return json.loads(proc.stdout), text


def describe_events(path: Path) -> list[str]:
    """One line per predicted event, for reading the errors."""
    lines = []
    for line in path.read_text(encoding="utf-8").splitlines():
        if not line.strip():
            continue
        ev = json.loads(line)
        who = ", ".join(f"{p.get('name')}({p.get('country')})" for p in ev.get("participants") or [])
        docs = ",".join(s.get("doc_id", "") for s in ev.get("sources") or [])
        loc = (ev.get("location") or {}).get("name")
        lines.append(f"    pred {ev.get('kind')} {ev.get('date')} {'/'.join(ev.get('countries') or [])} "
                     f"{ev.get('mode')} @{loc} [{docs}] {who}{' (referenced)' if ev.get('referenced') else ''}")
    return lines


def score_batches(batches: list[Batch], pages_root: Path, scorer: Path, out_dir: Path,
                  verbose: bool, with_published: bool = False) -> dict:
    out_dir.mkdir(parents=True, exist_ok=True)
    result: dict = {"batches": {}, "overall": None}
    all_gold, all_pred = [], []
    for b in batches:
        check_texts(b, pages_root)
        entry = {"pages": len(b.pages), "present": len(b.present),
                 "missing": [p.doc_id for p in b.missing], "changed": [p.doc_id for p in b.changed],
                 "score": None}
        result["batches"][b.name] = entry
        if not b.present:
            continue
        inp, pred, gold = (out_dir / f"{b.name}.{k}.jsonl" for k in ("input", "events", "gold"))
        write_jsonl(inp, input_records(b, pages_root, with_published))
        write_jsonl(gold, gold_for_present(b))
        run_extract(inp, pred)
        entry["score"], entry["verbose"] = run_scorer(scorer, gold, pred, verbose)
        if verbose:
            entry["verbose"] += "\n".join(describe_events(pred)) + "\n"
        entry["events_file"] = str(pred)
        entry["multi_source"] = multi_source(load_gold(gold), load_gold(pred))
        all_gold += load_gold(gold)
        all_pred += load_gold(pred)
    if all_gold or all_pred:
        gold, pred = out_dir / "all.gold.jsonl", out_dir / "all.events.jsonl"
        write_jsonl(gold, all_gold)
        write_jsonl(pred, all_pred)
        result["overall"], _ = run_scorer(scorer, gold, pred, False)
        result["overall"]["pages"] = sum(e["present"] for e in result["batches"].values())
        ms = [e["multi_source"] for e in result["batches"].values() if e.get("multi_source")]
        result["overall"]["multi_source"] = {
            "events": sum(m["events"] for m in ms), "whole": sum(m["whole"] for m in ms),
            "not_whole": [i for m in ms for i in m["not_whole"]],
            "wrong_merges": sum(m["wrong_merges"] for m in ms), "merges": [x for m in ms for x in m["merges"]]}
    return result


def table(result: dict) -> str:
    head = (f"{'batch':<10} {'pages':>9} {'gold':>5} {'pred':>5} {'P':>6} {'R':>6} {'F1':>6} {'partF1':>7} "
            f"{'dateErr':>7} {'multi':>7} {'merged':>6}")
    lines = [head, "-" * len(head)]

    def row(name: str, pages: str, s: dict | None, ms: dict | None) -> str:
        if s is None:
            return f"{name:<10} {pages:>9}   (no texts present: nothing scored)"
        multi = f"{ms['whole']}/{ms['events']}" if ms else "-"
        merged = ms["wrong_merges"] if ms else "-"
        return (f"{name:<10} {pages:>9} {s['gold_events']:>5} {s['predicted_events']:>5} {s['precision']:>6.3f} "
                f"{s['recall']:>6.3f} {s['f1']:>6.3f} {s['participants_f1']:>7.3f} {s['date_errors']:>7} "
                f"{multi:>7} {merged:>6}")

    for name, e in result["batches"].items():
        lines.append(row(name, f"{e['present']}/{e['pages']}", e["score"], e.get("multi_source")))
    if result["overall"]:
        o = result["overall"]
        total = sum(e["pages"] for e in result["batches"].values())
        lines.append(row("overall", f"{o['pages']}/{total}", o, o.get("multi_source")))
    lines.append("multi: events on 2+ pages that come out as one record with all their pages; "
                 "merged: records joining pages of two different events")
    for name, e in result["batches"].items():
        if e["missing"]:
            lines.append(f"{name}: missing texts: {' '.join(e['missing'])}")
        if e["changed"]:
            lines.append(f"{name}: changed texts (sha256 differs, not scored): {' '.join(e['changed'])}")
    return "\n".join(lines)


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--batch", action="append", help="batch name (repeatable, or comma-separated); default: all")
    ap.add_argument("--pages", type=Path, default=None,
                    help="folder of saved texts (default $DYADWATCH_REALPAGES or ../realpages beside the repo)")
    ap.add_argument("--scorer", type=Path, default=REPO.parent / "shared" / "eval" / "score.py")
    ap.add_argument("--out", type=Path, default=Path(tempfile.gettempdir()) / "dyadwatch-real",
                    help="where the inputs, events and gold used are written")
    ap.add_argument("-v", "--verbose", action="store_true", help="missed, date-off and extra events, and every prediction")
    ap.add_argument("--json", action="store_true", help="machine-readable output")
    ap.add_argument("--with-published", action="store_true",
                    help="diagnostic: also give the extractor each page's publication date from the manifest "
                         "(not a batch score)")
    args = ap.parse_args(argv)
    pages_root = args.pages or Path(os.environ.get("DYADWATCH_REALPAGES") or REPO.parent / "realpages")
    wanted = [w for item in args.batch or [] for w in item.split(",") if w] or None
    try:
        batches = find_batches(HERE, wanted)
    except (ManifestError, OSError) as exc:
        print(f"score_real: {exc}", file=sys.stderr)
        return 2
    if not batches:
        print("score_real: no batch found under eval/real/", file=sys.stderr)
        return 2
    if not args.scorer.is_file():
        for b in batches:
            check_texts(b, pages_root)
            print(f"{b.name}: {len(b.present)}/{len(b.pages)} texts present"
                  + (f"; missing: {' '.join(p.doc_id for p in b.missing)}" if b.missing else ""))
        print(f"score_real: scorer not found at {args.scorer} (needs ../shared beside the repo)", file=sys.stderr)
        return 2
    try:
        result = score_batches(batches, pages_root, args.scorer, args.out, args.verbose, args.with_published)
    except RuntimeError as exc:
        print(f"score_real: {exc}", file=sys.stderr)
        return 2
    result["with_published"] = args.with_published
    if args.json:
        for e in result["batches"].values():
            e.pop("verbose", None)
        print(json.dumps(result, ensure_ascii=False, indent=2))
        return 0
    held = [h for h in held_out_batches(HERE) if h not in result["batches"]]
    if held:
        print(f"held out, not scored: {', '.join(held)} (score one on purpose with --batch NAME)")
    print(f"texts from {pages_root}" + ("  (DIAGNOSTIC: publication dates given; not a batch score)"
                                          if args.with_published else ""))
    print(table(result))
    if args.verbose:
        for name, e in result["batches"].items():
            if e.get("verbose"):
                print(f"\n== {name}\n{e['verbose']}", end="")
    return 0


if __name__ == "__main__":
    sys.exit(main())
