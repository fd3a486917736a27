"""Writes with rules: submitting a comment through the spam pipeline, and moderating it."""

from __future__ import annotations

import json
import logging
import re
import time
import uuid
from dataclasses import dataclass
from datetime import timedelta

from django.conf import settings
from django.contrib.auth.models import Group
from django.core.cache import caches
from django.core.mail import send_mail
from django.db import IntegrityError, transaction
from django.db.models import Q
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext
from wagtail.log_actions import log

from core.http import client_ip  # noqa: F401  (re-exported: comments.services.client_ip)
from pagecache import versioned
from pagecache.purge import purge_page

from .models import Comment, CommentSettings
from .sanitizer import one_line, quoted_lines, sanitize_comment

logger = logging.getLogger(__name__)

MODERATORS_GROUP = "Comment moderators"
LINK = re.compile(r"<a\s", re.IGNORECASE)


class CommentRefused(Exception):
    """A comment the rules refuse; the message is shown to the reader, the form kept."""

    def __init__(self, message: str, *, status: int = 400):
        super().__init__(message)
        self.message = message
        self.status = status


class CommentsClosed(CommentRefused):
    def __init__(self):
        super().__init__(gettext("Comments are closed on this story."), status=403)


@dataclass(frozen=True)
class SubmitResult:
    comment: Comment | None  # None when silently dropped (honeypot, too fast, duplicate)
    published: bool = False


# The admin's "Comments (N pending)" badge keeps its count briefly (comments.admin_views).
PENDING_COUNT_KEY = "comments:admin:pending-count"


def forget_pending_count() -> None:
    caches["default"].delete(PENDING_COUNT_KEY)


def comments_open(article) -> bool:
    if not article.comments_open or not article.live:
        return False
    days = versioned.cached(
        "comment-close-after-days", lambda: CommentSettings.load().close_after_days
    )
    published = article.publication_date or article.first_published_at
    if days and published and timezone.now() > published + timedelta(days=days):
        return False
    return True


def _flood_check(*, ip_address: str | None, email: str) -> None:
    window = settings.COMMENTS_FLOOD_SECONDS
    if window <= 0:
        return
    message = gettext(
        "You’re commenting too quickly. Please wait %(seconds)d seconds between comments; "
        "your comment has been kept below."
    ) % {"seconds": window}
    since = timezone.now() - timedelta(seconds=window)
    keys = []
    if ip_address:
        keys.append(f"comments:flood:ip:{ip_address}")
    if email:
        keys.append(f"comments:flood:email:{email.lower()}")
    for key in keys:
        # cache.add is atomic (also in Redis): of concurrent posters, one claims the window.
        # The "comments" alias raises when Redis is down (the page cache's alias swallows
        # errors and would answer None, which reads as "already claimed").
        try:
            claimed = caches[settings.COMMENTS_FLOOD_CACHE].add(key, 1, timeout=window)
        except Exception:  # the cache being down must not let a flood through
            logger.warning("Comment flood cache unavailable; using the database", exc_info=True)
            claimed = True
        if not claimed:
            raise CommentRefused(message, status=429)
    # The database remembers across processes that do not share a cache.
    recent = Comment.objects.filter(created_at__gte=since)
    if ip_address and recent.filter(ip_address=ip_address).exists():
        raise CommentRefused(message, status=429)
    if email and recent.filter(author_email__iexact=email).exists():
        raise CommentRefused(message, status=429)


def _classify(body: str, link_count: int, email: str) -> tuple[str, str]:
    rules = CommentSettings.load()
    lowered = body.lower()
    for word in rules.disallowed_list:
        if word in lowered:
            return Comment.Status.SPAM, f"Contains a disallowed word: {word!r}"
    if link_count >= 2:
        return Comment.Status.PENDING, f"Held: {link_count} links"
    for word in rules.moderation_list:
        if word in lowered:
            return Comment.Status.PENDING, f"Held: contains {word!r}"
    if (
        rules.auto_approve_known_emails
        and email
        and Comment.objects.approved().filter(author_email__iexact=email).exists()
    ):
        return Comment.Status.APPROVED, "Auto-approved: known commenter"
    return Comment.Status.PENDING, ""


def _is_repost(*, article, body: str, ip_address: str | None, email: str) -> bool:
    sender = Q(ip_address=ip_address) if ip_address else Q(pk__in=[])
    if email.strip():
        sender |= Q(author_email__iexact=email.strip())
    return (
        Comment.objects.filter(sender, article=article, body=body)
        .exclude(status=Comment.Status.SPAM)
        .exists()
    )


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
    if not comments_open(article):
        raise CommentsClosed()
    min_fill = settings.COMMENTS_MIN_FILL_SECONDS
    if honeypot.strip() or (
        min_fill > 0 and (started_at is None or time.time() - started_at < min_fill)
    ):
        logger.info("Comment silently dropped (honeypot or fill time) from %s", ip_address)
        return SubmitResult(comment=None)
    _flood_check(ip_address=ip_address, email=author_email)
    if _is_repost(article=article, body=body, ip_address=ip_address, email=author_email):
        # The same sender's text again: keep nothing new, and answer as for any new comment
        # awaiting moderation. "Already posted" would tell anyone that a pending or rejected
        # comment with this text exists. Another reader's identical "Agreed." is stored.
        logger.info("Duplicate comment not stored, from %s", ip_address)
        return SubmitResult(comment=None)

    body_html = sanitize_comment(body)
    link_count = len(LINK.findall(body_html))
    status, reason = _classify(body, link_count, author_email)
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
        transaction.on_commit(forget_pending_count)
        transaction.on_commit(lambda: notify_moderators(comment))
    elif status == Comment.Status.APPROVED:
        purge_page(article)  # the reader is sent back to the story: show the new comment
    return SubmitResult(comment=comment, published=status == Comment.Status.APPROVED)


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
        fail_silently=True,
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
        fail_silently=True,
    )


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
        transaction.on_commit(forget_pending_count)
        if to_status == Comment.Status.APPROVED:
            transaction.on_commit(lambda: notify_author_approved(comment))
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
