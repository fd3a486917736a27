"""Malformed anonymous requests get a clear 4xx page, never a 500 (issue 10, item 3)."""

import logging
from datetime import timedelta
from urllib.parse import urlencode

import pytest
from django.test import Client, override_settings
from django.urls import path
from django.utils import timezone
from django.views.decorators.csrf import csrf_exempt

from comments.models import Comment
from newsroom import urls as site_urls
from newsroom.requestguard import ContentTypeGuard
from tests.conftest import solve_challenge

pytestmark = pytest.mark.django_db

HUGE = "999999999999999999999999"


def guarded(client: Client) -> Client:
    """The test client behind the same WSGI guard as production (newsroom/wsgi.py)."""
    client.handler = ContentTypeGuard(client.handler)
    return client


@pytest.fixture
def browser():
    # A real browser's CSRF rules and no re-raised exceptions: what gunicorn would answer.
    return guarded(Client(raise_request_exception=False, enforce_csrf_checks=True))


@pytest.fixture
def errors(caplog):
    """ERROR records (tracebacks) logged while the test runs."""
    caplog.set_level(logging.ERROR)
    return lambda: [r for r in caplog.records if r.levelno >= logging.ERROR]


@pytest.fixture
def commented(article):
    Comment.objects.bulk_create(
        Comment(
            article=article,
            author_name=f"R{n}",
            body=str(n),
            body_html=f"<p>n{n}!</p>",
            status="approved",
            created_at=timezone.now() - timedelta(minutes=100 - n),
        )
        for n in range(60)
    )
    return article


# --- Comment pages past the end -------------------------------------------------------------


@pytest.mark.parametrize("value", [HUGE, "-" + HUGE, "9223372036854775807", "400000000000000000"])
def test_a_huge_comment_page_number_shows_the_last_page(browser, commented, errors, value):
    response = browser.get(commented.url, {"comments": value})
    assert response.status_code == 200
    html = response.content.decode()
    assert "60 comments" in html
    if value.startswith("-"):
        assert "n0!" in html and "Comments page 1 of 2" in html
    else:
        assert "n59!" in html and "Comments page 2 of 2" in html and "n49!" not in html
    assert not errors()


def test_a_comment_page_past_the_end_links_back(browser, commented):
    html = browser.get(commented.url, {"comments": 3}).content.decode()
    assert "Comments page 2 of 2" in html and "n50!" in html
    assert "?comments=1#comments" in html and "Show more comments" not in html


def test_a_huge_comment_page_on_a_story_without_comments(browser, article, errors):
    response = browser.get(article.url, {"comments": HUGE})
    assert response.status_code == 200
    assert "No comments yet." in response.content.decode()
    assert not errors()


# --- Form bodies in charsets Django cannot decode ------------------------------------------

CHARSETS = ["latin-1", "utf-7", "utf-16", "x-no-such-charset"]
FORM_TYPES = ["application/x-www-form-urlencoded", "multipart/form-data; boundary=x"]


def _csrf_token(client) -> str:
    return client.get("/comments/challenge/").json()["csrf_token"]


def _post(client, url, *, content_type, token=None, body=b"q=caf\xe9&body=caf\xe9"):
    if token:
        body += b"&csrfmiddlewaretoken=" + token.encode()
    return client.generic("POST", url, body, content_type=content_type)


def assert_bad_request_page(response, *, lang="en", text="Your browser sent a request"):
    html = response.content.decode()
    assert response.status_code == 400, html[:400]
    assert "no-store" in response["Cache-Control"]
    assert f'<html lang="{lang}"' in html
    assert text in html
    assert 'class="site-header' in html  # the site's own look, not Django's bare text
    assert "Traceback" not in html and "BadRequest" not in html and "UTF-8" not in html


@pytest.mark.parametrize("charset", CHARSETS)
@pytest.mark.parametrize("form_type", FORM_TYPES)
@pytest.mark.parametrize("url", ["/search/", "/comments/{pk}/", "/", "/es/search/"])
def test_a_form_in_an_unsupported_charset_is_a_400_page(
    browser, article, errors, url, form_type, charset
):
    token = _csrf_token(browser)  # the CSRF cookie is set: CSRF then reads the form body
    url = url.format(pk=article.pk)
    response = _post(browser, url, content_type=f"{form_type}; charset={charset}", token=token)
    if url.startswith("/es/"):
        assert_bad_request_page(response, lang="es", text="Su navegador envió una solicitud")
    else:
        assert_bad_request_page(response)
    assert not errors()


@pytest.mark.parametrize("url", ["/search/", "/comments/{pk}/"])
def test_without_a_csrf_cookie_too(browser, article, errors, url):
    latin = "application/x-www-form-urlencoded; charset=latin-1"
    assert_bad_request_page(_post(browser, url.format(pk=article.pk), content_type=latin))
    assert not errors()


# Each of these made Django's request class raise before any middleware ran, on any method.
BROKEN_CONTENT_TYPES = [
    "application/x-www-form-urlencoded; charset*=bogus''utf-8",
    "text/plain; a*=x''y",
    'text/plain; charset="utf-8\x00"',
    "text/plain; charset=zlib",
    "multipart/form-data; boundary=x; charset=rot13",
]


@pytest.mark.parametrize("content_type", BROKEN_CONTENT_TYPES)
def test_a_content_type_django_cannot_parse(browser, article, errors, content_type):
    response = browser.get("/search/", {"q": "talks"}, CONTENT_TYPE=content_type)
    assert response.status_code == 200  # a GET body is never read: the header is ignored
    assert 'value="talks"' in response.content.decode()
    assert_bad_request_page(_post(browser, "/search/", content_type=content_type))
    assert_bad_request_page(_post(browser, f"/comments/{article.pk}/", content_type=content_type))
    assert not errors()


def test_the_bad_request_page_speaks_the_language_of_the_url(browser, article):
    token = _csrf_token(browser)
    for prefix, lang, text in [
        ("/es", "es", "Su navegador envió una solicitud"),
        ("/ar", "ar", "أرسل متصفحك طلبًا"),
    ]:
        response = _post(
            browser,
            f"{prefix}/search/",
            content_type="application/x-www-form-urlencoded; charset=latin-1",
            token=token,
        )
        assert_bad_request_page(response, lang=lang, text=text)


@pytest.mark.parametrize("charset", ["utf-8", "UTF-8", "utf8"])
def test_utf8_forms_still_work(client, article, comment_post, charset):
    """A declared UTF-8 charset (however it is spelled) is what every browser sends."""
    data = {"author_name": "Léa", "author_email": "", "body": "Très juste.", "website": ""}
    data.update(solve_challenge(client))
    response = client.generic(
        "POST",
        f"/comments/{article.pk}/",
        urlencode(data).encode(),
        content_type=f"application/x-www-form-urlencoded; charset={charset}",
        REMOTE_ADDR="203.0.113.9",
    )
    assert response.status_code == 302
    assert Comment.objects.get().body == "Très juste."


def test_a_csrf_failure_is_the_sites_own_403_page(browser, article, errors):
    response = browser.post("/es/search/", {"q": "x"})  # no CSRF cookie
    html = response.content.decode()
    assert response.status_code == 403
    assert '<html lang="es"' in html and 'class="site-header' in html
    assert "CSRF" not in html
    assert "no-store" in response["Cache-Control"]
    assert not errors()


def test_a_comment_form_refused_speaks_the_language_of_its_page(browser, article, errors):
    """/comments/<id>/ has no language of its own: the page the form was on decides."""
    for referer, lang in [("/ar/diplomacy/x/", "ar"), ("/es/diplomacy/x/", "es"), ("", "en")]:
        response = browser.post(
            f"/comments/{article.pk}/",
            {"body": "x"},
            HTTP_REFERER=f"http://testserver{referer}" if referer else "",
        )
        html = response.content.decode()
        assert response.status_code == 403 and f'<html lang="{lang}"' in html, referer
    foreign = browser.post(
        f"/comments/{article.pk}/", {"body": "x"}, HTTP_REFERER="http://evil.example/ar/x/"
    )
    assert '<html lang="en"' in foreign.content.decode()
    assert not errors()


def test_the_csrf_page_never_tells_a_reader_to_reload_what_they_typed(browser, article):
    reader = browser.post(f"/comments/{article.pk}/", {"body": "x"}).content.decode()
    assert "what you wrote is still in it" in reader and "reload the page and send" not in reader
    editor = browser.post("/admin/pages/1/edit/", {"title": "x"}).content.decode()
    assert "what you typed is still in the form" in editor
    assert 'href="/admin/"' in editor


@pytest.mark.parametrize("length", ["abc", "1.5", "", "12abc"])
def test_a_malformed_content_length_is_a_400_page(browser, article, errors, length):
    """gunicorn refuses these itself; Django's request.body raised ValueError on them."""
    token = _csrf_token(browser)
    response = browser.generic(
        "POST",
        f"/_util/authenticate_with_password/1/{article.pk}/",
        b"password=x&csrfmiddlewaretoken=" + token.encode(),
        content_type="application/x-www-form-urlencoded",
        CONTENT_LENGTH=length,
    )
    if length == "":  # no length at all: an empty body, as before
        assert response.status_code in (403, 404)
    else:
        assert_bad_request_page(response)
    assert not errors()


# handler400 and handler500 must not read the body again (Django's own views run the CSRF check
# once more through requires_csrf_token, which reads request.POST and fails the same way).
@csrf_exempt
def _bug_view(request):
    raise ValueError("an ordinary bug")


urlpatterns = [path("boom/bug/", _bug_view), *site_urls.urlpatterns]
handler400 = site_urls.handler400
handler500 = site_urls.handler500


@override_settings(
    ROOT_URLCONF=__name__,
    # Without the charset guard: the error handlers themselves must still not read the body.
    MIDDLEWARE=[
        "django.middleware.security.SecurityMiddleware",
        "django.contrib.sessions.middleware.SessionMiddleware",
        "django.middleware.locale.LocaleMiddleware",
        "django.middleware.csrf.CsrfViewMiddleware",
    ],
)
def test_error_handlers_never_read_an_undecodable_body(article):
    browser = Client(raise_request_exception=False, enforce_csrf_checks=True)  # no guard either
    token = _csrf_token(browser)
    latin = "application/x-www-form-urlencoded; charset=latin-1"
    response = _post(browser, "/search/", content_type=latin, token=token)
    assert_bad_request_page(response)
    # A view that fails: the 500 page, not a second failure while rendering it.
    response = _post(browser, "/boom/bug/", content_type=latin, token=token)
    assert response.status_code == 500
    assert "Something went wrong" in response.content.decode()


# --- Dates at the ends of the calendar, in a time zone behind or ahead of UTC ---------------


@pytest.mark.parametrize("zone", ["America/New_York", "Pacific/Kiritimati"])
@pytest.mark.parametrize(
    "url", ["/archive/9999/", "/archive/9999/12/", "/archive/1900/", "/archive/1900/1/"]
)
def test_archive_years_at_the_ends_never_fail(browser, article, settings, errors, zone, url):
    settings.TIME_ZONE = zone
    assert browser.get(url).status_code in (200, 404)
    assert not errors()


@pytest.mark.parametrize("zone", ["America/New_York", "Pacific/Kiritimati"])
@pytest.mark.parametrize("day", ["0001-01-01", "9999-12-31"])
@pytest.mark.parametrize("field", ["from", "to"])
def test_search_dates_at_the_ends_never_fail(browser, article, settings, errors, zone, day, field):
    settings.TIME_ZONE = zone
    response = browser.get("/search/", {"q": "talks", field: day})
    assert response.status_code == 200
    assert not errors()


@pytest.mark.parametrize("slug", ["\x00", "dip\x00lomacy", "x" * 500, "ñandú", "diplomacy/"])
def test_odd_search_sections_never_fail(browser, article, errors, slug):
    """PostgreSQL refuses a NUL in a query parameter: the filter was a 500 there."""
    response = browser.get("/search/", {"q": "talks", "section": slug})
    assert response.status_code == 200
    assert 'value="talks"' in response.content.decode()
    assert not errors()


@pytest.mark.parametrize(
    "value", ["a" * 20 + "\x00" + "b" * 11, "ABCDEFGHIJKLMNOPQRSTUVWXYZ012345", "é" * 32]
)
@pytest.mark.parametrize("url", ["/", "/no-such-page/", "/es/feed/atom/", "/search/?q=talks"])
def test_a_session_cookie_no_session_can_have_is_ignored(browser, article, errors, value, url):
    """Session keys are 32 lowercase letters and digits; PostgreSQL refused a NUL in the lookup,
    and the page (or its 404 page) was a 500."""
    browser.cookies["sessionid"] = value
    response = browser.get(url)
    assert response.status_code in (200, 404)
    assert not errors()
