"""The floor view (bench.urls): 40 KB through the site's middleware, only in the bench URLs."""

import pytest
from django.test import Client, override_settings
from django.urls import resolve

import bench.urls
import newsroom.urls

pytestmark = pytest.mark.django_db


@override_settings(ROOT_URLCONF="bench.urls", PAGE_CACHE_ENABLED=True)
def test_floor_is_40_kb_never_cached_and_passes_through_the_site_middleware(client):
    response = client.get("/bench/floor/")
    assert response.status_code == 200
    assert len(response.content) == 40 * 1024
    assert "no-store" in response["Cache-Control"]
    # What each layer of MIDDLEWARE adds: security headers, the content policy, the
    # clickjacking guard, the language.
    assert response["X-Content-Type-Options"] == "nosniff"
    assert response["Cross-Origin-Opener-Policy"] == "same-origin"
    assert "frame-ancestors 'none'" in response["Content-Security-Policy"]
    assert response["X-Frame-Options"] == "DENY"
    assert response["Content-Language"] == "en"
    # The page cache sees it and never stores it: the floor is the uncached path.
    again = client.get("/bench/floor/")
    assert "X-Page-Cache" not in again
    assert again.content == response.content


@override_settings(ROOT_URLCONF="bench.urls")
def test_the_site_and_its_error_pages_are_unchanged_under_the_bench_urls():
    client = Client(raise_request_exception=False)
    assert client.get("/feed/").status_code == 200
    bad_host = client.get("/bench/floor/", HTTP_HOST="bad host!")
    assert bad_host.status_code == 400
    assert b"Bad request" in bad_host.content  # the site's own 400 page (handler400)
    handlers = {name for name in vars(newsroom.urls) if name.startswith("handler")}
    assert handlers
    for name in handlers:
        assert getattr(bench.urls, name) == getattr(newsroom.urls, name)


def test_the_site_urls_have_no_floor(client):
    assert resolve("/bench/floor/", urlconf="bench.urls").url_name == "bench-floor"
    # Wagtail's catch-all takes any other path as a page, and there is none.
    assert resolve("/bench/floor/", urlconf="newsroom.urls").url_name != "bench-floor"
    assert client.get("/bench/floor/").status_code == 404
