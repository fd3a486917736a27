"""The whole submit pipeline through the reader's form: the proof of work, bans, the spam
score, confirmation holds and the statement of reasons, as readers and moderators meet them."""

import re
from datetime import timedelta

import pytest
from django.core import mail
from django.test import override_settings

from comments import services as comment_services
from comments.models import Comment
from comments.selectors import pending_count
from safety import services
from safety.models import Assessment, EmailConfirmation
from tests.conftest import solve_challenge

pytestmark = pytest.mark.django_db

LINK = re.compile(r"http://testserver(/(?:[a-z]{2}/)?safety/confirm/[^/\s]+/)")


def post(client, article, *, remote_addr="203.0.113.5", pow_=True, **fields):
    data = {
        "author_name": "Amal",
        "author_email": "",
        "body": "A fair summary of the talks.",
        "website": "",
    }
    data.update(solve_challenge(client))
    if not pow_:
        data.pop("altcha")
    data.update(fields)
    return client.post(f"/comments/{article.pk}/", data, REMOTE_ADDR=remote_addr)


# -- The proof of work --------------------------------------------------------------------------


def test_a_post_without_a_proof_of_work_is_refused_and_keeps_the_text(client, article):
    words = "My careful, long reply about the border talks, which I do not want to type again."
    response = post(client, article, pow_=False, body=words, author_name="Bashir")
    assert response.status_code == 400
    page = response.content.decode()
    assert "quick check" in page  # said like a wrong CAPTCHA, at the form
    assert words in page and 'value="Bashir"' in page
    assert 'name="altcha"' in page  # and the form can solve a new one
    assert not Comment.objects.exists()


def test_a_proof_of_work_works_once(client, article):
    data = solve_challenge(client)
    fields = {"author_name": "Amal", "body": "First.", "website": "", **data}
    assert client.post(f"/comments/{article.pk}/", fields).status_code == 302
    replay = {**solve_challenge(client), "altcha": data["altcha"], "body": "Second."}
    response = client.post(
        f"/comments/{article.pk}/", {"author_name": "Amal", "website": "", **replay}
    )
    assert response.status_code == 400 and "Second." in response.content.decode()
    assert Comment.objects.count() == 1


@override_settings(SAFETY_POW_ENABLED=False)
def test_with_the_proof_of_work_off_the_form_has_no_field_and_posts(client, article):
    assert 'name="altcha"' not in client.get(article.url).content.decode()
    assert post(client, article, pow_=False).status_code == 302


def test_the_story_page_carries_the_field_and_the_solver(client, article):
    page = client.get(article.url).content.decode()
    assert 'name="altcha"' in page and "/static/js/pow.js" in page
    assert "needs JavaScript" in page  # in a <noscript>, for readers without script


# -- Bans -----------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("kind", "value", "email", "ip"),
    [
        ("email", "Spammer@Example.org", "spammer@example.org", "198.51.100.9"),
        ("domain", "spam.example", "anyone@mail.spam.example", "198.51.100.9"),
        ("ip", "203.0.113.0/24", "someone@example.org", "203.0.113.77"),
        ("ip", "2001:db8::/32", "someone@example.org", "2001:db8::5"),
    ],
)
def test_a_banned_commenter_goes_to_spam_and_is_answered_as_anyone(
    client, article, kind, value, email, ip
):
    ban = services.ban_create(kind=kind, value=value, reason="Spam run", user=None)
    response = post(client, article, author_email=email, remote_addr=ip)
    assert response.status_code == 302 and response["Location"].endswith(
        "?comment=pending#comments"
    )
    comment = Comment.objects.get()
    assert comment.status == Comment.Status.SPAM and comment.rule == Comment.Rule.BAN
    assert comment.held_reason.startswith("Banned ")
    assert Assessment.objects.get(comment=comment).ban == ban
    assert pending_count() == 0


def test_a_lifted_or_expired_ban_no_longer_applies(client, article, django_user_model):
    ban = services.ban_create(kind="ip", value="203.0.113.5", reason="x", user=None)
    services.ban_lift(ban=ban, user=None)
    services.ban_create(
        kind="email",
        value="old@example.org",
        reason="x",
        user=None,
        expires_at=ban.created_at - timedelta(days=1),
    )
    post(client, article, author_email="old@example.org")
    assert Comment.objects.get().status == Comment.Status.PENDING


# -- Confirmation holds ---------------------------------------------------------------------------


@override_settings(
    SAFETY_CONFIRM_EMAILS=True,
    COMMENTS_MODERATOR_EMAILS=["desk@example.org"],
    COMMENTS_FLOOD_SECONDS=0,
)
def test_a_first_time_address_waits_for_its_link_then_enters_the_queue(
    client, article, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=True):
        response = post(client, article, author_email="new@example.org")
    assert response["Location"].endswith("?comment=confirm#comments")
    comment = Comment.objects.get()
    assert comment.status == Comment.Status.UNCONFIRMED
    assert pending_count() == 0  # not in the queue, nor its badge, nor the moderators' inbox
    assert [m.to for m in mail.outbox] == [["new@example.org"]]
    notice = client.get(response["Location"]).content.decode()
    assert "emailed you a link" in notice
    path = LINK.search(mail.outbox[0].body).group(1)

    mail.outbox.clear()
    with django_capture_on_commit_callbacks(execute=True):
        assert client.post(path).status_code == 200
    comment.refresh_from_db()
    assert comment.status == Comment.Status.PENDING and pending_count() == 1
    assert [m.to for m in mail.outbox] == [["desk@example.org"]]

    # Confirmed once, confirmed for good: the next comment goes straight to the queue.
    mail.outbox.clear()
    with django_capture_on_commit_callbacks(execute=True):
        again = post(client, article, author_email="NEW@example.org", body="Another point.")
    assert again["Location"].endswith("?comment=pending#comments")
    assert Comment.objects.get(body="Another point.").status == Comment.Status.PENDING
    assert not EmailConfirmation.objects.exists()


@override_settings(SAFETY_CONFIRM_EMAILS=True)
def test_a_banned_first_time_address_hears_the_same_as_anyone(
    client, article, django_capture_on_commit_callbacks
):
    services.ban_create(kind="domain", value="spam.example", reason="x", user=None)
    with django_capture_on_commit_callbacks(execute=True):
        response = post(client, article, author_email="a@spam.example")
    # The same answer and the same email as an honest newcomer: no oracle.
    assert response["Location"].endswith("?comment=confirm#comments")
    assert [m.to for m in mail.outbox] == [["a@spam.example"]]
    comment = Comment.objects.get()
    assert comment.status == Comment.Status.SPAM
    path = LINK.search(mail.outbox[0].body).group(1)
    client.post(path)
    comment.refresh_from_db()
    assert comment.status == Comment.Status.SPAM  # confirming does not lift it out of Spam


@override_settings(SAFETY_CONFIRM_EMAILS=True)
def test_a_comment_without_an_address_is_not_held(client, article):
    post(client, article)
    assert Comment.objects.get().status == Comment.Status.PENDING


# -- The spam score -------------------------------------------------------------------------------


@override_settings(SAFETY_SCORE_MIN_PER_CLASS=20)
def test_the_score_is_recorded_and_the_threshold_sends_to_spam(client, article, train_on_labelled):
    post(client, article, body="Before any training.")
    assert Assessment.objects.get().score is None  # too few decisions: absent, not a guess
    train_on_labelled()
    spam = "Cheap replica watches, free shipping! Visit http://replica-shop.example today"
    post(client, article, body=spam, remote_addr="198.51.100.20")
    scored = Comment.objects.get(body=spam)
    assert scored.status == Comment.Status.PENDING  # scored only: the threshold is off
    assert scored.safety_assessment.score > 0.5
    with override_settings(SAFETY_SPAM_THRESHOLD=0.5):
        post(client, article, body=spam + "!", remote_addr="198.51.100.21")
    caught = Comment.objects.get(body=spam + "!")
    assert caught.status == Comment.Status.SPAM and caught.rule == Comment.Rule.SCORE


# -- Reasons on decisions -------------------------------------------------------------------------


@pytest.mark.parametrize("notify", [True, False])
def test_a_rejection_tells_the_reader_why_in_their_language(
    client, article, moderator, notify, django_capture_on_commit_callbacks
):
    comment_services.comment_submit(
        article=article,
        author_name="Lucía",
        author_email="lucia@example.org",
        body="Un comentario.",
        notify=notify,
        language="es",
    )
    comment = Comment.objects.get()
    mail.outbox.clear()
    with django_capture_on_commit_callbacks(execute=True):
        comment_services.comment_reject(
            comment=comment, moderator=moderator, reason="Off-topic", reason_code="off-topic"
        )
    if not notify:
        assert mail.outbox == []
        return
    [message] = mail.outbox
    assert message.to == ["lucia@example.org"]
    assert "No trata sobre la noticia" in message.body  # the reason's Spanish reader text
    assert "moderador" in message.body.lower()
    assert message.extra_headers["List-Unsubscribe-Post"] == "List-Unsubscribe=One-Click"


def test_other_with_words_passes_the_words_and_spam_sends_nothing(
    article, moderator, django_capture_on_commit_callbacks
):
    for body in ("one", "two"):
        comment_services.comment_submit(
            article=article,
            author_name="Ann",
            author_email=f"{body}@example.org",
            body=body,
            notify=True,
            language="en",
        )
    one, two = Comment.objects.order_by("pk")
    mail.outbox.clear()
    with django_capture_on_commit_callbacks(execute=True):
        comment_services.comment_reject(
            comment=one, moderator=moderator, reason="Other: a fake quote", reason_code="other"
        )
        comment_services.comment_mark_spam(comment=two, moderator=moderator)
    [message] = mail.outbox
    assert message.to == ["one@example.org"] and "a fake quote" in message.body
