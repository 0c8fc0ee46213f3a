import datetime as dt

import pytest

from dyadwatch.extract.dates import PDate, anchor_date, find_date_exprs, find_dateline, resolve


def exprs(text, lang):
    return find_date_exprs(text, 0, len(text), lang)


@pytest.mark.parametrize("text,lang,expected", [
    ("В Минске 15 августа прошло заседание", "ru", (None, 8, 15)),
    ("Встреча состоялась 3 марта 2021 года", "ru", (2021, 3, 3)),
    ("Предыдущее заседание прошло в ноябре 2019 года в Каире", "ru", (2019, 11, None)),
    ("The two generals last met in Bern in December 2019.", "en", (2019, 12, None)),
    ("They first talked on Dec. 14, 2020.", "en", (2020, 12, 14)),
    ("On March 31, their talks took place", "en", (None, 3, 31)),
    ("signed on 26th April", "en", (None, 4, 26)),
])
def test_absolute_expressions(text, lang, expected):
    e = exprs(text, lang)[0]
    assert (e.year, e.month, e.day) == expected


def test_durations_and_periods_are_not_event_dates():
    assert exprs("подписали план на 2020 год", "ru") == []
    assert exprs("It is his second trip since June.", "en") == []


def test_weekday_resolves_backwards_from_the_anchor():
    anchor = PDate(2021, 8, 11)  # a Wednesday
    (e,) = exprs("в понедельник провел переговоры", "ru")
    assert resolve(e, anchor).iso() == "2021-08-09"
    (e,) = exprs("held talks on Wednesday", "en")
    assert resolve(e, anchor).iso() == "2021-08-11"


def test_weekday_of_a_planned_meeting_resolves_forwards():
    (e,) = exprs("will meet on Friday", "en")
    assert resolve(e, PDate(2021, 8, 11), planned=True).iso() == "2021-08-13"


def test_month_of_last_year_has_month_precision():
    (e,) = exprs("с момента последней встречи в июне прошлого года", "ru")
    d = resolve(e, PDate(2026, 1, 27))
    assert (d.iso(), d.precision) == ("2025-06", "month")


def test_day_month_after_the_anchor_belongs_to_the_previous_year():
    (e,) = exprs("talks held on December 30", "en")
    assert resolve(e, PDate(2022, 1, 3)).iso() == "2021-12-30"


def test_unknown_year_keeps_the_weekday_for_later():
    (e,) = exprs("во вторник", "ru")
    d = resolve(e, PDate(None, 1, 28))
    assert d.year is None and d.weekday_back == 1
    assert d.with_year(2020).iso() == "2020-01-28"  # a Tuesday
    assert d.with_year(2021).iso() == "2021-01-26"


@pytest.mark.parametrize("text,lang,place,month,day", [
    ("Заголовок\n\nКАЗАНЬ, 12 мая. /ТАСС/. Министр обороны провел встречу с коллегой из соседней страны.", "ru",
     "КАЗАНЬ", 5, 12),
    ("Title\n\nHANOI, Oct. 3 (Xinhua) -- The defence ministers of the two countries held talks here today.", "en",
     "HANOI", 10, 3),
    ("Title\n\nOSLO: The chiefs of the two armies met on Monday to discuss a long list of topics of interest.", "en",
     "OSLO", None, None),
])
def test_datelines(text, lang, place, month, day):
    dl = find_dateline(text, lang)
    assert (dl.place, dl.month, dl.day) == (place, month, day)


def test_anchor_takes_the_publication_year():
    dl = find_dateline("x\n\nМосква, 6 декабря - Агентство. Министры обороны двух стран провели переговоры.", "ru")
    assert anchor_date(dt.date(2021, 12, 7), dl).iso() == "2021-12-06"
    assert anchor_date(None, dl).year is None


def test_a_dateline_opens_with_a_place_or_an_agency_not_an_adverb():
    from dyadwatch.extract.dates import find_dateline

    assert find_dateline("Заголовок\nРИА Новости, 23 марта. Министр обороны провел встречу с коллегой.", "ru").day == 23
    assert find_dateline("Title\nYonhap, October 3 -- The defence ministers of the two countries met.", "en").month == 10
    assert find_dateline("Заголовок\nРанее, 12 декабря, министры обсудили по телефону ситуацию в регионе.", "ru") is None
    assert find_dateline("Title\nEarlier, March 3, the two ministers spoke by phone about the region.", "en") is None


def test_locative_month_names_keep_their_year():
    from dyadwatch.extract.dates import find_date_exprs

    text = "Визит состоялся в марте 2023 года, переговоры - в августе 2022 года."
    got = [(e.year, e.month) for e in find_date_exprs(text, 0, len(text), "ru")]
    assert got == [(2023, 3), (2022, 8)]
