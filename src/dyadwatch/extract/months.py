"""Month and weekday names, Russian and English, as the date patterns use them: full names in
any case ("марта", "мае", "March"), abbreviations with and without a dot ("11 фев", "23 окт",
"Oct. 21", "Sept 3")."""
from __future__ import annotations

# months by their first three letters
_RU_MONTH3 = {"янв": 1, "фев": 2, "мар": 3, "апр": 4, "май": 5, "мая": 5, "мае": 5, "июн": 6, "июл": 7, "авг": 8,
              "сен": 9, "окт": 10, "ноя": 11, "дек": 12}
EN_MONTHS = {"jan": 1, "feb": 2, "mar": 3, "apr": 4, "may": 5, "jun": 6, "jul": 7, "aug": 8, "sep": 9, "oct": 10,
             "nov": 11, "dec": 12}
# a whole word: "марта?" alone would take "март" out of "марте 2023 года" and lose the year
RU_MONTH_ALT = (r"январ[ьяе]|феврал[ьяе]|март[ае]?|апрел[ьяе]|ма[йяе]|июн[ьяе]|июл[ьяе]|август[ае]?|"
                r"сентябр[ьяе]|октябр[ьяе]|ноябр[ьяе]|декабр[ьяе]|"
                r"янв\.?|февр?\.?|мар\.?|апр\.?|июн\.?|июл\.?|авг\.?|сент?\.?|окт\.?|нояб?\.?|дек\.?")
RU_MONTH_RE = r"(" + RU_MONTH_ALT + r")(?![а-яё])"
EN_MONTH_ALT = (r"January|February|March|April|May|June|July|August|September|October|November|December|"
                r"Jan\.?|Feb\.?|Mar\.?|Apr\.?|Jun\.?|Jul\.?|Aug\.?|Sept?\.?|Oct\.?|Nov\.?|Dec\.?")
EN_MONTH_RE = r"(" + EN_MONTH_ALT + r")(?![a-z])"
RU_WEEKDAYS = {"понедельник": 0, "вторник": 1, "среду": 2, "среда": 2, "четверг": 3, "пятницу": 4, "пятница": 4,
               "субботу": 5, "суббота": 5, "воскресенье": 6}
EN_WEEKDAYS = {"mon": 0, "tue": 1, "wed": 2, "thu": 3, "fri": 4, "sat": 5, "sun": 6}


def ru_month(word: str) -> int:
    return _RU_MONTH3[word.lower()[:3]]


def en_month(word: str) -> int:
    return EN_MONTHS[word.lower()[:3]]


def month_of(word: str, lang: str) -> int:
    return ru_month(word) if lang == "ru" else en_month(word)
