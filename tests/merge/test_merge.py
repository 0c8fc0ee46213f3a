from dyadwatch.merge import compatible, merge_events
from dyadwatch.model import Event, Location, Participant, Source


def ev(date, countries=("CHN", "RUS"), mode="in_person", loc=None, doc="a.txt", people=(), prec=None):
    e = Event(kind="meeting", mode=mode, date=date, date_precision=prec or ("day" if len(date) == 10 else "month"),
              countries=list(countries), participants=[Participant(n, c, None, None, i) for n, c, i in people],
              location=Location(loc, "KAZ") if loc else None,
              sources=[Source(doc, None, None, "en", None, [])])
    e.assign_id()
    return e


SHOIGU = ("Sergei Shoigu", "RUS", "p:shoigu-sergei")
DONG = ("Dong Jun", "CHN", "p:dong-jun")


def test_reports_of_one_meeting_in_two_languages_merge():
    out = merge_events([ev("2024-04-26", doc="ru.txt", people=[SHOIGU]), ev("2024-04-26", doc="en.txt", people=[DONG])])
    assert len(out) == 1
    assert [s.doc_id for s in out[0].sources] == ["en.txt", "ru.txt"]
    assert {p.name for p in out[0].participants} == {"Sergei Shoigu", "Dong Jun"}


def test_same_sides_weeks_apart_stay_apart():
    assert len(merge_events([ev("2024-04-26"), ev("2024-05-20")])) == 2


def test_a_call_and_a_visit_stay_apart():
    assert len(merge_events([ev("2024-04-26", mode="phone"), ev("2024-04-26", mode="in_person")])) == 2


def test_month_precision_merges_into_a_day_in_that_month_and_keeps_the_day():
    out = merge_events([ev("2024-04", prec="month"), ev("2024-04-26")])
    assert len(out) == 1 and out[0].date == "2024-04-26" and out[0].date_precision == "day"


def test_different_sides_never_merge():
    assert not compatible(ev("2024-04-26"), ev("2024-04-26", countries=("CHN", "IND")))


def test_merge_is_order_independent_in_content_and_ids_are_stable():
    a = [ev("2024-04-26", doc="1.txt"), ev("2024-04-26", doc="2.txt"), ev("2023-01-02", doc="3.txt")]
    r1 = [e.to_record() for e in merge_events([ev(x.date, doc=x.sources[0].doc_id) for x in a])]
    r2 = [e.to_record() for e in merge_events([ev(x.date, doc=x.sources[0].doc_id) for x in reversed(a)])]
    assert r1 == r2


def test_different_officials_of_one_country_are_different_meetings():
    gerasimov = ("Valery Gerasimov", "RUS", "p:gerasimov-valery")
    assert not compatible(ev("2024-04-26", people=[SHOIGU]), ev("2024-04-26", people=[gerasimov]))
