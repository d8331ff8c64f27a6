# The two commands a fresh machine needs (see README):
#   make serve   install the service into .venv and run it on the default rules.yaml
#   make test    install everything the tests need (Python, Debian and npm packages) and run them all
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
SUDO := $(shell [ "$$(id -u)" = 0 ] || echo sudo)
FIXTURES := tests/browser/fixtures

.PHONY: serve test install test-deps browsers

serve: install
	$(BIN)/rapport serve

test: test-deps
	$(BIN)/python -m pytest

install:
	[ -x $(BIN)/python ] || $(PYTHON) -m venv $(VENV)
	$(BIN)/pip install -q -e .

test-deps: install browsers
	$(BIN)/pip install -q -e '.[test]'

# Debian's chromium and firefox-esr; the fixture pages' real editors from npm.
browsers:
	command -v chromium >/dev/null && command -v firefox-esr >/dev/null || \
	  ($(SUDO) apt-get update -qq && $(SUDO) env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium firefox-esr)
	[ ! -f $(FIXTURES)/package.json ] || (cd $(FIXTURES) && npm ci --no-audit --no-fund --loglevel=error)
