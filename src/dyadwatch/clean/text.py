"""Cleaning a text page as the scraper saved it: keep the article (title, lead, dateline,
every paragraph, bullet lists), drop the page chrome and sidebar headline lists.

How (structure first, vocabularies second; see `chrome.py` for single lines):
1. every line is classified: blank, chrome (counters, stamps, nav, log-in, credits...),
   sidebar header, bullet meta ("• 07.07 17:49", "• 7"), or text; "prose" marks a
   line that reads as a paragraph (long, ends like a sentence);
2. captions: the short lines right above an image credit in the same block;
3. sidebars: after a header ("Читайте также", "Related news", "Обсуждаемое"...) text
   lines go until a real paragraph comes back (above the body: until a blank line);
   the headline after bullet meta lines goes too;
4. the body runs from the first to the last prose line: everything in it that is not
   chrome stays (short lines, "...:" lines, "- item;" lists), except runs of three or
   more headline-like lines that no "...:" line introduces (an unlabelled link list);
5. above the body: the headline (first line of four words or more that is not a
   masthead, or one right under a section label) and whatever follows it (lead,
   dateline); mastheads, taglines and section labels above the headline go;
6. below the body: only lines that end like sentences (and list items continuing them).
The cleaned text joins the kept lines, stripped and otherwise unchanged, with blank
lines ("\\n\\n"): offsets into it are what evidence points to."""
from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass, field

from .chrome import LIST_MARKER, Line, classify, is_published_label, is_updated_label, sentence_count
from .dates import MONTH_RE, find_full_date
from .outlets import find_outlet, outlet_of_line, outlet_span

__all__ = ["CleanPage", "clean_page", "split_lines"]

_LINE_SPLIT = re.compile(r"\r\n|\r|\n")
_DATELINE = re.compile(
    r"^[A-ZА-ЯЁ][\w .'’-]{1,40}[,.]\s*(?:[\w .'’-]{1,40},\s*)?(?:" + MONTH_RE + r"\s+\d{1,2}|\d{1,2}\s+" + MONTH_RE
    + r")", re.I)
_SOURCE_LABEL = re.compile(r"(?:^|[|—–-]\s*)(?:источник|source)\s*:\s*([^|]{2,40}?)\s*(?:\||$)", re.I)
_SECTION_WORDS = frozenset("""
новости политика армия общество экономика мир россия регион регионы разное лента спорт культура происшествия
наука технологии главная news politics world national india latest home english business opinion region
defence defense military security asia europe
""".split()) | frozenset({"в мире", "все новости", "армия и опк", "daily news", "top stories", "latest news"})
_CHROME_WITH_META = frozenset({"stamp", "nav", "byline", "counter"})


@dataclass
class CleanPage:
    text: str
    title: str | None = None
    published: dt.date | None = None
    source: str | None = None
    # where `published` was read: "chrome" (a stamp, a "Published" line, a dated dateline) or
    # "lead" (the first date of the first paragraph, a weaker guess)
    published_basis: str | None = None
    kept: list[int] = field(default_factory=list)  # indices of the kept lines (0-based)
    lines: list[Line] = field(default_factory=list)


def split_lines(text: str) -> list[str]:
    return _LINE_SPLIT.split(text)


def _is_label(ln: Line) -> bool:
    """A short line that is neither a sentence nor a "RAWALPINDI:" dateline: "Армия", "The Hindu"."""
    return ln.words <= 3 and not ln.terminal and not ln.soft and not any(c.isdigit() for c in ln.text)


def _is_outlet_line(s: str) -> bool:
    """A whole line that is an outlet's name: "The Hindu", "МЕДИАГРУППА «ЗВЕЗДА»", "NHK WORLD-JAPAN News"."""
    if len(s.split()) > 6:
        return False
    span = outlet_span(s)
    if span is None:
        return False
    _, start, end = span
    return len((s[:start] + " " + s[end:]).split()) <= 2


def _block_next(lines: list[Line], i: int) -> Line | None:
    j = i + 1
    if j < len(lines) and lines[j].tag != "blank":
        return lines[j]
    return None


def _starts_block(lines: list[Line], i: int) -> bool:
    """First text line of its block (chrome lines above it, such as "Sign in", do not count)."""
    j = i - 1
    while j >= 0 and lines[j].tag not in ("blank", None, "caption", "list"):
        j -= 1
    return j < 0 or lines[j].tag == "blank"


def _is_masthead(lines: list[Line], i: int) -> bool:
    ln = lines[i]
    if _is_outlet_line(ln.text):
        return True
    if ln.words > 6 or ln.terminal or not _starts_block(lines, i):
        return False
    nxt = _block_next(lines, i)
    if nxt is None:
        return False
    if nxt.tag is None and _is_label(nxt):
        return True
    return nxt.tag == "nav" and not any(c.isdigit() for c in nxt.text)


def _pick_title(lines: list[Line], head: list[int]) -> int | None:
    """The headline: the first line of four words or more that is not a masthead, a dateline
    or a "...:" line; but a candidate right under a section label ("World", "Политика") wins
    over earlier ones (site taglines above the section label)."""
    candidates = [i for i in head if lines[i].words >= 4 and not lines[i].soft
                  and not lines[i].text.rstrip().endswith(".")  # a sentence is body: headlines have no full stop
                  and not _DATELINE.match(lines[i].text) and not _is_masthead(lines, i)]
    for i in candidates[1:]:
        above = lines[i - 1]
        if above.tag is None and _is_label(above):
            return i
    if candidates:
        return candidates[0]
    for i in reversed(head):
        ln = lines[i]
        if ln.words >= 2 and not ln.terminal and not ln.soft and not _is_outlet_line(ln.text) \
                and not _DATELINE.match(ln.text) and ln.text.lower() not in _SECTION_WORDS:
            return i
    return None


def _exit_sidebar(ln: Line, prev_blank: bool) -> bool:
    """A line that ends a sidebar list: a real paragraph, not a (long) headline."""
    return ln.prose and len(ln.text) >= 80 and (len(ln.text) >= 140 or prev_blank or sentence_count(ln.text) >= 2)


def _headline_like(ln: Line) -> bool:
    return (not ln.prose and not ln.terminal and not ln.soft and ln.words <= 20
            and not LIST_MARKER.match(ln.text))


def clean_page(text: str) -> CleanPage:
    lines = [classify(r) for r in split_lines(text)]
    n = len(lines)

    # Captions: short lines just above an image credit, in the same block.
    for i, ln in enumerate(lines):
        if ln.tag != "credit":
            continue
        j, taken = i - 1, 0
        while j >= 0 and taken < 3:
            above = lines[j]
            if above.tag == "blank" or above.prose or above.soft or len(above.text) > 150:
                break
            if above.tag is None:
                above.tag = "caption"
                taken += 1
            j -= 1

    first0 = next((i for i, ln in enumerate(lines) if ln.tag is None and ln.prose), None)

    # Sidebars and bullet-meta headline lists.
    in_sidebar = after_meta = False
    prev_blank = True
    for i, ln in enumerate(lines):
        if ln.tag == "blank":
            if in_sidebar and (first0 is None or i < first0):
                in_sidebar = False
            prev_blank = True
            continue
        if ln.tag == "sidebar":
            in_sidebar, after_meta = True, False
        elif ln.tag == "meta":
            after_meta = True
        elif ln.tag is None:
            if after_meta and not _exit_sidebar(ln, prev_blank):
                ln.tag = "list"
            elif in_sidebar:
                if _exit_sidebar(ln, prev_blank) and (first0 is None or i >= first0):
                    in_sidebar = False
                else:
                    ln.tag = "list"
            after_meta = False
        prev_blank = False

    text_idx = [i for i, ln in enumerate(lines) if ln.tag is None]
    prose_idx = [i for i in text_idx if lines[i].prose]
    first = prose_idx[0] if prose_idx else None
    last = prose_idx[-1] if prose_idx else None
    head_end = first if first is not None else n
    head = [i for i in text_idx if i < head_end]

    keep = [False] * n
    title_i = _pick_title(lines, head)
    if title_i is not None:
        for i in head:
            keep[i] = i >= title_i
    else:
        for i in head:
            keep[i] = not _is_label(lines[i])

    if first is not None and last is not None:
        body = [i for i in text_idx if first <= i <= last]
        for i in body:
            keep[i] = True
        # Unlabelled runs of headline-like lines inside the body: a link list.
        run: list[int] = []
        prev: Line | None = None
        for i in body + [n]:
            cur = lines[i] if i < n else None
            if cur is not None and _headline_like(cur):
                run.append(i)
                continue
            if len(run) >= 3 and not (prev is not None and prev.soft):
                for j in run:
                    keep[j] = False
            run = []
            prev = cur
        # Below the body: sentences only (and list items that continue a "...:" line).
        prev_kept = lines[last]
        prev_was_item = False
        for i in text_idx:
            if i <= last:
                continue
            ln = lines[i]
            item = bool(LIST_MARKER.match(ln.text))
            if (ln.terminal and ln.words >= 3) or (ln.soft and ln.words >= 2) \
                    or (item and (prev_kept.soft or prev_was_item)):
                keep[i] = True
                prev_kept, prev_was_item = ln, item

    kept: list[int] = []
    for i in range(n):
        if keep[i] and not (kept and lines[kept[-1]].text == lines[i].text):
            kept.append(i)
    out = "\n\n".join(lines[i].text for i in kept)
    title = lines[title_i].text if title_i is not None and keep[title_i] else None
    published, published_basis = _published(lines, head, first, title_i)
    return CleanPage(out, title, published, _source(lines, head, first, title_i), published_basis, kept, lines)


def _published(lines: list[Line], head: list[int], first: int | None, title_i: int | None
               ) -> tuple[dt.date | None, str | None]:
    """The publication date the page shows: a "Published" line, a date/time stamp above
    the body, an "Updated" line, or a dateline that carries a year."""
    for ln in lines:
        if ln.tag not in ("list", "meta", "blank", "credit") and len(ln.text) <= 200 \
                and is_published_label(ln.text):
            d = find_full_date(ln.text)
            if d:
                return d, "chrome"
    head_end = first if first is not None else len(lines)
    updated = None
    for i in range(head_end):
        ln = lines[i]
        if ln.tag in _CHROME_WITH_META:
            d = find_full_date(ln.text)
            if d and not is_updated_label(ln.text):
                return d, "chrome"
            if d and updated is None:
                updated = d
    if updated:
        return updated, "chrome"
    for i in head:
        if title_i is not None and i > title_i and _DATELINE.match(lines[i].text):
            d = find_full_date(lines[i].text)
            if d:
                return d, "chrome"
    if first is not None:
        d = find_full_date(lines[first].text[:100])
        return d, ("lead" if d else None)
    return None, None


def _source(lines: list[Line], head: list[int], first: int | None, title_i: int | None) -> str | None:
    head_end = first if first is not None else len(lines)
    # 1. the dateline and bylines: "/ТАСС/", "(Xinhua)", "INTERFAX.RU -", "– Trend:", "AFP | Published"
    area = [lines[i].text for i in range(head_end)
            if (lines[i].tag in _CHROME_WITH_META)
            or (lines[i].tag is None and title_i is not None and i > title_i)]
    if first is not None:
        area.append(lines[first].text[:100])
    for s in area:
        name = find_outlet(s)
        if name:
            return name
    # 2. rights lines: "Права на данный материал принадлежат ТАСС", "© 2019 Mehr News Agency."
    for ln in lines:
        if ln.tag == "copyright":
            name = find_outlet(ln.text)
            if name:
                return name
    # 3. a masthead above the headline
    pre = [i for i in head if title_i is None or i < title_i]
    for i in pre:
        if _is_outlet_line(lines[i].text):
            return outlet_of_line(lines[i].text)
    # 4. "Источник: 21.by", "Source: ..."
    for ln in lines:
        if ln.tag in ("nav", "byline", "related", "stamp"):
            m = _SOURCE_LABEL.search(ln.text)
            if m:
                named = m.group(1).strip()
                return outlet_of_line(named) or named
    # 5. an unknown masthead: the first label line of a block of labels/navigation
    if pre:
        i = pre[0]
        ln = lines[i]
        nxt = _block_next(lines, i)
        if _is_label(ln) and _starts_block(lines, i) and ln.text.lower() not in _SECTION_WORDS and nxt is not None \
                and (nxt.tag == "nav" or (nxt.tag is None and _is_label(nxt))):
            return ln.text
    return None
