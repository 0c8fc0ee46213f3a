"""score_real's own logic: manifest parsing, sha256 check, missing/changed report, gold cut to present docs.

Texts here are tiny, self-written; nothing needs ../shared or ../realpages."""
from __future__ import annotations

import hashlib
import importlib.util
import json
import subprocess
import sys
from pathlib import Path

import pytest

REAL = Path(__file__).resolve().parents[2] / "eval" / "real"


def _load(name: str):
    spec = importlib.util.spec_from_file_location(name, REAL / f"{name}.py")
    mod = importlib.util.module_from_spec(spec)
    sys.modules[name] = mod  # dataclasses look the module up while the class is built
    spec.loader.exec_module(mod)
    return mod


sr = _load("score_real")

HEADER = "doc_id\turl\tsha256\tlang\toutlet\tcategory\tpublished"
TEXT_A = "Министр обороны Армении принял в Ереване делегацию министерства обороны Грузии.\n"
TEXT_B = "The chief of staff opened a new barracks in the capital on Monday.\n"


def sha(text: str) -> str:
    return hashlib.sha256(text.encode("utf-8")).hexdigest()


def make_batch(root: Path, pages_root: Path, name: str = "xx-1", *, write=("xx1-01", "xx1-02"),
               change=()) -> Path:
    folder = root / name
    folder.mkdir(parents=True)
    rows = [HEADER,
            f"xx1-01\thttps://example.am/1\t{sha(TEXT_A)}\tru\tExample AM\tmeeting;cross_outlet\t2019-03-02",
            f"xx1-02\thttps://example.in/2\t{sha(TEXT_B)}\ten\tExample IN\tdistractor\t",
            f"xx1-03\thttps://example.ge/3\t{sha(TEXT_A)}\tru\tExample GE\tmeeting;cross_outlet\t"]
    (folder / "manifest.tsv").write_text("\n".join(rows) + "\n", encoding="utf-8")
    gold = [{"id": "xx1-01-1", "docs": ["xx1-01", "xx1-03"], "kind": "meeting", "mode": "in_person",
             "date": "2019-03-01", "countries": ["ARM", "GEO"], "participants": [], "location": "Yerevan",
             "documents": [], "referenced": False, "optional": False},
            {"id": "xx1-03-1", "docs": ["xx1-03"], "kind": "meeting", "mode": None, "date": "2019",
             "countries": ["ARM", "GEO"], "participants": [], "location": None, "documents": [],
             "referenced": True, "optional": True}]
    (folder / "gold.jsonl").write_text("".join(json.dumps(g) + "\n" for g in gold), encoding="utf-8")
    texts = {"xx1-01": TEXT_A, "xx1-02": TEXT_B, "xx1-03": TEXT_A}
    (pages_root / name).mkdir(parents=True, exist_ok=True)
    for doc in write:
        body = texts[doc] + ("edited\n" if doc in change else "")
        (pages_root / name / f"{doc}.txt").write_text(body, encoding="utf-8")
    return folder


def test_manifest_rows_parse_with_categories_and_optional_published():
    pages = sr.parse_manifest("\n".join([
        HEADER,
        "# a comment line",
        f"ru9-01\thttps://a.ru/x\t{sha('a')}\tru\tТАСС\tmeeting;multi_meeting\t2021-05-04",
        "",
        f"ru9-02\thttps://b.ru/y\t{sha('b')}\tru\tRBC\tdistractor\t",
    ]))
    assert [p.doc_id for p in pages] == ["ru9-01", "ru9-02"]
    assert pages[0].categories == ("meeting", "multi_meeting")
    assert pages[0].published == "2021-05-04" and pages[1].published is None
    assert pages[1].outlet == "RBC" and pages[1].url == "https://b.ru/y"


def test_manifest_without_published_column_is_accepted():
    pages = sr.parse_manifest(f"doc_id\turl\tsha256\tlang\toutlet\tcategory\nz-1\tu\t{sha('z')}\ten\tX\tmeeting\n")
    assert pages[0].published is None and pages[0].lang == "en"


@pytest.mark.parametrize("text, problem", [
    ("", "empty"),
    ("id\turl\tsha256\tlang\toutlet\tcategory\n", "header"),
    (f"{HEADER}\textra\n", "header"),
    (f"{HEADER}\nd1\tu\t{sha('x')}\tru\tX\n", "cells"),
    (f"{HEADER}\nd1\tu\tABC\tru\tX\tmeeting\t\n", "sha256"),
    (f"{HEADER}\nd1\tu\t{sha('x')}\tru\tX\tmeeting\t\nd1\tu\t{sha('y')}\tru\tY\tmeeting\t\n", "repeated"),
    (f"{HEADER}\na/b\tu\t{sha('x')}\tru\tX\tmeeting\t\n", "doc_id"),
])
def test_bad_manifests_are_refused_with_the_reason(text, problem):
    with pytest.raises(sr.ManifestError, match=problem):
        sr.parse_manifest(text)


def test_texts_are_sorted_into_present_missing_and_changed(tmp_path):
    pages_root = tmp_path / "pages"
    make_batch(tmp_path / "real", pages_root, write=("xx1-01", "xx1-02"), change=("xx1-02",))
    [batch] = sr.find_batches(tmp_path / "real", None)
    sr.check_texts(batch, pages_root)
    assert [p.doc_id for p in batch.present] == ["xx1-01"]
    assert [p.doc_id for p in batch.changed] == ["xx1-02"]
    assert [p.doc_id for p in batch.missing] == ["xx1-03"]


def test_gold_is_cut_to_the_present_documents(tmp_path):
    pages_root = tmp_path / "pages"
    make_batch(tmp_path / "real", pages_root, write=("xx1-01", "xx1-02"))
    [batch] = sr.find_batches(tmp_path / "real", None)
    sr.check_texts(batch, pages_root)
    gold = sr.gold_for_present(batch)
    assert [g["id"] for g in gold] == ["xx1-01-1"]  # xx1-03-1 has no present page
    assert gold[0]["docs"] == ["xx1-01"]
    assert batch.gold[0]["docs"] == ["xx1-01", "xx1-03"]  # the loaded gold is left alone


def test_input_records_carry_id_text_and_url_only(tmp_path):
    pages_root = tmp_path / "pages"
    make_batch(tmp_path / "real", pages_root, write=("xx1-01", "xx1-02", "xx1-03"))
    [batch] = sr.find_batches(tmp_path / "real", None)
    sr.check_texts(batch, pages_root)
    recs = sr.input_records(batch, pages_root)
    assert [r["id"] for r in recs] == ["xx1-01", "xx1-02", "xx1-03"]
    assert set(recs[0]) == {"id", "text", "url"}
    assert recs[0]["text"] == TEXT_A and recs[1]["url"] == "https://example.in/2"


def test_gold_naming_a_document_outside_the_manifest_is_refused(tmp_path):
    folder = make_batch(tmp_path / "real", tmp_path / "pages")
    with open(folder / "gold.jsonl", "a", encoding="utf-8") as fh:
        fh.write(json.dumps({"id": "bad", "docs": ["xx1-99"], "kind": "meeting"}) + "\n")
    with pytest.raises(sr.ManifestError, match="xx1-99"):
        sr.find_batches(tmp_path / "real", None)


def test_batch_selection_and_unknown_batch(tmp_path):
    make_batch(tmp_path / "real", tmp_path / "pages", "xx-1")
    make_batch(tmp_path / "real", tmp_path / "pages", "yy-1")
    (tmp_path / "real" / "notes").mkdir()  # a folder without a manifest is not a batch
    assert [b.name for b in sr.find_batches(tmp_path / "real", None)] == ["xx-1", "yy-1"]
    assert [b.name for b in sr.find_batches(tmp_path / "real", ["yy-1"])] == ["yy-1"]
    with pytest.raises(sr.ManifestError, match="no such batch: zz-1"):
        sr.find_batches(tmp_path / "real", ["zz-1"])


def test_table_reports_missing_and_changed_and_unscored_batches():
    s = {"gold_events": 4, "predicted_events": 5, "precision": 0.6, "recall": 0.75, "f1": 0.6667,
         "participants_f1": 0.9, "date_errors": 1}
    result = {"batches": {"ru-1": {"pages": 3, "present": 2, "missing": ["ru1-03"], "changed": [], "score": s},
                          "ru-2": {"pages": 2, "present": 0, "missing": ["ru2-01", "ru2-02"], "changed": ["x"],
                                   "score": None}},
              "overall": {**s, "pages": 2}}
    out = sr.table(result)
    assert "ru-1" in out and "2/3" in out and "0.667" in out
    assert "ru-2" in out and "nothing scored" in out
    assert "ru-1: missing texts: ru1-03" in out
    assert "ru-2: missing texts: ru2-01 ru2-02" in out and "ru-2: changed texts" in out
    assert "overall" in out and "2/5" in out


FAKE_SCORER = """
import json, sys
args = sys.argv[1:]
gold = [json.loads(l) for l in open(args[args.index('--gold') + 1]) if l.strip()]
pred = [json.loads(l) for l in open(args[args.index('--pred') + 1]) if l.strip()]
print(json.dumps({"gold_events": len([g for g in gold if not g.get("optional")]), "predicted_events": len(pred),
                  "precision": 0.5, "recall": 0.5, "f1": 0.5, "participants_f1": 1.0, "date_errors": 0,
                  "gold_docs": sorted(d for g in gold for d in g["docs"])}))
"""


def test_score_batches_extracts_present_texts_and_hands_cut_gold_to_the_scorer(tmp_path):
    pages_root = tmp_path / "pages"
    make_batch(tmp_path / "real", pages_root, write=("xx1-01", "xx1-02"))
    scorer = tmp_path / "fake_score.py"
    scorer.write_text(FAKE_SCORER, encoding="utf-8")
    batches = sr.find_batches(tmp_path / "real", None)
    res = sr.score_batches(batches, pages_root, scorer, tmp_path / "out", verbose=False)
    entry = res["batches"]["xx-1"]
    assert entry["present"] == 2 and entry["missing"] == ["xx1-03"]
    assert entry["score"]["gold_docs"] == ["xx1-01"]
    inputs = [json.loads(line) for line in (tmp_path / "out" / "xx-1.input.jsonl").read_text().splitlines()]
    assert [r["id"] for r in inputs] == ["xx1-01", "xx1-02"]
    events = (tmp_path / "out" / "xx-1.events.jsonl").read_text(encoding="utf-8").splitlines()
    assert entry["score"]["predicted_events"] == len(events)
    for line in events:  # every source is one of the documents given
        assert {s["doc_id"] for s in json.loads(line)["sources"]} <= {"xx1-01", "xx1-02"}
    assert res["overall"]["pages"] == 2


def test_add_page_saves_text_outside_and_replaces_the_manifest_row(tmp_path):
    script = REAL / "add_page.py"
    work = tmp_path / "repo" / "eval" / "real"
    work.mkdir(parents=True)
    copy = work / "add_page.py"
    copy.write_text(script.read_text(encoding="utf-8"), encoding="utf-8")
    env = {"DYADWATCH_REALPAGES": str(tmp_path / "pages"), "PATH": "/usr/bin:/bin"}
    for text in ("первый вариант\n", "второй вариант\n"):
        subprocess.run([sys.executable, str(copy), "zz-1", "zz1-01", "https://x.ru/1", "ru", "X", "meeting",
                        "2020-01-02"], input=text.encode(), env=env, check=True, capture_output=True)
    saved = (tmp_path / "pages" / "zz-1" / "zz1-01.txt").read_bytes()
    assert saved == "второй вариант\n".encode()
    pages = sr.parse_manifest((work / "zz-1" / "manifest.tsv").read_text(encoding="utf-8"))
    assert len(pages) == 1 and pages[0].sha256 == hashlib.sha256(saved).hexdigest()
    assert pages[0].published == "2020-01-02"


def _ev(eid, countries, date, docs, kind="meeting", optional=False):
    return {"id": eid, "kind": kind, "countries": countries, "date": date, "docs": docs, "optional": optional,
            "sources": [{"doc_id": d} for d in docs]}


def test_pairing_follows_gold_precision_and_is_one_to_one():
    gold = [_ev("g-day", ["ARM", "RUS"], "2022-02-25", ["b"]), _ev("g-month", ["ARM", "RUS"], "2022-02", ["a"])]
    preds = [_ev("p1", ["ARM", "RUS"], "2022-02-25", ["b"]), _ev("p2", ["RUS", "ARM"], "2022-02-03", ["a"])]
    assert sr.pair_events(gold, preds) == [(0, 0), (1, 1)]
    # greedy in gold order, as the shared scorer: a month-precision line listed first takes the first record
    assert sr.pair_events(gold[::-1], preds) == [(0, 0)]
    assert not sr.pair_events(gold, [_ev("p3", ["ARM", "RUS"], "2022-03-01", ["a"])])
    assert not sr.pair_events(gold, [_ev("p4", ["ARM", "RUS"], "2022-02-25", ["a"], kind="exercise")])
    assert not sr.pair_events(gold, [_ev("p5", ["ARM", "RUS"], None, ["a"])])
    # a required event is served before an optional one that would take the same record
    req_opt = [_ev("opt", ["IND", "RUS"], "2024-12", ["x"], optional=True), _ev("req", ["IND", "RUS"], "2024-12-10", ["x"])]
    [(gi, _)] = sr.pair_events(req_opt, [_ev("p", ["IND", "RUS"], "2024-12-10", ["x"])])
    assert req_opt[gi]["id"] == "req"


def test_multi_source_counts_whole_records_and_wrong_merges():
    gold = [_ev("three-pages", ["KGZ", "RUS"], "2025-11-27", ["k1", "k2", "k3"]),
            _ev("two-pages", ["AZE", "TUR"], "2023-08-26", ["t1", "t2"]),
            _ev("commission", ["IND", "RUS"], "2024-12-10", ["i1"]),
            _ev("kremlin", ["IND", "RUS"], "2024-12-10", ["i2"]),
            _ev("optional-two", ["IRN", "RUS"], "2016-02-16", ["r1", "r2"], optional=True)]
    preds = [_ev("p-kgz", ["KGZ", "RUS"], "2025-11-27", ["k1", "k2", "k3"]),
             _ev("p-tur-a", ["AZE", "TUR"], "2023-08-26", ["t1"]),  # the two pages split in two records
             _ev("p-tur-b", ["AZE", "TUR"], "2023-08-26", ["t2"]),
             _ev("p-ind", ["IND", "RUS"], "2024-12-10", ["i1", "i2"])]  # two different events in one record
    ms = sr.multi_source(gold, preds)
    assert ms["events"] == 2 and ms["whole"] == 1 and ms["not_whole"] == ["two-pages"]
    assert ms["wrong_merges"] == 1
    assert ms["merges"][0]["gold"] == "commission" and ms["merges"][0]["also"] == ["kremlin"]


def test_a_page_reporting_two_events_is_not_a_merge_when_each_record_keeps_to_its_pages():
    gold = [_ev("oct21", ["RUS", "USA"], "2022-10-21", ["a", "b", "c"]),
            _ev("oct23", ["RUS", "USA"], "2022-10-23", ["a", "b"])]
    preds = [_ev("p21", ["RUS", "USA"], "2022-10-21", ["b", "c"]), _ev("p23", ["RUS", "USA"], "2022-10-23", ["a", "b"])]
    ms = sr.multi_source(gold, preds)
    assert ms["wrong_merges"] == 0 and ms["whole"] == 1 and ms["not_whole"] == ["oct21"]


def test_with_published_adds_the_manifest_date_only_when_asked(tmp_path):
    pages_root = tmp_path / "pages"
    make_batch(tmp_path / "real", pages_root, write=("xx1-01", "xx1-02"))
    [batch] = sr.find_batches(tmp_path / "real", None)
    sr.check_texts(batch, pages_root)
    plain = sr.input_records(batch, pages_root)
    dated = sr.input_records(batch, pages_root, with_published=True)
    assert all("published" not in r for r in plain)
    assert dated[0]["published"] == "2019-03-02" and "published" not in dated[1]  # xx1-02 has none


def test_held_out_batches_are_skipped_unless_named(tmp_path):
    make_batch(tmp_path / "real", tmp_path / "pages", "xx-1")
    make_batch(tmp_path / "real", tmp_path / "pages", "yy-1")
    (tmp_path / "real" / "yy-1" / sr.HELD_OUT).write_text("blind\n", encoding="utf-8")
    assert [b.name for b in sr.find_batches(tmp_path / "real", None)] == ["xx-1"]
    assert [b.name for b in sr.find_batches(tmp_path / "real", ["yy-1"])] == ["yy-1"]
    assert sr.held_out_batches(tmp_path / "real") == ["yy-1"]
