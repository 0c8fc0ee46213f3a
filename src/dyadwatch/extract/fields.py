"""The contract's fields of a meeting candidate: place, setting, signed documents, topics."""
from __future__ import annotations

from typing import Literal

from ..kb import CYRILLIC, fold_latin, places
from ..model import Location, SignedDocument
from .candidates import DocContext, MeetingCandidate, SentenceCandidate
from .dates import find_date_exprs
from .matching import has_phrase


def core(f: MeetingCandidate) -> list[SentenceCandidate]:
    """The candidate's sentences that name a side or a person (and its first sentence): those
    that support the event, as opposed to general remarks joined to it."""
    return [i for k, i in enumerate(f.sentences) if k == 0 or i.sides or i.people or i.weak_sides]


# ---------------------------------------------------------------- place


def location(ctx: DocContext, f: MeetingCandidate, mode: str | None) -> Location | None:
    if mode in ("phone", "video"):
        return None
    first = core(f)
    for info in first + [i for i in f.sentences if i not in first]:
        where = _where_clause(ctx, info)
        if where is not None:  # '... from Tokyo, where he met ...': there, not at the dateline
            return where or None
        loc = _place_in(ctx, info)
        if loc:
            return loc
    if ctx.dateline and ctx.dateline.place and not f.referenced:
        pl = _dateline_place(ctx)
        if pl is not None:
            return pl
    return None


def _where_clause(ctx: DocContext, info: SentenceCandidate) -> Location | Literal[""] | None:
    """A meeting told in a relative clause of a place: 'flew on from Tokyo, where he met
    Iwaya', 'после остановки в Индонезии, где он встретился с...'. Returns that place, ""
    when the antecedent is a country (somewhere there, not the dateline's town), None when
    the sentence has no such clause."""
    L = ctx.lang
    toks = info.sent.tokens
    for i in range(1, len(toks) - 1):
        if toks[i].text != "," or not toks[i + 1].keys & L.where_words:
            continue
        if not any(t.keys & L.position_triggers for t in toks[i + 2:]):
            continue
        for pl in info.m.places:
            if pl.stop == i:
                return Location(pl.place.name, pl.place.country)
        for c in info.m.countries:
            if c.stop == i:
                cap = ctx.kb.capital_of(c.code)  # a city-state: 'from Singapore, where'
                same = cap and c.stop - c.start == 1 and fold_latin(cap.name) == fold_latin(toks[c.start].text)
                return Location(cap.name, cap.country) if same else ""
    return None


def _dateline_place(ctx: DocContext) -> Location | None:
    gaz = places()
    name = ctx.dateline.place
    key_en = tuple(fold_latin(name).replace("-", " ").split())
    key_ru = tuple(name.lower().replace("ё", "е").split())
    cands = gaz.ru.get(key_ru) if CYRILLIC.search(name) else gaz.en.get(key_en)
    if not cands:
        return None
    return Location(cands[0].name, cands[0].country)


def _place_in(ctx: DocContext, info: SentenceCandidate) -> Location | None:
    L = ctx.lang
    toks = info.sent.tokens
    dl = ctx.dateline
    best = None
    for pl in info.m.places:
        if dl and dl.start <= toks[pl.start].start < dl.end:
            continue
        if any(t.keys & L.place_since for t in toks[max(0, pl.start - 8):pl.start]):
            continue  # 'since their leaders met in Bali', 'с тех пор как ... в Москве': another meeting
        if pl.locative:
            best = (pl.start, Location(pl.place.name, pl.place.country))
            break
    # a city-state named as a country: 'met in Singapore'
    for c in info.m.countries:
        if c.stop - c.start == 1 and c.start > 0 and toks[c.start - 1].keys & L.in_prepositions and \
                (best is None or c.start < best[0]):
            cap = ctx.kb.capital_of(c.code)
            if cap and fold_latin(cap.name) == fold_latin(toks[c.start].text):
                best = (c.start, Location(cap.name, cap.country))
    # 'the Tajik capital', 'в российской столице'
    for i, t in enumerate(toks):
        if t.keys & L.capital_words:
            for c in info.m.countries:
                if c.stop == i or (c.stop == i - 1 and toks[c.stop].text in L.possessive_suffixes):
                    cap = ctx.kb.capital_of(c.code)
                    if cap and (best is None or i < best[0]):
                        best = (i, Location(cap.name, cap.country))
    return best[1] if best else None


# ---------------------------------------------------------------- setting


def setting(ctx: DocContext, f: MeetingCandidate) -> str | None:
    kb, L = ctx.kb, ctx.lang
    for info in f.sentences:
        for inst_id, _, _ in info.m.institutions:
            inst = kb.institutions.get(inst_id)
            if inst and inst.kind in ("multilateral", "forum") and info.keys & L.multilateral_cues:
                return inst.setting or inst.name
    for info in f.sentences:
        hit = [w for w in L.body_words if w in info.keys]
        if hit and L.features.capitalised_body_names:
            kind, name = _named_body(ctx, info, f, hit)
            if kind == "setting":
                return name
            if kind != "own":
                hit = []
        if hit and len(f.sides) == 2:
            body = L.body_words[hit[0]]
            names = "–".join(kb.country_name(c) for c in sorted(f.sides, key=lambda c: kb.country_name(c)))
            if info.keys & L.military_technical or has_phrase(info.sent, L.military_technical_phrases):
                return f"{names} {body} on Military-Technical Cooperation"
            if info.keys & L.armaments:
                return f"{names} {body} on Cooperation in Armaments and Military Equipment"
            if body == "Joint Board":
                return f"{names} Joint Board of the Defence Ministries"
            if body in ("Commission", "Committee"):
                return f"{names} {body} on Military Cooperation"
            return f"{names} {body}"
    return None


def _named_body(ctx: DocContext, info: SentenceCandidate, f: MeetingCandidate,
                words: list[str]) -> tuple[str, str | None]:
    """A capitalised body name: ("own", None) for the sides' own body ('the India-Armenia
    Joint Working Group'), ("setting", name) for a named forum on whose sidelines they met
    ('the International Defence Dialogue'), ("none", None) else."""
    toks = info.sent.tokens
    inner = {"-", "–"} | ctx.lang.body_name_inner
    for i, t in enumerate(toks):
        if not (t.text[:1].isupper() and t.keys & set(words)):
            continue
        a = i
        while a > 0 and (toks[a - 1].text[:1].isupper() or toks[a - 1].text in inner):
            a -= 1
        while a < i and (toks[a].text in inner or toks[a].keys & ctx.lang.articles and toks[a].is_cap):
            a += 1
        own = {c.code for c in info.m.countries if a <= c.start < i}
        if len(f.sides) == 2 and own and own <= set(f.sides):
            return "own", None
        before = {k for tk in toks[max(0, a - 4):a] for k in tk.keys}
        if a < i and before & ctx.lang.sidelines:
            return "setting", info.sent.text[toks[a].start - info.sent.start:t.stop - info.sent.start]
        return "none", None
    return "none", None


# ---------------------------------------------------------------- documents


def documents(ctx: DocContext, f: MeetingCandidate) -> list[SignedDocument]:
    L = ctx.lang
    found: list[str] = []
    from_title: list[str] = []  # a headline's loose word ('landmark defense agreement') counts
    # only when the body names no document
    infos = f.sentences + ([] if f.referenced else f.scope)
    joiners = {",", ";"} | L.document_list_joiners
    for info in sorted(infos, key=lambda i: i.idx):
        if not info.keys & L.sign or info.planned or info.negated or _signed_elsewhere(ctx, info):
            continue
        toks = info.sent.tokens
        out = from_title if info.idx == 0 else found
        earlier = list(found)  # named in the sentences before this one
        prev_doc = None  # index of the last document noun in this sentence
        for i, t in enumerate(toks):
            typ = next((L.doc_types[k] for k in t.keys if k in L.doc_types), None)
            if typ is None:
                continue
            inside = prev_doc is not None and not any(
                tk.text in joiners or tk.keys & L.document_list_adverbs for tk in toks[prev_doc + 1:i])
            prev_doc = i
            if inside:
                continue  # 'a protocol amending the 1997 agreement': one document, a protocol
            if any(toks[j].keys & L.doc_object_markers for j in range(max(0, i - 2), i)):
                continue
            before = {k for tk in toks[max(0, i - 2):i] for k in tk.keys}
            if before & L.back_reference or (earlier and before & L.articles and
                                             t.text.lower() in L.document_back_nouns):
                continue  # 'the first such agreement', 'signed the deal': the one already named
            if typ not in out:
                out.append(typ)
    return [SignedDocument(t, None) for t in (found or from_title)]


def _signed_elsewhere(ctx: DocContext, info: SentenceCandidate) -> bool:
    """Every signing word of the sentence is a participle with its own date: 'договор,
    подписанный лидерами двух стран в июне' was signed at another time."""
    L = ctx.lang
    toks = info.sent.tokens
    positions = [i for i, t in enumerate(toks) if t.keys & L.sign]
    dates = find_date_exprs(ctx.text, info.sent.start, info.sent.stop, L.code)  # side clauses too
    if not positions or not dates:
        return False
    for p in positions:
        if not L.hooks.passive_participle(toks[p]):
            return False
        end = next((j for j in range(p + 1, len(toks)) if toks[j].text in {",", ";"}), len(toks))
        stop = toks[end - 1].stop
        if not any(toks[p].start <= d.start < stop for d in dates):
            return False
    return True


# ---------------------------------------------------------------- topics


def topics(ctx: DocContext, f: MeetingCandidate) -> list[str]:
    L = ctx.lang
    infos = f.sentences + f.scope
    if L.features.topic_text == "lemmas":
        text = " " + " ".join(w for i in infos for w in L.hooks.topic_words(i.sent.tokens)) + " "
    else:
        text = " " + " ".join(i.sent.text.lower() for i in infos) + " "
    return [topic for topic, forms in L.topics.items() if any(form in text for form in forms)]
