"""Readers: files, folders, JSON Lines, stdin; bad input comes back rejected, never raises."""
from __future__ import annotations

import datetime as dt
import hashlib
import io
import json
import os
import random
import sys
from pathlib import Path

import pytest

from dyadwatch.ingest import RawDocument, read_paths, split_header

PAGES = Path(__file__).resolve().parents[1] / "fixtures" / "pages"
BIG = 10 * 1024 * 1024


def read_all(*paths, max_bytes: int = BIG) -> list[RawDocument]:
    return list(read_paths([str(p) for p in paths], max_bytes=max_bytes))


# --- the ` date YYYY-MM-DD ` header ------------------------------------------------------

def test_header_is_split_off_and_the_rest_stays_the_first_line():
    text, date = split_header(" date 2025-08-19 Войти\nЦАМТО\n")
    assert date == dt.date(2025, 8, 19)
    assert text == "Войти\nЦАМТО\n"


def test_header_rest_may_be_a_whole_paragraph():
    text, date = split_header(" date 2022-06-15 Москва. 15 июня. INTERFAX.RU - Текст.\n\nДальше.")
    assert date == dt.date(2022, 6, 15)
    assert text.startswith("Москва. 15 июня. INTERFAX.RU - Текст.\n")


@pytest.mark.parametrize("page", ["Обычная первая строка\nтекст", "date of the talks\n", " dated 2020-01-01 x"])
def test_no_header_leaves_the_page_unchanged(page):
    assert split_header(page) == (page, None)


def test_header_with_an_impossible_date_is_split_but_gives_no_date():
    text, date = split_header(" date 2021-02-30 Title\nbody")
    assert text == "Title\nbody" and date is None


def test_header_alone_on_its_line():
    text, date = split_header(" date 2021-02-03\nTitle\n")
    assert date == dt.date(2021, 2, 3) and text == "\nTitle\n"


# --- files and folders ------------------------------------------------------------------------

def test_text_file_fields():
    path = PAGES / "tass_style_ru.txt"
    [doc] = read_all(path)
    assert doc.ok and doc.status == "ok" and doc.reason is None
    assert doc.doc_id == "tass_style_ru.txt"
    assert doc.path == str(path)
    assert doc.fmt == "text"
    assert doc.published == dt.date(2019, 4, 26)
    assert doc.text.startswith("ТАСС\nАрмия и ОПК\n")
    assert doc.content_hash == hashlib.sha256(path.read_bytes()).hexdigest()
    assert doc.encoding == "utf-8"


def test_file_without_header_has_no_published_date():
    [doc] = read_all(PAGES / "xinhua_style_en.txt")
    assert doc.ok and doc.published is None
    assert doc.text.startswith("Chinese, Cambodian defense chiefs")


def test_html_file_is_marked_html():
    [doc] = read_all(PAGES / "article_en.html")
    assert doc.ok and doc.fmt == "html" and "<article>" in doc.text


def test_html_is_sniffed_whatever_the_extension(tmp_path):
    p = tmp_path / "page.txt"
    p.write_text("<!DOCTYPE html><html><body><p>Hi</p></body></html>", encoding="utf-8")
    [doc] = read_all(p)
    assert doc.fmt == "html"


def test_folder_is_read_recursively_in_sorted_order_skipping_hidden_and_readme(tmp_path):
    (tmp_path / "b").mkdir()
    (tmp_path / "a").mkdir()
    (tmp_path / ".git").mkdir()
    for rel in ["b/2.txt", "a/9.txt", "a/1.txt", "z.txt", ".hidden.txt", ".git/x.txt", "README.md"]:
        (tmp_path / rel).write_text("Министр обороны провел переговоры с коллегой в Москве.", encoding="utf-8")
    docs = read_all(tmp_path)
    assert [d.path for d in docs] == [str(tmp_path / r) for r in ["z.txt", "a/1.txt", "a/9.txt", "b/2.txt"]]
    assert [d.doc_id for d in docs] == ["z.txt", "1.txt", "9.txt", "2.txt"]
    assert docs == read_all(tmp_path)  # deterministic


def test_an_explicitly_named_readme_is_read(tmp_path):
    p = tmp_path / "README.md"
    p.write_text("Some text about a meeting of two defence ministers.", encoding="utf-8")
    [doc] = read_all(p)
    assert doc.ok


def test_missing_path_raises_before_anything_is_read(tmp_path):
    good = PAGES / "tass_style_ru.txt"
    with pytest.raises(FileNotFoundError) as err:
        read_paths([str(good), str(tmp_path / "nope.txt")], max_bytes=BIG)  # raised at the call
    assert err.value.filename == str(tmp_path / "nope.txt")


# --- bad input: rejected with a reason, the rest goes on --------------------------------------

def test_empty_whitespace_and_nul_files_are_rejected_with_reasons():
    docs = {d.doc_id: d for d in read_all(PAGES / "bad")}
    assert docs["empty.txt"].status == "rejected" and "empty" in docs["empty.txt"].reason
    assert docs["whitespace.txt"].status == "rejected" and "whitespace" in docs["whitespace.txt"].reason
    assert docs["nul_bytes.txt"].status == "rejected" and "NUL" in docs["nul_bytes.txt"].reason
    for d in docs.values():
        if not d.ok:
            assert d.text is None and d.reason


def test_random_binary_file_is_rejected(tmp_path):
    rng = random.Random(1234)
    p = tmp_path / "random.bin"
    p.write_bytes(bytes(rng.getrandbits(8) for _ in range(4096)))
    q = tmp_path / "random-no-nul.bin"
    q.write_bytes(bytes(b for b in (rng.getrandbits(8) for _ in range(4096)) if b))
    docs = read_all(p, q, PAGES / "tass_style_ru.txt")
    assert [d.status for d in docs] == ["rejected", "rejected", "ok"]
    assert "binary" in docs[0].reason.lower() or "NUL" in docs[0].reason
    assert docs[1].reason


@pytest.mark.parametrize("magic,kind", [(b"%PDF-1.7\n", "PDF"), (b"\x89PNG\r\n\x1a\n", "PNG"),
                                        (b"PK\x03\x04", "ZIP"), (b"\x1f\x8b\x08", "gzip")])
def test_known_binary_formats_are_named(tmp_path, magic, kind):
    p = tmp_path / "file.txt"
    p.write_bytes(magic + b"rest of the file " * 10)
    [doc] = read_all(p)
    assert doc.status == "rejected" and kind in doc.reason


def test_oversize_file_is_rejected_without_being_read(tmp_path, monkeypatch):
    p = tmp_path / "big.txt"
    p.write_bytes(b"Minister met minister. " * 5000)
    opened: list[str] = []
    real_open = open

    def spy(file, *a, **k):
        opened.append(str(file))
        return real_open(file, *a, **k)

    monkeypatch.setattr("builtins.open", spy)
    [doc] = read_all(p, max_bytes=1000)
    assert doc.status == "rejected" and "1000" in doc.reason and "large" in doc.reason
    assert str(p) not in opened


def test_undecodable_bytes_are_rejected_not_raised(tmp_path):
    p = tmp_path / "controls.txt"
    p.write_bytes(bytes(range(1, 9)) * 200)
    [doc] = read_all(p)
    assert doc.status == "rejected" and doc.reason


def test_directory_given_as_file_path_is_not_fatal(tmp_path):
    (tmp_path / "sub").mkdir()
    assert read_all(tmp_path / "sub") == []


# --- JSON Lines ------------------------------------------------------------------------------------

def test_jsonl_records():
    docs = read_all(PAGES / "records.jsonl")
    assert [d.doc_id for d in docs] == ["rec-ru-1", "42", "rec-html-1"]
    ru, en, html = docs
    assert ru.fmt == "text" and ru.url == "https://news.example.ru/army/1"
    assert ru.published == dt.date(2021, 8, 24)
    assert ru.title == "Шойгу открыл заседание российско-египетской комиссии"
    rec = json.loads((PAGES / "records.jsonl").read_text(encoding="utf-8").splitlines()[0])
    assert ru.content_hash == hashlib.sha256(rec["text"].encode("utf-8")).hexdigest()
    assert en.published == dt.date(2020, 2, 22) and en.url is None and en.title is None
    assert html.fmt == "html" and html.text.startswith("<html>")
    assert all(d.path == str(PAGES / "records.jsonl") for d in docs)


def test_broken_jsonl_gives_one_rejection_per_bad_line_and_keeps_the_rest():
    docs = read_all(PAGES / "bad" / "broken.jsonl")
    by_id = {d.doc_id: d for d in docs}
    assert [d.doc_id for d in docs] == ["ok-1", "broken.jsonl:2", "broken.jsonl:4", "no-text",
                                        "broken.jsonl:6", "ok-2"]
    assert by_id["ok-1"].ok and by_id["ok-2"].ok
    assert "not valid JSON" in by_id["broken.jsonl:2"].reason
    assert "no 'id'" in by_id["broken.jsonl:4"].reason
    assert "no 'text' or 'html'" in by_id["no-text"].reason
    assert "not a JSON object" in by_id["broken.jsonl:6"].reason


def test_jsonl_line_over_the_limit_is_skipped_not_read(tmp_path):
    p = tmp_path / "big.jsonl"
    small = json.dumps({"id": "small", "text": "Министры обороны провели переговоры."}, ensure_ascii=False)
    big = json.dumps({"id": "big", "text": "x" * 5000})
    p.write_text(small + "\n" + big + "\n" + small.replace("small", "after") + "\n", encoding="utf-8")
    docs = read_all(p, max_bytes=1000)
    assert [d.doc_id for d in docs] == ["small", "big.jsonl:2", "after"]
    assert docs[1].status == "rejected" and "1000" in docs[1].reason


def test_jsonl_bad_utf8_and_nul_text(tmp_path):
    p = tmp_path / "enc.jsonl"
    p.write_bytes(b'{"id": "a", "text": "\xff\xfe bad"}\n{"id": "b", "text": "nul \\u0000 inside"}\n')
    docs = read_all(p)
    assert [d.status for d in docs] == ["rejected", "rejected"]
    assert "UTF-8" in docs[0].reason and "NUL" in docs[1].reason


# --- stdin --------------------------------------------------------------------------------------

def _stdin(monkeypatch, data: bytes):
    monkeypatch.setattr(sys, "stdin", io.TextIOWrapper(io.BytesIO(data), encoding="utf-8"))


def test_stdin_text(monkeypatch):
    data = (PAGES / "trend_style_en.txt").read_bytes()
    _stdin(monkeypatch, data)
    [doc] = read_all("-")
    assert doc.doc_id == "stdin" and doc.path == "-" and doc.ok
    assert doc.published == dt.date(2019, 5, 2)
    assert doc.content_hash == hashlib.sha256(data).hexdigest()


def test_stdin_jsonl(monkeypatch):
    _stdin(monkeypatch, (PAGES / "records.jsonl").read_bytes() + b"{broken\n")
    docs = read_all("-")
    assert [d.doc_id for d in docs] == ["rec-ru-1", "42", "rec-html-1", "stdin:4"]
    assert docs[-1].status == "rejected"


def test_stdin_over_the_limit(monkeypatch):
    _stdin(monkeypatch, b"Minister met minister.\n" * 200)
    [doc] = read_all("-", max_bytes=100)
    assert doc.status == "rejected" and "100" in doc.reason


def test_stdin_empty(monkeypatch):
    _stdin(monkeypatch, b"")
    [doc] = read_all("-")
    assert doc.status == "rejected" and "empty" in doc.reason


def test_unreadable_file_is_rejected(tmp_path):
    folder = tmp_path / "pages"
    folder.mkdir()
    (folder / "gone.txt").symlink_to(tmp_path / "deleted-meanwhile.txt")  # a scraper's dangling link
    (folder / "good.txt").write_text("Текст статьи.", encoding="utf-8")
    docs = {d.doc_id: d for d in read_all(folder)}
    assert docs["good.txt"].status == "ok"
    assert docs["gone.txt"].status == "rejected" and "cannot read" in docs["gone.txt"].reason
    if os.geteuid() != 0:  # root reads files whatever their mode
        p = tmp_path / "secret.txt"
        p.write_text("text", encoding="utf-8")
        p.chmod(0)
        [doc] = read_all(p)
        assert doc.status == "rejected" and "cannot read" in doc.reason
