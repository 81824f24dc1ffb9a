# Beetroot Desktop. `make run` opens the app; `make test` runs the whole suite, then builds the installer
# bundle and checks it; `make build` only builds it (dist/Beetroot); `make package` builds the bundle and the
# Linux installers, `make test-package` checks them; `make bench` measures speed (see bench/README.md).
# All set up .venv first.
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
PHOTOS ?= tests/data/photos
BENCH_N ?= 300
BENCH_PEER_N ?= 60
BENCH_REPEATS ?= 3
BENCH_PHOTOS ?= $(PHOTOS)
# pytest-xdist: one test process per core (TEST_WORKERS=0 runs every test in one process)
TEST_WORKERS ?= auto

.PHONY: run test test-fast lint build check-bundle package installers test-package icons translations bench clean

$(BIN)/python:
	$(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip

# Reinstall only when the dependency list changes.
$(VENV)/.installed-app: pyproject.toml | $(BIN)/python
	$(BIN)/python -m pip install --quiet -e .
	touch $@

$(VENV)/.installed-build: pyproject.toml | $(BIN)/python
	$(BIN)/python -m pip install --quiet -e ".[build]"
	touch $@ $(VENV)/.installed-app

$(VENV)/.installed-test: pyproject.toml | $(BIN)/python
	$(BIN)/python -m pip install --quiet -e ".[test,build]"
	touch $@ $(VENV)/.installed-app $(VENV)/.installed-build

# face_recognition (the peer the bench compares with) goes in without its dependencies: it asks for
# the `dlib` source package, which dlib-bin already provides as a wheel.
$(VENV)/.installed-bench: pyproject.toml | $(BIN)/python
	$(BIN)/python -m pip install --quiet -e ".[bench]"
	$(BIN)/python -m pip install --quiet --no-deps "face_recognition>=1.3"
	touch $@ $(VENV)/.installed-app

run: $(VENV)/.installed-app
	$(BIN)/beetroot

# The one-folder bundle dist/Beetroot (and dist/Beetroot.app on macOS), from build.spec.
build: $(VENV)/.installed-build
	$(BIN)/python -m PyInstaller --noconfirm --log-level WARN build.spec

# Runs the frozen app: selftest, an import of sample photos, the GUI offscreen (tests/frozen/check_bundle.py).
check-bundle:
	$(BIN)/python tests/frozen/check_bundle.py dist/Beetroot --photos $(PHOTOS)

# Linux installers from the bundle: dist/beetroot_<version>_amd64.deb and dist/Beetroot-<version>-linux-x86_64.tar.gz
# (installers/package.py; `installers` alone reuses the bundle as it is). Windows and macOS installers are built
# by .github/workflows/release.yml.
package: build
	$(MAKE) installers

installers: $(VENV)/.installed-build
	$(BIN)/python installers/package.py linux

# Checks the installers (tests/packaging/check_package.py): lintian, the desktop and AppStream metadata, the NSIS
# script compiled around a stand-in payload, the release workflow; then, as root, installs the .deb, runs the
# installed app, upgrades it and purges it. PACKAGE_CHECK_ARGS=--no-install for the checks that need no root.
test-package: $(VENV)/.installed-test
	$(BIN)/python tests/packaging/check_package.py --photos $(PHOTOS) $(PACKAGE_CHECK_ARGS)

# Redraws resources/icons (every size the installers need) from the app's icon.
icons: $(VENV)/.installed-app
	$(BIN)/python installers/make_icons.py

# Collects the window's texts into beetroot_desktop/resources/i18n/*.ts (pyside6-lupdate) and compiles the .qm
# files the app loads (pyside6-lrelease); see "Translating Beetroot" in README.md.
translations: $(VENV)/.installed-app
	$(BIN)/python tools/translations.py update

test: $(VENV)/.installed-test
	$(BIN)/ruff check .
	$(BIN)/lint-imports
	$(BIN)/mypy
	QT_QPA_PLATFORM=offscreen $(BIN)/python -m pytest -n $(TEST_WORKERS) --dist worksteal
	$(MAKE) build
	$(MAKE) check-bundle

# The fast layer only: no dlib, no real photos (fakes and synthetic descriptors), seconds. `make test` runs it
# and the integration layer (tests/integration/, all marked slow, not even collected here).
test-fast: $(VENV)/.installed-test
	QT_QPA_PLATFORM=offscreen $(BIN)/python -m pytest -m "not slow" -q --ignore=tests/integration -n $(TEST_WORKERS)

# BENCH_N photos made from BENCH_PHOTOS, BENCH_REPEATS runs; BENCH_README=1 also updates bench/README.md.
bench: $(VENV)/.installed-bench
	BENCH_N=$(BENCH_N) BENCH_PEER_N=$(BENCH_PEER_N) BENCH_REPEATS=$(BENCH_REPEATS) BENCH_PHOTOS=$(BENCH_PHOTOS) \
		$(BIN)/python -m bench $(if $(BENCH_README),--readme bench/README.md)

lint: $(VENV)/.installed-test
	$(BIN)/ruff check .
	$(BIN)/lint-imports
	$(BIN)/mypy

clean:
	rm -rf $(VENV) build dist .pytest_cache
