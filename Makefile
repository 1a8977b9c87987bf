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
	$(DEV_ENV) $(BIN)/python manage.py create_local_logins --site http://$(HOST):$(PORT)

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

# Quote extraction scored against the hand-made gold sets (docs/quotes.md): the development sets
# (old, dev, heldout 1–4, probe, Russian) and the frozen blind set heldout5, never tuned on.
eval-quotes: install
	$(BIN)/python -m articles.quotes.evaluate tests/data/quotes
	$(BIN)/python -m articles.quotes.evaluate tests/data/quotes-dev
	$(BIN)/python -m articles.quotes.evaluate tests/data/quotes-heldout
	$(BIN)/python -m articles.quotes.evaluate tests/data/quotes-heldout2
	$(BIN)/python -m articles.quotes.evaluate tests/data/quotes-probe
	$(BIN)/python -m articles.quotes.evaluate tests/data/quotes-heldout3
	$(BIN)/python -m articles.quotes.evaluate tests/data/quotes-heldout4
	$(BIN)/python -m articles.quotes.evaluate tests/data/quotes-heldout5
	$(BIN)/python -m articles.quotes.evaluate tests/data/quotes-ru

lint: install
	$(BIN)/ruff check .
	$(BIN)/lint-imports
	$(BIN)/ruff format --check .
	$(DEV_ENV) $(BIN)/python manage.py check
	$(DEV_ENV) $(BIN)/python manage.py makemigrations --check --dry-run

format: install
	$(BIN)/ruff check --fix .
	$(BIN)/ruff format .

clean:
	rm -rf $(VENV) staticfiles .pytest_cache .ruff_cache test-artifacts

# Photo pipeline: ingest time and memory of a 24-megapixel JPEG, bytes readers download
# (throwaway test database and media folder); writes the Photos section of docs/benchmarks.md.
.PHONY: bench-photos
bench-photos: install
	$(DEV_ENV) $(BIN)/python -m bench.photo --runs 3 --write docs/benchmarks.md

# The desk's autosave round trip: gunicorn on a throwaway SQLite file, 50 POSTs over one
# kept-alive connection (BENCH_ARGS="--database-url postgres://…" for PostgreSQL); prints it.
.PHONY: bench-autosave
bench-autosave: install
	$(BIN)/python -m bench.autosave --posts 50 $(BENCH_ARGS)

# Soak (not part of `make test`): gunicorn against a throwaway PostgreSQL cluster, readers and
# editors for SOAK_ARGS (default 75 s), PostgreSQL restarted midway; checks recovery and that no
# acknowledged save is lost. Report in test-artifacts/soak/; figures in docs/reliability.md.
.PHONY: soak
soak: install
	$(BIN)/python -m soak.run $(SOAK_ARGS)

# Fuzz (not part of `make test`): a throwaway database on the local PostgreSQL, gunicorn in production
# mode, FUZZ_ARGS (default 10,000) generated requests over every public URL and parameter, then
# schemathesis over the OpenAPI document; fails on any 5xx. Writes the Fuzz section of docs/reliability.md.
.PHONY: fuzz
fuzz: install
	$(BIN)/python -m soak.fuzz $(FUZZ_ARGS)

# Production serving: hash-named, compressed static files, then gunicorn with gunicorn.conf.py
# (workers from WEB_CONCURRENCY, default 2 × cores + 1; GUNICORN_BIND, default 0.0.0.0:8000).
# Reads its settings from the environment (.env.example); migrations run once per deploy, not here.
.PHONY: serve
serve: install
	$(BIN)/python manage.py collectstatic --noinput
	exec $(BIN)/gunicorn -c gunicorn.conf.py

# Pages at archive size (not part of `make test`): seeds newsroom_bench_N on the local PostgreSQL
# (1,000,000 stories take about half an hour the first time), serves each with gunicorn, loads it
# with wrk; rewrites its section of docs/benchmarks.md. BENCH_ARGS="--sizes 1000 100000" for less.
BENCH_ARGS ?= --sizes 1000 100000 1000000
.PHONY: bench
bench: install
	$(BIN)/python -m bench.run $(BENCH_ARGS) --write docs/benchmarks.md

# The story page and its neighbours against a Wagtail 8 peer (bench/peers/wagtail, its own venv and
# pinned requirements), both on the local PostgreSQL, side by side with wrk; writes its section of
# docs/benchmarks.md. BENCH_PEER_ARGS="--sizes 20000 --workers 2 5" for other runs.
BENCH_PEER_ARGS ?= --sizes 1000 20000
.PHONY: bench-peer
bench-peer: install
	$(BIN)/python -m bench.peer $(BENCH_PEER_ARGS) --write docs/benchmarks.md

# Lighthouse scores of the reader's pages (not part of `make test`): a pinned Lighthouse from npm in
# .tools/ (git-ignored), driving Debian's Chromium (CHROME_PATH, never a downloaded browser), on the
# demo served by gunicorn in production mode; rewrites the Lighthouse section of docs/reader-page.md,
# reports in test-artifacts/lighthouse/. LIGHTHOUSE_ARGS="--runs 3" for the median of three runs.
LIGHTHOUSE_VERSION := 12.8.2
LIGHTHOUSE_STAMP := .tools/node_modules/lighthouse/.installed-$(LIGHTHOUSE_VERSION)
$(LIGHTHOUSE_STAMP):
	PUPPETEER_SKIP_DOWNLOAD=1 npm install --prefix .tools --no-audit --no-fund lighthouse@$(LIGHTHOUSE_VERSION)
	touch $@

.PHONY: lighthouse
lighthouse: install $(LIGHTHOUSE_STAMP)
	CHROME_PATH=$${CHROME_PATH:-/usr/bin/chromium} $(BIN)/python -m bench.lighthouse --write docs/reader-page.md $(LIGHTHOUSE_ARGS)
