"""A new user's install: a fresh virtual environment with the newest setuptools (81 or later:
no pkg_resources), the exact versions of requirements.lock, dyadwatch built from this tree
(not editable, so package data must ship), and no extras. In it `make run`'s ingest and
`dyadwatch extract` work on the bundled samples and give the records this test run's own
environment gives; a command that needs an extra names it.

pip installs from its cache when it has the files (CI's machine keeps it between runs) and
from the package index otherwise."""
from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
SAMPLES = ROOT / "data" / "samples"


def _run(cmd: list[str], **kw) -> subprocess.CompletedProcess:
    out = subprocess.run(cmd, capture_output=True, text=True, timeout=1200, **kw)
    assert out.returncode == 0, f"{' '.join(map(str, cmd))}\n{out.stdout[-2000:]}\n{out.stderr[-4000:]}"
    return out


@pytest.fixture(scope="module")
def fresh_venv(tmp_path_factory) -> Path:
    base = tmp_path_factory.mktemp("fresh")
    # the project as a user gets it: sources and metadata only (no .venv, caches or build files)
    src = base / "dyadwatch"
    shutil.copytree(ROOT / "src", src / "src", ignore=shutil.ignore_patterns("__pycache__", "*.egg-info"))
    for name in ("pyproject.toml", "README.md", "requirements.lock"):
        shutil.copy2(ROOT / name, src / name)
    venv = base / "venv"
    _run([sys.executable, "-m", "venv", str(venv)])
    py = str(venv / "bin" / "python")
    pip = [py, "-m", "pip", "install", "-q", "--disable-pip-version-check"]
    _run([*pip, "--upgrade", "pip", "setuptools>=81"])
    _run([*pip, "--require-hashes", "-r", str(src / "requirements.lock")])
    # built with that setuptools, not in an isolated build environment
    _run([*pip, "--no-deps", "--no-build-isolation", str(src)])
    return venv


def _env(tmp: Path) -> dict[str, str]:
    # a cold KB cache of its own, and one hash seed for both environments' runs
    return {**os.environ, "DYADWATCH_CACHE": str(tmp / "cache"), "PYTHONHASHSEED": "0"}


@pytest.mark.slow
def test_fresh_venv_has_newest_setuptools_and_no_extras(fresh_venv):
    py = str(fresh_venv / "bin" / "python")
    out = _run([py, "-c", "import importlib.metadata as m, importlib.util as u; "
                          "print(m.version('setuptools'), u.find_spec('pkg_resources') is None, "
                          "[x for x in ('pyarrow', 'distributed', 'matplotlib', 'pytest') if u.find_spec(x)])"])
    version, no_pkg_resources, extras = out.stdout.split(" ", 2)
    assert int(version.split(".")[0]) >= 81 and no_pkg_resources == "True"
    assert extras.strip() == "[]"


@pytest.mark.slow
def test_fresh_venv_ingests_and_extracts_the_samples(fresh_venv, tmp_path):
    exe = str(fresh_venv / "bin" / "dyadwatch")
    env = _env(tmp_path)
    db = f"sqlite:///{tmp_path / 'run.db'}"
    out = _run([exe, "ingest", str(SAMPLES), "--db", db], env=env, cwd=tmp_path)
    assert "documents: 9 read, 9 new" in out.stdout, out.stdout
    listed = _run([exe, "events", "--db", db, "--format", "jsonl"], env=env, cwd=tmp_path).stdout.splitlines()
    fresh = _run([exe, "extract", str(SAMPLES)], env=env, cwd=tmp_path).stdout.splitlines()
    assert len(fresh) == len(listed) >= 5
    assert {r["date"] for r in map(json.loads, fresh)} >= {"2018-04-03", "2022-12-03"}  # Russian pages
    # the same records as this test run's environment (the same locked versions)
    mine = _run([sys.executable, "-c", "from dyadwatch.cli import main; main()", "extract", str(SAMPLES)],
                env={**env, "DYADWATCH_CACHE": str(tmp_path / "cache-here")}, cwd=tmp_path).stdout.splitlines()
    assert fresh == mine


@pytest.mark.slow
def test_fresh_venv_names_a_missing_extra(fresh_venv, tmp_path):
    exe = str(fresh_venv / "bin" / "dyadwatch")
    db = f"sqlite:///{tmp_path / 'e.db'}"
    out = subprocess.run([exe, "export", "--db", db, "--format", "parquet", "-o", str(tmp_path / "e.parquet")],
                         capture_output=True, text=True, timeout=300, env=_env(tmp_path))
    assert out.returncode == 1 and "Traceback" not in out.stderr
    assert out.stderr.strip() == ("dyadwatch export: export --format parquet needs the 'parquet' extra: "
                                  "pip install 'dyadwatch[parquet]'")
