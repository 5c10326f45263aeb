# clusterctl — developer tasks. Needs only python3 (3.11+): everything else goes into .venv.
PYTHON ?= python3
VENV ?= .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed
STAMP_TEST := $(VENV)/.installed-test

.PHONY: demo test lint type check bench schema clean help

help:
	@echo "make demo   - create .venv, install, validate the example plans in projects/"
	@echo "make test   - create .venv, install with test extras, run lint, types, tests, validate"
	@echo "make lint   - ruff check"
	@echo "make type   - mypy --strict on the package"
	@echo "make check  - clusterctl validate projects/"
	@echo "make bench  - benchmarks (see docs/performance.md)"

$(BIN)/python:
	$(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip

$(STAMP): $(BIN)/python pyproject.toml
	$(BIN)/python -m pip install --quiet -e .
	@touch $(STAMP)

$(STAMP_TEST): $(BIN)/python pyproject.toml
	$(BIN)/python -m pip install --quiet -e '.[test]'
	@touch $(STAMP) $(STAMP_TEST)

demo: $(STAMP)
	$(BIN)/clusterctl --version
	$(BIN)/clusterctl validate projects/

lint: $(STAMP_TEST)
	$(BIN)/ruff check clusterctl tests benchmarks

type: $(STAMP_TEST)
	$(BIN)/mypy --strict clusterctl

check: $(STAMP)
	$(BIN)/clusterctl validate projects/

test: $(STAMP_TEST)
	$(BIN)/ruff check clusterctl tests benchmarks
	$(BIN)/mypy --strict clusterctl
	$(BIN)/python -m pytest
	$(BIN)/clusterctl validate projects/

bench: $(STAMP_TEST)
	$(BIN)/python benchmarks/run.py --out docs/performance.md

schema: $(STAMP)
	$(BIN)/clusterctl schema -o schema/plan.schema.json

clean:
	rm -rf $(VENV) .pytest_cache .mypy_cache .ruff_cache .hypothesis .clusterctl_cache dist build
