"""English analyzer: rule-based sentence splitting and tokenisation; person spans come from
capitalised name sequences (confirmed later against the knowledge base or a title/rank cue).
No English NER model can be installed offline; this class is the seam where one would go."""
from __future__ import annotations

import re

from ..kb import fold_latin
from . import Analysis, Sentence, Span, Token

# Abbreviations after which a full stop does not end a sentence.
_ABBREV = {
    "mr", "mrs", "ms", "dr", "gen", "lt", "col", "maj", "capt", "adm", "sgt", "brig", "cmdr", "rear",
    "vice", "st", "jr", "sr", "no", "vol", "jan", "feb", "mar", "apr", "jun", "jul", "aug", "sep", "sept",
    "oct", "nov", "dec", "mon", "tue", "tues", "wed", "thu", "thur", "thurs", "fri", "sat", "sun",
    "u.s", "u.k", "u.n", "e.g", "i.e", "etc", "vs", "approx", "govt", "dept", "prof", "rep", "sen", "gov",
}
_TOKEN = re.compile(r"\w+(?:[-'’.]\w+)*\.?|[^\w\s]", re.UNICODE)
_SENT_END = re.compile(r"[.!?](?:[\"'”’»)\]]*)\s+(?=[\"'“‘«(\[]?[A-Z0-9А-Я])")
_NAME_PARTICLES = {"van", "von", "de", "der", "bin", "ibn", "al", "el", "da", "di", "le", "la"}


def split_sentences(text: str) -> list[tuple[int, int]]:
    out = []
    for m in re.finditer(r"[^\n]+", text):
        para_start, para = m.start(), m.group()
        last = 0
        for end in _SENT_END.finditer(para):
            cut = end.start() + 1
            word = re.search(r"([\w.]+)[.!?]?$", para[last:cut])
            w = word.group(1).lower().rstrip(".") if word else ""
            if para[end.start()] == "." and (w in _ABBREV or (len(w) == 1 and w.isalpha())):
                continue  # 'Gen. Wei', 'Dec. 14', 'J. Smith'
            out.append((para_start + last, para_start + end.end()))
            last = end.end()
        out.append((para_start + last, para_start + len(para)))
    return [(a, b) for a, b in ((a, b - (len(text[a:b]) - len(text[a:b].rstrip()))) for a, b in out) if b > a]


def tokenize(text: str, offset: int) -> list[Token]:
    toks = []
    for m in _TOKEN.finditer(text):
        word = m.group()
        # keep the full stop of abbreviations ('U.S.'), drop it after ordinary words
        at_end = not text[m.end():].strip()
        if word.endswith(".") and len(word) > 1 and (at_end or (word[:-1].lower() not in _ABBREV
                                                                and "." not in word[:-1])):
            word = word[:-1]  # the sentence's full stop, not an abbreviation's ('Dong Jun.')
        key = fold_latin(word).replace("’", "'")
        keys = {key, key.rstrip(".")}  # 'Gen.' is also 'gen'
        if key.endswith("'s"):
            keys.add(key[:-2])  # "China's" is also 'china'
        toks.append(Token(word, offset + m.start(), offset + m.start() + len(word), frozenset(keys)))
    return toks


class EnglishAnalyzer:
    lang = "en"

    def analyze(self, text: str) -> Analysis:
        sentences = []
        for a, b in split_sentences(text):
            s = Sentence(a, b, text[a:b], tokenize(text[a:b], a))
            s.spans = self._name_spans(s.tokens)
            sentences.append(s)
        return Analysis("en", text, sentences)

    @staticmethod
    def _name_spans(tokens: list[Token]) -> list[Span]:
        """Runs of capitalised words (with name particles inside): candidate names."""
        spans, i, n = [], 0, len(tokens)
        while i < n:
            t = tokens[i]
            if t.is_cap and t.text[0].isalpha() and not t.text.isupper() or (t.is_cap and len(t.text) <= 3
                                                                             and t.text.isalpha() and False):
                j = i + 1
                while j < n and ((tokens[j].is_cap and tokens[j].text[0].isalpha())
                                 or (tokens[j].text.lower() in _NAME_PARTICLES and j + 1 < n
                                     and tokens[j + 1].is_cap)):
                    j += 1
                spans.append(Span("CAP", i, j, " ".join(x.text for x in tokens[i:j]),
                                  " ".join(x.text for x in tokens[i:j])))
                i = j
            else:
                i += 1
        return spans
