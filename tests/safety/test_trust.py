"""Trust for auto-approval: a confirmed address with enough approved comments and no recent spam."""

from datetime import timedelta

import pytest
from django.test import override_settings

from comments.models import Comment
from safety.identity import email_hash
from safety.models import ConfirmedEmail
from safety.selectors import is_trusted_commenter

pytestmark = pytest.mark.django_db


def _history(make_comment, email, approved):
    for n in range(approved):
        make_comment(email=email, body=f"approved {n}", status=Comment.Status.APPROVED)


@override_settings(SAFETY_TRUST_MIN_APPROVED=3, SAFETY_TRUST_SPAM_DAYS=90)
def test_trust_needs_confirmation_enough_approved_and_no_recent_spam(make_comment):
    email = "regular@example.org"
    _history(make_comment, email, 3)
    # A typed address with a good history is not enough: it must be confirmed.
    assert not is_trusted_commenter(email)
    ConfirmedEmail.objects.create(email_hash=email_hash(email))
    assert is_trusted_commenter("Regular@Example.org")
    spam = make_comment(email=email, status=Comment.Status.SPAM, ago=timedelta(days=89))
    assert not is_trusted_commenter(email)
    Comment.objects.filter(pk=spam.pk).update(created_at=spam.created_at - timedelta(days=2))
    assert is_trusted_commenter(email)


@override_settings(SAFETY_TRUST_MIN_APPROVED=3)
def test_too_few_approved_comments(make_comment):
    email = "new@example.org"
    ConfirmedEmail.objects.create(email_hash=email_hash(email))
    _history(make_comment, email, 2)
    make_comment(email=email, status=Comment.Status.PENDING)
    make_comment(email=email, status=Comment.Status.REJECTED)
    assert not is_trusted_commenter(email)
    assert not is_trusted_commenter("")


def test_trust_costs_two_queries(make_comment, django_assert_num_queries):
    email = "q@example.org"
    ConfirmedEmail.objects.create(email_hash=email_hash(email))
    _history(make_comment, email, 5)
    with django_assert_num_queries(2):
        assert is_trusted_commenter(email)
