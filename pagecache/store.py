"""Storage of whole responses in the Django cache, and purging them by path.

An entry is keyed on the normalised host (see middleware), the path and the kept query string.
A purge cannot enumerate every cached variant of a path (each host, ``?page=2``,
``?comment=pending``), so instead of deleting entries it records *when* the path was purged.
An entry is served only if its render started after the last purge of its path and after the
last purge of everything. One ``get_many`` round trip fetches the entry and both stamps.
"""

from __future__ import annotations

import hashlib
import logging
import re
import time
from dataclasses import dataclass
from urllib.parse import parse_qsl, urlencode

from django.conf import settings
from django.core.cache import caches

logger = logging.getLogger(__name__)

ALL = "/*"  # the path that stands for every page (a Varnish/CloudFront wildcard too)

# What a cacheable search may look like: the form's own parameters, a query already in the
# form clean_query() gives it, a few words, one of the first result pages.
SEARCH_PARAMS = {"q", "section", "from", "to", "page"}
SEARCH_MAX_CHARS = 40
SEARCH_MAX_WORDS = 4
SEARCH_MAX_PAGE = 10
_SEARCH_VALUE = {
    "q": re.compile(r"\w+(?: \w+)*"),
    "section": re.compile(r"[-\w]{1,80}"),
    "from": re.compile(r"\d{4}-\d{2}-\d{2}"),
    "to": re.compile(r"\d{4}-\d{2}-\d{2}"),
    "page": re.compile(r"[1-9]\d?"),
}


@dataclass(frozen=True)
class Entry:
    stored_at: float
    status: int
    headers: list[tuple[str, str]]
    content: bytes


def cache():
    return caches[settings.PAGE_CACHE_ALIAS]


def _digest(text: str) -> str:
    return hashlib.sha256(text.encode()).hexdigest()[:32]


def entry_key(host: str, path: str, query: str) -> str:
    return f"pagecache:page:{_digest(host)}:{_digest(path)}:{_digest(query)}"


def purge_key(path: str) -> str:
    return f"pagecache:purged:{_digest(path)}"


def cache_query(query_string: str) -> str | None:
    """The query string that identifies a cached variant, or None if it must not be cached.

    Only parameters our pages read are kept (pagination and the comment notice), once each and
    with a value of the form PAGE_CACHE_QUERY_PARAMS allows; tracking parameters are dropped so
    they do not split the cache; anything else (a search, ?page=junk) is answered fresh.
    """
    allowed = settings.PAGE_CACHE_QUERY_PARAMS
    kept: dict[str, str] = {}
    for name, value in parse_qsl(query_string, keep_blank_values=True):
        if name in allowed:
            if name in kept or not re.fullmatch(allowed[name], value):
                return None
            kept[name] = value
        elif not name.startswith(settings.PAGE_CACHE_IGNORED_QUERY_PREFIXES):
            return None
    return urlencode(sorted(kept.items()))


def search_cache_query(query_string: str) -> str | None:
    """The cache variant of a search, or None when this search must not be cached.

    Only searches readers commonly make are cached: a normalised query of at most
    SEARCH_MAX_WORDS words and SEARCH_MAX_CHARS characters, well-formed filters, and one of
    the first SEARCH_MAX_PAGE pages. Anything else is answered fresh (not an error), so random
    or long queries cannot fill the cache. Blank filters (what the form sends) are dropped: they
    render the same page as no filter.
    """
    params: dict[str, str] = {}
    for name, value in parse_qsl(query_string, keep_blank_values=True):
        if name.startswith(settings.PAGE_CACHE_IGNORED_QUERY_PREFIXES):
            continue
        if name not in SEARCH_PARAMS or name in params:
            return None
        if value and not _SEARCH_VALUE[name].fullmatch(value):
            return None
        params[name] = value
    words = params.get("q", "")
    if len(words) > SEARCH_MAX_CHARS or len(words.split()) > SEARCH_MAX_WORDS:
        return None
    if int(params.get("page") or 1) > SEARCH_MAX_PAGE:
        return None
    return urlencode(sorted((name, value) for name, value in params.items() if value))


def fetch(host: str, path: str, query: str) -> Entry | None:
    key = entry_key(host, path, query)
    try:
        found = cache().get_many([key, purge_key(path), purge_key(ALL)])
    except Exception:  # a cache outage must never take pages down
        logger.warning("Page cache unavailable on read", exc_info=True)
        return None
    entry = found.get(key)
    if not isinstance(entry, Entry):
        return None
    purged = max(found.get(purge_key(path)) or 0.0, found.get(purge_key(ALL)) or 0.0)
    return entry if entry.stored_at > purged else None


def store(host: str, path: str, query: str, entry: Entry, *, timeout: int | None = None) -> None:
    try:
        cache().set(
            entry_key(host, path, query), entry, timeout=timeout or settings.PAGE_CACHE_SECONDS
        )
    except Exception:
        logger.warning("Page cache unavailable on write", exc_info=True)


def purge_paths(paths: set[str]) -> None:
    """Invalidate every cached variant of each path (``ALL`` invalidates everything)."""
    if not paths:
        return
    now = time.time()
    # A stamp only has to outlive the entries it invalidates.
    timeout = max(settings.PAGE_CACHE_SECONDS, settings.PAGE_CACHE_SEARCH_SECONDS) + 60
    try:
        cache().set_many({purge_key(path): now for path in paths}, timeout=timeout)
    except Exception:
        logger.warning("Page cache unavailable on purge of %s", sorted(paths), exc_info=True)
