"""Which date a sentence gives its event, and the year of a date printed without one.

A sentence's date is its most precise expression that belongs to the event: not a period
reviewed ('итоги 2016 года', blocked in `dates.py`), not a plan in a sentence that reports
('agreed to hold the next meeting in 2026'), nothing after the anchor or after today.

A year the page does not print is a combination of evidence, each recorded as the date's
basis: the weekday printed beside the day ('В субботу, 12 февраля': `weekday`), the year of
the URL (`url`), the tenures of every participant (`tenure`), years printed elsewhere on the
page (`nearby`), and never after the anchor or today. Other reports of the same event come
last, at merge time (`merged`)."""
from __future__ import annotations

import calendar
import datetime as dt
import re
from dataclasses import dataclass, field

from ..kb import Person
from .dates import DateExpr, PDate, find_date_exprs, resolve
from .language import role_classes

FIRST_YEAR = 1991  # the knowledge base's officials start here

# expressions after these words are a plan in a sentence that reports something else
_NEXT = re.compile(r"(?:\b(?:next|upcoming|following|future)\b|(?<![\w])(?:следующ|очередн|будущ)\w*)[^.;]{0,40}$",
                   re.I)


@dataclass
class Evidence:
    """What a page offers for a year it does not print."""

    anchor: PDate | None = None
    url_year: int | None = None
    url_month: int | None = None
    mentioned_years: list[int] = field(default_factory=list)
    today: dt.date = field(default_factory=dt.date.today)
    full_dates: set[tuple[int, int, int]] = field(default_factory=set)  # every (y, m, d) the page prints
    url_day: int | None = None


def sentence_date(text: str, exprs: list[DateExpr], anchor: PDate | None, planned: bool,
                  same_day: PDate | None) -> PDate | None:
    """The date the sentence gives its event (None: it gives none)."""
    # the most precise expression wins ('this year: ... on March 3')
    rank = {"abs": 0, "weekday": 0, "today": 0, "yesterday": 0, "tomorrow": 0, "same_day": 0, "rel_day": 0,
            "rel_week": 1, "rel_year": 1}
    limit = _limit(anchor)
    for d in sorted(exprs, key=lambda d: (rank.get(d.kind, 0) + (d.day is None and d.kind == "abs"))):
        if not planned and _NEXT.search(text[max(0, d.start - 60):d.start]):
            continue  # 'agreed to hold the next meeting in 2026'
        r = resolve(d, anchor, planned=planned, same_day=same_day)
        if r is None:
            continue
        if not planned and r.year is not None and limit is not None and \
                (r.year, r.month or 1, r.day or 1) > (limit.year, limit.month, limit.day):
            continue  # after the report: a plan, not what it reports
        if planned and anchor and anchor.year and r.year and d.kind == "abs" and \
                d.year is None and PDate(anchor.year, d.month, d.day).midpoint() < anchor.midpoint():
            # 'In July, he said he hoped to visit': the date is the announcement's; the visit
            # is only known to be planned for this year
            return PDate(anchor.year, basis=anchor.basis)
        return r
    return None


def without_week_words(sent, exprs: list[DateExpr], keys: set[str]) -> set[str]:
    """The sentence's word keys without those of a 'last week' / 'на прошлой неделе' expression:
    that dates the report's own news, it does not mark an earlier, referred-to meeting."""
    spans = [(d.start, d.end) for d in exprs if d.kind in ("rel_week", "rel_day")]
    if not spans:
        return keys
    inside = {k for t in sent.tokens if any(a <= t.start < b for a, b in spans) for k in t.keys}
    outside = {k for t in sent.tokens if not any(a <= t.start < b for a, b in spans) for k in t.keys}
    return keys - (inside - outside)


def _limit(anchor: PDate | None) -> dt.date:
    """No reported event is after this day: the anchor, and never after today."""
    today = dt.date.today()
    if anchor is None or anchor.year is None:
        return today
    try:
        month = anchor.month or 12
        day = dt.date(anchor.year, month, anchor.day or calendar.monthrange(anchor.year, month)[1])
    except ValueError:
        return today
    return min(day, today)


def page_evidence(text: str, lang: str, anchor: PDate | None, url: str | None) -> Evidence:
    from ..clean.dates import date_parts_from_url

    y, m, d = date_parts_from_url(url)
    today = dt.date.today()
    years = set()
    for hit in _YEAR.finditer(text):  # dates, periods, names ('Армия-2019', 'ADEX 2014')
        year = int(hit.group(1))
        before = text[max(0, hit.start() - 60):hit.start()]
        if FIRST_YEAR <= year <= today.year and not _NEXT.search(before) and not _PLAN_BEFORE.search(before):
            years.add(year)
    full = {(e.year, e.month, e.day) for e in find_date_exprs(text, 0, len(text), lang)
            if e.kind == "abs" and e.year and e.month and e.day}
    return Evidence(anchor, y, m, sorted(years), today, full, d)


_YEAR = re.compile(r"(?<![\d.,/:])((?:19|20)\d{2})(?![\d.,:/]\d|\d)")
# 'план на 2022 год', 'until 2030', 'к 2025 году': a year still to come when it was written
_PLAN_BEFORE = re.compile(r"(?:\b(?:for|until|till|by|through)|(?<![\w])(?:на|до|к|по))\s*$", re.I)


def complete_anchor(anchor: PDate | None, ev: Evidence, dateline_year: bool = False) -> PDate | None:
    """A dateline's day without a year takes the year the page prints with that same day
    ('BEIJING, Sept. 18' under a caption of 'Sept. 18, 2012', whatever date a forum's chrome
    shows), else the URL's year ('/2022/10/...', '23 окт'); a page with neither dateline nor
    publication day speaks from the URL's month or year."""
    if anchor is not None and anchor.basis == "dateline" and not dateline_year and anchor.day:
        years = {y for y, m, d in ev.full_dates if (m, d) == (anchor.month, anchor.day)}
        if len(years) == 1:
            return PDate(years.pop(), anchor.month, anchor.day, weekday=anchor.weekday, basis="dateline")
    if anchor is None and ev.url_year:
        return PDate(ev.url_year, ev.url_month, ev.url_day, basis="url")  # '/2021/05/': the month at least
    if anchor is None or anchor.year is not None or not ev.url_year or not anchor.month:
        return anchor
    late = ev.url_month is not None and anchor.month > ev.url_month
    return anchor.with_year(ev.url_year - late, "url")


def report_anchor(text: str, lang: str) -> PDate | None:
    """A date in the sentence that says where the report comes from ('Об этом в воскресенье, 23
    октября, сообщается на сайте министерства', 'This was reported by the ministry on Sunday,
    October 23'): the report's own day, when the page gives no other."""
    cue = _REPORT_RU if lang == "ru" else _REPORT_EN
    for m in _SENTENCE.finditer(text):
        sent = m.group(0)
        if not cue.search(sent) or len(sent.split()) > 30:
            continue
        exprs = [e for e in find_date_exprs(text, m.start(), m.end(), lang) if e.kind == "abs" and e.day]
        if len(exprs) == 1:
            e = exprs[0]
            return PDate(e.year, e.month, e.day, weekday=e.weekday, basis="text" if e.year else None)
    return None


_SENTENCE = re.compile(r"[^.!?\n]+(?:[.!?]+|$)")
_REPORT_RU = re.compile(r"^\s*(?:Об\s+этом|Как\s+сообщ|Это\s+стало\s+известно)|\bсообщается\b|\bговорится\b", re.I)
_REPORT_EN = re.compile(r"^\s*(?:This|It)\s+was\s+(?:reported|announced)|\bthe\s+(?:ministry|statement)\s+"
                        r"(?:said|reported)\s+on\b", re.I)


def held_together(people: list[Person], roles: dict[str, str], day: dt.date) -> bool:
    return all(_held(p, roles.get(p.id), day) for p in people)


def _held(p: Person, role: str | None, day: dt.date) -> bool:
    if role is not None:
        offices = [o for o in p.offices if same_office(o.role, role)]
    else:  # a defence meeting: the defence offices of a defence official
        offices = [o for o in p.offices if o.role in role_classes().security and o.role not in
                   ("Secretary of the Security Council", "National Security Advisor")]
    return any(o.covers(day) for o in offices or p.offices)


_DEFENCE_MINISTER_ROLES = {"Minister of Defence", "Minister of National Defence", "Secretary of Defense",
                           "Minister of Defense", "Minister of Defence and Military Production"}


def same_office(kb_role: str, text_role: str) -> bool:
    """'Defense Minister' in the text is the KB's 'Minister of National Defence' for China."""
    if kb_role == text_role:
        return True
    return kb_role in _DEFENCE_MINISTER_ROLES and text_role in _DEFENCE_MINISTER_ROLES


def infer_year(date: PDate, people: list[Person], roles: dict[str, str], ev: Evidence,
               prefer: int | None = None) -> PDate | None:
    """`date` (month, maybe day, no year) with the year the evidence gives, or None when it
    gives none. `prefer`: the year already found for another event of the page."""
    today = ev.today
    years = [y for y in range(FIRST_YEAR, today.year + 1) if _possible(date, y, today)]
    used: list[str] = []  # the evidence that narrowed the years, strongest first

    def narrow(keep: list[int], why: str) -> None:
        nonlocal years
        if keep and len(keep) < len(years):
            years = keep
            used.append(why)

    if date.weekday is not None and date.day:
        narrow([y for y in years if _weekday(y, date.month, date.day) == date.weekday], "weekday")
    a = ev.anchor
    if a is not None and a.year is None and a.weekday is not None and a.month and a.day:
        # the report's day is printed with its weekday ('в воскресенье, 23 октября'); an event
        # after that day in the calendar is of the year before
        back = (date.month or 1, date.day or 1) > (a.month, a.day)
        fits = {y - back for y in range(FIRST_YEAR, today.year + 1) if _weekday(y, a.month, a.day) == a.weekday}
        narrow([y for y in years if y in fits], "weekday")
    if ev.url_year:
        late = ev.url_month is not None and date.month is not None and date.month > ev.url_month
        narrow([y for y in years if y == ev.url_year - (1 if late else 0)], "url")
    if people:
        narrow([y for y in years if _held_in(date, y, people, roles)], "tenure")
    if len(years) > 1 and ev.mentioned_years:
        # years the page prints for other things are what came before: the event is at or
        # after the latest of them, and most likely soon after
        after = [y for y in years if y >= max(ev.mentioned_years)]
        if after:
            years = [after[0]]
            used.append("nearby")
    if not used:
        return None  # nothing but the calendar: the page fixes no year
    # the evidence that fixed it: a weekday or the URL when they took part, else the last step
    basis = next((b for b in ("weekday", "url") if b in used), used[-1])
    if date.weekday_back is not None and date.day and len(years) > 1:
        # 'во вторник' under a dateline of 28 January: the years in which that Tuesday is the
        # dateline's day (or the nearest before it) come first
        best = min(_gap(date, y) for y in years)
        years = [y for y in years if _gap(date, y) == best]
    if prefer in years:
        return date.with_year(prefer, basis)  # another event of the page fixed it
    if len(years) > 1:
        return None  # several years fit: not guessed (a dated report of the event may date it)
    return date.with_year(years[0], basis)


def _possible(date: PDate, year: int, today: dt.date) -> bool:
    if not date.month:
        return True
    if not date.day:
        return year < today.year or (date.month or 1) <= today.month
    d = date.with_year(year).as_date()
    return d is not None and d <= today


def _weekday(year: int, month: int, day: int) -> int | None:
    try:
        return dt.date(year, month, day).weekday()
    except ValueError:
        return None


def _gap(date: PDate, year: int) -> int:
    d = date.with_year(year).as_date()
    try:
        return (dt.date(year, date.month, date.day) - d).days if d else 99
    except ValueError:
        return 99


def _held_in(date: PDate, year: int, people: list[Person], roles: dict[str, str]) -> bool:
    if date.day:
        d = date.with_year(year).as_date()
        return d is not None and held_together(people, roles, d)
    if not date.month:  # some day of the year
        return any(held_together(people, roles, dt.date(year, m, 15)) for m in range(1, 13))
    lo, hi = dt.date(year, date.month, 1), dt.date(year, date.month, 28)
    return all(_held(p, roles.get(p.id), lo) or _held(p, roles.get(p.id), hi) for p in people)
