"""`make bench` settings: production's, plus the dev-only bench app and its floor URL.

scripts/bench.py serves the site with these (gunicorn and its own in-process checks), so the
pages are measured exactly as production serves them; the bench app adds the
generate_bench_data command and /bench/floor/ (bench.urls), nothing else.
"""

from .production import *  # noqa: F403

INSTALLED_APPS = [*INSTALLED_APPS, "bench"]  # noqa: F405
ROOT_URLCONF = "bench.urls"
