"""core.http: the client address behind trusted proxies, and the public base URL."""

import pytest
from django.test import RequestFactory, override_settings
from wagtail.models import Site

from core.http import absolute_url, client_ip, public_base_url


def test_forged_forwarded_for_does_not_bypass_the_limit():
    meta = {"REMOTE_ADDR": "203.0.113.10", "HTTP_X_FORWARDED_FOR": "1.2.3.4"}
    assert client_ip(meta) == "203.0.113.10"


@override_settings(TRUSTED_PROXIES=["10.0.0.1"])
def test_trusted_proxy_forwarded_for_is_used():
    meta = {"REMOTE_ADDR": "10.0.0.1", "HTTP_X_FORWARDED_FOR": "6.6.6.6, 198.51.100.4"}
    assert client_ip(meta) == "198.51.100.4"
    assert client_ip({"REMOTE_ADDR": "garbage"}) is None


@pytest.mark.django_db
def test_public_base_url_comes_from_the_site_not_the_host_header(home, settings):
    settings.PUBLIC_BASE_URL = ""
    Site.objects.filter(is_default_site=True).update(hostname="news.example.org", port=443)
    request = RequestFactory().get("/", HTTP_HOST="localhost:6666")
    assert public_base_url(request) == "https://news.example.org"
    assert absolute_url("/feed/", request) == "https://news.example.org/feed/"
    assert absolute_url("https://elsewhere.example/x") == "https://elsewhere.example/x"
    settings.PUBLIC_BASE_URL = "https://edition.example.org/"
    assert public_base_url(request) == "https://edition.example.org"
