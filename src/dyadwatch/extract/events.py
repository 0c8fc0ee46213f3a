"""From one analysed document to its events.

A document is read sentence by sentence. A sentence with a meeting trigger opens an event
*frame* or joins the current one: it joins when its sides (the countries of the people and
roles it names) and its date agree with the frame; it opens a new frame when it names other
sides or another date. Sentences without a trigger extend the current frame's scope (where
participants, signed documents and topics are also looked for). A frame dated before the
document's main event, or still to come, is a referred-to event (`referenced: true`)."""
from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from typing import Literal

from ..kb import CYRILLIC, KB, Person, fold_latin, load_kb, places
from ..model import Document, Event, Evidence, Location, Participant, SignedDocument, Source
from ..nlp import Analysis, Sentence, get_analyzer
from . import lexicon as L
from . import dating
from .dates import DateExpr, Dateline, PDate, anchor_date, find_date_exprs, find_dateline
from .mentions import PersonM, SentMentions, resolve_person, sentence_mentions

MAX_SIDES = 4  # a gathering of more states is a multilateral plenary, not a dyadic event



_MILITARY_TECHNICAL = {("military", "technical")}
# words that open a clause about something else ('who', 'который', 'подписанный')
_SIDE_CLAUSE_OPENERS = {"who", "which", "whose", "который"}
_NOT_PRESENT_CUES = {"поручение", "послание", "приветствие", "имя", "behalf", "instructions", "message", "since",
                     "scheduled", "expected", "will", "invitation", "приглашение"}
_BACK_REFERENCE = {"such", "this", "that", "these", "same", "этот", "данный", "такой", "указанный"}
_IN_PERSON_EN = {("in", "person"), ("face", "to", "face")}
def _is_participle(tok) -> bool:
    """A Russian passive participle ('подписанного', 'заключенного'): it opens a clause about a
    thing done at another time. Active ones ('прибывший в пятницу') tell the visit itself."""
    if not CYRILLIC.search(tok.text):
        return False
    from ..nlp.ru_morph import morph_vocab

    tag = morph_vocab().parse(tok.text.lower())[0].tag
    return tag.POS == "PRTF" and "pssv" in tag


_PHRASE_INDEX: dict[int, tuple[object, dict[str, list[tuple[str, ...]]]]] = {}


def _phrases_by_first(phrases) -> dict[str, list[tuple[str, ...]]]:
    """The lexicon's phrase sets indexed by their first word, built once per set (checking
    every phrase at every token was the largest cost of English extraction)."""
    hit = _PHRASE_INDEX.get(id(phrases))
    if hit is None or hit[0] is not phrases:
        index: dict[str, list[tuple[str, ...]]] = {}
        for ph in sorted(phrases):
            if ph:
                index.setdefault(ph[0], []).append(ph)
        hit = _PHRASE_INDEX[id(phrases)] = (phrases, index)
    return hit[1]

@dataclass
class SentInfo:
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


@dataclass
class Frame:
    date: PDate | None
    sides: list[str]
    sentences: list[SentInfo] = field(default_factory=list)  # trigger sentences: the evidence
    scope: list[SentInfo] = field(default_factory=list)  # the sentences that follow it
    planned: bool = False
    dated: bool = False  # the date came from the frame's own sentences
    inherits: "Frame | None" = None  # a referred-to meeting of the same people ('their talks')
    referenced: bool = False
    text_roles: dict = field(default_factory=dict)  # KB person id -> the office the text names

    def add_sides(self, sides: list[str]) -> None:
        for s in sides:
            if s not in self.sides:
                self.sides.append(s)


def _words(lang: str, *sets):
    return set().union(*sets)


class DocumentExtractor:
    def __init__(self, doc: Document, analysis: Analysis):
        self.doc = doc
        self.a = analysis
        self.lang = analysis.lang
        self.kb: KB = load_kb()
        self.dateline: Dateline | None = find_dateline(doc.text, self.lang)
        self.anchor: PDate | None = anchor_date(doc.published, self.dateline, doc.published_basis)
        if self.anchor is None:
            self.anchor = dating.report_anchor(doc.text, self.lang)
        self.evidence = dating.page_evidence(doc.text, self.lang, self.anchor, doc.url)
        self.anchor = self.evidence.anchor = dating.complete_anchor(
            self.anchor, self.evidence, dateline_year=bool(self.dateline and self.dateline.year))
        anchor_day = self.anchor.as_date() if self.anchor else None
        self.ref_day = anchor_day or doc.published
        self.infos = [self._sentence_info(i, s) for i, s in enumerate(analysis.sentences)]

    # ---------------------------------------------------------------- sentences
    def _sentence_info(self, i: int, s: Sentence) -> SentInfo:
        ru = self.lang == "ru"
        m = sentence_mentions(s, self.lang)
        dl = self.dateline
        if dl and s.start < dl.end:  # 'SIEM REAP, CAMBODIA —' names where it was written, not a side
            m.countries = [c for c in m.countries if not dl.start <= s.tokens[c.start].start < dl.end]
        keys: set[str] = set()
        for t in s.tokens:
            keys |= t.keys
        info = SentInfo(i, s, m, keys)
        triggers = keys & (L.TRIGGERS_RU if ru else L.TRIGGERS_EN)
        weak = keys & (L.WEAK_TRIGGERS_RU if ru else L.WEAK_TRIGGERS_EN)
        phrase = not ru and self._has_phrase(s, L.TRIGGER_PHRASES_EN)
        strong = bool((triggers - (L.WEAK_TRIGGERS_RU if ru else L.WEAK_TRIGGERS_EN)) or phrase)
        if not ru and keys & {"call", "phone"} and not self._has_phrase(s, L.PHONE_PHRASES_EN) and \
                not triggers - {"call", "phone"} and not keys & {"spoke", "phoned"}:
            strong = False  # 'called for', 'phone' in passing
        counterpart = any(r.role in ("counterpart", "side", "delegation") or r.country for r in m.roles) or \
            bool(m.persons)
        info.mode = self._mode(s, keys)
        # 'обсудил по телефону': a weak meeting word with a call's format is a call
        info.trigger = strong or bool(weak and (counterpart or info.mode in ("phone", "video")))
        info.strong_trigger = strong
        info.ref_cue = bool(keys & (L.REF_EVENT_VERBS_RU if ru else L.REF_EVENT_VERBS_EN)) or \
            bool(keys & (L.REF_MODIFIERS_RU if ru else L.REF_MODIFIERS_EN))
        dl = self.dateline
        info.dates = [d for d in find_date_exprs(self.a.text, s.start, s.stop, self.lang)
                      if not (dl and dl.start <= d.start < dl.end) and not self._in_side_clause(s, d.start)]
        info.keys = dating.without_week_words(s, info.dates, info.keys)  # 'last week' is not 'last met'
        info.ref_cue = info.ref_cue and bool(info.keys & (L.REF_EVENT_VERBS_RU if ru else L.REF_EVENT_VERBS_EN)
                                             or info.keys & (L.REF_MODIFIERS_RU if ru else L.REF_MODIFIERS_EN))
        info.planned = self._planned(s, keys) if info.trigger else False
        info.negated = self._negated(s)
        info.past_report = ru and bool(keys & L.PAST_REPORT_RU) and not info.dates
        info.anaphora = self._anaphora(s, keys)
        day = self.ref_day
        info.people = [(p, resolve_person(p, day, self.kb)) for p in m.persons]
        info.sides, info.weak_sides = self._sides(info)
        return info

    @staticmethod
    def _in_side_clause(s: Sentence, pos: int) -> bool:
        """A date inside a relative or participle clause dates something else: 'Hayat, who is due
        to retire in November, was on a farewell visit', 'Меморандума, подписанного 22 октября в
        Сочи президентами', 'конференции, которая пройдет в апреле'."""
        toks = s.tokens
        k = next((j for j, t in enumerate(toks) if t.start <= pos < t.stop or t.start >= pos), None)
        if k is None:
            return False
        j = k
        while j > 0 and toks[j - 1].text not in {",", ";", "(", "—", "–"}:
            j -= 1
        if any(t.keys & {"since"} for t in toks[j:k]):
            return True  # 'the fourth session since the framework was launched in 2013'
        if j == 0:
            return False  # the main clause
        return bool(toks[j].keys & _SIDE_CLAUSE_OPENERS) or _is_participle(toks[j])

    @staticmethod
    def _has_phrase(s: Sentence, phrases: set[tuple[str, ...]]) -> bool:
        by_first = _phrases_by_first(phrases)
        toks = s.tokens
        n = len(toks)
        for i, tok in enumerate(toks):
            for key in tok.keys:
                for ph in by_first.get(key, ()):
                    if i + len(ph) <= n and all(ph[k] in toks[i + k].keys for k in range(1, len(ph))):
                        return True
        return False

    _FUTURE_VERBS_RU = {"провести", "встретиться", "прибыть", "посетить", "подписать", "состояться", "пройти",
                        "обсудить", "быть", "переговорить", "принять", "приехать", "отправиться"}

    def _planned(self, s: Sentence, keys: set[str]) -> bool:
        """The sentence's meeting is still to come: a future marker governs every trigger word."""
        ru = self.lang == "ru"
        trig = L.TRIGGERS_RU | L.WEAK_TRIGGERS_RU if ru else L.TRIGGERS_EN
        toks = s.tokens
        # 'during his visit', 'в ходе визита' set the scene; they are not the meeting told
        every = [i for i, t in enumerate(toks) if t.keys & trig]
        positions = [i for i in every if not any(w.keys & {"during", "ходе", "время"} for w in toks[max(0, i - 3):i])]
        if every and not positions:  # only 'during his visit': the rest of the sentence decides
            return any(self._future_at(toks, i) for i in range(len(toks)))
        if not positions:
            return False
        return all(self._future_at(toks, i) for i in positions)

    def _future_at(self, toks, i: int) -> bool:
        window = toks[max(0, i - 5):i + 1]
        if self.lang == "ru":
            from ..nlp.ru_morph import morph_vocab

            for t in window:
                if t.keys & L.PLANNED_RU:
                    return True
                if t.pos in ("VERB", "AUX"):
                    p = morph_vocab().parse(t.text.lower())[0]
                    if "futr" in p.tag and p.normal_form in self._FUTURE_VERBS_RU:
                        return True
            return False
        # English: back to the start of the clause, at most 10 words ('will hold the second
        # India-Japan 2+2 ministerial dialogue'), not across a comma ('who will ..., held talks')
        start = i
        while start > 0 and i - start < 10 and toks[start - 1].text not in {",", ";", ":", "—", "–"}:
            start -= 1
        low = [t.keys for t in toks[start:i + 1]]
        for k, keys in enumerate(low):
            if keys & {"will", "shall", "'ll", "would"}:
                return True
            if keys & {"expected", "planned", "scheduled", "hoped", "hopes", "intends", "plans", "due"} and \
                    k + 1 < len(low) and low[k + 1] & {"to", "for", "in", "at"}:
                return True
            if keys & {"to"} and k + 1 < len(low) and low[k + 1] & {"meet", "visit", "hold", "receive", "host",
                                                                    "travel", "sign", "talk", "be"}:
                return True
        return False

    def _negated(self, s: Sentence) -> bool:
        neg = L.NEGATION_RU if self.lang == "ru" else L.NEGATION_EN
        trig = L.TRIGGERS_RU if self.lang == "ru" else L.TRIGGERS_EN
        toks = s.tokens
        positions = [i for i, t in enumerate(toks) if t.keys & trig]
        # negated when every meeting word is ('did not hold a bilateral meeting'), not when one is
        # ('it was not the first call: they also spoke on March 3')
        return bool(positions) and all(any(w.keys & neg for w in toks[max(0, i - 4):i]) for i in positions)

    def _anaphora(self, s: Sentence, keys: set[str]) -> bool:
        if self.lang == "ru":
            cues = {"наш", "стороны", "министр", "министры", "стороны", "они", "оба", "два", "комиссия", "комитет",
                    "коллегия", "глава"}
            low = {t.text.lower() for t in s.tokens}
            return bool(low & {"нашей", "нашего", "нашу", "наши", "стороны", "сторон", "министры", "министров",
                                "министрам", "министрами", "они", "их", "оба", "обоих", "двух", "главы", "глав",
                                "генералы", "генералов", "руководители", "руководителей",
                                "ним", "ней", "нему", "него", "он", "она"}  # 'обсудил с ним', 'он встречался с
                        or keys & {"комиссия", "комитет", "коллегия"})
        return bool(keys & {"their", "the two", "both", "they", "we", "our"}) or self._has_phrase(
            s, {("the", "two"), ("each", "other")})

    def _mode(self, s: Sentence, keys: set[str]) -> str | None:
        if self.lang == "ru":
            if keys & L.VIDEO_RU or self._has_phrase(s, L.VIDEO_PHRASES_RU):
                return "video"
            if keys & L.PHONE_RU:
                return "phone"
            if keys & {"очный", "очно"}:
                return "in_person"
            return None
        if keys & L.VIDEO_EN or self._has_phrase(s, L.VIDEO_PHRASES_EN):
            return "video"
        if keys & L.PHONE_EN or self._has_phrase(s, L.PHONE_PHRASES_EN):
            return "phone"
        if keys & {"face-to-face", "in-person"} or self._has_phrase(s, _IN_PERSON_EN):
            return "in_person"
        return None

    def _sides(self, info: SentInfo) -> tuple[list[str], list[str]]:
        m, toks = info.m, info.sent.tokens
        sides: list[str] = []

        def add(c):
            if c and c not in sides:
                sides.append(c)

        for p, person in info.people:
            if p.role in L.NON_PARTICIPANT_ROLES:
                continue
            if person is not None:
                add(person.country)
            elif p.role_country and (p.role or p.rank):
                add(p.role_country)
        for r in m.roles:
            if r.country and r.role not in L.NON_PARTICIPANT_ROLES and r.role not in L.HEAD_ROLES:
                add(r.country)
        info.named_sides = list(sides)
        # pairs: 'Россия и Индия', 'India, Russia', 'between X and Y', 'российско-египетской'
        cs = m.countries
        for c in cs:
            if c.kind == "compound":
                add(c.code)
        for a, b in zip(cs, cs[1:]):
            if a.code == b.code or a.kind == "compound" or b.kind == "compound":
                continue
            if a.start > 3 and a.kind != "adj" and not (a.start > 0 and toks[a.start - 1].keys & {"между"}):
                continue  # a pair of names counts as the sides only as the subject ('India and Russia signed')
            between = toks[a.stop:b.start]
            if len(between) <= 1 and all(t.text.lower() in {"и", "and", ",", "-", "–", "—", "/", "&"}
                                         for t in between) and (a.kind != "adj" or b.kind == "adj"):
                if a.kind == "adj" and b.kind == "adj":
                    # 'Russian and Chinese' only as the sides of something: 'the Russian and Chinese ministers'
                    nxt = toks[b.stop].keys if b.stop < len(toks) else set()
                    if not nxt & {"defence", "defense", "military", "ministers", "minister", "armed", "armies",
                                  "defence", "министр", "военный", "оборонный", "сторона", "делегация",
                                  "генерал", "generals", "officers", "chiefs"}:
                        continue
                add(a.code)
                add(b.code)
        weak: list[str] = []
        visit_words = L.VISIT_WORDS_RU if self.lang == "ru" else L.VISIT_WORDS_EN
        if info.keys & visit_words:
            for pl in m.places:
                if pl.locative:
                    weak.append(pl.place.country)
            for c in cs:
                if c.kind == "name" and c.start > 0 and toks[c.start - 1].keys & {"в", "во", "to", "in"}:
                    weak.append(c.code)
                if c.stop < len(toks) and toks[c.stop].keys & {"capital", "столица"}:
                    weak.append(c.code)  # 'arrived in the Turkish capital'

        return sides, [w for w in weak if w not in sides]

    # ---------------------------------------------------------------- frames
    def _sentence_date(self, info: SentInfo, current: Frame | None) -> PDate | None:
        return dating.sentence_date(self.a.text, info.dates, self.anchor, info.planned,
                                    current.date if current else None)

    _DETACH = {"since", "after", "until", "before", "following", "после", "спустя", "тех"}

    def _detached_between(self, info: SentInfo, a: int, b: int) -> bool:
        return any(t.keys & self._DETACH for t in info.sent.tokens if a <= t.start < b)

    def _date_detached(self, info: SentInfo) -> bool:
        """The sentence's date belongs to something else than its meeting word ('the first
        visit since the clashes in June 2020')."""
        if not info.dates:
            return False
        trig = (L.TRIGGERS_RU | L.WEAK_TRIGGERS_RU) if self.lang == "ru" else L.TRIGGERS_EN
        starts = [t.start for t in info.sent.tokens if t.keys & trig]
        d = info.dates[0]
        return bool(starts) and all(self._detached_between(info, min(x, d.start), max(x, d.start)) for x in starts)

    def _meeting_trigger(self, info: SentInfo) -> bool:
        """A meeting word other than a visit, or a visit to a named country or city (not an
        invitation to visit exercises)."""
        ru = self.lang == "ru"
        trig = (L.TRIGGERS_RU | L.WEAK_TRIGGERS_RU) if ru else L.TRIGGERS_EN
        visit = L.VISIT_WORDS_RU if ru else L.VISIT_WORDS_EN
        return bool((info.keys & trig) - visit) or bool(info.weak_sides)

    def _near_anchor(self, date: PDate) -> bool:
        """The date can be the report's own event: the dateline's day, or (with only a
        publication date to go by) up to three days before publication."""
        if self.anchor is None or self.anchor.compatible(date):
            return True
        if self.dateline and self.dateline.day:
            return False
        d, a = date.as_date(), self.anchor.as_date()
        return d is not None and a is not None and 0 <= (a - d).days <= 3

    @staticmethod
    def _headline_only(frame: Frame, info: SentInfo) -> bool:
        """The undated frame is only the headline, and the sentence tells its meeting with a
        date of its own (a late report: published weeks after the talks)."""
        return len(frame.sentences) == 1 and frame.sentences[0].idx == 0 and len(info.sides) >= 2

    @staticmethod
    def _compatible(frame: Frame, sides: list[str]) -> bool:
        if not sides:
            return True
        if len(frame.sides) < 2:
            return True
        return set(sides) <= set(frame.sides)

    def _fits(self, frame: Frame, sides: list[str], info: SentInfo) -> bool:
        """The sentence can tell the frame's meeting: compatible sides, and not other principals
        for two sides ('Позднее во вторник Путин провел телефонный разговор с Нетаньяху' after
        the defence ministers' call is another call)."""
        if not self._compatible(frame, sides):
            return False
        mine: dict[str, set[str]] = {}
        for _, person in info.people:
            if person is not None:
                mine.setdefault(person.country, set()).add(person.id)
        theirs: dict[str, set[str]] = {}
        for other in frame.sentences:
            for _, person in other.people:
                if person is not None:
                    theirs.setdefault(person.country, set()).add(person.id)
        disjoint = [c for c in mine if c in theirs and not mine[c] & theirs[c]]
        return len(disjoint) < 2

    def build_frames(self) -> list[Frame]:
        frames: list[Frame] = []
        current: Frame | None = None  # the frame the last trigger sentence went to: scope goes here
        now: Frame | None = None  # the latest frame of the report's own day: undated sentences go here
        for info in self.infos:
            if not info.trigger or info.negated or info.past_report:
                if current is not None:
                    current.scope.append(info)
                continue
            date = self._sentence_date(info, current)
            sides = list(info.sides)
            if len(sides) == 1 and info.weak_sides:
                sides.append(info.weak_sides[0])
            ref_mod = bool(info.keys & (L.REF_MODIFIERS_RU if self.lang == "ru" else L.REF_MODIFIERS_EN))
            # "the same day" as an undated frame (the report's own day) is undated too
            if date is None:
                if info.planned or (ref_mod and now is not None and not info.sides):
                    if current is not None:
                        current.scope.append(info)
                    continue
                if now is not None and self._fits(now, sides, info):
                    self._join(now, info, sides)
                    current = now
                elif now is None or (len(info.sides) >= 2 and info.strong_trigger and
                                     not any(set(info.sides) <= set(f.sides) for f in frames)):
                    now = current = Frame(None, sides, [info])
                    frames.append(now)
                else:
                    target = next((f for f in frames if len(f.sides) >= 2 and set(sides) <= set(f.sides)
                                   and not f.planned), None)
                    if target is not None and len(sides) >= 2:
                        self._join(target, info, sides)
                        current = target
                    elif current is not None:
                        current.scope.append(info)
                continue
            # a dated trigger sentence: the frame of that date and sides, or a new one
            same_as_anchor = date is not None and self.anchor is not None and self.anchor.compatible(date) \
                and not info.planned
            target = None
            for f in reversed(frames):
                if f.planned != info.planned or not self._fits(f, sides, info):
                    continue
                if (f.date is not None and f.date.compatible(date)) or (f.date is None and same_as_anchor):
                    target = f
                    break
            if target is None and now is not None and now.date is None and not now.dated and \
                    self._fits(now, sides, info) and not info.planned and not ref_mod and \
                    (self._near_anchor(date) or self._headline_only(now, info)):
                target = now
            if target is not None:
                if target.date is None or target.date.precision != "day":
                    target.date, target.dated = date, True
                self._join(target, info, sides)
                current = target
                if same_as_anchor or target is now:
                    now = target
                continue
            own = len(sides) >= 2 or bool(info.people)
            if not frames:
                current = Frame(date, sides, [info], planned=info.planned, dated=True)
                frames.append(current)
                if not info.planned:
                    now = current
            elif (info.ref_cue and (own or info.anaphora) and self._meeting_trigger(info)
                  and not self._date_detached(info)) or (same_as_anchor and len(info.sides) >= 2):
                inherit = (now or current) if info.anaphora else None
                f = Frame(date, sides if len(sides) >= 2 else list(inherit.sides if inherit else sides), [info],
                          planned=info.planned, dated=True, inherits=inherit)
                if inherit is not None and len(sides) >= 2 and set(sides) != set(inherit.sides):
                    f.inherits = None
                frames.append(f)
                current = f
                if same_as_anchor:
                    now = f
            elif current is not None:
                current.scope.append(info)
        return frames

    @staticmethod
    def _join(frame: Frame, info: SentInfo, sides: list[str]) -> None:
        frame.sentences.append(info)
        if len(frame.sides) < 2:
            frame.add_sides(sides)

    # ---------------------------------------------------------------- events
    def events(self) -> list[Event]:
        frames = self.build_frames()
        frames = [f for f in frames if 2 <= len(f.sides) <= MAX_SIDES]
        if not frames:
            return []
        # undated frames speak from the anchor
        for f in frames:
            if f.date is None:
                f.date = PDate(self.anchor.year, self.anchor.month, self.anchor.day, weekday=self.anchor.weekday,
                               basis=self.anchor.basis) if self.anchor else None
        participants = {id(f): self._participants(f) for f in frames}
        self._infer_years(frames, participants)
        for f in frames:  # nothing fixes the year: an undated event, unless it is only a plan
            if f.date is not None and f.date.year is None:
                f.date = None
        frames = [f for f in frames if f.date is not None or not f.planned]
        participants = {id(f): self._participants(f) for f in frames}
        # the main event: the latest of those not still to come
        reported = [f for f in frames if not f.planned and f.date is not None]
        main_key = max((f.date.midpoint() for f in reported), default=None)
        out = []
        for f in frames:
            f.referenced = f.planned or (main_key is not None and f.date is not None and f.date.midpoint() < main_key
                                         and not self._same_day_as_main(f, reported, main_key)
                                         and self._told_as_past(f, main_key)) or self._last_time(f)
            parts = participants[id(f)]
            if not self._is_defence(f, parts):
                continue
            out.append(self._event(f, parts))
        return out

    def _told_as_past(self, f: Frame, main_key: tuple) -> bool:
        """An earlier meeting is only referred to when the text says so ('last', 'previous',
        'had met', 'ранее') or it lies more than a week before the main one; two meetings on
        consecutive days are both reported."""
        mods = L.REF_MODIFIERS_RU | L.PAST_REPORT_RU if self.lang == "ru" else L.REF_MODIFIERS_EN
        if any(i.keys & mods for i in f.sentences):
            return True
        if f.date.precision != "day":
            return True
        try:
            gap = (dt.date(*main_key) - dt.date(*f.date.midpoint())).days
        except ValueError:
            return True
        return gap > 7

    def _last_time(self, f: Frame) -> bool:
        """'They last met in May', 'предыдущая встреча состоялась в январе': an earlier meeting
        even when the report's own meeting did not happen ('declined to meet')."""
        if self.anchor is None or self.anchor.year is None or f.date is None:
            return False
        mods = L.REF_MODIFIERS_RU if self.lang == "ru" else L.REF_MODIFIERS_EN - {"next", "upcoming"}
        if not any(i.keys & mods for i in f.sentences):
            return False
        anchor = self.anchor.midpoint()
        if f.date.precision != "day":
            return f.date.midpoint()[:2] < anchor[:2]
        try:
            return (dt.date(*anchor) - dt.date(*f.date.midpoint())).days > 7
        except ValueError:
            return False

    @staticmethod
    def _same_day_as_main(f: Frame, reported: list[Frame], main_key) -> bool:
        # month-precision 'в июне' is earlier only if its month is earlier
        return f.date.precision != "day" and f.date.midpoint()[:2] == main_key[:2]

    def _people_of(self, infos: list[SentInfo]) -> list[tuple[PersonM, Person | None, SentInfo]]:
        return [(p, person, info) for info in infos for p, person in info.people]

    def _participants(self, f: Frame) -> list[Participant]:
        day = (f.date.as_date() or f.date.representative_day()) if f.date else self.ref_day
        f.text_roles = {}
        chosen: list[Participant] = []
        seen: set[str] = set()
        sides = set(f.sides)

        def accept(p: PersonM, person: Person | None, strict: bool) -> Participant | None:
            if p.role in L.NON_PARTICIPANT_ROLES:
                return None
            if person is not None:
                if person.country not in sides:
                    return None
                if p.role and p.role not in L.GENERIC_ROLES:
                    f.text_roles[person.id] = p.role
                office = person.office_at(day)
                if day is None and person.id in f.text_roles:
                    office = next((o for o in person.offices if o.role == f.text_roles[person.id]), office)
                if strict and office and office.role in L.HEAD_ROLES | {"Minister of Foreign Affairs"} \
                        and not (p.role and p.role not in L.GENERIC_ROLES):
                    pass
                role = office.role if office else p.role
                rank = p.rank or (office.rank if office else None)
                key = person.id
                part = Participant(person.name, person.country, role, rank, person.id)
            else:
                country = p.role_country
                if country not in sides or not (p.role or p.rank):
                    return None
                from ..nlp.translit import romanize_name

                name = romanize_name(p.native, country) if self.lang == "ru" else p.native
                role = p.role if p.role not in ("side", "delegation") else None
                key = "name:" + fold_latin(name.split()[-1]) if name else ""
                part = Participant(name, country, role, p.rank, None)
            if key in seen:
                return None
            seen.add(key)
            return part

        opening = {id(i) for i in f.sentences[:2]}
        late_heads: set[int] = set()  # heads of state or government named only later in the frame
        for p, person, info in self._people_of(f.sentences):
            if self._mentioned_only(info, p) or (info.planned and not f.planned):
                continue
            part = accept(p, person, True)
            if part is not None:
                chosen.append(part)
                if part.role in L.HEAD_ROLES and id(info) not in opening:
                    late_heads.add(id(part))
        # 'discussed a summit between Abe and Putin': a head named late in the report is a
        # participant only when nobody else speaks for that side
        chosen = [c for c in chosen if id(c) not in late_heads or
                  not any(o.country == c.country and id(o) not in late_heads for o in chosen)]
        if f.inherits is not None and not chosen:
            chosen = [Participant(**vars(x)) for x in self._participants(f.inherits)]
            seen.update(x.entity_id or ("name:" + fold_latin(x.name.split()[-1])) for x in chosen)
        # a side nobody speaks for yet: the first official of that side in the frame's scope
        for side in f.sides:
            if any(c.country == side for c in chosen):
                continue
            for p, person, info in self._people_of(f.scope):
                if (info.planned and not f.planned) or self._mentioned_only(info, p):
                    continue  # 'is also scheduled to meet Antony Blinken': not at this meeting
                if (person is not None and person.country == side and person.is_defence_official()) or \
                        (person is None and p.role_country == side and (p.role or p.rank)
                         and p.role not in L.HEAD_ROLES):
                    part = accept(p, person, False)
                    if part is not None:
                        chosen.append(part)
                        break
        # people met as 'counterparts' hold the same office as the other side's participant
        known_roles = [c.role for c in chosen if c.role and c.role not in L.GENERIC_ROLES]
        for c in chosen:
            if c.role in ("counterpart", None) and c.entity_id is None and known_roles:
                c.role = known_roles[0]
        return chosen

    def _infer_years(self, frames: list[Frame], participants: dict[int, list[Participant]]) -> None:
        """No year printed: the weekday, the URL, the participants' tenures and the years the page
        prints decide (`dating.infer_year`); the page's events share a year where they can."""
        main_year = None
        for f in frames:
            if f.date is not None and f.date.year is not None:
                if f.date.weekday_back is not None:
                    f.date = f.date.with_year(f.date.year)
                continue
            people = [self.kb.people[p.entity_id] for p in participants[id(f)] if p.entity_id in self.kb.people]
            if not people and f.inherits is not None:
                people = [self.kb.people[p.entity_id] for p in participants.get(id(f.inherits), [])
                          if p.entity_id in self.kb.people]
            roles = dict(f.text_roles)
            if f.inherits is not None:
                roles.update(f.inherits.text_roles)
            found = dating.infer_year(f.date or PDate(None), people, roles, self.evidence, prefer=main_year)
            if found is None:
                continue
            f.year_inferred = found.basis in ("tenure", "nearby")  # type: ignore[attr-defined]
            f.date = found
            main_year = main_year or found.year

    def _is_defence(self, f: Frame, parts: list[Participant]) -> bool:
        if any(p.role in L.SECURITY_ROLES for p in parts):
            return True
        for info in f.sentences:
            if any(r.role in L.SECURITY_ROLES for r in info.m.roles):
                return True
            if any(self.kb.institutions[i].kind in ("multilateral", "forum") and
                   self.kb.institutions[i].setting and "Defen" in (self.kb.institutions[i].setting or "")
                   for i, _, _ in info.m.institutions if i in self.kb.institutions):
                return True
        if any(p.entity_id and self.kb.people[p.entity_id].is_defence_official() for p in parts
               if p.entity_id in self.kb.people):
            return True
        # an unknown official with a military rank
        return any(p.rank for p in parts)

    # ---------------------------------------------------------------- fields
    @staticmethod
    def _core(f: Frame) -> list[SentInfo]:
        """The frame's sentences that name a side or a person (and its first sentence): those
        that support the event, as opposed to general remarks joined to it."""
        return [i for k, i in enumerate(f.sentences) if k == 0 or i.sides or i.people or i.weak_sides]

    def _location(self, f: Frame, mode: str | None) -> Location | None:
        if mode in ("phone", "video"):
            return None
        core = self._core(f)
        for info in core + [i for i in f.sentences if i not in core]:
            where = self._where_clause(info)
            if where is not None:  # '... from Tokyo, where he met ...': there, not at the dateline
                return where or None
            loc = self._place_in(info, locative_only=True)
            if loc:
                return loc
        if self.dateline and self.dateline.place and not f.referenced:
            pl = self._dateline_place()
            if pl is not None:
                return pl
        return None

    @staticmethod
    def _mentioned_only(info: SentInfo, p: PersonM) -> bool:
        """Named but not at the table: 'по поручению президента Владимира Путина', 'on behalf of',
        'since President Joe Biden took office', 'is also scheduled to meet Antony Blinken'."""
        window = {k for t in info.sent.tokens[max(0, p.start - 5):p.start] for k in t.keys}
        return bool(window & _NOT_PRESENT_CUES)

    def _where_clause(self, info: SentInfo) -> Location | Literal[""] | None:
        """A meeting told in a relative clause of a place: 'flew on from Tokyo, where he met
        Iwaya', 'после остановки в Индонезии, где он встретился с...'. Returns that place, ""
        when the antecedent is a country (somewhere there, not the dateline's town), None when
        the sentence has no such clause."""
        toks = info.sent.tokens
        trig = L.TRIGGERS_RU | L.WEAK_TRIGGERS_RU if self.lang == "ru" else L.TRIGGERS_EN
        for i in range(1, len(toks) - 1):
            if toks[i].text != "," or not toks[i + 1].keys & {"where", "где"}:
                continue
            if not any(t.keys & trig for t in toks[i + 2:]):
                continue
            for pl in info.m.places:
                if pl.stop == i:
                    return Location(pl.place.name, pl.place.country)
            for c in info.m.countries:
                if c.stop == i:
                    cap = self.kb.capital_of(c.code)  # a city-state: 'from Singapore, where'
                    same = cap and c.stop - c.start == 1 and fold_latin(cap.name) == fold_latin(toks[c.start].text)
                    return Location(cap.name, cap.country) if same else ""
        return None

    def _dateline_place(self) -> Location | None:
        gaz = places()
        name = self.dateline.place
        key_en = tuple(fold_latin(name).replace("-", " ").split())
        key_ru = tuple(name.lower().replace("ё", "е").split())
        cands = gaz.ru.get(key_ru) if CYRILLIC.search(name) else gaz.en.get(key_en)
        if not cands:
            return None
        return Location(cands[0].name, cands[0].country)

    def _place_in(self, info: SentInfo, locative_only: bool) -> Location | None:
        toks = info.sent.tokens
        dl = self.dateline
        best = None
        for pl in info.m.places:
            if dl and dl.start <= toks[pl.start].start < dl.end:
                continue
            if any(t.keys & {"since", "тех"} for t in toks[max(0, pl.start - 8):pl.start]):
                continue  # 'since their leaders met in Bali', 'с тех пор как ... в Москве': another meeting
            if pl.locative or not locative_only:
                best = (pl.start, Location(pl.place.name, pl.place.country))
                break
        # a city-state named as a country: 'met in Singapore'
        for c in info.m.countries:
            if c.stop - c.start == 1 and c.start > 0 and toks[c.start - 1].keys & {"in", "в", "во"} and \
                    (best is None or c.start < best[0]):
                cap = self.kb.capital_of(c.code)
                if cap and fold_latin(cap.name) == fold_latin(toks[c.start].text):
                    best = (c.start, Location(cap.name, cap.country))
        # 'the Tajik capital', 'в российской столице'
        for i, t in enumerate(toks):
            if t.keys & {"capital", "столица"}:
                for c in info.m.countries:
                    if c.stop == i or (c.stop == i - 1 and toks[c.stop].text in {"'s", "’s"}):
                        cap = self.kb.capital_of(c.code)
                        if cap and (best is None or i < best[0]):
                            best = (i, Location(cap.name, cap.country))
        return best[1] if best else None

    def _setting(self, f: Frame) -> str | None:
        kb = self.kb
        for info in f.sentences:
            for inst_id, a, b in info.m.institutions:
                inst = kb.institutions.get(inst_id)
                if inst and inst.kind in ("multilateral", "forum"):
                    cues = L.MULTILATERAL_CUES_RU if self.lang == "ru" else L.MULTILATERAL_CUES_EN
                    if info.keys & cues:
                        return inst.setting or inst.name
        body_words = L.BODY_WORDS_RU if self.lang == "ru" else L.BODY_WORDS_EN
        for info in f.sentences:
            hit = [w for w in body_words if w in info.keys]
            if hit and self.lang == "en":
                kind, name = self._named_body_en(info, f, hit)
                if kind == "setting":
                    return name
                if kind != "own":
                    hit = []
            if hit and len(f.sides) == 2:
                body = body_words[hit[0]]
                names = "–".join(kb.country_name(c) for c in sorted(f.sides, key=lambda c: kb.country_name(c)))
                if info.keys & {"военно-технический", "military-technical"} or \
                        self._has_phrase(info.sent, _MILITARY_TECHNICAL):
                    return f"{names} {body} on Military-Technical Cooperation"
                if info.keys & {"вооружение", "armaments"}:
                    return f"{names} {body} on Cooperation in Armaments and Military Equipment"
                if body == "Joint Board":
                    return f"{names} Joint Board of the Defence Ministries"
                if body in ("Commission", "Committee"):
                    return f"{names} {body} on Military Cooperation"
                return f"{names} {body}"
        return None

    def _named_body_en(self, info: SentInfo, f: Frame, words: list[str]) -> tuple[str, str | None]:
        """A capitalised body name in an English sentence: ("own", None) for the sides' own
        body ('the India-Armenia Joint Working Group'), ("setting", name) for a named forum on
        whose sidelines they met ('the International Defence Dialogue'), ("none", None) else."""
        toks = info.sent.tokens
        for i, t in enumerate(toks):
            if not (t.text[:1].isupper() and t.keys & set(words)):
                continue
            a = i
            while a > 0 and (toks[a - 1].text[:1].isupper() or toks[a - 1].text in {"-", "–", "of", "on"}):
                a -= 1
            while a < i and toks[a].text in {"-", "–", "of", "on", "The"}:
                a += 1
            own = {c.code for c in info.m.countries if a <= c.start < i}
            if len(f.sides) == 2 and own and own <= set(f.sides):
                return "own", None
            before = {k for tk in toks[max(0, a - 4):a] for k in tk.keys}
            if a < i and before & {"sidelines", "margins", "margin"}:
                return "setting", info.sent.text[toks[a].start - info.sent.start:t.stop - info.sent.start]
            return "none", None
        return "none", None

    def _documents(self, f: Frame) -> list[SignedDocument]:
        ru = self.lang == "ru"
        sign = L.SIGN_RU if ru else L.SIGN_EN
        types = L.DOC_TYPES_RU if ru else L.DOC_TYPES_EN
        markers = L.DOC_OBJECT_MARKERS_RU if ru else L.DOC_OBJECT_MARKERS_EN
        found: list[str] = []
        from_title: list[str] = []  # a headline's loose word ('landmark defense agreement') counts
        # only when the body names no document
        infos = f.sentences + ([] if f.referenced else f.scope)
        for info in sorted(infos, key=lambda i: i.idx):
            if not info.keys & sign or info.planned or info.negated or self._signed_elsewhere(info, sign):
                continue
            toks = info.sent.tokens
            out = from_title if info.idx == 0 else found
            earlier = list(found)  # named in the sentences before this one
            prev_doc = None  # index of the last document noun in this sentence
            for i, t in enumerate(toks):
                typ = next((types[k] for k in t.keys if k in types), None)
                if typ is None:
                    continue
                inside = prev_doc is not None and not any(
                    tk.text in {",", ";", "и", "and", "а"} or tk.keys & {"также", "well"} for tk in toks[prev_doc + 1:i])
                prev_doc = i
                if inside:
                    continue  # 'a protocol amending the 1997 agreement': one document, a protocol
                if any(toks[j].keys & markers for j in range(max(0, i - 2), i)):
                    continue
                before = {k for tk in toks[max(0, i - 2):i] for k in tk.keys}
                if before & _BACK_REFERENCE or (earlier and "the" in before and t.text.lower() in {"deal", "pact"}):
                    continue  # 'the first such agreement', 'signed the deal': the one already named
                if typ not in out:
                    out.append(typ)
        return [SignedDocument(t, None) for t in (found or from_title)]

    def _signed_elsewhere(self, info: SentInfo, sign: set[str]) -> bool:
        """Every signing word of the sentence is a participle with its own date: 'договор,
        подписанный лидерами двух стран в июне' was signed at another time."""
        toks = info.sent.tokens
        positions = [i for i, t in enumerate(toks) if t.keys & sign]
        dates = find_date_exprs(self.a.text, info.sent.start, info.sent.stop, self.lang)  # side clauses too
        if not positions or not dates:
            return False
        for p in positions:
            if not _is_participle(toks[p]):
                return False
            end = next((j for j in range(p + 1, len(toks)) if toks[j].text in {",", ";"}), len(toks))
            stop = toks[end - 1].stop
            if not any(toks[p].start <= d.start < stop for d in dates):
                return False
        return True

    def _topics(self, f: Frame) -> list[str]:
        from ..nlp.ru_morph import first_lemma

        infos = f.sentences + f.scope
        if self.lang == "ru":
            text = " " + " ".join(first_lemma(t.text) for i in infos for t in i.sent.tokens) + " "
        else:
            text = " " + " ".join(i.sent.text.lower() for i in infos) + " "
        out = []
        for topic, forms in L.TOPICS.items():
            if any(form in text for form in forms[self.lang if self.lang in forms else "en"]):
                out.append(topic)
        return out

    def _event(self, f: Frame, parts: list[Participant]) -> Event:
        from .coding import code_event, confidence

        core = self._core(f)
        mode = next((i.mode for i in core if i.mode), None)
        if mode is None and not f.referenced:
            mode = "in_person"
        location = self._location(f, mode)
        if mode is None and location is not None:
            mode = "in_person"  # an earlier meeting in a named town ('в январе 2023 года в Минске')
        evidence = [Evidence(i.sent.start, i.sent.stop, i.sent.text) for i in core]
        doc = self.doc
        ev = Event(
            kind="meeting", mode=mode, date=f.date.iso() if f.date else None,
            date_precision=f.date.precision if f.date else None, date_basis=f.date.basis if f.date else None,
            countries=sorted(set(f.sides)), participants=parts, location=location,
            setting=self._setting(f), topics=self._topics(f), documents=self._documents(f),
            referenced=f.referenced,
            sources=[Source(doc.doc_id, doc.url, doc.published.isoformat() if doc.published else None,
                            doc.lang, doc.title, evidence)],
        )
        ev.confidence = confidence(ev, year_inferred=getattr(f, "year_inferred", False))
        code_event(ev)
        ev.assign_id()
        return ev


def extract_events(doc: Document) -> list[Event]:
    lang = doc.lang if doc.lang in ("ru", "en") else _guess_lang(doc.text)
    if lang is None:
        return []
    from ..timing import stage

    with stage("nlp"):
        analysis = get_analyzer(lang).analyze(doc.text)
    return DocumentExtractor(doc, analysis).events()


def _guess_lang(text: str) -> str | None:
    cyr = sum(1 for c in text if "\u0400" <= c <= "\u04ff")
    lat = sum(1 for c in text if c.isascii() and c.isalpha())
    if cyr + lat < 40:
        return None
    return "ru" if cyr > lat else "en"
