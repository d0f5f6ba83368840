# One entry point for everything a maintainer runs. Every target creates .venv when it is missing.
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed
export QT_QPA_PLATFORM ?= offscreen

.PHONY: run test lint typecheck unit bench screenshots clean

$(STAMP): pyproject.toml
	bash installer/debian-deps.sh
	test -x $(BIN)/python || $(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install -q --upgrade pip
	$(BIN)/python -m pip install -q -e '.[dev]'
	touch $(STAMP)

run: $(STAMP)  ## the program on its default database (demo data on first start)
	QT_QPA_PLATFORM= $(BIN)/renkei-desk gui --demo

test: lint typecheck unit  ## everything but the benchmarks

lint: $(STAMP)
	$(BIN)/ruff check desktop_app db tests
	$(BIN)/ruff format --check desktop_app db tests
	$(BIN)/lint-imports

typecheck: $(STAMP)
	$(BIN)/mypy

unit: $(STAMP)
	$(BIN)/pytest -q

bench: $(STAMP)  ## scale figures with ratios to the bare libraries; not part of `make test`
	$(BIN)/python -m tests.benchmarks

screenshots: $(STAMP)
	$(BIN)/python -m tests.gui.make_screenshots docs/screenshots

clean:
	rm -rf $(VENV) .mypy_cache .ruff_cache .pytest_cache
