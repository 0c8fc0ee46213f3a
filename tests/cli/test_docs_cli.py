"""`dyadwatch docs` end to end: JSON Lines out, rejections listed, exit codes."""
from __future__ import annotations

import json
import os
import random
import subprocess
import sys
from pathlib import Path

from typer.testing import CliRunner

from dyadwatch.cli import app

ROOT = Path(__file__).resolve().parents[2]
PAGES = ROOT / "tests" / "fixtures" / "pages"
SAMPLES = ROOT / "data" / "samples"
KEYS = {"doc_id", "path", "status", "reason", "lang", "published", "title", "source", "text"}
EXE = Path(sys.executable).with_name("dyadwatch")  # the installed entry point


def run(*args: str, input: bytes | None = None):
    return CliRunner().invoke(app, ["docs", *args], input=input)


def records(out: str) -> list[dict]:
    return [json.loads(line) for line in out.splitlines() if line.strip()]


def test_folder_of_pages_gives_one_object_per_document():
    res = run(str(PAGES))
    assert res.exit_code == 0, res.output
    recs = records(res.stdout)
    assert all(KEYS <= set(r) for r in recs)
    by_id = {r["doc_id"]: r for r in recs}
    # good pages
    tass = by_id["tass_style_ru.txt"]
    assert tass["status"] == "ok" and tass["lang"] == "ru" and tass["published"] == "2019-04-26"
    assert tass["source"] == "TASS" and tass["title"].startswith("Шойгу и Хатами")
    assert "Читайте также" not in tass["text"]
    assert by_id["rec-html-1"]["status"] == "ok"
    # bad ones are listed, with reasons, and the run completes
    for doc_id in ("empty.txt", "whitespace.txt", "nul_bytes.txt", "broken.jsonl:2", "no-text"):
        assert by_id[doc_id]["status"] == "rejected" and by_id[doc_id]["reason"], doc_id
    assert "rejected" in res.stderr


def test_output_file_and_max_bytes(tmp_path):
    out = tmp_path / "docs.jsonl"
    res = run(str(PAGES / "tass_style_ru.txt"), str(PAGES / "xinhua_style_en.txt"), "-o", str(out),
              "--max-bytes", "1000")
    assert res.exit_code == 0
    assert res.stdout == ""
    recs = records(out.read_text(encoding="utf-8"))
    assert [r["status"] for r in recs] == ["rejected", "ok"]  # the Russian page is over 1000 bytes
    assert "1000" in recs[0]["reason"]


def test_missing_path_is_a_one_line_error_and_nonzero_exit(tmp_path):
    res = run(str(PAGES / "tass_style_ru.txt"), str(tmp_path / "missing.txt"))
    assert res.exit_code != 0
    assert res.stdout == ""  # nothing was written before the check
    lines = res.stderr.strip().splitlines()
    assert len(lines) == 1 and "missing.txt" in lines[0] and "no such file" in lines[0]


def test_stdin_text_and_jsonl():
    res = run("-", input=(PAGES / "trend_style_en.txt").read_bytes())
    [rec] = records(res.stdout)
    assert res.exit_code == 0 and rec["doc_id"] == "stdin" and rec["lang"] == "en" and rec["source"] == "Trend"
    res = run("-", input=(PAGES / "records.jsonl").read_bytes())
    assert [r["doc_id"] for r in records(res.stdout)] == ["rec-ru-1", "42", "rec-html-1"]


def test_binary_and_empty_files_are_rejected_with_reasons(tmp_path):
    rng = random.Random(7)
    (tmp_path / "random.bin").write_bytes(bytes(rng.getrandbits(8) for _ in range(2048)))
    (tmp_path / "empty.txt").write_bytes(b"")
    res = run(str(tmp_path))
    assert res.exit_code == 0
    recs = {r["doc_id"]: r for r in records(res.stdout)}
    assert recs["random.bin"]["status"] == "rejected" and recs["random.bin"]["reason"]
    assert recs["empty.txt"]["status"] == "rejected" and "empty" in recs["empty.txt"]["reason"]


def test_windows_1251_copy_gives_the_same_record_apart_from_the_hash(tmp_path):
    src = PAGES / "tass_style_ru.txt"
    copy = tmp_path / src.name
    copy.write_bytes(src.read_text(encoding="utf-8").encode("cp1251"))
    [a] = records(run(str(src)).stdout)
    [b] = records(run(str(copy)).stdout)
    for key in ("doc_id", "status", "lang", "published", "title", "source", "text"):
        assert a[key] == b[key], key
    assert a["content_hash"] != b["content_hash"]


SAMPLE_META = {  # doc_id: (lang, published, source) -- see data/samples/README.md
    "01_tass_shoigu_wei_2018.txt": ("ru", "2018-04-03", "TASS"),
    "02_xinhua_wei_shoigu_2018.txt": ("en", "2018-04-04", "Xinhua"),
    "03_pib_rajnath_shoigu_2019.txt": ("en", "2019-11-06", "PIB"),
    "04_austin_wei_shangri_la_2022.html": ("en", "2022-06-10", "Pacific Defence Review"),
    "05_tsamto_shoigu_khrenin_2022.txt": ("ru", "2022-12-05", "TSAMTO"),
    "06_mil_board_2022.txt": ("ru", "2022-12-21", "Ministry of Defence of the Russian Federation"),
    "shoigu-akar-call-2020": ("en", "2020-02-22", None),
    "shoigu-austin-call-2022": ("ru", "2022-05-13", None),
    "08_singh_li_2023.txt": ("en", "2023-04-27", "The National Ledger"),
}


def test_bundled_samples_all_read():
    res = run(str(SAMPLES))
    assert res.exit_code == 0
    recs = records(res.stdout)
    assert [r["doc_id"] for r in recs] == list(SAMPLE_META)  # sorted paths, README skipped
    for r in recs:
        assert r["status"] == "ok" and r["text"] and r["title"] and r["text"].startswith(r["title"])
        assert (r["lang"], r["published"], r["source"]) == SAMPLE_META[r["doc_id"]], r["doc_id"]
    texts = "\n".join(r["text"] for r in recs)
    for sidebar in ("Читайте также", "Related", "Обсуждаемое", "Новости по теме", "Also read", "Казахстана обсудили",
                    "Pakistani army chiefs", "запчастей", "Japanese and Australian", "Generals", "Генералы России"):
        assert sidebar not in texts, sidebar


def test_installed_command(tmp_path):
    out = tmp_path / "o.jsonl"
    proc = subprocess.run([str(EXE), "docs", str(PAGES / "newspaper_en.txt"), "-o", str(out)],
                          capture_output=True, text=True, timeout=120, env={**os.environ, "PYTHONIOENCODING": "utf-8"})
    assert proc.returncode == 0, proc.stderr
    [rec] = records(out.read_text(encoding="utf-8"))
    assert rec["title"] == "Austin and Wei hold first face-to-face talks in Singapore"
    proc = subprocess.run([str(EXE), "docs", str(tmp_path / "nope")], capture_output=True, text=True, timeout=120)
    assert proc.returncode != 0 and proc.stdout == "" and len(proc.stderr.strip().splitlines()) == 1


def test_module_entry_point_help():
    proc = subprocess.run([sys.executable, "-c", "from dyadwatch.cli import main; main()", "docs", "--help"],
                          capture_output=True, text=True, timeout=120)
    assert proc.returncode == 0 and "--max-bytes" in proc.stdout
