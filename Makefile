# broadcast-schedules: `make run` serves the bundled examples, `make test` runs the whole suite.
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed
HOST ?= 127.0.0.1
PORT ?= 8000
SHARED ?= ../shared

.PHONY: help run test lint typecheck unit bench score score-heldout score-probe2 score-probe3 clean

help: ## list the targets
	@grep -E '^[a-z-]+:.*## ' $(MAKEFILE_LIST) | awk -F':.*## ' '{printf "  %-10s %s\n", $$1, $$2}'

$(STAMP): pyproject.toml
	@$(PYTHON) -c 'import sys; sys.exit(0 if sys.version_info >= (3, 11) else "Python 3.11+ is required")'
	test -d $(VENV) || $(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip
	$(BIN)/python -m pip install --quiet -e '.[test]'
	touch $(STAMP)

run: $(STAMP) ## load the bundled example releases into ./var/schedules.db and serve on http://$(HOST):$(PORT)
	$(BIN)/schedules ingest examples/
	$(BIN)/schedules serve --host $(HOST) --port $(PORT)

test: $(STAMP) lint typecheck unit ## lint, type-check and run every test

lint: $(STAMP) ## ruff
	$(BIN)/ruff check schedules service tests benchmarks

typecheck: $(STAMP) ## mypy --strict on the core and the service
	$(BIN)/mypy

unit: $(STAMP) ## pytest
	$(BIN)/pytest -q

bench: $(STAMP) ## benchmarks (parser speed against dateparser)
	$(BIN)/python -m pip install --quiet -e '.[bench]'
	$(BIN)/python benchmarks/run.py $(SHARED)/corpus

score: $(STAMP) ## accuracy on $(SHARED)/corpus (make score SHARED=/path/to/shared)
	$(BIN)/python $(SHARED)/eval/score.py $(SHARED)/corpus --cmd '$(BIN)/schedules parse {path} --reference-date {reference_date} --country {country} --format json'

score-heldout: $(STAMP) ## accuracy on our own labelled releases in eval/heldout (needs $(SHARED)/eval/score.py)
	$(BIN)/python $(SHARED)/eval/score.py eval/heldout --cmd '$(BIN)/schedules parse {path} --reference-date {reference_date} --country {country} --format json'

score-probe2: $(STAMP) ## accuracy on the second set of our own labelled releases, eval/probe2
	$(BIN)/python $(SHARED)/eval/score.py eval/probe2 --cmd '$(BIN)/schedules parse {path} --reference-date {reference_date} --country {country} --format json'

score-probe3: $(STAMP) ## accuracy on the third set of our own labelled releases, eval/probe3
	$(BIN)/python $(SHARED)/eval/score.py eval/probe3 --cmd '$(BIN)/schedules parse {path} --reference-date {reference_date} --country {country} --format json'

clean: ## remove the virtualenv and local data
	rm -rf $(VENV) var .pytest_cache .mypy_cache .ruff_cache
