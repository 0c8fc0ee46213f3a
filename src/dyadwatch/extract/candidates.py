"""The typed seams between extraction stages.

recognise (mentions per sentence) -> clauses (a SentenceCandidate's trigger, sides, people,
dates) -> meetings (MeetingCandidate: sentences telling one meeting) -> bilateral (one
candidate per pair of sides) -> participants -> aggregate (within the document) -> emit
(Event). Every stage reads and returns these objects, so any one of them can be replaced
(by a learned component, say) without touching the others."""
from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from typing import NamedTuple

from ..kb import KB, Person, Place
from ..model import Document, Participant
from ..nlp import Analysis, Sentence
from .dates import DateExpr, Dateline, PDate
from .language import Profile

# ---------------------------------------------------------------- mentions (token spans)


@dataclass
class CountryM:
    code: str
    start: int
    stop: int
    kind: str  # name | adj | abbr | compound


@dataclass
class RoleM:
    role: str
    start: int
    stop: int
    country: str | None = None
    country_stop: int | None = None  # where an attached 'of X' / genitive country ends


@dataclass
class RankM:
    rank: str
    start: int
    stop: int


@dataclass
class PersonM:
    start: int
    stop: int
    text: str
    native: str  # the name as written, in its dictionary form
    candidates: set[str] = field(default_factory=set)  # KB ids
    person_id: str | None = None
    country: str | None = None
    role: str | None = None
    rank: str | None = None
    role_country: str | None = None


@dataclass
class PlaceM:
    place: Place
    start: int
    stop: int
    locative: bool  # after 'in', 'at', 'в', 'во' ...


class InstitutionM(NamedTuple):
    inst_id: str
    start: int
    stop: int


@dataclass
class SentMentions:
    countries: list[CountryM] = field(default_factory=list)
    roles: list[RoleM] = field(default_factory=list)
    ranks: list[RankM] = field(default_factory=list)
    persons: list[PersonM] = field(default_factory=list)
    places: list[PlaceM] = field(default_factory=list)
    institutions: list[InstitutionM] = field(default_factory=list)


# ---------------------------------------------------------------- clauses


@dataclass
class SentenceCandidate:
    """One sentence with its mentions and what the clause stage read in it."""

    idx: int
    sent: Sentence
    m: SentMentions
    keys: set[str]
    trigger: bool = False
    strong_trigger: bool = False
    ref_cue: bool = False
    planned: bool = False
    negated: bool = False
    past_report: bool = False
    anaphora: bool = False
    mode: str | None = None
    dates: list[DateExpr] = field(default_factory=list)
    sides: list[str] = field(default_factory=list)  # from people, roles and pairs
    named_sides: list[str] = field(default_factory=list)  # from people and roles only
    weak_sides: list[str] = field(default_factory=list)  # the host of a visit
    people: list[tuple[PersonM, Person | None]] = field(default_factory=list)
    # several bilateral meetings told at once: the hub side and one counterpart per meeting
    # ('held bilateral meetings with the defence ministers of Russia, China and India')
    hub: str | None = None
    counterparts: list[str] = field(default_factory=list)
    # 'his Vietnamese counterpart': the side whose official is not named in this sentence
    unnamed_counterparts: list[str] = field(default_factory=list)


SentInfo = SentenceCandidate  # the name the stages grew up with


# ---------------------------------------------------------------- meetings


@dataclass
class MeetingCandidate:
    date: PDate | None
    sides: list[str]
    sentences: list[SentenceCandidate] = field(default_factory=list)  # trigger sentences: the evidence
    scope: list[SentenceCandidate] = field(default_factory=list)  # the sentences that follow it
    planned: bool = False
    dated: bool = False  # the date came from the frame's own sentences
    inherits: MeetingCandidate | None = None  # a referred-to meeting of the same people ('their talks')
    referenced: bool = False
    text_roles: dict = field(default_factory=dict)  # KB person id -> the office the text names
    year_inferred: bool = False
    participants: list[Participant] = field(default_factory=list)
    hub: str | None = None  # set on the bilateral meetings split from one multi-sided report
    split_from: int | None = None  # id() of the candidate it was split from

    def add_sides(self, sides: list[str]) -> None:
        for s in sides:
            if s not in self.sides:
                self.sides.append(s)


Frame = MeetingCandidate


# ---------------------------------------------------------------- the document


@dataclass
class DocContext:
    """What every stage may read about the document: never changed by a stage."""

    doc: Document
    analysis: Analysis
    lang: Profile
    kb: KB
    dateline: Dateline | None
    anchor: PDate | None
    ref_day: dt.date | None
    evidence: object = None  # dating.Evidence: what the page says about its year

    @property
    def text(self) -> str:
        return self.analysis.text
