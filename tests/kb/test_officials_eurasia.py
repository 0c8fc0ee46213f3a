"""Checks of kb/data/officials_eurasia.json: schema (kb/data/README.md), dates, roles, scripts,
non-overlapping tenures, and a handful of known facts the year inference relies on."""
from __future__ import annotations

import datetime as dt
import json
import re
from collections import defaultdict
from pathlib import Path

import pycountry
import pytest

from dyadwatch.kb import parse_kb_date

DATA = Path(__file__).resolve().parents[2] / "src" / "dyadwatch" / "kb" / "data"
FILE = DATA / "officials_eurasia.json"

# Roles used here that the README vocabulary does not (yet) list: nothing there fits
# (Iran's / the Taliban's head of state, heads of CMC departments, Gulf ministers of state
# for defence, Pakistan's and Georgia's Chief of Defence Forces).
EXTRA_ROLES = {
    "Supreme Leader",
    "Director of the CMC Equipment Development Department",
    "Director of the CMC Political Work Department",
    "Minister of State for Defence Affairs",
    "Chief of Defence Forces",
}
KEYS = {"id", "name", "aliases_en", "short_en", "name_ru", "aliases_ru", "short_ru",
        "country", "gender", "wikidata", "offices", "source"}
OFFICE_KEYS = {"role", "from", "to", "rank"}
RANKS = {None, "General of the Army", "Colonel General", "Lieutenant General", "Major General",
         "Brigadier General", "General", "Admiral", "Field Marshal"}
COUNTRIES = ("RUS CHN BLR KAZ KGZ TJK UZB TKM ARM AZE GEO MDA UKR MNG IND PAK AFG BGD LKA NPL "
             "IRN TUR SYR IRQ ISR SAU ARE QAT EGY SRB").split()
DATE_RE = re.compile(r"^\d{4}(-\d{2}(-\d{2})?)?$")
ID_RE = re.compile(r"^p:[a-z0-9]+(-[a-z0-9]+)*$")
CYR = re.compile(r"[\u0400-\u04FF]")
LAT = re.compile(r"[A-Za-z]")


def _readme_roles() -> set[str]:
    text = (DATA / "README.md").read_text(encoding="utf-8")
    block = text.split("Role vocabulary", 1)[1].split("Add a role only", 1)[0]
    return set(re.findall(r"`([^`]+)`", block))


@pytest.fixture(scope="module")
def people() -> list[dict]:
    with open(FILE, encoding="utf-8") as fh:
        data = json.load(fh)
    assert isinstance(data, list) and data
    return data


@pytest.fixture(scope="module")
def by_id(people) -> dict[str, dict]:
    return {p["id"]: p for p in people}


def _start(o):
    return parse_kb_date(o["from"]) or dt.date.min


def _end(o):
    return parse_kb_date(o["to"], end=True) or dt.date.max


def _holds(person, role, day: dt.date) -> bool:
    return any(o["role"] == role and _start(o) <= day <= _end(o) for o in person["offices"])


def _term(person, role) -> tuple[dt.date, dt.date]:
    terms = [o for o in person["offices"] if o["role"] == role]
    assert len(terms) == 1, (person["id"], role)
    return _start(terms[0]), _end(terms[0])


def test_ids_unique_and_well_formed(people):
    ids = [p["id"] for p in people]
    assert len(ids) == len(set(ids)), sorted({i for i in ids if ids.count(i) > 1})
    bad = [i for i in ids if not ID_RE.match(i)]
    assert not bad, bad


def test_keys_and_types(people):
    for p in people:
        assert set(p) == KEYS, (p["id"], set(p) ^ KEYS)
        assert p["name"].strip() and p["source"].strip()
        for k in ("aliases_en", "short_en", "aliases_ru", "short_ru"):
            assert isinstance(p[k], list) and all(isinstance(s, str) and s.strip() for s in p[k]), (p["id"], k)
        assert p["short_en"] and p["short_ru"], p["id"]
        assert p["gender"] in ("m", "f"), p["id"]
        assert p["wikidata"] is None or re.match(r"^Q\d+$", p["wikidata"]), p["id"]
        assert p["offices"], p["id"]
        for o in p["offices"]:
            assert set(o) == OFFICE_KEYS, (p["id"], o)
            assert o["rank"] in RANKS, (p["id"], o["rank"])


def test_country_codes_valid(people):
    for p in people:
        assert pycountry.countries.get(alpha_3=p["country"]) is not None, (p["id"], p["country"])


def test_every_covered_country_present(people):
    present = {p["country"] for p in people}
    assert not set(COUNTRIES) - present, sorted(set(COUNTRIES) - present)
    assert len(people) >= 150


def test_dates_parse_and_ordered(people):
    for p in people:
        for o in p["offices"]:
            for k in ("from", "to"):
                v = o[k]
                assert v is None or (isinstance(v, str) and DATE_RE.match(v)), (p["id"], k, v)
                if v:
                    parse_kb_date(v)  # raises on an impossible date
            # an open start is allowed only for a term that ended (predecessor with unknown start)
            assert o["from"] is not None or o["to"] is not None, (p["id"], o)
            if o["from"] and o["to"]:
                assert parse_kb_date(o["from"]) <= parse_kb_date(o["to"], end=True), (p["id"], o)
            if o["from"]:
                assert parse_kb_date(o["from"]) <= dt.date(2026, 12, 31), (p["id"], o)


def test_roles_from_vocabulary(people):
    allowed = _readme_roles() | EXTRA_ROLES
    assert "Minister of Defence" in allowed and "Chief of the General Staff" in allowed
    bad = {(p["id"], o["role"]) for p in people for o in p["offices"] if o["role"] not in allowed}
    assert not bad, sorted(bad)


def test_russian_forms_are_cyrillic(people):
    for p in people:
        for s in [p["name_ru"], *p["aliases_ru"], *p["short_ru"]]:
            assert CYR.search(s) and not LAT.search(s), (p["id"], s)
        for s in [p["name"], *p["aliases_en"], *p["short_en"]]:
            assert not CYR.search(s), (p["id"], s)


def test_no_overlapping_terms_in_same_role(people):
    for p in people:
        terms = defaultdict(list)
        for o in p["offices"]:
            terms[o["role"]].append((_start(o), _end(o)))
        for role, spans in terms.items():
            spans.sort()
            for (s1, e1), (s2, e2) in zip(spans, spans[1:]):
                assert e1 < s2, (p["id"], role, (s1, e1), (s2, e2))


def test_name_forms_unique_within_person(people):
    for p in people:
        forms = [p["name"], *p["aliases_en"]]
        assert len({f.lower() for f in forms}) == len(forms), p["id"]
        forms_ru = [p["name_ru"], *p["aliases_ru"]]
        assert len(set(forms_ru)) == len(forms_ru), p["id"]


# ---- known facts ----

def test_shoigu_belousov(by_id):
    shoigu, belousov = by_id["p:shoigu-sergei"], by_id["p:belousov-andrei"]
    assert _holds(shoigu, "Minister of Defence", dt.date(2020, 1, 1))
    assert not _holds(shoigu, "Minister of Defence", dt.date(2025, 1, 1))
    assert _holds(shoigu, "Secretary of the Security Council", dt.date(2025, 1, 1))
    assert _holds(belousov, "Minister of Defence", dt.date(2025, 1, 1))
    assert not _holds(belousov, "Minister of Defence", dt.date(2024, 1, 1))
    assert "Шойгу" in shoigu["short_ru"] and "Shoygu" in shoigu["short_en"]
    assert belousov["name_ru"] == "Андрей Белоусов"


def test_dong_jun_and_shoigu_overlap_only_around_2024(by_id):
    """Dong Jun took office on 2023-12-29, Shoigu left on 2024-05-12: as defence ministers they
    coexist only from 2023-12-29 to 2024-05-12, i.e. (almost entirely) in 2024."""
    d0, d1 = _term(by_id["p:dong-jun"], "Minister of National Defence")
    s_terms = [(_start(o), _end(o)) for o in by_id["p:shoigu-sergei"]["offices"] if o["role"] == "Minister of Defence"]
    (s0, s1), = s_terms
    lo, hi = max(d0, s0), min(d1, s1)
    assert (lo, hi) == (dt.date(2023, 12, 29), dt.date(2024, 5, 12))
    days_2024 = (hi - dt.date(2024, 1, 1)).days + 1
    assert days_2024 > 10 * (dt.date(2023, 12, 31) - lo).days  # the overlap is a 2024 overlap
    assert not _holds(by_id["p:dong-jun"], "Minister of National Defence", dt.date(2023, 6, 1))


def test_chinese_defence_ministers(by_id):
    wei, li, dong = by_id["p:wei-fenghe"], by_id["p:li-shangfu"], by_id["p:dong-jun"]
    assert _holds(wei, "Minister of National Defence", dt.date(2019, 6, 1))
    assert _holds(li, "Minister of National Defence", dt.date(2023, 6, 1))
    assert not _holds(li, "Minister of National Defence", dt.date(2023, 11, 1))
    assert dong["short_en"][:2] == ["Dong Jun", "Dong"] and dong["short_ru"][:2] == ["Дун Цзюнь", "Дун"]
    assert wei["name_ru"] == "Вэй Фэнхэ" and li["name_ru"] == "Ли Шанфу"
    assert by_id["p:zhang-youxia"]["name_ru"] == "Чжан Юся" and by_id["p:he-weidong"]["name_ru"] == "Хэ Вэйдун"
    assert by_id["p:liu-zhenli"]["name_ru"] == "Лю Чжэньли"


def test_belarus(by_id):
    ravkov, khrenin, pantus = by_id["p:ravkov-andrei"], by_id["p:khrenin-viktor"], by_id["p:pantus-dmitry"]
    assert _holds(ravkov, "Minister of Defence", dt.date(2019, 1, 1))
    assert _holds(khrenin, "Minister of Defence", dt.date(2021, 1, 1))
    assert not _holds(ravkov, "Minister of Defence", dt.date(2021, 1, 1))
    assert ravkov["name_ru"] == "Андрей Равков"
    gvpk = "Chairman of the State Authority for Military Industry"
    assert _holds(pantus, gvpk, dt.date(2022, 1, 1))
    holders_2015 = [p for p in by_id.values() if _holds(p, gvpk, dt.date(2015, 6, 1))]
    assert [p["id"] for p in holders_2015] == ["p:gurulev-sergei"]


def test_kazakhstan(by_id):
    yermek = by_id["p:yermekbayev-nurlan"]
    assert {"Ermekbaev", "Yermekbayev"} <= set(yermek["short_en"])
    assert _holds(yermek, "Minister of Defence", dt.date(2019, 1, 1))
    assert _holds(by_id["p:zhaksylykov-ruslan"], "Minister of Defence", dt.date(2023, 1, 1))
    assert not _holds(by_id["p:zhaksylykov-ruslan"], "Minister of Defence", dt.date(2025, 7, 1))


def test_requested_spellings(by_id):
    forms = defaultdict(set)
    for p in by_id.values():
        for s in [p["name"], *p["aliases_en"], p["name_ru"], *p["aliases_ru"]]:
            forms[s].add(p["id"])
    for s in ["Hulusi Akar", "Zakir Hasanov", "Davit Tonoyan", "David Tonoyan", "Sherali Mirzo",
              "Emomali Sobirzoda", "Rajnath Singh", "Раджнатх Сингх", "Qamar Javed Bajwa", "Amir Hatami",
              "Mohamed Zaki", "Aleksandar Vulin", "Александр Вулин", "Milan Mojsilović", "Милан Мойсилович",
              "Andrei Ravkov", "Viktor Khrenin", "Valery Gerasimov", "Andrei Belousov", "Wei Fenghe",
              "Dong Jun", "Nurlan Yermekbayev", "Nurlan Ermekbaev", "Ruslan Zhaksylykov", "Sergei Ryabkov",
              "Dmitry Pantus", "Sergey Shoigu", "Sergei Shoygu"]:
        assert len(forms.get(s, ())) == 1, s


def test_other_known_tenures(by_id):
    assert _holds(by_id["p:akar-hulusi"], "Minister of National Defence", dt.date(2020, 1, 1))
    assert _holds(by_id["p:bajwa-qamar-javed"], "Chief of Army Staff", dt.date(2020, 1, 1))
    assert _holds(by_id["p:singh-rajnath"], "Minister of Defence", dt.date(2020, 1, 1))
    assert _holds(by_id["p:hatami-amir"], "Minister of Defence", dt.date(2019, 1, 1))
    assert _holds(by_id["p:zaki-mohamed"], "Minister of Defence and Military Production", dt.date(2020, 1, 1))
    assert _holds(by_id["p:vulin-aleksandar"], "Minister of Defence", dt.date(2019, 1, 1))
    assert _holds(by_id["p:mojsilovic-milan"], "Chief of the General Staff", dt.date(2019, 1, 1))
    assert _holds(by_id["p:gerasimov-valery"], "Chief of the General Staff", dt.date(2015, 1, 1))
    assert _holds(by_id["p:tonoyan-david"], "Minister of Defence", dt.date(2019, 1, 1))
    assert _holds(by_id["p:mirzo-sherali"], "Minister of Defence", dt.date(2019, 1, 1))
    assert _holds(by_id["p:sobirzoda-emomali"], "Minister of Defence", dt.date(2025, 6, 1))


def test_one_defence_minister_at_a_time(people):
    """Per country, at most one (full) defence minister on 1 July of each year 2015-2026. A term counts
    only where it is certain: from the last day its start can mean to the first day its end can mean,
    so that a year-only hand-over date ("2018") does not make predecessor and successor collide."""
    mod_roles = {"Minister of Defence", "Minister of National Defence", "Minister of Defence and Military Production"}

    def certain(o, day):
        lo = parse_kb_date(o["from"], end=True) or dt.date.min
        hi = parse_kb_date(o["to"]) or dt.date.max
        return lo <= day <= hi

    for year in range(2015, 2027):
        day = dt.date(year, 7, 1)
        held = defaultdict(list)
        for p in people:
            if any(o["role"] in mod_roles and certain(o, day) for o in p["offices"]):
                held[p["country"]].append(p["id"])
        clash = {c: ids for c, ids in held.items() if len(ids) > 1}
        assert not clash, (year, clash)
