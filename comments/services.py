"""Writes with rules: submitting a comment through the rules pipeline, and moderating it.

The rules themselves are in comments.moderation, the emails in comments.notifications, sent
by the background tasks of comments.tasks once the transaction commits."""

from __future__ import annotations

import logging
import re
import time
import uuid
from dataclasses import dataclass

from django.conf import settings
from django.db import IntegrityError, transaction
from django.utils import timezone
from wagtail.log_actions import log

from pagecache.purge import purge_page

from . import moderation, selectors, tasks
from .models import Comment
from .moderation import CommentRefused, CommentsClosed  # noqa: F401  (part of the services API)
from .sanitizer import one_line, sanitize_comment

logger = logging.getLogger(__name__)

LINK = re.compile(r"<a\s", re.IGNORECASE)


@dataclass(frozen=True)
class SubmitResult:
    comment: Comment | None  # None when silently dropped (honeypot, too fast, duplicate)
    published: bool = False


def comment_submit(
    *,
    article,
    author_name: str,
    body: str,
    author_email: str = "",
    ip_address: str | None = None,
    user_agent: str = "",
    submission_token: uuid.UUID | None = None,
    honeypot: str = "",
    started_at: float | None = None,
) -> SubmitResult:
    """Run a new comment through the rules pipeline, in order, and store it."""
    if not moderation.comments_open(article):
        raise moderation.CommentsClosed()
    min_fill = settings.COMMENTS_MIN_FILL_SECONDS
    if honeypot.strip() or (
        min_fill > 0 and (started_at is None or time.time() - started_at < min_fill)
    ):
        # No address in the line: the request's line carries it where LOG_CLIENT_IP allows.
        logger.info("Comment silently dropped (honeypot or fill time)")
        return SubmitResult(comment=None)
    moderation.flood_check(ip_address=ip_address, email=author_email)
    if moderation.is_repost(article=article, body=body, ip_address=ip_address, email=author_email):
        # The same sender's text again: keep nothing new, and answer as for any new comment
        # awaiting moderation. "Already posted" would tell anyone that a pending or rejected
        # comment with this text exists. Another reader's identical "Agreed." is stored.
        logger.info("Duplicate comment not stored")
        return SubmitResult(comment=None)

    body_html = sanitize_comment(body)
    link_count = len(LINK.findall(body_html))
    status, reason = moderation.classify(body, link_count, author_email)
    comment = Comment(
        article=article,
        author_name=one_line(author_name),
        author_email=author_email.strip(),
        body=body,
        body_html=body_html,
        link_count=link_count,
        status=status,
        held_reason=reason,
        ip_address=ip_address,
        user_agent=user_agent[:300],
        submission_token=submission_token or uuid.uuid4(),
    )
    comment.full_clean(exclude=["submission_token"])
    try:
        with transaction.atomic():
            comment.save()
    except IntegrityError:
        # The same form posted twice: the first one stands.
        existing = Comment.objects.get(submission_token=comment.submission_token)
        return SubmitResult(comment=existing, published=existing.status == Comment.Status.APPROVED)
    if status == Comment.Status.PENDING:
        transaction.on_commit(selectors.forget_pending_count)
        tasks.send_moderator_email.enqueue_on_commit(comment.pk)
    elif status == Comment.Status.APPROVED:
        purge_page(article)  # the reader is sent back to the story: show the new comment
    return SubmitResult(comment=comment, published=status == Comment.Status.APPROVED)


def _transition(*, comment: Comment, to_status: str, moderator, reason: str = "") -> bool:
    """Move a comment to a new status once: concurrent identical requests make one change."""
    with transaction.atomic():
        current = Comment.objects.filter(pk=comment.pk).values_list("status", flat=True).first()
        if current is None or current == to_status:
            return False
        now = timezone.now()
        changed = Comment.objects.filter(pk=comment.pk, status=current).update(
            status=to_status,
            moderated_by=moderator,
            moderated_at=now,
            moderation_reason=reason[:255],
        )
        if not changed:
            return False
        comment.status, comment.moderated_by, comment.moderated_at = to_status, moderator, now
        comment.moderation_reason = reason[:255]
        log(
            instance=comment,
            action=f"comments.{to_status}",
            user=moderator,
            data={"from": current, "to": to_status, "reason": reason},
        )
        transaction.on_commit(selectors.forget_pending_count)
        if to_status == Comment.Status.APPROVED:
            tasks.send_author_approved_email.enqueue_on_commit(comment.pk)
        if Comment.Status.APPROVED in (current, to_status):
            # The story and its listings (comment counts) change; purged after commit.
            purge_page(comment.article)
    return True


def comment_approve(*, comment: Comment, moderator, reason: str = "") -> bool:
    return _transition(
        comment=comment, to_status=Comment.Status.APPROVED, moderator=moderator, reason=reason
    )


def comment_reject(*, comment: Comment, moderator, reason: str = "") -> bool:
    return _transition(
        comment=comment, to_status=Comment.Status.REJECTED, moderator=moderator, reason=reason
    )


def comment_mark_spam(*, comment: Comment, moderator, reason: str = "") -> bool:
    return _transition(
        comment=comment, to_status=Comment.Status.SPAM, moderator=moderator, reason=reason
    )
