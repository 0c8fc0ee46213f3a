"""News outlets and the surface forms pages name them by (datelines, mastheads, rights
lines, bylines, web addresses). `source` of a Document is the canonical name here."""
from __future__ import annotations

import re

__all__ = ["find_outlet", "outlet_of_line", "outlet_of_url", "outlet_span"]

# (canonical name, trigger substrings, surface-form regexes, may appear in a dateline/byline).
# Triggers are lower-case pieces one of which any match contains: a cheap substring test
# on them spares running ~50 regexes over every line. Forms are case-sensitive unless
# they carry (?i:...): "Trend", "Звезда" are also words. Outlets marked False are only
# trusted as a whole masthead line or a web address.
_TABLE: tuple[tuple[str, tuple[str, ...], tuple[str, ...], bool], ...] = (
    ("TASS", ("тасс", "tass"), (r"ТАСС", r"TASS", r"(?i:tass\.(?:ru|com))"), True),
    ("Interfax", ("интерфакс", "interfax"),
     (r"Интерфакс", r"ИНТЕРФАКС", r"Interfax", r"INTERFAX", r"(?i:interfax\.(?:ru|com|by|kz))"), True),
    ("TSAMTO", ("цамто", "tsamto", "armstrade"), (r"ЦАМТО", r"TSAMTO", r"(?i:armstrade\.org)"), True),
    ("RIA Novosti", ("новости", "novosti", "ria.ru"), (r"РИА [«\"]?Новости", r"RIA Novosti", r"(?i:\bria\.ru)"), True),
    ("Krasnaya Zvezda", ("красная звезда", "krasnaya zvezda", "redstar"),
     (r"«Красная звезда»", r"(?i:krasnaya zvezda)", r"(?i:redstar\.ru)"), True),
    ("Zvezda", ("звезда", "zvezda"),
     (r"(?i:(?:медиагрупп\w*|телеканал\w*|тк|телерадиокомпани\w*)\s+[«\"]звезда[»\"])", r"«Звезда»", r"ЗВЕЗДА",
      r"(?i:tvzvezda\.ru)", r"(?i:\bzvezda\b)"), True),
    ("Xinhua", ("xinhua", "синьхуа", "news.cn"), (r"(?i:xinhua)", r"Синьхуа", r"(?i:\bnews\.cn)"), True),
    ("People's Daily", ("people's daily", "жэньминь", "people.com.cn"),
     (r"People's Daily", r"Жэньминь жибао", r"(?i:people\.com\.cn)"), True),
    ("Global Times", ("global times", "globaltimes"), (r"Global Times", r"(?i:globaltimes\.cn)"), True),
    ("China Daily", ("china daily", "chinadaily"), (r"China Daily", r"(?i:chinadaily\.com\.cn)"), True),
    ("CGTN", ("cgtn",), (r"CGTN",), True),
    ("PIB", ("pib", "press information bureau"), (r"\bPIB\b", r"Press Information Bureau", r"(?i:pib\.gov\.in)"), True),
    ("Trend", ("trend", "тренд"),
     (r"Trend News Agency", r"[–—-]\s*Trend\b", r"\(Trend\)", r"^Trend$", r"Follow Trend\b", r"(?i:trend\.az)",
      r"«Тренд»"), True),
    ("Mehr News Agency", ("mehr", "mna", "мехр"),
     (r"Mehr News(?: Agency)?", r"\(MNA\)", r"(?i:mehrnews)", r"агентств\w* «?Мехр", r"MEHR"), True),
    ("IRNA", ("irna", "ирна"), (r"\bIRNA\b", r"\bИРНА\b"), True),
    ("Tasnim", ("tasnim", "тасним"), (r"Tasnim", r"Тасним"), True),
    ("AFP", ("afp", "france-presse", "франс"), (r"\bAFP\b", r"Agence France-Presse", r"Франс[- ]Пресс"), True),
    ("Reuters", ("reuters", "рейтер"), (r"Reuters", r"REUTERS", r"Рейтер\w*"), True),
    ("Associated Press", ("associated press", "(ap)", "ассошиэйтед"),
     (r"Associated Press", r"\(AP\)", r"Ассошиэйтед Пресс"), True),
    ("AiF", ("аиф", "аргументы и факты", "aif.ru"), (r"АиФ", r"Аргументы и факты", r"(?i:\baif\.ru)"), True),
    ("Izvestia", ("известия", "izvestia", "iz.ru"), (r"«Известия»", r"Izvestia", r"(?i:\biz\.ru)"), True),
    ("Kommersant", ("коммерсант", "kommersant"), (r"Коммерсантъ", r"Kommersant", r"(?i:kommersant\.ru)"), True),
    ("RBC", ("рбк", "rbc"), (r"\bРБК\b", r"\bRBC\b", r"(?i:\brbc\.ru)"), True),
    ("Rossiyskaya Gazeta", ("российская газета", "rossiyskaya gazeta", "rg.ru"),
     (r"Российская газета", r"Rossiyskaya Gazeta", r"(?i:\brg\.ru)"), True),
    ("Regnum", ("regnum", "регнум"), (r"REGNUM", r"Regnum", r"Регнум"), True),
    ("Sputnik", ("sputnik",), (r"Sputnik",), True),
    ("BelTA", ("белта", "belta"), (r"БелТА", r"BelTA", r"(?i:belta\.by)"), True),
    ("Kazinform", ("казинформ", "kazinform", "inform.kz"), (r"Казинформ", r"Kazinform", r"(?i:\binform\.kz)"), True),
    ("Armenpress", ("арменпресс", "armenpress"), (r"Арменпресс", r"(?i:armenpress)"), True),
    ("Anadolu Agency", ("anadolu", "анадолу", "aa.com.tr"), (r"Anadolu", r"Анадолу", r"(?i:\baa\.com\.tr)"), True),
    ("ANI", ("ani",), (r"\(ANI\)", r"^ANI$"), True),
    ("PTI", ("pti", "press trust of india"), (r"\bPTI\b", r"Press Trust of India"), True),
    ("The Hindu", ("hindu",), (r"(?i:\bthe hindu\b)", r"(?i:thehindu\.com)"), True),
    ("The Indian Express", ("indian express", "indianexpress"), (r"(?i:indian express)", r"(?i:indianexpress\.com)"), True),
    ("Hindustan Times", ("hindustan times", "hindustantimes"), (r"Hindustan Times", r"(?i:hindustantimes\.com)"), True),
    ("The Times of India", ("times of india",), (r"Times of India",), True),
    ("Republic World", ("republic world", "republicworld"), (r"Republic World", r"(?i:republicworld\.com)"), True),
    ("Military.com", ("military.com",), (r"(?i:military\.com)",), True),
    ("Defense News", ("defense news", "defensenews"), (r"Defense News", r"(?i:defensenews\.com)"), True),
    ("Geo News", ("geo news", "geo.tv"), (r"Geo News", r"(?i:\bgeo\.tv)"), True),
    ("Radio Free Asia", ("radio free asia", "rfa"), (r"Radio Free Asia", r"\bRFA\b", r"(?i:\brfa\.org)"), True),
    ("NHK", ("nhk",), (r"\bNHK\b",), True),
    ("Kyodo", ("kyodo",), (r"Kyodo",), True),
    ("Yonhap", ("yonhap", "ёнхап"), (r"Yonhap", r"Ёнхап"), True),
    ("Sila Rossii", ("сила россии", "sila-rf"), (r"Сила России", r"(?i:sila-rf\.ru)"), True),
    ("Rambler", ("рамблер", "rambler"), (r"Рамблер", r"(?i:rambler\.ru)"), True),
    ("Ministry of Defence of the Russian Federation", ("министерство обороны российской федерации",
                                                      "ministry of defence of the russian federation", "mil.ru"),
     (r"^Министерство обороны Российской Федерации$", r"^(?i:ministry of defence of the russian federation)$",
      r"(?i:\bmil\.ru)"), False),
    ("U.S. Department of Defense", ("department of defense", "defense.gov"),
     (r"^(?i:u\.?s\.? department of defense)$", r"(?i:\bdefense\.gov)"), False),
)


_ENTRIES = tuple((name, triggers, re.compile("|".join(forms), re.M), ok) for name, triggers, forms, ok in _TABLE)


def _search(text: str, dateline: bool) -> tuple[str, int, int] | None:
    low = text.lower()
    best: tuple[str, int, int] | None = None
    for name, triggers, rx, ok in _ENTRIES:
        if dateline and not ok:
            continue
        if not any(t in low for t in triggers):
            continue
        m = rx.search(text)
        if m and (best is None or m.start() < best[1]):
            best = (name, m.start(), m.end())
    return best


def find_outlet(text: str, dateline: bool = True) -> str | None:
    """The outlet named first in `text` (dateline-safe forms only when `dateline`)."""
    hit = _search(text, dateline)
    return hit[0] if hit else None


def outlet_span(text: str) -> tuple[str, int, int] | None:
    """(canonical name, start, end) of the first outlet named in `text`, any form."""
    return _search(text, False)


def outlet_of_line(line: str) -> str | None:
    """The outlet a whole line names, e.g. a masthead "МЕДИАГРУППА «ЗВЕЗДА»", "The Hindu"."""
    return find_outlet(line.strip(), dateline=False)


def outlet_of_url(url: str | None) -> str | None:
    if not url:
        return None
    m = re.match(r"(?i)^(?:[a-z]+:)?//([^/?#]+)", url.strip())
    host = m.group(1) if m else url
    return find_outlet(host.lower(), dateline=False)
