# clusterctl — developer tasks. Needs only python3 (3.11+): everything else goes into .venv.
PYTHON ?= python3
VENV ?= .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed
STAMP_TEST := $(VENV)/.installed-test
LOCK_TEST := requirements/test.txt
LOCK_RUNTIME := requirements/runtime.txt
LATEST := .venv-latest
# Installs from a lock: exact versions, every file checked against its hash; the package
# itself is installed in place, with no dependencies of its own (they are all in the lock)
# and with the build backend the lock pinned (no download at install time).
LOCKED_INSTALL = $(BIN)/python -m pip install --quiet --disable-pip-version-check

.PHONY: demo test suite lint type check fuzz bench schema templates lock test-latest clean help

help:
	@echo "make demo         - create .venv, install (locked), validate the example plans in projects/"
	@echo "make test         - create .venv, install the locked test environment, run lint, types,"
	@echo "                    the tests (with a short fuzzing slice) and validate projects/"
	@echo "make fuzz         - the long mutation fuzzing run (over 100,000 command executions)"
	@echo "make lint         - ruff check"
	@echo "make type         - mypy --strict on the package"
	@echo "make check        - clusterctl validate projects/"
	@echo "make bench        - benchmarks (see docs/performance.md)"
	@echo "make templates    - make the built-in Word templates (templates/*.docx) again"
	@echo "make lock         - regenerate requirements/*.txt from pyproject.toml (needs the network)"
	@echo "make test-latest  - run the suite against the newest releases of every dependency"

$(BIN)/python:
	$(PYTHON) -m venv $(VENV)

$(STAMP): $(BIN)/python pyproject.toml $(LOCK_RUNTIME)
	$(LOCKED_INSTALL) --require-hashes -r $(LOCK_RUNTIME)
	$(LOCKED_INSTALL) --no-deps --no-build-isolation -e .
	@touch $(STAMP)

$(STAMP_TEST): $(BIN)/python pyproject.toml $(LOCK_TEST)
	$(LOCKED_INSTALL) --require-hashes -r $(LOCK_TEST)
	$(LOCKED_INSTALL) --no-deps --no-build-isolation -e .
	@touch $(STAMP) $(STAMP_TEST)

demo: $(STAMP)
	$(BIN)/clusterctl --version
	$(BIN)/clusterctl validate projects/
	$(BIN)/clusterctl overdue projects/ --as-of 2022-10-16 --project primorye-roadmap-2022
	@# a Word plan table, as import reads it (exit 1: one deadline to look at, shown)
	$(BIN)/clusterctl import docs/examples/roadmap.docx --dry-run; test $$? -le 1

lint: $(STAMP_TEST)
	$(BIN)/ruff check clusterctl tests benchmarks docs/examples

type: $(STAMP_TEST)
	$(BIN)/mypy --strict clusterctl

check: $(STAMP)
	$(BIN)/clusterctl validate projects/

test: $(STAMP_TEST)
	$(MAKE) --no-print-directory suite BIN=$(BIN)

# The whole suite with the tools of $(BIN) (the locked .venv, or .venv-latest).
suite:
	$(BIN)/ruff check clusterctl tests benchmarks docs/examples
	$(BIN)/mypy --strict clusterctl
	$(BIN)/python -m pytest -n auto
	$(BIN)/clusterctl validate projects/

fuzz: $(STAMP_TEST)
	$(BIN)/python -m tests.fuzzing --executions 100000 --jobs 0

bench: $(STAMP_TEST)
	$(BIN)/python benchmarks/run.py --out docs/performance.md
	$(BIN)/python benchmarks/import_bench.py --out docs/import-benchmark.md

schema: $(STAMP)
	$(BIN)/clusterctl schema -o schema/plan.schema.json

# The built-in Word templates (templates/*.docx) are made by code: after changing
# clusterctl/documents/word_builtins.py, make them again (a test checks they are current).
templates: $(STAMP)
	$(BIN)/python -m clusterctl.documents.word_builtins templates

# The locks: the test environment first, then the runtime one inside it (the same versions),
# both for every platform and Python 3.11+ (uv's universal resolution), with hashes.
lock: $(BIN)/python
	$(BIN)/python -m pip install --quiet --disable-pip-version-check 'uv>=0.5'
	$(BIN)/uv pip compile pyproject.toml requirements/build.in --extra test --extra pdf --universal \
	    --python-version 3.11 --generate-hashes --quiet -o $(LOCK_TEST)
	$(BIN)/uv pip compile pyproject.toml requirements/build.in --extra pdf --universal \
	    --python-version 3.11 --generate-hashes --quiet --constraint $(LOCK_TEST) \
	    -o $(LOCK_RUNTIME)

# The same suite against the newest release of every dependency, in a venv of its own.
test-latest:
	$(PYTHON) -m venv $(LATEST)
	$(LATEST)/bin/python -m pip install --quiet --disable-pip-version-check --upgrade pip
	$(LATEST)/bin/python -m pip install --quiet --disable-pip-version-check --upgrade \
	    --upgrade-strategy eager -e '.[test]'
	$(MAKE) --no-print-directory suite BIN=$(LATEST)/bin

clean:
	rm -rf $(VENV) $(LATEST) .pytest_cache .mypy_cache .ruff_cache .hypothesis .clusterctl_cache dist build
