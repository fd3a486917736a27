"""The article template's cached fragments: a repeat render skips the work, and nothing a reader
sees is older than the last change (comments, bylines, related cards, corrections)."""

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from articles.models import ArticleCorrection, Author
from comments import services
from comments.models import Comment

pytestmark = pytest.mark.django_db


def render(client, url) -> tuple[str, int]:
    with CaptureQueriesContext(connection) as queries:
        response = client.get(url)
    assert response.status_code == 200
    return response.content.decode(), len(queries)


@pytest.fixture
def story(make_article, django_capture_on_commit_callbacks):
    author = Author.objects.create(name="Ilse Marwick", slug="ilse-marwick")
    page = make_article(title="Monitors reach the border crossing", byline=[author])
    return page


def test_a_repeat_render_reuses_the_fragments(client, story):
    first, cold = render(client, story.url)
    render(client, story.url)  # the first render saved image data: caches refilled once more
    again, warm = render(client, story.url)
    assert again == first
    # Left: the site, the locale, the front page and the story itself; the story's own parts,
    # its comments, route and view restrictions come from the cache.
    assert warm <= 4, (cold, warm)


def test_an_approved_comment_shows_at_once(client, story, django_capture_on_commit_callbacks):
    render(client, story.url)
    comment = Comment.objects.create(
        article=story, author_name="Nadia Haddad", body="Good to see the monitors there."
    )
    html, _ = render(client, story.url)
    assert "Nadia Haddad" not in html  # pending: not shown
    with django_capture_on_commit_callbacks(execute=True):
        services.comment_approve(comment=comment, moderator=None)
    html, _ = render(client, story.url)
    assert "Nadia Haddad" in html and "1 comment" in html
    with django_capture_on_commit_callbacks(execute=True):
        services.comment_reject(comment=Comment.objects.get(pk=comment.pk), moderator=None)
    html, _ = render(client, story.url)
    assert "Nadia Haddad" not in html


def test_renaming_an_author_updates_the_byline(client, story, django_capture_on_commit_callbacks):
    assert "Ilse Marwick" in render(client, story.url)[0]
    with django_capture_on_commit_callbacks(execute=True):
        author = Author.objects.get(slug="ilse-marwick")
        author.name = "Ilse Marwick-Berg"
        author.save()
    assert "Ilse Marwick-Berg" in render(client, story.url)[0]


def test_a_published_correction_shows_at_once(client, story, django_capture_on_commit_callbacks):
    render(client, story.url)
    page = story.get_latest_revision_as_object()
    page.corrections = [ArticleCorrection(text="An earlier version misnamed the crossing.")]
    with django_capture_on_commit_callbacks(execute=True):
        page.save_revision().publish()
    assert "misnamed the crossing" in render(client, story.url)[0]


def test_comment_pages_are_cached_apart(client, story, settings):
    settings.COMMENTS_PER_PAGE = 1
    for name in ("Ana", "Ben"):
        Comment.objects.create(
            article=story, author_name=f"{name} Reader", body="Noted.", status="approved"
        )
    first = render(client, story.url + "?comments=1")[0]
    second = render(client, story.url + "?comments=2")[0]
    assert "Ana Reader" in first and "Ben Reader" not in first
    assert "Ben Reader" in second and "Ana Reader" not in second


def test_a_new_view_restriction_applies_at_once(client, story, section):
    from wagtail.models import PageViewRestriction

    assert client.get(story.url).status_code == 200
    assert client.get(story.url).status_code == 200  # restrictions now remembered
    PageViewRestriction.objects.create(page=section, restriction_type=PageViewRestriction.LOGIN)
    response = client.get(story.url)
    assert response.status_code == 302 and "/login" in response["Location"]
    PageViewRestriction.objects.all().delete()
    assert client.get(story.url).status_code == 200


def test_without_a_working_cache_fragments_are_not_kept(client, story, settings):
    """The fragments live in each process's memory, keyed on the shared version; when the
    version cannot be read (Redis down) nothing may be kept, or it could never be retired."""
    from pagecache import versioned

    settings.CACHES = {
        **settings.CACHES,
        "default": {"BACKEND": "django.core.cache.backends.dummy.DummyCache"},
    }
    assert versioned.fragment_seconds() == 0
    assert "Monitors reach the border crossing" in render(client, story.url)[0]
    # A change that sends no signal at all still shows: nothing was kept.
    type(story).objects.filter(pk=story.pk).update(title="Monitors turned back at the border")
    assert "Monitors turned back at the border" in render(client, story.url)[0]
