"""Site-wide error views: a database outage answers 503 with Retry-After, never a traceback."""

from __future__ import annotations

import logging
import sys

import psycopg2
from django.db import InterfaceError, OperationalError
from django.http import HttpRequest, HttpResponse
from django.template import loader
from django.utils.translation import get_language, get_language_bidi
from django.views.defaults import server_error

logger = logging.getLogger("newsroom.outage")

# Seconds a client (or a proxy) should wait before trying again while the database is away.
RETRY_AFTER_SECONDS = 30

# Django wraps driver errors in its own classes; a few paths (a connection dropped while a
# response is being read, a raw cursor) can still surface the driver's own.
DATABASE_UNAVAILABLE: tuple[type[BaseException], ...] = (
    OperationalError,
    InterfaceError,
    psycopg2.OperationalError,
    psycopg2.InterfaceError,
)


def database_unavailable(exc: BaseException | None) -> bool:
    """True when the exception, or one it was raised from, says the database cannot be reached."""
    seen: set[int] = set()
    while exc is not None and id(exc) not in seen:
        if isinstance(exc, DATABASE_UNAVAILABLE):
            return True
        seen.add(id(exc))
        exc = exc.__cause__ or exc.__context__
    return False


def service_unavailable() -> HttpResponse:
    """The 503 page, rendered without a request so that no context processor can query."""
    html = loader.get_template("503.html").render(
        {
            "retry_after": RETRY_AFTER_SECONDS,
            "language_code": get_language() or "en",
            "language_bidi": get_language_bidi(),
        }
    )
    response = HttpResponse(html, status=503)
    response["Retry-After"] = str(RETRY_AFTER_SECONDS)
    response["Cache-Control"] = "no-store"
    return response


def server_error_or_unavailable(request: HttpRequest, template_name: str = "500.html"):
    """handler500: Django calls it from inside its `except`, so sys.exc_info() holds the error.

    A database outage is temporary and not a bug in the page, so it is a 503 that tells
    clients when to retry. Every other error keeps Django's own 500 page (templates/500.html).
    """
    exc = sys.exc_info()[1]
    if not database_unavailable(exc):
        return server_error(request, template_name)
    # One line per request instead of Django's full traceback: during an outage every
    # request fails the same way, and the cause is in the message.
    message = str(exc).strip().splitlines()
    logger.error(
        "Database unavailable, answered 503 to %s %s: %s: %s",
        request.method,
        request.path,
        type(exc).__name__,
        message[0] if message else "",
    )
    response = service_unavailable()
    # Tell django.utils.log.log_response this has been logged, so it does not add a traceback.
    response._has_been_logged = True
    return response
