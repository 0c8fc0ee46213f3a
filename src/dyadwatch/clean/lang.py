"""Language of a cleaned page: 'ru', 'en' or 'unknown'.

Script shares plus function-word rates. Deliberately cautious: a text that is too short,
mixes scripts, is written in another Cyrillic language (letters Russian does not use:
Ukrainian, Belarusian, Kazakh, Tajik, Serbian...; or no ы/э at all: Bulgarian) or in
another Latin-script language (few English function words, many accented letters)
comes back 'unknown' rather than guessed."""
from __future__ import annotations

import re

__all__ = ["detect_lang"]

_RU_STOP = frozenset("""
и в во не что он на я с со как а то все всё она так его но да ты к у же вы за бы по только ее её мне было вот
от меня еще ещё нет о об из ему когда даже ли если уже или ни быть был него до вас вам ведь там потом себя
ей может они тут где есть надо ней для мы их чем была сам без чего тоже себе под будет тогда кто этот того
потому этого какой этом один тем чтобы при после над больше тот через эти нас про всего них много перед
также который которые которая которого которых которой это этой эту был были была будут свои своих своей
своим свою между том такой так же как со ко во из-за отметил заявил сообщил
""".split())
_EN_STOP = frozenset("""
the of and to in a an is are was were be been being that this these those for it its as with by on not he she
they we you i his her their our them him us at from which but have has had or if will would can could should
than also said after who whom about into over other more most such there when where while what all any some
no so up out do does did may might must one two new
""".split())
# Function words of other Latin-script languages (French, German, Spanish, Italian, Dutch,
# Portuguese, Turkish, Polish...) that English does not use.
_OTHER_LATIN_STOP = frozenset("""
de la le les et des du une est dans pour sur qui au aux der das und dem ist nicht mit von zu sich
el las del que y por para una della sono gli het een ook niet zijn não é ile için olarak się nie jest że
""".split())
# Letters of other Cyrillic languages that Russian does not use.
_NON_RU = re.compile("[іїєґўәғқңөұүһӣӯҳҷђјљњћџѓќѕ]")
_WORD = re.compile(r"[^\W\d_]+")
_CYR = re.compile(r"[\u0400-\u04ff]+")
_LAT = re.compile(r"[A-Za-z]+")


def detect_lang(text: str, min_letters: int = 30, min_words: int = 5) -> str:
    sample = text[:20000]
    words = _WORD.findall(sample.lower())
    if len(words) < min_words:
        return "unknown"
    letters = sum(map(len, words))
    if letters < min_letters:
        return "unknown"
    cyr = sum(map(len, _CYR.findall(sample)))
    lat = sum(map(len, _LAT.findall(sample)))
    other = letters - cyr - lat
    if cyr >= 0.65 * letters:
        if len(_NON_RU.findall(sample.lower())) > 0.003 * cyr:
            return "unknown"
        low = sample.lower()
        if "ы" not in low and "э" not in low:  # Bulgarian and others: Cyrillic without ы/э
            return "unknown"
        cyr_words = [w for w in words if "\u0400" <= w[0] <= "\u04ff"]
        hits = sum(1 for w in cyr_words if w in _RU_STOP)
        return "ru" if cyr_words and hits >= 1 and hits >= 0.03 * len(cyr_words) else "unknown"
    if lat >= 0.65 * letters and other <= 0.02 * letters:
        lat_words = [w for w in words if w[0] < "\u0080"]
        hits = sum(1 for w in lat_words if w in _EN_STOP)
        foreign = sum(1 for w in lat_words if w in _OTHER_LATIN_STOP)
        if not lat_words or foreign >= 0.05 * len(lat_words) or foreign > hits:
            return "unknown"
        return "en" if hits >= 2 and hits >= 0.06 * len(lat_words) else "unknown"
    return "unknown"
