# Refuge Atlas. `make help` lists the targets.
SHELL := /bin/bash
.DEFAULT_GOAL := help
PYTHON ?= python3
VENV := .venv
PY := $(VENV)/bin/python
export PYTHONPATH := scripts
STAMP := $(VENV)/.installed-$(shell cat requirements.lock | sha1sum | cut -c1-12)
# The site generator: mkdocs (default), properdocs or zensical (see atlas/engines.py and
# docs/engine.md). The alternatives live in .venv-<engine>, from requirements-<engine>.lock.
ENGINE ?= mkdocs
ENGINE_SETUP := $(if $(filter-out mkdocs,$(ENGINE)),engine-$(ENGINE))

.PHONY: help setup build validate serve test test-fast browser-deps bench lock schema clean deploy geometry messages check-sources translations

help: ## list the targets, one line each
	@grep -hE '^[a-z-]+:.*## ' $(MAKEFILE_LIST) | awk -F ':.*## ' '{printf "  make %-12s %s\n", $$1, $$2}'

$(STAMP): requirements.lock
	test -x $(PY) || $(PYTHON) -m venv $(VENV)
	$(PY) -m pip install --quiet --disable-pip-version-check --require-hashes -r requirements.lock
	rm -f $(VENV)/.installed-*
	touch $(STAMP)

setup: $(STAMP) ## create .venv and install the pinned Python dependencies

build: $(STAMP) $(ENGINE_SETUP) ## validate the data and build the site into site/ (replaced only on success); ENGINE=zensical|properdocs to try another generator
	$(PY) -m atlas build --engine $(ENGINE)

engine-%: requirements-%.lock ## set up .venv-<engine> for ENGINE=<engine> (zensical, properdocs)
	@test -x .venv-$*/bin/python || $(PYTHON) -m venv .venv-$*
	@.venv-$*/bin/pip install --quiet --disable-pip-version-check --require-hashes -r requirements-$*.lock

validate: $(STAMP) ## check every data file; report every problem with file and line
	$(PY) -m atlas validate

serve: $(STAMP) ## live preview on http://127.0.0.1:8000; rebuilds when data/ or docs/ change
	$(PY) -m atlas generate --lang en
	ATLAS_STRICT=false $(PY) -m mkdocs serve --livereload --dirty

translations: $(STAMP) ## after reviewing translations, record what each was made from (FILES=… for some only)
	$(PY) -m atlas translations $(FILES)

check-sources: $(STAMP) ## check every source address (needs a network); list the dead and moved ones
	$(PY) -m atlas check-sources

schema: $(STAMP) ## export the JSON Schema to data/schema/ from the models
	$(PY) -m atlas schema

browser-deps: ## install Chromium (Debian) and axe-core (npm) for the browser tests, when missing
	@if [ -n "$$ATLAS_CHROMIUM" ]; then test -x "$$ATLAS_CHROMIUM" || { echo "ATLAS_CHROMIUM=$$ATLAS_CHROMIUM is not an executable"; exit 2; }; \
	elif ! command -v chromium >/dev/null; then \
	  if [ "$$(id -u)" = 0 ]; then apt-get update -qq && apt-get install -y -qq chromium; \
	  else echo "Chromium is missing: run 'sudo apt-get install chromium' (Debian), or set ATLAS_CHROMIUM to a Chrome or Chromium binary"; exit 2; fi; fi
	@test -f node_modules/axe-core/axe.min.js || npm ci --no-audit --no-fund --silent

test: $(STAMP) browser-deps engine-zensical ## run every test: unit, data, strict build, browser (real Chromium)
	$(PY) -m pytest

test-fast: $(STAMP) ## run the tests that need no browser
	$(PY) -m pytest -m "not browser"

bench: $(STAMP) ## print build time, page weight and search cost figures (and per engine, for those set up)
	$(PY) -m atlas.bench
	$(PY) -m atlas.bench --engines

lock: ## re-pin every Python dependency, with hashes, into requirements.lock from pyproject.toml
	rm -rf .venv-lock && $(PYTHON) -m venv .venv-lock
	.venv-lock/bin/pip install --quiet ".[test]" && .venv-lock/bin/pip freeze --exclude-editable | grep -v refuge-atlas > requirements.lock
	rm -rf .lock-files && .venv-lock/bin/pip download --quiet --no-deps -r requirements.lock -d .lock-files
	.venv-lock/bin/python scripts/hash_lock.py requirements.lock .lock-files
	rm -rf .venv-lock .lock-files

clean: ## remove build artefacts (keeps .venv)
	rm -rf build site site.old .site-building-* .pytest_cache

deploy: ## build for SITE_URL and publish site/ to the gh-pages branch (GitHub Pages)
	@test -n "$(SITE_URL)" || { echo "Set SITE_URL, e.g. make deploy SITE_URL=https://atlas.example/"; exit 2; }
	ATLAS_SITE_URL=$(SITE_URL) $(MAKE) build
	$(VENV)/bin/ghp-import --no-jekyll --push --force --message "Deploy $$(git rev-parse --short HEAD)" site

geometry: ## regenerate data/geo/world.json from Natural Earth (npm world-atlas)
	@test -f node_modules/world-atlas/countries-110m.json || npm ci --no-audit --no-fund --silent
	$(PY) -m atlas.geometry

messages: $(STAMP) ## extract translatable strings and update every locales/<code> catalogue
	$(PY) -m atlas.catalog
