"""Error reporting: with SENTRY_DSN, a server error reaches Sentry (read here through a test
transport that keeps the envelopes) with release and environment, and without commenters'
emails, IP addresses, comment bodies or cookies."""

from __future__ import annotations

import io
import json
import subprocess
import sys

import pytest
import sentry_sdk
from django.core.handlers.wsgi import WSGIHandler
from sentry_sdk.transport import Transport

from comments import moderation
from core import health, sentry
from core.sentry import scrub_event, scrub_text
from tests.conftest import solve_challenge
from tests.servers import REPO

pytestmark = pytest.mark.django_db

EMAIL, ADDRESS, BODY = "reader@example.org", "203.0.113.5", "My private view on the ceasefire."


class KeepingTransport(Transport):
    """sentry-sdk's transport interface, keeping each envelope instead of sending it."""

    def __init__(self, options=None):
        super().__init__(options)
        self.envelopes = []

    def capture_envelope(self, envelope):
        self.envelopes.append(envelope)


@pytest.fixture
def reported():
    transport = KeepingTransport()
    sentry.init(
        dsn="https://key@errors.example.org/1",
        environment="staging",
        release="0123abcd",
        transport=transport,
    )
    try:
        yield transport
    finally:
        sentry_sdk.get_client().close()
        sentry_sdk.init()  # no DSN: reporting off again for the rest of the suite


def events(transport: KeepingTransport) -> list[dict]:
    found = []
    for envelope in transport.envelopes:
        for item in envelope.items:
            if item.headers.get("type") == "event":
                found.append(json.loads(item.payload.get_bytes()))
    return found


def test_a_server_error_is_reported_without_commenters_data(client, article, reported, monkeypatch):
    def broken_rules(body, link_count, *, trusted=False):
        # An error whose message quotes what the reader typed, as a careless one might.
        raise RuntimeError(f"rules broke on {{'body': {body!r}, 'email': {EMAIL!r}}} ({ADDRESS})")

    monkeypatch.setattr(moderation, "classify", broken_rules)
    client.raise_request_exception = False
    form = {
        "author_name": "Amal",
        "author_email": EMAIL,
        "body": BODY,
        "website": "",
        **solve_challenge(client),
    }
    client.cookies["sessionid"] = "s3ss10n-value-never-sent"
    response = client.post(
        f"/comments/{article.pk}/",
        form,
        REMOTE_ADDR=ADDRESS,
        HTTP_X_FORWARDED_FOR=ADDRESS,
        HTTP_USER_AGENT="Test browser",
    )
    assert response.status_code == 500
    sentry_sdk.flush()

    (event,) = events(reported)
    assert event["release"] == "0123abcd"
    assert event["environment"] == "staging"
    assert event["exception"]["values"][-1]["type"] == "RuntimeError"
    value = event["exception"]["values"][-1]["value"]
    assert value == "rules broke on {'body': '[redacted]', 'email': '[redacted]'} ([ip])"
    everything = json.dumps(event)
    csrf_cookie = client.cookies["csrftoken"].value
    for secret in (EMAIL, ADDRESS, "My private view", csrf_cookie, "s3ss10n-value-never-sent"):
        assert secret not in everything, secret


def test_the_request_part_keeps_the_url_and_harmless_headers_only(reported, monkeypatch):
    """Through Django's WSGI handler, as gunicorn calls it (the SDK's WSGI middleware adds
    the URL, headers and environment there, not under the test client)."""

    def broken():
        raise RuntimeError("probe broke")

    monkeypatch.setattr(health, "readiness_checks", broken)
    environ = {
        "REQUEST_METHOD": "GET",
        "PATH_INFO": "/health/ready",
        "QUERY_STRING": f"from={EMAIL}",
        "SERVER_NAME": "testserver",
        "SERVER_PORT": "80",
        "REMOTE_ADDR": ADDRESS,
        "HTTP_HOST": "testserver",
        "HTTP_COOKIE": "sessionid=s3ss10n-value-never-sent; csrftoken=c5rf-never-sent",
        "HTTP_X_FORWARDED_FOR": ADDRESS,
        "HTTP_USER_AGENT": "Test browser",
        "wsgi.input": io.BytesIO(b""),
        "wsgi.url_scheme": "http",
        "wsgi.errors": io.StringIO(),
    }
    statuses = []
    body = WSGIHandler()(environ, lambda status, headers, exc_info=None: statuses.append(status))
    b"".join(body)
    assert statuses == ["500 Internal Server Error"]
    sentry_sdk.flush()

    (event,) = events(reported)
    request = event["request"]
    assert request["url"] == "http://testserver/health/ready"
    assert request["method"] == "GET"
    assert request["headers"] == {"Host": "testserver", "User-Agent": "Test browser"}
    everything = json.dumps(event)
    for secret in (EMAIL, ADDRESS, "s3ss10n-value-never-sent", "c5rf-never-sent"):
        assert secret not in everything, secret


def test_scrubbing_reaches_every_part_of_an_event():
    event = {
        "request": {
            "cookies": {"csrftoken": "abc"},
            "data": {"body": BODY},
            "env": {"REMOTE_ADDR": ADDRESS},
            "headers": {"Cookie": "a=b", "X-Real-Ip": ADDRESS, "Host": "news.example.org"},
            "query_string": f"email={EMAIL}",
        },
        "user": {"id": 7, "email": EMAIL, "ip_address": ADDRESS, "username": "eddie"},
        "exception": {
            "values": [{"value": "x", "stacktrace": {"frames": [{"vars": {"body": BODY}}]}}]
        },
        "breadcrumbs": {
            "values": [
                {"category": "query", "data": {"params": [EMAIL, ADDRESS, BODY]}},
                {"category": "log", "message": f"held a comment from {ADDRESS}"},
            ]
        },
        "extra": {"note": f"mailed {EMAIL} at 12:30:45 (version 7.4.4)"},
    }
    scrubbed = scrub_event(event)
    text = json.dumps(scrubbed)
    for secret in (EMAIL, ADDRESS, BODY, "abc", "a=b"):
        assert secret not in text, secret
    assert scrubbed["user"] == {"id": 7}
    assert scrubbed["request"]["headers"] == {"Host": "news.example.org"}
    assert scrubbed["extra"]["note"] == "mailed [email] at 12:30:45 (version 7.4.4)"


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("from 203.0.113.5.", "from [ip]."),
        ("to 127.0.0.1:5432 failed", "to [ip] failed"),
        ("peer 2001:db8::7 left", "peer [ip] left"),
        ("at 12:30:45 with 0.5 s, Wagtail 7.4.4", "at 12:30:45 with 0.5 s, Wagtail 7.4.4"),
        ("Amal <amal.h+news@mail.example.org>", "Amal <[email]>"),
    ],
)
def test_scrub_text(text, expected):
    assert scrub_text(text) == expected


def test_without_a_dsn_reporting_is_off():
    code = (
        "import django; django.setup(); import sentry_sdk;"
        "print(sentry_sdk.get_client().is_active())"
    )
    result = subprocess.run(
        [sys.executable, "-c", code],
        cwd=REPO,
        env={"DJANGO_SETTINGS_MODULE": "newsroom.settings.dev", "PATH": "/usr/bin:/bin"},
        capture_output=True,
        text=True,
        timeout=60,
    )
    assert result.stdout.strip() == "False", result.stderr
    on = subprocess.run(
        [sys.executable, "-c", code.replace("is_active()", "options['release']")],
        cwd=REPO,
        env={
            "DJANGO_SETTINGS_MODULE": "newsroom.settings.dev",
            "PATH": "/usr/bin:/bin",
            "SENTRY_DSN": "https://key@errors.example.org/1",
        },
        capture_output=True,
        text=True,
        timeout=60,
    )
    commit = subprocess.run(
        ["git", "rev-parse", "HEAD"], cwd=REPO, capture_output=True, text=True, check=True
    ).stdout.strip()
    assert on.stdout.strip() == commit, on.stderr
