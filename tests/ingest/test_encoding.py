"""Encodings: a windows-1251, KOI8-R or UTF-16 copy of a page reads exactly like the UTF-8 original."""
from __future__ import annotations

import os
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from dyadwatch.clean import prepare
from dyadwatch.ingest import DecodeError, decode_bytes, read_paths

PAGES = Path(__file__).resolve().parents[1] / "fixtures" / "pages"
RU_PAGES = sorted(p for p in PAGES.glob("*_ru.txt"))
EN_PAGES = sorted(p for p in PAGES.glob("*_en.txt"))
SHARED_SEEDS = Path(__file__).resolve().parents[2].parent / "shared" / "seeds"

SHORT_RU = ["Шойгу провел переговоры.", "Минск", "Войти", "ЦАМТО", "Да", "Войти\n\n211\n0\n0\n",
            "ЦАМТО, 18 августа.", "МОСКВА, 24 августа. /ТАСС/. Шойгу", "Теги: Сергей Шойгу, Турция",
            "Привет, мир! «Цитата» — №5", "Белоусов провел переговоры со своим коллегой"]


def _read(path: Path):
    [raw] = list(read_paths([str(path)], max_bytes=10**7))
    return raw


@pytest.mark.parametrize("path", RU_PAGES, ids=lambda p: p.name)
@pytest.mark.parametrize("encoding", ["cp1251", "koi8_r", "utf-16", "utf-16-le", "utf-16-be", "utf-8-sig"])
def test_russian_page_copies_read_like_the_original(tmp_path, path, encoding):
    # KOI8-R has no « » — •: such characters become '?' in the copy and in the original alike
    original = path.read_text(encoding="utf-8").encode(encoding, errors="replace").decode(encoding)
    utf8 = tmp_path / "utf8" / path.name
    utf8.parent.mkdir()
    utf8.write_text(original, encoding="utf-8")
    copy = tmp_path / path.name
    copy.write_bytes(original.encode(encoding))
    a, b = _read(utf8), _read(copy)
    assert b.ok, b.reason
    assert (b.text, b.published) == (a.text, a.published)
    da, db = prepare(a), prepare(b)
    assert (db.text, db.title, db.lang, db.source) == (da.text, da.title, da.lang, da.source)
    assert b.content_hash != a.content_hash  # the hash is of the bytes


@pytest.mark.parametrize("path", EN_PAGES, ids=lambda p: p.name)
@pytest.mark.parametrize("encoding", ["cp1252", "utf-16", "utf-16-le", "utf-8-sig"])
def test_english_page_copies_read_like_the_original(tmp_path, path, encoding):
    original = path.read_text(encoding="utf-8")
    copy = tmp_path / path.name
    copy.write_bytes(original.encode(encoding))
    assert _read(copy).text == _read(path).text


def test_stored_koi8r_and_utf16_fixtures():
    original = _read(PAGES / "tass_style_ru.txt")
    for name in ("tass_style_ru.koi8r.txt", "tass_style_ru.utf16.txt"):
        raw = _read(PAGES / "encodings" / name)
        assert raw.ok and raw.text == original.text and raw.published == original.published, name
    en = _read(PAGES / "encodings" / "xinhua_style_en.utf16le-nobom.txt")
    assert en.text == _read(PAGES / "xinhua_style_en.txt").text


@pytest.mark.parametrize("text", SHORT_RU)
@pytest.mark.parametrize("encoding", ["cp1251", "koi8_r", "utf-16-le", "utf-8"])
def test_short_cyrillic_texts(text, encoding):
    data = text.encode(encoding, errors="replace")  # KOI8-R lacks « » — №: '?' instead
    decoded, _ = decode_bytes(data)
    assert decoded == data.decode(encoding)


@pytest.mark.skipif(not SHARED_SEEDS.is_dir(), reason="../shared/seeds not present")
@pytest.mark.parametrize("encoding", ["cp1251", "utf-16"])
def test_shared_seed_copies_read_like_the_originals(tmp_path, encoding):
    checked = 0
    for seed in sorted(SHARED_SEEDS.glob("*.txt")):
        original = seed.read_text(encoding="utf-8")
        try:
            data = original.encode(encoding)
        except UnicodeEncodeError:  # e.g. a Turkish "ş" in a sidebar headline has no windows-1251 code
            continue
        copy = tmp_path / seed.name
        copy.write_bytes(data)
        a, b = prepare(_read(seed)), prepare(_read(copy))
        assert (b.text, b.published, b.lang, b.title) == (a.text, a.published, a.lang, a.title), seed.name
        checked += 1
    assert checked >= 3


def test_utf8_wins_when_it_decodes_cleanly():
    text, enc = decode_bytes("Café — Шойгу".encode("utf-8"))
    assert enc == "utf-8" and text == "Café — Шойгу"


def test_bom_is_dropped():
    text, enc = decode_bytes("\ufeffШойгу".encode("utf-8"))
    assert text == "Шойгу"


@pytest.mark.parametrize("data", [b"", b"\x00" * 50, os.urandom(0) + b"%PDF-1.4 ...", bytes(range(1, 32)) * 20])
def test_non_text_raises_decode_error(data):
    with pytest.raises(DecodeError):
        decode_bytes(data)


@settings(max_examples=120, deadline=None)
@given(st.binary(max_size=600))
def test_decode_bytes_never_raises_anything_else(data):
    try:
        text, enc = decode_bytes(data)
    except DecodeError as exc:
        assert str(exc)
    else:
        assert isinstance(text, str) and enc


@settings(max_examples=40, deadline=None)
@given(st.text(alphabet="абвгдеёжзийклмнопрстуфхцчшщъыьэюяАБВГДЕЖЗИЙКЛМНОПРСТУФХЦЧШЩЭЮЯ ,.\n", min_size=40,
               max_size=400))
def test_windows_1251_letter_soup_never_crashes(text):
    # random letters are not Russian: the encoding may be misjudged or refused, never a crash
    try:
        decoded, _ = decode_bytes(text.encode("cp1251"))
    except DecodeError:
        return
    assert len(decoded) == len(text)


def test_windows_1251_runs_of_one_letter_are_not_read_as_korean():
    text = "АААААААААААААААААААААААААААВАВАаАаАаАааааааааааааа"
    assert decode_bytes(text.encode("cp1251")) == (text, "cp1251")
