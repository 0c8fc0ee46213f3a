"""Per-language patterns, loaded from data files: `extract/data/{lang}/*.toml`.

Stages never ask which language they read: they read a `Profile`'s word sets, phrases, role
titles and switches (`features`), and ask its `hooks` for what only morphology can answer.
A new language is a data folder (language.toml, lexicon.toml, roles.toml, checked against
`SCHEMA` below) plus, when it needs morphology, a few lines in `hooks.py`."""
from __future__ import annotations

import tomllib
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path
from typing import Any

DATA = Path(__file__).with_name("data")
SLOT = "@C"  # one country word inside a role phrase ('глава @C военного ведомства')

TOPICS = ("military_cooperation", "military_technical_cooperation", "joint_exercises", "regional_security",
          "counterterrorism", "strategic_stability", "maritime_security", "training_education",
          "crisis_communication", "peacekeeping", "syria", "afghanistan", "ukraine", "covid19")

# table -> {key: type}; "words" are lists of strings, "phrases" lists of space-separated phrases,
# "map" tables of string -> string, "phrase_map" tables whose keys are phrases.
SCHEMA: dict[str, dict[str, Any]] = {
    "language": {"code": str, "name": str, "hooks": str, "kb_script": str},
    "features": {
        "person_spans": ("ner", "capitalised"), "countries_need_capital": ("all", "names"),
        "adjective_no_hyphen": bool, "compound_countries": ("keys", "parts"), "role_country_genitive": bool,
        "given_names_first": bool, "names_over_ranks": bool, "place_single_word": ("toponym", "common"),
        "place_needs_locative_below": int, "place_all_caps_ok": bool, "place_covering_person_wins": bool,
        "weak_triggers_mark_positions": bool, "future_window": int, "future_clause_bound": bool,
        "capitalised_body_names": bool, "topic_text": ("lemmas", "lower"),
    },
    "words": dict.fromkeys((
        "triggers", "weak_triggers", "ref_event_verbs", "ref_modifiers", "visit_words", "phone", "video",
        "negation", "past_report", "sign", "doc_object_markers", "multilateral_cues", "side_clause_openers",
        "not_present_cues", "back_reference", "in_person", "ambiguous_call_triggers", "call_verbs", "since",
        "place_since", "detach", "scene_setters", "future_markers", "future_intent", "future_intent_next",
        "infinitive_markers", "infinitive_verbs", "future_verbs", "anaphora_forms", "anaphora_keys",
        "pair_conjunctions", "pair_between", "pair_adjective_heads", "visit_prepositions", "capital_words",
        "where_words", "in_prepositions", "military_technical", "armaments", "sidelines",
        "document_list_joiners", "document_list_adverbs", "document_back_nouns", "articles", "forward_modifiers",
        "role_skip", "role_country_linkers", "locative", "possessive_suffixes", "counterpart_words",
        "respectively", "meeting_plural", "host_verbs", "institution_hosts", "object_first_prepositions",
        "mention_only_verbs", "session_words", "apposition_lead", "body_name_inner", "list_stops",
        "plural_blockers", "complementizers"), "words"),
    "phrases": dict.fromkeys(("trigger_phrases", "phone_phrases", "video_phrases", "in_person_phrases",
                              "anaphora_phrases", "military_technical_phrases", "weak_trigger_phrases"), "phrases"),
    "names": dict.fromkeys(("adjective_endings", "title_words", "common_capitalised", "short_name_stopwords"),
                           "words"),
    "doc_types": "map", "body_words": "map", "country_prefixes": "map",
    "topics": "topics", "roles": "phrase_map", "ranks": "phrase_map",
}


class SchemaError(ValueError):
    pass


def _check(lang: str, data: dict[str, Any]) -> None:
    for table, spec in SCHEMA.items():
        if table not in data:
            raise SchemaError(f"{lang}: table [{table}] is missing")
        got = data[table]
        if isinstance(spec, dict):
            for key, typ in spec.items():
                if key not in got:
                    raise SchemaError(f"{lang}: [{table}] has no {key!r}")
                val = got[key]
                if typ in ("words", "phrases"):
                    if not isinstance(val, list) or not all(isinstance(x, str) and x for x in val):
                        raise SchemaError(f"{lang}: [{table}] {key} must be a list of non-empty strings")
                elif isinstance(typ, tuple):
                    if val not in typ:
                        raise SchemaError(f"{lang}: [{table}] {key} must be one of {typ}")
                elif not isinstance(val, typ) or (typ is int and isinstance(val, bool)):
                    raise SchemaError(f"{lang}: [{table}] {key} must be {typ.__name__}")
            unknown = set(got) - set(spec)
            if unknown:
                raise SchemaError(f"{lang}: [{table}] has unknown keys {sorted(unknown)}")
        elif spec in ("map", "phrase_map"):
            if not all(isinstance(k, str) and isinstance(v, str) and k and v for k, v in got.items()):
                raise SchemaError(f"{lang}: [{table}] must map strings to strings")
        elif spec == "topics":
            unknown = set(got) - set(TOPICS)
            if unknown:
                raise SchemaError(f"{lang}: [topics] has topics outside the fixed list: {sorted(unknown)}")
            if not all(isinstance(v, list) for v in got.values()):
                raise SchemaError(f"{lang}: [topics] values must be lists")


def read_folder(folder: Path) -> dict[str, Any]:
    """The tables of every .toml file of a language folder; a table defined twice is an error."""
    data: dict[str, Any] = {}
    for path in sorted(folder.glob("*.toml")):
        with path.open("rb") as f:
            for table, body in tomllib.load(f).items():
                if table in data:
                    raise SchemaError(f"{folder.name}: table [{table}] is defined twice ({path.name})")
                data[table] = body
    return data


def _phrase(text: str) -> tuple[str, ...]:
    return tuple(text.split())


@dataclass(frozen=True)
class Features:
    person_spans: str
    countries_need_capital: str
    adjective_no_hyphen: bool
    compound_countries: str
    role_country_genitive: bool
    given_names_first: bool
    names_over_ranks: bool
    place_single_word: str
    place_needs_locative_below: int
    place_all_caps_ok: bool
    place_covering_person_wins: bool
    weak_triggers_mark_positions: bool
    future_window: int
    future_clause_bound: bool
    capitalised_body_names: bool
    topic_text: str


class Profile:
    """One language's patterns. Word lists are frozensets, phrases tuples of words, role and
    rank tables {phrase: canonical English}. Attribute names are the data files' keys."""

    def __init__(self, code: str, data: dict[str, Any]):
        _check(code, data)
        from .hooks import get_hooks

        self.code = code
        self.name = data["language"]["name"]
        self.kb_script = data["language"]["kb_script"]
        self.hooks = get_hooks(data["language"]["hooks"])
        self.features = Features(**data["features"])
        for table in ("words", "names"):
            for key, val in data[table].items():
                setattr(self, key, frozenset(val))
        for key, val in data["phrases"].items():
            setattr(self, key, frozenset(_phrase(p) for p in val))
        self.doc_types: dict[str, str] = dict(data["doc_types"])
        self.body_words: dict[str, str] = dict(data["body_words"])
        self.country_prefixes: dict[str, str] = dict(data["country_prefixes"])
        self.topics: dict[str, frozenset[str]] = {t: frozenset(v) for t, v in data["topics"].items()}
        self.roles: dict[tuple[str, ...], str] = {_phrase(k): v for k, v in data["roles"].items()}
        self.ranks: dict[tuple[str, ...], str] = {_phrase(k): v for k, v in data["ranks"].items()}
        self.adjective_endings_t = tuple(sorted(data["names"]["adjective_endings"]))
        self.possessive_t = tuple(sorted(data["words"]["possessive_suffixes"]))
        # the meeting words used to find where in a sentence the meeting is told
        self.position_triggers = self.triggers | self.weak_triggers \
            if self.features.weak_triggers_mark_positions else self.triggers

    def __getattr__(self, name: str) -> Any:  # only reached for names the data did not define
        raise AttributeError(f"language {self.__dict__.get('code')!r} has no pattern {name!r}")


@dataclass(frozen=True)
class RoleClasses:
    non_participant: frozenset[str]
    heads: frozenset[str]
    generic: frozenset[str]
    security: frozenset[str]
    defence_minister: frozenset[str]
    diplomatic: frozenset[str]


@lru_cache(maxsize=1)
def role_classes() -> RoleClasses:
    from ..kb import DEFENCE_ROLES

    with (DATA / "common.toml").open("rb") as f:
        roles = tomllib.load(f)["roles"]
    return RoleClasses(
        non_participant=frozenset(roles["non_participant"]), heads=frozenset(roles["heads"]),
        generic=frozenset(roles["generic"]), security=frozenset(DEFENCE_ROLES) | frozenset(roles["security_extra"]),
        defence_minister=frozenset(roles["defence_minister"]), diplomatic=frozenset(roles["diplomatic"]))


def languages() -> list[str]:
    """The languages with a data folder."""
    return sorted(p.name for p in DATA.iterdir() if p.is_dir() and (p / "language.toml").exists())


@lru_cache(maxsize=None)
def profile(code: str) -> Profile:
    folder = DATA / code
    if not (folder / "language.toml").exists():
        raise KeyError(f"no extraction data for language {code!r} (known: {', '.join(languages())})")
    return Profile(code, read_folder(folder))
