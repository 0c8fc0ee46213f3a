"""Datelines ('МОСКВА, 24 августа. /ТАСС/.', 'ВАШИНГТОН, 23 окт - РИА Новости',
'BEIJING, Dec. 27 (Xinhua) --', 'NEW DELHI, Oct 21 (PTI)', 'RAWALPINDI:') and the anchor a
report speaks from: the dateline's day, else the publication date."""
from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass

from .dates import YEARS, PDate
from .months import EN_MONTH_ALT, RU_MONTH_ALT, en_month, ru_month

_RU_MON = r"(?P<mon>" + RU_MONTH_ALT + r")(?![а-яё])"


@dataclass
class Dateline:
    start: int
    end: int
    place: str | None
    month: int | None
    day: int | None
    year: int | None


_DL_PLACE = r"(?P<place>[A-ZА-ЯЁ][A-Za-zА-Яа-яЁё'\-]+(?:\s+[A-ZА-ЯЁ][A-Za-zА-Яа-яЁё'\-]+){0,2})"
_DL_RU = re.compile(r"^\s*" + _DL_PLACE + r"(?:,\s*[A-ZА-ЯЁ][\w\-]+)?[,.]\s+(?P<d>\d{1,2})\s+" + _RU_MON +
                    r"(?:\s+(?P<y>\d{4})(?:\s*(?:года|г\.))?)?[\s.,:;]*(?:[-–—]\s*РИА\s+Новости\.?|"
                    r"[-–—]\s*[\w.\-]+\s*[-–—.]?|/[^/\n]{1,30}/\.?|"
                    r"\([^)\n]{1,30}\)\s*[-–—]*|[A-ZА-ЯЁ][\w.\-]+\s*[-–—]\s)?")
_DL_EN = re.compile(r"^\s*" + _DL_PLACE + r"(?:,\s*[A-Z][\w\-]+)?,\s+(?:(?P<m>" + EN_MONTH_ALT +
                    r")\s+(?P<d>\d{1,2})(?:st|nd|rd|th)?|(?P<d2>\d{1,2})(?:st|nd|rd|th)?\s+(?P<m2>" +
                    EN_MONTH_ALT + r"))(?![a-z])(?:,?\s+(?P<y>\d{4}))?[\s.,:;]*(?:\([^)\n]{1,30}\)\s*[-–—:]*|[-–—]+)?")
# the day first: '18 ноября, Минск /Корр. БЕЛТА/.', '5 марта 2021, Душанбе -'
_DL_RU_DAY_FIRST = re.compile(r"^\s*(?P<d>\d{1,2})\s+" + _RU_MON + r"(?:\s+(?P<y>\d{4})(?:\s*(?:года|г\.))?)?,\s*"
                              r"(?P<place>[А-ЯЁ][а-яё\-]+(?:\s+[А-ЯЁ][а-яё\-]+)?)\s*(?:/[^/\n]{1,40}/\.?|[-–—]\s)")
_DL_CAPS = re.compile(r"^\s*(?P<place>[A-ZА-ЯЁ][A-ZА-ЯЁ\-]{2,}(?:\s+[A-ZА-ЯЁ\-]{2,})?)"
                      r"(?:\s*,\s*[A-ZА-ЯЁ][A-ZА-ЯЁ\-]{2,}(?:\s+[A-ZА-ЯЁ\-]{2,})?\s*(?=[-–—]))?"  # ', CAMBODIA —'
                      r"\s*(?:[:,]|[-–—]+)\s")


def find_dateline(text: str, lang: str, max_paragraphs: int = 12) -> Dateline | None:
    """The dateline at the start of a paragraph near the top."""
    pos = 0
    for n, para in enumerate(text.split("\n")):
        if n >= max_paragraphs * 2:
            break
        m = _DL_RU.match(para) if lang == "ru" else _DL_EN.match(para)
        if m is None and lang == "ru":
            m = _DL_RU_DAY_FIRST.match(para)
        if m and (len(para) > m.end() + 20 or not para[m.end():].strip()) and _dateline_place(m.group("place"), lang):
            if lang == "ru":
                month, day = ru_month(m.group("mon")), int(m.group("d"))
            else:
                mm = m.group("m") or m.group("m2")
                month, day = en_month(mm), int(m.group("d") or m.group("d2"))
            y = m.group("y")
            if 1 <= day <= 31:
                return Dateline(pos + min(m.start("place"), m.start("d")), pos + m.end(), m.group("place"), month, day,
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


def anchor_date(published: dt.date | None, dateline: Dateline | None, published_basis: str | None = None
                ) -> PDate | None:
    """The date the report speaks from: the dateline's day (its year from the dateline, else
    from the publication date) or the publication date. Its basis says which: `dateline`,
    `url` (a publication date read from the URL) or `published`."""
    pub_basis = "url" if published_basis == "url" else "published"
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
        return PDate(year, dateline.month, dateline.day, basis="dateline")
    if published:
        return PDate(published.year, published.month, published.day, basis=pub_basis)
    return None
