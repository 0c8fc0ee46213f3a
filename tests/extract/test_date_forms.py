"""Every written form of a date, Russian and English, as outlets print them (texts written for
these tests), with negative controls: what is not a date of the event gives none."""
import datetime as dt

import pytest

from dyadwatch.extract.dates import PDate, find_date_exprs, find_dateline, resolve


def first(text, lang, anchor=None, planned=False):
    exprs = find_date_exprs(text, 0, len(text), lang)
    assert exprs, text
    return resolve(exprs[0], anchor, planned=planned)


def ymd(d):
    return (d.year, d.month, d.day)


ANCHOR = PDate(2022, 10, 24, basis="published")


@pytest.mark.parametrize("text,lang,expected", [
    # day-month with a year, in words
    ("Переговоры прошли 12 февраля 2022 года в Москве.", "ru", (2022, 2, 12)),
    ("Встреча состоялась 3 марта 2021 г. в Минске.", "ru", (2021, 3, 3)),
    ("The ministers met on 12 February 2022 in Moscow.", "en", (2022, 2, 12)),
    ("The ministers met on February 12, 2022, in Moscow.", "en", (2022, 2, 12)),
    ("They met on the 12th of February, 2022.", "en", (2022, 2, 12)),
    # numeric
    ("Дата: 26.04.2016 г. Министры провели переговоры.", "ru", (2016, 4, 26)),
    ("2017-08-17 | Политика", "ru", (2017, 8, 17)),
    ("2017-08-17 | Politics", "en", (2017, 8, 17)),
    ("Опубликовано 2019.09.17 в 20:41", "ru", (2019, 9, 17)),
    ("Talks were held on 21/10/2022 in Delhi.", "en", (2022, 10, 21)),
    ("Talks were held on 10/21/2022 in Washington.", "en", (2022, 10, 21)),
    ("Переговоры прошли 21/10/2022 в Душанбе.", "ru", (2022, 10, 21)),
    # abbreviated months, with and without dots
    ("11 фев 2022 министры обсудили сотрудничество", "ru", (2022, 2, 11)),
    ("23 окт. 2021 г. прошли консультации", "ru", (2021, 10, 23)),
    ("Встреча прошла 5 сент. 2019 года", "ru", (2019, 9, 5)),
    ("The talks on Oct. 21, 2022 were the first.", "en", (2022, 10, 21)),
    ("The talks on Sept 5, 2019 were the first.", "en", (2019, 9, 5)),
    ("The talks on 5 Sept 2019 were the first.", "en", (2019, 9, 5)),
    # ranges: the first day
    ("Учения прошли 12–14 марта 2023 года.", "ru", (2023, 3, 12)),
    ("Визит прошел с 12 по 14 марта 2023 года.", "ru", (2023, 3, 12)),
    ("The visit took place on March 12-14, 2023.", "en", (2023, 3, 12)),
    ("The visit took place on 12–14 March 2023.", "en", (2023, 3, 12)),
    ("The visit took place from March 12 to 14, 2023.", "en", (2023, 3, 12)),
])
def test_forms_with_a_year(text, lang, expected):
    d = first(text, lang)
    assert ymd(d) == expected and d.precision == "day" and d.basis == "text"


@pytest.mark.parametrize("text,lang,expected", [
    ("Переговоры прошли 12 октября в Москве.", "ru", (2022, 10, 12)),
    ("Переговоры прошли 11 окт в Москве.", "ru", (2022, 10, 11)),
    ("The ministers met on Oct 21 in Delhi.", "en", (2022, 10, 21)),
    ("The ministers met on 21 Oct. in Delhi.", "en", (2022, 10, 21)),
    ("Учения прошли 12–14 октября.", "ru", (2022, 10, 12)),
    ("The drills ran October 12-14.", "en", (2022, 10, 12)),
    # after the anchor in the calendar: last year's
    ("Переговоры прошли 12 декабря в Москве.", "ru", (2021, 12, 12)),
])
def test_day_month_without_a_year_takes_the_anchors(text, lang, expected):
    d = first(text, lang, ANCHOR)
    assert ymd(d) == expected and d.basis == "published"


@pytest.mark.parametrize("text,lang,expected,precision", [
    ("Министры встретились накануне.", "ru", (2022, 10, 23), "day"),
    ("Министры встретились вчера.", "ru", (2022, 10, 23), "day"),
    ("Министры встретились позавчера.", "ru", (2022, 10, 22), "day"),
    ("Министры встретились сегодня.", "ru", (2022, 10, 24), "day"),
    ("The ministers met the day before.", "en", (2022, 10, 23), "day"),
    ("The ministers met the previous day.", "en", (2022, 10, 23), "day"),
    ("The ministers met yesterday.", "en", (2022, 10, 23), "day"),
    ("The ministers met the day before yesterday.", "en", (2022, 10, 22), "day"),
    ("В субботу министры провели переговоры.", "ru", (2022, 10, 22), "day"),  # 24 Oct 2022 is a Monday
    ("The ministers held talks on Saturday.", "en", (2022, 10, 22), "day"),
    # the week before 24 October 2022 (17-23 October) lies in October
    ("Министры встретились на прошлой неделе.", "ru", (2022, 10, None), "month"),
    ("The ministers met last week.", "en", (2022, 10, None), "month"),
])
def test_relative_expressions_from_the_anchor(text, lang, expected, precision):
    d = first(text, lang, ANCHOR)
    assert (ymd(d), d.precision, d.basis) == (expected, precision, "relative")


def test_last_week_gives_the_month_only_when_the_whole_week_lies_in_it():
    # 9 November 2022 is a Wednesday: last week ran from 31 October to 6 November
    d = first("They met last week.", "en", PDate(2022, 11, 9))
    assert (d.iso(), d.precision) == ("2022", "year")
    # from 2 November: 24-30 October
    assert first("They met last week.", "en", PDate(2022, 11, 2)).iso() == "2022-10"
    # 'this week' up to the anchor: 31 October to 2 November, two months again
    assert first("They met earlier this week.", "en", PDate(2022, 11, 2)).iso() == "2022"
    assert first("Министры встретились на этой неделе.", "ru", PDate(2022, 11, 4)).iso() == "2022"
    assert first("Министры встретились на этой неделе.", "ru", PDate(2022, 11, 11)).iso() == "2022-11"


def test_next_week_of_a_plan_has_no_day():
    (e,) = find_date_exprs("Ministers to meet next week", 0, 27, "en")
    assert resolve(e, ANCHOR, planned=True) is None


def test_same_day_takes_the_frame_date():
    (e,) = find_date_exprs("В тот же день министр провел переговоры", 0, 39, "ru")
    assert resolve(e, ANCHOR, same_day=PDate(2022, 10, 20, basis="text")).iso() == "2022-10-20"


@pytest.mark.parametrize("text,lang,weekday", [
    ("В субботу, 12 февраля, министры провели переговоры.", "ru", 5),
    ("В субботу 12 февраля министры провели переговоры.", "ru", 5),
    ("Во вторник, 3 марта, состоялся телефонный разговор.", "ru", 1),
    ("On Saturday, February 12, the ministers held talks.", "en", 5),
    ("On Saturday, Feb. 12, the ministers held talks.", "en", 5),
    ("The ministers held talks on Saturday (February 12).", "en", 5),
])
def test_a_weekday_printed_beside_the_day_is_kept_for_the_year(text, lang, weekday):
    exprs = find_date_exprs(text, 0, len(text), lang)
    assert len(exprs) == 1, exprs
    assert exprs[0].weekday == weekday and exprs[0].day in (12, 3)
    d = resolve(exprs[0], None)
    assert d.year is None and d.weekday == weekday


@pytest.mark.parametrize("text,lang", [
    ("Стороны подвели итоги сотрудничества за 2016 год.", "ru"),
    ("Стороны обсудили план на 2023 год.", "ru"),
    ("В течение 2016 года стороны провели десять учений.", "ru"),
    ("It is his second visit since June.", "en"),
    ("The plan for 2023 was approved.", "en"),
    ("Exercises held throughout 2016 were reviewed.", "en"),
    ("Доклад № 12/10/20 был одобрен.", "ru"),  # not a date: no four-digit year
    ("The 04/05/2021 order", "en"),  # April 5 or 4 May: the text does not say
    ("The 12 Marines who took part", "en"),
    ("Заседание 45 марта", "ru"),
    ("Article 2017-13-45 of the code", "en"),
])
def test_what_is_not_the_events_date(text, lang):
    assert find_date_exprs(text, 0, len(text), lang) == []


@pytest.mark.parametrize("text,lang,place,month,day,year", [
    ("Заголовок\n\nВАШИНГТОН, 23 окт - РИА Новости. Министры обороны двух стран провели переговоры в Пентагоне.",
     "ru", "ВАШИНГТОН", 10, 23, None),
    ("Заголовок\n\nМОСКВА, 11 фев. /ТАСС/. Министр обороны провел встречу с коллегой из соседней страны.",
     "ru", "МОСКВА", 2, 11, None),
    ("Заголовок\n\nМинск, 5 сентября 2019 г. (БелТА) - Министры обороны двух стран провели переговоры.",
     "ru", "Минск", 9, 5, 2019),
    ("Title\n\nNEW DELHI, Oct 21 (PTI) Defence Minister Rajnath Singh held talks with his counterpart today.",
     "en", "NEW DELHI", 10, 21, None),
    ("Title\n\nISLAMABAD, Sept. 3 (APP): The army chief met the visiting commander at the headquarters.",
     "en", "ISLAMABAD", 9, 3, None),
    ("Title\n\nSeoul, 5 September 2019 -- The defence ministers of the two countries held talks here today.",
     "en", "Seoul", 9, 5, 2019),
])
def test_datelines_in_several_outlets_styles(text, lang, place, month, day, year):
    dl = find_dateline(text, lang)
    assert (dl.place, dl.month, dl.day, dl.year) == (place, month, day, year)
    assert text[dl.end:].lstrip()[:1].isupper()  # the dateline ends where the sentence starts


def test_a_dateline_anchors_with_its_basis():
    from dyadwatch.extract.dates import anchor_date

    dl = find_dateline("T\n\nNEW DELHI, Oct 21 (PTI) Defence Minister Rajnath Singh held talks with his counterpart.",
                       "en")
    a = anchor_date(dt.date(2022, 10, 22), dl, "given")
    assert (a.iso(), a.basis) == ("2022-10-21", "dateline")
    assert anchor_date(dt.date(2022, 10, 22), None, "url").basis == "url"
    assert anchor_date(dt.date(2022, 10, 22), None, "chrome").basis == "published"
