"""Emails about comments: moderators told of a new or reported one; a reader who asked told
that theirs is published or that someone replied, in their language, with a one-click
unsubscribe link. The services call these after the commit, never for a pending or rejected
comment.

Reader text only ever appears quoted (comments.sanitizer.one_line, quoted_lines), so a comment
cannot plant lines that read as part of the message; no email carries another reader's
address. These functions are the bodies of the background tasks in comments.tasks: a mail
server error is raised, so the task is tried again (and logged if it never goes through)
rather than lost."""

from __future__ import annotations

import json

from django.conf import settings
from django.contrib.auth.models import Group
from django.core import signing
from django.core.mail import EmailMessage, send_mail
from django.urls import reverse
from django.utils import translation
from django.utils.translation import gettext

from core.http import absolute_url

from .models import Comment
from .sanitizer import one_line, quoted_lines

MODERATORS_GROUP = "Comment moderators"
UNSUBSCRIBE_SALT = "comments.unsubscribe"


def moderator_emails() -> list[str]:
    emails = set(settings.COMMENTS_MODERATOR_EMAILS)
    group = Group.objects.filter(name=MODERATORS_GROUP).first()
    if group:
        emails.update(
            group.user_set.filter(is_active=True).exclude(email="").values_list("email", flat=True)
        )
    return sorted(emails)


def _quoted_name(name: str) -> str:
    # One line, in quotes (escaped inside): a name cannot pass for a line of the message.
    return json.dumps(one_line(name), ensure_ascii=False)


def _admin_url(name: str, *args) -> str:
    return settings.WAGTAILADMIN_BASE_URL.rstrip("/") + reverse(name, args=args)


def notify_moderators(comment: Comment) -> None:
    recipients = moderator_emails()
    if not recipients:
        return
    queue = _admin_url("wagtailsnippets_comments_comment:list")
    title = one_line(comment.article.title)
    # Reader text only ever appears quoted: the name on its "Name:" line, the body as an
    # indented block between markers that give its length.
    message = [
        f"A new comment on “{title}” is waiting for moderation.",
        "",
        f"Name: {_quoted_name(comment.author_name)}",
        f"Rules: {one_line(comment.held_reason) or 'Pending moderation.'}",
        f"----- comment ({len(comment.body)} characters) -----",
        *quoted_lines(comment.body),
        "----- end of comment -----",
        "",
        f"Moderation queue: {queue}",
        "",
    ]
    send_mail(
        subject=f"New comment awaiting moderation on “{title}”",
        message="\n".join(message),
        from_email=None,
        recipient_list=recipients,
        fail_silently=False,
    )


def notify_moderators_reported(comment: Comment) -> None:
    """Readers' reports sent a published comment back to the moderators."""
    recipients = moderator_emails()
    if not recipients:
        return
    title = one_line(comment.article.title)
    page = _admin_url("wagtailsnippets_comments_comment:inspect", comment.pk)
    hidden = Comment.objects.filter(pk=comment.pk, hidden=True).exists()
    message = [
        f"Readers reported a comment on “{title}”."
        + (" It is hidden until a moderator decides." if hidden else ""),
        "",
        f"Name: {_quoted_name(comment.author_name)}",
        f"----- comment ({len(comment.body)} characters) -----",
        *quoted_lines(comment.body),
        "----- end of comment -----",
        "",
        f"Decide: {page}",
        "",
    ]
    send_mail(
        subject=f"Comment reported on “{title}”",
        message="\n".join(message),
        from_email=None,
        recipient_list=recipients,
        fail_silently=False,
    )


# -- Readers' emails (opt-in) -----------------------------------------------------------------


def unsubscribe_token(email: str, language: str) -> str:
    """Signed, no login: whoever holds it may stop the emails to this address, nothing else."""
    return signing.dumps({"e": email.strip().lower(), "l": language}, salt=UNSUBSCRIBE_SALT)


def read_unsubscribe_token(token: str) -> dict | None:
    try:
        data = signing.loads(token, salt=UNSUBSCRIBE_SALT)
    except signing.BadSignature:
        return None
    if not isinstance(data, dict) or not isinstance(data.get("e"), str) or not data["e"]:
        return None
    return data


def permalink(comment: Comment) -> str:
    return absolute_url(f"{comment.article.url}?comment={comment.pk}#comment-{comment.pk}")


def send_to_reader(comment: Comment, *, subject: str, lines: list[str]) -> None:
    """One email to one reader (never a list, never another reader's address), with the
    unsubscribe link in the text and in List-Unsubscribe (RFC 8058 one-click)."""
    unsubscribe = absolute_url(
        reverse(
            "comments:unsubscribe",
            args=[unsubscribe_token(comment.author_email, comment.language)],
        )
    )
    body = [
        *lines,
        "",
        "-- ",
        gettext("You asked for these emails when you posted your comment."),
        gettext("Stop them with one click: %(url)s") % {"url": unsubscribe},
        "",
    ]
    EmailMessage(
        subject=subject,
        body="\n".join(body),
        to=[comment.author_email],
        headers={
            "List-Unsubscribe": f"<{unsubscribe}>",
            "List-Unsubscribe-Post": "List-Unsubscribe=One-Click",
        },
    ).send(fail_silently=False)


def _wants_email(comment: Comment | None) -> bool:
    return bool(comment and comment.notify and comment.author_email)


def notify_author_approved(comment: Comment) -> None:
    """The reader asked to hear when their comment is published: it now is."""
    comment.refresh_from_db(fields=["notify", "status", "hidden"])
    if not _wants_email(comment) or comment.status != Comment.Status.APPROVED:
        return
    with translation.override(comment.language or settings.LANGUAGE_CODE):
        title = one_line(comment.article.title)
        send_to_reader(
            comment,
            subject=gettext("Your comment has been published"),
            lines=[
                gettext("Thank you for your comment on “%(title)s”, posted as %(name)s.")
                % {"title": title, "name": _quoted_name(comment.author_name)},
                gettext("It is now published: %(url)s") % {"url": permalink(comment)},
            ],
        )


def notify_reply(reply: Comment) -> None:
    """Someone's reply to a reader who asked to hear of replies is now published. The email
    names the replier and quotes the reply; never their email address."""
    answered = (
        Comment.objects.select_related("article").filter(pk=reply.reply_to_id).first()
        if reply.reply_to_id
        else None
    )
    if not _wants_email(answered) or answered.status != Comment.Status.APPROVED:
        return
    if answered.author_email.strip().lower() == reply.author_email.strip().lower():
        return  # answering oneself
    if not Comment.objects.visible().filter(pk=reply.pk).exists():
        return
    with translation.override(answered.language or settings.LANGUAGE_CODE):
        title = one_line(answered.article.title)
        send_to_reader(
            answered,
            subject=gettext("New reply to your comment on “%(title)s”") % {"title": title},
            lines=[
                gettext("%(name)s replied to your comment on “%(title)s”:")
                % {"name": _quoted_name(reply.author_name), "title": title},
                "",
                *quoted_lines(reply.body),
                "",
                gettext("Read it in the conversation: %(url)s") % {"url": permalink(reply)},
            ],
        )
