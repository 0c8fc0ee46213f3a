# Two commands for a newcomer: `make run` and `make test`. Everything else is a helper.
PY ?= python3
VENV := .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed
TEST_STAMP := $(VENV)/.installed-test
DB ?= sqlite:///dyadwatch.db

.PHONY: install install-test run test bench score score-real clean

$(STAMP): pyproject.toml
	test -x $(BIN)/python || $(PY) -m venv $(VENV)
	$(BIN)/pip install -q --upgrade pip
	$(BIN)/pip install -q -e .
	touch $@

$(TEST_STAMP): pyproject.toml $(STAMP)
	$(BIN)/pip install -q -e '.[test]'
	touch $@

install: $(STAMP)

install-test: $(TEST_STAMP)

run: install
	$(BIN)/dyadwatch ingest data/samples --db $(DB)
	$(BIN)/dyadwatch events --db $(DB)
	@echo
	@echo "Browse: $(BIN)/dyadwatch serve --db $(DB)   then open http://127.0.0.1:8000/"

test: install-test
	$(BIN)/python -m tests.browser_setup
	$(BIN)/python -m pytest -q

bench: install
	$(BIN)/python -m benchmarks.run

# Score against the shared development set (needs ../shared beside the project).
score: install
	$(BIN)/dyadwatch extract ../shared/seeds ../shared/eval/dev/docs -o /tmp/dyadwatch-dev.jsonl
	$(PY) ../shared/eval/score.py --gold ../shared/eval/dev/seeds.gold.jsonl --gold ../shared/eval/dev/dev.gold.jsonl --pred /tmp/dyadwatch-dev.jsonl -v --strict-schema

# Score the real published pages of eval/real/ (texts in ../realpages; BATCH=ru-1 for one batch).
score-real: install
	$(BIN)/python eval/real/score_real.py $(if $(BATCH),--batch $(BATCH))

clean:
	rm -rf $(VENV) dyadwatch.db *.egg-info src/*.egg-info
