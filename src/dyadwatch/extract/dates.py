"""Date expressions in a sentence (every written form, Russian and English) and their
resolution against the report's anchor (dateline or publication date). Datelines are in
`datelines.py`, the choice of a sentence's date and the inference of a missing year in
`dating.py`."""
from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass

from .months import EN_MONTH_RE, EN_WEEKDAYS, RU_MONTH_RE, RU_WEEKDAYS, en_month, month_of


@dataclass
class PDate:
    """A possibly partial date. `year` None: to be inferred. `weekday_back`: the day is the last
    such weekday on or before (year, month, day), to be applied once the year is known.
    `weekday`: the weekday printed beside the day ('В субботу, 12 февраля'), which the year
    must agree with. `basis`: how the date was fixed (the record's `date_basis`)."""

    year: int | None
    month: int | None = None
    day: int | None = None
    weekday_back: int | None = None
    weekday_forward: bool = False
    weekday: int | None = None
    basis: str | None = None

    @property
    def precision(self) -> str:
        return "day" if self.day else "month" if self.month else "year"

    def with_year(self, year: int, basis: str | None = None) -> "PDate":
        d = PDate(year, self.month, self.day, weekday=self.weekday, basis=basis or self.basis)
        if self.weekday_back is not None and self.day:
            try:
                base = dt.date(year, self.month, self.day)
            except ValueError:
                return d
            if self.weekday_forward:
                day = base + dt.timedelta(days=(self.weekday_back - base.weekday()) % 7)
            else:
                day = base - dt.timedelta(days=(base.weekday() - self.weekday_back) % 7)
            d = PDate(day.year, day.month, day.day, basis=d.basis)
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
    # abs | weekday | today | yesterday | tomorrow | same_day | rel_year | rel_month | rel_week | rel_day
    kind: str
    year: int | None = None
    month: int | None = None
    day: int | None = None
    weekday: int | None = None  # kind weekday: the weekday; kind abs: the weekday printed beside the day
    year_delta: int | None = None  # 'last year' -> -1
    month_delta: int | None = None  # 'last month' -> -1; rel_week: weeks; rel_day: days
    relative_month: bool = False


_RU_YEAR = r"(?:\s+(\d{4})(?:\s*(?:года|г\.))?)?"
# 'девятнадцатого мая', 'двадцать первого июня': a day as an ordinal word
_RU_ORD_UNITS = ["перв", "втор", "трет", "четверт", "пят", "шест", "седьм", "восьм", "девят"]
_RU_ORD_TEENS = ["десят", "одиннадцат", "двенадцат", "тринадцат", "четырнадцат", "пятнадцат", "шестнадцат",
                 "семнадцат", "восемнадцат", "девятнадцат"]
RU_ORDINAL_DAYS = {w: i + 1 for i, w in enumerate(_RU_ORD_UNITS)} | {w: i + 10 for i, w in enumerate(_RU_ORD_TEENS)} \
    | {"двадцат": 20, "тридцат": 30}
_RU_ORD = r"((?:двадцать\s+|тридцать\s+)?(?:" + "|".join(sorted(RU_ORDINAL_DAYS, key=len, reverse=True)) + \
    r")(?:ьего|его|ого))"
_RU_PATTERNS = [
    # '12–14 марта', 'с 12 по 14 марта 2022 года': the first day
    ("range", re.compile(r"(?<![\d.])(?:с\s+)?(\d{1,2})\s*(?:[-–—]|по)\s*\d{1,2}\s+" + RU_MONTH_RE + _RU_YEAR, re.I)),
    ("dmy", re.compile(r"(?<![\d.])(\d{1,2})\s+" + RU_MONTH_RE + _RU_YEAR, re.I)),
    ("dmy", re.compile(r"\b" + _RU_ORD + r"\s+" + RU_MONTH_RE + _RU_YEAR, re.I)),
    ("ymd", re.compile(r"(?<![\d.\-/])(\d{4})([-.])(\d{1,2})\2(\d{1,2})(?![\d])")),
    ("numeric", re.compile(r"(?<![\d.])(\d{1,2})\.(\d{1,2})\.(\d{4})(?![\d]|\.\d)")),
    ("slash", re.compile(r"(?<![\d/])(\d{1,2})/(\d{1,2})/(\d{4})(?![\d/])")),
    ("in_month", re.compile(r"\bв\s+" + RU_MONTH_RE + r"(?:\s+(\d{4})\s*(?:года|г\.)|\s+(прошлого|этого|текущего|"
                            r"следующего)\s+года)?", re.I)),
    ("in_year", re.compile(r"\bв\s+(\d{4})\s+году", re.I)),
    ("rel_year", re.compile(r"\bв\s+(прошлом|минувшем|этом|текущем|следующем)\s+году", re.I)),
    ("rel_month", re.compile(r"\bв\s+(прошлом|минувшем|этом|текущем|следующем)\s+месяце", re.I)),
    ("rel_week", re.compile(r"\bна\s+(прошлой|минувшей|этой|текущей|следующей)\s+неделе", re.I)),
    ("weekday", re.compile(r"\bв?о?\s*(понедельник|вторник|среду|четверг|пятницу|субботу|воскресенье)\b", re.I)),
    ("today", re.compile(r"\b(сегодня|сегодняшн\w*)\b", re.I)),
    ("rel_day", re.compile(r"\b(позавчера)\b", re.I)),
    ("yesterday", re.compile(r"\b(вчера|накануне)\b", re.I)),
    ("tomorrow", re.compile(r"\b(завтра)\b", re.I)),
    ("same_day", re.compile(r"\bв\s+тот\s+же\s+день\b", re.I)),
]
_EN_DAY = r"(\d{1,2})(?:st|nd|rd|th)?"
_EN_PATTERNS = [
    # 'March 12-14', '12-14 March 2024': the first day
    ("range_mdy", re.compile(r"\b" + EN_MONTH_RE + r"\s+" + _EN_DAY + r"\s*(?:[-–—]|to)\s*\d{1,2}(?:st|nd|rd|th)?\b"
                             r"(?:,?\s+(\d{4})\b)?")),
    ("mdy", re.compile(r"\b" + EN_MONTH_RE + r"\s+" + _EN_DAY + r"\b(?:,?\s+(\d{4})\b)?")),
    ("range", re.compile(r"\b" + _EN_DAY + r"\s*[-–—]\s*\d{1,2}(?:st|nd|rd|th)?\s+(?:of\s+)?" + EN_MONTH_RE +
                         r"(?:,?\s+(\d{4})\b)?")),
    ("dmy", re.compile(r"\b" + _EN_DAY + r"\s+(?:of\s+)?" + EN_MONTH_RE + r"(?:,?\s+(\d{4})\b)?")),
    ("ymd", re.compile(r"(?<![\d.\-/])(\d{4})([-.])(\d{1,2})\2(\d{1,2})(?![\d])")),
    ("slash", re.compile(r"(?<![\d/])(\d{1,2})/(\d{1,2})/(\d{4})(?![\d/])")),
    ("in_month", re.compile(r"\b(?:[Ii]n|[Ss]ince|[Ee]arly|[Ll]ate|[Mm]id-?)\s+" + EN_MONTH_RE +
                            r"(?:\s+(\d{4})\b|\s+(last|this|next)\s+year)?(?!\s+\d{1,2}\b)")),
    ("in_year", re.compile(r"\b[Ii]n\s+(\d{4})\b")),
    ("rel_year", re.compile(r"\b(last|this|next)\s+year\b", re.I)),
    ("rel_month", re.compile(r"\b(last|this|next)\s+month\b|\b(earlier|later)\s+this\s+month\b", re.I)),
    ("rel_week", re.compile(r"\b(last|this|next)\s+week\b|\b(earlier|later)\s+this\s+week\b", re.I)),
    ("weekday", re.compile(r"\b(Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday|Mon\.|Tue\.|Wed\.|"
                           r"Thu\.|Fri\.|Sat\.|Sun\.)")),
    ("today", re.compile(r"\b(today|today's|tonight|earlier in the day|this morning)\b", re.I)),
    ("rel_day", re.compile(r"\b(the\s+day\s+before\s+yesterday)\b", re.I)),
    ("yesterday", re.compile(r"\b(yesterday|the\s+day\s+before|the\s+previous\s+day|a\s+day\s+earlier)\b", re.I)),
    ("tomorrow", re.compile(r"\b(tomorrow)\b", re.I)),
    ("same_day", re.compile(r"\b(?:the\s+same\s+day|later\s+that\s+day)\b", re.I)),
]
_REL = {"прошлом": -1, "прошлого": -1, "минувшем": -1, "этом": 0, "этого": 0, "текущем": 0, "текущего": 0,
        "следующем": 1, "следующего": 1, "прошлой": -1, "минувшей": -1, "этой": 0, "текущей": 0, "следующей": 1,
        "last": -1, "this": 0, "next": 1, "earlier": 0, "later": 0}
# expressions after these words are not when the event happened ('since June', 'на 2020 год',
# 'for 2016', 'over 2016', 'за 2016 год', 'в течение 2016 года')
_BLOCK_BEFORE = re.compile(r"(?:\b(?:since|until|till|by|before|for|from|through|throughout|during|over)|"
                           r"(?<![\w])(?:с|до|на|к|по|от|за|течение))\s*$", re.I)
# a weekday printed right before the day ('В субботу, 12 февраля', 'on Saturday, Feb. 12',
# 'Saturday (February 12)'): one expression, whose weekday the year must agree with
_WEEKDAY_GLUE = re.compile(r"^[\s,(]{0,3}$")


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
            if _in_link(chunk, a, b):
                continue
            before = chunk[max(0, a - 12):a]
            if _BLOCK_BEFORE.search(before) and kind not in ("weekday", "today", "same_day", "range", "range_mdy"):
                continue
            e = _parse(kind, m, lang, start + a, start + b)
            if e is not None:
                found.append(e)
                taken.append((a, b))
    found.sort(key=lambda e: e.start)
    out: list[DateExpr] = []
    for e in found:
        prev = out[-1] if out else None
        if prev is not None and prev.kind == "weekday" and e.kind == "abs" and e.day and \
                _WEEKDAY_GLUE.match(text[prev.end:e.start]):
            e.weekday, e.start = prev.weekday, prev.start
            out[-1] = e
            continue
        out.append(e)
    return out


_LINK_BITS = re.compile(r"[/?=_&%]|\.(?:jpe?g|png|gif|s?html?|php)\b|https?:|www\.", re.I)


def _in_link(chunk: str, a: int, b: int) -> bool:
    """The match is part of an address ('](/images/2014/09/11/x.jpg?2021-02-17+09:23)'), not
    a date the text gives."""
    lo = max(chunk.rfind(" ", 0, a), chunk.rfind("\n", 0, a)) + 1
    hi = min([i for i in (chunk.find(" ", b), chunk.find("\n", b)) if i >= 0] or [len(chunk)])
    return bool(_LINK_BITS.search(chunk[lo:a] + " " + chunk[b:hi]))


def _day(word: str) -> int:
    if word.isdigit():
        return int(word)
    parts = word.lower().split()
    tens = {"двадцать": 20, "тридцать": 30}.get(parts[0], 0) if len(parts) > 1 else 0
    stem = re.sub(r"(?:ьего|его|ого)$", "", parts[-1])
    return tens + RU_ORDINAL_DAYS[stem]


def _valid(y: int | None, m: int, d: int | None) -> bool:
    if not 1 <= m <= 12 or (d is not None and not 1 <= d <= 31):
        return False
    if y is None:
        return True
    if not 1900 <= y <= dt.date.today().year + 10:
        return False
    try:
        dt.date(y, m, d or 1)
    except ValueError:
        return False
    return True


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
        if kind in ("dmy", "range"):
            month, day = month_of(g[1], lang), _day(g[0])
            year = int(g[2]) if g[2] else None
            return DateExpr(a, b, "abs", year, month, day) if _valid(year, month, day) else None
        if kind in ("mdy", "range_mdy"):
            month, day = en_month(g[0]), int(g[1])
            year = int(g[2]) if g[2] else None
            return DateExpr(a, b, "abs", year, month, day) if _valid(year, month, day) else None
        if kind == "ymd":
            year, month, day = int(g[0]), int(g[2]), int(g[3])
            return DateExpr(a, b, "abs", year, month, day) if _valid(year, month, day) else None
        if kind in ("numeric", "slash"):
            x, y, year = int(g[0]), int(g[1]), int(g[2])
            if kind == "slash" and lang == "en" and x <= 12 and y <= 12 and x != y:
                return None  # 04/05/2021: April 5 or 4 May, the text does not say
            day, month = (y, x) if kind == "slash" and lang == "en" and y > 12 else (x, y)
            return DateExpr(a, b, "abs", year, month, day) if _valid(year, month, day) else None
        if kind == "in_month":
            month = month_of(g[0], lang)
            if m.group(0).lower().startswith("since"):
                return None
            if g[1]:
                return DateExpr(a, b, "abs", int(g[1]), month) if _valid(int(g[1]), month, None) else None
            if len(g) > 2 and g[2]:
                return DateExpr(a, b, "rel_year", month=month, year_delta=_REL[g[2].lower()])
            return DateExpr(a, b, "abs", None, month, relative_month=True)
        if kind == "in_year":
            return DateExpr(a, b, "abs", int(g[0])) if _valid(int(g[0]), 1, None) else None
        if kind == "rel_year":
            return DateExpr(a, b, "rel_year", year_delta=_REL[g[0].lower()])
        if kind in ("rel_month", "rel_week"):
            return DateExpr(a, b, kind, month_delta=_REL[(g[0] or g[1]).lower()])
        if kind == "rel_day":
            return DateExpr(a, b, "rel_day", month_delta=-2)
        if kind == "weekday":
            w = g[0].lower()
            wd = RU_WEEKDAYS.get(w) if lang == "ru" else EN_WEEKDAYS.get(w[:3])
            return DateExpr(a, b, "weekday", weekday=wd) if wd is not None else None
        return DateExpr(a, b, kind)
    except (ValueError, KeyError):
        return None


def resolve(expr: DateExpr, anchor: PDate | None, planned: bool = False, same_day: PDate | None = None
            ) -> PDate | None:
    """The date an expression denotes, seen from the anchor, with its basis."""
    ay = anchor.year if anchor else None
    if expr.kind == "abs":
        if expr.year is not None:
            return PDate(expr.year, expr.month, expr.day, weekday=expr.weekday, basis="text")
        if ay is None:
            return PDate(None, expr.month, expr.day, weekday=expr.weekday)
        year = ay
        if anchor and anchor.month and expr.month:
            # a day after the anchor's is last year's (nothing reported happens after its report),
            # unless the event is still to come
            if not planned and (expr.month, expr.day or 1) > (anchor.month, anchor.day or 31):
                year -= 1
            elif planned and (expr.month, expr.day or 28) < (anchor.month, anchor.day or 1):
                year += 1
        return PDate(year, expr.month, expr.day, weekday=expr.weekday, basis=anchor.basis if anchor else None)
    if expr.kind == "rel_year":
        if ay is None:
            return None
        return PDate(ay + (expr.year_delta or 0), expr.month, None, basis="relative")
    if expr.kind == "rel_month":
        if ay is None or not anchor.month:
            return None
        months = ay * 12 + anchor.month - 1 + (expr.month_delta or 0)
        return PDate(months // 12, months % 12 + 1, None, basis="relative")
    if expr.kind == "same_day":
        return same_day
    if anchor is None or not anchor.month or not anchor.day:
        return None
    if expr.kind == "weekday":
        d = PDate(ay, anchor.month, anchor.day, weekday_back=expr.weekday, weekday_forward=planned, basis="relative")
        return d if ay is None else d.with_year(ay)
    if ay is None:
        return PDate(None, anchor.month, anchor.day, basis="relative") if expr.kind == "today" else None
    base = dt.date(ay, anchor.month, anchor.day)
    if expr.kind == "rel_week":
        if planned:
            return None  # 'to meet next week': a plan, its day unknown
        # 'на прошлой неделе': some day of that week; only its month is sure when the whole week lies in it
        monday = base - dt.timedelta(days=base.weekday()) + dt.timedelta(weeks=expr.month_delta or 0)
        sunday = monday + dt.timedelta(days=6)
        if expr.month_delta == 0:
            sunday = min(sunday, base)
        if (monday.year, monday.month) == (sunday.year, sunday.month):
            return PDate(monday.year, monday.month, None, basis="relative")
        return PDate(sunday.year, None, None, basis="relative") if monday.year == sunday.year else None
    shift = {"today": 0, "yesterday": -1, "tomorrow": 1, "rel_day": expr.month_delta or 0}[expr.kind]
    d = base + dt.timedelta(days=shift)
    return PDate(d.year, d.month, d.day, basis="relative")


from .datelines import Dateline, anchor_date, find_dateline  # noqa: E402  (they build on PDate)

__all__ = ["PDate", "DateExpr", "find_date_exprs", "resolve", "Dateline", "anchor_date", "find_dateline"]
