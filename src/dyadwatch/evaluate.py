"""Score extracted events against gold events (the dev-set gold format), strictly.

    python -m dyadwatch.evaluate --gold tests/corpus/gold.jsonl --pred events.jsonl [-v] [--json]

Same rules as the shared development scorer, so figures from either agree:

- a prediction matches a gold event when the kind is equal, the sets of countries are equal and
  the date agrees at the gold's precision (gold `2025-06` takes any day of June 2025); pairs
  are one to one, made greedily with the required gold events first, each taking the first
  free prediction in file order;
- `optional` gold events (referred-to meetings, plenaries) count neither as missed nor, when
  matched, as extra;
- what is left is paired again ignoring the date (within 45 days, or the same month and day
  in another year): those are date errors, and still count as a miss plus an extra;
- only the kinds the gold holds are scored (`kinds` to choose), so a system that also reports
  exercises is not charged for them;
- on matched required events: mode, location, documents, sources, referenced, and the
  participants (a gold person is found when a predicted name holds the folded surname, or
  every folded token of the gold name; participants F1 pools all matched events).

Also here: `subset` restricts gold and predictions to some documents, for per-language and
per-class tables."""
from __future__ import annotations

import argparse
import datetime as dt
import json
import re
import sys
import unicodedata
from collections.abc import Callable, Iterable
from typing import Any

from . import kinds as kind_registry

MODES = ("in_person", "video", "phone", None)
PRECISIONS = ("day", "month", "year")
FIELDS = ("mode", "location", "documents", "sources", "referenced")

# Cyrillic to Latin, one letter at a time; the spelling variants that remain (iy/yi, kh/h,
# y/i, j/i...) are folded afterwards, so "Шойгу", "Shoygu" and "Shoigu" compare equal.
_CYRILLIC = "абвгдеёжзийклмнопрстуфхцчшщъыьэюяіўє"
_LATIN = ("a b v g d e e zh z i i k l m n o p r s t u f kh ts ch sh shch _ y _ e yu ya i u e").split()
_CYR_TO_LAT = {c: ("" if lat == "_" else lat) for c, lat in zip(_CYRILLIC, _LATIN, strict=True)}
_VARIANTS = (("iy", "i"), ("yi", "i"), ("ey", "ei"), ("kh", "h"), ("y", "i"), ("j", "i"))
_NOT_LETTER = re.compile(r"[^a-z ]+")
_DATE = re.compile(r"(\d{4})(?:-(\d{2})(?:-(\d{2}))?)?")
NEAR_DAYS = 45

DatePart = tuple[int, int | None, int | None]


def fold(text: str | None) -> str:
    """Lower-case Latin letters and single spaces, transliteration variants folded."""
    if not text:
        return ""
    latin = "".join(_CYR_TO_LAT.get(ch, ch) for ch in text.lower())
    latin = "".join(ch for ch in unicodedata.normalize("NFKD", latin) if not unicodedata.combining(ch))
    latin = _NOT_LETTER.sub(" ", latin)
    for variant, canonical in _VARIANTS:
        latin = latin.replace(variant, canonical)
    return " ".join(latin.split())


def name_tokens(text: str | None) -> set[str]:
    return {tok for tok in fold(text).split() if len(tok) > 1}


def parse_date(value: Any) -> DatePart | None:
    if not isinstance(value, str):
        return None
    m = _DATE.fullmatch(value.strip())
    if m is None:
        return None
    return int(m[1]), (int(m[2]) if m[2] else None), (int(m[3]) if m[3] else None)


def date_agrees(gold: str, pred: Any) -> bool:
    """The prediction's date says what the gold says, at the gold's precision."""
    g, p = parse_date(gold), parse_date(pred)
    return g is not None and p is not None and all(gv is None or gv == pv for gv, pv in zip(g, p))


def date_near(gold: str, pred: Any) -> bool:
    """Close enough to be the same event with a wrong date."""
    g, p = parse_date(gold), parse_date(pred)
    if g is None or p is None:
        return False
    if g[1] is not None and g[1:] == p[1:]:
        return True  # the year is what went wrong
    try:
        gday = dt.date(g[0], g[1] or 6, g[2] or 15)
        pday = dt.date(p[0], p[1] or 6, p[2] or 15)
    except ValueError:
        return False
    return abs((gday - pday).days) <= NEAR_DAYS


def schema_problems(ev: dict[str, Any]) -> list[str]:
    """What in a predicted record breaks the contract (empty when nothing does)."""
    problems = []
    if not ev.get("id") or not isinstance(ev.get("id"), str):
        problems.append("id")
    if ev.get("kind") not in kind_registry.names():
        problems.append(f"kind={ev.get('kind')!r}")
    if ev.get("mode") not in MODES:
        problems.append(f"mode={ev.get('mode')!r}")
    if ev.get("date") is None:
        if ev.get("date_precision") is not None:
            problems.append("date_precision")
    else:
        if parse_date(ev.get("date")) is None:
            problems.append(f"date={ev.get('date')!r}")
        if ev.get("date_precision") not in PRECISIONS:
            problems.append("date_precision")
    sides = ev.get("countries")
    if not (isinstance(sides, list) and sides and sides == sorted(set(sides))
            and all(isinstance(c, str) and re.fullmatch(r"[A-Z]{3}", c) for c in sides)):
        problems.append(f"countries={sides!r}")
    people = ev.get("participants")
    if not isinstance(people, list) or not all(isinstance(p, dict) and p.get("name") for p in people):
        problems.append("participants")
    place = ev.get("location")
    if place is not None and not (isinstance(place, dict) and place.get("name")):
        problems.append("location")
    problems += [key for key in ("topics", "documents", "sources") if not isinstance(ev.get(key), list)]
    if not isinstance(ev.get("referenced"), bool):
        problems.append("referenced")
    sources = ev.get("sources") or []
    if isinstance(sources, list) and (not sources or not all(isinstance(s, dict) and s.get("doc_id")
                                                             for s in sources)):
        problems.append("sources.doc_id")
    return problems


def _sides(ev: dict[str, Any]) -> frozenset[str]:
    return frozenset(ev.get("countries") or ())


def _pair(golds: list[dict], preds: list[dict], gold_ids: list[int], pred_ids: list[int],
          date_ok: Callable[[str, Any], bool]) -> list[tuple[int, int]]:
    """One-to-one (gold, pred) index pairs among the given ones, required gold first."""
    free = list(pred_ids)
    pairs = []
    for gi in sorted(gold_ids, key=lambda i: bool(golds[i].get("optional"))):
        gold = golds[gi]
        for pi in free:
            pred = preds[pi]
            if pred.get("kind") == gold["kind"] and _sides(pred) == _sides(gold) \
                    and date_ok(gold["date"], pred.get("date")):
                free.remove(pi)
                pairs.append((gi, pi))
                break
    return pairs


def _people_found(gold_people: list[dict], pred_people: list[dict]) -> tuple[int, int]:
    """(gold people found, predicted people that found one); several gold may find one pred."""
    pred_tokens = [name_tokens(p.get("name")) for p in pred_people]
    found, finders = 0, set()
    for person in gold_people:
        surname = fold(person.get("surname") or person["name"].split()[-1])
        whole = name_tokens(person["name"])
        hit = next((i for i, toks in enumerate(pred_tokens) if surname in toks or whole <= toks), None)
        if hit is not None:
            found += 1
            finders.add(hit)
    return found, len(finders)


def _place_right(gold: dict, pred: dict) -> bool | None:
    if gold.get("location") is None:
        return None
    accepted = {fold(name) for name in [gold["location"], *gold.get("location_aliases", [])]}
    return fold((pred.get("location") or {}).get("name")) in accepted


def _ratio(a: int, b: int) -> float:
    return a / b if b else 0.0


def _f1(p: float, r: float) -> float:
    return 2 * p * r / (p + r) if p + r else 0.0


def scored_kinds(golds: list[dict], kinds: Iterable[str] | None = None) -> set[str]:
    return set(kinds) if kinds is not None else {g["kind"] for g in golds}


def score(golds: list[dict], preds: list[dict], kinds: Iterable[str] | None = None) -> dict[str, Any]:
    """Strict figures for predictions against gold (see the module docstring)."""
    wanted = scored_kinds(golds, kinds)
    known = set(kind_registry.names())
    preds = [p for p in preds if p.get("kind") in wanted or p.get("kind") not in known]
    all_g, all_p = list(range(len(golds))), list(range(len(preds)))
    strict = _pair(golds, preds, all_g, all_p, date_agrees)
    paired_g, paired_p = {g for g, _ in strict}, {p for _, p in strict}
    near = _pair(golds, preds, [g for g in all_g if g not in paired_g],
                 [p for p in all_p if p not in paired_p], date_near)

    required = [g for g in all_g if not golds[g].get("optional")]
    tp = sum(1 for g, _ in strict if not golds[g].get("optional"))
    fn = len(required) - tp
    fp = len(preds) - len(strict)
    precision, recall = _ratio(tp, tp + fp), _ratio(tp, tp + fn)

    right = dict.fromkeys(FIELDS, 0)
    of = dict.fromkeys(FIELDS, 0)
    found = gold_people = finders = pred_people = 0
    for g, p in strict:
        gold, pred = golds[g], preds[p]
        if gold.get("optional"):
            continue
        if gold.get("mode") is not None:
            of["mode"] += 1
            right["mode"] += pred.get("mode") == gold["mode"]
        place = _place_right(gold, pred)
        if place is not None:
            of["location"] += 1
            right["location"] += place
        of["documents"] += 1
        signed = {d.get("type") for d in pred.get("documents") or [] if isinstance(d, dict)}
        right["documents"] += signed == set(gold.get("documents") or [])
        reported = {s.get("doc_id") for s in pred.get("sources") or [] if isinstance(s, dict)}
        of["sources"] += len(gold["docs"])
        right["sources"] += sum(doc in reported for doc in gold["docs"])
        of["referenced"] += 1
        right["referenced"] += pred.get("referenced") is bool(gold.get("referenced"))
        a, b = _people_found(gold.get("participants") or [], pred.get("participants") or [])
        found, finders = found + a, finders + b
        gold_people += len(gold.get("participants") or [])
        pred_people += len(pred.get("participants") or [])
    people_f1 = _f1(_ratio(finders, pred_people), _ratio(found, gold_people))

    return {
        "gold_events": len(required), "predicted_events": len(preds),
        "tp": tp, "fp": fp, "fn": fn,
        "precision": round(precision, 4), "recall": round(recall, 4),
        "f1": round(_f1(precision, recall), 4),
        "date_errors": len(near),
        "participants_f1": round(people_f1, 4),
        "fields": {k: {"right": right[k], "of": of[k],
                       "accuracy": round(right[k] / of[k], 4) if of[k] else None} for k in FIELDS},
        "missed": [golds[g]["id"] for g in required if g not in paired_g],
        "date_off": [{"gold": golds[g]["id"], "gold_date": golds[g]["date"], "pred_date": preds[p].get("date")}
                     for g, p in near],
        "extra": [{"id": preds[p].get("id"), "kind": preds[p].get("kind"), "date": preds[p].get("date"),
                   "countries": preds[p].get("countries"), "docs": source_docs(preds[p])}
                  for p in all_p if p not in paired_p],
    }


def source_docs(pred: dict[str, Any]) -> list[str]:
    return [str(s.get("doc_id")) for s in pred.get("sources") or [] if isinstance(s, dict)]


def subset(golds: list[dict], preds: list[dict], docs: Iterable[str]) -> tuple[list[dict], list[dict]]:
    """Gold events and predictions that concern the given documents: gold lines keep only
    those documents in `docs`, predictions only sources from them (dropped when none is left)."""
    keep = set(docs)
    gold_out = [{**g, "docs": [d for d in g["docs"] if d in keep]} for g in golds
                if any(d in keep for d in g["docs"])]
    pred_out = []
    for p in preds:
        sources = [s for s in p.get("sources") or [] if isinstance(s, dict) and s.get("doc_id") in keep]
        if sources:
            pred_out.append({**p, "sources": sources})
    return gold_out, pred_out


def load_jsonl(path: str) -> list[dict]:
    rows = []
    with open(path, encoding="utf-8") as fh:
        for number, line in enumerate(fh, 1):
            if not line.strip():
                continue
            try:
                rows.append(json.loads(line))
            except json.JSONDecodeError as exc:
                raise ValueError(f"{path}:{number}: not JSON: {exc}") from None
    return rows


def summary(res: dict[str, Any]) -> str:
    """The result as the three lines the shared scorer prints."""
    def field(name: str) -> str:
        f = res["fields"][name]
        return "n/a" if f["accuracy"] is None else f"{f['accuracy']:.2f} ({f['right']}/{f['of']})"

    return "\n".join([
        f"events: gold {res['gold_events']}, predicted {res['predicted_events']}, tp {res['tp']}, "
        f"fp {res['fp']}, fn {res['fn']}, date errors {res['date_errors']}",
        f"event precision {res['precision']:.3f}  recall {res['recall']:.3f}  F1 {res['f1']:.3f}",
        f"participants F1 {res['participants_f1']:.3f}  " + "  ".join(f"{k} {field(k)}" for k in FIELDS),
    ])


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(prog="python -m dyadwatch.evaluate",
                                 description="Score extracted events against gold events, strictly.")
    ap.add_argument("--gold", action="append", required=True, help="gold JSON Lines (repeatable)")
    ap.add_argument("--pred", required=True, help="predicted events, JSON Lines (the contract)")
    ap.add_argument("--kinds", help="comma-separated kinds to score (default: the kinds in the gold)")
    ap.add_argument("--json", action="store_true", help="print the whole result as JSON")
    ap.add_argument("-v", "--verbose", action="store_true", help="list missed, date-off and extra events")
    ap.add_argument("--min-f1", type=float, help="exit 1 when the strict event F1 is below this")
    ap.add_argument("--strict-schema", action="store_true", help="exit 1 when a record breaks the contract")
    args = ap.parse_args(argv)
    try:
        golds = [g for path in args.gold for g in load_jsonl(path)]
        preds = load_jsonl(args.pred)
    except (OSError, ValueError) as exc:
        print(f"evaluate: {exc}", file=sys.stderr)
        return 2
    res = score(golds, preds, args.kinds.split(",") if args.kinds else None)
    wanted = scored_kinds(golds, args.kinds.split(",") if args.kinds else None)
    bad = {str(p.get("id")): probs for p in preds
           if (p.get("kind") in wanted or p.get("kind") not in kind_registry.names())
           and (probs := schema_problems(p))}
    res["schema_violations"] = len(bad)
    if args.json:
        print(json.dumps({**res, "schema_problems": bad}, ensure_ascii=False, indent=2))
    else:
        print(summary(res))
        print(f"schema violations: {len(bad)}")
        if args.verbose:
            for key in ("missed", "date_off", "extra"):
                for item in res[key]:
                    print(f"  {key}: {json.dumps(item, ensure_ascii=False)}")
            for ident, probs in bad.items():
                print(f"  schema: {ident}: {', '.join(probs)}")
    if args.min_f1 is not None and res["f1"] < args.min_f1:
        return 1
    return 1 if args.strict_schema and bad else 0


if __name__ == "__main__":
    sys.exit(main())
