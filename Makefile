# One entry point for everything a maintainer runs. Every target creates .venv when it is missing.
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed
export QT_QPA_PLATFORM ?= offscreen

.PHONY: run test lint typecheck unit bench screenshots installer smoke clean

$(STAMP): pyproject.toml
	bash installer/debian-deps.sh
	test -x $(BIN)/python || $(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install -q --upgrade pip
	$(BIN)/python -m pip install -q -e '.[dev]'
	touch $(STAMP)

run: $(STAMP)  ## the training database beside the default one (demo data on first start; no set-up wizard)
	QT_QPA_PLATFORM= $(BIN)/renkei-desk gui --training

test: lint typecheck unit  ## everything but the benchmarks

lint: $(STAMP)
	$(BIN)/ruff check desktop_app db tests installer
	$(BIN)/ruff format --check desktop_app db tests installer
	$(BIN)/lint-imports

typecheck: $(STAMP)
	$(BIN)/mypy

unit: $(STAMP)
	$(BIN)/pytest -q -m "not deep"

test-deep: $(STAMP)  ## the long exchange flows (tests marked deep); CI runs them after `make test`
	$(BIN)/pytest -q -m deep

bench: $(STAMP)  ## scale figures with ratios to the bare libraries; not part of `make test`
	$(BIN)/python -m tests.benchmarks

installer: $(STAMP)  ## the one-folder bundle dist/renkei-desk/ (PyInstaller; installer/README.md)
	$(BIN)/python -m pip install -q -e '.[installer]'
	PYTHON=$(BIN)/python bash installer/build.sh

smoke: installer  ## run the bundle headless as a ward PC would and check every result
	$(BIN)/python installer/smoke_test.py

screenshots: $(STAMP)
	$(BIN)/python -m tests.gui.make_screenshots docs/screenshots

clean:
	rm -rf $(VENV) .mypy_cache .ruff_cache .pytest_cache build dist
