"""A limit on searches per address that the page cache could not answer.

Short, common searches are answered from the page cache (pagecache/store.py) and never reach
the view; every search that does reach it runs full-text queries. An address gets
SEARCH_RATE_LIMIT of those per SEARCH_RATE_SECONDS, then the 429 page until its window closes.
The search page without a query costs nothing and is never limited.
"""

from __future__ import annotations

from functools import wraps

from django.conf import settings
from django.http import HttpRequest, HttpResponse

from articles.search import clean_query
from core.http import client_ip
from newsroom import ratelimit


def searches() -> ratelimit.Rule:
    return ratelimit.Rule(
        name="search", limit=settings.SEARCH_RATE_LIMIT, seconds=settings.SEARCH_RATE_SECONDS
    )


def limit_uncached_searches(view):
    @wraps(view)
    def limited(request: HttpRequest, *args, **kwargs) -> HttpResponse:
        if clean_query(request.GET.get("q")):
            rule = searches()
            usage = ratelimit.hit(rule, client_ip(request.META) or "unknown")
            if usage.over(rule):
                return ratelimit.too_many_requests(request, "security/search_limited.html", usage)
        return view(request, *args, **kwargs)

    return limited
