"""The moderation dashboard: figures right, a flat number of queries, an SVG chart with a
table beside it, shown to moderators only."""

from datetime import timedelta

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.utils import timezone

from comments.models import Comment
from safety import dashboard, services
from safety.models import Assessment

pytestmark = pytest.mark.django_db

REPORT = "/admin/safety/moderation/"


def _traffic(make_comment, make_article, scale):
    batch = Comment.objects.count()
    stories = [make_article(title=f"Story {n}", slug=f"story-{batch}-{n}") for n in range(3)]
    for n in range(scale):
        story = stories[n % 3] if n % 2 else stories[0]
        make_comment(
            on=story,
            status=Comment.Status.APPROVED,
            ago=timedelta(days=n % 30),
            decided_after=timedelta(minutes=30),
        )
        make_comment(
            on=story,
            status=Comment.Status.PENDING,
            ago=timedelta(days=n % 7),
            held_reason="Held: 3 links",
            rule=Comment.Rule.LINKS,
        )
        spam = make_comment(
            on=story,
            status=Comment.Status.SPAM,
            ago=timedelta(days=n % 12),
            held_reason="Contains a disallowed word: 'casino'",
            rule=Comment.Rule.DISALLOWED,
        )
        services.assessment_record(comment=spam, score=0.97)
    return stories


def _queries(scale_fn):
    with CaptureQueriesContext(connection) as context:
        scale_fn()
    return len(context)


def test_figures(make_comment, make_article):
    stories = _traffic(make_comment, make_article, 6)
    old = make_comment(status=Comment.Status.SPAM, ago=timedelta(days=45))
    banned = make_comment(status=Comment.Status.SPAM, body="banned one", rule=Comment.Rule.BAN)
    services.assessment_record(comment=banned, sent_to_spam_by=Assessment.Decider.BAN)
    by_score = make_comment(status=Comment.Status.SPAM, body="scored", rule=Comment.Rule.SCORE)
    services.assessment_record(comment=by_score, score=0.99, sent_to_spam_by="score")
    make_comment(status=Comment.Status.REJECTED, decided_after=timedelta(hours=3))
    stats = dashboard.moderation_stats()
    assert len(stats.days) == 30 and stats.days[-1] == timezone.localdate()
    assert stats.total == 6 * 3 + 3
    assert stats.totals == {
        "pending": 6,
        "approved": 6,
        "rejected": 1,
        "spam": 8,
        "unconfirmed": 0,
    }
    assert old.pk not in []  # outside the window: not counted above
    # Median of six 30-minute waits and one 3-hour wait.
    assert stats.median_wait == timedelta(minutes=30)
    rules = {key: n for key, _, n in stats.rules}
    assert rules["links"] == 6 and rules["disallowed"] == 6
    assert rules["ban"] == 1 and rules["score"] == 1 and rules["none"] == 7
    assert stats.scored == 7 and stats.likely_spam == 7 and stats.likely_spam_marked_spam == 7
    assert stats.top_stories[0]["article__title"] == stories[0].title


def test_median_of_an_even_count(make_comment):
    make_comment(status=Comment.Status.APPROVED, decided_after=timedelta(minutes=10))
    make_comment(status=Comment.Status.APPROVED, decided_after=timedelta(minutes=20))
    assert dashboard.moderation_stats().median_wait == timedelta(minutes=15)
    assert dashboard.moderation_stats(days=1).decided == 2


def test_query_count_is_flat_in_data_size(make_comment, make_article):
    _traffic(make_comment, make_article, 3)
    small = _queries(dashboard.moderation_stats)
    _traffic(make_comment, make_article, 30)
    large = _queries(dashboard.moderation_stats)
    assert small == large == 6


def test_report_page_for_moderators(
    client, moderator, make_comment, make_article, django_assert_max_num_queries
):
    _traffic(make_comment, make_article, 4)
    client.force_login(moderator)
    client.get(REPORT)  # sessions, permissions and content types warmed
    with CaptureQueriesContext(connection) as small:
        response = client.get(REPORT)
    html = response.content.decode()
    assert response.status_code == 200
    assert '<svg viewBox="0 0 720 260"' in html and 'role="img"' in html
    assert "<title" in html and "12 comments: 4 approved, 4 pending, 0 rejected, 4 spam" in html
    assert "Comments per day as a table" in html and "<table" in html
    assert "Median time to a decision" in html and "30 min" in html
    assert "Two or more links" in html and "Story 0" in html
    assert "not trained yet" in html
    _traffic(make_comment, make_article, 20)
    with CaptureQueriesContext(connection) as large:
        client.get(REPORT)
    assert len(small) == len(large)
    print(f"moderation report page: {len(large)} queries")


def test_panel_on_the_admin_home_for_moderators_only(client, moderator, editor, make_comment):
    make_comment(status=Comment.Status.APPROVED, decided_after=timedelta(minutes=5))
    client.force_login(moderator)
    home = client.get("/admin/").content.decode()
    assert "Comment moderation" in home and "Full moderation report" in home
    assert "Moderation" in home  # the Reports menu item
    client.force_login(editor)
    home = client.get("/admin/").content.decode()
    assert "Comment moderation" not in home
    assert client.get(REPORT).status_code in (302, 403)


def test_panel_figures_are_kept_a_few_minutes(make_comment, django_assert_num_queries):
    dashboard.cached_stats()
    with django_assert_num_queries(0):
        dashboard.cached_stats()
