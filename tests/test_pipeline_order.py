"""extract_paths orders dated and undated records together (undated last), without raising."""
from dyadwatch.pipeline import extract_paths

UNDATED = ("The Indian defence minister Rajnath Singh held talks with the Russian defence minister "
           "Andrei Belousov in Moscow. The two ministers discussed military-technical cooperation.\n")
DATED = (" date 2025-03-10 NEW DELHI, March 10 (PTI) -- Defence Minister Rajnath Singh held talks with "
         "Uzbekistan's Defence Minister Bakhodir Kurbanov in New Delhi on Monday.\n")


def test_undated_and_dated_records_are_ordered(tmp_path):
    (tmp_path / "a_undated.txt").write_text(UNDATED, encoding="utf-8")
    (tmp_path / "b_dated.txt").write_text(DATED, encoding="utf-8")
    docs, events = extract_paths([str(tmp_path)])
    assert [d.status for d in docs] == ["ok", "ok"]
    dates = [e.date for e in events]
    assert None in dates and any(d is not None for d in dates)
    assert dates.index(None) > max(i for i, d in enumerate(dates) if d is not None)
