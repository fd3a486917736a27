"""Security headers, the Content-Security-Policy and the admin login lockout."""

import base64
import hashlib
import re

import pytest
from bs4 import BeautifulSoup
from django.conf import settings
from django.contrib.auth.models import User
from django.core.management import call_command
from django.template.loader import render_to_string

from newsroom.contentpolicy import inline_style_hashes

PASSWORD = "desk-pass-42"  # noqa: S105 - a test account's password


def policy(response, header="Content-Security-Policy") -> dict[str, list[str]]:
    directives = {}
    for part in response[header].split(";"):
        name, *sources = part.split()
        directives[name] = sources
    return directives


# --- Headers on reader pages -------------------------------------------------------------


@pytest.mark.django_db
def test_article_page_sends_the_security_headers(client, article):
    response = client.get(article.url)
    assert response.status_code == 200
    assert response["X-Frame-Options"] == "DENY"
    assert response["X-Content-Type-Options"] == "nosniff"
    assert response["Referrer-Policy"] == "strict-origin-when-cross-origin"
    assert response["Cross-Origin-Opener-Policy"] == "same-origin"

    csp = policy(response)
    assert csp["script-src"] == ["'self'"]  # no 'unsafe-inline', no nonce, no foreign origin
    assert "'unsafe-inline'" not in csp["style-src"]
    assert csp["default-src"] == ["'self'"]
    assert csp["object-src"] == ["'none'"]
    assert csp["base-uri"] == ["'self'"]
    assert csp["form-action"] == ["'self'"]
    assert csp["frame-ancestors"] == ["'none'"]
    assert csp["img-src"] == ["'self'", "data:"]


@pytest.mark.django_db
def test_reader_policy_is_identical_on_every_response_so_cached_pages_stay_valid(client, article):
    first = client.get(article.url)["Content-Security-Policy"]
    second = client.get(article.url)["Content-Security-Policy"]
    assert first == second
    assert "nonce-" not in first


@pytest.mark.django_db
def test_a_page_served_from_the_page_cache_keeps_every_security_header(client, article, settings):
    settings.PAGE_CACHE_ENABLED = True
    fresh = client.get(article.url)
    cached = client.get(article.url)
    assert cached["X-Page-Cache"] == "hit"
    for header in (
        "Content-Security-Policy",
        "X-Frame-Options",
        "X-Content-Type-Options",
        "Referrer-Policy",
        "Cross-Origin-Opener-Policy",
    ):
        assert cached[header] == fresh[header], header


@pytest.mark.django_db
def test_article_page_has_no_inline_executable_script_or_style(client, article):
    """What script-src 'self' and style-src 'self' would block must not be on the page."""
    soup = BeautifulSoup(client.get(article.url).content, "html.parser")
    scripts = soup.find_all("script")
    assert scripts, "the comment form loads comments.js"
    for script in scripts:
        if script.get("src"):
            assert script["src"].startswith("/static/"), script
        else:
            # JSON-LD is a data block: browsers never execute it, so CSP does not apply.
            assert script.get("type") == "application/ld+json", script
    assert not soup.find_all("style")
    for element in soup.find_all(True):
        assert "style" not in element.attrs, element
        handlers = [name for name in element.attrs if name.startswith("on")]
        assert not handlers, element
        if element.name == "a":
            assert not element.get("href", "").lower().startswith("javascript:"), element


@pytest.mark.django_db
def test_admin_gets_its_own_policy_that_still_forbids_foreign_framing(client):
    response = client.get("/admin/login/")
    csp = policy(response)
    assert csp["frame-ancestors"] == ["'self'"]  # the preview panel
    assert csp["object-src"] == ["'none'"]
    assert csp["form-action"] == ["'self'"]
    assert response["X-Frame-Options"] == "DENY"


@pytest.mark.parametrize("template", ["500.html", "503.html"])
def test_error_pages_inline_css_is_allowed_by_hash(template):
    """The self-contained error pages' CSS, as rendered, matches a hash in style-src."""
    style_src = settings.CONTENT_SECURITY_POLICY["DIRECTIVES"]["style-src"]
    html = render_to_string(template, {"language_code": "en", "retry_after": 30})
    styles = re.findall(r"<style>(.*?)</style>", html, re.DOTALL)
    assert styles
    for css in styles:
        digest = base64.b64encode(hashlib.sha256(css.encode()).digest()).decode()
        assert f"'sha256-{digest}'" in style_src
    assert "'unsafe-inline'" not in style_src


def test_inline_style_hashes_skips_missing_files_and_duplicates(tmp_path):
    one = tmp_path / "one.html"
    one.write_text("<style>a{color:red}</style><p>x</p><style>a{color:red}</style>")
    hashes = inline_style_hashes([one, tmp_path / "absent.html"])
    digest = base64.b64encode(hashlib.sha256(b"a{color:red}").digest()).decode()
    assert hashes == [f"'sha256-{digest}'"]


# --- Admin login lockout (django-axes) ---------------------------------------------------

ATTACKER = "203.0.113.66"
COLLEAGUE = "198.51.100.23"


@pytest.fixture
def editor(db):
    return User.objects.create_user("eddie", "eddie@example.org", PASSWORD, is_superuser=True)


def log_in(client, username, password, address):
    return client.post(
        "/admin/login/", {"username": username, "password": password}, REMOTE_ADDR=address
    )


def signed_in(response) -> bool:
    return response.status_code == 302 and response["Location"] == "/admin/"


@pytest.mark.django_db
def test_five_wrong_passwords_lock_that_user_on_that_address(client, editor):
    for attempt in range(1, 5):
        response = log_in(client, "eddie", f"guess-{attempt}", ATTACKER)
        assert response.status_code == 200  # the form again, with its error

    response = log_in(client, "eddie", "guess-5", ATTACKER)
    assert response.status_code == 429

    # Even the right password is refused now, with a message saying when and whom to ask.
    response = log_in(client, "eddie", PASSWORD, ATTACKER)
    assert response.status_code == 429
    assert response["Retry-After"] == "3600"
    assert response["Cache-Control"] == "no-store"
    text = response.content.decode()
    assert "Sign-in paused" in text
    assert "You can try again after" in text
    assert "ask a site administrator to unlock your account" in text
    assert "_auth_user_id" not in client.session


@pytest.mark.django_db
def test_signing_in_clears_that_users_earlier_typos(client, editor):
    for attempt in range(4):
        log_in(client, "eddie", f"typo-{attempt}", COLLEAGUE)
    assert signed_in(log_in(client, "eddie", PASSWORD, COLLEAGUE))
    client.logout()
    for attempt in range(4):
        assert log_in(client, "eddie", f"typo-{attempt}", COLLEAGUE).status_code == 200
    assert signed_in(log_in(client, "eddie", PASSWORD, COLLEAGUE))


@pytest.mark.django_db
def test_a_lockout_does_not_lock_the_user_out_from_elsewhere(client, editor):
    for attempt in range(5):
        log_in(client, "eddie", f"guess-{attempt}", ATTACKER)
    assert log_in(client, "eddie", PASSWORD, ATTACKER).status_code == 429

    assert signed_in(log_in(client, "eddie", PASSWORD, COLLEAGUE))


@pytest.mark.django_db
def test_one_address_guessing_at_many_accounts_is_locked_for_all(client, editor):
    limit = settings.AXES_IP_FAILURE_LIMIT
    per_user = settings.AXES_FAILURE_LIMIT - 1  # never enough to lock any one account
    names = [f"user{n}" for n in range(-(-limit // per_user))]
    failures = 0
    for name in names:
        for _ in range(per_user):
            if failures == limit - 1:
                break
            assert log_in(client, name, "wrong", ATTACKER).status_code == 200
            failures += 1
    assert log_in(client, "anyone", "wrong", ATTACKER).status_code == 429
    assert log_in(client, "eddie", PASSWORD, ATTACKER).status_code == 429

    call_command("axes_reset_ip", ATTACKER)
    assert signed_in(log_in(client, "eddie", PASSWORD, ATTACKER))


@pytest.mark.django_db
def test_axes_reset_unlocks(client, editor):
    for attempt in range(5):
        log_in(client, "eddie", f"guess-{attempt}", ATTACKER)
    assert log_in(client, "eddie", PASSWORD, ATTACKER).status_code == 429

    call_command("axes_reset")
    assert signed_in(log_in(client, "eddie", PASSWORD, ATTACKER))


@pytest.mark.django_db
def test_axes_reset_username_unlocks_only_that_user(client, editor):
    User.objects.create_user("rita", "rita@example.org", PASSWORD)
    for name in ("eddie", "rita"):
        for attempt in range(5):
            log_in(client, name, f"guess-{attempt}", ATTACKER)

    call_command("axes_reset_username", "eddie")
    assert signed_in(log_in(client, "eddie", PASSWORD, ATTACKER))
    assert log_in(client, "rita", PASSWORD, ATTACKER).status_code == 429


@pytest.mark.django_db
def test_forwarded_for_is_ignored_unless_from_a_trusted_proxy(client, editor, settings):
    """A client cannot dodge the lock by inventing X-Forwarded-For addresses."""
    for attempt in range(5):
        client.post(
            "/admin/login/",
            {"username": "eddie", "password": f"guess-{attempt}"},
            REMOTE_ADDR=ATTACKER,
            HTTP_X_FORWARDED_FOR=f"192.0.2.{attempt}",
        )
    assert log_in(client, "eddie", PASSWORD, ATTACKER).status_code == 429

    # Behind a trusted proxy, the forwarded address is the client's.
    settings.TRUSTED_PROXIES = ["10.0.0.2"]
    response = client.post(
        "/admin/login/",
        {"username": "eddie", "password": PASSWORD},
        REMOTE_ADDR="10.0.0.2",
        HTTP_X_FORWARDED_FOR=COLLEAGUE,
    )
    assert signed_in(response)
