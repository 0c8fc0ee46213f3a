"""What the stages ask a language that word lists cannot answer: morphology.

A language's data folder names its hooks (`[language] hooks = "russian"`); `plain` answers
"no" to every morphological question and keeps names as written, which is right for a
language without inflection. A new language with morphology adds a subclass here."""
from __future__ import annotations

from functools import lru_cache

from ..nlp import Token


class PlainHooks:
    def passive_participle(self, tok: Token) -> bool:
        """The word opens a clause about something done at another time ('подписанного')."""
        return False

    def future_verb(self, tok: Token, verbs: frozenset[str]) -> bool:
        """The word is a future-tense form of one of `verbs` ('проведут')."""
        return False

    def nominative(self, tokens: list[Token], a: int, b: int, normal: str) -> str:
        """The name tokens[a:b] in its dictionary form."""
        return " ".join(t.text for t in tokens[a:b])

    def romanize(self, name: str, country: str | None) -> str:
        return name

    def toponym(self, word: str) -> bool:
        return False

    def topic_words(self, tokens: list[Token]) -> list[str]:
        return [t.text.lower() for t in tokens]


class RussianHooks(PlainHooks):
    def passive_participle(self, tok: Token) -> bool:
        from ..kb import CYRILLIC
        from ..nlp.ru_morph import morph_vocab

        if not CYRILLIC.search(tok.text):
            return False
        tag = morph_vocab().parse(tok.text.lower())[0].tag
        return tag.POS == "PRTF" and "pssv" in tag

    def future_verb(self, tok: Token, verbs: frozenset[str]) -> bool:
        if tok.pos not in ("VERB", "AUX"):
            return False
        from ..nlp.ru_morph import morph_vocab

        p = morph_vocab().parse(tok.text.lower())[0]
        return "futr" in p.tag and p.normal_form in verbs

    def nominative(self, tokens: list[Token], a: int, b: int, normal: str) -> str:
        """Words the tagger reads as nominative stay as written; others take natasha's normal
        form, or pymorphy's lemma where natasha left an unknown name inflected ('Собирзодой' ->
        'Собирзода', 'Цзюнем' -> 'Цзюнь')."""
        from ..nlp.ru_morph import morph_vocab

        words = normal.split()
        if len(words) != b - a:
            words = [t.text for t in tokens[a:b]]
        # one name is one noun phrase in one case: when the tagger reads any word of it as
        # oblique, a word it calls nominative ('с ... Фан Ван Зянгом') is a tagging slip
        oblique = any(t.case not in (None, "Nom") for t in tokens[a:b])
        out = []
        for tok, w in zip(tokens[a:b], words):
            if (tok.case == "Nom" or tok.case is None) and not oblique:
                out.append(tok.text)
                continue
            if w.lower() != tok.text.lower():
                out.append(w)
                continue
            best = None
            for p in morph_vocab().parse(tok.text.lower()):
                if p.tag.POS == "NOUN" and p.tag.case and p.tag.case != "nomn" and \
                        ("Surn" in p.tag or "Name" in p.tag or not p.is_known):
                    best = p.normal_form
                    break
            out.append(best[:1].upper() + best[1:] if best and len(best) >= 2 else tok.text)
        return " ".join(out)

    def romanize(self, name: str, country: str | None) -> str:
        from ..nlp.translit import romanize_name

        return romanize_name(name, country)

    def toponym(self, word: str) -> bool:
        from ..nlp.ru_morph import is_toponym

        return is_toponym(word)

    def topic_words(self, tokens: list[Token]) -> list[str]:
        from ..nlp.ru_morph import first_lemma

        return [first_lemma(t.text) for t in tokens]


_HOOKS = {"plain": PlainHooks, "russian": RussianHooks}


@lru_cache(maxsize=None)
def get_hooks(name: str) -> PlainHooks:
    try:
        return _HOOKS[name]()
    except KeyError:
        raise KeyError(f"unknown language hooks {name!r} (known: {', '.join(_HOOKS)})") from None
