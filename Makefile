# Two commands for a newcomer: `make run` and `make test`.
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
PORT ?= 8000
export DJANGO_SETTINGS_MODULE ?= newsroom.settings.dev

.PHONY: run test install install-dev lint migrate demo clean serve serve-edge

$(BIN)/python:
	$(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip

$(VENV)/.installed: $(BIN)/python requirements.txt
	$(BIN)/pip install --quiet -r requirements.txt
	touch $@

$(VENV)/.installed-dev: $(VENV)/.installed requirements-dev.txt node_modules/.installed
	$(BIN)/pip install --quiet -r requirements-dev.txt
	touch $@

# axe-core, injected into Chromium by the accessibility tests.
node_modules/.installed: package.json package-lock.json
	npm ci --silent --no-audit --no-fund
	touch $@

install: $(VENV)/.installed
install-dev: $(VENV)/.installed-dev

migrate: install
	$(BIN)/python manage.py migrate --noinput

# The address `make run` serves. The demo's Wagtail Site (which absolute links in feeds,
# sitemaps and canonical tags are built on) gets it on first load, so `make run PORT=8123` prints
# working links; an address set in the environment wins.
run demo: export WAGTAILADMIN_BASE_URL ?= http://127.0.0.1:$(PORT)

demo: migrate
	$(BIN)/python manage.py load_demo

run: demo
	$(BIN)/python manage.py ensure_admin --url $(WAGTAILADMIN_BASE_URL)/admin/
	@echo "Serving Newsroom on http://127.0.0.1:$(PORT)/"
	$(BIN)/python manage.py runserver 127.0.0.1:$(PORT)

# Production serving: production settings, hashed static files through WhiteNoise, gunicorn
# (gunicorn.conf.py: WEB_CONCURRENCY workers, 127.0.0.1:$(PORT)) and the background task
# workers beside it (deploy/serve.sh). Needs SECRET_KEY; on plain http://localhost also
# SECURE_SSL_REDIRECT=0 SECURE_COOKIES=0.
serve: export DJANGO_SETTINGS_MODULE = newsroom.settings.production
serve: install
	@test -n "$$SECRET_KEY" || { echo "make serve: set SECRET_KEY (see README, Production)"; exit 1; }
	$(BIN)/python manage.py collectstatic --noinput --verbosity 0
	$(BIN)/python manage.py migrate --noinput
	PORT=$(PORT) BIN=$(BIN) exec deploy/serve.sh

# Varnish (deploy/varnish/default.vcl) on EDGE_PORT (8080) in front of `make serve`.
serve-edge: install
	PORT=$(PORT) deploy/serve-edge.sh

test: install-dev
	DJANGO_SETTINGS_MODULE=newsroom.settings.test $(BIN)/pytest $(PYTEST_ARGS)

lint: install-dev
	$(BIN)/ruff check .
	$(BIN)/ruff format --check .
	$(BIN)/lint-imports

# Static security scan of the deployed code, as CI runs it (config: [tool.bandit] in pyproject.toml).
.PHONY: audit
audit: install-dev
	$(BIN)/bandit -c pyproject.toml -r core newsroom articles comments safety pagecache -q

# Benchmark (not a test): PostgreSQL database newsroom_bench (dropped and re-created), 10,000
# generated articles, gunicorn + Redis, wrk, Varnish and nginx on loopback; prints Markdown
# tables (docs/performance.md). Takes about 10 minutes and both CPUs. BENCH_ARGS passes options
# (BENCH_ARGS=--quick: a two-minute smoke run of every phase). The dev-only bench app (data
# generator, floor view, runner) is installed by these settings only, never by run/test/serve.
.PHONY: bench
bench: export DJANGO_SETTINGS_MODULE = newsroom.settings.bench
bench: install
	$(BIN)/python scripts/bench.py $(BENCH_ARGS)

clean:
	rm -rf $(VENV) node_modules staticfiles .pytest_cache .ruff_cache
