"""Cleaning: RawDocument -> Document (text without page chrome, language, title,
publication date, outlet). `prepare` never raises: a page it cannot handle comes back
rejected with a reason, and one it fails on (a bug) comes back `failed` with the exception."""
from __future__ import annotations

from ..faults import failure, inject
from ..ingest.raw import RawDocument
from ..model import Document
from .lang import detect_lang
from .outlets import outlet_of_line, outlet_of_url
from .text import CleanPage, clean_page

__all__ = ["prepare", "clean_page", "detect_lang", "CleanPage"]

MIN_BODY_WORDS = 5  # below this (besides the headline) a page has no article: a menu, a stub


def _rejected(doc: Document, reason: str) -> Document:
    doc.status, doc.reason, doc.text = "rejected", reason, ""
    return doc


def prepare(raw: RawDocument) -> Document:
    doc = Document(doc_id=raw.doc_id, path=raw.path, url=raw.url, content_hash=raw.content_hash,
                   published=raw.published, title=raw.title, published_basis="given" if raw.published else None)
    if raw.failure is not None:  # the reader failed on it (not a bad page: a bug, retried next run)
        doc.mark_failed(raw.failure)
        return doc
    if not raw.ok or raw.text is None:
        return _rejected(doc, raw.reason or "not read")
    try:
        inject("clean", raw.text)
        return _prepare(raw, doc)
    except Exception as exc:  # a bug must not stop a run over millions of pages: this page fails
        doc.mark_failed(failure("clean", exc))
        doc.text = ""
        return doc


def _prepare(raw: RawDocument, doc: Document) -> Document:
    sitename = None
    text = raw.text or ""
    if raw.fmt == "html":
        from .html import NotAnArticle, extract_html

        try:
            page_html = extract_html(text, raw.url)
        except NotAnArticle as exc:
            return _rejected(doc, str(exc))
        if page_html is None:
            return _rejected(doc, "no article text found in the HTML")
        text = page_html.text
        doc.title = doc.title or page_html.title
        if doc.published is None and page_html.published is not None:
            doc.published, doc.published_basis = page_html.published, "html"
        doc.url = doc.url or page_html.url
        sitename = page_html.sitename
    page = clean_page(text)
    if not page.text.strip():
        return _rejected(doc, "no article text left after removing page chrome")
    body_words = sum(page.lines[i].words for i in page.kept if page.lines[i].text != page.title)
    if body_words < MIN_BODY_WORDS:
        return _rejected(doc, f"no article text: {body_words} words left after removing page chrome")
    doc.text = page.text
    doc.title = doc.title or page.title
    _publication_date(doc, page)
    doc.source = (page.source or outlet_of_url(doc.url)
                  or (outlet_of_line(sitename) or sitename if sitename else None))
    doc.lang = detect_lang(page.text)
    return doc


def _publication_date(doc: Document, page: CleanPage) -> None:
    """The publication date from everything the page offers, the surest first: the header line
    or JSONL `published`, HTML metadata, the page's chrome (stamps, "Published"/"Dated" lines,
    a dateline with its year), the URL ('/2022/10/23/', '20221023', '?date=...'), and last the
    first date of the lead paragraph. `published_basis` says which."""
    if doc.published is not None:
        return
    from .dates import date_from_url

    from_url = date_from_url(doc.url)
    if page.published is not None and (page.published_basis == "chrome" or from_url is None):
        doc.published, doc.published_basis = page.published, page.published_basis
    elif from_url is not None:
        doc.published, doc.published_basis = from_url, "url"
