"""Races on PostgreSQL: replayed CAPTCHAs and simultaneous moderators."""

import threading
import uuid

import pytest
from django.contrib.auth.models import User
from django.core import mail
from django.db import connection
from django.test import Client
from wagtail.models import ModelLogEntry

from comments import services
from comments.models import Comment
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
