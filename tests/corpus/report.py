"""Run the extractor over the self-written corpus and score it, per language and per class.

    .venv/bin/python -m tests.corpus.report          # the tables
    .venv/bin/python -m tests.corpus.report -v       # plus every missed, mis-dated and extra event

Each document is extracted once; the events of any set of documents are then merged the way
`dyadwatch extract` merges them (copies, so sets do not leak into each other) and scored with
`dyadwatch.evaluate` against the gold lines restricted to those documents.

Meetings are scored on the meeting documents only; the exercise and port-call documents
(class `exercise` / `port_call` in the manifest) are scored apart, by kind."""
from __future__ import annotations

import argparse
import copy
import json
from collections.abc import Iterable
from dataclasses import dataclass, field
from functools import cached_property
from pathlib import Path

from dyadwatch import evaluate, kinds

HERE = Path(__file__).resolve().parent
DOCS = HERE / "docs"
GOLD = HERE / "gold.jsonl"
MANIFEST = HERE / "manifest.jsonl"
LANGS = ("ru", "en")
# documents of these classes report exercises and port calls, scored by their own kinds
OTHER_KIND_CLASSES = {kinds.EXERCISE.name, kinds.PORT_CALL.name}


@dataclass
class Corpus:
    manifest: list[dict] = field(default_factory=lambda: evaluate.load_jsonl(str(MANIFEST)))
    gold: list[dict] = field(default_factory=lambda: evaluate.load_jsonl(str(GOLD)))

    errors: dict[str, str] = field(default_factory=dict)
    _merged: dict[tuple[str, ...], list[dict]] = field(default_factory=dict, repr=False)

    @cached_property
    def events_by_doc(self) -> dict[str, list]:
        """Unmerged events of every document (each document extracted once). A document whose
        extraction raises gives no event and its error is kept in `errors`, so one crash
        costs that document's score, not the whole report."""
        from dyadwatch.pipeline import load_documents, process_document

        out: dict[str, list] = {m["doc"]: [] for m in self.manifest}
        for doc in load_documents([str(DOCS)]):
            if not doc.ok:
                self.errors[doc.doc_id] = f"rejected: {doc.reason}"
                continue
            try:
                out[doc.doc_id] = process_document(doc)
            except Exception as exc:  # noqa: BLE001 - reported per document, see document_problems
                self.errors[doc.doc_id] = f"{type(exc).__name__}: {exc}"
        return out

    def predict(self, docs: Iterable[str]) -> list[dict]:
        """The merged records of these documents, as `dyadwatch extract` would write them."""
        from dyadwatch.merge import merge_events

        key = tuple(docs)
        if key not in self._merged:
            events = [copy.deepcopy(ev) for d in key for ev in self.events_by_doc[d]]
            self._merged[key] = [ev.to_record() for ev in merge_events(events)]
        return self._merged[key]

    def docs(self, lang: str | None = None, cls: str | None = None, meetings: bool = True) -> list[str]:
        """Documents of a language and class; the meeting corpus or the other kinds' documents."""
        out = []
        for m in self.manifest:
            other = bool(OTHER_KIND_CLASSES & set(m["classes"]))
            if other == meetings or (lang and m["lang"] != lang) or (cls and cls not in m["classes"]):
                continue
            out.append(m["doc"])
        return out

    def score(self, docs: list[str], kind_names: list[str] | None = None) -> dict:
        """Strict scores of these documents (merged together) against their gold lines."""
        wanted = kind_names or [kinds.MEETING.name]
        gold, pred = evaluate.subset([g for g in self.gold if g["kind"] in wanted], self.predict(docs), docs)
        res = evaluate.score(gold, pred, kinds=wanted)
        res["docs"] = len(docs)
        return res

    def classes(self) -> list[str]:
        return sorted({c for m in self.manifest for c in m["classes"]} - OTHER_KIND_CLASSES)


def row(name: str, res: dict) -> str:
    return (f"{name:<28} {res['docs']:>4} {res['gold_events']:>5} {res['predicted_events']:>5} {res['tp']:>4} "
            f"{res['fp']:>4} {res['fn']:>4} {res['precision']:>6.3f} {res['recall']:>6.3f} {res['f1']:>6.3f} "
            f"{res['participants_f1']:>7.3f} {res['date_errors']:>5}")


HEADER = (f"{'':<28} {'docs':>4} {'gold':>5} {'pred':>5} {'tp':>4} {'fp':>4} {'fn':>4} {'P':>6} {'R':>6} "
          f"{'F1':>6} {'partF1':>7} {'dateX':>5}")


def language_table(corpus: Corpus) -> tuple[str, dict[str, dict]]:
    results = {lang: corpus.score(corpus.docs(lang)) for lang in LANGS}
    results["all"] = corpus.score(corpus.docs())
    lines = ["self-written corpus, meetings (strict, dyadwatch.evaluate)", HEADER]
    lines += [row(name, res) for name, res in results.items()]
    return "\n".join(lines), results


def class_table(corpus: Corpus) -> str:
    lines = ["per class of document (each class's documents merged together)", HEADER]
    for cls in corpus.classes():
        for lang in LANGS:
            docs = corpus.docs(lang, cls)
            if docs:
                lines.append(row(f"{cls} [{lang}]", corpus.score(docs)))
    return "\n".join(lines)


def other_kinds_table(corpus: Corpus) -> str:
    docs = corpus.docs(meetings=False)
    if not docs:
        return ""
    lines = ["exercises and port calls (scored by kind)", HEADER]
    for name in sorted(OTHER_KIND_CLASSES):
        lines.append(row(name, corpus.score(docs, [name])))
    return "\n".join(lines)


def document_problems(corpus: Corpus, doc: str) -> list[str]:
    """What one document gets wrong on its own: missed or extra events, wrong or missed people,
    wrong mode, place, signed documents or referenced flag."""
    res = corpus.score([doc])
    problems = [f"crashed: {corpus.errors[doc]}"] if doc in corpus.errors else []
    problems += [f"missed {g}" for g in res["missed"]]
    problems += [f"date {d['gold']}: {d['pred_date']} for {d['gold_date']}" for d in res["date_off"]]
    problems += [f"extra {e['date']} {','.join(e['countries'])}" for e in res["extra"]]
    if res["tp"] and res["participants_f1"] < 1.0:
        problems.append(f"participants F1 {res['participants_f1']:.3f}")
    for name in ("mode", "location", "documents", "referenced"):
        f = res["fields"][name]
        if f["right"] < f["of"]:
            problems.append(f"{name} {f['right']}/{f['of']}")
    return problems


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("-v", "--verbose", action="store_true", help="list missed, mis-dated and extra events")
    args = ap.parse_args(argv)
    corpus = Corpus()
    table, results = language_table(corpus)
    print(table, "", class_table(corpus), "", other_kinds_table(corpus), sep="\n")
    for doc, error in corpus.errors.items():
        print(f"  crashed: {doc}: {error}")
    if args.verbose:
        for key in ("missed", "date_off", "extra"):
            for item in results["all"][key]:
                print(f"  {key}: {json.dumps(item, ensure_ascii=False)}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())

