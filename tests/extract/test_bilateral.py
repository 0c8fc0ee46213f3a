"""Several bilateral meetings told in one sentence are one event each; a plenary or a single
trilateral meeting is not split. Texts written for these tests, in several outlets' styles."""
import datetime as dt

import pytest

from dyadwatch.extract import extract_events
from dyadwatch.merge import merge_events
from dyadwatch.model import Document

PUB = dt.date(2024, 4, 27)


def events(text, lang, published=PUB, doc_id="b.txt"):
    return [e for e in extract_events(Document(doc_id, lang=lang, published=published, text=text))
            if not e.referenced]


def pairs(evs):
    return sorted(tuple(e.countries) for e in evs)


SPLIT_CASES = [
    # a ministry's press release
    ("en", "ASTANA, April 26. On the sidelines of the SCO defence ministers' meeting in Astana, Defence "
           "Minister Rajnath Singh held bilateral meetings with the defence ministers of Russia, China, "
           "Kazakhstan and Belarus.", "IND", {"RUS", "CHN", "KAZ", "BLR"}),
    # an agency's wording, 'separately'
    ("en", "Chinese Defence Minister Dong Jun met separately with his counterparts from Pakistan and "
           "Cambodia in Beijing on Friday.", "CHN", {"PAK", "KHM"}),
    # 'respectively'
    ("en", "On April 25, Indonesian Defence Minister Prabowo Subianto met respectively with the defence "
           "chiefs of Japan, Australia and Singapore in Jakarta.", "IDN", {"JPN", "AUS", "SGP"}),
    # Russian agency style
    ("ru", "АСТАНА, 26 апреля. /ТАСС/. Министр обороны России Андрей Белоусов на полях совещания министров "
           "обороны государств — членов ШОС провел встречи с министрами обороны Китая, Индии и Пакистана.",
     "RUS", {"CHN", "IND", "PAK"}),
    # Russian ministry style, 'отдельные встречи' and a named chief of the general staff
    ("ru", "В Минске начальник Генерального штаба Вооруженных Сил Российской Федерации генерал армии "
           "Валерий Герасимов 25 апреля провел отдельные встречи с начальниками генеральных штабов "
           "Белоруссии и Казахстана.", "RUS", {"BLR", "KAZ"}),
]


@pytest.mark.parametrize("lang,text,hub,others", SPLIT_CASES)
def test_one_event_per_bilateral_meeting(lang, text, hub, others):
    evs = events(text, lang)
    assert pairs(evs) == sorted(tuple(sorted({hub, o})) for o in others), [e.to_record() for e in evs]
    dates = {e.date for e in evs}
    assert len(dates) == 1  # one day for all the side meetings


def test_the_gathering_is_the_setting_of_each_side_meeting_and_offices_name_the_counterparts():
    lang, text, hub, others = SPLIT_CASES[3]
    evs = events(text, lang)
    assert all(e.setting and "SCO" in e.setting for e in evs)
    by_pair = {tuple(e.countries): e for e in evs}
    # 'с министрами обороны Китая': the KB's minister of that day
    assert any(p.country == "CHN" and p.entity_id for p in by_pair[("CHN", "RUS")].participants)
    assert all(any(p.country == "RUS" and "Belousov" in p.name for p in e.participants) for e in evs)


def test_side_meetings_reported_by_another_outlet_merge_with_each_one():
    ru = events(SPLIT_CASES[3][1], "ru")
    en = events("ASTANA, April 26 (Xinhua) -- Chinese Defense Minister Dong Jun met with Russian Defense "
                "Minister Andrei Belousov on the sidelines of the SCO defense ministers' meeting in Astana "
                "on Friday.", "en", doc_id="x.txt")
    merged = merge_events(ru + en)
    assert len(merged) == 3
    chn = [e for e in merged if e.countries == ["CHN", "RUS"]]
    assert len(chn) == 1 and len(chn[0].sources) == 2


NOT_SPLIT = [
    # one trilateral meeting: no plural meeting word, no 'respectively'
    ("en", "Defence ministers of Japan, Australia and the United States met in Singapore on Saturday for "
           "a trilateral meeting on the sidelines of the Shangri-La Dialogue.", 3),
    # a single meeting told with a genitive singular: 'в ходе встречи с ...'
    ("ru", "В ходе встречи с министром обороны Китая Дун Цзюнем 25 апреля министр обороны России Андрей "
           "Белоусов обсудил военное сотрудничество.", 2),
    # plural meetings word but one counterpart: one meeting
    ("en", "Defence Minister Rajnath Singh held meetings with the Japanese Defence Minister in Tokyo on "
           "April 25 to discuss defence industry cooperation.", 2),
]


@pytest.mark.parametrize("lang,text,n_sides", NOT_SPLIT)
def test_a_single_meeting_is_not_split(lang, text, n_sides):
    evs = events(text, lang)
    assert len(evs) <= 1
    if evs:
        assert len(evs[0].countries) == n_sides


def test_a_plenary_of_many_states_without_side_meetings_is_no_event():
    text = ("The defence ministers of Russia, China, India, Pakistan, Kazakhstan and Belarus met in Astana on "
            "April 26 for the annual SCO defence ministers' meeting.")
    assert events(text, "en") == []
