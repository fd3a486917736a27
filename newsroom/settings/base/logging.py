"""Logging: one console handler; our apps at INFO unless LOG_LEVEL says otherwise."""

import os

LOGGING = {
    "version": 1,
    "disable_existing_loggers": False,
    "handlers": {"console": {"class": "logging.StreamHandler"}},
    "root": {"handlers": ["console"], "level": os.environ.get("LOG_LEVEL", "WARNING")},
    "loggers": {
        name: {
            "handlers": ["console"],
            "level": os.environ.get("LOG_LEVEL", "INFO"),
            "propagate": False,
        }
        for name in ("articles", "comments", "pagecache", "django_redis")
    },
}
# A request naming a host outside ALLOWED_HOSTS gets its 400 (before the page cache too);
# Django would also log each one at ERROR with a traceback, and anyone can send them.
LOGGING["loggers"]["django.security.DisallowedHost"] = {"handlers": [], "propagate": False}
