"""Private-page passwords: a few wrong guesses per address lock that address out for a while.

Wagtail's own view (wagtail.views.authenticate_with_password) accepts any number of guesses;
newsroom/urls.py routes its URL here first. A wrong password re-renders Wagtail's password form
(200); the right one redirects to the page. Every POST is counted per client address and
restriction before the password is checked, so parallel guesses cannot slip past the limit; the
PAGE_PASSWORD_FAILURE_LIMIT-th wrong one, and every attempt after it until the window closes
(the right password too), gets the 429 page. A right password clears the address's count.
"""

from __future__ import annotations

from django.conf import settings
from django.http import HttpRequest, HttpResponse
from wagtail import views as wagtail_views
from wagtail.models import Page

from core.http import client_ip
from newsroom import ratelimit


def guesses() -> ratelimit.Rule:
    return ratelimit.Rule(
        name="page-password",
        limit=settings.PAGE_PASSWORD_FAILURE_LIMIT,
        seconds=settings.PAGE_PASSWORD_LOCKOUT_SECONDS,
    )


def authenticate_with_password(
    request: HttpRequest, page_view_restriction_id: int, page_id: int
) -> HttpResponse:
    if request.method != "POST":
        return wagtail_views.authenticate_with_password(request, page_view_restriction_id, page_id)
    rule = guesses()
    key = f"{page_view_restriction_id}:{client_ip(request.META) or 'unknown'}"
    usage = ratelimit.hit(rule, key)
    if usage.count > rule.limit:
        return locked_out(request, usage, page_id)
    response = wagtail_views.authenticate_with_password(request, page_view_restriction_id, page_id)
    if response.status_code in (301, 302, 303):  # the right password: Wagtail redirects
        ratelimit.reset(rule, key)
        return response
    if usage.count >= rule.limit:
        return locked_out(request, usage, page_id)
    if getattr(response, "context_data", None) is not None:  # the form again, not yet rendered
        response.context_data["attempts_left"] = rule.limit - usage.count
    return response


def locked_out(request: HttpRequest, usage: ratelimit.Usage, page_id: int) -> HttpResponse:
    page = Page.objects.filter(pk=page_id).first()
    return ratelimit.too_many_requests(
        request, "security/password_lockout.html", usage, page_url=page.url if page else ""
    )
