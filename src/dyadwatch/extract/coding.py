"""PLOVER 2.0 and CAMEO codes, and a confidence score, from an event's fields."""
from __future__ import annotations

from .. import kinds
from ..model import Event


def code_event(ev: Event) -> None:
    """Set `plover` and `cameo`. A meeting is CONSULT; signing at it makes it SUPPORT (CAMEO 057);
    a planned meeting is AGREE. The PLOVER mode says how the sides met."""
    kind = kinds.get(ev.kind)
    if not kind.has_mode:  # an exercise or a port call: the kind's own codes
        ev.plover = {"event_type": kind.plover, "mode": None, "context": "military"}
        ev.cameo = kind.cameo
        return
    if ev.mode in ("phone", "video"):
        mode, cameo = "phone", "041"
    elif ev.setting and _multilateral(ev):
        mode, cameo = "multilateral", "044"
    elif ev.location and ev.location.country and ev.location.country not in ev.countries:
        mode, cameo = "third-party", "044"
    elif ev.location and ev.location.country in ev.countries:
        mode, cameo = "visit", "042"
    else:
        mode, cameo = ("visit" if ev.mode == "in_person" else None), "040"
    event_type = "CONSULT"
    if ev.documents and not ev.referenced:
        event_type, cameo = "SUPPORT", "057"
    elif ev.referenced and ev.sources and _planned(ev):
        event_type = "AGREE"
    ev.plover = {"event_type": event_type, "mode": mode if event_type == "CONSULT" else None,
                 "context": "military"}
    ev.cameo = cameo


def _multilateral(ev: Event) -> bool:
    s = (ev.setting or "").lower()
    return any(w in s for w in ("sco", "csto", "cis", "admm", "nato", "shangri-la", "conference", "asean", "brics"))


def _planned(ev: Event) -> bool:
    pubs = [s.published for s in ev.sources if s.published]
    return bool(pubs) and ev.date is not None and ev.date > max(pubs)


def confidence(ev: Event, year_inferred: bool = False) -> float:
    """A rough 0-1 score: high for a dated meeting of two named officials, lower for what was
    inferred or left out."""
    score = 0.92
    named_sides = {p.country for p in ev.participants}
    score -= 0.12 * max(0, len(ev.countries) - len(named_sides & set(ev.countries)))
    if year_inferred:
        score -= 0.2
    if ev.referenced:
        score -= 0.1
    if ev.date is None:
        score -= 0.35  # kept so that a dated report can date it; little to go by until then
    elif ev.date_precision != "day":
        score -= 0.05
    if not ev.participants or any(p.entity_id is None for p in ev.participants):
        score -= 0.05
    return round(max(0.1, min(0.99, score)), 3)
