"""HTML pages: main text and metadata with trafilatura, the publication date with htmldate."""
from __future__ import annotations

import datetime as dt
import logging
from dataclasses import dataclass
from typing import Any

# trafilatura and htmldate log "empty HTML", "discarding data" and the like at WARNING;
# for a batch run over millions of pages those are noise, not problems of the run.
for _name in ("trafilatura", "htmldate", "courlan", "justext", "readability"):
    logging.getLogger(_name).setLevel(logging.ERROR)

# A news page has a few thousand elements. Above FAST_ABOVE trafilatura runs without its
# fallback extractors (they are what makes giant pages take tens of seconds); above
# REJECT_ABOVE the page is no article (a portal's endless menu, a dump) and is refused.
FAST_ABOVE = 50_000  # counted as "<" characters: about two per element
REJECT_ABOVE = 250_000
EXTENSIVE_DATE_BELOW = 1_000_000  # characters: htmldate's full-text date search only on ordinary pages


class NotAnArticle(ValueError):
    """The HTML is not a page trafilatura should spend time on; the message says why."""


@dataclass
class HtmlPage:
    text: str  # the main text, one paragraph per line (title first when trafilatura has one)
    title: str | None
    published: dt.date | None
    sitename: str | None
    url: str | None


def _date(value: str | None) -> dt.date | None:
    if not value:
        return None
    try:
        return dt.date.fromisoformat(value[:10])
    except ValueError:
        return None


def extract_html(html: str, url: str | None = None) -> HtmlPage | None:
    """None when trafilatura finds no main text; NotAnArticle for pages far too big to be one."""
    import htmldate
    import trafilatura

    elements = html.count("<")
    if elements > REJECT_ABOVE:
        raise NotAnArticle(f"HTML with {elements} tags: far too large to be an article page")
    fast = elements > FAST_ABOVE
    date_params = {"extensive_search": False, "original_date": True}
    doc: Any = None  # a trafilatura Document (its type also allows the as_dict form, not asked for)
    for recall in ((False,) if fast else (False, True)):
        doc = trafilatura.bare_extraction(html, url=url, with_metadata=True, include_comments=False,
                                          include_tables=True, favor_recall=recall, deduplicate=False, fast=fast,
                                          date_extraction_params=date_params)
        if doc is not None and (doc.text or "").strip():
            break
    if doc is None or not (doc.text or "").strip():
        return None
    published = _date(doc.date)  # htmldate, run by trafilatura on the page's metadata
    if published is None and len(html) < EXTENSIVE_DATE_BELOW:
        try:
            published = _date(htmldate.find_date(html, original_date=True, url=url, extensive_search=True))
        except Exception:  # htmldate must never take a page down with it
            published = None
    title = (doc.title or "").strip() or None
    text = doc.text
    if title and not text.lstrip().startswith(title):
        text = title + "\n\n" + text
    return HtmlPage(text=text, title=title, published=published,
                    sitename=(doc.sitename or "").strip() or None, url=url or doc.url)
