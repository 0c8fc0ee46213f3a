import datetime as dt
import subprocess
import sys


def test_loaded_kb_resolves_names_in_both_languages():
    from dyadwatch.kb import load_kb
    from dyadwatch.nlp.ru_morph import lemma_key

    kb = load_kb()
    assert kb.person_en[("sergei", "shoigu")] == {"p:shoigu-sergei"}
    assert "p:dong-jun" in kb.person_ru[lemma_key("Дун Цзюнь", names=True)]
    assert kb.country_ru[lemma_key("Китайская Народная Республика")] == "CHN"
    assert kb.country_abbr["КНР"] == "CHN" and kb.country_abbr["U.S."] == "USA"
    assert kb.country_ru.get(("того",)) == "TGO" and kb.country_ru.get(("тот",)) is None
    shoigu = kb.people["p:shoigu-sergei"]
    assert shoigu.office_at(dt.date(2020, 1, 1)).role == "Minister of Defence"
    assert shoigu.office_at(dt.date(2025, 1, 1)).role == "Secretary of the Security Council"


def test_gazetteer_prefers_exact_names_and_knows_russian_forms():
    from dyadwatch.kb import places

    g = places()
    assert g.en[("new", "delhi")][0].name == "New Delhi"
    assert g.ru[("душанбе",)][0].country == "TJK"
    assert g.by_name("Astana", "KAZ") is not None


def test_indices_are_cached_between_processes_and_rebuilt_identically(tmp_path):
    code = ("from dyadwatch.kb import load_kb, places; kb = load_kb(); g = places(); "
            "print(len(kb.people), len(kb.countries), len(g.en), len(g.ru))")
    env = {"DYADWATCH_CACHE": str(tmp_path), "PATH": "/usr/bin:/bin", "HOME": str(tmp_path)}
    first = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, env=env, check=True)
    assert sorted(p.name.split("-")[0] for p in tmp_path.glob("*.pickle")) == ["kb", "places", "places"]
    second = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, env=env, check=True)
    assert first.stdout == second.stdout and first.stdout.split()[0] != "0"


def test_a_rebuilt_cache_replaces_the_stale_one(tmp_path):
    stale = tmp_path / "kb-0123456789abcdef.pickle"
    stale.write_bytes(b"built by another version")
    other = tmp_path / "places-en-0123456789abcdef.pickle"  # another kind: not touched
    other.write_bytes(b"x")
    code = "from dyadwatch.kb import load_kb; print(len(load_kb().people))"
    env = {"DYADWATCH_CACHE": str(tmp_path), "PATH": "/usr/bin:/bin", "HOME": str(tmp_path)}
    subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, env=env, check=True)
    kb_files = sorted(p.name for p in tmp_path.glob("kb-*.pickle"))
    assert len(kb_files) == 1 and not stale.exists() and other.exists()


def test_hyphenated_given_names_match_as_written_and_split():
    from dyadwatch.kb import load_kb

    kb = load_kb()
    assert kb.person_en[("song", "young-moo")] == kb.person_en[("song", "young", "moo")] == {"p:song-young-moo"}
