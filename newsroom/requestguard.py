"""Refuse, with the site's 400 page, form bodies Django cannot decode, before anything reads them.

Django only decodes form bodies (urlencoded or multipart) in UTF-8 or in a charset the request
names. A urlencoded body in any other charset raises BadRequest from ``request.POST`` every time
it is read, and several readers come before and after the view: the CSRF check, then Django's
own 400 and 500 views, which run that check again (requires_csrf_token), so the error page
itself failed and the server answered a bare 500. Multipart bodies would be decoded in whatever
the header names (UTF-7, UTF-16). Our forms only ever send UTF-8, so anything else is refused
here, before CSRF, sessions or the page cache look at the request.

Some Content-Type headers make Django fail while it builds the request, before any middleware
runs, on every method: an RFC 2231 parameter in an unknown charset (``charset*=x''y``), a charset
with a NUL in it, a charset that is not a text encoding (``zlib``, ``rot13``: reading request.GET
then raises). ``ContentTypeGuard`` wraps the WSGI application (newsroom/wsgi.py) and moves any
header naming a charset other than UTF-8 aside, so the request is built without it; a POST that
carried one is then answered 400 here, and any other request is served as if it had none.
"""

from __future__ import annotations

import codecs

from django.http import HttpRequest, HttpResponse
from django.utils.http import parse_header_parameters

from newsroom.views import bad_request_page

FORM_TYPES = {"application/x-www-form-urlencoded", "multipart/form-data"}
# The environ key where ContentTypeGuard keeps a Content-Type header it set aside.
UNPARSEABLE = "newsroom.unparseable_content_type"


class ContentTypeGuard:
    """WSGI middleware: set aside a Content-Type header that could crash Django's request class.

    It only rewrites the environ, so it wraps Django's test client handler the same way.
    """

    def __init__(self, app):
        self.app = app

    def __call__(self, environ, *args):
        content_type = environ.get("CONTENT_TYPE")
        if content_type and not _utf8_or_no_charset(content_type):
            environ[UNPARSEABLE] = environ.pop("CONTENT_TYPE")
        return self.app(environ, *args)


def _utf8_or_no_charset(content_type: str) -> bool:
    try:
        _media_type, params = parse_header_parameters(content_type)
    except ValueError:
        return False
    return "charset" not in params or _utf8(params["charset"])


def _utf8(charset: str) -> bool:
    try:
        return codecs.lookup(charset).name in ("utf-8", "ascii")  # ASCII is a subset of UTF-8
    except (LookupError, ValueError):  # unknown, or a NUL in the name
        return False


class FormEncodingMiddleware:
    """A 400 page for a POST whose form body is not UTF-8 (or whose Content-Type is garbled)."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request: HttpRequest) -> HttpResponse:
        if request.method == "POST" and not readable_form(request):
            return bad_request_page(request)
        return self.get_response(request)


def readable_form(request: HttpRequest) -> bool:
    """False when reading request.POST would fail or decode the body in a charset we never send.

    Without ContentTypeGuard in front (Django's test client) the charset is checked here.

    A UTF-8 charset spelled another way ("utf8", "UTF-8") is accepted and normalised: Django
    refuses anything but the exact name "utf-8" for urlencoded bodies.
    """
    if UNPARSEABLE in request.META:
        return False
    content_type, params = parse_header_parameters(request.META.get("CONTENT_TYPE", ""))
    if content_type not in FORM_TYPES or "charset" not in params:
        return True
    if not _utf8(params["charset"]):
        return False
    request.encoding = "utf-8"
    return True
