"""Full calendar dates (with a year) in page chrome and datelines, Russian and English.

Regexes over month names rather than dateparser: this runs on a handful of candidate
lines per page, millions of times, and only needs dates that carry a year
("8 ноября 2018, 15:22", "24.10.2018 13:16", "Last Updated: 6th December, 2021",
"(Xinhua) 08:33, December 28, 2021", "Published - September 04, 2020", "2021.07.29")."""
from __future__ import annotations

import datetime as dt
import re

__all__ = ["find_full_date", "MONTH_RE", "WEEKDAY_RE"]

# Month names and abbreviations, any case/inflection ("августа", "Aug.", "Sept").
MONTH_RE = (
    r"(?:январ[ьяею]|янв|феврал[ьяею]|февр?|март[ае]?|мар|апрел[ьяею]|апр|ма[йяею]|июн[ьяею]|июн|июл[ьяею]|июл"
    r"|август[ае]?|авг|сентябр[ьяею]|сент?|октябр[ьяею]|окт|ноябр[ьяею]|нояб?|декабр[ьяею]|дек"
    r"|january|jan|february|feb|march|mar|april|apr|may|june|jun|july|jul|august|aug"
    r"|september|sept|sep|october|oct|november|nov|december|dec)\.?"
)
WEEKDAY_RE = (
    r"(?:monday|tuesday|wednesday|thursday|friday|saturday|sunday|mon|tue|tues|wed|thu|thur|thurs|fri|sat|sun"
    r"|понедельник|вторник|сред[аую]|четверг|пятниц[аую]|суббот[аую]|воскресенье|пн|вт|ср|чт|пт|сб|вс)\.?"
)
_MONTH_NUM = {
    "янв": 1, "фев": 2, "мар": 3, "апр": 4, "май": 5, "мая": 5, "мае": 5, "маю": 5, "июн": 6, "июл": 7,
    "авг": 8, "сен": 9, "окт": 10, "ноя": 11, "дек": 12,
    "jan": 1, "feb": 2, "mar": 3, "apr": 4, "may": 5, "jun": 6, "jul": 7, "aug": 8, "sep": 9, "oct": 10,
    "nov": 11, "dec": 12,
}

_B = r"(?<![\w.])"  # not glued to a preceding word or number
_E = r"(?![\w])"
_PATTERNS: tuple[tuple[re.Pattern[str], str], ...] = tuple(
    (re.compile(p, re.I), order) for p, order in (
        (_B + r"(\d{4})-(\d{1,2})-(\d{1,2})" + _E, "ymd"),
        (_B + r"(\d{4})[./](\d{1,2})[./](\d{1,2})" + _E, "ymd"),
        (_B + r"(\d{1,2})\.(\d{1,2})\.(\d{4})" + _E, "dmy"),
        (r"(?:" + _B + r"|(?<=\d:\d\d))(\d{1,2})/(\d{1,2})/(\d{4})" + _E, "slash"),  # '13:329/07/2025': a time glued on
        (_B + r"(\d{1,2})(?:st|nd|rd|th)?(?:\s+of)?\s+(" + MONTH_RE + r")[\s,]+(\d{4})" + _E, "dMy"),
        (_B + r"(" + MONTH_RE + r")\s+(\d{1,2})(?:st|nd|rd|th)?,?\s+(\d{4})" + _E, "Mdy"),
    )
)


_LINKS = re.compile(r"\]\([^)\s]*\)|\bhttps?://\S+|(?<![\w])/\S*/\S*")


def _month(name: str) -> int | None:
    return _MONTH_NUM.get(name.lower().rstrip(".")[:3])


def _valid(y: int, m: int, d: int) -> dt.date | None:
    if not 1990 <= y <= dt.date.today().year + 1:
        return None
    try:
        return dt.date(y, m, d)
    except ValueError:
        return None


_WEEKDAY_NUM = {"mon": 0, "tue": 1, "wed": 2, "thu": 3, "fri": 4, "sat": 5, "sun": 6, "пон": 0, "пн": 0, "вто": 1,
                "вт": 1, "сре": 2, "ср": 2, "чет": 3, "чт": 3, "пят": 4, "пт": 4, "суб": 5, "сб": 5, "вос": 6, "вс": 6}
_WEEKDAY = re.compile(r"(?<![\w])" + WEEKDAY_RE + r"(?![\w])", re.I)


def _by_weekday(s: str, readings: list[dt.date | None]) -> dt.date | None:
    """Of two readings of '9/07/2025', the one on the weekday the line prints ('Wednesday')."""
    named = {_WEEKDAY_NUM.get(m.group(0).lower().rstrip(".")[:3]) or _WEEKDAY_NUM.get(m.group(0).lower()[:2])
             for m in _WEEKDAY.finditer(s)}
    fits = [d for d in readings if d is not None and d.weekday() in named]
    return fits[0] if len(fits) == 1 else None


def find_full_date(s: str) -> dt.date | None:
    """The first date in `s` that has a day, a month and a year; None when there is none.
    Dates inside links and image addresses ('](/images/2014/09/11/x.jpg?2021-02-17+09:23')
    are when a file was stored, not when the page was published."""
    s = _LINKS.sub(" ", s)
    best: tuple[int, dt.date] | None = None
    for pat, order in _PATTERNS:
        for m in pat.finditer(s):
            if best is not None and m.start() >= best[0]:
                break
            g = m.groups()
            date = None
            if order == "ymd":
                date = _valid(int(g[0]), int(g[1]), int(g[2]))
            elif order == "dmy":
                date = _valid(int(g[2]), int(g[1]), int(g[0]))
            elif order == "slash":  # only when unambiguous, or a weekday printed beside it decides
                a, b, y = int(g[0]), int(g[1]), int(g[2])
                if a > 12 >= b:
                    date = _valid(y, b, a)
                elif b > 12 >= a:
                    date = _valid(y, a, b)
                else:
                    date = _by_weekday(s, [_valid(y, b, a), _valid(y, a, b)])
            elif order == "dMy":
                mon = _month(g[1])
                date = _valid(int(g[2]), mon, int(g[0])) if mon else None
            else:
                mon = _month(g[0])
                date = _valid(int(g[2]), mon, int(g[1])) if mon else None
            if date is not None:
                best = (m.start(), date)
                break
    return best[1] if best else None


# ---- dates in URLs: '/2022/10/23/', '/2022-10-23-', '_20221023', '?date=2022-10-23', '/2022/10/'
_URL_YMD = (
    re.compile(r"(?<![\d])((?:19|20)\d{2})[/_-](\d{1,2})[/_-](\d{1,2})(?![\d])"),
    re.compile(r"[?&](?:date|d|dt|day|published|pubdate)=((?:19|20)\d{2})-?(\d{2})-?(\d{2})(?![\d])", re.I),
    re.compile(r"(?<![\d])((?:19|20)\d{2})(\d{2})(\d{2})(?![\d])"),
    re.compile(r"(?<![\d])(\d{1,2})[._-](\d{1,2})[._-]((?:19|20)\d{2})(?![\d])"),  # '/23-10-2022/'
)
_URL_YM = re.compile(r"/((?:19|20)\d{2})/(\d{1,2})(?:/|$)")
# '/2019/...', or the year closing a slug: '...-na-2022-god-470200-2021'
_URL_Y = re.compile(r"/((?:19|20)\d{2})/|[-_]((?:19|20)\d{2})(?:\.s?html?|/)?(?:[?#]|$)")


def date_parts_from_url(url: str | None) -> tuple[int | None, int | None, int | None]:
    """(year, month, day) a URL's path or query gives, as far as it gives them; a number that is
    not a possible date (an article id, a future day) gives nothing."""
    if not url:
        return None, None, None
    path = re.sub(r"^[a-z]+://[^/]+", "", url.strip(), flags=re.I)
    for n, pat in enumerate(_URL_YMD):
        for m in pat.finditer(path):
            g = [int(x) for x in m.groups()]
            y, mo, d = (g[2], g[1], g[0]) if n == 3 else (g[0], g[1], g[2])
            if _valid(y, mo, d) and dt.date(y, mo, d) <= dt.date.today():
                return y, mo, d
    ym = _URL_YM.search(path)
    if ym and 1 <= int(ym.group(2)) <= 12 and 1990 <= int(ym.group(1)) <= dt.date.today().year:
        return int(ym.group(1)), int(ym.group(2)), None
    yo = _URL_Y.search(path)
    if yo and 1990 <= int(yo.group(1) or yo.group(2)) <= dt.date.today().year:
        return int(yo.group(1) or yo.group(2)), None, None
    return None, None, None


def date_from_url(url: str | None) -> dt.date | None:
    """The publication day a URL gives ('/2022/10/23/', '20221023', '?date=2022-10-23'), or None."""
    y, m, d = date_parts_from_url(url)
    return dt.date(y, m, d) if y and m and d else None
