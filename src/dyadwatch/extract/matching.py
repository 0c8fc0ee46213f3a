"""Phrase lookup over tokens whose `keys` are sets of forms (lemmas, folded words)."""
from __future__ import annotations

from collections import defaultdict

from ..nlp import Sentence, Token
from .language import SLOT


class PhraseMatcher:
    """Longest-match lookup of word tuples; the slot "@C" takes one country word."""

    def __init__(self, phrases: dict[tuple[str, ...], object]):
        self._by_first: dict[str, list[tuple[tuple[str, ...], object]]] = defaultdict(list)
        for ph, val in phrases.items():
            if ph:
                self._by_first[ph[0]].append((ph, val))
        for lst in self._by_first.values():
            lst.sort(key=lambda pv: -len(pv[0]))

    def match_at(self, tokens: list[Token], i: int, slot=None):
        best = None
        keys = tokens[i].keys
        # set order changes with the hash seed: on equal lengths the most specific form
        # ('генерал-полковник' over its part 'полковник') must win in every process
        for key in (sorted(keys, key=lambda k: (-len(k), k)) if len(keys) > 1 else keys):
            for ph, val in self._by_first.get(key, ()):
                if best and len(ph) <= best[0] - i:
                    break
                n, slot_val, ok = len(ph), None, True
                if i + n > len(tokens):
                    continue
                for j in range(1, n):
                    w = ph[j]
                    if w == SLOT:
                        slot_val = slot(i + j) if slot else None
                        if slot_val is None:
                            ok = False
                            break
                    elif w not in tokens[i + j].keys:
                        ok = False
                        break
                if ok:
                    best = (i + n, val, slot_val)
        return best

    def find_all(self, tokens: list[Token], slot=None, accept=None):
        out, i = [], 0
        while i < len(tokens):
            m = self.match_at(tokens, i, slot)
            if m and (accept is None or accept(i, m[0])):
                out.append((i, m[0], m[1], m[2]))
                i = m[0]
            else:
                i += 1
        return out


_PHRASE_INDEX: dict[int, tuple[object, dict[str, list[tuple[str, ...]]]]] = {}


def _phrases_by_first(phrases) -> dict[str, list[tuple[str, ...]]]:
    """Phrase sets indexed by their first word, built once per set (checking every phrase at
    every token was the largest cost of English extraction)."""
    hit = _PHRASE_INDEX.get(id(phrases))
    if hit is None or hit[0] is not phrases:
        index: dict[str, list[tuple[str, ...]]] = {}
        for ph in sorted(phrases):
            if ph:
                index.setdefault(ph[0], []).append(ph)
        hit = _PHRASE_INDEX[id(phrases)] = (phrases, index)
    return hit[1]


def phrase_positions(s: Sentence, phrases) -> list[int]:
    """Token indices where one of the phrases starts."""
    if not phrases:
        return []
    by_first = _phrases_by_first(phrases)
    toks = s.tokens
    n = len(toks)
    out = []
    for i, tok in enumerate(toks):
        for key in tok.keys:
            if any(i + len(ph) <= n and all(ph[k] in toks[i + k].keys for k in range(1, len(ph)))
                   for ph in by_first.get(key, ())):
                out.append(i)
                break
    return out


def has_phrase(s: Sentence, phrases) -> bool:
    if not phrases:
        return False
    by_first = _phrases_by_first(phrases)
    toks = s.tokens
    n = len(toks)
    for i, tok in enumerate(toks):
        for key in tok.keys:
            for ph in by_first.get(key, ()):
                if i + len(ph) <= n and all(ph[k] in toks[i + k].keys for k in range(1, len(ph))):
                    return True
    return False
