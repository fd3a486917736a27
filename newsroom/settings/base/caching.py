"""Caches (Redis, or a file cache the processes of one machine share), the anonymous page cache,
fragments, purging."""

import os
import tempfile
from pathlib import Path

from .env import env_bool


def shared_file_caches(directory: Path, key_prefix: str = "") -> dict:
    """The default and comments caches as files under directory, which every process of this
    machine sees: gunicorn's workers, and in development the server, `manage.py shell`,
    `import_articles` and the `publish_scheduled` cron job, so a change one of them makes (and
    the purge it runs) shows in the others at once. A per-process memory cache would let one
    keep serving what another purged."""
    return {
        alias: {
            "BACKEND": "django.core.cache.backends.filebased.FileBasedCache",
            "LOCATION": str(directory / alias),
            "KEY_PREFIX": key_prefix,
            "OPTIONS": {"MAX_ENTRIES": 20_000},
        }
        for alias in ("default", "comments")
    }


def cache_dir(default: Path) -> Path:
    return Path(os.environ.get("CACHE_DIR") or default)


DEFAULT_CACHE_DIR = Path(tempfile.gettempdir()) / "newsroom-cache"

# Caches. With REDIS_URL (redis://host:6379/0) every app server shares one Redis for the page
# cache, sessions and the comment flood limit; without it production (production.py) and
# development (dev.py) share a file cache between the processes of one machine.
REDIS_URL = os.environ.get("REDIS_URL", "")
CACHE_KEY_PREFIX = os.environ.get("CACHE_KEY_PREFIX", "newsroom")
if REDIS_URL:
    _redis_options = {
        "CLIENT_CLASS": "django_redis.client.DefaultClient",
        # A dead or unreachable Redis must cost milliseconds, not a hung worker.
        "SOCKET_CONNECT_TIMEOUT": float(os.environ.get("REDIS_CONNECT_TIMEOUT", "0.5")),
        "SOCKET_TIMEOUT": float(os.environ.get("REDIS_TIMEOUT", "0.5")),
    }
    CACHES = {
        # Pages and sessions: errors are logged and ignored, so the site renders without Redis.
        "default": {
            "BACKEND": "django_redis.cache.RedisCache",
            "LOCATION": REDIS_URL,
            "KEY_PREFIX": CACHE_KEY_PREFIX,
            "OPTIONS": {**_redis_options, "IGNORE_EXCEPTIONS": True},
        },
        # The comment flood limit must know when Redis is down (it then asks the database).
        "comments": {
            "BACKEND": "django_redis.cache.RedisCache",
            "LOCATION": REDIS_URL,
            "KEY_PREFIX": CACHE_KEY_PREFIX,
            "OPTIONS": _redis_options,
        },
    }
    DJANGO_REDIS_LOG_IGNORED_EXCEPTIONS = True
    # Sessions read from Redis and are written through to the database, so a Redis restart or
    # outage signs nobody out.
    SESSION_ENGINE = "django.contrib.sessions.backends.cached_db"
else:
    CACHES = {
        "default": {"BACKEND": "django.core.cache.backends.locmem.LocMemCache"},
        "comments": {
            "BACKEND": "django.core.cache.backends.locmem.LocMemCache",
            "LOCATION": "comments",
        },
    }
# Rendered fragments of reader pages, in each process's memory: their keys carry the shared
# reader-cache version (pagecache/versioned.py), so a change anywhere retires them everywhere.
FRAGMENT_CACHE = {
    "BACKEND": "django.core.cache.backends.locmem.LocMemCache",
    "LOCATION": "fragments",
    "OPTIONS": {"MAX_ENTRIES": int(os.environ.get("FRAGMENT_CACHE_ENTRIES", "1000"))},
}
CACHES["fragments"] = FRAGMENT_CACHE

# Whole-page cache for anonymous readers (pagecache/). PAGE_CACHE=0 turns it off.
PAGE_CACHE_ENABLED = env_bool("PAGE_CACHE", True)
PAGE_CACHE_ALIAS = "default"
PAGE_CACHE_SECONDS = int(os.environ.get("PAGE_CACHE_SECONDS", "600"))  # in our cache
PAGE_CACHE_BROWSER_SECONDS = int(os.environ.get("PAGE_CACHE_BROWSER_SECONDS", "60"))  # max-age
PAGE_CACHE_SHARED_SECONDS = int(os.environ.get("PAGE_CACHE_SHARED_SECONDS", "600"))  # s-maxage
# Requests with one of these cookies are answered fresh and never stored.
PAGE_CACHE_PERSONAL_COOKIES = ["sessionid", "messages"]
PAGE_CACHE_EXCLUDE_PATHS = [
    r"/health/",
    r"/admin/",
    r"/comments/",
    r"/(?:[a-z]{2}/)?safety/",  # confirmation links, proof-of-work challenges
    r"/captcha/",
    r"/documents/",
    r"/media/",
    r"/static/",
]
# Query parameters our pages read; other parameters (except tracking ones) bypass the cache.
# Each with the values a cached variant may have (a regular expression, matched whole): a
# value outside it (?page=junk, ?comments=99999999) is answered fresh, never stored, so a
# crawler cannot fill the cache with variants.
PAGE_CACHE_QUERY_PARAMS = {
    "page": r"[1-9][0-9]{0,3}",
    "comments": r"[1-9][0-9]{0,3}",
    # After posting: the notice; or a comment's permalink (?comment=ID#comment-ID).
    "comment": r"pending|published|confirm|[1-9][0-9]{0,9}",
    "sort": r"oldest|newest|picks",
}
PAGE_CACHE_IGNORED_QUERY_PREFIXES = ("utm_", "fbclid", "gclid", "mc_", "_ga")
# Search results (/search/, /es/search/, /ar/search/) are cached briefly and only for short,
# already normalised queries (pagecache/store.py search_cache_query), so a crawler sending
# random queries cannot fill the cache; publishing a story purges them like any listing.
PAGE_CACHE_SEARCH_PATH = r"/(?:[a-z]{2}/)?search/"
PAGE_CACHE_SEARCH_SECONDS = int(os.environ.get("PAGE_CACHE_SEARCH_SECONDS", "120"))
# Template fragments of the article page (its own parts, its comments), for every reader and
# for page-cache misses; they also vary on the reader-cache version, so changes show at once.
READER_FRAGMENT_SECONDS = int(os.environ.get("READER_FRAGMENT_SECONDS", "600"))

# Purging (wagtail.contrib.frontend_cache): our page cache always, in the request once it has
# committed; Varnish, Cloudflare or CloudFront as well when configured, by the task worker
# (pagecache/tasks.py). pagecache/purge.py decides which URLs a change purges.
WAGTAILFRONTENDCACHE = {"pagecache": {"BACKEND": "pagecache.backends.PageCacheBackend"}}
if os.environ.get("FRONTEND_CACHE_VARNISH_URL"):
    WAGTAILFRONTENDCACHE["varnish"] = {
        "BACKEND": "pagecache.backends.OnCommitHTTPBackend",
        "LOCATION": os.environ["FRONTEND_CACHE_VARNISH_URL"],
    }
if os.environ.get("FRONTEND_CACHE_CLOUDFLARE_ZONEID"):
    WAGTAILFRONTENDCACHE["cloudflare"] = {
        "BACKEND": "pagecache.backends.QueuedBackend",
        "NAME": "cloudflare",
        "WRAPS": "wagtail.contrib.frontend_cache.backends.CloudflareBackend",
        "BEARER_TOKEN": os.environ.get("FRONTEND_CACHE_CLOUDFLARE_TOKEN", ""),
        "ZONEID": os.environ["FRONTEND_CACHE_CLOUDFLARE_ZONEID"],
    }
if os.environ.get("FRONTEND_CACHE_CLOUDFRONT_DISTRIBUTION_ID"):
    WAGTAILFRONTENDCACHE["cloudfront"] = {
        "BACKEND": "pagecache.backends.QueuedBackend",
        "NAME": "cloudfront",
        "WRAPS": "wagtail.contrib.frontend_cache.backends.CloudfrontBackend",
        "DISTRIBUTION_ID": os.environ["FRONTEND_CACHE_CLOUDFRONT_DISTRIBUTION_ID"],
    }
# Our purge lists name each language's URL itself; Wagtail's rewriting would invent /en/ URLs.
WAGTAILFRONTENDCACHE_LANGUAGES: list[str] = []
