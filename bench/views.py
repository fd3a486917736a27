"""The benchmark's floor: a fixed 40 KB page through the full middleware stack, no database.

Mounted at /bench/floor/ by bench.urls, the URL configuration of newsroom.settings.bench (the
settings scripts/bench.py serves). Pages are measured as a fraction of this view's throughput:
what Django, the middleware and gunicorn cost on this machine before any of our code runs.
"""

from django.http import HttpRequest, HttpResponse
from django.views.decorators.cache import never_cache

FLOOR_BYTES = 40 * 1024
_ROW = "<p>The framework floor: a fixed page with no queries and no templates.</p>\n"
_HEAD = "<!doctype html>\n<html lang=en><title>Floor</title>\n<body>\n"
_TAIL = "</body></html>\n"
_BODY = _ROW * ((FLOOR_BYTES - len(_HEAD) - len(_TAIL)) // len(_ROW))
PAGE = (_HEAD + _BODY + " " * (FLOOR_BYTES - len(_HEAD + _BODY + _TAIL)) + _TAIL).encode()


@never_cache  # never stored by the page cache or Varnish: the floor is the uncached path
def floor(request: HttpRequest) -> HttpResponse:
    return HttpResponse(PAGE, content_type="text/html; charset=utf-8")
