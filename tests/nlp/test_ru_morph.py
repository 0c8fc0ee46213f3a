"""Russian morphology runs on pymorphy3 and never needs pkg_resources, which setuptools 81 and
later no longer ship (pymorphy2, which natasha still installs, looks its dictionary up there)."""
from __future__ import annotations

import subprocess
import sys
import textwrap

# the interpreter of this test run, with `import pkg_resources` made to fail as in a venv that
# has setuptools >= 81, then a Russian page through the whole extraction
_NO_PKG_RESOURCES = textwrap.dedent("""
    import sys

    class _Gone:
        def find_spec(self, name, path=None, target=None):
            if name == "pkg_resources" or name.startswith("pkg_resources."):
                raise ModuleNotFoundError("No module named 'pkg_resources'")
            return None

    sys.meta_path.insert(0, _Gone())
    from dyadwatch.pipeline import extract_paths
    docs, events = extract_paths([sys.argv[1]])
    print([e.to_record() for e in events])
    print("pymorphy2 analyzer built:", any(type(o).__module__.startswith("pymorphy2")
                                             for o in __import__("gc").get_objects()
                                             if type(o).__name__ == "MorphAnalyzer"))
""")


def test_russian_extraction_without_pkg_resources(tmp_path):
    page = tmp_path / "ru.txt"
    page.write_text(" date 2025-10-08 Москва, 8 октября. Министр обороны России Андрей Белоусов "
                    "встретился в Москве с министром обороны Китая Дун Цзюнем. Стороны обсудили "
                    "военное сотрудничество.\n", encoding="utf-8")
    out = subprocess.run([sys.executable, "-c", _NO_PKG_RESOURCES, str(page)], capture_output=True,
                         text=True, timeout=300)
    assert out.returncode == 0, out.stderr
    records, built = out.stdout.strip().splitlines()[-2:]
    assert "Belousov" in records and "Dong Jun" in records and "'CHN'" in records
    assert built == "pymorphy2 analyzer built: False"


def test_vocab_is_pymorphy3_with_natasha_features():
    from dyadwatch.nlp.ru_morph import morph_vocab

    vocab = morph_vocab()
    assert type(vocab).__mro__[1].__module__.startswith("pymorphy3")
    form = next(f for f in vocab("министром") if f.pos == "NOUN")
    assert form.normal == "министр" and form.feats["Case"] == "Ins" and form.feats["Number"] == "Sing"
    # natasha inflects with UD features; the form agrees
    assert form.inflect({"Nom", "Sing"}).word == "министр"
    assert vocab("Минске") is vocab("Минске")  # parses are cached per word
