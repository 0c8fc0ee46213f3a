"""How each event's date is fixed, from the evidence a page offers (texts written for these
tests in several outlets' styles): the record's `date_basis` says which evidence did it."""
import datetime as dt

import pytest

from dyadwatch.extract import extract_events
from dyadwatch.model import Document


def events(text, lang, published=None, url=None, basis=None):
    doc = Document(doc_id="t.txt", text=text, lang=lang, published=published, url=url,
                   published_basis=basis or ("given" if published else None))
    return [e for e in extract_events(doc) if not e.referenced]


def one(text, lang, **kw):
    evs = events(text, lang, **kw)
    assert len(evs) == 1, [e.to_record() for e in evs]
    return evs[0]


def dated(ev):
    return (ev.date, ev.date_precision, ev.date_basis)


# ---------------------------------------------------------------- weekday beside the day
@pytest.mark.parametrize("text,lang", [
    ("Шойгу провел переговоры с китайским коллегой\n\nВ субботу, 12 февраля, министр обороны России Сергей Шойгу "
     "провел переговоры с министром национальной обороны КНР Вэй Фэнхэ в Москве.\n\nСтороны обсудили военное "
     "сотрудничество.", "ru"),
    ("Министры обороны России и Китая встретились в Москве\n\nМинистр обороны РФ Сергей Шойгу в субботу 12 февраля "
     "встретился в Москве с министром национальной обороны Китая Вэй Фэнхэ.", "ru"),
    ("Shoigu meets Chinese counterpart\n\nOn Saturday, February 12, Russian Defence Minister Sergei Shoigu held "
     "talks with Chinese Defence Minister Wei Fenghe in Moscow.\n\nThey discussed military cooperation.", "en"),
])
def test_the_weekday_printed_beside_the_day_fixes_the_year(text, lang):
    # Shoigu and Wei Fenghe were in office together 2018-2023; 12 February fell on a Saturday in 2022 only
    assert dated(one(text, lang)) == ("2022-02-12", "day", "weekday")


def test_the_weekday_and_the_tenures_together():
    text = ("Akar, Hasanov hold talks\n\nOn Tuesday, March 2, Turkish Defence Minister Hulusi Akar held talks with "
            "Azerbaijani Defence Minister Zakir Hasanov in Ankara.")
    # Tuesday 2 March: 2010, 2021 (and 2027); Akar was minister 2018-2023
    assert dated(one(text, "en")) == ("2021-03-02", "day", "weekday")


def test_a_weekday_that_fits_no_year_of_their_tenures_fixes_nothing():
    # 12 February was a Monday in 2018 (before Wei took office) and in 2024 (after he left)
    text = ("Shoigu meets Wei\n\nOn Monday, February 12, Russian Defence Minister Sergei Shoigu held talks with "
            "Chinese Defence Minister Wei Fenghe in Moscow.")
    ev = one(text, "en")
    assert ev.date is None or ev.date_basis in ("weekday", "tenure")
    assert ev.date != "2024-02-12"


# ---------------------------------------------------------------- tenures
def test_tenures_that_overlap_in_one_year_fix_it():
    text = ("Остин и Белоусов поговорили по телефону\n\n25 июня министр обороны США Ллойд Остин провел телефонный "
            "разговор с министром обороны России Андреем Белоусовым.")
    # Belousov from May 2024, Austin until January 2025: 25 June only in 2024
    assert dated(one(text, "ru")) == ("2024-06-25", "day", "tenure")


@pytest.mark.parametrize("text,lang", [
    ("Шойгу встретился с Гасановым\n\n12 февраля министр обороны России Сергей Шойгу провел переговоры с министром "
     "обороны Азербайджана Закиром Гасановым.", "ru"),
    ("Shoigu, Hasanov meet\n\nRussian Defence Minister Sergei Shoigu met Azerbaijani Defence Minister Zakir Hasanov "
     "on February 12.", "en"),
])
def test_tenures_that_overlap_for_years_give_no_guess(text, lang):
    # both in office 2013-2024: the page fixes no year; kept undated for a dated report to date it
    ev = one(text, lang)
    assert (ev.date, ev.date_precision, ev.date_basis) == (None, None, None)
    assert ev.confidence < 0.6


# ---------------------------------------------------------------- the page: URL, publication, report sentence
@pytest.mark.parametrize("url", [
    "https://news.example.ru/politics/2020/shoigu-wei.html",
    "https://example.com/2020/02/shoigu-wei",
    "https://example.by/view/minoborony-470200-2020",
])
def test_the_urls_year(url):
    text = ("Шойгу провел переговоры с Вэй Фэнхэ\n\n12 февраля министр обороны России Сергей Шойгу провел переговоры "
            "с министром национальной обороны КНР Вэй Фэнхэ в Москве.")
    assert dated(one(text, "ru", url=url)) == ("2020-02-12", "day", "url")


def test_a_datelines_day_takes_the_urls_year():
    text = ("Шойгу и Остин провели телефонный разговор\n\nВАШИНГТОН, 23 окт - РИА Новости. Министр обороны России "
            "Сергей Шойгу провел телефонный разговор с министром обороны США Ллойдом Остином.")
    ev = one(text, "ru", url="https://example.ru/world/2022/shojgu-ostin")
    assert dated(ev) == ("2022-10-23", "day", "url")


def test_a_datelines_day_takes_the_year_the_page_prints_with_it_over_a_forums_stamp():
    text = ("Chinese, U.S. defense chiefs hold talks\n\nDec 29, 2009\n\nMinister Liang hosts a ceremony for "
            "the visiting secretary in Beijing, Sept. 18, 2012.\n\nBEIJING, Sept. 18 (Xinhua) -- Chinese Defense "
            "Minister Wei Fenghe held talks Tuesday with visiting U.S. Secretary of Defense Lloyd Austin.")
    ev = one(text, "en", published=dt.date(2009, 12, 29), basis="chrome")
    assert ev.date == "2012-09-18"


def test_the_publication_date_gives_the_year_and_the_limit():
    text = ("Шойгу провел переговоры с Вэй Фэнхэ\n\n12 декабря министр обороны России Сергей Шойгу провел "
            "переговоры с министром национальной обороны КНР Вэй Фэнхэ.")
    assert dated(one(text, "ru", published=dt.date(2022, 2, 14))) == ("2021-12-12", "day", "published")
    assert dated(one(text, "ru", published=dt.date(2021, 12, 13))) == ("2021-12-12", "day", "published")


@pytest.mark.parametrize("text,lang,expected", [
    ("Шойгу провел переговоры с китайским коллегой\n\nВ субботу министр обороны России Сергей Шойгу провел "
     "переговоры с министром национальной обороны КНР Вэй Фэнхэ в Москве.\n\nСтороны обсудили военное "
     "сотрудничество. Об этом в воскресенье, 23 октября, сообщается на сайте Минобороны.", "ru", "2022-10-22"),
    ("Shoigu meets Wei\n\nRussian Defence Minister Sergei Shoigu held talks with Chinese Defence Minister Wei "
     "Fenghe in Moscow on Saturday.\n\nThis was reported by the ministry on Sunday, October 23.", "en", "2022-10-22"),
])
def test_the_date_of_the_report_sentence_is_the_reports_day(text, lang, expected):
    # 23 October was a Sunday in 2016 and 2022; Wei Fenghe took office in 2018
    assert one(text, lang).date == expected


# ---------------------------------------------------------------- years printed nearby
@pytest.mark.parametrize("text,lang,year", [
    ("Министры обороны России и Мали подписали соглашение\n\nМинистры обороны России и Мали генерал армии Сергей "
     "Шойгу и дивизионный генерал Ибрахим Дахиру Дембеле подписали соглашение о военном сотрудничестве.\n\n"
     "Подписание прошло на полях форума «Армия-2019».", "ru", "2019"),
    ("Hasanov meets Turkish minister\n\nAzerbaijani Defence Minister Zakir Hasanov met Turkish Defence Minister "
     "Hulusi Akar at the ADEX 2018 exhibition in Baku.", "en", "2018"),
])
def test_a_year_the_page_prints_dates_an_event_that_has_none(text, lang, year):
    ev = one(text, lang)
    assert (ev.date, ev.date_precision, ev.date_basis) == (year, "year", "nearby")


def test_a_plan_for_a_later_year_is_no_lower_bound():
    text = ("Хренин провел переговоры\n\nМинистр обороны Беларуси Виктор Хренин провел переговоры с министром "
            "обороны России Андреем Белоусовым. Стороны утвердили план сотрудничества на 2026 год.")
    assert one(text, "ru").date is None


# ---------------------------------------------------------------- nothing fixes the date
@pytest.mark.parametrize("text,lang", [
    ("Переговоры министров\n\nМинистр обороны России Сергей Шойгу провел сегодня переговоры с министром "
     "национальной обороны КНР Вэй Фэнхэ.", "ru"),
    ("Talks\n\nRussian Defence Minister Sergei Shoigu held talks with Chinese Defence Minister Wei Fenghe on "
     "Tuesday.", "en"),
    ("Talks\n\nRussian Defence Minister Sergei Shoigu held talks with Chinese Defence Minister Wei Fenghe "
     "last week.", "en"),
])
def test_an_undated_page_is_kept_with_no_date(text, lang):
    ev = one(text, lang)
    rec = ev.to_record()
    assert (rec["date"], rec["date_precision"], rec["date_basis"]) == (None, None, None)
    assert rec["countries"] == ["CHN", "RUS"] and rec["confidence"] < 0.6


# ---------------------------------------------------------------- each event its own clause
@pytest.mark.parametrize("text,lang", [
    ("Akar meets Hasanov\n\nANKARA, March 2 -- Turkish Defence Minister Hulusi Akar met Azerbaijani Defence "
     "Minister Zakir Hasanov in Ankara, where they agreed to hold the next joint commission in March 2026.", "en"),
    ("Акар встретился с Гасановым\n\nАНКАРА, 2 марта. /ТАСС/. Министр национальной обороны Турции Хулуси Акар "
     "провел переговоры с министром обороны Азербайджана Закиром Гасановым, стороны договорились провести "
     "следующее заседание комиссии в 2026 году.", "ru"),
    ("Akar meets Hasanov\n\nANKARA, March 2 -- Turkish Defence Minister Hulusi Akar held talks with Azerbaijani "
     "Defence Minister Zakir Hasanov, reviewing the cooperation throughout 2019.", "en"),
    ("Акар встретился с Гасановым\n\nАНКАРА, 2 марта. /ТАСС/. Министр национальной обороны Турции Хулуси Акар "
     "провел переговоры с министром обороны Азербайджана Закиром Гасановым. Министры подвели итоги "
     "сотрудничества за 2019 год.", "ru"),
])
def test_a_plan_or_a_period_of_another_clause_does_not_date_the_meeting(text, lang):
    ev = one(text, lang, published=dt.date(2020, 3, 2))
    assert dated(ev) == ("2020-03-02", "day", "dateline")


def test_no_reported_event_is_after_the_publication_date():
    text = ("Akar meets Hasanov\n\nTurkish Defence Minister Hulusi Akar held talks with Azerbaijani Defence Minister "
            "Zakir Hasanov in Ankara on March 5.")
    ev = one(text, "en", published=dt.date(2020, 3, 2))
    assert ev.date == "2019-03-05"
