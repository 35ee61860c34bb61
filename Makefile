# The two commands a newcomer needs are `make serve` and `make test`; each sets up .venv/ from the
# lock file on first use. Run `make help` for the rest.
PYTHON ?= python3
VENV   := .venv
BIN    := $(VENV)/bin
STAMP  := $(VENV)/.installed-from-lock

# Stop at once, in one line, when the Python is too old (before any .venv/ is made).
PYTHON_FOUND := $(shell command -v $(PYTHON) 2>/dev/null)
PYTHON_OK := $(if $(PYTHON_FOUND),$(shell $(PYTHON) -c 'import sys; print(sys.version_info >= (3, 11))' 2>/dev/null))
ifneq ($(PYTHON_OK),True)
$(error Python 3.11 or newer is needed, but `$(PYTHON)` is $(if $(PYTHON_FOUND),$(shell $(PYTHON) --version 2>&1),not installed); install Python 3.11+ and run make again, or name it: make PYTHON=python3.11)
endif

# Material prints a banner about MkDocs 2 on every build; we pin MkDocs below 2 already.
export NO_MKDOCS_2_WARNING := 1

.PHONY: help install serve build test test-unit lint pdf bench lock ledger clean

help:
	@echo "make serve   live preview at http://127.0.0.1:8000 (reloads on edit)"
	@echo "make build   strict build into site/"
	@echo "make test    everything: lint, unit, build, repo, built-site and browser tests"
	@echo "make lint    codespell and the Markdown linter only"
	@echo "make pdf     print the cheat sheet to site/downloads/ as A4 and Letter PDFs"
	@echo "make bench   build time against bare Material, and each page's weight"
	@echo "make ledger  record new checklist item ids in data/_ledger.yml"
	@echo "make lock    re-resolve requirements.lock from pyproject.toml"

# A failed install removes .venv/ again, so the next `make` starts clean instead of half-way.
$(STAMP): requirements.lock
	@$(PYTHON) -m venv $(VENV) && \
	$(BIN)/python -m pip install --quiet --upgrade pip && \
	$(BIN)/python -m pip install --quiet --require-hashes --no-deps -r requirements.lock && \
	touch $(STAMP) || { rm -rf $(VENV); echo "make: installing .venv/ failed (see above); it was removed, run make again"; exit 1; }

install: $(STAMP)

serve: $(STAMP)
	$(BIN)/mkdocs serve --dev-addr 127.0.0.1:8000

build: $(STAMP)
	$(BIN)/mkdocs build --strict --clean

lint: $(STAMP)
	$(BIN)/codespell docs data README.md CONTRIBUTING.md CODE_OF_CONDUCT.md
	$(BIN)/pymarkdown --config .pymarkdown.json scan docs README.md CONTRIBUTING.md CODE_OF_CONDUCT.md

# One pytest worker (pytest-xdist) per core this machine gives us ("auto"): the suite is bound by
# CPU, so it takes about its CPU seconds divided by the cores. Each test file stays on one worker so
# its module-wide fixtures (a shared page, an edited copy's build) are made once. WORKERS=0 runs
# serially; WORKERS=2 caps it (each worker runs its own Chromium).
WORKERS ?= auto

PYTEST_ARGS ?=

test: $(STAMP) lint
	$(BIN)/python -m pytest -n $(WORKERS) --dist loadfile $(PYTEST_ARGS)

test-unit: $(STAMP)
	$(BIN)/python -m pytest tests/unit

pdf: build
	$(BIN)/python -m tools.print_cheat_sheet site

ledger: $(STAMP)
	$(BIN)/python -m tools.ledger

bench: $(STAMP)
	$(BIN)/python -m tools.bench

lock:
	$(PYTHON) -m venv .venv-lock
	.venv-lock/bin/pip install --quiet pip-tools
	.venv-lock/bin/pip-compile --quiet --no-emit-index-url --no-emit-find-links --generate-hashes --allow-unsafe --extra test --strip-extras -o requirements.lock pyproject.toml
	rm -rf .venv-lock

clean:
	rm -rf site $(VENV) .pytest_cache
