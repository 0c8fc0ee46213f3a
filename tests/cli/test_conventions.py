"""Command-line habits, on real processes: --version, -v/-q, environment variables in --help,
data on stdout and messages on stderr, one-line errors (the traceback only with --verbose),
NO_COLOR, and Ctrl-C / SIGTERM during `ingest`: the current document's transaction finishes,
the summary of what was stored is printed, the exit status is 130 / 143, and a rerun continues
to what one uninterrupted run gives."""
from __future__ import annotations

import os
import re
import signal
import subprocess
import time

import pytest

from dyadwatch import __version__
from tests.cli.test_store_cli import DYADWATCH, ENV, count_documents, make_articles, make_bad_folder

ANSI_COLOR = re.compile(r"\x1b\[[0-9;]*3[0-9](;[0-9]+)*m|\x1b\[[0-9;]*38;[0-9;]*m")


def dw(*args: str, env: dict | None = None, **kw) -> subprocess.CompletedProcess:
    return subprocess.run([*DYADWATCH, *args], capture_output=True, text=True, timeout=600,
                          env={**ENV, **(env or {})}, **kw)


def test_version():
    r = dw("--version")
    assert r.returncode == 0 and r.stdout.strip() == f"dyadwatch {__version__}" and r.stderr == ""


def test_help_shows_the_environment_variables():
    top = dw("--help").stdout
    for var in ("DYADWATCH_DB", "DYADWATCH_CACHE", "DYADWATCH_TOKEN", "NO_COLOR"):
        assert var in top
    for cmd in ("ingest", "events", "documents", "export", "stats", "serve"):
        assert "DYADWATCH_DB" in dw(cmd, "--help").stdout, cmd


def test_db_from_the_environment_is_the_option_shown_in_help(tmp_path):
    (tmp_path / "a.txt").write_text("МОСКВА, 3 марта. Министр обороны России провёл переговоры с министром "
                                    "обороны Китая в Москве. Стороны обсудили сотрудничество.\n", encoding="utf-8")
    db = tmp_path / "env.db"
    r = dw("ingest", str(tmp_path / "a.txt"), env={"DYADWATCH_DB": f"sqlite:///{db}"})
    assert r.returncode == 0 and db.exists()


@pytest.fixture(scope="module")
def mixed(tmp_path_factory):
    folder = tmp_path_factory.mktemp("mixed")
    make_articles(folder / "good", 3)
    make_bad_folder(folder / "bad")
    return folder


def test_extract_data_on_stdout_messages_on_stderr_and_quiet(mixed):
    r = dw("extract", str(mixed))
    assert r.returncode == 0
    assert all(line.startswith("{") for line in r.stdout.splitlines()) and r.stdout
    assert "rejected " in r.stderr and "documents: " in r.stderr
    q = dw("-q", "extract", str(mixed))
    assert q.returncode == 0 and q.stdout == r.stdout and q.stderr == ""


def test_ingest_quiet_and_verbose(mixed, tmp_path):
    db = f"sqlite:///{tmp_path / 'q.db'}"
    q = dw("--quiet", "ingest", str(mixed), "--db", db)
    assert q.returncode == 0 and q.stdout == "" and q.stderr == ""
    v = dw("-v", "ingest", str(mixed), "--db", f"sqlite:///{tmp_path / 'v.db'}")
    assert v.returncode == 0 and v.stdout.startswith("documents: ")
    vv = dw("-vv", "ingest", str(mixed), "--db", f"sqlite:///{tmp_path / 'vv.db'}",
            env={"DYADWATCH_FAULTS": "extract:raise:report 1)"})
    # -vv: the library's debug log (the failed document's traceback) on stderr, data unchanged
    assert vv.returncode == 0 and re.search(r", [1-9]\d* failed;", vv.stdout)
    assert "DEBUG dyadwatch.work" in vv.stderr and "Traceback" in vv.stderr


def test_an_error_that_stops_the_run_is_one_line_and_verbose_adds_the_traceback(tmp_path):
    (tmp_path / "a.txt").write_text("Some page text about nothing in particular at all.\n")
    out = tmp_path / "no" / "such" / "dir" / "x.jsonl"
    r = dw("extract", str(tmp_path / "a.txt"), "-o", str(out))
    assert r.returncode == 1 and r.stdout == ""
    lines = r.stderr.strip().splitlines()
    assert len(lines) == 1 and lines[0].startswith("dyadwatch: error: FileNotFoundError: ") and "--verbose" in lines[0]
    v = dw("-v", "extract", str(tmp_path / "a.txt"), "-o", str(out))
    assert v.returncode == 1 and "Traceback (most recent call last)" in v.stderr


def test_usage_errors_exit_2(tmp_path):
    assert dw("extract").returncode == 2
    assert dw("events", "--format", "xml", "--db", f"sqlite:///{tmp_path / 'x.db'}").returncode == 2
    assert dw("documents", "--status", "broken", "--db", f"sqlite:///{tmp_path / 'x.db'}").returncode == 2
    assert dw("no-such-command").returncode == 2


def test_no_color_is_respected(mixed, tmp_path):
    db = f"sqlite:///{tmp_path / 'c.db'}"
    assert dw("ingest", str(mixed), "--db", db).returncode == 0
    env = {"FORCE_COLOR": "1", "COLUMNS": "200"}
    env_no = {k: v for k, v in ENV.items() if k != "NO_COLOR"}
    colored = subprocess.run([*DYADWATCH, "documents", "--db", db], capture_output=True, text=True,
                             env={**env_no, **env}).stdout
    assert ANSI_COLOR.search(colored), "FORCE_COLOR should colour the rejected rows"
    plain = dw("documents", "--db", db, env={**env, "NO_COLOR": "1"}).stdout
    assert not ANSI_COLOR.search(plain) and "rejected" in plain


# ------------------------------------------------------------------ signals

def _interrupt_ingest(folder, db: str, sig: int, after: int, workers: str = "1"):
    proc = subprocess.Popen([*DYADWATCH, "ingest", str(folder), "--db", db, "--workers", workers],
                            stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True, env=ENV)
    deadline = time.monotonic() + 300
    while count_documents(db) < after and proc.poll() is None and time.monotonic() < deadline:
        time.sleep(0.01)
    assert proc.poll() is None, "the ingest ended before it could be interrupted"
    os.kill(proc.pid, sig)
    out, err = proc.communicate(timeout=120)
    return proc.returncode, out, err


@pytest.fixture(scope="module")
def many(tmp_path_factory):
    folder = tmp_path_factory.mktemp("many") / "in"
    make_articles(folder, 120)
    return folder


@pytest.fixture(scope="module")
def reference(many, tmp_path_factory):
    db = f"sqlite:///{tmp_path_factory.mktemp('ref') / 'ref.db'}"
    assert dw("ingest", str(many), "--db", db).returncode == 0
    return dw("events", "--db", db, "--format", "jsonl").stdout


@pytest.mark.slow
@pytest.mark.parametrize("sig,code,workers", [(signal.SIGINT, 130, "1"), (signal.SIGTERM, 143, "1"),
                                              (signal.SIGINT, 130, "2")])
def test_a_signal_during_ingest_stores_the_current_document_and_a_rerun_continues(
        many, reference, tmp_path, sig, code, workers):
    db = f"sqlite:///{tmp_path / 'sig.db'}"
    rc, out, err = _interrupt_ingest(many, db, sig, after=5, workers=workers)
    assert rc == code, err[-2000:]
    stored = count_documents(db)
    assert 5 <= stored < 120
    # the summary says what was stored; no traceback
    m = re.search(r"documents: (\d+) read, (\d+) new, 0 already stored, 0 rejected, 0 failed;", out)
    assert m and int(m.group(2)) == stored, out
    assert "interrupted" in err and "Traceback" not in err
    again = dw("ingest", str(many), "--db", db)
    assert again.returncode == 0 and f"{stored} already stored" in again.stdout
    assert dw("events", "--db", db, "--format", "jsonl").stdout == reference
