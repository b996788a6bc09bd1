# The README's two commands: `make run` and `make test`. Both bootstrap .venv from the lock files.
SHELL := /bin/bash
PYTHON ?= python3
VENV := .venv
PY := $(VENV)/bin/python
STAMP := $(VENV)/.installed

.PHONY: run test lint fmt typecheck pytest jstest migrate bench clean

$(STAMP): requirements.lock requirements-dev.lock
	test -x $(PY) || $(PYTHON) -m venv $(VENV)
	$(PY) -m pip install --quiet --disable-pip-version-check -r requirements-dev.lock
	touch $(STAMP)

migrate: $(STAMP)
	$(PY) -m alembic upgrade head

run: $(STAMP)
	PATH="$(CURDIR)/$(VENV)/bin:$$PATH" exec scripts/serve.sh

lint: $(STAMP)
	$(PY) -m ruff check .
	$(PY) -m ruff format --check .

fmt: $(STAMP)
	$(PY) -m ruff format .
	$(PY) -m ruff check --fix .

typecheck: $(STAMP)
	$(PY) -m mypy

jstest:
	node --test tests/js/

pytest: $(STAMP)
	bash scripts/ensure-chromium.sh
	$(PY) -m pytest

test: lint typecheck jstest pytest

bench: $(STAMP)
	$(PY) -m benchmarks

clean:
	rm -rf $(VENV) .pytest_cache .mypy_cache .ruff_cache
