# Hồ sơ số: the two commands of the README are `make run` and `make test`.
PYTHON ?= python3
VENV := .venv
PY := $(VENV)/bin/python
STAMP := $(VENV)/.installed

.PHONY: run test lint format bench venv system-deps-run system-deps-test clean translations templates \
	bundle bundle-test

run: system-deps-run $(STAMP)
	$(PY) -m desktop --sample

test: system-deps-test $(STAMP) lint
	QT_QPA_PLATFORM=offscreen $(PY) -m pytest -q -p no:cacheprovider $(PYTEST_ARGS)

lint: $(STAMP)
	$(VENV)/bin/ruff check .
	$(VENV)/bin/ruff format --check .

format: $(STAMP)
	$(VENV)/bin/ruff check --fix .
	$(VENV)/bin/ruff format .

bench: system-deps-test $(STAMP)
	QT_QPA_PLATFORM=offscreen $(PY) -m bench $(BENCH_ARGS)

translations: $(STAMP)
	$(PY) -m scripts.update_translations

templates: $(STAMP)
	$(PY) -m scripts.build_form_templates

venv: $(STAMP)

# One-folder PyInstaller bundle in dist/hoso (issue 8); bundle-test runs its self-test offscreen.
bundle: system-deps-test $(STAMP)
	$(PY) -m pip install -q -e '.[bundle]' --config-settings editable_mode=compat
	$(VENV)/bin/pyinstaller --noconfirm --clean --log-level WARN build.spec

bundle-test: bundle
	QT_QPA_PLATFORM=offscreen dist/hoso/hoso-desktop --selftest --report dist/selftest.txt
	cat dist/selftest.txt
	dist/hoso/hoso --help

system-deps-run:
	@bash scripts/system-deps.sh run

system-deps-test:
	@bash scripts/system-deps.sh test

$(STAMP): pyproject.toml
	@test -x $(PY) || $(PYTHON) -m venv $(VENV)
	$(PY) -m pip install -q --upgrade pip
	$(PY) -m pip install -q -e '.[test,lint]' --config-settings editable_mode=compat
	@touch $(STAMP)

clean:
	rm -rf $(VENV) build dist .pytest_cache .ruff_cache
