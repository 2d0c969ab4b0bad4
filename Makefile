# minutes-search: `make run` serves the bundled corpus, `make test` runs every test.
PYTHON ?= python3
VENV   ?= .venv
BIN    := $(VENV)/bin
HOST   ?= 127.0.0.1
PORT   ?= 8000
CORPUS ?= corpus
INDEX  ?= index

REALWORLD ?= ../shared/realworld

.PHONY: run test stress index serve install install-test chromium axe eval eval-lines train-lines bench bench-quick clean

run: index ## set up, index corpus/ and serve the UI on http://$(HOST):$(PORT)
	$(BIN)/minutes serve --index $(INDEX) --host $(HOST) --port $(PORT)

test: install-test chromium axe ## run the whole test suite, browser test included
	$(BIN)/python -m pytest $(PYTEST_ARGS)

# Long write-path runs: random SIGKILLs of builds and updates under a serving gunicorn,
# kills at every named step, an injected write failure, overlapping writers, a build
# racing an update, 10,000+ fuzz cases each of the query parser and the web endpoints,
# and 16 clients for 60 s while writers publish and the server reloads (a few minutes).
stress: install-test
	MINUTES_FUZZ_EXAMPLES=$${MINUTES_FUZZ_EXAMPLES:-10000} $(BIN)/python -m pytest -s -m "stress or fuzz" -p no:cacheprovider $(PYTEST_ARGS) tests/test_recovery.py tests/test_stress.py tests/test_fuzz.py

index: install
	$(BIN)/minutes index $(CORPUS) --index $(INDEX)

serve: install
	$(BIN)/minutes serve --index $(INDEX) --host $(HOST) --port $(PORT)

$(BIN)/python:
	$(PYTHON) -m venv $(VENV)

$(VENV)/.installed: pyproject.toml | $(BIN)/python
	$(BIN)/python -m pip install --quiet --disable-pip-version-check -e .
	@touch $@

$(VENV)/.installed-test: pyproject.toml $(VENV)/.installed
	$(BIN)/python -m pip install --quiet --disable-pip-version-check -e '.[test]'
	@touch $@

# Byte-compile the project's own code (pip does this for installed packages, not for an
# editable install): a server or a CLI search then starts without compiling it first.
install: $(VENV)/.installed
	@$(BIN)/python -m compileall -q indexer webui
install-test: $(VENV)/.installed-test

# The browser test drives Debian's Chromium (never a browser downloaded by Playwright).
chromium:
	@sh tests/ensure-chromium.sh

# The accessibility test injects axe-core (npm package, MPL-2.0) into the pages it checks;
# it is installed from the npm registry into a test-only folder, never served by the app.
AXE_VERSION ?= 4.14.1
AXE_DIR := tests/.axe/$(AXE_VERSION)
axe: $(AXE_DIR)/node_modules/axe-core/axe.min.js
$(AXE_DIR)/node_modules/axe-core/axe.min.js:
	@sh tests/ensure-axe.sh $(AXE_DIR) $(AXE_VERSION)

eval: install ## parser accuracy against the gold labels, then ranking against FTS5 on the judged queries, over $(REALWORLD) → bench/results/
	$(BIN)/python -m bench.eval_parser --realworld $(REALWORLD)
	$(BIN)/python -m bench.perturb --realworld $(REALWORLD)
	$(BIN)/python -m bench.eval_relevance --realworld $(REALWORLD)

# The line labeller (indexer/parse/lines): retrain its committed model from the development part of
# $(REALWORLD) (labels derived at run time, never stored) and the invented documents; deterministic.
train-lines: install
	$(BIN)/python -m bench.train_lines --realworld $(REALWORLD)

# Rules versus line model, field by field: development part cross-validated by body, test part scored.
eval-lines: install
	$(BIN)/python -m bench.eval_parser --line-model --realworld $(REALWORLD)

bench: install ## engine vs SQLite FTS5 at 10k, 100k, 100k-long (80-150-word passages) and 1M passages → bench/results/ (about 30 min)
	$(BIN)/python -m bench.run --sizes 10k,100k,100k-long,1m

bench-quick: install ## the same at 10k and 100k passages only (about 5 min)
	$(BIN)/python -m bench.run --sizes 10k,100k

clean:
	rm -rf $(VENV) $(INDEX) .pytest_cache tests/.axe test-artifacts
