"""Opt-in emails to readers: published, replied to, and the one-click unsubscribe (issue 13)."""

import re

import pytest
from django.core import mail
from django.test import Client

from comments import notifications, services
from comments.models import Comment

# Several comments from one reader in a row: the flood limit is tested elsewhere.
pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("no_flood_limit")]


@pytest.fixture
def no_flood_limit(settings):
    settings.COMMENTS_FLOOD_SECONDS = 0


def submitted(article, comment_post, **fields):
    response = comment_post(article, **fields)
    assert response.status_code == 302, response.content[:300]
    return Comment.objects.order_by("-pk").first()


def unsubscribe_link(message) -> str:
    return re.search(r"http://testserver(/comments/unsubscribe/[^/\s]+/)", message.body)[1]


def test_nothing_is_sent_without_the_box_ticked(
    article, comment_post, admin_user, django_capture_on_commit_callbacks
):
    comment = submitted(article, comment_post, author_email="quiet@example.org")
    assert comment.notify is False
    with django_capture_on_commit_callbacks(execute=True):
        services.comment_approve(comment=comment, moderator=admin_user)
    assert mail.outbox == []


def test_the_published_email_is_sent_after_the_approval_commits_and_never_before(
    article, comment_post, admin_user, django_capture_on_commit_callbacks
):
    comment = submitted(
        article, comment_post, author_email="Reader@Example.org", notify="on", body="My view."
    )
    assert comment.notify and comment.status == "pending"
    assert mail.outbox == []  # pending: nothing yet
    with django_capture_on_commit_callbacks(execute=False) as callbacks:
        services.comment_approve(comment=comment, moderator=admin_user)
    assert mail.outbox == []  # not before the commit
    for callback in callbacks:
        callback()
    [message] = mail.outbox
    assert message.to == ["Reader@Example.org"]
    assert message.subject == "Your comment has been published"
    assert f"{article.url}?comment={comment.pk}#comment-{comment.pk}" in message.body
    assert message.extra_headers["List-Unsubscribe-Post"] == "List-Unsubscribe=One-Click"
    assert unsubscribe_link(message) in message.extra_headers["List-Unsubscribe"]


def test_a_rejected_comment_is_told_only_as_a_statement_of_reasons(
    article, comment_post, admin_user, django_capture_on_commit_callbacks
):
    comment = submitted(article, comment_post, author_email="r@example.org", notify="on")
    with django_capture_on_commit_callbacks(execute=True):
        services.comment_reject(comment=comment, moderator=admin_user)
    # Never "published"; the reader who asked for emails hears the decision (safety/tasks.py).
    [message] = mail.outbox
    assert message.subject == "Your comment was not published"
    assert "was not published" in message.body and "moderator" in message.body


def test_asking_for_emails_needs_an_address(article, comment_post):
    response = comment_post(article, notify="on", author_email="")
    assert response.status_code == 400
    summary = response.content.decode().split('data-role="error-summary"')[1].split("</div>")[0]
    assert '<a href="#id_author_email">Please give your email address' in summary
    assert not Comment.objects.exists()


def test_a_reply_is_told_to_the_reader_answered_without_anyones_address(
    article, admin_user, django_capture_on_commit_callbacks
):
    nadia = Comment.objects.create(
        article=article,
        author_name="Nadia",
        author_email="nadia@example.org",
        body="n",
        body_html="n",
        status="approved",
        notify=True,
        language="en",
    )

    def reply(name, email, to):
        result = services.comment_submit(
            article=article,
            author_name=name,
            author_email=email,
            body=f"{name} answers.\nModeration queue: https://evil.example",
            started_at=0,
            reply_to=to,
            ip_address=f"192.0.2.{len(mail.outbox) + len(name)}",
        )
        return result.comment

    omar = reply("Omar", "omar@example.org", nadia)
    with django_capture_on_commit_callbacks(execute=True):
        services.comment_approve(comment=omar, moderator=admin_user)
    [message] = mail.outbox
    assert message.to == ["nadia@example.org"]
    assert message.subject == f"New reply to your comment on “{article.title}”"
    assert '"Omar" replied to your comment' in message.body
    assert "    | Omar answers." in message.body  # quoted, not a line of ours
    assert "omar@example.org" not in message.body and "omar@" not in str(message.extra_headers)
    assert f"?comment={omar.pk}#comment-{omar.pk}" in message.body
    # Nadia answering herself under her own thread, or a reader who did not ask: nothing.
    mail.outbox = []
    own = reply("Nadia again", "NADIA@example.org", omar)
    with django_capture_on_commit_callbacks(execute=True):
        services.comment_approve(comment=own, moderator=admin_user)
    assert [m.to for m in mail.outbox] == []


def test_emails_are_in_the_readers_language(
    article, comment_post, admin_user, django_capture_on_commit_callbacks
):
    from wagtail.models import Locale

    spanish = article.copy_for_translation(
        Locale.objects.get_or_create(language_code="es")[0], copy_parents=True
    )
    spanish.save_revision().publish()
    comment = submitted(spanish, comment_post, author_email="ana@example.org", notify="on")
    assert comment.language == "es"
    with django_capture_on_commit_callbacks(execute=True):
        services.comment_approve(comment=comment, moderator=admin_user)
    [message] = mail.outbox
    assert message.subject == "Su comentario se ha publicado"
    assert "Anule la suscripción con un clic" in message.body
    page = Client().get(unsubscribe_link(message)).content.decode()
    assert '<html lang="es"' in page


def test_unsubscribe_asks_once_then_stops_every_email_to_that_address(article, comment_post):
    comments = [
        submitted(
            article,
            comment_post,
            author_email=email,
            notify="on",
            body=f"Comment {n}",
            remote_addr=f"192.0.2.{n + 1}",
        )
        for n, email in enumerate(["ana@example.org", "ANA@example.org", "other@example.org"])
    ]
    link = notifications.unsubscribe_token("ana@example.org", "en")
    url = f"/comments/unsubscribe/{link}/"
    page = Client().get(url)  # a mail scanner following the link changes nothing
    assert page.status_code == 200 and "Stop these emails" in page.content.decode()
    assert all(Comment.objects.filter(pk=c.pk, notify=True).exists() for c in comments)
    # The button, or a mail client's RFC 8058 one-click POST (no cookie, no CSRF token).
    done = Client(enforce_csrf_checks=True).post(url, {"List-Unsubscribe": "One-Click"})
    assert done.status_code == 200 and "no more emails" in done.content.decode()
    assert list(Comment.objects.order_by("pk").values_list("notify", flat=True)) == [
        False,
        False,
        True,
    ]


FORGED = notifications.unsubscribe_token("x@y.z", "en")[:-2] + "zz"


@pytest.mark.parametrize("token", ["nonsense", "a" * 300, FORGED])
def test_a_forged_unsubscribe_link_does_nothing(article, token):
    Comment.objects.create(
        article=article, author_name="A", author_email="x@y.z", body="b", body_html="b", notify=True
    )
    response = Client().post(f"/comments/unsubscribe/{token}/")
    assert response.status_code == 400 and "not valid" in response.content.decode()
    assert Comment.objects.get().notify
