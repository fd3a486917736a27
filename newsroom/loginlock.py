"""Admin login brute-force limits (django-axes): per user on one address, and per address.

AXES_LOCKOUT_PARAMETERS locks a username on one client address after AXES_FAILURE_LIMIT
failures, so an attacker cannot lock a colleague out from elsewhere. LoginLockoutHandler adds
a wider limit per address across all usernames (AXES_IP_FAILURE_LIMIT), which stops one
machine from spraying a few guesses at many accounts while leaving a shared office address
room for honest typos.
"""

from __future__ import annotations

from datetime import timedelta

from axes.attempts import get_cool_off_threshold
from axes.handlers.database import AxesDatabaseHandler
from axes.helpers import get_client_username, get_cool_off, get_failure_limit
from axes.models import AccessAttempt
from django.conf import settings
from django.db.models import Sum
from django.http import HttpRequest, HttpResponse
from django.shortcuts import render
from django.utils import timezone

from core.http import client_ip as meta_client_ip


def client_ip(request: HttpRequest) -> str | None:
    """The client address, resolved exactly as comments do (TRUSTED_PROXIES)."""
    return meta_client_ip(request.META)


class LoginLockoutHandler(AxesDatabaseHandler):
    """Axes' database handler, also counting every failure from the client's address."""

    def get_failures(self, request, credentials: dict | None = None) -> int:
        """Failures to compare with AXES_FAILURE_LIMIT: the per-user count, or the address's.

        The address-wide count is scaled so that AXES_IP_FAILURE_LIMIT failures reach the
        same threshold (axes compares one number with one limit).
        """
        failures = super().get_failures(request, credentials)
        address = getattr(request, "axes_ip_address", None)
        if not address:
            return failures
        attempts = AccessAttempt.objects.filter(ip_address=address)
        if settings.AXES_COOLOFF_TIME is not None:
            attempts = attempts.filter(attempt_time__gte=get_cool_off_threshold(request))
        from_address = attempts.aggregate(total=Sum("failures_since_start"))["total"] or 0
        if from_address >= settings.AXES_IP_FAILURE_LIMIT:
            failures = max(failures, get_failure_limit(request, credentials))
        return failures


def lockout_response(
    request: HttpRequest,
    original_response: HttpResponse | None = None,
    credentials: dict | None = None,
) -> HttpResponse:
    """429 page saying when to retry and whom to ask, with Retry-After for scripts."""
    cool_off: timedelta | None = get_cool_off(request)
    context = {
        "username": get_client_username(request, credentials) or "",
        "cool_off": cool_off,
        "retry_at": timezone.now() + cool_off if cool_off else None,
        "contact": settings.LOGIN_LOCKOUT_CONTACT,
    }
    response = render(
        request, "security/lockout.html", context, status=settings.AXES_HTTP_RESPONSE_CODE
    )
    if cool_off:
        response["Retry-After"] = str(int(cool_off.total_seconds()))
    response["Cache-Control"] = "no-store"
    return response
