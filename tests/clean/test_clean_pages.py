"""Cleaning whole pages in the style of several outlets: chrome and sidebars go, the article
(title, lead, dateline, every paragraph, bullet lists) stays, metadata is found."""
from __future__ import annotations

import datetime as dt
import re
from pathlib import Path

import pytest

from dyadwatch.clean import prepare
from dyadwatch.ingest import read_paths
from dyadwatch.model import Document

PAGES = Path(__file__).resolve().parents[1] / "fixtures" / "pages"

# file -> (lang, published, source, title, must stay, must go)
EXPECT: dict[str, tuple[str, str | None, str | None, str | None, list[str], list[str]]] = {
    "tass_style_ru.txt": (
        "ru", "2019-04-26", "TASS", "Шойгу и Хатами договорились расширять военное сотрудничество России и Ирана",
        ["МОСКВА, 26 апреля. /ТАСС/. Министр обороны России", "Хатами, в свою очередь, отметил"],
        ["ТАСС\n", "Армия и ОПК", "17:40", "Теги:", "Читайте также", "министром обороны Сирии", "визите делегации"]),
    "ria_style_ru.txt": (
        "ru", "2021-11-03", "RIA Novosti", "Россия и Казахстан утвердили план военного сотрудничества на следующий год",
        ["МОСКВА, 3 ноя — РИА Новости.", "Согласно документу, в следующем году стороны проведут:",
         "- совместные командно-штабные учения;", "- консультации штабов по вопросам противовоздушной обороны.",
         "Предыдущая встреча министров состоялась 8 ноября 2018 года в Астане."],
        ["1 250", "Подписывайтесь", "Материалы по теме", "Узбекистана", "проведут совместное учение осенью",
         "Лента новостей", "Политика"]),
    "interfax_style_ru.txt": (
        "ru", "2022-06-15", "Interfax", None,
        ["Москва. 15 июня. INTERFAX.RU - Начальник Генштаба", "Разговор прошел по инициативе британской стороны."],
        ["Новости по теме", "председателем комитета начальников штабов", "Шойгу и Остин", "Права на материал"]),
    "xinhua_style_en.txt": (
        "en", "2023-03-14", "Xinhua", "Chinese, Cambodian defense chiefs hold talks in Beijing",
        ["BEIJING, March 14 (Xinhua) -- Chinese Minister", "Tea Banh said Cambodia valued"],
        ["18:05", "Image:", "shakes hands", "Web editor", "Related:", "video talks", "naval drill"]),
    "pib_style_en.txt": (
        "en", "2022-06-08", "PIB", "Raksha Mantri holds bilateral talks with Defence Minister of Vietnam in New Delhi",
        ["agreed on the following:", "- early implementation of the 500 million dollar defence line of credit;",
         "- regular exchanges between training institutions.", "Both sides signed a Memorandum of Understanding"],
        ["Ministry of Defence\n", "Posted On", "Release ID", "Visitor Counter", "Read this release", "ABB/"]),
    "trend_style_en.txt": (
        "en", "2019-05-02", "Trend", "Azerbaijan, Georgia discuss defence cooperation",
        ["Baku, Azerbaijan, May 2", "Hasanov described the partnership with Tbilisi as strategic."],
        ["Politics | Azerbaijan", "By Staff Reporter", "Follow Trend", "Related news", "joint military exercises",
         "to visit Baku"]),
    "ministry_style_ru.txt": (
        "ru", "2022-12-21", "Ministry of Defence of the Russian Federation",
        "Состоялось расширенное заседание Коллегии Минобороны России",
        ["Особое внимание уделено вопросам:", "- комплектования войск;",
         "- обеспечения войск вооружением и военной техникой."],
        ["Министерство обороны Российской Федерации\n", "14:10", "Новости по теме", "Республики Беларусь",
         "по видеосвязи", "Метки:"]),
    "aggregator_ru.txt": (
        "ru", "2022-12-05", "TSAMTO", "Россия и Белоруссия внесли изменения в соглашение о региональной безопасности",
        ["ЦАМТО, 5 декабря. Министр обороны России", "В ходе встречи стороны обсудили:",
         "- подготовку региональной группировки войск;", "- поставки вооружения и военной техники.",
         "Шойгу отметил, что союзнические отношения двух стран имеют особое значение."],
        ["Войти", "1 532", "во время подписания документа", "Источник изображения", "Права на данный материал",
         "Материал размещён", "упоминаются", "Страны", "комментарий", "ПОДПИСКА", "рассылка", "Обсуждаемое",
         "Обновить", "05.12", "по видеосвязи", "Индии и России встретились", "Ответ на"]),
    "aggregator_en.txt": (
        "en", None, "TSAMTO", "The defense ministers of Russia and Mongolia discussed military cooperation",
        ["TSAMTO, September 6th. Russian Defense Minister", "Shoigu thanked his colleague"],
        ["Log in", "512", "Image source", "rights to this material", "news mentions", "leave a comment",
         "Discussion", "Update", "06.09", "Wei Fenghe", "contract for rifles"]),
    "newspaper_en.txt": (
        "en", "2022-06-10", "The Daily Courier", "Austin and Wei hold first face-to-face talks in Singapore",
        ["The meeting came on the sidelines of the Shangri-La Dialogue", "The meeting lasted close to an hour",
         "Austin had spoken to Wei by telephone on April 20, their first conversation."],
        ["Sign in", "WORLD", "Published -", "Updated -", "Image source", "Also read", "opens amid tensions",
         "Related Topics", "USA / China", "©"]),
    "wire_style_en.txt": (
        "en", None, "Reuters", "Russia's Shoigu, Chinese defence minister discuss military ties",
        ["MOSCOW, March 3 (Reuters) - Russian Defence Minister", "The ministers discussed joint exercises"],
        ["Skip to main content", "Exclusive news", "World\n", "By Jane Doe", "3 min read", "Reporting by",
         "Our Standards"]),
    "menu_style_ru.txt": (
        "ru", "2021-03-12", "RIA Novosti", "Шойгу и Хренин обсудили подготовку учений",
        ["МИНСК, 12 мар — РИА Новости.", "Министры встретились в Минске."],
        ["Главное", "Экономика", "Опубликовано", "Фото:", "Дзен", "Самое читаемое", "Лукашенко", "наградил"]),
    "breadcrumbs_style_en.txt": (
        "en", "2021-03-03", None, "Pakistan, Turkey army chiefs hold talks in Rawalpindi",
        ["RAWALPINDI, March 3: Chief of Army Staff", "Matters of mutual interest were discussed."],
        ["Home >", "14:05", "You may also like", "defence trade", "Comments"]),
}


def _doc(name: str) -> tuple[Document, str]:
    [raw] = list(read_paths([str(PAGES / name)], max_bytes=10**7))
    return prepare(raw), raw.text


@pytest.mark.parametrize("name", sorted(EXPECT), ids=str)
def test_page(name):
    lang, published, source, title, keep, drop = EXPECT[name]
    doc, page = _doc(name)
    assert doc.ok, doc.reason
    assert doc.lang == lang
    assert doc.published == (dt.date.fromisoformat(published) if published else None)
    assert doc.source == source
    assert doc.title == title
    for s in keep:
        assert s in doc.text, s
    for s in drop:
        assert s not in doc.text + "\n", s
    if title:
        assert doc.text.startswith(title + "\n\n")


@pytest.mark.parametrize("name", sorted(EXPECT), ids=str)
def test_output_is_stripped_input_lines_joined_by_blank_lines(name):
    doc, page = _doc(name)
    lines = {ln.strip() for ln in re.split(r"\r\n|\r|\n", page)}
    paras = doc.text.split("\n\n")
    assert all(p and p in lines for p in paras)
    # order is kept
    positions = [page.index(p) for p in paras]
    assert positions == sorted(positions)


@pytest.mark.parametrize("name", sorted(EXPECT), ids=str)
def test_no_paragraph_of_the_article_is_lost(name):
    """Every line that reads as a sentence of running text and is not chrome is kept."""
    doc, page = _doc(name)
    paras = set(doc.text.split("\n\n"))
    _, _, _, _, keep, drop = EXPECT[name]
    for line in page.splitlines():
        s = line.strip()
        if len(s) >= 60 and s[-1] in ".!?" and not any(d in s for d in drop) and not s.startswith("•"):
            assert s in paras, s


def test_the_dateline_stays_as_it_is():
    doc, _ = _doc("tass_style_ru.txt")
    assert "\n\nМОСКВА, 26 апреля. /ТАСС/. Министр" in doc.text


def test_evidence_offsets_point_into_the_text():
    doc, _ = _doc("aggregator_ru.txt")
    needle = "протокол о внесении изменений"
    start = doc.text.index(needle)
    assert doc.text[start:start + len(needle)] == needle


# --- HTML ---------------------------------------------------------------------------------------

def test_html_page_in_english():
    doc, _ = _doc("article_en.html")
    assert doc.ok and doc.lang == "en"
    assert doc.title == "Indian and Chinese defence ministers meet in New Delhi"
    assert doc.published == dt.date(2023, 4, 27)
    assert doc.source == "Example Herald"
    assert doc.text.startswith("Indian and Chinese defence ministers meet in New Delhi\n\n")
    assert "NEW DELHI, April 27 -- Defence Minister Rajnath Singh held talks" in doc.text
    assert "look at the relationship from a long-term perspective." in doc.text
    for gone in ("Related news", "Russia and India meet in Moscow", "Army chiefs", "Sign in", "©", "Subscribe"):
        assert gone not in doc.text


def test_html_page_in_russian():
    doc, _ = _doc("article_ru.html")
    assert doc.ok and doc.lang == "ru" and doc.source == "TASS"
    assert doc.title == "Шойгу и Остин провели телефонный разговор"
    assert doc.published == dt.date(2022, 5, 13)
    assert "МОСКВА, 13 мая. /ТАСС/. Министр обороны России" in doc.text
    assert "Предыдущий телефонный разговор министров состоялся 18 февраля 2022 года." in doc.text
    assert "Читайте также" not in doc.text and "министром обороны Китая" not in doc.text


def test_html_without_article_text_is_rejected(tmp_path):
    p = tmp_path / "empty.html"
    p.write_text("<html><head><title>x</title></head><body><nav>Home</nav></body></html>", encoding="utf-8")
    [raw] = list(read_paths([str(p)], max_bytes=10**6))
    doc = prepare(raw)
    assert doc.status == "rejected" and "no article text" in doc.reason


# --- JSONL records --------------------------------------------------------------------------------

def test_jsonl_records_are_cleaned_and_keep_their_metadata():
    docs = {d.doc_id: d for d in (prepare(r) for r in read_paths([str(PAGES / "records.jsonl")], 10**7))}
    ru = docs["rec-ru-1"]
    assert ru.ok and ru.lang == "ru" and ru.published == dt.date(2021, 8, 24)
    assert ru.url == "https://news.example.ru/army/1"
    assert ru.title == "Шойгу открыл заседание российско-египетской комиссии"
    assert "1 204" not in ru.text and "Читайте также" not in ru.text and "Индии" not in ru.text
    assert "Египетскую делегацию возглавил" in ru.text
    en = docs["42"]
    assert en.ok and en.lang == "en" and en.published == dt.date(2020, 2, 22)
    assert en.title == "Shoigu and Akar discuss Idlib by phone"
    assert "Sign in" not in en.text and "Tags:" not in en.text
    html = docs["rec-html-1"]
    assert html.ok and html.lang == "en" and html.published == dt.date(2022, 11, 22)
    assert html.title == "Austin and Wei meet in Cambodia" and "SIEM REAP, Nov. 22" in html.text


def test_rejected_raw_documents_stay_rejected_with_their_reason():
    docs = [prepare(r) for r in read_paths([str(PAGES / "bad")], 10**7)]
    rejected = [d for d in docs if not d.ok]
    assert len(rejected) >= 7
    for d in rejected:
        assert d.status == "rejected" and d.reason and d.text == "" and d.lang == "unknown"
    assert {d.doc_id for d in docs if d.ok} == {"ok-1", "ok-2"}


def test_page_of_chrome_only_is_rejected(tmp_path):
    p = tmp_path / "chrome.txt"
    p.write_text("Войти\n\n1 234\n0\n0\nПоделиться\nТеги: армия\n", encoding="utf-8")
    [raw] = list(read_paths([str(p)], 10**6))
    doc = prepare(raw)
    assert doc.status == "rejected" and "no article text" in doc.reason


def test_a_one_sentence_page_keeps_its_sentence_as_body_not_as_headline():
    from dyadwatch.clean.text import clean_page

    page = clean_page("Белоусов в Душанбе\n\nМинистр обороны России Андрей Белоусов провел переговоры в Душанбе.")
    assert page.title == "Белоусов в Душанбе"
    assert page.text.endswith("провел переговоры в Душанбе.")
