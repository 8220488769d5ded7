# Two commands do all set-up on a fresh Debian machine with Python 3.11:
#   make build   -> .venv, install, validate + budget + build the example region
#   make test    -> .venv with test extras, run the test suite
PYTHON ?= $(shell command -v python3.11 || command -v python3)
VENV   := .venv
BIN    := $(VENV)/bin
STAMP  := $(VENV)/.installed

# Debian packages WeasyPrint needs at run time (Pango for text layout).
SYSTEM_PKGS := libpango-1.0-0 libpangoft2-1.0-0 libharfbuzz-subset0
# For the accessibility test: axe-core runs in Debian's headless Chromium via Node.js.
# shellcheck: actionlint checks the scripts of the CI templates with it.
TEST_PKGS   := chromium shellcheck $(if $(shell command -v node),,nodejs npm)
A11Y        := tests/a11y
A11Y_STAMP  := $(A11Y)/node_modules/.installed

.PHONY: build test lint screenshots systemdeps testdeps aptdeps clean

build: $(STAMP) systemdeps
	$(BIN)/dvo validate
	$(BIN)/dvo budget
	$(BIN)/dvo build

# One pytest worker per CPU; an idle worker takes tests queued for a busy one (worksteal).
test: $(STAMP) systemdeps testdeps $(A11Y_STAMP) lint
	$(BIN)/python -m pytest -n auto --dist worksteal

# Style and types (configured in pyproject.toml): ruff on generator/ and tests/, mypy on generator/.
lint: $(STAMP)
	$(BIN)/ruff check generator tests bench
	$(BIN)/ruff format --check generator tests bench
	$(BIN)/mypy

# Screenshots of the built site (phone and desktop) in docs/screenshots/, not committed.
screenshots: $(STAMP) testdeps $(A11Y_STAMP)
	@test -f site/index.html || { echo "Bouw eerst de site: make build"; exit 1; }
	@$(BIN)/python -m http.server 8123 --bind 127.0.0.1 --directory site >/dev/null 2>&1 & pid=$$!; sleep 1; \
	  node $(A11Y)/screenshots.mjs http://127.0.0.1:8123/ docs/screenshots; status=$$?; kill $$pid; exit $$status

$(A11Y_STAMP): $(A11Y)/package.json $(A11Y)/package-lock.json
	cd $(A11Y) && npm ci --no-audit --no-fund --loglevel=error
	touch $(A11Y_STAMP)

$(STAMP): pyproject.toml
	@$(PYTHON) -c 'import sys; assert sys.version_info >= (3, 11), "Python 3.11 of nieuwer nodig"'
	$(PYTHON) -m venv $(VENV)
	$(BIN)/pip install --quiet --upgrade pip
	$(BIN)/pip install --quiet -e '.[test]'
	touch $(STAMP)

# Install missing system packages with apt-get when we may; otherwise say
# exactly what to install and stop.
systemdeps:
	@$(MAKE) --no-print-directory aptdeps PKGS="$(SYSTEM_PKGS)"

testdeps:
	@$(MAKE) --no-print-directory aptdeps PKGS="$(TEST_PKGS)"

aptdeps:
	@missing=""; for p in $(PKGS); do \
	  dpkg-query -W -f='$${Status}' $$p 2>/dev/null | grep -q "ok installed" || missing="$$missing $$p"; \
	done; \
	if [ -n "$$missing" ]; then \
	  if [ "$$(id -u)" = "0" ] && command -v apt-get >/dev/null; then \
	    echo "Systeempakketten installeren:$$missing"; \
	    apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq $$missing; \
	  else \
	    echo "Ontbrekende systeempakketten:$$missing"; \
	    echo "Installeer ze met: sudo apt-get install$$missing"; exit 1; \
	  fi; \
	fi

clean:
	rm -rf $(VENV) site .staging $(A11Y)/node_modules
