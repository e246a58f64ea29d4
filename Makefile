# Hồ sơ số: the two commands of the README are `make run` and `make test`.
PYTHON ?= python3
VENV := .venv
PY := $(VENV)/bin/python
STAMP := $(VENV)/.installed

.PHONY: run test soak walkthrough lint format bench venv system-deps-run system-deps-test system-deps-bundle clean \
	translations templates bundle bundle-test lint-workflows windows-test system-deps-windows

run: system-deps-run $(STAMP)
	$(PY) -m desktop --sample

test: system-deps-test $(STAMP) lint
	QT_QPA_PLATFORM=offscreen $(PY) -m pytest -q -p no:cacheprovider $(PYTEST_ARGS)

# The real app offscreen under thousands of random user actions (tests/soak/run.py):
# SOAK_MINUTES (default 10), SOAK_ARGS (e.g. --seed 7 --lang en). A short one runs in `make test`.
SOAK_MINUTES ?= 10
soak: system-deps-test $(STAMP)
	$(PY) -m tests.soak.run --minutes $(SOAK_MINUTES) $(SOAK_ARGS)

# Two journeys (a citizen's birth registration, a clerk's day) through the real app on Xvfb,
# with real mouse and keyboard events; screenshots in build/walkthrough/{vi,en}/ and a report
# (tests/walkthrough/run.py). WALK_ARGS: e.g. --lang vi --journey citizen.
walkthrough: system-deps-test $(STAMP)
	$(PY) -m tests.walkthrough.run $(WALK_ARGS)

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

# One-folder PyInstaller bundle in dist/hoso (issue 8): `bundle` installs PyInstaller (the
# `bundle` extra) and builds; `bundle-test` runs the bundle's self-test offscreen, then
# scripts/check_bundle.py (every `hoso` --help, a scan through the frozen process pool, the GUI's
# --smoke offscreen and on Xvfb, the size table).
bundle: system-deps-bundle $(STAMP)
	$(PY) -m pip install -q -e '.[bundle]' --config-settings editable_mode=compat
	$(VENV)/bin/pyinstaller --noconfirm --clean --log-level WARN build.spec

bundle-test: bundle
	QT_QPA_PLATFORM=offscreen dist/hoso/hoso-desktop --selftest --report dist/selftest.txt
	dist/hoso/hoso --help >/dev/null
	QT_QPA_PLATFORM=offscreen $(PY) -m scripts.check_bundle dist/hoso

# The Windows app built, installed, used and uninstalled under Wine (issue 13):
# scripts/windows/windows-test.sh; report in build/windows/report.txt. The Wine prefix, Windows
# CPython with the app's wheels, pip's cache and Inno Setup's compiler are cached in
# $(HOSO_WINDOWS_CACHE) (default ~/.cache/hoso-windows): a second run skips them.
windows-test: system-deps-windows $(STAMP)
	LINUX_PY=$(abspath $(PY)) bash scripts/windows/windows-test.sh

# The Windows workflow cannot run here: validate it against GitHub's workflow schema
# (check-jsonschema, offline), yamllint and zizmor (static analysis), in a venv of their own.
LINT_VENV := .venv-lint
lint-workflows:
	@test -x $(LINT_VENV)/bin/zizmor || { $(PYTHON) -m venv $(LINT_VENV) && \
	  $(LINT_VENV)/bin/pip install -q check-jsonschema yamllint zizmor; }
	$(LINT_VENV)/bin/check-jsonschema --builtin-schema vendor.github-workflows .github/workflows/*.yml
	$(LINT_VENV)/bin/yamllint -c .github/yamllint.yml .github
	$(LINT_VENV)/bin/zizmor --offline --config .github/zizmor.yml .github/workflows

system-deps-run:
	@bash scripts/system-deps.sh run

system-deps-test:
	@bash scripts/system-deps.sh test

system-deps-bundle:
	@bash scripts/system-deps.sh bundle

system-deps-windows:
	@bash scripts/system-deps.sh windows

$(STAMP): pyproject.toml
	@test -x $(PY) || $(PYTHON) -m venv $(VENV)
	$(PY) -m pip install -q --upgrade pip
	$(PY) -m pip install -q -e '.[test,lint]' --config-settings editable_mode=compat
	@touch $(STAMP)

clean:
	rm -rf $(VENV) $(LINT_VENV) build dist .pytest_cache .ruff_cache
