# The two commands a newcomer needs are `make serve` and `make test`; each sets up .venv/ from the
# lock file on first use. Run `make help` for the rest.
PYTHON ?= python3
VENV   := .venv
BIN    := $(VENV)/bin
STAMP  := $(VENV)/.installed-from-lock
# The lock files (requirements.in compiled by `make lock`), and the tools that install and make them.
LOCK         := requirements.txt
ENGINES_LOCK := requirements-engines.txt
PIP          := pip==26.3
PIP_TOOLS    := pip-tools==7.7.0

# Stop at once, in one line, when the Python is too old (before any .venv/ is made).
PYTHON_FOUND := $(shell command -v $(PYTHON) 2>/dev/null)
PYTHON_OK := $(if $(PYTHON_FOUND),$(shell $(PYTHON) -c 'import sys; print(sys.version_info >= (3, 11))' 2>/dev/null))
ifneq ($(PYTHON_OK),True)
$(error Python 3.11 or newer is needed, but `$(PYTHON)` is $(if $(PYTHON_FOUND),$(shell $(PYTHON) --version 2>&1),not installed); install Python 3.11+ and run make again, or name it: make PYTHON=python3.11)
endif

# Material prints a banner about MkDocs 2 on every build; we pin MkDocs below 2 already.
export NO_MKDOCS_2_WARNING := 1

.PHONY: help install install-engines serve build check test test-unit lint pdf bench lighthouse lock ledger clean

help:
	@echo "make serve   live preview at http://127.0.0.1:8000 (reloads on edit)"
	@echo "make build   strict build into site/"
	@echo "make check   the quick loop for content edits: lint, unit, build, repo and built-site tests (no browser)"
	@echo "make test    everything: lint, unit, build, repo, built-site and browser tests"
	@echo "make lint    codespell and the Markdown linter only"
	@echo "make pdf     build site/ once and print its cheat sheet to A4 and Letter PDFs in it"
	@echo "make bench   build time against bare Material, and each page's weight"
	@echo "make lighthouse  Lighthouse's mobile score of every page beside bare Material (needs Node.js)"
	@echo "make ledger  record new checklist item and practice question ids in data/_ledger.yml"
	@echo "make lock    compile requirements.in and requirements-engines.in into the hashed locks"
	@echo "make install-engines  add Zensical and ProperDocs, as requirements-engines.txt pins them, to .venv/"

# A failed install removes .venv/ again, so the next `make` starts clean instead of half-way.
$(STAMP): $(LOCK)
	@$(PYTHON) -m venv $(VENV) && \
	$(BIN)/python -m pip install --quiet "$(PIP)" && \
	$(BIN)/python -m pip install --quiet --require-hashes --no-deps -r $(LOCK) && \
	touch $(STAMP) || { rm -rf $(VENV); echo "make: installing .venv/ failed (see above); it was removed, run make again"; exit 1; }

install: $(STAMP)

# The engines the site may move to, beside what the MkDocs build uses (their lock holds them to it),
# each checked against its hashes; ENGINES=zensical (or properdocs) installs one.
ENGINES ?= zensical properdocs
install-engines: $(STAMP)
	$(BIN)/python -m pip install --quiet --require-hashes -c $(ENGINES_LOCK) $(ENGINES)

serve: $(STAMP)
	$(BIN)/mkdocs serve --dev-addr 127.0.0.1:8000

build: $(STAMP)
	$(BIN)/mkdocs build --strict --clean

# codespell reads pyproject.toml: US English for the guide's words; the second line checks the
# scripts, stylesheets and the code of conduct for typos only.
lint: $(STAMP)
	$(BIN)/ruff check --quiet macros tests tools
	$(BIN)/codespell docs data README.md CONTRIBUTING.md SECURITY.md
	$(BIN)/codespell --builtin clear,rare docs/assets/guide CODE_OF_CONDUCT.md
	$(BIN)/pymarkdown --config .pymarkdown.json scan docs README.md CONTRIBUTING.md CODE_OF_CONDUCT.md SECURITY.md

# One pytest worker (pytest-xdist) per core this machine gives us ("auto"): the suite is bound by
# CPU, so it takes about its CPU seconds divided by the cores. Each test file stays on one worker so
# its module-wide fixtures (a shared page, an edited copy's build) are made once. WORKERS=0 runs
# serially; WORKERS=2 caps it (each worker runs its own Chromium).
WORKERS ?= auto

PYTEST_ARGS ?=

test: $(STAMP) lint
	$(BIN)/python -m pytest -n $(WORKERS) --dist loadfile $(PYTEST_ARGS)

# The quick loop for content edits: everything but the browser (lint, unit, real builds of broken
# copies, the repository's files and the built site), in about a minute.
check: $(STAMP) lint
	$(BIN)/python -m pytest -n $(WORKERS) --dist loadfile -m "not browser" $(PYTEST_ARGS)

test-unit: $(STAMP)
	$(BIN)/python -m pytest tests/unit

# Builds the site once (strict, as `make build`) and prints the cheat sheet from that build.
pdf: $(STAMP)
	$(BIN)/python -m tools.print_cheat_sheet site

ledger: $(STAMP)
	$(BIN)/python -m tools.ledger

bench: $(STAMP)
	$(BIN)/python -m tools.bench

lighthouse: $(STAMP)
	$(BIN)/python -m tools.lighthouse

# pip-compile keeps every version a lock already pins while its range in the .in file allows it:
# `make lock UPGRADE="-P zensical"` moves one package on, UPGRADE=--upgrade all of them. The engines
# are compiled after the main lock, which constrains them.
UPGRADE ?=
COMPILE = .venv-lock/bin/pip-compile --quiet --no-emit-index-url --no-emit-find-links --generate-hashes --allow-unsafe --strip-extras $(UPGRADE)

lock:
	$(PYTHON) -m venv .venv-lock
	.venv-lock/bin/python -m pip install --quiet "$(PIP)" "$(PIP_TOOLS)"
	$(COMPILE) -o $(LOCK) requirements.in
	$(COMPILE) -o $(ENGINES_LOCK) requirements-engines.in
	rm -rf .venv-lock

clean:
	rm -rf site $(VENV) .pytest_cache
