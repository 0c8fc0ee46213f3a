"""A command that needs an optional extra which is not installed stops with one line naming the
extra and how to install it, before it reads or writes anything. The extras are hidden here
from an environment that has them all: their modules are dropped from sys.modules and their
import made to fail, as in an install without the extra."""
from __future__ import annotations

import sys
from pathlib import Path

import pytest

from dyadwatch.extras import EXTRAS, MissingExtra, installed


class _Hidden:
    def __init__(self, names: set[str]) -> None:
        self.names = names

    def find_spec(self, name, path=None, target=None):
        if name.split(".")[0] in self.names:
            raise ModuleNotFoundError(f"No module named {name!r}", name=name)
        return None


@pytest.fixture
def without(monkeypatch):
    """without('parquet'): the modules of that extra cannot be imported until the test ends."""

    def hide(extra: str) -> None:
        names = set(EXTRAS[extra])
        monkeypatch.setattr(sys, "meta_path", [_Hidden(names), *sys.meta_path])
        for key in list(sys.modules):
            if key.split(".")[0] in names:
                monkeypatch.delitem(sys.modules, key)

    return hide


@pytest.fixture
def filled_db(tmp_path) -> str:
    sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "store"))
    from dyadwatch.store import Store
    from store_testkit import make_document, make_event, person

    db = f"sqlite:///{tmp_path / 'f.db'}"
    with Store(db) as s:
        s.add_document(make_document("a.txt"), [make_event("a.txt", countries=["RUS", "CHN"],
                                                           people=[person("RUS"), person("CHN")])])
    return db


def cli(*args: str):
    from typer.testing import CliRunner

    from dyadwatch.cli import app

    return CliRunner().invoke(app, list(args), env={"COLUMNS": "200"})


def test_every_extra_is_installed_for_the_tests():
    # make test installs them all; the tests below would otherwise hide nothing
    assert all(installed(extra) for extra in EXTRAS)


def test_export_parquet_names_the_extra(without, filled_db, tmp_path):
    without("parquet")
    out = tmp_path / "e.parquet"
    r = cli("export", "--db", filled_db, "--format", "parquet", "-o", str(out))
    assert r.exit_code == 1
    assert r.output.strip() == ("dyadwatch export: export --format parquet needs the 'parquet' extra: "
                                "pip install 'dyadwatch[parquet]'")
    assert not out.exists() and not Path(str(out) + ".part").exists()
    # the other formats do not need it
    assert cli("export", "--db", filled_db, "--format", "csv", "-o", str(tmp_path / "e.csv")).exit_code == 0


def test_write_parquet_from_python_names_the_extra(without, tmp_path):
    from dyadwatch.store.export import export

    without("parquet")
    with pytest.raises(MissingExtra, match=r"the 'parquet' extra: pip install 'dyadwatch\[parquet\]'"):
        export(iter([]), "parquet", tmp_path / "e.parquet")
    assert not (tmp_path / "e.parquet").exists()


def test_png_chart_names_the_extra_and_html_still_works(without, filled_db, tmp_path):
    without("plot")
    r = cli("stats", "--db", filled_db, "--plot", str(tmp_path / "s.png"))
    assert r.exit_code == 1 and "needs the 'plot' extra: pip install 'dyadwatch[plot]'" in r.output
    assert "Meetings per pair" not in r.output and not (tmp_path / "s.png").exists()
    r = cli("stats", "--db", filled_db, "--plot", str(tmp_path / "s.html"))
    assert r.exit_code == 0 and (tmp_path / "s.html").stat().st_size > 1000


@pytest.mark.parametrize("command", ["extract", "ingest"])
def test_dask_names_the_extra_before_reading(without, command, tmp_path):
    page = tmp_path / "p.txt"
    page.write_text("Russian Defence Minister Andrei Belousov met Chinese Defence Minister Dong Jun in "
                    "Moscow on 8 October 2025.\n", encoding="utf-8")
    without("dask")
    db = ["--db", f"sqlite:///{tmp_path / 'x.db'}"] if command == "ingest" else []
    r = cli(command, str(page), "--dask", "tcp://127.0.0.1:1", *db)
    assert r.exit_code == 1
    assert r.output.strip() == f"dyadwatch {command}: --dask needs the 'dask' extra: pip install 'dyadwatch[dask]'"
    assert not (tmp_path / "x.db").exists()


def test_process_documents_on_dask_names_the_extra(without):
    from dyadwatch.parallel import process_documents

    without("dask")
    with pytest.raises(MissingExtra, match="'dask' extra"):
        list(process_documents(iter([]), dask_address="tcp://127.0.0.1:1"))
