"""The real pipeline end to end: a page that dates nothing is ingested before a dated page of the
same event; the stored record keeps its id and takes the dated page's date (SQLite and
PostgreSQL), and `extract` over both pages gives the same one record."""
from __future__ import annotations

import json

from dyadwatch.pipeline import extract_paths
from dyadwatch.store import Store

UNDATED = ("Shoigu holds talks with Chinese counterpart\n\n"
           "Russian Defence Minister Sergei Shoigu held talks with Chinese Defence Minister Wei Fenghe in Moscow "
           "on Tuesday.\n\nThe two ministers discussed military cooperation and regional security.\n")
DATED = {"id": "tass-0429", "url": "https://example.ru/politika/2019/04/29/shojgu-vej",
         "text": "Шойгу провел переговоры с министром обороны КНР\n\nМОСКВА, 29 апреля. /ТАСС/. Министр обороны "
                 "России Сергей Шойгу провел переговоры с министром национальной обороны КНР Вэй Фэнхэ в Москве.\n\n"
                 "Стороны обсудили военное сотрудничество."}


def _pages(tmp_path):
    first, second = tmp_path / "1", tmp_path / "2"
    first.mkdir()
    second.mkdir()
    (first / "undated.txt").write_text(UNDATED, encoding="utf-8")
    (second / "dated.jsonl").write_text(json.dumps(DATED, ensure_ascii=False) + "\n", encoding="utf-8")
    return first, second


def test_ingest_of_a_later_dated_page_dates_the_stored_undated_record(db_url, tmp_path):
    first, second = _pages(tmp_path)
    with Store(db_url) as store:
        s1 = store.ingest([str(first)], progress=False)
        assert (s1.events_new, s1.events_updated) == (1, 0)
        (rec,), _ = store.query_events()
        assert (rec["date"], rec["date_precision"], rec["date_basis"]) == (None, None, None)
        first_id = rec["id"]
        s2 = store.ingest([str(second)], progress=False)
        assert (s2.events_new, s2.events_updated) == (0, 1)
        recs, total = store.query_events()
    assert total == 1
    (rec,) = recs
    assert rec["id"] == first_id
    # the URL gives the publication day, the dateline the day of the talks
    assert (rec["date"], rec["date_precision"], rec["date_basis"]) == ("2019-04-29", "day", "merged")
    assert sorted(s["doc_id"] for s in rec["sources"]) == ["tass-0429", "undated.txt"]
    _, merged = extract_paths([str(first), str(second)])
    assert [e.to_record() for e in merged] == recs
