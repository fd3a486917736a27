"""Test settings: fast hashing, local-memory cache, plain static storage, CAPTCHA test mode."""

import tempfile
from pathlib import Path

from .base import *  # noqa: F403
from .base import altcha_hmac_key

DEBUG = False
# A fixed key is fine for the test suite only.
SECRET_KEY = "test-only-key"  # noqa: S105  # nosec B105
ALTCHA_HMAC_KEY = altcha_hmac_key(SECRET_KEY)  # proof-of-work challenges (safety/pow.py)
# The proof of work stays on, but cheap: every test that posts a comment solves one (a few
# hundred hashes in Python; tests/conftest.py solve_challenge). Its real cost is measured by
# tests/e2e/test_pow.py and `make bench`.
SAFETY_POW_MAX_NUMBER = 1000
PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]
CACHES = {
    "default": {"BACKEND": "django.core.cache.backends.locmem.LocMemCache"},
    "comments": {
        "BACKEND": "django.core.cache.backends.locmem.LocMemCache",
        "LOCATION": "comments",
    },
    "fragments": FRAGMENT_CACHE,  # noqa: F405
}
# Tests write without committing, so purges (run on commit) never fire: the page cache is off
# unless a test turns it on (tests/test_cache.py).
PAGE_CACHE_ENABLED = False
STORAGES = {
    "default": {"BACKEND": "django.core.files.storage.FileSystemStorage"},
    "staticfiles": {"BACKEND": "django.contrib.staticfiles.storage.StaticFilesStorage"},
}
EMAIL_BACKEND = "django.core.mail.backends.locmem.EmailBackend"
# Tests post comments straight after loading the form.
COMMENTS_MIN_FILL_SECONDS = 0
LOGGING = {"version": 1, "disable_existing_loggers": False}
WAGTAILADMIN_BASE_URL = "http://testserver"
# Renditions and uploads made by tests never touch the developer's media folder.
MEDIA_ROOT = Path(tempfile.mkdtemp(prefix="newsroom-test-media-"))
SERVE_MEDIA = True
# Static files come from the finders in tests; WhiteNoise would warn about a missing STATIC_ROOT.
MIDDLEWARE = [m for m in MIDDLEWARE if m != "whitenoise.middleware.WhiteNoiseMiddleware"]  # noqa: F405
