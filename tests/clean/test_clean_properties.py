"""Properties: the cleaner never raises and only ever returns lines present in its input."""
from __future__ import annotations

import re

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from dyadwatch.clean import clean_page, detect_lang, prepare
from dyadwatch.ingest.raw import RawDocument

# Lines of the kinds pages are made of: prose, headlines, chrome, counters, stamps, bullets.
VOCAB = [
    "Войти", "Sign in", "945", "0", "1 238", "  • 07.07 17:49", "  • 7", "  • Обсуждаемое", "Читайте также:",
    "Related news", "Image source: example.org", "Источник изображения: © Минобороны", "© 2021 Example. All rights reserved.",
    "Права на данный материал принадлежат ТАСС", "Теги: армия, флот", "Поделиться", "Комментарии (0)",
    "МОСКВА, 24 августа. /ТАСС/. Министр обороны России провел переговоры с коллегой из Китая.",
    "BEIJING, Dec. 27 (Xinhua) -- China's defense chief spoke with his Japanese counterpart over a video link.",
    "Стороны обсудили:", "- подготовку штабов;", "- поставки техники.", "Шойгу встретился с министром обороны Индии",
    "Esper presses Chinese counterpart on Taiwan", "22.02.2020 | 16:05", "8 ноября 2018, 15:22",
    "Общество | Политика | В мире", "", "   ", "\t", "ЦАМТО", "The Hindu", "Baku, Azerbaijan, March 29",
    "Министр отметил, что сотрудничество двух стран развивается по всем направлениям и имеет большой потенциал.",
]
LINE = st.one_of(st.sampled_from(VOCAB), st.text(max_size=120), st.text(alphabet="абвгд еёжз.,:;!?-•\t", max_size=80))
PAGE = st.lists(LINE, max_size=40).map("\n".join)
NEWLINES = re.compile(r"\r\n|\r|\n")


def _input_lines(text: str) -> set[str]:
    return {ln.strip() for ln in NEWLINES.split(text)}


@settings(max_examples=400, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(PAGE)
def test_cleaner_only_returns_lines_of_its_input(page):
    res = clean_page(page)
    lines = _input_lines(page)
    if res.text:
        paras = res.text.split("\n\n")
        assert all(p and p in lines for p in paras)
    assert res.title is None or res.title in lines
    assert len(res.kept) == len(set(res.kept))


@settings(max_examples=300, deadline=None)
@given(st.text(max_size=3000))
def test_cleaner_never_raises_on_any_text(text):
    res = clean_page(text)
    lines = _input_lines(text)
    assert all(p in lines for p in res.text.split("\n\n") if res.text)


@settings(max_examples=200, deadline=None)
@given(st.text(max_size=2000), st.sampled_from(["text", "html"]))
def test_prepare_never_raises(text, fmt):
    doc = prepare(RawDocument(doc_id="x", fmt=fmt, text=text))
    assert doc.status in ("ok", "rejected")
    assert doc.lang in ("ru", "en", "unknown")
    if doc.status == "rejected":
        assert doc.reason
    else:
        assert doc.text.strip()


@settings(max_examples=200, deadline=None)
@given(st.text(max_size=1000))
def test_detect_lang_is_total(text):
    assert detect_lang(text) in ("ru", "en", "unknown")


@settings(max_examples=150, deadline=None)
@given(st.lists(st.sampled_from(VOCAB), min_size=1, max_size=30))
def test_prose_lines_are_never_dropped_outside_sidebars(lines):
    """A paragraph of running text survives unless a sidebar or bullet-meta list came before it."""
    page = "\n".join(lines)
    out = set(clean_page(page).text.split("\n\n"))
    sidebar_seen = False
    for ln in lines:
        s = ln.strip()
        if s in ("Читайте также:", "Related news", "• Обсуждаемое", "Обсуждаемое") or s.startswith("•"):
            sidebar_seen = True
        if len(s) >= 80 and s.endswith(".") and not sidebar_seen:
            assert s in out
