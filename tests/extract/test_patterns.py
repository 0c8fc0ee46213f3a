"""The per-language pattern files: they load, follow the schema, and a broken file is refused."""
from __future__ import annotations

import shutil

import pytest

from dyadwatch.extract import language as lg


def test_every_language_folder_loads_and_follows_the_schema():
    assert {"ru", "en"} <= set(lg.languages())
    for code in lg.languages():
        p = lg.profile(code)
        assert p.code == code
        assert "встреча" in lg.profile("ru").triggers and "met" in lg.profile("en").triggers
        assert all(isinstance(k, tuple) and isinstance(v, str) for k, v in p.roles.items())
        assert set(p.topics) <= set(lg.TOPICS)


def test_role_phrases_are_word_tuples_with_the_country_slot():
    ru = lg.profile("ru")
    assert ru.roles[("министр", "оборона")] == "Minister of Defence"
    assert ru.roles[("глава", lg.SLOT, "военный", "ведомство")] == "Minister of Defence"
    assert lg.profile("en").ranks[("lieutenant", "general")] == "Lieutenant General"


def _copy(tmp_path, code="en"):
    dst = tmp_path / code
    shutil.copytree(lg.DATA / code, dst)
    return dst


def test_a_missing_key_is_refused(tmp_path):
    folder = _copy(tmp_path)
    path = folder / "lexicon.toml"
    path.write_text(path.read_text(encoding="utf-8").replace("\ntriggers = [", "\nxtriggers = [", 1), encoding="utf-8")
    with pytest.raises(lg.SchemaError, match="triggers"):
        lg.Profile("en", lg.read_folder(folder))


def test_a_bad_switch_value_is_refused(tmp_path):
    folder = _copy(tmp_path)
    path = folder / "language.toml"
    path.write_text(path.read_text(encoding="utf-8").replace('person_spans = "capitalised"', 'person_spans = "x"'),
                    encoding="utf-8")
    with pytest.raises(lg.SchemaError, match="person_spans"):
        lg.Profile("en", lg.read_folder(folder))


def test_a_topic_outside_the_fixed_list_is_refused(tmp_path):
    folder = _copy(tmp_path, "ru")
    path = folder / "lexicon.toml"
    path.write_text(path.read_text(encoding="utf-8").replace("\nsyria = [", "\nsyrie = [", 1), encoding="utf-8")
    with pytest.raises(lg.SchemaError, match="syrie"):
        lg.Profile("ru", lg.read_folder(folder))


def test_a_third_language_is_a_data_folder(tmp_path, monkeypatch):
    """A copy of the English folder under another code loads and extracts with no code change."""
    import datetime as dt

    from dyadwatch.extract import extract_events
    from dyadwatch.model import Document

    folder = _copy(tmp_path)
    (folder.parent / "xx").mkdir()
    for f in folder.iterdir():
        text = f.read_text(encoding="utf-8").replace('code = "en"', 'code = "xx"')
        (folder.parent / "xx" / f.name).write_text(text, encoding="utf-8")
    shutil.copy(lg.DATA / "common.toml", tmp_path / "common.toml")
    monkeypatch.setattr(lg, "DATA", tmp_path)
    lg.profile.cache_clear()
    try:
        from dyadwatch.nlp import get_analyzer

        class XX:
            lang = "xx"

            def analyze(self, text):
                a = get_analyzer("en").analyze(text)
                a.lang = "xx"
                return a

        monkeypatch.setattr("dyadwatch.nlp.get_analyzer", lambda code: XX() if code == "xx" else get_analyzer(code))
        doc = Document("x1", lang="xx", published=dt.date(2024, 3, 5),
                       text="Defence Minister Rajnath Singh met Russian Defence Minister Andrei Belousov in "
                            "New Delhi on March 4 and discussed military cooperation.")
        evs = extract_events(doc)
        assert [e.countries for e in evs] == [["IND", "RUS"]]
    finally:
        lg.profile.cache_clear()
