"""Production settings: what differs from base (no default secret, DEBUG off, HTTPS-only
cookies and HSTS behind a TLS proxy, a shared file cache without Redis)."""

import os

from django.core.exceptions import ImproperlyConfigured

from core.logs import logging_config

from .base import *  # noqa: F403
from .base import (
    DEFAULT_CACHE_DIR,
    LOG_LEVEL,
    REDIS_URL,
    altcha_hmac_key,
    cache_dir,
    env_bool,
    shared_file_caches,
    start_error_reporting,
)

DEBUG = False
try:
    SECRET_KEY = os.environ["SECRET_KEY"]
except KeyError as exc:
    raise ImproperlyConfigured("SECRET_KEY must be set in the environment in production.") from exc
if not SECRET_KEY.strip():
    raise ImproperlyConfigured("SECRET_KEY must not be empty in production.")
ALTCHA_HMAC_KEY = altcha_hmac_key(SECRET_KEY)  # proof-of-work challenges (safety/pow.py)

# One JSON object per log line (LOG_FORMAT=console for readable lines), background tasks in the
# database for `manage.py db_worker` (TASKS_BACKEND=immediate runs them in the web process).
LOG_FORMAT = os.environ.get("LOG_FORMAT", "json")
LOGGING = logging_config(fmt=LOG_FORMAT, level=LOG_LEVEL)
TASKS_BACKEND = os.environ.get("TASKS_BACKEND", "database")
# A new dict: base's is shared with every settings module imported in the same process.
TASKS = {
    **TASKS,  # noqa: F405
    "background": {**TASKS["background"], "BACKEND": TASK_BACKENDS[TASKS_BACKEND]},  # noqa: F405
}

# HTTPS: the site sits behind a proxy that terminates TLS and sets X-Forwarded-Proto.
SECURE_PROXY_SSL_HEADER = ("HTTP_X_FORWARDED_PROTO", "https")
SECURE_SSL_REDIRECT = env_bool("SECURE_SSL_REDIRECT", True)
SESSION_COOKIE_SECURE = env_bool("SECURE_COOKIES", True)
CSRF_COOKIE_SECURE = env_bool("SECURE_COOKIES", True)
SECURE_HSTS_SECONDS = int(os.environ.get("SECURE_HSTS_SECONDS", "31536000"))
SECURE_HSTS_INCLUDE_SUBDOMAINS = True
SECURE_HSTS_PRELOAD = True
# The other security headers (nosniff, Referrer-Policy, COOP, X-Frame-Options, CSP) are the
# same everywhere: base/security.py.

if not REDIS_URL:
    # gunicorn runs several worker processes: a per-process memory cache would let one worker
    # keep serving a page another worker purged. Without Redis, the workers of this machine
    # share a file cache instead; several machines need REDIS_URL.
    CACHE_DIR = cache_dir(DEFAULT_CACHE_DIR)
    CACHES = shared_file_caches(CACHE_DIR)
    CACHES["fragments"] = FRAGMENT_CACHE  # noqa: F405

# Health probes come over plain HTTP from the load balancer, which must not be sent to HTTPS.
SECURE_REDIRECT_EXEMPT = [r"^health/"]

start_error_reporting("production")
