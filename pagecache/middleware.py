"""Serve anonymous readers whole pages from the cache, before sessions or the database are touched.

Placed right after WhiteNoise: a hit returns before SessionMiddleware, so it runs no SQL.
The Host header is validated (ALLOWED_HOSTS) before the cache is consulted, so a disallowed
host gets its 400 on a hit as on a miss, and entries are keyed on the normalised host name, so
nothing stored for one host is served to another. Pages build absolute URLs from the Site,
never from the Host header (core.http).
A request carrying a personal cookie (the session, or pending messages) is never served from
nor stored in the cache: a signed-in editor always sees the current page. Only responses that
did not read the session (no ``Vary: Cookie``) and set no cookie are stored.
"""

from __future__ import annotations

import re
import time
from functools import cached_property

from django.conf import settings
from django.http import HttpRequest, HttpResponse
from django.http.request import split_domain_port
from django.utils.cache import add_never_cache_headers, patch_cache_control

from . import store

CACHEABLE_STATUSES = {200}


def has_personal_cookie(request: HttpRequest) -> bool:
    """True when the answer may depend on who is asking (signed in, or a message is waiting)."""
    return any(name in request.COOKIES for name in settings.PAGE_CACHE_PERSONAL_COOKIES)


def cache_host(request: HttpRequest) -> str:
    """The host part of a cache key: the validated host name, lower case, without a port or
    trailing dot. Raises DisallowedHost for a host outside ALLOWED_HOSTS.

    Not the port: app servers behind one balancer may listen on different ports and must
    share entries, and no page prints the port it was asked on (absolute URLs come from the
    Site). Sites that differ by port alone must not share one page cache."""
    domain, _port = split_domain_port(request.get_host())
    return domain


class PageCacheMiddleware:
    def __init__(self, get_response):
        self.get_response = get_response

    @cached_property
    def excluded(self) -> re.Pattern:
        return re.compile("|".join(f"(?:{p})" for p in settings.PAGE_CACHE_EXCLUDE_PATHS))

    @cached_property
    def search_path(self) -> re.Pattern:
        return re.compile(settings.PAGE_CACHE_SEARCH_PATH)

    def _is_search(self, request: HttpRequest) -> bool:
        return bool(self.search_path.fullmatch(request.path))

    def __call__(self, request: HttpRequest) -> HttpResponse:
        query = self._cache_query(request)
        if query is not None:
            host = cache_host(request)  # DisallowedHost (a 400) before any cached answer
            entry = store.fetch(host, request.path, query)
            if entry is not None:
                return self._replay(request, entry)
        started = time.time()
        response = self.get_response(request)
        if query is not None and request.method == "GET" and self._storable(response):
            # Search results go stale as stories are published: a short life, everywhere.
            seconds = settings.PAGE_CACHE_SEARCH_SECONDS if self._is_search(request) else None
            self._make_public(response, shared_seconds=seconds)
            store.store(
                host,
                request.path,
                query,
                store.Entry(
                    stored_at=started,
                    status=response.status_code,
                    headers=[(k, v) for k, v in response.items() if k != "X-Page-Cache"],
                    content=response.content,
                ),
                timeout=seconds,
            )
            response["X-Page-Cache"] = "miss"
        elif not response.has_header("Cache-Control"):
            # Whatever we cannot purge must not sit in a shared cache either.
            if has_personal_cookie(request) or request.method not in ("GET", "HEAD"):
                add_never_cache_headers(response)
            else:
                patch_cache_control(response, private=True, no_cache=True)
        return response

    def _cache_query(self, request: HttpRequest) -> str | None:
        """The cache variant for this request, or None when the cache must be bypassed."""
        if (
            not settings.PAGE_CACHE_ENABLED
            or request.method not in ("GET", "HEAD")
            or has_personal_cookie(request)
            or self.excluded.match(request.path)
        ):
            return None
        query_string = request.META.get("QUERY_STRING", "")
        if self._is_search(request):
            return store.search_cache_query(query_string)
        return store.cache_query(query_string)

    @staticmethod
    def _storable(response: HttpResponse) -> bool:
        vary = {v.strip().lower() for v in response.get("Vary", "").split(",")}
        return (
            response.status_code in CACHEABLE_STATUSES
            and not response.streaming
            and not response.cookies
            and not response.has_header("Cache-Control")
            and "cookie" not in vary
            and "*" not in vary
        )

    @staticmethod
    def _make_public(response: HttpResponse, *, shared_seconds: int | None = None) -> None:
        shared = shared_seconds or settings.PAGE_CACHE_SHARED_SECONDS
        patch_cache_control(
            response,
            public=True,
            max_age=min(settings.PAGE_CACHE_BROWSER_SECONDS, shared),
            s_maxage=shared,
        )
        # Unprefixed URLs are always in the default language, so Accept-Language changes
        # nothing here; leaving it in Vary would split every CDN entry per browser language.
        vary = [
            v.strip()
            for v in response.get("Vary", "").split(",")
            if v.strip() and v.strip().lower() != "accept-language"
        ]
        if vary:
            response["Vary"] = ", ".join(vary)
        elif response.has_header("Vary"):
            del response["Vary"]

    @staticmethod
    def _replay(request: HttpRequest, entry: store.Entry) -> HttpResponse:
        content = b"" if request.method == "HEAD" else entry.content
        response = HttpResponse(content, status=entry.status)
        for key, value in entry.headers:
            response[key] = value
        response["Age"] = str(max(0, int(time.time() - entry.stored_at)))
        response["X-Page-Cache"] = "hit"
        return response
