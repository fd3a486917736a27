"""Emails about comments: moderators told of a new one, a reader told theirs is published.

Reader text only ever appears quoted (comments.sanitizer.one_line, quoted_lines), so a comment
cannot plant lines that read as part of the message. These functions are the bodies of the
background tasks in comments.tasks: a mail server error is raised, so the task is tried again
(and logged if it never goes through) rather than lost."""

from __future__ import annotations

import json

from django.conf import settings
from django.contrib.auth.models import Group
from django.core.mail import send_mail
from django.urls import reverse

from .models import Comment
from .sanitizer import one_line, quoted_lines

MODERATORS_GROUP = "Comment moderators"


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


def notify_moderators(comment: Comment) -> None:
    recipients = moderator_emails()
    if not recipients:
        return
    queue = settings.WAGTAILADMIN_BASE_URL.rstrip("/") + reverse(
        "wagtailsnippets_comments_comment:list"
    )
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


def notify_author_approved(comment: Comment) -> None:
    if not comment.author_email:
        return
    title = one_line(comment.article.title)
    send_mail(
        subject="Your comment has been published",
        message=(
            f"Thank you for your comment on “{title}”, posted as "
            f"{_quoted_name(comment.author_name)}.\n"
            f"It is now published: {comment.article.full_url}#comment-{comment.pk}\n"
        ),
        from_email=None,
        recipient_list=[comment.author_email],
        fail_silently=False,
    )
