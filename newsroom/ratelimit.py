"""Per-address counters in the shared cache, for limits on anonymous requests that cost or risk
something: guesses at a private page's password, searches the page cache could not answer.

A window opens at an address's first counted request and lasts the rule's seconds; the counters
live in settings.RATE_LIMIT_CACHE (Redis in production, shared by every worker). That alias
raises when Redis is down rather than pretending to work, and the limits then fall back to a
counter in this process's memory: they still hold, per worker (at most limit x workers per
window), instead of failing open or refusing every reader while Redis is away.
"""

from __future__ import annotations

import hashlib
import logging
import math
import time
from dataclasses import dataclass
from datetime import timedelta

from django.conf import settings
from django.core.cache import caches
from django.core.cache.backends.locmem import LocMemCache
from django.http import HttpRequest, HttpResponse
from django.shortcuts import render
from django.utils import timezone
from django.utils.cache import add_never_cache_headers

logger = logging.getLogger(__name__)

_FALLBACK = LocMemCache("newsroom-ratelimit-fallback", {"OPTIONS": {"MAX_ENTRIES": 10_000}})


@dataclass(frozen=True)
class Rule:
    name: str
    limit: int  # requests counted per window
    seconds: int  # how long a window lasts


@dataclass(frozen=True)
class Usage:
    count: int  # requests counted in the current window, this one included
    retry_after: int  # seconds until the window closes

    def over(self, rule: Rule) -> bool:
        return self.count > rule.limit


def hit(rule: Rule, key: str) -> Usage:
    """Count one request for key (e.g. an address) under rule."""
    return _with_fallback(_hit, rule, key)


def reset(rule: Rule, key: str) -> None:
    """Forget key's requests under rule (a right password clears the wrong ones)."""
    _with_fallback(_reset, rule, key)


def _with_fallback(operation, rule: Rule, key: str):
    try:
        return operation(caches[settings.RATE_LIMIT_CACHE], rule, key)
    except Exception as exc:  # Redis down or unreachable: count in this process instead
        logger.warning(
            "Rate limit cache unavailable (%s: %s); counting %s in this process",
            type(exc).__name__,
            exc,
            rule.name,
        )
        return operation(_FALLBACK, rule, key)


def _keys(rule: Rule, key: str) -> tuple[str, str]:
    digest = hashlib.sha256(key.encode()).hexdigest()[:32]
    base = f"ratelimit:{rule.name}:{digest}"
    return base, f"{base}:opened"


def _hit(cache, rule: Rule, key: str) -> Usage:
    counter, opened_key = _keys(rule, key)
    now = time.time()
    # The first request opens the window; both keys expire when it closes.
    cache.add(opened_key, now, rule.seconds)
    cache.add(counter, 0, rule.seconds)
    try:
        count = cache.incr(counter)
    except ValueError:  # the window closed between add() and incr()
        cache.set(counter, 1, rule.seconds)
        count = 1
    opened = cache.get(opened_key) or now
    return Usage(count=count, retry_after=max(1, math.ceil(opened + rule.seconds - now)))


def _reset(cache, rule: Rule, key: str) -> None:
    cache.delete_many(list(_keys(rule, key)))


def too_many_requests(
    request: HttpRequest, template: str, usage: Usage, **extra_context
) -> HttpResponse:
    """The 429 page: what happened and when to retry (also as Retry-After); never cached."""
    retry_at = timezone.now() + timedelta(seconds=usage.retry_after)
    context = {
        "retry_after": usage.retry_after,
        "retry_minutes": max(1, -(-usage.retry_after // 60)),  # rounded up: never "0 minutes"
        "retry_at": retry_at,
        **extra_context,
    }
    response = render(request, template, context, status=429)
    response["Retry-After"] = str(usage.retry_after)
    add_never_cache_headers(response)
    return response
