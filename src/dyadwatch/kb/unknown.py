"""Officials the knowledge base does not know, gathered from extracted events.

Every participant with `entity_id` null is someone a text names with a role and a country
but the KB lacks (or spells too differently to match): `dyadwatch kb unknown PATH...` lists
them with the events and sentences that name them, so the KB can grow from the data."""
from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, field

from ..model import Event
from . import fold_latin


@dataclass
class UnknownOfficial:
    name: str
    country: str | None
    roles: list[str] = field(default_factory=list)
    ranks: list[str] = field(default_factory=list)
    events: list[str] = field(default_factory=list)  # event ids
    evidence: list[tuple[str, str]] = field(default_factory=list)  # (doc_id, sentence)

    def to_json(self) -> dict:
        return {"name": self.name, "country": self.country, "roles": self.roles, "ranks": self.ranks,
                "events": self.events,
                "evidence": [{"doc_id": d, "text": t} for d, t in self.evidence]}


def _surname_key(name: str, country: str | None) -> tuple[str, str]:
    words = fold_latin(name).replace("-", " ").split()
    return (words[-1] if words else "", country or "")


def unknown_officials(events: Iterable[Event], max_evidence: int = 3) -> list[UnknownOfficial]:
    """One entry per unknown official (same surname and country), most often named first."""
    found: dict[tuple[str, str], UnknownOfficial] = {}
    for ev in events:
        for p in ev.participants:
            if p.entity_id is not None or not p.name:
                continue
            key = _surname_key(p.name, p.country)
            u = found.get(key)
            if u is None:
                u = found[key] = UnknownOfficial(p.name, p.country)
            if len(p.name) > len(u.name):
                u.name = p.name  # the fullest spelling
            if p.role and p.role not in u.roles:
                u.roles.append(p.role)
            if p.rank and p.rank not in u.ranks:
                u.ranks.append(p.rank)
            if ev.id not in u.events:
                u.events.append(ev.id)
            surname = key[0]
            for src in ev.sources:
                if len(u.evidence) >= max_evidence:
                    break
                hit = next((e.text for e in src.evidence if surname and surname in fold_latin(e.text)), None)
                hit = hit or (src.evidence[0].text if src.evidence else "")
                if (src.doc_id, hit) not in u.evidence:
                    u.evidence.append((src.doc_id, hit))
    return sorted(found.values(), key=lambda u: (-len(u.events), u.country or "", u.name))
