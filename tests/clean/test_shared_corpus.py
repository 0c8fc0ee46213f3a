"""Acceptance on the shared seeds and development pages (../shared beside the project;
skipped when it is not there). Checks are structural: nothing of those pages is copied here."""
from __future__ import annotations

import datetime as dt
import re
from pathlib import Path

import pytest

from dyadwatch.clean import prepare
from dyadwatch.ingest import read_paths

SHARED = Path(__file__).resolve().parents[2].parent / "shared"
SEEDS = SHARED / "seeds"
DEV = SHARED / "eval" / "dev" / "docs"
pytestmark = pytest.mark.skipif(not SEEDS.is_dir(), reason="../shared not present")

SEED_LANG = {"000": "ru", "001": "en", "002": "ru", "003": "en", "004": "ru"}
SEED_PUBLISHED = {"000": "2026-01-27", "002": "2025-10-08", "004": "2025-08-19"}
SIDEBAR_HEADERS = re.compile(r"^(?:•\s*)?(?:читайте также|новости по теме|related|related news|most read|top news right now"
                             r"|другие новости раздела|обсуждаемое|discussion|популярное|recommended)\s*:?$", re.I)
TERMINAL = re.compile(r"[.!?…][\"'»”’]*$")
CHROME_START = re.compile(r"^(?:©|copyright|права на|материал размещ|the rights|the material|image|источник изобр|фото:"
                          r"|теги:|tags:|метки:|поделиться|войти|sign in|log in|просмотров|(?:\d[\d\s]*)$)", re.I)


def _pairs(folder: Path):
    for raw in read_paths([str(folder)], max_bytes=10**7):
        yield raw, prepare(raw)


def _check_page(raw, doc):
    assert doc.ok, doc.reason
    paras = doc.text.split("\n\n")
    lines = [ln.strip() for ln in raw.text.splitlines()]
    assert all(p in lines for p in paras)
    # no chrome left: counters, log-in prompts, copyright/rights lines, credits, tags
    for p in paras:
        assert not CHROME_START.match(p), p
    # sidebars: nothing after a sidebar header, nor after a bullet meta line ("• 07.07 17:49", "• 7")
    after_header = False
    for i, s in enumerate(lines):
        if SIDEBAR_HEADERS.match(s):
            after_header = True
        prev = lines[i - 1] if i else ""
        if after_header or re.match(r"^•\s*[\d.:\s]+$", prev):
            assert s not in paras or not s, s
    # no sentence of the article lost: every long line that ends like a sentence, above any sidebar
    for s in lines:
        if SIDEBAR_HEADERS.match(s) or s.startswith("•"):
            break
        if len(s) >= 80 and TERMINAL.search(s) and not CHROME_START.match(s):
            assert s in paras, s


def test_seeds():
    docs = list(_pairs(SEEDS))
    assert len(docs) == 5
    for raw, doc in docs:
        key = doc.doc_id[:3]
        assert doc.lang == SEED_LANG[key], doc.doc_id
        if key in SEED_PUBLISHED:
            assert doc.published == dt.date.fromisoformat(SEED_PUBLISHED[key])
        _check_page(raw, doc)


@pytest.mark.skipif(not DEV.is_dir(), reason="no dev pages")
def test_dev_pages():
    docs = list(_pairs(DEV))
    assert len(docs) == 24
    langs = [d.lang for _, d in docs]
    assert langs.count("ru") == 12 and langs.count("en") == 12
    for raw, doc in docs:
        _check_page(raw, doc)
        assert doc.title and doc.text.startswith(doc.title)
    with_year = [d for _, d in docs if d.published]
    assert len(with_year) >= 22  # two pages give no year anywhere
