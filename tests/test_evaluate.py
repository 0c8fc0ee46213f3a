"""The in-repo scorer: matching rules, field figures, subsets and the command line."""
import json

import pytest

from dyadwatch import evaluate as ev


def gold(ident, date, countries, docs=("a.txt",), **kw):
    return {"id": ident, "docs": list(docs), "kind": kw.pop("kind", "meeting"), "mode": kw.pop("mode", None),
            "date": date, "countries": sorted(countries), "participants": kw.pop("participants", []),
            "location": kw.pop("location", None), "documents": kw.pop("documents", []),
            "referenced": kw.pop("referenced", False), "optional": kw.pop("optional", False), **kw}


def pred(date, countries, docs=("a.txt",), **kw):
    return {"id": kw.pop("id", f"ev-{date}-{'-'.join(countries)}"), "kind": kw.pop("kind", "meeting"),
            "mode": kw.pop("mode", None), "date": date,
            "date_precision": {4: "year", 7: "month", 10: "day"}[len(date)],
            "countries": sorted(countries), "participants": kw.pop("participants", []),
            "location": kw.pop("location", None), "topics": [], "documents": kw.pop("documents", []),
            "referenced": kw.pop("referenced", False), "sources": [{"doc_id": d} for d in docs], **kw}


@pytest.mark.parametrize("a,b", [("Шойгу", "Shoigu"), ("Сергей Шойгу", "Sergey Shoygu"),
                                 ("Хренин", "Khrenin"), ("Gulevich", "Гулевич"), ("Nguyễn Tấn Cương", "Nguyen Tan Cuong"),
                                 ("Yaşar Güler", "Yasar Guler")])
def test_fold_makes_spellings_equal(a, b):
    assert ev.fold(a) == ev.fold(b)


def test_fold_keeps_different_names_apart():
    assert ev.fold("Belousov") != ev.fold("Белоусова") and ev.fold("Li") != ev.fold("Liu")


def test_dates_agree_at_the_gold_precision():
    assert ev.date_agrees("2025-06", "2025-06-14") and ev.date_agrees("2025", "2025-01")
    assert not ev.date_agrees("2025-06-14", "2025-06") and not ev.date_agrees("2025-06-14", "2025-06-15")
    assert not ev.date_agrees("2025-06-14", None) and not ev.date_agrees("2025-06-14", "14.06.2025")


def test_date_near_is_within_45_days_or_another_year():
    assert ev.date_near("2025-06-14", "2025-07-20") and ev.date_near("2025-06-14", "2024-06-14")
    assert not ev.date_near("2025-06-14", "2025-08-14") and not ev.date_near("2025-06-14", None)


def test_perfect_prediction_scores_one():
    g = [gold("g1", "2024-03-05", ["RUS", "CHN"], mode="phone",
              participants=[{"name": "Andrei Belousov", "surname": "Belousov", "country": "RUS"}])]
    p = [pred("2024-03-05", ["CHN", "RUS"], mode="phone", participants=[{"name": "Andrei Belousov"}])]
    res = ev.score(g, p)
    assert (res["tp"], res["fp"], res["fn"], res["f1"], res["participants_f1"]) == (1, 0, 0, 1.0, 1.0)
    assert res["fields"]["mode"] == {"right": 1, "of": 1, "accuracy": 1.0}
    assert res["fields"]["location"]["of"] == 0 and res["fields"]["location"]["accuracy"] is None


def test_countries_must_be_the_same_set():
    res = ev.score([gold("g1", "2024-03-05", ["RUS", "CHN"])], [pred("2024-03-05", ["RUS", "CHN", "IND"])])
    assert (res["tp"], res["fp"], res["fn"], res["missed"]) == (0, 1, 1, ["g1"])


def test_wrong_day_is_a_date_error_and_a_miss_and_an_extra():
    res = ev.score([gold("g1", "2024-03-05", ["RUS", "CHN"])], [pred("2024-03-04", ["RUS", "CHN"])])
    assert (res["tp"], res["fp"], res["fn"], res["date_errors"]) == (0, 1, 1, 1)
    assert res["date_off"] == [{"gold": "g1", "gold_date": "2024-03-05", "pred_date": "2024-03-04"}]


def test_optional_gold_is_neither_missed_nor_extra():
    g = [gold("g1", "2024-03-05", ["RUS", "CHN"]), gold("g2", "2023", ["RUS", "CHN"], optional=True)]
    res = ev.score(g, [pred("2024-03-05", ["RUS", "CHN"]), pred("2023-10-01", ["RUS", "CHN"])])
    assert (res["tp"], res["fp"], res["fn"], res["precision"]) == (1, 0, 0, 1.0)
    res = ev.score(g, [pred("2024-03-05", ["RUS", "CHN"])])
    assert (res["tp"], res["fp"], res["fn"]) == (1, 0, 0)


def test_required_gold_is_paired_before_optional_gold():
    # both gold lines accept the one prediction; the required one must get it
    g = [gold("opt", "2024", ["RUS", "CHN"], optional=True), gold("req", "2024-03", ["RUS", "CHN"])]
    res = ev.score(g, [pred("2024-03-05", ["RUS", "CHN"])])
    assert (res["tp"], res["fn"]) == (1, 0)


def test_pairs_are_one_to_one():
    res = ev.score([gold("g1", "2024-03", ["RUS", "CHN"])],
                   [pred("2024-03-05", ["RUS", "CHN"]), pred("2024-03-06", ["RUS", "CHN"])])
    assert (res["tp"], res["fp"]) == (1, 1) and res["precision"] == 0.5 and res["f1"] == round(2 / 3, 4)


def test_only_the_gold_kinds_are_scored_unless_asked():
    g = [gold("g1", "2024-03-05", ["RUS", "CHN"])]
    p = [pred("2024-03-05", ["RUS", "CHN"]), pred("2024-03-01", ["RUS", "CHN"], kind="exercise"),
         pred("2024-03-01", ["RUS", "CHN"], kind="rumour")]
    assert ev.score(g, p)["fp"] == 1  # the unknown kind is charged, the exercise is not
    assert ev.score(g, p, kinds=["meeting", "exercise"])["fp"] == 2


def test_participants_match_by_surname_or_all_name_tokens():
    people = [{"name": "Viktor Khrenin", "surname": "Khrenin"}, {"name": "Dong Jun", "surname": "Dong"},
              {"name": "Phan Van Giang", "surname": "Giang"}]
    g = [gold("g1", "2024-03-05", ["BLR", "CHN", "VNM"], participants=people)]
    p = [pred("2024-03-05", ["BLR", "CHN", "VNM"],
              participants=[{"name": "В. Хренин"}, {"name": "Jun Dong"}, {"name": "Dmitry Pantus"}])]
    res = ev.score(g, p)
    # Khrenin and Dong found (2 of 3 gold); 2 of 3 predicted people found someone
    assert res["participants_f1"] == round(2 / 3, 4)


def test_fields_location_aliases_documents_sources_referenced():
    g = [gold("g1", "2024-03-05", ["IND", "RUS"], docs=("a.txt", "b.txt"), location="New Delhi",
              location_aliases=["Delhi"], documents=["protocol"], mode="in_person")]
    p = [pred("2024-03-05", ["IND", "RUS"], location={"name": "Delhi", "country": "IND"},
              documents=[{"type": "protocol", "title": None}], mode="in_person", docs=("a.txt",),
              referenced=True)]
    f = ev.score(g, p)["fields"]
    assert f["location"]["right"] == 1 and f["documents"]["right"] == 1 and f["mode"]["right"] == 1
    assert (f["sources"]["right"], f["sources"]["of"]) == (1, 2) and f["referenced"]["right"] == 0


def test_nothing_predicted_and_nothing_gold():
    res = ev.score([], [])
    assert (res["tp"], res["fp"], res["fn"], res["f1"]) == (0, 0, 0, 0.0)
    # with no gold, no kind is scored unless named: negative controls must name their kinds
    assert ev.score([], [pred("2024-03-05", ["RUS", "CHN"])])["predicted_events"] == 0
    res = ev.score([], [pred("2024-03-05", ["RUS", "CHN"])], kinds=["meeting"])
    assert (res["fp"], res["precision"]) == (1, 0.0)


def test_subset_keeps_only_the_given_documents():
    g = [gold("g1", "2024-03-05", ["RUS", "CHN"], docs=("ru.txt", "en.txt")),
         gold("g2", "2024-03-06", ["RUS", "IND"], docs=("en.txt",))]
    p = [pred("2024-03-05", ["RUS", "CHN"], docs=("ru.txt", "en.txt")), pred("2024-03-06", ["RUS", "IND"], docs=("en.txt",))]
    gs, ps = ev.subset(g, p, ["ru.txt"])
    assert [x["id"] for x in gs] == ["g1"] and gs[0]["docs"] == ["ru.txt"]
    assert len(ps) == 1 and [s["doc_id"] for s in ps[0]["sources"]] == ["ru.txt"]
    assert ev.score(gs, ps)["fields"]["sources"] == {"right": 1, "of": 1, "accuracy": 1.0}


def test_schema_problems():
    assert ev.schema_problems(pred("2024-03-05", ["CHN", "RUS"])) == []
    bad = pred("2024-03-05", ["RUS", "CHN"], mode="zoom", referenced=None)
    bad["countries"] = ["RUS", "CHN"]
    bad["date_precision"] = "week"
    assert ev.schema_problems(bad) == ["mode='zoom'", "date_precision", "countries=['RUS', 'CHN']", "referenced"]


def test_command_line(tmp_path, capsys):
    gpath, ppath = tmp_path / "gold.jsonl", tmp_path / "pred.jsonl"
    gpath.write_text(json.dumps(gold("g1", "2024-03-05", ["RUS", "CHN"])) + "\n", encoding="utf-8")
    ppath.write_text(json.dumps(pred("2024-03-04", ["CHN", "RUS"])) + "\n\n", encoding="utf-8")
    assert ev.main(["--gold", str(gpath), "--pred", str(ppath), "-v"]) == 0
    out = capsys.readouterr().out
    assert "event precision 0.000  recall 0.000  F1 0.000" in out and "date_off" in out
    assert ev.main(["--gold", str(gpath), "--pred", str(ppath), "--min-f1", "0.5"]) == 1
    capsys.readouterr()
    assert ev.main(["--gold", str(gpath), "--pred", str(ppath), "--json"]) == 0
    assert json.loads(capsys.readouterr().out)["date_errors"] == 1
    ppath.write_text("{broken\n", encoding="utf-8")
    assert ev.main(["--gold", str(gpath), "--pred", str(ppath)]) == 2
