"""The site's own 404 page in development too: with DEBUG on, Django answers a missing page
with its technical page listing every URL pattern, which is not what a newcomer trying the site
should meet. DEBUG_TECHNICAL_404=1 brings the technical page back for developers."""

from __future__ import annotations

from django.conf import settings
from django.http import Http404, HttpRequest, HttpResponse
from django.views.defaults import page_not_found


def _replacing() -> bool:
    return settings.DEBUG and not settings.DEBUG_TECHNICAL_404


class SiteNotFoundMiddleware:
    """A view raising Http404 (Wagtail's page serving, get_object_or_404) is answered here;
    a path no URL pattern matches is answered with the technical page before any view runs
    (the request then has no resolver_match), and replaced on its way out."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request: HttpRequest) -> HttpResponse:
        response = self.get_response(request)
        if (
            response.status_code == 404
            and _replacing()
            and getattr(request, "resolver_match", None) is None
        ):
            return page_not_found(request, Http404())
        return response

    def process_exception(self, request: HttpRequest, exception: Exception):
        if isinstance(exception, Http404) and _replacing():
            return page_not_found(request, exception)
        return None
