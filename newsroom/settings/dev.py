"""Development settings: DEBUG on, console email, a throwaway key unless one is set."""

import os

from .base import *  # noqa: F403
from .base import altcha_hmac_key, env_bool, start_error_reporting

DEBUG = env_bool("DEBUG", True)
# Only for local development; production.py refuses to start without a real SECRET_KEY.
SECRET_KEY = os.environ.get("SECRET_KEY", "dev-only-insecure-key-do-not-use-in-production")  # noqa: S105
ALTCHA_HMAC_KEY = altcha_hmac_key(SECRET_KEY)  # proof-of-work challenges (safety/pow.py)
STORAGES["staticfiles"]["BACKEND"] = "django.contrib.staticfiles.storage.StaticFilesStorage"  # noqa: F405
SERVE_MEDIA = env_bool("SERVE_MEDIA", DEBUG)
start_error_reporting("development")
