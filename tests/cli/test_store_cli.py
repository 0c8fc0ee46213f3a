"""`dyadwatch ingest | events | documents | export | stats` with the real pipeline.

The articles are generated here (short Russian and English reports of made-up meetings of real
offices, several reports per meeting, plus unrelated news), so the tests hold whatever the
extractor finds in them: they assert relations (ingest == extract, re-runs change nothing, a
killed run finishes as an uninterrupted one, SQLite == PostgreSQL), not event counts."""
from __future__ import annotations

import json
import os
import random
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest

PY = sys.executable
# Every dyadwatch process of these tests runs with one hash seed: the extractor's output must not
# depend on it, but while it does (set iteration order in phrase matching), comparing two processes
# (ingest vs extract, a killed run vs its re-run) would test that instead of the store.
ENV = {**os.environ, "PYTHONHASHSEED": "0"}
_BIN = Path(sys.executable).with_name("dyadwatch")
DYADWATCH = [str(_BIN)] if _BIN.exists() else [PY, "-c", "from dyadwatch.cli import main; main()"]




# ------------------------------------------------------------------ generated articles

MONTHS_EN = ["January", "February", "March", "April", "May", "June", "July", "August", "September", "October",
             "November", "December"]
MONTHS_RU_GEN = ["января", "февраля", "марта", "апреля", "мая", "июня", "июля", "августа", "сентября", "октября",
                 "ноября", "декабря"]

# (English text, Russian text) of a meeting; {d} {m_en} {m_ru} {y} are filled per report.
MEETINGS = [
    ("Russian Defence Minister Andrei Belousov held talks with Chinese Minister of National Defence Dong Jun "
     "in Moscow on {m_en} {d}, {y}. The ministers discussed military cooperation and regional security.",
     "Министр обороны России Андрей Белоусов {d} {m_ru} провёл в Москве переговоры с министром обороны Китая "
     "Дун Цзюнем. Стороны обсудили военное сотрудничество и региональную безопасность."),
    ("Russian Defence Minister Andrei Belousov and Tajik Defence Minister Emomali Sobirzoda met in Dushanbe "
     "on {m_en} {d}, {y} and signed a plan of military cooperation for next year.",
     "Министр обороны России Андрей Белоусов и министр обороны Таджикистана Эмомали Собирзода {d} {m_ru} "
     "провели переговоры в Душанбе и подписали план военного сотрудничества на следующий год."),
    ("Belarusian Defence Minister Viktor Khrenin held a video conference with Chinese Defence Minister "
     "Dong Jun on {m_en} {d}, {y}, discussing joint exercises.",
     "Министр обороны Белоруссии Виктор Хренин {d} {m_ru} провёл видеоконференцию с министром обороны Китая "
     "Дун Цзюнем. Обсуждались совместные учения."),
    ("Chief of the Russian General Staff Valery Gerasimov spoke by phone with the Chief of Army Staff of "
     "India on {m_en} {d}, {y}.",
     "Начальник Генерального штаба Вооружённых сил России Валерий Герасимов {d} {m_ru} провёл телефонный "
     "разговор с начальником штаба сухопутных войск Индии."),
    ("Kazakh Defence Minister Ruslan Zhaksylykov received Kyrgyz Defence Minister Baktybek Bekbolotov in "
     "Astana on {m_en} {d}, {y}. The sides discussed border security.",
     "Министр обороны Казахстана Руслан Жаксылыков {d} {m_ru} принял в Астане министра обороны Киргизии "
     "Бактыбека Бекболотова. Стороны обсудили безопасность границ."),
]
OTHER_NEWS = [
    "Heavy snow is expected in Moscow this weekend, forecasters said on {m_en} {d}.",
    "Котировки на Московской бирже {d} {m_ru} выросли на полпроцента.",
    "The city council approved a new bus route on {m_en} {d}, {y}.",
    "В Казани {d} {m_ru} открылась выставка современного искусства.",
]


def _fill(tpl: str, day: int, month: int, year: int) -> str:
    return tpl.format(d=day, m_en=MONTHS_EN[month - 1], m_ru=MONTHS_RU_GEN[month - 1], y=year)


def make_articles(folder: Path, n: int = 40, seed: int = 0) -> list[Path]:
    """n plain-text pages in the scraper's format (` date YYYY-MM-DD Title`), unique contents."""
    rng = random.Random(seed)
    folder.mkdir(parents=True, exist_ok=True)
    paths = []
    for i in range(n):
        year, month = 2024, 1 + (i // 8) % 12
        day = 3 + (i % 8) * 3
        if i % 5 == 4:  # unrelated news
            body = _fill(OTHER_NEWS[i % len(OTHER_NEWS)], day, month, year)
            title = "News" if "{m_en}" in OTHER_NEWS[i % len(OTHER_NEWS)] else "Новости"
        else:
            en, ru = MEETINGS[i % len(MEETINGS)]
            lang = rng.choice(["en", "ru"])
            body = _fill(en if lang == "en" else ru, day, month, year)
            title = ("Defence ministers meet" if lang == "en" else "Переговоры министров обороны")
        city = rng.choice(["Moscow", "Москва"])
        text = f" date {year}-{month:02d}-{day:02d} {title} (report {i})\n\n{city}. {body}\n\nReport number {i}.\n"
        p = folder / f"{i:03d}_article.txt"
        p.write_text(text, encoding="utf-8")
        paths.append(p)
    return paths


WIN1251_ARTICLE = (" date 2024-03-15 Министр обороны России провёл переговоры с белорусским коллегой\n\n"
                   "Минск. 15 марта. Министр обороны России Андрей Белоусов 15 марта провёл в Минске переговоры "
                   "с министром обороны Белоруссии Виктором Хрениным. Стороны обсудили совместные учения "
                   "и военно-техническое сотрудничество.\n")


def make_bad_folder(folder: Path) -> dict[str, str]:
    """Good articles (one in windows-1251) plus one bad file of each kind (the 10 MB page apart:
    see `make_huge_page`). Returns {bad file name: what it is}."""
    make_articles(folder, n=6, seed=3)
    (folder / "win1251.txt").write_bytes(WIN1251_ARTICLE.encode("cp1251"))
    rng = random.Random(7)
    (folder / "random.bin").write_bytes(bytes(rng.randrange(256) for _ in range(4096)))
    (folder / "empty.txt").write_bytes(b"")
    (folder / "nul.txt").write_bytes(b"Defence ministers met\x00\x00\x00 in Moscow\x00 on Monday.\x00\x00" * 20)
    (folder / "broken.jsonl").write_text('{"id": "j1", "text": "Short note about the weather."\n'
                                         '{"id": "j2", "text": \n', encoding="utf-8")
    return {"random.bin": "binary", "empty.txt": "empty", "nul.txt": "NUL bytes", "broken.jsonl": "broken JSONL"}


def make_huge_page(path: Path, size: int = 10_500_000) -> None:
    """A ~10 MB HTML page with no article: a portal's endless navigation menu."""
    words = ["news", "world", "sport", "culture", "economy", "science", "weather", "video", "photo", "opinion"]
    rng = random.Random(11)
    parts = ["<!doctype html><html><head><title>Portal</title></head><body><nav><ul>\n"]
    n = len(parts[0])
    while n < size:
        a, b, c = rng.choice(words), rng.choice(words), rng.choice(words)
        li = f'<li class="menu-item"><a href="/{a}/{b}">{c.title()} {a}</a></li>\n'
        parts.append(li)
        n += len(li)
    parts.append("</ul></nav></body></html>\n")
    path.write_text("".join(parts), encoding="utf-8")


# ------------------------------------------------------------------ helpers

def run(*args: str, ok: bool = True, timeout: float = 600, env: dict | None = None) -> subprocess.CompletedProcess:
    r = subprocess.run([*DYADWATCH, *args], capture_output=True, text=True, timeout=timeout,
                       env={**ENV, **(env or {})})
    if ok:
        assert r.returncode == 0, f"dyadwatch {' '.join(args)} -> {r.returncode}\n{r.stderr[-4000:]}"
    return r


def extract_jsonl(paths: list[str], tmp: Path) -> str:
    out = tmp / f"extract-{time.monotonic_ns()}.jsonl"
    run("extract", *paths, "-o", str(out))
    return out.read_text(encoding="utf-8")


def events_jsonl(db: str) -> str:
    return run("events", "--db", db, "--format", "jsonl").stdout


def documents(db: str, *extra: str) -> list[dict]:
    return [json.loads(x) for x in run("documents", "--db", db, "--format", "jsonl", *extra).stdout.splitlines()]


def summary_line(r: subprocess.CompletedProcess) -> str:
    return r.stdout.strip().splitlines()[-1]


def count_documents(url: str) -> int:
    import sqlalchemy as sa

    from dyadwatch.store.db import make_engine

    eng = make_engine(url)
    try:
        with eng.connect() as c:
            try:
                return c.execute(sa.text("SELECT count(*) FROM documents")).scalar() or 0
            except sa.exc.DBAPIError:
                return 0
    finally:
        eng.dispose()


@pytest.fixture(scope="module")
def articles(tmp_path_factory) -> Path:
    folder = tmp_path_factory.mktemp("articles") / "in"
    make_articles(folder, 40)
    return folder


@pytest.fixture(scope="module")
def extracted(articles, tmp_path_factory) -> str:
    return extract_jsonl([str(articles)], tmp_path_factory.mktemp("extract"))


# ------------------------------------------------------------------ tests

@pytest.mark.slow
def test_ingest_twice_gives_the_events_of_extract(db_factory, articles, extracted):
    db = db_factory("twice")
    first = run("ingest", str(articles), "--db", db)
    assert summary_line(first).startswith("documents: 40 read, 40 new, 0 already stored, 0 rejected, 0 failed; events: ")
    once = events_jsonl(db)
    second = run("ingest", str(articles), "--db", db)
    assert summary_line(second) == ("documents: 40 read, 0 new, 40 already stored, 0 rejected, 0 failed; "
                                    "events: 0 new, 0 updated")
    assert events_jsonl(db) == once == extracted
    n_events = len(extracted.splitlines())
    assert f"events: {n_events} new, 0 updated" in summary_line(first)


@pytest.mark.slow
def test_ingest_in_two_runs_gives_the_events_of_extract(db_factory, articles, extracted):
    db = db_factory("halves")
    files = sorted(str(p) for p in articles.iterdir())
    run("ingest", *files[:17], "--db", db)
    r = run("ingest", str(articles), "--db", db)
    assert "17 already stored" in summary_line(r)
    assert events_jsonl(db) == extracted


@pytest.mark.slow
def test_kill_9_mid_ingest_then_rerun_gives_one_uninterrupted_run(db_factory, articles, extracted):
    ref, db = db_factory("ref"), db_factory("killed")
    run("ingest", str(articles), "--db", ref)
    proc = subprocess.Popen([*DYADWATCH, "ingest", str(articles), "--db", db], stdout=subprocess.PIPE,
                            stderr=subprocess.PIPE, text=True, env=ENV)
    deadline = time.monotonic() + 300
    while count_documents(db) < 3 and proc.poll() is None and time.monotonic() < deadline:
        time.sleep(0.002)
    killed = proc.poll() is None
    if killed:
        os.kill(proc.pid, signal.SIGKILL)
    proc.communicate(timeout=60)
    stored = count_documents(db)
    assert killed and 3 <= stored < 40, f"the run was not killed mid-way ({stored} documents stored)"
    # what the killed run left: whole documents only (each stored page with its events)
    left = events_jsonl(db)
    cited = {s["doc_id"] for line in left.splitlines() for s in json.loads(line)["sources"]}
    assert cited <= {d["doc_id"] for d in documents(db)}
    again = run("ingest", str(articles), "--db", db)
    assert f"{stored} already stored" in summary_line(again)
    assert events_jsonl(db) == events_jsonl(ref) == extracted
    assert documents(db, "--status", "ok")[-1]["doc_id"] == documents(ref)[-1]["doc_id"]


@pytest.mark.slow
def test_two_ingests_of_one_folder_at_once(db_factory, articles, extracted):
    db = db_factory("shared")
    run("documents", "--db", db)  # create the schema first (concurrent creation is tested in tests/store)
    procs = [subprocess.Popen([*DYADWATCH, "ingest", str(articles), "--db", db], stdout=subprocess.PIPE,
                              stderr=subprocess.PIPE, text=True, env=ENV) for _ in range(2)]
    outs = [p.communicate(timeout=600) for p in procs]
    assert [p.returncode for p in procs] == [0, 0], [e[-2000:] for _, e in outs]
    docs = documents(db)
    assert len(docs) == 40 and len({d["content_hash"] for d in docs}) == 40
    assert events_jsonl(db) == extracted
    new = [int(o.strip().splitlines()[-1].split(", ")[1].split()[0]) for o, _ in outs]
    assert sum(new) == 40, outs


@pytest.mark.slow
@pytest.mark.postgres
def test_sqlite_and_postgres_give_identical_events(pg_url, tmp_path, articles, extracted):
    lite = f"sqlite:///{tmp_path / 'lite.db'}"
    r1, r2 = run("ingest", str(articles), "--db", lite), run("ingest", str(articles), "--db", pg_url)
    assert summary_line(r1) == summary_line(r2)
    assert events_jsonl(lite) == events_jsonl(pg_url) == extracted
    strip = lambda ds: [{k: v for k, v in d.items() if k != "ingested_at"} for d in ds]  # noqa: E731
    assert strip(documents(lite)) == strip(documents(pg_url))


def _check_rejected(db: str, bad: dict[str, str], line: str) -> list[dict]:
    rejected = documents(db, "--status", "rejected")
    by_file: dict[str, list[dict]] = {}
    for d in rejected:
        by_file.setdefault(Path(d["path"] or d["doc_id"]).name, []).append(d)
    for name in bad:
        assert name in by_file, f"{name} ({bad[name]}) is not listed as rejected: {line}"
        assert all(d["reason"] for d in by_file[name]), by_file[name]
    assert set(by_file) == set(bad), f"a good article was rejected: {sorted(set(by_file) - set(bad))}"
    assert f"{len(rejected)} rejected" in line
    return rejected


@pytest.mark.slow
def test_bad_files_are_rejected_listed_and_the_good_ones_stored(db_factory, tmp_path):
    folder = tmp_path / "mixed"
    bad = make_bad_folder(folder)
    db = db_factory("bad")
    r = run("ingest", str(folder), "--db", db)
    line = summary_line(r)
    _check_rejected(db, bad, line)
    ok = {d["doc_id"]: d for d in documents(db, "--status", "ok")}
    assert len(ok) == 7 and ok["win1251.txt"]["lang"] == "ru"
    from dyadwatch.store import Store

    with Store(db) as s:
        text = s.get_document("win1251.txt")["text"]
    assert "Белоусов" in text and "Минск" in text
    # the good articles' events are what extract finds in them alone
    good = sorted(str(p) for p in folder.iterdir() if p.name not in bad)
    assert events_jsonl(db) == extract_jsonl(good, tmp_path)
    table = run("documents", "--db", db, "--status", "rejected").stdout
    assert "random.bin" in table and "empty" in table.lower()
    again = run("ingest", str(folder), "--db", db)
    assert " 0 new," in summary_line(again) and " 0 rejected," in summary_line(again)


@pytest.mark.slow
def test_a_10_mb_page_without_an_article_is_rejected(tmp_path):
    folder = tmp_path / "big"
    make_articles(folder, n=3, seed=5)
    make_huge_page(folder / "huge.html")
    db = f"sqlite:///{tmp_path / 'big.db'}"
    try:
        r = run("ingest", str(folder), "--db", db, timeout=300)
    except subprocess.TimeoutExpired:
        pytest.fail("ingest of a folder with a 10 MB HTML page did not finish in 300 s (the cleaner on huge.html)")
    _check_rejected(db, {"huge.html": "10 MB HTML page without an article"}, summary_line(r))
    assert len(documents(db, "--status", "ok")) == 3


def test_missing_path_is_a_one_line_error(tmp_path):
    db = f"sqlite:///{tmp_path / 'm.db'}"
    r = run("ingest", str(tmp_path / "nope"), "--db", db, ok=False)
    assert r.returncode != 0 and r.stdout == ""
    assert len(r.stderr.strip().splitlines()) == 1 and "nope" in r.stderr
    assert not (tmp_path / "m.db").exists()


def test_bad_database_url_is_a_one_line_error(tmp_path):
    r = run("events", "--db", "postgresql://nobody@127.0.0.1:1/none", ok=False)
    assert r.returncode != 0 and len(r.stderr.strip().splitlines()) == 1 and "cannot open database" in r.stderr


def test_database_from_environment_and_default(tmp_path, articles):
    files = sorted(str(p) for p in articles.iterdir())[:2]
    r = subprocess.run([*DYADWATCH, "ingest", *files], capture_output=True, text=True, cwd=tmp_path,
                       env={k: v for k, v in ENV.items() if k != "DYADWATCH_DB"})
    assert r.returncode == 0, r.stderr
    assert (tmp_path / "dyadwatch.db").exists()
    env_db = f"sqlite:///{tmp_path / 'env.db'}"
    r = subprocess.run([*DYADWATCH, "ingest", *files], capture_output=True, text=True, cwd=tmp_path,
                       env={**ENV, "DYADWATCH_DB": env_db})
    assert r.returncode == 0 and (tmp_path / "env.db").exists()
    # no progress bar when stdout is not a terminal: the summary line only
    assert r.stdout.strip().splitlines() == [r.stdout.strip()]


# ---- reading commands, in-process (fast) on a store filled by hand

@pytest.fixture
def filled_db(tmp_path) -> str:
    sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "store"))
    from dyadwatch.model import Location
    from dyadwatch.store import Store
    from store_testkit import make_document, make_event, person

    db = f"sqlite:///{tmp_path / 'f.db'}"
    with Store(db) as s:
        s.add_document(make_document("a.txt"), [make_event("a.txt", countries=["RUS", "CHN"], location=Location(
            "Moscow", "RUS"), people=[person("RUS"), person("CHN")])])
        s.add_document(make_document("b.txt"), [make_event("b.txt", date="2023-02-01", countries=["RUS", "TJK"],
                                                           mode="phone", people=[person("TJK")])])
        s.add_document(make_document("bad.bin", "", status="rejected", reason="binary file (PNG image)"), [])
    return db


def cli(*args: str):
    from typer.testing import CliRunner

    from dyadwatch.cli import app

    return CliRunner().invoke(app, list(args), env={"COLUMNS": "200"})


def test_events_formats_and_filters(filled_db):
    r = cli("events", "--db", filled_db)
    assert r.exit_code == 0 and "2 events" in r.output and "Andrei Belousov (RUS)" in r.output
    assert "Moscow, RUS" in r.output
    recs = [json.loads(x) for x in cli("events", "--db", filled_db, "--format", "jsonl").output.splitlines()]
    assert [x["date"] for x in recs] == ["2023-02-01", "2024-04-29"]
    pair = cli("events", "--db", filled_db, "--pair", "CHN,RUS", "--format", "jsonl").output.splitlines()
    assert [json.loads(x)["countries"] for x in pair] == [["CHN", "RUS"]]
    assert len(cli("events", "--db", filled_db, "--country", "TJK", "--format", "jsonl").output.splitlines()) == 1
    assert len(cli("events", "--db", filled_db, "--person", "Sobirzoda", "--format", "jsonl").output.splitlines()) == 1
    assert len(cli("events", "--db", filled_db, "--since", "2024-01-01", "--until", "2024-12-31", "--mode",
                   "in_person", "--kind", "meeting", "--format", "jsonl").output.splitlines()) == 1
    assert len(cli("events", "--db", filled_db, "--limit", "1", "--format", "jsonl").output.splitlines()) == 1
    csv_out = cli("events", "--db", filled_db, "--format", "csv").output.splitlines()
    assert csv_out[0].startswith("id,kind,mode,date") and len(csv_out) == 3
    assert cli("events", "--db", filled_db, "--pair", "RUS").exit_code != 0
    assert cli("events", "--db", filled_db, "--format", "xml").exit_code != 0


def test_documents_command(filled_db):
    r = cli("documents", "--db", filled_db, "--status", "rejected")
    assert r.exit_code == 0 and "bad.bin" in r.output and "binary file (PNG image)" in r.output
    assert "a.txt" not in r.output
    docs = [json.loads(x) for x in cli("documents", "--db", filled_db, "--format", "jsonl").output.splitlines()]
    assert [d["status"] for d in docs] == ["ok", "ok", "rejected"] and "text" not in docs[0]


def test_export_command(filled_db, tmp_path):
    import pyarrow.parquet as pq

    for fmt, name in (("jsonl", "e.jsonl"), ("csv", "e.csv"), ("parquet", "e.parquet"), ("plover", "p.jsonl")):
        r = cli("export", "--db", filled_db, "--format", fmt, "-o", str(tmp_path / name))
        assert r.exit_code == 0, r.output
    assert (tmp_path / "e.jsonl").read_text(encoding="utf-8") == cli("events", "--db", filled_db, "--format",
                                                                     "jsonl").output
    assert pq.read_table(tmp_path / "e.parquet").num_rows == 2
    plover = [json.loads(x) for x in (tmp_path / "p.jsonl").read_text(encoding="utf-8").splitlines()]
    assert {p["event_type"] for p in plover} == {"CONSULT"} and plover[1]["recipients"][0]["country"] == "RUS"
    assert cli("export", "--db", filled_db, "--format", "xml", "-o", str(tmp_path / "x")).exit_code != 0


def test_stats_command(filled_db, tmp_path):
    from dyadwatch.store.plot import matplotlib_available

    r = cli("stats", "--db", filled_db, "--plot", str(tmp_path / "s.html"))
    assert r.exit_code == 0, r.output
    assert "Meetings per pair" in r.output and "CHN-RUS" in r.output and "RUS-TJK" in r.output
    assert "Meetings per year" in r.output and "Meetings per mode" in r.output
    assert (tmp_path / "s.html").stat().st_size > 1_000_000
    assert matplotlib_available()  # the plot extra, installed for the tests: PNG charts must work with it
    r = cli("stats", "--db", filled_db, "--plot", str(tmp_path / "s.png"))
    assert r.exit_code == 0, r.output
    assert (tmp_path / "s.png").read_bytes()[:8] == b"\x89PNG\r\n\x1a\n"
    r = cli("stats", "--db", filled_db, "--plot", str(tmp_path / "s.svgz"))
    assert r.exit_code != 0 and ".html" in r.output
