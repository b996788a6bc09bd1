# The README's commands. `make run` installs the runtime lock only; `make test` the dev lock (the
# runtime tree plus the test and lint tools). Both lock files are made by `make lock` and carry hashes.
SHELL := /bin/bash
PYTHON ?= python3
VENV := .venv
PY := $(VENV)/bin/python
RUNTIME_STAMP := $(VENV)/.installed-runtime
DEV_STAMP := $(VENV)/.installed-dev
PIP_INSTALL := $(PY) -m pip install --quiet --disable-pip-version-check --require-hashes
UV_VERSION := 0.13.8
UV := $(VENV)/lock-tool/bin/uv
UV_COMPILE := $(UV) pip compile pyproject.toml --universal --python-version 3.11 --generate-hashes \
	--custom-compile-command "make lock" --quiet
SCREENSHOTS := $(CURDIR)/docs/screenshots
SCREENSHOT_TESTS := tests/browser/test_screens.py::test_screenshot_of_the_player_on_a_phone \
	tests/browser/test_history.py::test_two_months_of_history_at_phone_and_desktop_widths \
	tests/browser/test_guide_screens.py

.PHONY: run test lint fmt typecheck pytest jstest migrate backup restore bench screenshots lock clean

$(PY):
	$(PYTHON) -m venv $(VENV)

$(RUNTIME_STAMP): requirements.lock | $(PY)
	$(PIP_INSTALL) -r requirements.lock
	touch $@

# The dev lock pins the runtime tree to the same versions, so installing it satisfies both stamps.
$(DEV_STAMP): requirements.lock requirements-dev.lock | $(PY)
	$(PIP_INSTALL) -r requirements-dev.lock
	touch $@ $(RUNTIME_STAMP)

migrate: $(RUNTIME_STAMP)
	$(PY) -m alembic upgrade head

# backup: a consistent copy of DATABASE_URL's database while the app runs, into
# backups/squeeze-<UTC time>.db|.dump (or OUT=path). restore FILE=…: checks the file, then replaces
# the database with it; stop the app first.
backup: $(RUNTIME_STAMP)
	$(PY) -m scripts.backup backup $(if $(OUT),--out "$(OUT)")

restore: $(RUNTIME_STAMP)
	@test -n "$(FILE)" || { echo "make restore needs the backup to restore: make restore FILE=backups/…" >&2; exit 2; }
	$(PY) -m scripts.backup restore "$(FILE)"

run: $(RUNTIME_STAMP)
	PATH="$(CURDIR)/$(VENV)/bin:$$PATH" exec scripts/serve.sh

lint: $(DEV_STAMP)
	$(PY) -m ruff check .
	$(PY) -m ruff format --check .

fmt: $(DEV_STAMP)
	$(PY) -m ruff format .
	$(PY) -m ruff check --fix .

typecheck: $(DEV_STAMP)
	$(PY) -m mypy

jstest:
	node --test tests/js/

pytest: $(DEV_STAMP)
	bash scripts/ensure-chromium.sh
	$(PY) -m pytest

test: lint typecheck jstest pytest

# The README's pictures: the screenshot tests write into docs/screenshots/ only when asked to.
screenshots: $(DEV_STAMP)
	bash scripts/ensure-chromium.sh
	SCREENSHOTS_DIR="$(SCREENSHOTS)" $(PY) -m pytest -q -p no:cacheprovider $(SCREENSHOT_TESTS)

bench: $(DEV_STAMP)
	$(PY) -m benchmarks

# Re-resolve both lock files from pyproject.toml, keeping the versions already locked where they fit.
lock: | $(PY)
	test -x $(UV) || { $(PYTHON) -m venv $(VENV)/lock-tool && $(VENV)/lock-tool/bin/pip install --quiet uv==$(UV_VERSION); }
	$(UV_COMPILE) -o requirements.lock
	$(UV_COMPILE) --extra dev -c requirements.lock -o requirements-dev.lock

clean:
	rm -rf $(VENV) .pytest_cache .mypy_cache .ruff_cache
