"""The publication date from everything a page offers, the surest first, with where it came from
(`published_basis`): the header line or JSONL `published`, the page's chrome (stamps, "Published"
and "Dated:" lines, ISO with a time), the URL (path and query forms), the first paragraph."""
import datetime as dt

import pytest

from dyadwatch.clean import prepare
from dyadwatch.clean.dates import date_from_url, date_parts_from_url, find_full_date
from dyadwatch.ingest.raw import RawDocument

BODY = ("Министр обороны России провел переговоры с министром обороны Китая в Москве. Стороны обсудили "
        "военное сотрудничество и региональную безопасность.")


def doc(text, url=None, published=None):
    return prepare(RawDocument(doc_id="p.txt", text=text, url=url, published=published))


@pytest.mark.parametrize("url,expected", [
    ("https://tass.ru/politika/2022/10/23/15123", (2022, 10, 23)),
    ("https://ria.ru/20221023/minoborony-1826187.html", (2022, 10, 23)),
    ("https://example.in/news/defence-talks-2022-10-23-story", (2022, 10, 23)),
    ("https://example.com/article?id=7&date=2022-10-23", (2022, 10, 23)),
    ("https://example.com/article?date=20221023", (2022, 10, 23)),
    ("https://example.kz/news/23-10-2022/talks", (2022, 10, 23)),
    ("https://example.com/2021/05/talks", (2021, 5, None)),
    ("https://example.by/view/plan-na-2022-god-470200-2021", (2021, None, None)),
    # not dates: article ids, impossible days, days still to come
    ("https://news.am/eng/news/688677.html", (None, None, None)),
    ("https://example.com/a/20221345/x", (None, None, None)),
    ("https://example.com/a/20991231/x", (None, None, None)),
    (None, (None, None, None)),
])
def test_dates_in_urls(url, expected):
    assert date_parts_from_url(url) == expected


@pytest.mark.parametrize("line,expected", [
    ("2019-09-17 20:41:09", dt.date(2019, 9, 17)),
    ("2017-08-17 | Политика", dt.date(2017, 8, 17)),
    ("Dated: 12.03.2021", dt.date(2021, 3, 12)),
    ("13:329/07/2025, Wednesday", dt.date(2025, 7, 9)),  # a time glued on; the weekday decides d/m
    ("Sunday 09/07/2025", dt.date(2025, 9, 7)),
    ("09/07/2025", None),  # 9 July or 7 September
    ("![photo](/images/articles/2014/09/11/t.jpg?2021-02-17+09%3A23%3A27)", None),  # a file's stamp
])
def test_chrome_dates(line, expected):
    assert find_full_date(line) == expected


def test_the_header_date_comes_first():
    d = doc("Заголовок новости о переговорах\n\n2019-09-17 20:41:09\n\n" + BODY,
            url="https://x.ru/2020/01/02/a", published=dt.date(2019, 9, 18))
    assert (d.published, d.published_basis) == (dt.date(2019, 9, 18), "given")


def test_a_stamp_in_the_chrome_comes_before_the_url():
    d = doc("Заголовок новости о переговорах\n\n2019-09-17 20:41:09\n\n" + BODY, url="https://x.ru/2020/01/02/a")
    assert (d.published, d.published_basis) == (dt.date(2019, 9, 17), "chrome")
    d = doc("Заголовок новости о переговорах\n\nDated: 17.09.2019\n\n" + BODY)
    assert (d.published, d.published_basis) == (dt.date(2019, 9, 17), "chrome")


def test_the_url_comes_before_a_date_in_the_first_paragraph():
    text = "Заголовок новости о переговорах\n\n12 марта 2019 года " + BODY
    d = doc(text, url="https://x.ru/news/2019/03/14/talks")
    assert (d.published, d.published_basis) == (dt.date(2019, 3, 14), "url")
    d = doc(text)
    assert (d.published, d.published_basis) == (dt.date(2019, 3, 12), "lead")
    d = doc("Заголовок новости о переговорах\n\n" + BODY, url="https://ria.ru/20221023/x.html")
    assert (d.published, d.published_basis, date_from_url(d.url)) == (dt.date(2022, 10, 23), "url",
                                                                      dt.date(2022, 10, 23))


def test_a_page_with_no_date_anywhere_has_none():
    d = doc("Заголовок новости о переговорах\n\n" + BODY, url="https://example.com/news/688677.html")
    assert (d.published, d.published_basis) == (None, None)
