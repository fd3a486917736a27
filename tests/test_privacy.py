"""A story made private (password or group restriction, on it or an ancestor) leaves every
cache and every place anonymous readers look, at once (issue 10, item 1)."""

import json
import re
from datetime import timedelta

import pytest
from django.contrib.auth.models import Group
from django.test import Client
from django.utils import timezone
from wagtail.contrib.frontend_cache.utils import PurgeBatch
from wagtail.models import Locale, PageViewRestriction

from articles.models import Person
from tests.factories import AuthorFactory

pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("page_cache_on")]

SECRET = "Sealed annex to the corridor accord"
QUOTE = "The corridor holds only if inspections do."


@pytest.fixture
def purged(monkeypatch):
    """The URLs every purge batch sent to Wagtail's frontend-cache backends (Varnish, CDN)."""
    urls: list[str] = []
    real = PurgeBatch.purge

    def record(batch, **kwargs):
        urls.extend(batch.urls)
        return real(batch, **kwargs)

    monkeypatch.setattr(PurgeBatch, "purge", record)
    return urls


@pytest.fixture
def story(make_article, home):
    """A published story that appears everywhere a reader can find one, and a public one
    beside it that links to it (READ MORE) and shares its topic."""
    envoy = Person.objects.create(name="Ilse Marren", slug="ilse-marren", role="Special Envoy")
    author = AuthorFactory(name="Tomas Ruelle", slug="tomas-ruelle")
    secret = make_article(
        title=SECRET,
        slug="sealed-annex",
        lead="The annex sets out the corridor's inspection regime.",
        publication_date=timezone.now() - timedelta(hours=2),
        byline=[author],
        body=json.dumps(
            [
                {"type": "paragraph", "value": "<p>The annex was signed at dawn.</p>"},
                {
                    "type": "quote",
                    "value": {"text": QUOTE, "person": envoy.pk},
                },
            ]
        ),
    )
    secret.topics.add("corridor")
    secret.save_revision().publish()
    other = make_article(
        title="Corridor inspections begin",
        slug="corridor-inspections",
        publication_date=timezone.now() - timedelta(hours=3),
        body=json.dumps([{"type": "read_more", "value": {"page": secret.pk}}]),
    )
    other.topics.add("corridor")
    other.save_revision().publish()
    home.lead_story = secret
    home.save_revision().publish()
    return secret.specific_class.objects.get(pk=secret.pk), other


READER_PLACES = [
    "/",
    "/diplomacy/",
    "/diplomacy/corridor-inspections/",  # related stories and the READ MORE block
    "/feed/",
    "/feed/atom/",
    "/feed/section/diplomacy/",
    "/feed/topic/corridor/",
    "/topics/corridor/",
    "/authors/tomas-ruelle/",
    "/people/",
    "/people/ilse-marren/",
    "/search/?q=annex",
    "/search/?q=corridor",
    "/sitemap.xml",
    "/sitemap-news.xml",
]


def _archive(story) -> str:
    return f"/archive/{story.publication_date.year}/{story.publication_date.month}/"


def _shows(response, story, url) -> bool:
    text = response.content.decode()
    if url == "/people/":  # the index of people quoted in public stories
        return "/people/ilse-marren/" in text
    return SECRET in text or story.url in text or QUOTE in text


def _restrict(story, kind):
    if kind == "password":
        return PageViewRestriction.objects.create(
            page=story, restriction_type=PageViewRestriction.PASSWORD, password="s3cret"
        )
    restriction = PageViewRestriction.objects.create(
        page=story, restriction_type=PageViewRestriction.GROUPS
    )
    restriction.groups.add(Group.objects.get(name="Editors"))
    return restriction


@pytest.mark.parametrize("kind", ["password", "groups"])
def test_a_cached_story_made_private_is_gone_at_the_next_request(story, commit, purged, kind):
    secret, _other = story
    assert Client().get(secret.url)["X-Page-Cache"] == "miss"
    assert Client().get(secret.url)["X-Page-Cache"] == "hit"
    with commit():
        _restrict(secret, kind)
    response = Client().get(secret.url)
    assert "X-Page-Cache" not in response
    assert "The annex was signed at dawn" not in response.content.decode()
    if kind == "password":
        assert response.status_code == 200 and 'name="password"' in response.content.decode()
        assert "no-store" in response["Cache-Control"]
    else:
        assert response.status_code == 302 and "/login/" in response["Location"]
    # The same purge went to Wagtail's frontend cache (Varnish, CDN) for the story and its
    # listings, in every language.
    root = secret.get_site().root_url
    for path in (secret.url, "/", "/diplomacy/", "/feed/", "/sitemap.xml", "/es/search/"):
        assert root + path in purged
    for path in ("/topics/corridor/", "/es/topics/corridor/", "/ar/authors/tomas-ruelle/"):
        assert root + path in purged


@pytest.mark.parametrize("kind", ["password", "groups"])
def test_a_private_story_appears_nowhere_anonymous_readers_look(story, commit, kind):
    secret, _other = story
    places = [*READER_PLACES, _archive(secret)]
    for url in places:  # all of them showed it, and are now cached
        response = Client().get(url)
        assert response.status_code == 200, url
        assert _shows(response, secret, url), url
    with commit():
        _restrict(secret, kind)
    for url in places:
        response = Client().get(url)
        assert response.status_code == 200, url
        assert not _shows(response, secret, url), url


def test_a_restriction_on_the_section_covers_its_stories(story, section, commit, purged):
    secret, other = story
    for url in (secret.url, other.url, "/", "/feed/"):
        Client().get(url)
    with commit():
        _restrict(section, "password")
    assert purged == [secret.get_site().root_url + "/*"]
    for url in (secret.url, other.url):
        assert "X-Page-Cache" not in Client().get(url)
    for url in ("/", "/feed/", "/sitemap.xml", "/topics/corridor/"):
        assert SECRET not in Client().get(url).content.decode(), url


def test_lifting_the_restriction_shows_the_story_again(story, commit):
    secret, _other = story
    with commit():
        restriction = _restrict(secret, "password")
    assert SECRET not in Client().get("/feed/").content.decode()
    with commit():
        restriction.delete()
    assert SECRET in Client().get("/feed/").content.decode()
    assert Client().get(secret.url).status_code == 200


def test_a_changed_restriction_purges_too(story, commit, purged):
    secret, _other = story
    with commit():
        restriction = _restrict(secret, "password")
    purged.clear()
    with commit():
        restriction.password = "another"
        restriction.save()
    assert secret.get_site().root_url + secret.url in purged


def test_a_private_page_is_never_stored_even_for_a_reader_past_the_password(story, commit):
    secret, _other = story
    with commit():
        restriction = _restrict(secret, "password")
    reader = Client()
    answer = reader.post(
        f"/_util/authenticate_with_password/{restriction.pk}/{secret.pk}/",
        {"password": "s3cret", "return_url": secret.url},
    )
    assert answer.status_code == 302
    response = reader.get(secret.url)
    assert (
        response.status_code == 200 and "The annex was signed at dawn" in response.content.decode()
    )
    assert "private" in response["Cache-Control"] and "X-Page-Cache" not in response
    # Without the session cookie the page cache has nothing to give.
    second = Client().get(secret.url)
    assert "X-Page-Cache" not in second and "The annex" not in second.content.decode()


def test_private_page_answers_private_even_when_asked_without_the_session(story, commit, rf):
    """The page itself says private, whoever renders it, so no shared cache keeps it."""
    secret, _other = story
    with commit():
        _restrict(secret, "password")
    request = rf.get(secret.url)
    request.is_preview = False
    response = secret.serve(request)
    assert "private" in response["Cache-Control"]


def test_a_private_translation_is_not_offered_as_an_alternate(story, commit):
    secret, _other = story
    spanish = secret.copy_for_translation(
        Locale.objects.get_or_create(language_code="es")[0], copy_parents=True
    )
    spanish.save_revision().publish()
    html = Client().get(secret.url).content.decode()
    assert 'hreflang="es"' in html
    with commit():
        _restrict(spanish, "password")
    html = Client().get(secret.url).content.decode()
    assert not re.search(r'hreflang="es" href="[^"]*sealed-annex', html)
