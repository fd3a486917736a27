"""The Host header can neither poison cached pages nor reach them (issue 10, item 2)."""

from datetime import UTC, datetime

import feedparser
import pytest
from django.test import Client
from wagtail.models import Site

pytestmark = pytest.mark.django_db

EVIL = "127.0.0.1:6666"


@pytest.fixture(autouse=True)
def page_cache_on(settings):
    settings.PAGE_CACHE_ENABLED = True
    settings.ALLOWED_HOSTS = ["testserver", "127.0.0.1", "localhost", "news.example.org"]


@pytest.fixture
def story(article, make_article):
    article.publication_date = datetime(2026, 7, 14, 9, tzinfo=UTC)
    article.topics.add("ceasefire")
    article.save_revision().publish()
    make_article(title="Monitors report a quiet night", slug="quiet-night")  # news sitemap: 48 h
    return article


def _get(url, host=None, **extra):
    return Client(raise_request_exception=False).get(url, HTTP_HOST=host or "testserver", **extra)


ABSOLUTE_PAGES = [
    "/archive/2026/7/",
    "/archive/2026/",
    "/",
    "/diplomacy/",
    "/diplomacy/ceasefire-talks/",
    "/topics/ceasefire/",
    "/feed/",
    "/feed/atom/",
    "/feed/topic/ceasefire/",
    "/sitemap.xml",
    "/sitemap-news.xml",
    "/robots.txt",
]


@pytest.mark.parametrize("url", ABSOLUTE_PAGES)
def test_a_foreign_port_in_the_host_header_never_reaches_a_page(story, url):
    poisoned = _get(url, EVIL)
    assert poisoned.status_code == 200
    assert b"6666" not in poisoned.content
    later = _get(url)
    assert later.status_code == 200
    assert b"6666" not in later.content
    assert b"http://testserver/" in later.content


def test_the_canonical_link_and_feed_links_come_from_the_site(story):
    html = _get("/archive/2026/7/", EVIL).content.decode()
    assert '<link rel="canonical" href="http://testserver/archive/2026/7/">' in html
    feed = feedparser.parse(_get("/feed/atom/", EVIL).content)
    assert feed.feed.link == "http://testserver/"
    assert f"http://testserver{story.url}" in [entry.link for entry in feed.entries]


def test_public_base_url_overrides_the_site(story, settings):
    settings.PUBLIC_BASE_URL = "https://news.example.org/"
    html = _get(story.url, EVIL).content.decode()
    assert f'<link rel="canonical" href="https://news.example.org{story.url}">' in html
    assert '"url": "https://news.example.org' in html  # JSON-LD
    assert "Sitemap: https://news.example.org/sitemap.xml" in _get("/robots.txt").content.decode()


def test_the_sites_own_address_is_used_for_another_site_hostname(story):
    Site.objects.filter(is_default_site=True).update(hostname="news.example.org", port=443)
    html = _get("/archive/2026/7/", "localhost").content.decode()
    assert '<link rel="canonical" href="https://news.example.org/archive/2026/7/">' in html


def test_a_disallowed_host_gets_400_on_a_hit_as_on_a_miss(story):
    assert _get("/archive/2026/7/").status_code == 200
    assert _get("/archive/2026/7/")["X-Page-Cache"] == "hit"
    refused = _get("/archive/2026/7/", "evil.example")
    assert refused.status_code == 400
    assert "X-Page-Cache" not in refused
    assert story.title.encode() not in refused.content


def test_cache_entries_are_kept_per_host(story):
    assert _get("/archive/2026/7/", "localhost")["X-Page-Cache"] == "miss"
    assert _get("/archive/2026/7/")["X-Page-Cache"] == "miss"  # another host: not that entry
    assert _get("/archive/2026/7/", "LOCALHOST.")["X-Page-Cache"] == "hit"  # the same host
    # The port in the header does not split (or poison) the entry: Wagtail and our links
    # never read it.
    assert _get("/archive/2026/7/", "localhost:6666")["X-Page-Cache"] == "hit"


def test_a_purge_reaches_every_hosts_entry(story, django_capture_on_commit_callbacks):
    for host in ("localhost", "testserver"):
        _get(story.url, host)
        assert _get(story.url, host)["X-Page-Cache"] == "hit"
    with django_capture_on_commit_callbacks(execute=True):
        story.title = "Ceasefire talks resume after a pause"
        story.save_revision().publish()
    for host in ("localhost", "testserver"):
        response = _get(story.url, host)
        assert response["X-Page-Cache"] == "miss"
        assert b"resume after a pause" in response.content
