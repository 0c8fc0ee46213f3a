"""Years at the calendar's edges (found by the fuzz harness: `published + 2 days` overflowed on
a page headed ` date 9999-12-31`). A year no report can speak of (0001, 9999) is damage: not
a publication date, not a dateline's year, not a date expression; the page is read as if it
were absent, and plausible years keep working. Texts written for these tests."""
import datetime as dt

import pytest

from dyadwatch.clean import prepare
from dyadwatch.extract import extract_events
from dyadwatch.ingest import read_bytes
from dyadwatch.ingest.readers import parse_published, split_header
from dyadwatch.model import Document

RU = ("Министр обороны России Сергей Шойгу провел во вторник в Москве переговоры с министром обороны Китая "
      "Вэй Фэнхэ. Стороны обсудили военное сотрудничество.")
EN = ("Russian Defence Minister Sergei Shoigu held talks with Chinese Defence Minister Wei Fenghe in Moscow on "
      "Tuesday. They discussed military cooperation.")


@pytest.mark.parametrize("header", [" date 9999-12-31 ", " date 0001-01-01 ", " date 2999-06-01 "])
def test_an_impossible_header_date_is_no_publication_date(header):
    text, published = split_header(header + "Заголовок\n" + RU)
    assert published is None and text.startswith("Заголовок")


def test_plausible_header_and_jsonl_dates_are_kept():
    assert split_header(" date 2018-04-03 Заголовок\n")[1] == dt.date(2018, 4, 3)
    assert parse_published("2021-07-29T10:00:00Z") == dt.date(2021, 7, 29)
    assert parse_published("9999-12-31") is None and parse_published("0001-01-01T00:00:00") is None


@pytest.mark.parametrize("lang,text", [("ru", RU), ("en", EN)])
@pytest.mark.parametrize("published", [dt.date(9999, 12, 31), dt.date(1, 1, 1), dt.date(9999, 1, 1)])
def test_a_document_published_at_the_calendars_edge_is_read_as_undated(lang, text, published):
    # a Document from the API or Python carries any date it is given
    events = extract_events(Document(doc_id="t", lang=lang, published=published, text=text))
    assert [e.countries for e in events] in ([["CHN", "RUS"]], [])
    assert all(e.date is None or 1900 <= int(e.date[:4]) <= 2100 for e in events)  # undated: date None


@pytest.mark.parametrize("lang,line", [
    ("ru", "МОСКВА, 31 декабря 9999 года. /ТАСС/. "),
    ("ru", "МИНСК, 1 января 0001 года. /БелТА/. "),
    ("en", "BEIJING, Dec. 31, 9999 (Xinhua) -- "),
])
def test_a_dateline_with_an_impossible_year_takes_the_publication_year(lang, line):
    text = line + (RU if lang == "ru" else EN).replace("во вторник ", "").replace(" on Tuesday", "")
    events = extract_events(Document(doc_id="t", lang=lang, published=dt.date(2018, 4, 3), text=text))
    assert events and all(e.date.startswith("2018") or e.date.startswith("2017") for e in events)


@pytest.mark.parametrize("lang,phrase,year", [
    ("ru", "В 9999 году министры встретились снова.", None), ("ru", "В 2019 году министры встретились снова.", 2019),
    ("en", "In 9999 the ministers met again.", None), ("en", "In 2019 the ministers met again.", 2019)])
def test_impossible_years_in_the_text_are_not_dates_and_real_ones_are(lang, phrase, year):
    from dyadwatch.extract.dates import find_date_exprs

    exprs = find_date_exprs(phrase, 0, len(phrase), lang)
    assert [e.year for e in exprs if e.kind == "abs"] == ([year] if year else [])


@pytest.mark.parametrize("page", [
    " date 9999-12-31 ТАСС\nМОСКВА, 3 апреля. /ТАСС/. " + RU + " Завтра министры встретятся снова.",
    " date 0001-01-01 Reuters\nMOSCOW, April 3 (Reuters) - " + EN + " They will meet again tomorrow.",
])
def test_whole_pages_with_edge_dates_go_through(page):
    doc = prepare(read_bytes(page.encode("utf-8"), "p.txt", None, "p.txt"))
    assert doc.ok and doc.published is None
    assert all(e.date is None or 1900 <= int(e.date[:4]) <= 2100 for e in extract_events(doc))


# Days a month does not have (found by the fuzz harness: merging '31 февраля' raised ValueError).
@pytest.mark.parametrize("lang,phrase", [
    ("ru", "31 февраля министры провели переговоры."), ("ru", "Переговоры прошли 31 апреля 2023 года."),
    ("ru", "29 февраля 2023 года стороны встретились."), ("en", "On February 30 the ministers met."),
    ("en", "The talks were held on 31 June 2022."), ("en", "They met on Sept. 31, 2021.")])
def test_a_day_the_month_does_not_have_is_not_a_date(lang, phrase):
    from dyadwatch.extract.dates import find_date_exprs

    assert [e for e in find_date_exprs(phrase, 0, len(phrase), lang) if e.day] == []


@pytest.mark.parametrize("lang,phrase,day", [
    ("ru", "29 февраля 2024 года стороны встретились.", (2024, 2, 29)), ("ru", "29 февраля стороны встретились.",
                                                                         (None, 2, 29)),
    ("en", "They met on April 30, 2023.", (2023, 4, 30)), ("en", "On 31 December the ministers met.", (None, 12, 31))])
def test_days_the_month_has_stay_dates(lang, phrase, day):
    from dyadwatch.extract.dates import find_date_exprs

    assert [(e.year, e.month, e.day) for e in find_date_exprs(phrase, 0, len(phrase), lang) if e.day] == [day]


@pytest.mark.parametrize("lang,text", [
    ("ru", "МОСКВА, 3 марта. /ТАСС/. Министр обороны России Сергей Шойгу 31 февраля провел переговоры с министром "
           "обороны Китая Вэй Фэнхэ. Министры вновь встретились 31 февраля."),
    ("en", "MOSCOW, March 3 (Xinhua) -- Russian Defence Minister Sergei Shoigu held talks with Chinese Defence "
           "Minister Wei Fenghe on February 30. The ministers met again on February 30."),
])
def test_reports_with_impossible_days_merge_across_documents(lang, text):
    from dyadwatch.merge import merge_events

    events = [e for i in range(2) for e in extract_events(Document(doc_id=f"t{i}", lang=lang,
                                                                   published=dt.date(2018, 3, 3), text=text))]
    merged = merge_events(events)
    assert merged and all(e.countries == ["CHN", "RUS"] for e in merged)
