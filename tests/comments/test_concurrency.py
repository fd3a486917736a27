"""Races on PostgreSQL: replayed CAPTCHAs, simultaneous moderators, parallel reports and
parallel decisions on them."""

import threading
import uuid

import pytest
from django.contrib.auth.models import User
from django.core import mail
from django.db import connection
from django.test import Client
from wagtail.models import ModelLogEntry

from comments import services
from comments.models import Comment, CommentReport
from tests.conftest import solve_challenge

pytestmark = [
    pytest.mark.django_db(transaction=True, serialized_rollback=True),
    pytest.mark.skipif(connection.vendor != "postgresql", reason="needs PostgreSQL (DATABASE_URL)"),
]


def run_together(count, work):
    barrier = threading.Barrier(count)
    results, errors = [None] * count, []

    def runner(index):
        try:
            barrier.wait(timeout=30)
            results[index] = work(index)
        except Exception as exc:  # reported by the test, never swallowed
            errors.append(exc)
        finally:
            connection.close()

    threads = [threading.Thread(target=runner, args=(i,)) for i in range(count)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(timeout=120)
    assert not errors, errors
    return results


def test_twenty_replays_of_one_solved_captcha_make_one_comment(article):
    solved = solve_challenge(Client())

    def post(index):
        # Different address, token and words each time: only the CAPTCHA can stop them.
        data = {
            **solved,
            "token": str(uuid.uuid4()),
            "author_name": f"Bot {index}",
            "body": f"Replay number {index}",
            "website": "",
        }
        return (
            Client()
            .post(f"/comments/{article.pk}/", data, REMOTE_ADDR=f"198.51.100.{index + 1}")
            .status_code
        )

    statuses = run_together(20, post)
    print(f"\nReplay race: statuses {sorted(statuses)}; comments stored: {Comment.objects.count()}")
    assert Comment.objects.count() == 1
    assert sorted(statuses) == [302] + [400] * 19


def test_twenty_moderators_approving_at_once_make_one_transition(article):
    comment = Comment.objects.create(
        article=article,
        author_name="R",
        body="b",
        body_html="b",
        author_email="reader@example.org",
        notify=True,
    )
    moderators = [User.objects.create_user(f"m{i}", f"m{i}@example.org", "pw") for i in range(20)]
    mail.outbox = []

    def approve(index):
        return services.comment_approve(
            comment=Comment.objects.get(pk=comment.pk), moderator=moderators[index]
        )

    results = run_together(20, approve)
    assert results.count(True) == 1
    assert ModelLogEntry.objects.filter(action="comments.approved").count() == 1
    assert [m.to for m in mail.outbox] == [["reader@example.org"]]


def _approved(article):
    return Comment.objects.create(
        article=article, author_name="R", body="b", body_html="b", status="approved"
    )


def test_twenty_parallel_reports_from_one_address_count_once(article):
    comment = _approved(article)
    readers = [Client() for _ in range(20)]
    forms = []
    for reader in readers:  # each reader's tokens, as comments.js fetches them
        tokens = reader.get("/comments/tokens/").json()
        forms.append({"reason": "spam", "started": tokens["started"]})

    def report(index):
        return (
            readers[index]
            .post(f"/comments/report/{comment.pk}/", forms[index], REMOTE_ADDR="203.0.113.50")
            .status_code
        )

    statuses = run_together(20, report)
    print(f"\nReport race from one address: statuses {sorted(statuses)}")
    assert set(statuses) <= {200, 429} and 200 in statuses
    assert CommentReport.objects.count() == 1
    comment.refresh_from_db()
    assert comment.reported_at is None and not comment.hidden


def test_twenty_parallel_serious_reports_hide_a_comment_once(article):
    comment = _approved(article)

    def report(index):
        return services.report_submit(
            comment=comment, reason="personal_data", ip_address=f"198.51.100.{index + 1}"
        )

    results = run_together(20, report)
    assert CommentReport.objects.count() == 20
    assert sum(r.escalated for r in results) == 1 and sum(r.hidden for r in results) == 1
    assert ModelLogEntry.objects.filter(action="comments.hidden").count() == 1


def test_twenty_moderators_deciding_one_report_make_one_decision(article):
    comment = _approved(article)
    for n in range(3):
        services.report_submit(
            comment=comment, reason="personal_data", ip_address=f"198.51.100.{n + 1}"
        )
    moderators = [User.objects.create_user(f"d{i}", f"d{i}@example.org", "pw") for i in range(20)]

    def decide(index):
        return services.report_decide(
            comment=Comment.objects.get(pk=comment.pk),
            moderator=moderators[index],
            decision=("keep", "reject")[index % 2],
            reason=f"moderator {index}",
        )

    results = run_together(20, decide)
    assert results.count(True) == 1
    winner = moderators[results.index(True)]
    decisions = ModelLogEntry.objects.filter(action__startswith="comments.report_")
    assert decisions.count() == 1 and decisions.get().user == winner
    reports = CommentReport.objects.all()
    assert {r.decided_by_id for r in reports} == {winner.pk}
    assert all(r.closed_at for r in reports)
    comment.refresh_from_db()
    assert comment.reported_at is None and not comment.hidden
    # A keep leaves it approved, a reject rejects it, once.
    expected = "approved" if results.index(True) % 2 == 0 else "rejected"
    assert comment.status == expected
    assert ModelLogEntry.objects.filter(action="comments.rejected").count() == (
        1 if expected == "rejected" else 0
    )
