"""Malformed requests stopped early: form bodies Django cannot decode, impossible session cookies.

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
import re

from django.conf import settings
from django.http import HttpRequest, HttpResponse
from django.utils.http import parse_header_parameters

from newsroom.views import bad_request_page

FORM_TYPES = {"application/x-www-form-urlencoded", "multipart/form-data"}
# Django makes session keys of 32 lowercase letters and digits (and accepts 8 or more).
SESSION_KEY = re.compile(r"[a-z0-9]{8,64}")
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
    """A 400 page for a POST whose body Django could not read: not UTF-8, garbled headers."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request: HttpRequest) -> HttpResponse:
        if request.method == "POST" and not readable_form(request):
            return bad_request_page(request)
        return self.get_response(request)


def readable_form(request: HttpRequest) -> bool:
    """False when reading request.POST would fail (a charset Django refuses, a malformed
    Content-Length) or decode the body in a charset we never send.

    Without ContentTypeGuard in front (Django's test client) the charset is checked here.

    A UTF-8 charset spelled another way ("utf8", "UTF-8") is accepted and normalised: Django
    refuses anything but the exact name "utf-8" for urlencoded bodies.
    """
    if UNPARSEABLE in request.META:
        return False
    try:  # request.body reads it again with int() (gunicorn itself refuses such a header)
        int(request.META.get("CONTENT_LENGTH") or 0)
    except ValueError:
        return False
    content_type, params = parse_header_parameters(request.META.get("CONTENT_TYPE", ""))
    if content_type not in FORM_TYPES or "charset" not in params:
        return True
    if not _utf8(params["charset"]):
        return False
    request.encoding = "utf-8"
    return True


class SessionCookieGuardMiddleware:
    """Forget a session cookie no session can have, before the page cache or sessions read it.

    Django's session stores look any cookie value up as it is, and PostgreSQL refuses a NUL in
    a query parameter, so ``sessionid=<31 letters and a NUL>`` made every page a 500. Such a
    cookie cannot name a session, so the request is served as anonymous.
    """

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request: HttpRequest) -> HttpResponse:
        name = settings.SESSION_COOKIE_NAME
        value = request.COOKIES.get(name)
        if value is not None and not SESSION_KEY.fullmatch(value):
            del request.COOKIES[name]
        return self.get_response(request)
