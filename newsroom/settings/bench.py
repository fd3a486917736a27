"""`make bench` settings: production's, plus the dev-only bench app and its floor URL.

scripts/bench.py serves the site with these (gunicorn and its own in-process checks), so the
pages are measured exactly as production serves them; the bench app adds the
generate_bench_data command and /bench/floor/ (bench.urls), nothing else.
"""

from .production import *  # noqa: F403

INSTALLED_APPS = [*INSTALLED_APPS, "bench"]  # noqa: F405
ROOT_URLCONF = "bench.urls"

# The benchmark plays readers who solved the proof of work in their browser; it solves each
# challenge in Python before the timed posts, so a cheap challenge keeps the set-up short. The
# server's side (checking the solution, spending the challenge) costs the same at any size.
SAFETY_POW_MAX_NUMBER = 2000
