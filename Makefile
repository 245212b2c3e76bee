# Byline: the two set-up commands are `make run` and `make test`.
PYTHON ?= python3
VENV   ?= .venv
PY      = $(VENV)/bin/python
STAMP   = $(VENV)/.installed

.PHONY: run test lint bench screenshots server dist dist-test clean translations

$(PY):
	$(PYTHON) -m venv $(VENV)

# Reinstall when the project or the pinned versions change.
$(STAMP): $(PY) pyproject.toml requirements.lock
	$(PY) -m pip install --quiet --upgrade pip
	$(PY) -m pip install --quiet -c requirements.lock -e ".[dev]"
	touch $(STAMP)

# The interface's translations (#18): every resources/translations/*.ts built into its .qm
# (build products, not in git), loaded at start for the interface language.
TS_FILES = $(wildcard resources/translations/*.ts)
QM_FILES = $(TS_FILES:.ts=.qm)

translations: $(QM_FILES)

resources/translations/%.qm: resources/translations/%.ts | $(STAMP)
	$(VENV)/bin/pyside6-lrelease -silent $< -qm $@

run: $(STAMP) translations
	$(VENV)/bin/byline

test: $(STAMP) translations
	QT_QPA_PLATFORM=offscreen QTWEBENGINE_DISABLE_SANDBOX=1 $(PY) -m pytest -q -p no:cacheprovider

lint: $(STAMP)
	$(VENV)/bin/ruff check editor_app tests benchmarks

bench: $(STAMP)
	$(PY) benchmarks/library.py --articles 100000

screenshots: $(STAMP) translations
	QT_QPA_PLATFORM=offscreen QTWEBENGINE_DISABLE_SANDBOX=1 $(PY) -m editor_app --screenshots docs/screenshots

# A throw-away newsroom server on this machine (#15): a private PostgreSQL cluster in a
# temporary folder, run as an unprivileged user (initdb refuses root), with the Byline
# schema; prints its DSN and removes everything on Ctrl+C. Needs Debian's postgresql.
server: $(STAMP)
	$(PY) -m editor_app.core.server.cluster

clean:
	rm -rf build dist *.egg-info .pytest_cache resources/translations/*.qm

# Desktop build: a one-folder PyInstaller program in dist/byline/ (packaging/byline.spec).
DIST_STAMP = $(VENV)/.dist-installed

$(DIST_STAMP): $(STAMP) packaging/requirements-dist.txt
	$(PY) -m pip install --quiet -r packaging/requirements-dist.txt
	touch $(DIST_STAMP)

# numpy for the desktop build only (#16): the locked version compiled without BLAS/LAPACK
# (numpy's own loops and its bundled LAPACK subset) into build/, first on PYTHONPATH while
# PyInstaller runs. The wheel's OpenBLAS alone is 25 MB of the 30 MB the related-news
# topic space may add; without it numpy adds about 13 MB and the related-news budgets still
# hold (README, Desktop build). Compiling takes 5-20 minutes; the wheel is kept in build/.
NUMPY_VERSION = $(shell sed -n 's/^numpy==//p' requirements.lock)
NUMPY_NOBLAS = build/numpy-noblas
NUMPY_NOBLAS_WHEELS = build/numpy-noblas-wheel

$(NUMPY_NOBLAS)/.installed: requirements.lock | $(STAMP)
	test -n "$$(ls $(NUMPY_NOBLAS_WHEELS)/numpy-$(NUMPY_VERSION)-*.whl 2>/dev/null)" || \
		$(PY) -m pip wheel --quiet --no-deps --no-binary numpy --no-cache-dir \
			-w $(NUMPY_NOBLAS_WHEELS) numpy==$(NUMPY_VERSION) -Csetup-args=-Dblas=none \
			-Csetup-args=-Dlapack=none -Csetup-args=-Dallow-noblas=true
	rm -rf $(NUMPY_NOBLAS)
	$(PY) -m pip install --quiet --no-deps --target $(NUMPY_NOBLAS) \
		$(NUMPY_NOBLAS_WHEELS)/numpy-$(NUMPY_VERSION)-*.whl
	touch $@

dist: $(DIST_STAMP) translations $(NUMPY_NOBLAS)/.installed
	PYTHONPATH=$(NUMPY_NOBLAS) $(PY) -m PyInstaller --noconfirm --clean --log-level WARN \
		--distpath dist --workpath build/pyinstaller packaging/byline.spec
	@du -sh dist/byline

dist-test: dist
	$(PY) packaging/smoke_test.py dist/byline/byline
