"""Safety's hooks for the comment pipeline (phase 2 calls them from comments): the proof-of-work
gate, the verdict on a new comment (ban, score, confirmation, trust), and what is recorded."""

import base64
import json

import altcha
import pytest
from django.core import mail
from django.test import override_settings
from django.utils import translation
from wagtail import hooks

from comments.models import Comment
from safety import pipeline, services
from safety.identity import email_hash
from safety.models import Assessment, ConfirmedEmail, EmailConfirmation

pytestmark = pytest.mark.django_db


def one(name):
    found = hooks.get_hooks(name)
    assert len(found) == 1, name
    return found[0]


def test_the_hooks_are_registered():
    assert one("comments_check_submission") is pipeline.check_submission
    assert one("comments_assess") is pipeline.assess
    assert one("comments_after_submit") is pipeline.after_submit
    assert one("comment_queue_annotations") is pipeline.queue_annotations


@override_settings(SAFETY_POW_MAX_NUMBER=500)
def test_submission_without_a_proof_of_work_is_refused(client):
    assert "quick check" in pipeline.check_submission({})
    assert "quick check" in pipeline.check_submission({"altcha": "junk"})
    challenge = client.get("/safety/pow/challenge/").json()
    solution = altcha.solve_challenge(
        challenge["challenge"], challenge["salt"], "SHA-256", challenge["maxNumber"]
    )
    payload = base64.b64encode(
        json.dumps({**challenge, "number": solution.number}).encode()
    ).decode()
    assert pipeline.check_submission({"altcha": payload}) is None
    assert pipeline.check_submission({"altcha": payload}) is not None  # used up
    with override_settings(SAFETY_POW_ENABLED=False):
        assert pipeline.check_submission({}) is None


def _assess(email="", ip="203.0.113.5", body="A fair summary of the talks."):
    return pipeline.assess(author_name="Amal", author_email=email, body=body, ip_address=ip)


def test_a_banned_sender_goes_to_spam_quietly():
    ban = services.ban_create(kind="ip", value="203.0.113.0/24", reason="spam run", user=None)
    verdict = _assess()
    assert verdict.ban == ban and verdict.sent_to_spam_by == "ban"
    assert verdict.spam_reason == "Banned ip address or network: 203.0.113.0/24"
    assert _assess(ip="198.51.100.1").spam_reason == ""


@override_settings(SAFETY_SCORE_MIN_PER_CLASS=20)
def test_score_and_the_optional_threshold(train_on_labelled):
    train_on_labelled()
    spammy = "Best replica watches online, free shipping! Visit http://replica-shop.example"
    verdict = _assess(body=spammy)
    assert verdict.score > 0.5 and verdict.spam_reason == ""  # off by default: scored only
    with override_settings(SAFETY_SPAM_THRESHOLD=0.5):
        verdict = _assess(body=spammy)
        assert verdict.sent_to_spam_by == "score"
        assert verdict.spam_reason.startswith("Spam score 0.")
        assert _assess().spam_reason == ""


@override_settings(SAFETY_CONFIRM_EMAILS=True, SAFETY_TRUST_MIN_APPROVED=1)
def test_confirmation_and_trust(make_comment, django_capture_on_commit_callbacks):
    assert _assess(email="new@example.org").hold_for_confirmation
    assert not _assess(email="").hold_for_confirmation
    ConfirmedEmail.objects.create(email_hash=email_hash("known@example.org"))
    make_comment(email="known@example.org", status="approved")
    verdict = _assess(email="known@example.org")
    assert not verdict.hold_for_confirmation and verdict.trusted

    comment = make_comment(email="new@example.org")
    with django_capture_on_commit_callbacks(execute=True):
        pipeline.after_submit(comment=comment, verdict=_assess(email="new@example.org"))
    assert EmailConfirmation.objects.filter(comment=comment).exists()
    assert mail.outbox[-1].to == ["new@example.org"]
    assert Assessment.objects.get(comment=comment).sent_to_spam_by == ""


def test_queue_annotation_gives_the_score(make_comment):
    scored = make_comment(body="scored")
    make_comment(body="not scored")
    services.assessment_record(comment=scored, score=0.8)
    rows = dict(
        Comment.objects.annotate(**pipeline.queue_annotations()).values_list("body", "spam_score")
    )
    assert rows == {"scored": 0.8, "not scored": None}


def test_the_ban_reason_moderators_read_is_english_on_any_story():
    services.ban_create(kind="domain", value="spam.example", reason="run", user=None)
    with translation.override("ar"):  # a comment on an Arabic story
        verdict = _assess(email="x@spam.example")
    assert verdict.spam_reason == "Banned email domain: spam.example"
