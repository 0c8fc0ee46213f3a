"""Checks of kb/data/countries.json, institutions.json and officials_world.json against the schema
in kb/data/README.md: valid JSON lists, required keys, ISO codes (pycountry), unique codes and ids,
Russian fields in Cyrillic, dates that parse with from <= to, roles from the README vocabulary,
member lists of valid codes, and a handful of known facts."""
from __future__ import annotations

import datetime as dt
import json
import re
import unicodedata
from collections import defaultdict
from pathlib import Path

import pycountry
import pytest

from dyadwatch.kb import parse_kb_date

DATA = Path(__file__).resolve().parents[2] / "src" / "dyadwatch" / "kb" / "data"

CYR = re.compile(r"[\u0400-\u04FF]")
LAT = re.compile(r"[A-Za-z]")
DATE_RE = re.compile(r"^\d{4}(-\d{2}(-\d{2})?)?$")
PERSON_ID_RE = re.compile(r"^p:[a-z0-9]+(-[a-z0-9]+)*$")
ORG_ID_RE = re.compile(r"^org:[a-z0-9]+(-[a-z0-9]+)*$")
QID_RE = re.compile(r"^Q[1-9]\d*$")

COUNTRY_KEYS = {"code", "name", "names_en", "adj_en", "names_ru", "adj_ru", "abbr", "capital", "wikidata"}
INST_KEYS = {"id", "name", "abbr", "names_en", "names_ru", "kind", "country", "setting", "members"}
INST_KINDS = {"multilateral", "forum", "ministry", "staff", "agency"}
PERSON_KEYS = {"id", "name", "aliases_en", "short_en", "name_ru", "aliases_ru", "short_ru",
               "country", "gender", "wikidata", "offices", "source"}
OFFICE_KEYS = {"role", "from", "to", "rank"}

# Roles used in officials_world.json that the README vocabulary does not list (nothing there
# fits a monarch): heads of state of Jordan, Morocco, Bahrain (King), Oman (Sultan), Kuwait (Emir).
EXTRA_ROLES_WORLD = {"King", "Emir", "Sultan"}

# States covered by officials_eurasia.json (another list); officials_world.json must not hold them.
EURASIA = set(("RUS CHN BLR KAZ KGZ TJK UZB TKM ARM AZE GEO MDA UKR MNG IND PAK AFG BGD LKA NPL "
               "IRN TUR SYR IRQ ISR SAU ARE QAT EGY SRB").split())

# One holder at a time: the portfolio roles whose tenures in one country must not overlap.
EXCLUSIVE_ROLES = {"Minister of Defence", "Minister of National Defence", "Secretary of Defense",
                   "Minister of Defense", "Chief of the General Staff", "Chairman of the Joint Chiefs of Staff",
                   "Chief of Defence Staff", "Commander of the Armed Forces", "Secretary of State"}
# Overlaps allowed: a hand-over within a month, or a term end/start known only to the year.
OVERLAP_DAYS = 31
OVERLAP_OK = {
    ("p:al-sabah-fahad-yusuf-saud", "p:al-sabah-abdullah-ali-abdullah"),  # Kuwait 2025, year only
    ("p:freihat-mahmoud", "p:huneiti-yousef"),  # Jordan 2019, year only
    ("p:ri-yong-gil", "p:kim-jong-gwan"),  # DPRK 2021, year only
    ("p:korom-ferenc", "p:ruszin-szendi-romulusz"),  # Hungary 2021, year only
    ("p:ruszin-szendi-romulusz", "p:borondi-gabor"),  # Hungary 2023, year only
    ("p:benko-tibor", "p:korom-ferenc"),  # Hungary 2018, year only
    ("p:phan-van-giang", "p:nguyen-tan-cuong"),  # Vietnam CGS 2021, year only
    # Oman 2020: Deputy PM for Defence Affairs (start known to the year) alongside the outgoing
    # Minister Responsible for Defence Affairs
    ("p:al-busaidi-badr-bin-saud", "p:shihab-bin-tariq"),
}
# Regnal numbers stay in Latin letters in Russian too ("Мухаммед VI", "Абдалла II").
ROMAN = re.compile(r"\b[IVX]+\b")


def _load(name: str) -> list[dict]:
    with open(DATA / name, encoding="utf-8") as fh:
        data = json.load(fh)
    assert isinstance(data, list) and data, name
    assert all(isinstance(x, dict) for x in data), name
    return data


@pytest.fixture(scope="module")
def countries() -> list[dict]:
    return _load("countries.json")


@pytest.fixture(scope="module")
def institutions() -> list[dict]:
    return _load("institutions.json")


@pytest.fixture(scope="module")
def people() -> list[dict]:
    return _load("officials_world.json")


@pytest.fixture(scope="module")
def by_id(people) -> dict[str, dict]:
    return {p["id"]: p for p in people}


def _valid_a3(code) -> bool:
    return isinstance(code, str) and pycountry.countries.get(alpha_3=code) is not None


def _fold(text: str) -> str:
    text = unicodedata.normalize("NFKD", text.lower())
    return " ".join("".join(c for c in text if not unicodedata.combining(c)).split())


def _str_list(value) -> bool:
    return isinstance(value, list) and all(isinstance(x, str) and x.strip() == x and x for x in value)


def _readme_roles() -> set[str]:
    text = (DATA / "README.md").read_text(encoding="utf-8")
    block = text.split("Role vocabulary", 1)[1].split("Add a role only", 1)[0]
    return set(re.findall(r"`([^`]+)`", block))


def _start(o) -> dt.date:
    return parse_kb_date(o["from"]) or dt.date.min


def _end(o) -> dt.date:
    return parse_kb_date(o["to"], end=True) or dt.date.max


def _holders(people, country: str, role: str, day: dt.date) -> set[str]:
    return {p["id"] for p in people if p["country"] == country
            for o in p["offices"] if o["role"] == role and _start(o) <= day <= _end(o)}


# ------------------------------------------------------------------ countries.json
def test_countries_schema(countries):
    for c in countries:
        assert set(c) == COUNTRY_KEYS, c.get("code")
        assert isinstance(c["name"], str) and c["name"]
        for key in ("names_en", "adj_en", "names_ru", "adj_ru", "abbr"):
            assert _str_list(c[key]), (c["code"], key)
        assert isinstance(c["capital"], str) and c["capital"], c["code"]
        assert c["wikidata"] is None or QID_RE.match(c["wikidata"]), c["code"]


def test_countries_codes_valid_and_unique(countries):
    codes = [c["code"] for c in countries]
    assert len(codes) == len(set(codes))
    bad = [code for code in codes if not _valid_a3(code)]
    assert not bad, bad
    assert len(codes) >= 120
    wikidata = [c["wikidata"] for c in countries if c["wikidata"]]
    assert len(wikidata) == len(set(wikidata))


def test_countries_scripts(countries):
    for c in countries:
        for form in c["names_ru"] + c["adj_ru"]:
            assert CYR.search(form) and not LAT.search(form), (c["code"], form)
        for form in [c["name"], *c["names_en"], *c["adj_en"], c["capital"]]:
            assert not CYR.search(form), (c["code"], form)
        for adj in c["adj_ru"]:
            assert adj == adj.lower() and adj.endswith(("ий", "ый", "ой")), (c["code"], adj)


def test_country_surface_forms_unambiguous(countries):
    """A name, adjective or abbreviation must point to one country only."""
    seen_en, seen_ru, seen_abbr = {}, {}, {}
    for c in countries:
        for form in [c["name"], *c["names_en"], *c["adj_en"]]:
            assert seen_en.setdefault(_fold(form), c["code"]) == c["code"], form
        for form in c["names_ru"] + c["adj_ru"]:
            key = form.lower().replace("ё", "е")
            assert seen_ru.setdefault(key, c["code"]) == c["code"], form
        for form in c["abbr"]:
            assert seen_abbr.setdefault(form, c["code"]) == c["code"], form


def test_countries_required_entries(countries):
    by = {c["code"]: c for c in countries}
    for code in ("TWN", "PSE", "VAT", "RUS", "CHN", "USA", "BLR", "TJK", "ARE", "GBR", "KOR", "PRK", "DEU"):
        assert code in by, code
    assert pycountry.countries.get(alpha_3="XKX") is not None or "XKX" not in by
    assert {"РФ"} <= set(by["RUS"]["abbr"])
    assert {"КНР", "PRC"} <= set(by["CHN"]["abbr"])
    assert {"США", "US", "U.S.", "USA"} <= set(by["USA"]["abbr"])
    assert {"UAE", "ОАЭ"} <= set(by["ARE"]["abbr"])
    assert "UK" in by["GBR"]["abbr"] and "ROK" in by["KOR"]["abbr"]
    assert {"DPRK", "КНДР"} <= set(by["PRK"]["abbr"]) and "ФРГ" in by["DEU"]["abbr"]
    assert {"Tajik", "Tajikistani"} <= set(by["TJK"]["adj_en"])
    assert {"таджикистанский", "таджикский"} <= set(by["TJK"]["adj_ru"])
    assert {"Belarusian", "Belarussian"} <= set(by["BLR"]["adj_en"])
    assert {"Республика Беларусь", "Белоруссия", "Беларусь"} <= set(by["BLR"]["names_ru"])
    assert "Китайская Народная Республика" in by["CHN"]["names_ru"]
    assert "Chinese" in by["CHN"]["adj_en"] and "Emirati" in by["ARE"]["adj_en"]
    assert "американский" in by["USA"]["adj_ru"] and "британский" in by["GBR"]["adj_ru"]
    assert "белорусский" in by["BLR"]["adj_ru"] and "китайский" in by["CHN"]["adj_ru"]
    assert by["RUS"]["capital"] == "Moscow" and by["RUS"]["wikidata"] == "Q159"


# ------------------------------------------------------------------ institutions.json
def test_institutions_schema(institutions):
    ids = [i["id"] for i in institutions]
    assert len(ids) == len(set(ids))
    for inst in institutions:
        assert set(inst) == INST_KEYS, inst.get("id")
        assert ORG_ID_RE.match(inst["id"]), inst["id"]
        assert isinstance(inst["name"], str) and inst["name"] and not CYR.search(inst["name"])
        assert inst["kind"] in INST_KINDS, inst["id"]
        for key in ("abbr", "names_en", "names_ru", "members"):
            assert _str_list(inst[key]), (inst["id"], key)
        for form in inst["names_ru"]:
            assert CYR.search(form), (inst["id"], form)
        for form in inst["names_en"]:
            assert not CYR.search(form), (inst["id"], form)
        assert inst["setting"] is None or (isinstance(inst["setting"], str) and inst["setting"])


def test_institutions_countries_and_members(institutions):
    for inst in institutions:
        if inst["kind"] in ("ministry", "staff", "agency"):
            assert _valid_a3(inst["country"]), inst["id"]
            assert not inst["members"], inst["id"]
        else:
            assert inst["country"] is None, inst["id"]
        members = inst["members"]
        assert len(members) == len(set(members)), inst["id"]
        bad = [m for m in members if not _valid_a3(m)]
        assert not bad, (inst["id"], bad)
        if inst["kind"] == "multilateral" and inst["id"] != "org:udcg":
            assert len(members) >= 2, inst["id"]


def test_institution_abbreviations_unambiguous(institutions, countries):
    seen: dict[str, str] = {}
    country_abbr = {a for c in countries for a in c["abbr"]}
    for inst in institutions:
        for form in inst["abbr"]:
            assert seen.setdefault(form, inst["id"]) == inst["id"], form
            assert form not in country_abbr, form


def test_institutions_required_frames(institutions):
    by = {i["id"]: i for i in institutions}
    settings = {i["setting"] for i in institutions}
    for setting in ("SCO Defence Ministers' Meeting", "CSTO Defence Ministers' Council",
                    "CIS Council of Defence Ministers", "ADMM-Plus", "Shangri-La Dialogue",
                    "Moscow Conference on International Security", "NATO Defence Ministers' Meeting"):
        assert setting in settings, setting
    for oid in ("org:mod-rus", "org:gs-rus", "org:mod-chn", "org:cmc", "org:pla", "org:dod-usa",
                "org:goskomvoenprom", "org:fsvts", "org:rosoboronexport", "org:sco", "org:csto",
                "org:cis-cdm", "org:admm-plus", "org:asean", "org:shangri-la-dialogue", "org:mcis",
                "org:nato", "org:eu", "org:brics", "org:union-state"):
        assert oid in by, oid
    assert "ШОС" in by["org:sco"]["abbr"] and "ОДКБ" in by["org:csto"]["abbr"]
    assert "Пентагон" in by["org:dod-usa"]["names_ru"] and "Pentagon" in by["org:dod-usa"]["names_en"]
    assert "Минобороны России" in by["org:mod-rus"]["names_ru"]
    assert "ЦВС КНР" in by["org:cmc"]["names_ru"] and "Госкомвоенпром" in by["org:goskomvoenprom"]["names_ru"]
    assert "Совет министров обороны СНГ" in by["org:cis-cdm"]["names_ru"]
    assert set(by["org:union-state"]["members"]) == {"RUS", "BLR"}
    assert {"RUS", "CHN", "IND", "IRN", "BLR"} <= set(by["org:sco"]["members"])
    assert set(by["org:csto"]["members"]) == {"ARM", "BLR", "KAZ", "KGZ", "RUS", "TJK"}
    assert len(by["org:nato"]["members"]) == 32 and len(by["org:eu"]["members"]) == 27
    assert {"RUS", "USA", "CHN"} <= set(by["org:admm-plus"]["members"])


# ------------------------------------------------------------------ officials_world.json
def test_people_schema(people):
    for p in people:
        assert set(p) == PERSON_KEYS, p.get("id")
        assert PERSON_ID_RE.match(p["id"]), p["id"]
        assert isinstance(p["name"], str) and p["name"]
        for key in ("aliases_en", "short_en", "aliases_ru", "short_ru"):
            assert _str_list(p[key]), (p["id"], key)
        assert p["gender"] in ("m", "f"), p["id"]
        assert p["wikidata"] is None or QID_RE.match(p["wikidata"]), p["id"]
        assert isinstance(p["source"], str) and p["source"], p["id"]
        assert p["offices"], p["id"]


def test_people_ids_unique_across_files(people):
    ids = [p["id"] for p in people]
    assert len(ids) == len(set(ids))
    others = set()
    for path in sorted(DATA.glob("officials*.json")):
        if path.name != "officials_world.json":
            others |= {p["id"] for p in json.loads(path.read_text(encoding="utf-8"))}
    assert not (set(ids) & others), sorted(set(ids) & others)


def test_people_countries(people):
    for p in people:
        assert _valid_a3(p["country"]), p["id"]
        assert p["country"] not in EURASIA, p["id"]


def test_people_scripts(people):
    for p in people:
        for form in [p["name_ru"], *p["aliases_ru"], *p["short_ru"]]:
            assert isinstance(form, str) and CYR.search(form), (p["id"], form)
            assert not LAT.search(ROMAN.sub("", form)), (p["id"], form)
        for form in [p["name"], *p["aliases_en"], *p["short_en"]]:
            assert not CYR.search(form), (p["id"], form)


def test_offices_dates_and_roles(people):
    roles = _readme_roles() | EXTRA_ROLES_WORLD
    assert "Secretary of Defense" in roles and "Prime Minister" in roles
    for p in people:
        for o in p["offices"]:
            assert set(o) == OFFICE_KEYS, p["id"]
            assert o["role"] in roles, (p["id"], o["role"])
            assert isinstance(o["from"], str) and DATE_RE.match(o["from"]), (p["id"], o)
            assert o["to"] is None or DATE_RE.match(o["to"]), (p["id"], o)
            start = parse_kb_date(o["from"])
            end = parse_kb_date(o["to"], end=True)
            assert start is not None
            assert end is None or start <= end, (p["id"], o)
            assert o["rank"] is None or (isinstance(o["rank"], str) and o["rank"]), p["id"]


def test_exclusive_roles_do_not_overlap(people):
    terms = defaultdict(list)
    for p in people:
        for o in p["offices"]:
            if o["role"] in EXCLUSIVE_ROLES:
                terms[(p["country"], o["role"])].append((_start(o), _end(o), p["id"]))
    problems = []
    for key, items in terms.items():
        items.sort()
        for i, (_s1, e1, a) in enumerate(items):
            for s2, e2, b in items[i + 1:]:
                if a == b or s2 > e1:
                    continue
                overlap = (min(e1, e2) - s2).days
                if overlap <= OVERLAP_DAYS:
                    continue
                if (a, b) in OVERLAP_OK or (b, a) in OVERLAP_OK:
                    continue
                problems.append((key, a, b, overlap))
    assert not problems, problems


@pytest.mark.parametrize("pid, role, day", [
    ("p:austin-lloyd", "Secretary of Defense", "2022-01-01"),
    ("p:esper-mark", "Secretary of Defense", "2020-08-06"),
    ("p:mattis-james", "Secretary of Defense", "2018-06-01"),
    ("p:shanahan-patrick", "Secretary of Defense", "2019-03-01"),
    ("p:carter-ash", "Secretary of Defense", "2016-06-01"),
    ("p:hegseth-pete", "Secretary of Defense", "2025-06-01"),
    ("p:milley-mark", "Chairman of the Joint Chiefs of Staff", "2021-01-01"),
    ("p:dunford-joseph", "Chairman of the Joint Chiefs of Staff", "2017-01-01"),
    ("p:caine-dan", "Chairman of the Joint Chiefs of Staff", "2025-06-01"),
    ("p:sherman-wendy", "Deputy Minister of Foreign Affairs", "2022-01-10"),
    ("p:blinken-antony", "Secretary of State", "2023-01-01"),
    ("p:kishi-nobuo", "Minister of Defense", "2021-06-01"),
    ("p:kono-taro", "Minister of Defense", "2020-01-01"),
    ("p:phan-van-giang", "Minister of National Defence", "2023-01-01"),
    ("p:ngo-xuan-lich", "Minister of National Defence", "2018-01-01"),
    ("p:subianto-prabowo", "Minister of Defence", "2022-01-01"),
    ("p:subianto-prabowo", "President", "2025-01-01"),
    ("p:sjamsoeddin-sjafrie", "Minister of Defence", "2025-03-01"),
    ("p:ryacudu-ryamizard", "Minister of Defence", "2017-01-01"),
    ("p:pistorius-boris", "Minister of Defence", "2024-01-01"),
    ("p:min-aung-hlaing", "Commander of the Armed Forces", "2022-01-01"),
])
def test_known_facts(by_id, pid, role, day):
    day = dt.date.fromisoformat(day)
    person = by_id[pid]
    assert any(o["role"] == role and _start(o) <= day <= _end(o) for o in person["offices"]), (pid, role, day)


def test_not_in_office(by_id):
    esper = by_id["p:esper-mark"]
    assert not any(_start(o) <= dt.date(2021, 3, 1) <= _end(o) for o in esper["offices"])
    assert not any(o["role"] == "Secretary of Defense" and _start(o) <= dt.date(2019, 7, 18) <= _end(o)
                   for o in esper["offices"])  # Spencer acting, 2019-07-15..23


@pytest.mark.parametrize("day", ["2015-06-01", "2017-06-01", "2019-03-01", "2020-01-01", "2021-06-01",
                                 "2023-06-01", "2025-03-01"])
def test_one_us_secdef_at_a_time(people, day):
    assert len(_holders(people, "USA", "Secretary of Defense", dt.date.fromisoformat(day))) == 1


def test_russian_press_spellings(by_id):
    expected = {"p:austin-lloyd": "Ллойд Остин", "p:esper-mark": "Марк Эспер", "p:milley-mark": "Марк Милли",
                "p:kishi-nobuo": "Нобуо Киси", "p:subianto-prabowo": "Прабово Субианто",
                "p:phan-van-giang": "Фан Ван Жанг", "p:hegseth-pete": "Пит Хегсет"}
    for pid, name in expected.items():
        assert by_id[pid]["name_ru"] == name
