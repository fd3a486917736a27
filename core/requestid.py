"""Request ids and one log line per request (method, path, status, duration).

First in MIDDLEWARE, so every answer carries ``X-Request-ID`` (a cached page, a redirect to
HTTPS, a 400 for a bad host) and every line logged while the request is served carries its id.
A sane incoming ``X-Request-ID`` (from Varnish, a load balancer, a client) is kept so one id
follows the request through every tier; anything else is replaced by a new one.
"""

from __future__ import annotations

import logging
import re
import time
import uuid

import structlog
from django.conf import settings
from django.http import HttpRequest, HttpResponse

from .http import client_ip
from .logs import current_request

logger = logging.getLogger("core.requests")

HEADER = "X-Request-ID"
# Letters, digits and a few separators, at most 128 characters: UUIDs, hex ids, Varnish
# transaction numbers, AWS trace ids. Nothing that could break a log line or a header.
SANE_REQUEST_ID = re.compile(r"[A-Za-z0-9][A-Za-z0-9._:+=/-]{0,127}")
# Probes answer DEBUG lines: a load balancer asks every few seconds.
QUIET_PATHS = re.compile(r"/health/(?:live|ready)")


def request_id_from(request: HttpRequest) -> str:
    incoming = request.headers.get(HEADER, "")
    if SANE_REQUEST_ID.fullmatch(incoming):
        return incoming
    return uuid.uuid4().hex


def forget_request(**kwargs) -> None:
    """Drop the finished request's log context (also the request_finished receiver)."""
    structlog.contextvars.clear_contextvars()
    current_request.set(None)


def current_request_id() -> str | None:
    """The id of the request (or task) being served in this context, if any."""
    return structlog.contextvars.get_contextvars().get("request_id")


class RequestIdMiddleware:
    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request: HttpRequest) -> HttpResponse:
        started = time.perf_counter()
        request.request_id = request_id_from(request)
        # Bound until the response is closed (request_finished, below), not only until this
        # returns: Django logs a 4xx ("Not Found: …") after the middleware has answered.
        forget_request()
        structlog.contextvars.bind_contextvars(
            request_id=request.request_id, method=request.method, path=request.path
        )
        current_request.set(request)
        response = self.get_response(request)
        response[HEADER] = request.request_id
        self._log(request, response, started)
        return response

    @staticmethod
    def _log(request: HttpRequest, response: HttpResponse, started: float) -> None:
        status = response.status_code
        quiet = QUIET_PATHS.fullmatch(request.path)
        level = logging.INFO
        if quiet:
            level = logging.DEBUG if status < 400 else logging.WARNING
        if not logger.isEnabledFor(level):
            return
        extra = {
            "status": status,
            "duration_ms": round((time.perf_counter() - started) * 1000, 1),
        }
        if settings.LOG_CLIENT_IP:
            extra["client_ip"] = client_ip(request.META)
        logger.log(level, "%s %s %s", request.method, request.path, status, extra=extra)
