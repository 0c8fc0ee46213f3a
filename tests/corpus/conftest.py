"""Print the corpus's per-language table at the end of any run that scored it."""
from __future__ import annotations


def pytest_terminal_summary(terminalreporter, exitstatus, config):
    from .report import language_table
    from .test_corpus import CORPUS_KEY

    corpus = config.stash.get(CORPUS_KEY, None)
    if corpus is None:
        return
    table, _ = language_table(corpus)
    terminalreporter.write_sep("-", "tests/corpus")
    terminalreporter.write_line(table)
