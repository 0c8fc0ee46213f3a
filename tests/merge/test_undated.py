"""Undated records: kept, merged with dated reports of the same event, which date them."""
from dyadwatch.merge import EventIndex, compatible, merge_events
from dyadwatch.model import Event, Participant, Source

SINGH = ("Rajnath Singh", "IND", "p:singh-rajnath")
JEONG = ("Jeong Kyeong-doo", "KOR", "p:jeong-kyeong-doo")
SUH = ("Suh Wook", "KOR", "p:suh-wook")


def ev(date, people=(SINGH, JEONG), doc="a.txt", basis=None, mode="in_person", countries=("IND", "KOR")):
    prec = None if date is None else {10: "day", 7: "month", 4: "year"}[len(date)]
    e = Event(kind="meeting", mode=mode, date=date, date_precision=prec,
              date_basis=None if date is None else (basis or "text"), countries=list(countries),
              participants=[Participant(n, c, None, None, i) for n, c, i in people],
              sources=[Source(doc, None, None, "en", None, [])])
    e.assign_id()
    return e


def test_an_undated_report_then_a_dated_one_end_as_one_dated_record_with_the_first_id():
    undated, dated = ev(None, doc="1.txt"), ev("2019-09-05", doc="2.txt")
    first_id = undated.id
    (rec,) = merge_events([undated, dated])
    assert rec.id == first_id
    assert (rec.date, rec.date_precision, rec.date_basis) == ("2019-09-05", "day", "merged")
    assert [s.doc_id for s in rec.sources] == ["1.txt", "2.txt"]


def test_a_dated_report_then_an_undated_one_merge_too():
    (rec,) = merge_events([ev("2019-09-05", doc="2.txt"), ev(None, doc="1.txt")])
    assert (rec.date, rec.date_basis) == ("2019-09-05", "merged")


def test_undated_reports_need_a_shared_official():
    # same sides, but another Korean minister: another meeting
    assert not compatible(ev(None, people=(SINGH, SUH)), ev("2019-09-05"))
    assert not compatible(ev(None, people=()), ev("2019-09-05"))
    assert compatible(ev(None, people=(SINGH,)), ev("2019-09-05", people=(SINGH, JEONG)))
    # a call and a visit stay apart, dated or not
    assert not compatible(ev(None, mode="phone"), ev("2019-09-05"))


def test_an_undated_report_that_fits_two_dated_meetings_stays_undated():
    out = merge_events([ev("2019-09-05", doc="2.txt"), ev("2020-02-06", doc="3.txt"), ev(None, doc="1.txt")])
    assert [r.date for r in out] == ["2019-09-05", "2020-02-06", None]  # undated last
    assert out[-1].date_precision is None and out[-1].date_basis is None


def test_two_undated_reports_of_one_meeting_merge_and_a_later_dated_one_dates_both():
    out = merge_events([ev(None, doc="1.txt"), ev(None, doc="2.txt", people=(JEONG,)), ev("2019-09", doc="3.txt")])
    assert len(out) == 1 and out[0].date == "2019-09" and len(out[0].sources) == 3


def test_a_guessed_year_gives_way_to_a_printed_one():
    guessed = ev("2019-09-05", doc="1.txt", basis="tenure")
    printed = ev("2019-09-05", doc="2.txt", basis="text")
    (rec,) = merge_events([guessed, printed])
    assert rec.date_basis == "merged"
    (rec,) = merge_events([ev("2019-09", doc="1.txt"), ev("2019-09-05", doc="2.txt", basis="relative")])
    assert (rec.date, rec.date_basis) == ("2019-09-05", "relative")


def test_the_index_moves_a_dated_record_out_of_the_undated_bucket():
    index = EventIndex()
    undated = ev(None, doc="1.txt")
    index.add(undated)
    index.add(ev("2019-09-05", doc="2.txt"))
    # a third report of the same day finds it in its month bucket
    rec, new = index.add(ev("2019-09-05", doc="3.txt", people=(JEONG,)))
    assert not new and rec is undated and len(rec.sources) == 3
    # and another undated report of other people of these sides is a record of its own
    other, new = index.add(ev(None, doc="4.txt", people=(SUH,)))
    assert new and other.date is None


def test_an_undated_report_does_not_join_a_meeting_other_pages_only_refer_to():
    earlier = ev("2019-10", doc="2.txt")
    earlier.referenced = True
    out = merge_events([earlier, ev(None, doc="1.txt")])
    assert [(r.date, r.referenced) for r in out] == [("2019-10", True), (None, False)]
