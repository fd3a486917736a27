"""Cache invariant: after any change that alters what an anonymous reader may see, the very next
anonymous request shows it, with every page cached beforehand (issue 10, "keep them closed").

Each case warms the page cache on the pages that show the story, makes one kind of change the
way the admin does (inside a transaction whose commit runs the purges), and reads them again.
"""

import json
from datetime import timedelta

import pytest
from django.contrib.auth import get_user_model
from django.test import Client
from django.utils import timezone
from taggit.models import Tag
from wagtail.models import Locale, PageViewRestriction

from articles.models import ArticlePage, Author, Person
from comments import services
from comments.models import Comment
from tests.factories import AuthorFactory, SectionPageFactory

pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("page_cache_on")]


@pytest.fixture
def world(make_article, home, section):
    """A story shown on the front page, its section, topic, author, person and feed pages."""
    author = AuthorFactory(name="Mirela Dastan", slug="mirela-dastan")
    envoy = Person.objects.create(name="Oskar Vell", slug="oskar-vell", role="Mediator")
    story = make_article(
        title="Observers log a first quiet night",
        slug="first-quiet-night",
        publication_date=timezone.now() - timedelta(hours=1),
        byline=[author],
        body=json.dumps(
            [
                {"type": "paragraph", "value": "<p>No shelling was reported overnight.</p>"},
                {"type": "quote", "value": {"text": "Quiet is a beginning.", "person": envoy.pk}},
            ]
        ),
    )
    story.topics.add("truce")
    story.save_revision().publish()
    other = SectionPageFactory(parent=home, title="Sanctions", slug="sanctions")
    return {"story": ArticlePage.objects.get(pk=story.pk), "author": author, "envoy": envoy,
            "other_section": other}  # fmt: skip


LISTINGS = [
    "/",
    "/diplomacy/",
    "/feed/",
    "/topics/truce/",
    "/authors/mirela-dastan/",
    "/people/oskar-vell/",
    "/sitemap.xml",
]


def read(url: str):
    return Client().get(url)


def warm(*urls: str) -> None:
    for url in urls:
        read(url)
        assert read(url).get("X-Page-Cache") == "hit", url


def assert_redirected(old_url: str, new_url: str) -> None:
    """The old address is not the cached old page: Wagtail's redirects send readers on."""
    response = read(old_url)
    assert response.status_code == 301 and response["Location"] == new_url


def text(url: str) -> str:
    response = read(url)
    assert response.status_code == 200, (url, response.status_code)
    return response.content.decode()


def test_publish_shows_the_new_story_everywhere(world, make_article, commit):
    warm(*LISTINGS)
    with commit():
        fresh = make_article(title="Mediators agree a second round", slug="second-round")
        fresh.topics.add("truce")
        fresh.save_revision().publish()
    for url in ("/", "/diplomacy/", "/feed/", "/topics/truce/", "/sitemap.xml"):
        assert "second-round" in text(url), url


def test_unpublish_removes_the_story_everywhere(world, commit):
    story = world["story"]
    warm(story.url, *LISTINGS)
    with commit():
        story.unpublish()
    assert read(story.url).status_code == 404
    for url in LISTINGS:
        assert "first-quiet-night" not in text(url), url


def test_a_privacy_restriction_removes_the_story_everywhere(world, commit):
    story = world["story"]
    warm(story.url, *LISTINGS)
    with commit():
        PageViewRestriction.objects.create(page=story, restriction_type="password", password="x1")
    assert "No shelling was reported" not in read(story.url).content.decode()
    for url in LISTINGS:
        assert "first-quiet-night" not in text(url), url


def test_moving_the_story_moves_it_between_listings(world, commit):
    story, other = world["story"], world["other_section"]
    old_url = story.url
    warm(old_url, "/diplomacy/", "/sanctions/", "/feed/", "/topics/truce/")
    with commit():
        story.move(other, pos="last-child")
    story.refresh_from_db()
    assert_redirected(old_url, story.url)
    assert "No shelling was reported" in text(story.url)
    assert "first-quiet-night" not in text("/diplomacy/")
    assert story.url in text("/sanctions/")
    for url in ("/feed/", "/topics/truce/"):
        assert story.url in text(url) and old_url not in text(url), url


def test_deleting_the_story_removes_it_everywhere(world, commit):
    story = world["story"]
    warm(story.url, *LISTINGS)
    with commit():
        story.delete()
    assert read(story.url).status_code == 404
    for url in LISTINGS:
        assert "first-quiet-night" not in text(url), url


def test_a_new_slug_moves_the_story_and_every_link_to_it(world, commit):
    story = world["story"]
    old_url = story.url
    warm(old_url, *LISTINGS)
    with commit():
        story.slug = "quiet-night-holds"
        story.save_revision().publish()
    story.refresh_from_db()
    assert_redirected(old_url, story.url)
    assert "No shelling was reported" in text(story.url)
    for url in ("/", "/diplomacy/", "/feed/", "/topics/truce/", "/authors/mirela-dastan/"):
        assert story.url in text(url) and old_url not in text(url), url


def test_a_published_translation_is_offered_on_the_original(world, commit):
    story = world["story"]
    warm(story.url)
    spanish = Locale.objects.get_or_create(language_code="es")[0]
    with commit():
        translation = story.copy_for_translation(spanish, copy_parents=True)
        translation.title = "Los observadores registran una primera noche tranquila"
        translation.save_revision().publish()
    html = text(story.url)
    assert f'hreflang="es" href="http://testserver{translation.url}"' in html


def test_a_moderated_comment_shows_on_the_story_and_in_card_counts(world, commit):
    story = world["story"]
    comment = Comment.objects.create(
        article=story, author_name="Rana", body="Calm at last.", body_html="<p>Calm at last.</p>"
    )
    warm(story.url, "/diplomacy/")
    moderator = get_user_model().objects.create_superuser("mod", "mod@example.com", "pw")
    with commit():
        services.comment_approve(comment=comment, moderator=moderator)
    assert "Calm at last." in text(story.url)
    assert "1 comment" in text("/diplomacy/")
    with commit():
        services.comment_reject(comment=comment, moderator=moderator)
    assert "Calm at last." not in text(story.url)
    assert "1 comment" not in text("/diplomacy/")


@pytest.mark.parametrize(
    ("model", "slug", "new_name", "shown_on"),
    [
        (Author, "mirela-dastan", "Mirela Dastan-Ahl", ["story", "/authors/mirela-dastan/"]),
        (Person, "oskar-vell", "Oskar Vell-Maris", ["story", "/people/oskar-vell/", "/people/"]),
        (Tag, "truce", "truce talks", ["story", "/topics/truce/"]),
    ],
)
def test_a_renamed_snippet_shows_its_new_name_everywhere(world, commit, model, slug, new_name,
                                                         shown_on):  # fmt: skip
    urls = [world["story"].url if url == "story" else url for url in shown_on]
    warm(*urls)
    with commit():
        thing = model.objects.get(slug=slug)
        thing.name = new_name
        thing.save()
    for url in urls:
        assert new_name in text(url), url
