# Two commands for a newcomer: `make run` and `make test`. Everything else is a helper.
PY ?= python3
VENV := .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed
TEST_STAMP := $(VENV)/.installed-test
DB ?= sqlite:///dyadwatch.db

# Exact versions come from the lock files (make lock writes them from pyproject.toml's ranges):
# requirements.lock for the package, requirements-test.lock adds every extra and the test tools.
LOCK := requirements.lock
TEST_LOCK := requirements-test.lock
PIP := $(BIN)/python -m pip

.PHONY: install install-test run test lint lock bench score score-real clean fuzz interrupt

$(STAMP): pyproject.toml $(LOCK)
	test -x $(BIN)/python || $(PY) -m venv $(VENV)
	$(PIP) install -q --upgrade pip
	$(PIP) install -q --require-hashes -r $(LOCK)
	$(PIP) install -q --no-deps -e .
	touch $@

$(TEST_STAMP): $(TEST_LOCK) $(STAMP)
	$(PIP) install -q --require-hashes -r $(TEST_LOCK)
	touch $@

install: $(STAMP)

install-test: $(TEST_STAMP)

# Re-resolve the lock files after a change to pyproject.toml's ranges (UPGRADE=1: newest versions).
# uv resolves for every platform and Python 3.11-3.13 at once; pip installs the result.
UV_COMPILE = $(BIN)/uv pip compile pyproject.toml --universal --python-version 3.11 --generate-hashes \
	--custom-compile-command "make lock" -q $(if $(UPGRADE),--upgrade)
lock:
	test -x $(BIN)/python || $(PY) -m venv $(VENV)
	$(PIP) install -q 'uv>=0.5'
	$(UV_COMPILE) --extra dask --extra parquet --extra plot --extra test -o $(TEST_LOCK)
	$(UV_COMPILE) -c $(TEST_LOCK) -o $(LOCK)

run: install
	$(BIN)/dyadwatch ingest data/samples --db $(DB)
	$(BIN)/dyadwatch events --db $(DB)
	@echo
	@echo "Browse: $(BIN)/dyadwatch serve --db $(DB)   then open http://127.0.0.1:8000/"

# Lint and type-check (configured in pyproject.toml); make test runs them first.
lint: install-test
	$(BIN)/ruff check src tests benchmarks
	$(BIN)/mypy

test: lint
	$(BIN)/python -m tests.browser_setup
	$(BIN)/python -m pytest -q

bench: install-test
	$(BIN)/python -m benchmarks.run

# 10,000 fuzzed pages through extract, ingest and ingest --workers 2 (FUZZ_PAGES=... to change)
FUZZ_PAGES ?= 10000
fuzz: install-test
	$(BIN)/python -m tests.fuzz.run --pages $(FUZZ_PAGES)

# kill -9 and Ctrl-C at random moments during an ingest, then a rerun: records equal one uninterrupted run
INTERRUPT_PAGES ?= 2000
interrupt: install-test
	$(BIN)/python -m benchmarks.interrupt --pages $(INTERRUPT_PAGES) --trials 3

# Score against the shared development set (needs ../shared beside the project).
score: install
	$(BIN)/dyadwatch extract ../shared/seeds ../shared/eval/dev/docs -o /tmp/dyadwatch-dev.jsonl
	$(PY) ../shared/eval/score.py --gold ../shared/eval/dev/seeds.gold.jsonl --gold ../shared/eval/dev/dev.gold.jsonl --pred /tmp/dyadwatch-dev.jsonl -v --strict-schema

# Score the real published pages of eval/real/ (texts in ../realpages; BATCH=ru-1 for one batch).
score-real: install
	$(BIN)/python eval/real/score_real.py $(if $(BATCH),--batch $(BATCH))

clean:
	rm -rf $(VENV) dyadwatch.db *.egg-info src/*.egg-info
