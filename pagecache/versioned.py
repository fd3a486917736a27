"""Versioned object caches for reader pages, and the version token template fragments vary on.

Every entry is stored under a version token that changes whenever something shown on reader
pages changes: a page is saved, published, unpublished, moved or deleted; a watched model is
saved or deleted (pages, view restrictions, locales, sites and images here; apps add their own
with ``watch()``: authors, people, topics, comment rules); or a purge runs (pagecache.purge).
A reader never sees a list older than the last edit. The token is changed at once and again
when the transaction commits, so a request that read the old rows during the edit cannot keep
them under the new token. Without a working cache (Redis down) everything is computed from the
database. Receivers are connected in PageCacheConfig.ready() (pagecache.signal_handlers).
"""

from __future__ import annotations

import threading
import uuid
from collections import OrderedDict

from django.conf import settings
from django.core.cache import cache
from django.db import transaction
from django.db.models import Model

VERSION_KEY = "pagecache:reader-version"
TIMEOUT = 6 * 60 * 60

# Within one request the token is read once (a page reads several cached lists and
# fragments: one Redis round trip instead of one each); outside requests, every time.
_request = threading.local()


def request_started(**kwargs) -> None:
    _request.active, _request.version = True, None


def request_finished(**kwargs) -> None:
    _request.active, _request.version = False, None


def _version() -> str | None:
    if getattr(_request, "active", False) and _request.version is not None:
        return _request.version
    version = cache.get(VERSION_KEY)
    if version is None:
        cache.add(VERSION_KEY, uuid.uuid4().hex, None)
        version = cache.get(VERSION_KEY)
    if getattr(_request, "active", False):
        _request.version = version
    return version


def version() -> str | None:
    """The current token, which template fragments of reader pages vary on (None: no working
    cache, so fragments must not be kept: see fragment_seconds)."""
    return _version()


def fragment_seconds() -> int:
    """How long reader-page fragments may be kept: 0 while the version cannot be read."""
    return settings.READER_FRAGMENT_SECONDS if _version() is not None else 0


# What is stored under a version never changes, so each process also keeps the latest values
# in memory: one Redis round trip per request (the version) instead of one per list.
_local_values: OrderedDict[str, object] = OrderedDict()
_LOCAL_MAX = 2000
_local_lock = threading.Lock()


def _remember_locally(key: str, value) -> None:
    with _local_lock:
        _local_values[key] = value
        _local_values.move_to_end(key)
        while len(_local_values) > _LOCAL_MAX:
            _local_values.popitem(last=False)


def cached(name: str, compute, *, keep_empty: bool = True):
    """compute()'s result (never None), kept until the next content change. With
    keep_empty=False an empty result is not stored (e.g. unknown URLs: anyone can make more)."""
    version = _version()
    if version is None:
        return compute()
    key = f"pagecache:v:{name}:{version}"
    value = _local_values.get(key)
    if value is not None:
        return value
    value = cache.get(key)
    if value is None:
        value = compute()
        if value or keep_empty:
            cache.set(key, value, TIMEOUT)
    if value or keep_empty:
        _remember_locally(key, value)
    return value


def _bump() -> None:
    cache.set(VERSION_KEY, uuid.uuid4().hex, None)
    _request.version = None  # this request changed content: read the new token from now on


def invalidate() -> None:
    """Retire every versioned value and fragment, now and again when the transaction commits."""
    _bump()
    transaction.on_commit(_bump)


_watched: list[type[Model]] = []
_watched_tuple: tuple[type[Model], ...] = ()


def watch(*models: type[Model]) -> None:
    """Invalidate whenever an instance of one of these models is saved or deleted (each app
    names what its reader pages show, in its AppConfig.ready())."""
    global _watched_tuple
    _watched.extend(m for m in models if m not in _watched)
    _watched_tuple = tuple(_watched)


def model_changed(sender, instance, **kwargs) -> None:
    """post_save/post_delete of every model: runs on every save, so one isinstance check."""
    if _watched_tuple and isinstance(instance, _watched_tuple):
        invalidate()


def content_changed(sender, **kwargs) -> None:
    """A page published, unpublished or moved."""
    invalidate()
