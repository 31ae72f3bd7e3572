# The project's verbs: make run, make test, make lint.
SHELL := /bin/bash
# a Python 3.12 that actually runs (a pyenv shim for a version that is not installed fails the check)
PYTHON ?= $(shell for p in python3.12 python3 python; do \
	$$p -c 'import sys; sys.exit(sys.version_info[:2] != (3, 12))' >/dev/null 2>&1 && command -v $$p && break; done)
VENV := .venv
BIN := $(VENV)/bin
# production: the runtime set only (requirements/runtime.txt), no test or lint tool
SERVE_VENV := .venv-serve
SERVE_BIN := $(SERVE_VENV)/bin
HOST ?= 127.0.0.1
PORT ?= 8000
# complete official fields without pairs (the source says so; the rows alone cannot show it)
COMPLETE_SHEETS := seeds/sheets/olympics-1924-2014.csv seeds/sheets/olympics-2018.csv
SHEETS := $(filter-out $(COMPLETE_SHEETS),$(wildcard seeds/sheets/*.csv))
# the individual races of these PDFs are in seeds/sheets already (converted from them); these add the rest
OFFICIAL_PDFS := $(wildcard seeds/isu-pdf/*massstart*.pdf seeds/isu-pdf/*teampursuit*.pdf)
FIXTURES := fixtures/rinks.json fixtures/world_cup_points.json fixtures/editors.json
TEST_ENV := SECRET_KEY=test-only-secret DEBUG=0 ALLOWED_HOSTS=testserver,localhost,127.0.0.1 SECURE_SSL_REDIRECT=0 CONN_MAX_AGE=0
WORKERS ?= 2

.PHONY: lock bench bench-sql bench-pdf bench-postgres load load-live backup restore run serve migrate-prod test test-suite lint format seed migrate messages clean

# The dependencies are declared in pyproject.toml and locked, with the hash of every file, in uv.lock; the
# requirements/ files are that lock exported for pip (make lock), so installing needs nothing but pip.
$(BIN)/.installed: requirements/dev.txt
	@test -n "$(PYTHON)" || { echo "No Python 3.12 here. Install it (pyenv install 3.12, or your system's python3.12" \
		"package) or name one: make PYTHON=/path/to/python3.12 ..." >&2; exit 1; }
	@echo "--- installing the dependencies (requirements/dev.txt) into $(VENV) with $(PYTHON)"
	$(PYTHON) -m venv $(VENV)
	$(BIN)/pip install --quiet --upgrade pip
	$(BIN)/pip install --quiet --require-hashes -r requirements/dev.txt
	touch $@

venv: $(BIN)/.installed

$(SERVE_BIN)/.installed: requirements/runtime.txt
	@test -n "$(PYTHON)" || { echo "No Python 3.12 here: install it, or name one with PYTHON=..." >&2; exit 1; }
	$(PYTHON) -m venv $(SERVE_VENV)
	$(SERVE_BIN)/pip install --quiet --upgrade pip
	$(SERVE_BIN)/pip install --quiet --require-hashes -r requirements/runtime.txt
	touch $@

# After a change of pyproject.toml's dependencies: lock them again and export the lock for pip.
lock: venv
	$(BIN)/uv lock
	$(BIN)/uv export --frozen --quiet --no-dev --no-emit-project --format requirements-txt -o requirements/runtime.txt
	$(BIN)/uv export --frozen --quiet --all-groups --no-emit-project --format requirements-txt -o requirements/dev.txt

migrate: venv
	@echo "--- migrating the database"
	DEBUG=1 $(BIN)/python manage.py migrate --no-input -v1
	DEBUG=1 $(BIN)/python manage.py createcachetable

seed: migrate
	@echo "--- loading the seeds: rinks, points tables, the skater register, result sheets, official PDFs, world records"
	DEBUG=1 $(BIN)/python manage.py loaddata $(FIXTURES)
	DEBUG=1 $(BIN)/python manage.py import_skaters seeds/skaters.csv
	DEBUG=1 $(BIN)/python manage.py import_results $(SHEETS)
	DEBUG=1 $(BIN)/python manage.py import_results --complete-fields $(COMPLETE_SHEETS)
	DEBUG=1 $(BIN)/python manage.py import_pdf $(OFFICIAL_PDFS)
	DEBUG=1 $(BIN)/python manage.py import_records seeds/world-records.csv

run: seed
	@DEBUG=1 $(BIN)/python manage.py ensure_editor
	@echo "Site:  http://$(HOST):$(PORT)/"
	@echo "Admin: http://$(HOST):$(PORT)/admin/ (log in with the editor account above)"
	DEBUG=1 $(BIN)/python manage.py runserver $(HOST):$(PORT)

# Production: gunicorn, DEBUG off, settings from the environment (SECRET_KEY and ALLOWED_HOSTS required).
serve: migrate-prod
	$(SERVE_BIN)/python manage.py collectstatic --no-input -v0
	WORKERS=$(WORKERS) HOST=$(HOST) PORT=$(PORT) $(SERVE_BIN)/gunicorn -c skating/gunicorn.py skating.wsgi

migrate-prod: $(SERVE_BIN)/.installed
	$(SERVE_BIN)/python manage.py migrate --no-input
	$(SERVE_BIN)/python manage.py createcachetable

# make backup [FILE=backups/x.db]; make restore FILE=backups/x.db
backup: venv
	$(BIN)/python manage.py backup $${FILE:-backups/skating-$$(date +%Y%m%d-%H%M%S).backup}

restore: venv
	@test -n "$(FILE)" || (echo "usage: make restore FILE=path/to/backup" && exit 2)
	$(BIN)/python manage.py restore $(FILE)

# Page latency at 10k and 1M results against gunicorn, the import of 100k rows; writes bench/out/bench.md.
bench: venv
	$(BIN)/python bench/run.py $(BENCH_ARGS)

# Each read written out in SQL against its QuerySet twin, as a share of its page's time at 1M results (make bench
# builds that database first); writes bench/out/sql-gain.md. The rule: SQL stays where it saves at least 10 %.
bench-sql: venv
	$(BIN)/python bench/sql_gain.py $(BENCH_ARGS)

# Hostile PDFs against the bounded reader: time to refusal and the reader's peak memory, as a table.
bench-pdf: venv
	$(BIN)/python bench/hostile_pdfs.py

# The same on a throwaway PostgreSQL server (built afresh each time: about 3 minutes more); bench/out/bench-postgres.md.
bench-postgres: venv
	.ci/with-postgres $(BIN)/python bench/run.py --postgres $(BENCH_ARGS)

# A mix of public pages against gunicorn (2 workers) while an editor saves results; writes bench/out/load.md.
load: venv
	$(BIN)/python bench/load.py $(LOAD_ARGS)

# A race weekend: 800 fans following a live race page, 200 browsing, an editor entering a pair every 20 s, 5 minutes
# on SQLite, then on a throwaway PostgreSQL server when one can be started; writes bench/out/live.md.
load-live: venv
	$(BIN)/python bench/load_live.py $(LOAD_ARGS)
	@if [ -n "$$(ls -d /usr/lib/postgresql/*/bin 2>/dev/null)" ]; then \
		.ci/with-postgres $(BIN)/python bench/load_live.py --postgres $(LOAD_ARGS); \
	else echo "--- PostgreSQL is not installed here: SQLite only"; fi

lint: venv
	$(BIN)/ruff check .
	$(BIN)/ruff format --check .
	DEBUG=1 $(BIN)/lint-imports --no-cache
	$(BIN)/djhtml --check templates
	@$(BIN)/uv lock --check --quiet || { echo "uv.lock does not match pyproject.toml: make lock" >&2; exit 1; }
	@for set in "runtime --no-dev" "dev --all-groups"; do read -r name flag <<< "$$set"; \
		diff -q <($(BIN)/uv export --frozen --quiet $$flag --no-emit-project --format requirements-txt | tail -n +3) \
			<(tail -n +3 requirements/$$name.txt) >/dev/null \
		|| { echo "requirements/$$name.txt is not the lock's export: make lock" >&2; exit 1; }; done

format: venv
	$(BIN)/djhtml templates
	$(BIN)/ruff format .
	$(BIN)/ruff check --fix .

# The whole suite: lint, migrations complete, the tests on SQLite, then on a throwaway PostgreSQL
# server when one can be started (.ci/run always does), then the browser tests.
test: lint
	$(TEST_ENV) $(BIN)/python manage.py makemigrations --check --dry-run
	$(MAKE) --no-print-directory test-suite
	@if [ -n "$$(ls -d /usr/lib/postgresql/*/bin 2>/dev/null)" ] || [ -n "$$CI" ]; then \
		echo "--- the same tests on PostgreSQL"; .ci/with-postgres $(MAKE) --no-print-directory test-suite; \
	else echo "--- PostgreSQL is not installed here: skipping the PostgreSQL run (CI installs it)"; fi

# Tests that flush the database (browser tests on a live server, backup and restore) run apart,
# after the others, which share the seeded database.
# Each part runs in as many processes as there are cores (pytest-xdist), in a random order (pytest-randomly; its
# seed is printed: pytest --randomly-seed=N repeats an order).
test-suite: venv
	$(TEST_ENV) $(BIN)/pytest -n auto -m "not flushes_db"
	$(TEST_ENV) $(BIN)/pytest -n auto -m flushes_db

messages: venv
	DEBUG=1 $(BIN)/python manage.py makemessages -l nl --no-location -i ".venv/*"
	DEBUG=1 $(BIN)/python manage.py compilemessages -i ".venv"

clean:
	rm -rf $(VENV) $(SERVE_VENV) db.sqlite3 db.sqlite3-wal db.sqlite3-shm staticfiles
