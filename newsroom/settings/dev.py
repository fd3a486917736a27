"""Development settings: DEBUG on, console email, a throwaway key unless one is set, and caches
the server shares with every other process on this machine (shell, importer, cron jobs)."""

import hashlib
import os

from .base import *  # noqa: F403
from .base import (
    BASE_DIR,
    REDIS_URL,
    altcha_hmac_key,
    cache_dir,
    env_bool,
    shared_file_caches,
    start_error_reporting,
)

DEBUG = env_bool("DEBUG", True)
# Only for local development; production.py refuses to start without a real SECRET_KEY.
SECRET_KEY = os.environ.get("SECRET_KEY", "dev-only-insecure-key-do-not-use-in-production")  # noqa: S105
ALTCHA_HMAC_KEY = altcha_hmac_key(SECRET_KEY)  # proof-of-work challenges (safety/pow.py)
STORAGES["staticfiles"]["BACKEND"] = "django.contrib.staticfiles.storage.StaticFilesStorage"  # noqa: F405
SERVE_MEDIA = env_bool("SERVE_MEDIA", DEBUG)

if not REDIS_URL:
    # As production without Redis: one file cache for `make run`, `manage.py shell`,
    # `import_articles` and `publish_scheduled`, so what one changes the others show at once.
    # Kept in the checkout (.cache/), and keyed on the database too, so two checkouts or two
    # databases never serve each other's pages.
    CACHE_DIR = cache_dir(BASE_DIR / ".cache")
    _database = str(DATABASES["default"]["NAME"])  # noqa: F405
    CACHES = shared_file_caches(
        CACHE_DIR, key_prefix="dev-" + hashlib.sha256(_database.encode()).hexdigest()[:8]
    )
    CACHES["fragments"] = FRAGMENT_CACHE  # noqa: F405

start_error_reporting("development")
