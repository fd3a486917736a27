"""Site-wide error views: a database outage answers 503 with Retry-After, never a traceback.

None of them reads the request body: Django's own error views run the CSRF check again
(requires_csrf_token), which reads request.POST, so a body that made the request fail made its
error page fail too (newsroom/requestguard.py).
"""

from __future__ import annotations

import logging
import sys
from urllib.parse import urlsplit

import psycopg2
from django.conf import settings
from django.core.exceptions import DisallowedHost
from django.db import InterfaceError, OperationalError
from django.http import HttpRequest, HttpResponse, HttpResponseServerError
from django.shortcuts import render
from django.template import loader
from django.templatetags.static import static
from django.utils import translation
from django.utils.cache import add_never_cache_headers, patch_cache_control
from django.utils.translation import get_language, get_language_bidi
from django.views.generic import RedirectView

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
            "site_name": settings.WAGTAIL_SITE_NAME,
            "language_code": get_language() or "en",
            "language_bidi": get_language_bidi(),
        }
    )
    response = HttpResponse(html, status=503)
    response["Retry-After"] = str(RETRY_AFTER_SECONDS)
    response["Cache-Control"] = "no-store"
    return response


def _error_page(request: HttpRequest, template: str, status: int) -> HttpResponse:
    """An error page in the site's look, in the language of the URL (/es/, /ar/ or English).

    It may be rendered before LocaleMiddleware and AuthenticationMiddleware have run, so the
    language comes from the path and the page never shows per-user parts.
    """
    with translation.override(_page_language(request)):
        context = {
            "personal_request": False,
            "in_admin": request.path_info.startswith("/admin/"),
        }
        response = render(request, template, context, status=status)
    add_never_cache_headers(response)
    return response


def _page_language(request: HttpRequest) -> str:
    """The language of the URL; for URLs with none of their own (a comment POST to /comments/),
    that of the page the form was on (a same-site Referer); else the default."""
    language = translation.get_language_from_path(request.path_info)
    if not language:
        referer = urlsplit(request.META.get("HTTP_REFERER", ""))
        try:
            same_site = referer.netloc == request.get_host()
        except DisallowedHost:
            same_site = False
        if same_site:
            language = translation.get_language_from_path(referer.path)
    return language or settings.LANGUAGE_CODE


def bad_request_page(request: HttpRequest) -> HttpResponse:
    return _error_page(request, "400.html", 400)


def bad_request(request: HttpRequest, exception: Exception | None = None) -> HttpResponse:
    """handler400: malformed requests (a body Django cannot parse, a disallowed Host)."""
    return bad_request_page(request)


def csrf_failure(request: HttpRequest, reason: str = "") -> HttpResponse:
    """CSRF_FAILURE_VIEW: a stale or foreign form. Says what to do; never names the check."""
    return _error_page(request, "security/csrf_failure.html", 403)


def server_error(request: HttpRequest, template_name: str = "500.html") -> HttpResponse:
    """Django's server_error without requires_csrf_token (which would read the body again)."""
    context = {"site_name": settings.WAGTAIL_SITE_NAME}
    return HttpResponseServerError(loader.get_template(template_name).render(context))


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


class StaticRedirect(RedirectView):
    """/favicon.ico and friends: a redirect to the static file (hashed name in production)."""

    path = ""
    permanent = False  # the hashed name changes with the file

    def get_redirect_url(self, *args, **kwargs):
        return static(self.path)

    def get(self, request, *args, **kwargs):
        response = super().get(request, *args, **kwargs)
        patch_cache_control(response, public=True, max_age=86400)
        return response
