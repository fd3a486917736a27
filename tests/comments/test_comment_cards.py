"""Story cards never invite comments a story no longer takes: "Comments closed", not "0
comments", and no query per card for knowing it."""

import re
from datetime import timedelta

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.utils import timezone

from comments.models import Comment, CommentSettings
from comments.templatetags.comment_cards import takes_comments

pytestmark = pytest.mark.django_db


def card(html: str, title: str) -> str:
    for found in re.findall(r'<article class="card.*?</article>', html, re.S):
        if f">{title}</a>" in found:
            return found
    raise AssertionError(f"no card for {title!r}")


def approve(article, n=1):
    for i in range(n):
        Comment.objects.create(
            article=article,
            author_name=f"Reader {i}",
            body="Fair.",
            body_html="<p>Fair.</p>",
            status=Comment.Status.APPROVED,
        )


@pytest.fixture
def stories(make_article):
    long_ago = timezone.now() - timedelta(days=45)  # comments close after 30 days
    return {
        "open": make_article(title="Open for comments"),
        "closed by the desk": make_article(title="Closed by the desk", comments_open=False),
        "too old": make_article(title="Too old to comment", publication_date=long_ago),
    }


def test_cards_say_comments_closed_rather_than_zero_comments(client, section, stories):
    html = client.get(section.url).content.decode()
    assert "· 0 comments" in card(html, "Open for comments")
    for title in ("Closed by the desk", "Too old to comment"):
        label = card(html, title)
        assert "Comments closed" in label and "0 comments" not in label, title


def test_a_closed_story_keeps_the_count_of_the_comments_it_has(client, section, stories):
    approve(stories["too old"], 2)
    label = card(client.get(section.url).content.decode(), "Too old to comment")
    assert "· 2 comments" in label and "Comments closed" not in label


def test_the_check_costs_no_query_per_card(client, section, make_article, settings):
    """A section page of many cards, open and closed, answers in as many queries as one of
    three: the check reads the card's own fields and the cached comment rules."""
    make_article(comments_open=False)
    make_article()
    make_article(publication_date=timezone.now() - timedelta(days=60))
    client.get(section.url)
    with CaptureQueriesContext(connection) as few:
        client.get(section.url)
    for n in range(9):
        story = make_article(
            comments_open=n % 3 != 0,
            publication_date=timezone.now() - timedelta(days=20 * (n % 3)),
        )
        approve(story, n % 2)
    client.get(section.url)
    with CaptureQueriesContext(connection) as many:
        html = client.get(section.url).content.decode()
    assert html.count('class="card ') == 12
    assert html.count("Comments closed") >= 4
    assert len(many) == len(few)


def test_the_filter_reads_no_database_once_the_rules_are_cached(stories, django_assert_num_queries):
    CommentSettings.load()  # the rules exist (made on first use, which moves the version)
    takes_comments(stories["open"])  # the comment rules, read once and kept
    with django_assert_num_queries(0):
        assert takes_comments(stories["open"]) is True
        assert takes_comments(stories["closed by the desk"]) is False
        assert takes_comments(stories["too old"]) is False
