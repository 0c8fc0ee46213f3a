"""Romanization of personal names written in Cyrillic.

A person the knowledge base does not know still needs a canonical English name. Two systems:

* `ru_to_latin` -- BGN/PCGN (1947) romanization of Russian, simplified the way English-language
  media write personal names: ь and ъ are dropped (BGN writes ʼ and ʺ), no diacritics and no
  middle dot. е is "ye" at the start of a word and after a vowel, й, ъ or ь, else "e"
  (Ермекбаев -> Yermekbayev); ё is "yo" under the same rule and after other consonants
  (Пётр -> Pyotr), but "e" after ж ч ш щ, where the ё is usually not written anyway, so
  Горбачёв and Горбачев both give Gorbachev; й -> y, ы -> y, so the BGN endings -ий/-ый come out
  as -iy/-yy (Дмитрий -> Dmitriy). Letters of other Cyrillic alphabets (Ukrainian, Belarusian,
  Kazakh, Tajik, ...) map to their usual Latin letters; characters outside Cyrillic are kept.
* `palladius_to_pinyin` -- undoes the Palladius system (the Russian transcription of Mandarin:
  Си Цзиньпин) and gives toneless Hanyu Pinyin (Xi Jinping).
* `romanize_name` -- Pinyin for Chinese (and Taiwanese) persons when the name parses as
  Palladius, BGN/PCGN otherwise.

The Palladius table is generated, not typed: `_FINALS_BY_INITIALS` lists which Pinyin initial +
final pairs are syllables of Mandarin (all ~400), and `_pinyin_spelling` / `_palladius_spelling`
spell each pair by the rules of the two systems.
"""
from __future__ import annotations

import re
import unicodedata
from functools import lru_cache

__all__ = [
    "ru_to_latin",
    "palladius_to_pinyin",
    "pinyin_to_palladius",
    "is_palladius",
    "romanize_name",
    "PINYIN_TO_PALLADIUS",
]

# --------------------------------------------------------------------------------------------
# Russian (and other Cyrillic) -> Latin, BGN/PCGN for names
# --------------------------------------------------------------------------------------------

_RU: dict[str, str] = {
    "а": "a", "б": "b", "в": "v", "г": "g", "д": "d", "е": "e", "ё": "yo", "ж": "zh",
    "з": "z", "и": "i", "й": "y", "к": "k", "л": "l", "м": "m", "н": "n", "о": "o",
    "п": "p", "р": "r", "с": "s", "т": "t", "у": "u", "ф": "f", "х": "kh", "ц": "ts",
    "ч": "ch", "ш": "sh", "щ": "shch", "ъ": "", "ы": "y", "ь": "", "э": "e", "ю": "yu",
    "я": "ya",
    # Ukrainian, Belarusian
    "і": "i", "ї": "yi", "є": "ye", "ў": "w", "ґ": "g",
    # Serbian, Macedonian
    "ђ": "dj", "ѓ": "gj", "ѕ": "dz", "ј": "j", "љ": "lj", "њ": "nj", "ћ": "c", "ќ": "kj",
    "џ": "dzh",
    # Kazakh, Kyrgyz, Tajik, Tatar, Bashkir, Azerbaijani, Mongolian
    "ә": "a", "ғ": "gh", "қ": "q", "ң": "ng", "ө": "o", "ұ": "u", "ү": "u", "һ": "h",
    "ҳ": "h", "ҷ": "j", "ӣ": "i", "ӯ": "u", "җ": "zh", "ҙ": "z", "ҫ": "s", "ҡ": "q",
    "ҝ": "g", "ҹ": "j", "ӏ": "",
    # pre-1918 Russian
    "ѣ": "e", "ѳ": "f", "ѵ": "i",
}
# after these (and at the start of a word) е/ё/є are iotated: ye/yo
_IOTATING = frozenset("аеёиоуыэюяіїєәөүұӣӯѣйъь")
_HUSHING = frozenset("жчшщ")  # ё after these -> "e"

# Unicode letter names -> Latin, for the rare Cyrillic letters not in _RU (fallback only)
_NAME_MAP: dict[str, str] = {
    "A": "a", "BE": "b", "VE": "v", "GHE": "g", "DE": "d", "IE": "e", "IO": "yo", "ZHE": "zh",
    "ZE": "z", "I": "i", "SHORT I": "y", "KA": "k", "EL": "l", "EM": "m", "EN": "n", "O": "o",
    "PE": "p", "ER": "r", "ES": "s", "TE": "t", "U": "u", "EF": "f", "HA": "kh", "TSE": "ts",
    "CHE": "ch", "SHA": "sh", "SHCHA": "shch", "HARD SIGN": "", "YERU": "y", "SOFT SIGN": "",
    "E": "e", "YU": "yu", "YA": "ya", "YAT": "e", "FITA": "f", "IZHITSA": "i", "YUS": "yu",
    "DZE": "dz", "DZELO": "dz", "ZEMLYA": "z", "DJE": "dj", "TSHE": "c", "JE": "j", "LJE": "lj",
    "NJE": "nj", "DZHE": "dzh", "GJE": "gj", "KJE": "kj", "YI": "yi", "SCHWA": "a", "SHHA": "h",
    "OMEGA": "o", "OT": "ot", "KSI": "ks", "PSI": "ps", "UK": "u", "KOPPA": "k", "YN": "n",
    "PALOCHKA": "", "YAE": "ya", "YERU WITH BACK YER": "y", "CLOSED LITTLE YUS": "ya",
}

_CYR_RANGES = ((0x0400, 0x052F), (0x1C80, 0x1C8F), (0x2DE0, 0x2DFF), (0xA640, 0xA69F),
               (0x1E030, 0x1E08F))


_CYR_COMBINING = re.compile("[\u0400-\u04ff][\u0300-\u036f]+")


def _is_cyrillic(ch: str) -> bool:
    o = ord(ch)
    return any(lo <= o <= hi for lo, hi in _CYR_RANGES)


@lru_cache(maxsize=1024)
def _latin_letter(lower: str) -> str:
    """Latin for one lower-case Cyrillic letter (context-free part of the mapping)."""
    hit = _RU.get(lower)
    if hit is not None:
        return hit
    base = unicodedata.normalize("NFD", lower)[0]  # ӧ -> о, ӑ -> а, ѝ -> и, ...
    if base != lower and base in _RU:
        return _RU[base]
    name = unicodedata.name(lower, "")
    if "LETTER " not in name:
        return ""
    words = name.split("LETTER ", 1)[1].split(" WITH ")[0].split()
    for k in range(len(words)):  # "ROUNDED VE" -> "VE", "IOTIFIED BIG YUS" -> "YUS"
        hit = _NAME_MAP.get(" ".join(words[k:]))
        if hit is not None:
            return hit
    return re.sub(r"[^a-z]", "", words[-1].lower()) if words else ""


def _word_caps(text: str) -> list[bool]:
    """Per character: does it belong to an ALL-CAPS word? A one-letter upper-case word (an
    initial, a conjunction) follows its neighbours: caps in a caps headline."""
    n = len(text)
    words: list[tuple[int, int, bool | None]] = []
    i = 0
    while i < n:
        if not text[i].isalpha():
            i += 1
            continue
        j = i + 1
        while j < n and (text[j].isalpha() or unicodedata.combining(text[j])):
            j += 1
        up = low = 0
        for c in text[i:j]:
            up += c.isupper()
            low += c.islower()
        kind: bool | None = False if low else (True if up >= 2 else None)
        words.append((i, j, kind))
        i = j
    flags = [False] * n
    for k, (s, e, kind) in enumerate(words):
        if kind is None:
            prev = next((w[2] for w in reversed(words[:k]) if w[2] is not None), False)
            nxt = next((w[2] for w in words[k + 1:] if w[2] is not None), False)
            kind = bool(prev or nxt)
        if kind:
            for p in range(s, e):
                flags[p] = True
    return flags


@lru_cache(maxsize=65536)
def ru_to_latin(text: str) -> str:
    """BGN/PCGN romanization of Cyrillic text, simplified for personal names.

    >>> ru_to_latin("Нурлан Ермекбаев")
    'Nurlan Yermekbayev'
    """
    if not any(map(_is_cyrillic, text)):
        return text
    # compose и + breve -> й, е + diaeresis -> ё; everything else stays as it is
    text = _CYR_COMBINING.sub(lambda m: unicodedata.normalize("NFC", m.group()), text)
    caps = _word_caps(text)
    out: list[str] = []
    prev = ""  # previous character that is not a combining mark
    after_cyr_letter = False  # drop stress marks and other combining marks on Cyrillic letters
    for i, ch in enumerate(text):
        if unicodedata.combining(ch) and after_cyr_letter:
            continue
        if not _is_cyrillic(ch):
            out.append(ch)
            if not unicodedata.combining(ch):
                prev, after_cyr_letter = ch, False
            continue
        if not ch.isalpha():  # Cyrillic signs and combining letters: no Latin equivalent
            prev, after_cyr_letter = ch, False
            continue
        low = ch.lower()
        p_low = prev.lower()
        if low in ("е", "ё"):
            iotated = not prev.isalpha() or p_low in _IOTATING
            if low == "е":
                lat = "ye" if iotated else "e"
            else:
                lat = "e" if p_low in _HUSHING else "yo"
        else:
            lat = _latin_letter(low)
        if lat and not ch.islower():
            lat = lat.upper() if caps[i] else lat[0].upper() + lat[1:]
        out.append(lat)
        prev, after_cyr_letter = ch, True
    return "".join(out)


# --------------------------------------------------------------------------------------------
# Palladius <-> Pinyin
# --------------------------------------------------------------------------------------------

# Which syllables Mandarin has: for each final (in its full form, iou/uei/uen, ü written ü),
# the initials it combines with ("0" = no initial). Rare interjections (lo, yo, ê, m, n, ng,
# hm) and dialectal syllables are left out.
_FINALS_BY_INITIALS: dict[str, str] = {
    "a": "0 b p m f d t n l g k h zh ch sh z c s",
    "o": "0 b p m f",
    "e": "0 m d t n l g k h zh ch sh r z c s",
    "ai": "0 b p m d t n l g k h zh ch sh z c s",
    "ei": "0 b p m f d n l g h zh sh z",
    "ao": "0 b p m d t n l g k h zh ch sh r z c s",
    "ou": "0 p m f d t l g k h zh ch sh r z c s",
    "an": "0 b p m f d t n l g k h zh ch sh r z c s",
    "en": "0 b p m f n g k h zh ch sh r z c s",
    "ang": "0 b p m f d t n l g k h zh ch sh r z c s",
    "eng": "0 b p m f d t n l g k h zh ch sh r z c s",
    "ong": "d t n l g k h zh ch r z c s",
    "er": "0",
    "i": "0 b p m d t n l j q x zh ch sh r z c s",
    "ia": "0 d l j q x",
    "ie": "0 b p m d t n l j q x",
    "iao": "0 b p m d t n l j q x",
    "iou": "0 m d n l j q x",
    "ian": "0 b p m d t n l j q x",
    "in": "0 b p m n l j q x",
    "iang": "0 n l j q x",
    "ing": "0 b p m d t n l j q x",
    "iong": "0 j q x",
    "u": "0 b p m f d t n l g k h zh ch sh r z c s",
    "ua": "0 g k h zh ch sh",
    "uo": "0 d t n l g k h zh ch sh r z c s",
    "uai": "0 g k h zh ch sh",
    "uei": "0 d t g k h zh ch sh r z c s",
    "uan": "0 d t n l g k h zh ch sh r z c s",
    "uen": "0 d t l g k h zh ch sh r z c s",
    "uang": "0 g k h zh ch sh",
    "ueng": "0",
    "ü": "0 n l j q x",
    "üe": "0 n l j q x",
    "üan": "0 j q x",
    "ün": "0 j q x",
}

# Palladius: initials, and finals as written after an initial
_PAL_INITIAL = {
    "b": "б", "p": "п", "m": "м", "f": "ф", "d": "д", "t": "т", "n": "н", "l": "л",
    "g": "г", "k": "к", "h": "х", "j": "цз", "q": "ц", "x": "с", "zh": "чж", "ch": "ч",
    "sh": "ш", "r": "ж", "z": "цз", "c": "ц", "s": "с",
}
_PAL_FINAL = {
    "a": "а", "o": "о", "e": "э", "ai": "ай", "ei": "эй", "ao": "ао", "ou": "оу",
    "an": "ань", "en": "энь", "ang": "ан", "eng": "эн", "ong": "ун", "er": "эр",
    "i": "и", "ia": "я", "ie": "е", "iao": "яо", "iou": "ю", "ian": "янь", "in": "инь",
    "iang": "ян", "ing": "ин", "iong": "юн",
    "u": "у", "ua": "уа", "uo": "о", "uai": "уай", "uei": "уй", "uan": "уань", "uen": "унь",
    "uang": "уан",
    "ü": "юй", "üe": "юэ", "üan": "юань", "ün": "юнь",
}


def _pinyin_spelling(ini: str, fin: str) -> str:
    """Pinyin orthography: y-/w- for syllables without an initial, iou/uei/uen shortened to
    iu/ui/un after an initial, ü written u after j q x y."""
    if ini == "":
        if fin[0] == "i":
            return "y" + fin if fin in ("i", "in", "ing") else "y" + fin[1:]
        if fin[0] == "u":
            return "wu" if fin == "u" else "w" + fin[1:]
        if fin[0] == "ü":
            return "yu" + fin[1:]
        return fin
    fin = {"iou": "iu", "uei": "ui", "uen": "un"}.get(fin, fin)
    if ini in ("j", "q", "x"):
        fin = fin.replace("ü", "u")
    return ini + fin


def _palladius_spelling(ini: str, fin: str) -> str:
    """Palladius orthography: the final table above, with three rules -- z c s + i is ы
    (цзы, цы, сы; but чжи, чи, ши, жи, цзи, ци, си); u- finals without an initial start with в
    (ва, во, вай, вэй, вань, вэнь, ван, вэн; у for wu); -n is нь and -ng is н throughout."""
    if ini == "":
        if fin[0] == "u" and fin != "u":
            rest = {"uei": "ei", "uen": "en", "ueng": "eng"}.get(fin, fin[1:])
            return "в" + _PAL_FINAL[rest]
        return _PAL_FINAL[fin]
    if fin == "i" and ini in ("z", "c", "s"):
        return _PAL_INITIAL[ini] + "ы"
    return _PAL_INITIAL[ini] + _PAL_FINAL[fin]


def _build_table() -> tuple[dict[str, str], frozenset[str]]:
    table: dict[str, str] = {}
    aoe: set[str] = set()  # pinyin syllables starting with a, o, e (no initial, no y/w)
    for fin, inits in _FINALS_BY_INITIALS.items():
        for ini in inits.split():
            ini = "" if ini == "0" else ini
            py = _pinyin_spelling(ini, fin)
            assert py not in table, py
            table[py] = _palladius_spelling(ini, fin)
            if py[0] in "aoe":
                aoe.add(py)
    return table, frozenset(aoe)


PINYIN_TO_PALLADIUS, _PINYIN_AOE = _build_table()
# Palladius -> Pinyin is one-to-one on the generated table (checked by the tests); the extra
# entries are spellings used in Russian media alongside the canonical ones.
_PALLADIUS_ALIASES = {"хуэй": "hui"}  # Хуэй Лянъюй: the euphemistic spelling of хуй
_PALLADIUS_PREFERRED = {"hui": "хуэй"}  # what pinyin_to_palladius writes instead
_PAL_TO_PINYIN: dict[str, str] = {pal: py for py, pal in PINYIN_TO_PALLADIUS.items()}
_PAL_TO_PINYIN.update(_PALLADIUS_ALIASES)
_PAL_AOE = frozenset(PINYIN_TO_PALLADIUS[py] for py in _PINYIN_AOE)
_PAL_MAX = max(map(len, _PAL_TO_PINYIN))
_PY_MAX = max(map(len, PINYIN_TO_PALLADIUS))
_CYR_VOWELS = frozenset("аеёиоуыэюя")
_PAL_LETTERS = frozenset("".join(_PAL_TO_PINYIN)) | {"ъ"}
_APOSTROPHES = "'’ʼ‘"


def _segment(chunk: str, table, aoe, sep_rule: bool) -> tuple[str, ...] | None:
    """Split `chunk` into syllables of `table` (dynamic programming). Cost, lowest first:
    (1, Palladius only) a syllable ending in н (-ng) followed by a vowel with no ъ between --
    Palladius writes Чанъэ, Хуанъянь; (2) a syllable beginning with a, o, e inside the word --
    Pinyin would need an apostrophe, Palladius leaves it ambiguous (хуэй is hui, not hu-ei);
    (3) the number of syllables. Ties go to the longer earlier syllable."""
    n = len(chunk)
    # best[i][ends_in_н] = (cost, negated lengths, syllables)
    best: list[dict[bool, tuple]] = [dict() for _ in range(n + 1)]
    best[0][False] = ((0, 0, 0), (), ())
    for i in range(n):
        for flag, (cost, neg, path) in best[i].items():
            for L in range(min(n - i, _PAL_MAX if sep_rule else _PY_MAX), 0, -1):
                piece = chunk[i:i + L]
                if piece not in table:
                    continue
                c = (cost[0] + (sep_rule and flag and piece[0] in _CYR_VOWELS),
                     cost[1] + (i > 0 and piece in aoe),
                     cost[2] + 1)
                cand = (c, neg + (-L,), path + (piece,))
                nflag = sep_rule and piece[-1] == "н"
                cur = best[i + L].get(nflag)
                if cur is None or cand[:2] < cur[:2]:
                    best[i + L][nflag] = cand
    ends = list(best[n].values())
    return min(ends)[2] if ends else None


@lru_cache(maxsize=8192)
def _palladius_word(word: str) -> str | None:
    """Pinyin for one word (lower case), or None."""
    syllables: list[str] = []
    for part in word.split("-"):  # old style: Мао Цзэ-дун
        for chunk in part.split("ъ"):  # Сянъян
            if not chunk:
                return None
            seg = _segment(chunk, _PAL_TO_PINYIN, _PAL_AOE, True)
            if seg is None:
                return None
            syllables.extend(_PAL_TO_PINYIN[s] for s in seg)
    return "".join(syllables)


@lru_cache(maxsize=8192)
def palladius_to_pinyin(text: str) -> str | None:
    """Toneless Pinyin for a Chinese name in Palladius transcription, or None when some word
    does not split into Palladius syllables (then it is not a Chinese name).

    >>> palladius_to_pinyin("Си Цзиньпин")
    'Xi Jinping'
    """
    words = unicodedata.normalize("NFC", text).split()
    if not words:
        return None
    out = []
    for w in words:
        w = w.lower()
        if not set(w) <= _PAL_LETTERS | {"-"}:
            return None
        py = _palladius_word(w)
        if py is None:
            return None
        out.append(py[:1].upper() + py[1:])
    return " ".join(out)


def is_palladius(text: str) -> bool:
    """True when every word of `text` splits into Palladius syllables."""
    return palladius_to_pinyin(text) is not None


_TONE_MARKS = dict.fromkeys((0x0300, 0x0301, 0x0304, 0x030C))  # grave, acute, macron, caron


@lru_cache(maxsize=8192)
def pinyin_to_palladius(text: str) -> str | None:
    """Palladius for a Pinyin name (tone marks, apostrophes and v for ü allowed), or None.

    >>> pinyin_to_palladius("Xi Jinping")
    'Си Цзиньпин'
    """
    plain = unicodedata.normalize("NFC", unicodedata.normalize("NFD", text).translate(_TONE_MARKS))
    words = plain.lower().replace("v", "ü").split()
    if not words:
        return None
    out = []
    for w in words:
        pals: list[str] = []
        for chunk in re.split(f"[-{_APOSTROPHES}]", w):
            seg = _segment(chunk, PINYIN_TO_PALLADIUS, _PINYIN_AOE, False) if chunk else None
            if seg is None:
                return None
            for s in seg:
                pal = _PALLADIUS_PREFERRED.get(s) or PINYIN_TO_PALLADIUS[s]
                if pals and pals[-1][-1] == "н" and pal[0] in _CYR_VOWELS:
                    pals.append("ъ")
                pals.append(pal)
        word = "".join(pals)
        out.append(word[:1].upper() + word[1:])
    return " ".join(out)


# --------------------------------------------------------------------------------------------

_PINYIN_COUNTRIES = frozenset({"CHN", "TWN"})


def romanize_name(text: str, country: str | None) -> str:
    """Canonical Latin form of a name written in Cyrillic: Pinyin for Chinese and Taiwanese
    persons whose name parses as Palladius, BGN/PCGN otherwise."""
    if country and country.upper() in _PINYIN_COUNTRIES:
        py = palladius_to_pinyin(text)
        if py is not None:
            return py
    return ru_to_latin(text)
