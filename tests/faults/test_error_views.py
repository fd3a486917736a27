"""In-process checks of handler500: database errors become a 503 page, other errors stay 500."""

import base64
import hashlib
import re

import psycopg2
import pytest
from django.db import OperationalError, connection
from django.test import Client, override_settings
from django.urls import path

from newsroom import urls as site_urls
from newsroom.views import RETRY_AFTER_SECONDS, database_unavailable

OUTAGE_TEXT = "Back in a moment"


def _db_error_view(request):
    raise OperationalError('connection to server at "127.0.0.1", port 5432 failed')


def _driver_error_view(request):
    try:
        raise psycopg2.OperationalError("server closed the connection unexpectedly")
    except psycopg2.OperationalError as exc:
        raise RuntimeError("while reading the page") from exc


def _bug_view(request):
    raise ValueError("an ordinary bug")


# The site's own handler500, with views that fail in known ways in front of the real routes.
urlpatterns = [
    path("boom/db/", _db_error_view),
    path("boom/driver/", _driver_error_view),
    path("boom/bug/", _bug_view),
    *site_urls.urlpatterns,
]
handler500 = site_urls.handler500


class FailingMiddleware:
    """Stands where sessions, auth and Wagtail's redirects middleware read the database."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        raise OperationalError("could not connect to server: Connection refused")


def assert_outage_page(response):
    body = response.content.decode()
    assert response.status_code == 503, body[:300]
    assert response["Retry-After"] == str(RETRY_AFTER_SECONDS)
    assert "no-store" in response["Cache-Control"]
    assert OUTAGE_TEXT in body
    assert "Traceback" not in body and "OperationalError" not in body


@pytest.fixture
def browser():
    return Client(raise_request_exception=False)


@override_settings(ROOT_URLCONF=__name__)
@pytest.mark.parametrize("url", ["/boom/db/", "/boom/driver/"])
def test_a_database_error_in_a_view_is_a_503_page(browser, url):
    assert_outage_page(browser.get(url))


@override_settings(ROOT_URLCONF=__name__)
def test_other_errors_keep_the_500_page(browser):
    response = browser.get("/boom/bug/")
    assert response.status_code == 500
    assert "Retry-After" not in response
    assert "Something went wrong" in response.content.decode()


@override_settings(
    MIDDLEWARE=[
        "django.middleware.security.SecurityMiddleware",
        "django.contrib.sessions.middleware.SessionMiddleware",
        "django.middleware.locale.LocaleMiddleware",
        f"{__name__}.FailingMiddleware",
        "django.middleware.csrf.CsrfViewMiddleware",
    ]
)
def test_a_database_error_in_middleware_is_a_503_page(browser):
    assert_outage_page(browser.get("/"))
    assert_outage_page(browser.post("/comments/1/", {"body": "x"}))

    # The page speaks the reader's language, right to left in Arabic.
    response = browser.get("/ar/")
    assert response.status_code == 503
    assert response["Retry-After"] == str(RETRY_AFTER_SECONDS)
    assert '<html lang="ar" dir="rtl">' in response.content.decode()
    assert "سنعود بعد لحظات" in response.content.decode()  # "Back in a moment"


def test_database_unavailable_follows_the_cause_chain():
    try:
        try:
            raise psycopg2.InterfaceError("connection already closed")
        except psycopg2.InterfaceError as exc:
            raise KeyError("template variable") from exc
    except KeyError as outer:
        assert database_unavailable(outer)
    assert not database_unavailable(ValueError("no"))
    assert not database_unavailable(None)


@pytest.mark.django_db(transaction=True, serialized_rollback=True)
@pytest.mark.skipif(
    connection.vendor != "postgresql",
    reason="SQLite's in-memory test database cannot be disconnected without destroying it",
)
def test_real_pages_answer_503_while_the_database_cannot_be_reached(browser):
    """Point the live connection at a database that is not there, then ask for real pages."""
    saved = dict(connection.settings_dict)
    connection.close()
    connection.settings_dict.update(HOST="127.0.0.1", PORT="1")  # nothing listens on port 1
    try:
        for url in ["/", "/search/?q=talks", "/feed/", "/diplomacy/", "/comments/challenge/"]:
            assert_outage_page(browser.get(url))
        assert_outage_page(browser.post("/comments/1/", {"body": "x"}))
        # Paths where middleware or the admin reach the database first: a signed-in editor's
        # session, Wagtail's redirects lookup for a 404, django-axes on a login attempt.
        browser.cookies["sessionid"] = "a" * 32
        for url in ["/", "/admin/", "/no-such-page/"]:
            assert_outage_page(browser.get(url))
        assert_outage_page(browser.post("/admin/login/", {"username": "ed", "password": "pw"}))
    finally:
        connection.close()
        connection.settings_dict.clear()
        connection.settings_dict.update(saved)
    # Health checks reconnect on the next request once the database is back.
    assert browser.get("/").status_code == 200
    assert browser.get("/comments/challenge/").status_code == 200


@override_settings(ROOT_URLCONF=__name__)
def test_the_outage_page_style_is_allowed_by_the_content_security_policy(browser):
    """The page keeps its CSS inline (no static files needed); the CSP must list its hash."""
    response = browser.get("/boom/db/")
    style = re.search(r"<style>(.*?)</style>", response.content.decode(), re.S).group(1)
    digest = base64.b64encode(hashlib.sha256(style.encode()).digest()).decode()
    assert f"'sha256-{digest}'" in response["Content-Security-Policy"]
