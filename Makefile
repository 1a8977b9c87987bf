# Two commands do everything on a fresh clone: `make run` and `make test`.
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed
HOST ?= 127.0.0.1
PORT ?= 8000

# Local runs get debug pages and the development defaults of newsroom/settings.py.
DEV_ENV := DJANGO_DEBUG=1

.PHONY: help install run migrate demo admin test test-fast e2e eval-quotes lint format check clean

help:
	@echo "make run    - set up everything and serve http://$(HOST):$(PORT) with demo content"
	@echo "make test   - the whole test suite (browser journeys when Chromium is installed)"
	@echo "make lint   - ruff, Django's system checks and the migrations check"

$(STAMP): requirements.txt requirements-dev.txt
	@$(PYTHON) -c 'import sys; sys.exit(sys.version_info < (3, 11))' || { echo "Python 3.11 or newer is needed (PYTHON=$(PYTHON))."; exit 1; }
	test -x $(BIN)/python || $(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip
	$(BIN)/python -m pip install --quiet -r requirements-dev.txt
	touch $(STAMP)

install: $(STAMP)

migrate: install
	$(DEV_ENV) $(BIN)/python manage.py migrate --noinput

demo: migrate
	$(DEV_ENV) $(BIN)/python manage.py load_demo

admin: migrate
	$(DEV_ENV) $(BIN)/python manage.py create_local_admin

run: demo admin
	@echo "Serving http://$(HOST):$(PORT)/ (admin at http://$(HOST):$(PORT)/admin/). Ctrl-C stops."
	$(DEV_ENV) $(BIN)/python manage.py runserver $(HOST):$(PORT)

test: install
	$(BIN)/python -m pytest $(PYTEST_ARGS)

# Without the browser journeys, for a quick loop while editing.
test-fast: install
	$(BIN)/python -m pytest -m "not e2e" $(PYTEST_ARGS)

e2e: install
	$(BIN)/python -m pytest -m e2e $(PYTEST_ARGS)

# Quote extraction scored against the hand-made gold set in tests/data/quotes/.
eval-quotes: install
	$(BIN)/python -m articles.quotes.evaluate tests/data/quotes

lint: install
	$(BIN)/ruff check .
	$(BIN)/ruff format --check .
	$(DEV_ENV) $(BIN)/python manage.py check
	$(DEV_ENV) $(BIN)/python manage.py makemigrations --check --dry-run

format: install
	$(BIN)/ruff check --fix .
	$(BIN)/ruff format .

clean:
	rm -rf $(VENV) staticfiles .pytest_cache .ruff_cache test-artifacts
