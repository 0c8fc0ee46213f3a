"""Dates: datelines, explicit and relative date expressions, and their resolution against the
publication date (or, when no year is given anywhere, against the participants' tenures)."""
from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass

RU_MONTHS = {"январ": 1, "феврал": 2, "март": 3, "апрел": 4, "ма": 5, "июн": 6, "июл": 7, "август": 8,
             "сентябр": 9, "октябр": 10, "ноябр": 11, "декабр": 12}
# a whole word: "марта?" alone would take "март" out of "марте 2023 года" and lose the year
_RU_MONTH_RE = r"(январ[ьяе]|феврал[ьяе]|март[ае]?|апрел[ьяе]|ма[йяе]|июн[ьяе]|июл[ьяе]|август[ае]?|" \
               r"сентябр[ьяе]|октябр[ьяе]|ноябр[ьяе]|декабр[ьяе])(?![а-яё])"
EN_MONTHS = {"jan": 1, "feb": 2, "mar": 3, "apr": 4, "may": 5, "jun": 6, "jul": 7, "aug": 8, "sep": 9, "oct": 10,
             "nov": 11, "dec": 12}
_EN_MONTH_RE = r"(January|February|March|April|May|June|July|August|September|October|November|December|" \
               r"Jan\.?|Feb\.?|Mar\.?|Apr\.?|Jun\.?|Jul\.?|Aug\.?|Sept?\.?|Oct\.?|Nov\.?|Dec\.?)"
RU_WEEKDAYS = {"понедельник": 0, "вторник": 1, "среду": 2, "четверг": 3, "пятницу": 4, "субботу": 5,
               "воскресенье": 6}
EN_WEEKDAYS = {"mon": 0, "tue": 1, "wed": 2, "thu": 3, "fri": 4, "sat": 5, "sun": 6}


def _ru_month(word: str) -> int:
    w = word.lower()
    for stem, n in RU_MONTHS.items():
        if w.startswith(stem) and (stem != "ма" or w[:3] in ("май", "мая", "мае")):
            return n
    raise ValueError(word)


def _en_month(word: str) -> int:
    return EN_MONTHS[word.lower()[:3]]


@dataclass
class PDate:
    """A possibly partial date. `year` None: to be inferred. `weekday_back`: the day is the last
    such weekday on or before (year, month, day), to be applied once the year is known."""

    year: int | None
    month: int | None = None
    day: int | None = None
    weekday_back: int | None = None
    weekday_forward: bool = False

    @property
    def precision(self) -> str:
        return "day" if self.day else "month" if self.month else "year"

    def with_year(self, year: int) -> "PDate":
        d = PDate(year, self.month, self.day)
        if self.weekday_back is not None and self.day:
            try:
                base = dt.date(year, self.month, self.day)
            except ValueError:
                return d
            if self.weekday_forward:
                day = base + dt.timedelta(days=(self.weekday_back - base.weekday()) % 7)
            else:
                day = base - dt.timedelta(days=(base.weekday() - self.weekday_back) % 7)
            d = PDate(day.year, day.month, day.day)
        return d

    def representative_day(self) -> dt.date | None:
        """A day inside the period ('2020-06' -> 15 June): whose tenure covers it."""
        if not self.year:
            return None
        try:
            return dt.date(self.year, self.month or 7, self.day or (15 if self.month else 1))
        except ValueError:
            return None

    def as_date(self) -> dt.date | None:
        if self.year and self.month and self.day:
            try:
                return dt.date(self.year, self.month, self.day)
            except ValueError:
                return None
        return None

    def iso(self) -> str:
        if self.day:
            return f"{self.year:04d}-{self.month:02d}-{self.day:02d}"
        if self.month:
            return f"{self.year:04d}-{self.month:02d}"
        return f"{self.year:04d}"

    def key(self) -> tuple:
        return (self.year, self.month, self.day, self.weekday_back)

    def compatible(self, other: "PDate") -> bool:
        for a, b in ((self.year, other.year), (self.month, other.month), (self.day, other.day)):
            if a is not None and b is not None and a != b:
                return False
        return True

    def midpoint(self) -> tuple:
        return (self.year or 0, self.month or 6, self.day or 15)


@dataclass
class DateExpr:
    start: int  # character offsets in the document text
    end: int
    kind: str  # abs | weekday | today | yesterday | tomorrow | same_day | rel_year | rel_month
    year: int | None = None
    month: int | None = None
    day: int | None = None
    weekday: int | None = None
    year_delta: int | None = None  # 'last year' -> -1
    month_delta: int | None = None  # 'last month' -> -1
    relative_month: bool = False


# ---- expressions ----
_RU_PATTERNS = [
    ("dmy", re.compile(r"(?<![\d.])(\d{1,2})\s+" + _RU_MONTH_RE + r"(?:\s+(\d{4})(?:\s*(?:года|г\.))?)?", re.I)),
    ("numeric", re.compile(r"(?<![\d.])(\d{1,2})\.(\d{1,2})\.(\d{4})(?![\d.])")),
    ("in_month", re.compile(r"\bв\s+" + _RU_MONTH_RE + r"(?:\s+(\d{4})\s*(?:года|г\.)|\s+(прошлого|этого|текущего|"
                            r"следующего)\s+года)?", re.I)),
    ("in_year", re.compile(r"\bв\s+(\d{4})\s+году", re.I)),
    ("rel_year", re.compile(r"\bв\s+(прошлом|минувшем|этом|текущем|следующем)\s+году", re.I)),
    ("rel_month", re.compile(r"\bв\s+(прошлом|минувшем|этом|текущем|следующем)\s+месяце", re.I)),
    ("weekday", re.compile(r"\bв?о?\s*(понедельник|вторник|среду|четверг|пятницу|субботу|воскресенье)\b", re.I)),
    ("today", re.compile(r"\b(сегодня|сегодняшн\w*)\b", re.I)),
    ("yesterday", re.compile(r"\b(вчера|накануне)\b", re.I)),
    ("tomorrow", re.compile(r"\b(завтра)\b", re.I)),
    ("same_day", re.compile(r"\bв\s+тот\s+же\s+день\b", re.I)),
]
_EN_PATTERNS = [
    ("mdy", re.compile(r"\b" + _EN_MONTH_RE + r"\s+(\d{1,2})(?:st|nd|rd|th)?\b(?:,?\s+(\d{4})\b)?")),
    ("dmy", re.compile(r"\b(\d{1,2})(?:st|nd|rd|th)?\s+(?:of\s+)?" + _EN_MONTH_RE + r"(?:,?\s+(\d{4})\b)?")),
    ("in_month", re.compile(r"\b(?:[Ii]n|[Ss]ince|[Ee]arly|[Ll]ate|[Mm]id-?)\s+" + _EN_MONTH_RE +
                            r"(?:\s+(\d{4})\b|\s+(last|this|next)\s+year)?(?!\s+\d{1,2}\b)")),
    ("in_year", re.compile(r"\b[Ii]n\s+(\d{4})\b")),
    ("rel_year", re.compile(r"\b(last|this|next)\s+year\b", re.I)),
    ("rel_month", re.compile(r"\b(last|this|next)\s+month\b|\b(earlier|later)\s+this\s+month\b", re.I)),
    ("weekday", re.compile(r"\b(Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday|Mon\.|Tue\.|Wed\.|"
                           r"Thu\.|Fri\.|Sat\.|Sun\.)")),
    ("today", re.compile(r"\b(today|today's|tonight|earlier in the day|this morning)\b", re.I)),
    ("yesterday", re.compile(r"\b(yesterday)\b", re.I)),
    ("tomorrow", re.compile(r"\b(tomorrow)\b", re.I)),
    ("same_day", re.compile(r"\b(?:the\s+same\s+day|later\s+that\s+day)\b", re.I)),
]
_REL_YEAR = {"прошлом": -1, "прошлого": -1, "минувшем": -1, "этом": 0, "этого": 0, "текущем": 0, "текущего": 0,
             "следующем": 1, "следующего": 1, "last": -1, "this": 0, "next": 1, "earlier": 0, "later": 0}
# expressions after these words are not when the event happened ('since June', 'на 2020 год')
_BLOCK_BEFORE = re.compile(r"(?:\b(?:since|until|till|by|before|for|from|through)|(?<![\w])(?:с|до|на|к|по|от))\s*$",
                           re.I)


def find_date_exprs(text: str, start: int, end: int, lang: str) -> list[DateExpr]:
    """Date expressions in text[start:end] (character offsets are document offsets)."""
    chunk = text[start:end]
    found: list[DateExpr] = []
    taken: list[tuple[int, int]] = []
    for kind, rx in (_RU_PATTERNS if lang == "ru" else _EN_PATTERNS):
        for m in rx.finditer(chunk):
            a, b = m.start(), m.end()
            if any(a < y and x < b for x, y in taken):
                continue
            before = chunk[max(0, a - 12):a]
            if _BLOCK_BEFORE.search(before) and kind not in ("weekday", "today", "same_day"):
                continue
            e = _parse(kind, m, lang, start + a, start + b)
            if e is not None:
                found.append(e)
                taken.append((a, b))
    found.sort(key=lambda e: e.start)
    return found


# Years a report can speak of; others ('в 9999 году', '0001') are numbers, not dates.
YEARS = range(1900, 2101)


def _parse(kind: str, m: re.Match, lang: str, a: int, b: int) -> DateExpr | None:
    e = _parse_expr(kind, m, lang, a, b)
    if e is None or (e.year is not None and e.year not in YEARS):
        return None
    if e.month and e.day:  # '31 февраля', 'April 31': no such day (2000: a leap year, for 29 February)
        import calendar

        if not 1 <= e.month <= 12 or e.day > calendar.monthrange(e.year or 2000, e.month)[1]:
            return None
    return e


def _parse_expr(kind: str, m: re.Match, lang: str, a: int, b: int) -> DateExpr | None:
    g = m.groups()
    try:
        if kind == "dmy":
            month = _ru_month(g[1]) if lang == "ru" else _en_month(g[1])
            day = int(g[0])
            year = int(g[2]) if g[2] else None
            return DateExpr(a, b, "abs", year, month, day) if 1 <= day <= 31 else None
        if kind == "mdy":
            day = int(g[1])
            return DateExpr(a, b, "abs", int(g[2]) if g[2] else None, _en_month(g[0]), day) if 1 <= day <= 31 else None
        if kind == "numeric":
            day, month, year = int(g[0]), int(g[1]), int(g[2])
            return DateExpr(a, b, "abs", year, month, day) if 1 <= month <= 12 and 1 <= day <= 31 else None
        if kind == "in_month":
            month = _ru_month(g[0]) if lang == "ru" else _en_month(g[0])
            if m.group(0).lower().startswith("since"):
                return None
            if g[1]:
                return DateExpr(a, b, "abs", int(g[1]), month)
            if len(g) > 2 and g[2]:
                return DateExpr(a, b, "rel_year", month=month, year_delta=_REL_YEAR[g[2].lower()])
            return DateExpr(a, b, "abs", None, month, relative_month=True)
        if kind == "in_year":
            return DateExpr(a, b, "abs", int(g[0]))
        if kind == "rel_year":
            return DateExpr(a, b, "rel_year", year_delta=_REL_YEAR[g[0].lower()])
        if kind == "rel_month":
            return DateExpr(a, b, "rel_month", month_delta=_REL_YEAR[(g[0] or g[1]).lower()])
        if kind == "weekday":
            w = g[0].lower()
            wd = RU_WEEKDAYS.get(w) if lang == "ru" else EN_WEEKDAYS.get(w[:3])
            return DateExpr(a, b, "weekday", weekday=wd) if wd is not None else None
        return DateExpr(a, b, kind)
    except (ValueError, KeyError):
        return None


# ---- datelines ----
@dataclass
class Dateline:
    start: int
    end: int
    place: str | None
    month: int | None
    day: int | None
    year: int | None


_DL_PLACE = r"(?P<place>[A-ZА-ЯЁ][A-Za-zА-Яа-яЁё'\-]+(?:\s+[A-ZА-ЯЁ][A-Za-zА-Яа-яЁё'\-]+){0,2})"
_DL_RU = re.compile(r"^\s*" + _DL_PLACE + r"(?:,\s*[A-ZА-ЯЁ][\w\-]+)?[,.]\s+(?P<d>\d{1,2})\s+" + _RU_MONTH_RE +
                    r"(?:\s+(?P<y>\d{4})(?:\s*года)?)?[\s.,:;]*(?:[-–—]\s*[\w.\-]+\s*[-–—.]?|/[^/\n]{1,30}/\.?|"
                    r"\([^)\n]{1,30}\)\s*[-–—]+|[A-ZА-ЯЁ][\w.\-]+\s*[-–—]\s)?")
_DL_EN = re.compile(r"^\s*" + _DL_PLACE + r"(?:,\s*[A-Z][\w\-]+)?,\s+(?:(?P<m>" + _EN_MONTH_RE[1:-1] +
                    r")\s+(?P<d>\d{1,2})(?:st|nd|rd|th)?|(?P<d2>\d{1,2})(?:st|nd|rd|th)?\s+(?P<m2>" +
                    _EN_MONTH_RE[1:-1] + r"))(?:,?\s+(?P<y>\d{4}))?[\s.,:;]*(?:\([^)\n]{1,30}\)\s*[-–—]+|[-–—]+)?")
_DL_CAPS = re.compile(r"^\s*(?P<place>[A-ZА-ЯЁ][A-ZА-ЯЁ\-]{2,}(?:\s+[A-ZА-ЯЁ\-]{2,})?)"
                      r"(?:\s*,\s*[A-ZА-ЯЁ][A-ZА-ЯЁ\-]{2,}(?:\s+[A-ZА-ЯЁ\-]{2,})?\s*(?=[-–—]))?"  # ', CAMBODIA —'
                      r"\s*(?:[:,]|[-–—]+)\s")


def find_dateline(text: str, lang: str, max_paragraphs: int = 12) -> Dateline | None:
    """The dateline at the start of a paragraph near the top ('МОСКВА, 24 августа. /ТАСС/.',
    'BEIJING, Dec. 27 (Xinhua) --', 'RAWALPINDI:')."""
    pos = 0
    for n, para in enumerate(text.split("\n")):
        if n >= max_paragraphs * 2:
            break
        m = _DL_RU.match(para) if lang == "ru" else _DL_EN.match(para)
        if m and (len(para) > m.end() + 20 or not para[m.end():].strip()) and _dateline_place(m.group("place"), lang):
            if lang == "ru":
                month, day = _ru_month(m.group(3)), int(m.group("d"))
            else:
                mm = m.group("m") or m.group("m2")
                month, day = _en_month(mm), int(m.group("d") or m.group("d2"))
            y = m.group("y")
            return Dateline(pos + m.start("place"), pos + m.end(), m.group("place"), month, day,
                            int(y) if y and int(y) in YEARS else None)
        m = _DL_CAPS.match(para)
        if m and len(para) > 60:
            return Dateline(pos + m.start("place"), pos + m.end(), m.group("place"), None, None, None)
        pos += len(para) + 1
    return None


_EN_NOT_PLACES = {"earlier", "later", "meanwhile", "previously", "also", "however", "then", "since", "last", "next",
                  "on", "in", "at", "by", "from", "and", "but", "so", "as", "before", "after", "until", "today"}


def _dateline_place(place: str, lang: str) -> bool:
    """A dateline opens with a place or an agency ('МОСКВА', 'РИА Новости', 'Yonhap'), not with a
    sentence's first word ('Ранее, 12 декабря, ...', 'Earlier, March 3, ...')."""
    first = place.split()[0]
    if lang == "en":
        return first.lower() not in _EN_NOT_PLACES
    if first.isupper():
        return True
    from ..nlp.ru_morph import morph_vocab

    tag = morph_vocab().parse(first.lower())[0].tag
    return not ({"ADVB", "CONJ", "PRCL", "PREP", "NPRO", "PRED", "COMP"} & set(str(tag).replace(",", " ").split()))


def anchor_date(published: dt.date | None, dateline: Dateline | None) -> PDate | None:
    """The date the report speaks from: the dateline's day (its year from the publication date)
    or the publication date."""
    if published is not None and published.year not in YEARS:  # damage, not a date to count from
        published = None
    if dateline and dateline.month and dateline.day:
        year = dateline.year
        if year is None and published:
            year = published.year
            try:
                if dt.date(year, dateline.month, dateline.day) > published + dt.timedelta(days=2):
                    year -= 1  # a late-December dateline published in January
            except ValueError:
                pass
        return PDate(year, dateline.month, dateline.day)
    if published:
        return PDate(published.year, published.month, published.day)
    return None


def resolve(expr: DateExpr, anchor: PDate | None, planned: bool = False, same_day: PDate | None = None
            ) -> PDate | None:
    """The date an expression denotes, seen from the anchor."""
    ay = anchor.year if anchor else None
    if expr.kind == "abs":
        if expr.year is not None:
            return PDate(expr.year, expr.month, expr.day)
        if ay is None:
            return PDate(None, expr.month, expr.day)
        year = ay
        if anchor and anchor.month and expr.month:
            # a month after the anchor's month is last year's, unless the event is still to come
            if not planned and (expr.month, expr.day or 1) > (anchor.month, (anchor.day or 28) + 2):
                year -= 1
            elif planned and (expr.month, expr.day or 28) < (anchor.month, anchor.day or 1):
                year += 1
        return PDate(year, expr.month, expr.day)
    if expr.kind == "rel_year":
        if ay is None:
            return None
        return PDate(ay + (expr.year_delta or 0), expr.month, None)
    if expr.kind == "rel_month":
        if ay is None or not anchor.month:
            return None
        months = ay * 12 + anchor.month - 1 + (expr.month_delta or 0)
        return PDate(months // 12, months % 12 + 1, None)
    if expr.kind == "same_day":
        return same_day
    if anchor is None or not anchor.month or not anchor.day:
        return None
    if expr.kind == "weekday":
        if ay is None:
            return PDate(None, anchor.month, anchor.day, weekday_back=expr.weekday, weekday_forward=planned)
        return PDate(ay, anchor.month, anchor.day, weekday_back=expr.weekday, weekday_forward=planned).with_year(ay)
    shift = {"today": 0, "yesterday": -1, "tomorrow": 1}[expr.kind]
    if ay is None:
        return PDate(None, anchor.month, anchor.day) if shift == 0 else None
    d = dt.date(ay, anchor.month, anchor.day) + dt.timedelta(days=shift)
    return PDate(d.year, d.month, d.day)
