"""Who takes part: people named in a clause about another meeting are not sides; a bare
surname needs a tenure that fits; unknown officials are kept with role and country and listed
by `dyadwatch kb unknown`. Texts written for these tests, in several outlets' styles."""
import datetime as dt
import json
import subprocess
import sys

import pytest

from dyadwatch.extract import extract_events
from dyadwatch.kb.unknown import unknown_officials
from dyadwatch.model import Document


def events(text, lang, published, doc_id="p.txt"):
    return [e for e in extract_events(Document(doc_id, lang=lang, published=published, text=text))
            if not e.referenced]


def only(evs):
    assert len(evs) == 1, [e.to_record() for e in evs]
    return evs[0]


RELATIVE = [
    ("en", "Defence Minister Rajnath Singh, who met US Defence Secretary Lloyd Austin in Washington last month, "
           "held talks with Australian Deputy Prime Minister Richard Marles in New Delhi on Tuesday.",
     ["AUS", "IND"]),
    ("en", "Japanese Defense Minister Gen Nakatani, who had earlier met Philippine Defense Secretary Gilberto "
           "Teodoro in Manila, held a meeting with Australian Defence Minister Richard Marles on Tuesday.",
     ["AUS", "JPN"]),
    ("ru", "Министр обороны России Андрей Белоусов, который ранее встретился с министром обороны Индии, провел "
           "переговоры с министром обороны Китая Дун Цзюнем в Пекине во вторник.", ["CHN", "RUS"]),
]


@pytest.mark.parametrize("lang,text,sides", RELATIVE)
def test_people_in_a_clause_about_another_meeting_are_not_sides(lang, text, sides):
    ev = only(events(text, lang, dt.date(2024, 3, 6)))
    assert ev.countries == sides
    assert {p.country for p in ev.participants} <= set(sides)


@pytest.mark.parametrize("text", [
    # negative controls: the clause tells no meeting, or the person is the one met
    "Defence Minister Rajnath Singh met US Defence Secretary Lloyd Austin, who is on a two-day visit, "
    "in New Delhi on Tuesday.",
    "US Defence Secretary Lloyd Austin, who arrived on Monday, held talks with Defence Minister Rajnath Singh "
    "in New Delhi on Tuesday.",
])
def test_a_relative_clause_without_another_meeting_keeps_its_people(text):
    ev = only(events(text, "en", dt.date(2024, 3, 6)))
    assert ev.countries == ["IND", "USA"]
    assert sorted(p.name for p in ev.participants) == ["Lloyd Austin", "Rajnath Singh"]


@pytest.mark.parametrize("text", [
    "NEW DELHI, June 5. Australian Defence Minister Stephen Smith held talks with his Indian counterpart in "
    "New Delhi on Wednesday. Singh said the two countries would deepen maritime cooperation.",
    "Australia's defence minister Stephen Smith and his Indian counterpart met in New Delhi on June 5. "
    "\"We agreed to hold a joint naval exercise,\" Singh told reporters.",
])
def test_a_bare_surname_of_someone_not_yet_in_office_is_not_the_kb_person(text):
    ev = only(events(text, "en", dt.date(2013, 6, 6)))
    assert "p:singh-rajnath" not in {p.entity_id for p in ev.participants}


def test_a_bare_surname_in_office_on_the_day_is_still_the_kb_person():
    text = ("NEW DELHI, June 5. Australian Deputy Prime Minister Richard Marles held talks with his Indian "
            "counterpart in New Delhi on Wednesday. Singh said the two countries would deepen maritime cooperation.")
    ev = only(events(text, "en", dt.date(2024, 6, 6)))
    assert "p:singh-rajnath" in {p.entity_id for p in ev.participants}


UNKNOWN = [
    ("en", "TASHKENT, May 14. Uzbek Defence Minister Bakhodir Kurbanov received Major General Tomas Velkaro, "
           "Chief of the General Staff of the Armed Forces of Estonia, on Tuesday.", "EST", "Velkaro"),
    ("en", "Major General Tomas Velkaro, the Estonian Chief of the General Staff, held talks with Uzbek "
           "Defence Minister Bakhodir Kurbanov in Tashkent on May 14.", "EST", "Velkaro"),
    ("ru", "ТАШКЕНТ, 14 мая. Министр обороны Узбекистана Бахадыр Курбанов провел переговоры с начальником "
           "Генерального штаба Вооруженных сил Эстонии генерал-майором Томасом Велкаро.", "EST", "Velkaro"),
]


@pytest.mark.parametrize("lang,text,country,surname", UNKNOWN)
def test_an_official_the_kb_lacks_is_kept_with_role_and_country(lang, text, country, surname):
    ev = only(events(text, lang, dt.date(2024, 5, 15)))
    unknown = [p for p in ev.participants if p.entity_id is None]
    assert [(p.country, p.name.split()[-1]) for p in unknown] == [(country, surname)]
    assert unknown[0].role or unknown[0].rank


def test_unknown_officials_are_listed_once_with_their_evidence():
    evs = []
    for k, (lang, text, _, _) in enumerate(UNKNOWN):
        evs += events(text, lang, dt.date(2024, 5, 15), doc_id=f"u{k}.txt")
    found = unknown_officials(evs)
    assert [(u.country, u.name.split()[-1]) for u in found] == [("EST", "Velkaro")]
    u = found[0]
    assert len(u.evidence) == 3 and all("Velkaro" in t or "Велкаро" in t for _, t in u.evidence)
    assert "p:kurbanov-bakhodir" not in json.dumps(u.to_json())


def test_kb_unknown_command_lists_them(tmp_path):
    for k, (_lang, text, _, _) in enumerate(UNKNOWN):
        (tmp_path / f"u{k}.txt").write_text(" date 2024-05-15 \n" + text + "\n", encoding="utf-8")
    res = subprocess.run([sys.executable, "-m", "dyadwatch", "kb", "unknown", str(tmp_path), "--format", "jsonl"],
                         capture_output=True, text=True)
    assert res.returncode == 0, res.stderr
    rows = [json.loads(line) for line in res.stdout.splitlines()]
    assert [(r["country"], r["name"].split()[-1]) for r in rows] == [("EST", "Velkaro")]
    assert {e["doc_id"] for e in rows[0]["evidence"]} == {"u0.txt", "u1.txt", "u2.txt"}
    missing = subprocess.run([sys.executable, "-m", "dyadwatch", "kb", "unknown", str(tmp_path / "nope")],
                             capture_output=True, text=True)
    assert missing.returncode == 2
