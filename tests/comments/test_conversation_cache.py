"""The conversation under the page cache (issue 13): each change readers would see purges the
story and the listings that count its comments, at once."""

import pytest
from django.test import Client

from comments import services
from comments.models import Comment

pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("page_cache_on")]


@pytest.fixture
def moderator(admin_user):
    return admin_user


def approved_comment(article):
    return Comment.objects.create(
        article=article,
        author_name="Nadia",
        body="n",
        body_html="<p>Nadia says</p>",
        status="approved",
    )


def cached(url: str, query: dict | None = None) -> tuple[str, str]:
    response = Client().get(url, query or {})
    return response["X-Page-Cache"], response.content.decode()


def test_a_reply_approved_shows_at_once_with_the_counts(
    article, section, moderator, django_capture_on_commit_callbacks
):
    nadia = approved_comment(article)
    reply = Comment.objects.create(
        article=article,
        author_name="Omar",
        body="o",
        body_html="<p>Omar answers</p>",
        parent=nadia,
        reply_to=nadia,
        is_reply=True,
    )
    cached(article.url)
    cached(section.url)
    state, html = cached(article.url)
    assert state == "hit" and "Omar answers" not in html
    assert "1 comment" in cached(section.url)[1]
    with django_capture_on_commit_callbacks(execute=True):
        services.comment_approve(comment=reply, moderator=moderator)
    state, html = cached(article.url)
    assert state == "miss" and "Omar answers" in html and "2 comments" in html
    assert "2 comments" in cached(section.url)[1]


def test_a_pick_and_a_permalink_variant_are_purged_together(
    article, moderator, django_capture_on_commit_callbacks
):
    nadia = approved_comment(article)
    for query in ({}, {"comment": nadia.pk}, {"sort": "newest"}):
        cached(article.url, query)
        assert cached(article.url, query)[0] == "hit"
    with django_capture_on_commit_callbacks(execute=True):
        services.comment_pick(comment=nadia, moderator=moderator)
    for query in ({}, {"comment": nadia.pk}, {"sort": "newest"}):
        state, html = cached(article.url, query)
        assert state == "miss" and "Editors’ picks" in html, query


def test_a_comment_hidden_by_a_report_leaves_the_cached_story_at_once(
    article, section, django_capture_on_commit_callbacks
):
    nadia = approved_comment(article)
    cached(article.url)
    cached(section.url)
    assert cached(article.url)[0] == "hit"
    with django_capture_on_commit_callbacks(execute=True):
        result = services.report_submit(
            comment=nadia, reason="personal_data", ip_address="198.51.100.1"
        )
    assert result.hidden
    state, html = cached(article.url)
    assert state == "miss" and "Nadia says" not in html
    assert "1 comment" not in cached(section.url)[1]
