"""Logging: structured lines (core.logs), JSON in production, readable console lines elsewhere.

LOG_FORMAT=json|console chooses (production defaults to json: production.py), LOG_LEVEL sets
the level of our apps and of everything else (default INFO and WARNING), LOG_CLIENT_IP=1 adds
the client's address to each request's line (off: commenters' addresses stay out of logs).
"""

import os

from core.logs import logging_config

from .env import env_bool

LOG_FORMAT = os.environ.get("LOG_FORMAT", "console")
LOG_LEVEL = os.environ.get("LOG_LEVEL") or None
LOG_CLIENT_IP = env_bool("LOG_CLIENT_IP", False)
LOGGING = logging_config(fmt=LOG_FORMAT, level=LOG_LEVEL)
