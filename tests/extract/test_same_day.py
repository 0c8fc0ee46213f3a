"""'В тот же день' / 'the same day' / 'later that day' after a meeting whose date is not stated
(the report's own day): the sentence is undated too and joins that day, it does not stop the
extraction (it raised AttributeError on `PDate.compatible(None)`). Texts written for these tests."""
import datetime as dt

import pytest

from dyadwatch.extract import extract_events
from dyadwatch.model import Document

PUB = dt.date(2023, 3, 12)


def doc(text, lang, published=PUB):
    return Document(doc_id="t.txt", lang=lang, published=published, text=text, title=text.split("\n")[0])


def pairs(events):
    return sorted((tuple(e.countries), e.date, e.referenced) for e in events)


RU_UNDATED_THEN_SAME_DAY = [
    # a news agency: no dateline, the second meeting of the same delegations
    "Министр обороны России Сергей Шойгу провел переговоры с министром обороны Китая Вэй Фэнхэ.\n\n"
    "В тот же день министры провели встречу в расширенном составе.",
    # a ministry release: the same, said with other words
    "Глава военного ведомства России встретился с министром обороны КНР.\n\n"
    "В тот же день стороны продолжили переговоры в расширенном составе делегаций.",
    # a regional paper: 'в тот же день' mid-sentence
    "Министр обороны РФ Сергей Шойгу провел встречу с министром национальной обороны КНР Вэй Фэнхэ.\n\n"
    "Министры в тот же день провели еще одни переговоры, сообщает пресс-служба.",
]
EN_UNDATED_THEN_SAME_DAY = [
    "Russian Defence Minister Sergei Shoigu held talks with Chinese Defence Minister Wei Fenghe.\n\n"
    "The same day the ministers held a second meeting with their delegations.",
    "Chinese Defense Minister Wei Fenghe met his Russian counterpart Sergei Shoigu.\n\n"
    "Later that day, the two ministers held talks in an expanded format.",
    "Sergei Shoigu and Wei Fenghe met for talks, the ministry said.\n\n"
    "The two defence ministers met again later that day, the Chinese side said.",
]


@pytest.mark.parametrize("text", RU_UNDATED_THEN_SAME_DAY)
def test_russian_same_day_after_an_undated_meeting_is_that_meeting(text):
    events = extract_events(doc(text, "ru"))
    assert pairs(events) == [(("CHN", "RUS"), "2023-03-12", False)]


@pytest.mark.parametrize("text", EN_UNDATED_THEN_SAME_DAY)
def test_english_same_day_after_an_undated_meeting_is_that_meeting(text):
    events = extract_events(doc(text, "en"))
    assert pairs(events) == [(("CHN", "RUS"), "2023-03-12", False)]


@pytest.mark.parametrize("lang,text", [
    ("ru", RU_UNDATED_THEN_SAME_DAY[0]), ("en", EN_UNDATED_THEN_SAME_DAY[0])])
def test_same_day_without_any_date_in_or_around_the_page_does_not_fail(lang, text):
    # no date anywhere: whatever the year inference makes of it, the page is read to its end
    events = extract_events(doc(text, lang, published=None))
    assert all(e.countries == ["CHN", "RUS"] for e in events)


@pytest.mark.parametrize("lang,text", [
    ("ru", "В тот же день министр обороны России Сергей Шойгу провел переговоры с министром обороны "
           "Китая Вэй Фэнхэ."),
    ("en", "The same day Russian Defence Minister Sergei Shoigu held talks with Chinese Defence Minister "
           "Wei Fenghe."),
])
def test_same_day_in_the_first_sentence_is_the_reports_day(lang, text):
    assert pairs(extract_events(doc(text, lang))) == [(("CHN", "RUS"), "2023-03-12", False)]


# negative controls: a same-day sentence after a dated meeting takes that meeting's date, and
# another pair met the same day is another event
@pytest.mark.parametrize("lang,text", [
    ("ru", "МОСКВА, 12 марта. /ТАСС/. Министр обороны России Сергей Шойгу 10 марта провел переговоры с "
           "министром обороны Китая Вэй Фэнхэ.\n\nВ тот же день министры провели встречу в расширенном составе."),
    ("en", "MOSCOW, March 12 (Xinhua) -- Russian Defence Minister Sergei Shoigu held talks with Chinese Defence "
           "Minister Wei Fenghe on March 10.\n\nThe same day the ministers held a second meeting with their "
           "delegations."),
])
def test_same_day_after_a_dated_meeting_takes_its_date(lang, text):
    assert pairs(extract_events(doc(text, lang))) == [(("CHN", "RUS"), "2023-03-10", False)]


@pytest.mark.parametrize("lang,text", [
    ("ru", "Министр обороны России Сергей Шойгу провел переговоры с министром обороны Китая Вэй Фэнхэ.\n\n"
           "В тот же день Шойгу встретился с министром обороны Индии Раджнатом Сингхом."),
    ("en", "Russian Defence Minister Sergei Shoigu held talks with Chinese Defence Minister Wei Fenghe.\n\n"
           "The same day Shoigu met Indian Defence Minister Rajnath Singh."),
])
def test_another_pair_met_the_same_day_is_another_event(lang, text):
    assert pairs(extract_events(doc(text, lang))) == [(("CHN", "RUS"), "2023-03-12", False),
                                                      (("IND", "RUS"), "2023-03-12", False)]
