"""Writes with rules: submitting a comment or reply through the rules pipeline, moderating it
(status, editors' picks, edits), reader reports and the moderators' decisions on them, and
readers leaving the notification emails.

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
from django.db.models import Count
from django.utils import timezone
from django.utils.translation import get_language, gettext
from wagtail.log_actions import log

from pagecache.purge import purge_page

from . import hooks, moderation, selectors, tasks
from .models import Comment, CommentReport
from .moderation import CommentRefused, CommentsClosed  # noqa: F401  (part of the services API)
from .sanitizer import one_line, sanitize_comment
from .signals import comment_moderated

logger = logging.getLogger(__name__)

LINK = re.compile(r"<a\s", re.IGNORECASE)


class ReplyTargetGone(CommentRefused):
    """The comment a reader answered is no longer shown; their text is kept."""

    def __init__(self):
        super().__init__(
            gettext(
                "The comment you replied to is no longer shown, so your reply was not posted. "
                "Your text has been kept: you can post it as a new comment."
            )
        )


@dataclass(frozen=True)
class SubmitResult:
    comment: Comment | None  # None when silently dropped (honeypot, too fast, duplicate)
    published: bool = False
    awaiting_confirmation: bool = False  # the reader is asked to follow the emailed link


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
    reply_to: Comment | None = None,
    notify: bool = False,
    language: str = "",
) -> SubmitResult:
    """Run a new comment or reply through the rules pipeline, in order, and store it."""
    if not moderation.comments_open(article):
        raise moderation.CommentsClosed()
    min_fill = settings.COMMENTS_MIN_FILL_SECONDS
    if honeypot.strip() or (
        min_fill > 0 and (started_at is None or time.time() - started_at < min_fill)
    ):
        # No address in the line: the request's line carries it where LOG_CLIENT_IP allows.
        logger.info("Comment silently dropped (honeypot or fill time)")
        return SubmitResult(comment=None)
    if reply_to is not None and (
        reply_to.article_id != article.pk
        or not Comment.objects.visible().filter(pk=reply_to.pk).exists()
    ):
        raise ReplyTargetGone()
    moderation.flood_check(ip_address=ip_address, email=author_email)
    if moderation.is_repost(article=article, body=body, ip_address=ip_address, email=author_email):
        # The same sender's text again: keep nothing new, and answer as for any new comment
        # awaiting moderation. "Already posted" would tell anyone that a pending or rejected
        # comment with this text exists. Another reader's identical "Agreed." is stored.
        logger.info("Duplicate comment not stored, from %s", ip_address)
        return SubmitResult(comment=None)

    body_html = sanitize_comment(body)
    link_count = len(LINK.findall(body_html))
    language = (language or get_language() or settings.LANGUAGE_CODE)[:10]
    verdict = hooks.assess(
        author_name=author_name, author_email=author_email, body=body, ip_address=ip_address
    )
    if verdict.spam_reason:
        # A ban or the spam score: the reader is answered as for any comment awaiting
        # moderation (no oracle); the moderators see why in the Spam tab.
        found = moderation.Classification(
            Comment.Status.SPAM, verdict.spam_reason[:200], verdict.rule
        )
    else:
        found = moderation.classify(body, link_count, trusted=verdict.trusted)
    status = found.status
    if verdict.hold_for_confirmation and status in (
        Comment.Status.PENDING,
        Comment.Status.APPROVED,
    ):
        status = Comment.Status.UNCONFIRMED  # out of the queue until the email link is used
    comment = Comment(
        article=article,
        author_name=one_line(author_name),
        author_email=author_email.strip(),
        body=body,
        body_html=body_html,
        link_count=link_count,
        status=status,
        held_reason=found.reason,
        rule=found.rule,
        ip_address=ip_address,
        user_agent=user_agent[:300],
        submission_token=submission_token or uuid.uuid4(),
        # A reply to a reply joins the same thread: replies nest one level.
        parent_id=(reply_to.parent_id if reply_to.is_reply else reply_to.pk) if reply_to else None,
        reply_to=reply_to,
        is_reply=reply_to is not None,
        notify=notify and bool(author_email.strip()),
        language=language,
    )
    comment.full_clean(exclude=["submission_token", "parent", "reply_to"])
    try:
        with transaction.atomic():
            comment.save()
            # Safety records its verdict and, for a first-time address, the confirmation
            # link (sent even when the comment went to Spam: whether a link arrives must not
            # tell a banned sender they are banned).
            hooks.after_submit(comment=comment, verdict=verdict, language=language)
    except IntegrityError:
        # The same form posted twice: the first one stands.
        existing = Comment.objects.get(submission_token=comment.submission_token)
        return SubmitResult(
            comment=existing,
            published=existing.status == Comment.Status.APPROVED,
            awaiting_confirmation=verdict.hold_for_confirmation,
        )
    if status == Comment.Status.PENDING:
        transaction.on_commit(selectors.forget_pending_count)
        tasks.send_moderator_email.enqueue_on_commit(comment.pk)
    elif status == Comment.Status.APPROVED:
        purge_page(article)  # the reader is sent back to the story: show the new comment
        if comment.is_reply:
            tasks.send_reply_email.enqueue_on_commit(comment.pk)
    return SubmitResult(
        comment=comment,
        published=status == Comment.Status.APPROVED,
        awaiting_confirmation=verdict.hold_for_confirmation,
    )


def comment_release(*, comment: Comment) -> bool:
    """Its author confirmed their address: the comment enters the moderation queue (once).

    Called by the app that checks the link (safety), inside its transaction."""
    released = Comment.objects.filter(pk=comment.pk, status=Comment.Status.UNCONFIRMED).update(
        status=Comment.Status.PENDING
    )
    if not released:
        return False  # already released, decided by a moderator, or deleted
    comment.status = Comment.Status.PENDING
    transaction.on_commit(selectors.forget_pending_count)
    tasks.send_moderator_email.enqueue_on_commit(comment.pk)
    return True


def _transition(
    *, comment: Comment, to_status: str, moderator, reason: str = "", reason_code: str = ""
) -> bool:
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
            moderation_reason_code=reason_code[:40],
        )
        if not changed:
            return False
        comment.status, comment.moderated_by, comment.moderated_at = to_status, moderator, now
        comment.moderation_reason, comment.moderation_reason_code = reason[:255], reason_code[:40]
        log(
            instance=comment,
            action=f"comments.{to_status}",
            user=moderator,
            data={"from": current, "to": to_status, "reason": reason, "reason_code": reason_code},
        )
        transaction.on_commit(
            lambda: comment_moderated.send(
                sender=Comment,
                comment=comment,
                from_status=current,
                to_status=to_status,
                moderator=moderator,
                reason=reason,
                reason_code=reason_code,
            )
        )
        transaction.on_commit(selectors.forget_pending_count)
        if to_status == Comment.Status.APPROVED:
            # Emails only to readers who asked, only once the approval is committed.
            tasks.send_author_approved_email.enqueue_on_commit(comment.pk)
            if comment.is_reply:
                tasks.send_reply_email.enqueue_on_commit(comment.pk)
        if Comment.Status.APPROVED in (current, to_status):
            # The story and its listings (comment counts) change; purged after commit.
            purge_page(comment.article)
    return True


def comment_approve(
    *, comment: Comment, moderator, reason: str = "", reason_code: str = ""
) -> bool:
    return _transition(
        comment=comment,
        to_status=Comment.Status.APPROVED,
        moderator=moderator,
        reason=reason,
        reason_code=reason_code,
    )


def comment_reject(*, comment: Comment, moderator, reason: str = "", reason_code: str = "") -> bool:
    """Reject a comment, with the reason the moderator chose (a listed reason's code, and
    the words shown to moderators); when the reader asked for emails, the apps above send
    them a statement of the decision and its reason (comment_moderated)."""
    return _transition(
        comment=comment,
        to_status=Comment.Status.REJECTED,
        moderator=moderator,
        reason=reason,
        reason_code=reason_code,
    )


def comment_mark_spam(
    *, comment: Comment, moderator, reason: str = "", reason_code: str = ""
) -> bool:
    return _transition(
        comment=comment,
        to_status=Comment.Status.SPAM,
        moderator=moderator,
        reason=reason,
        reason_code=reason_code,
    )


def comment_pick(*, comment: Comment, moderator, picked: bool = True, reason: str = "") -> bool:
    """Mark (or unmark) an approved comment as an editors' pick, once, logged and purged."""
    with transaction.atomic():
        changing = Comment.objects.filter(pk=comment.pk, is_pick=not picked)
        if picked:
            changing = changing.filter(status=Comment.Status.APPROVED)
        if not changing.update(is_pick=picked):
            return False
        comment.is_pick = picked
        log(
            instance=comment,
            action="comments.picked" if picked else "comments.unpicked",
            user=moderator,
            data={"reason": reason},
        )
        purge_page(comment.article)
    return True


def comment_edit(*, comment: Comment, moderator, body: str, reason: str = "") -> bool:
    """Replace a comment's text (to remove personal data, say), sanitized as a reader's is.
    The audit trail records who, when and why, never the text removed."""
    body = body.replace("\r\n", "\n").replace("\r", "\n").strip()
    if not body:
        raise CommentRefused("The edited text is empty: reject the comment instead.")
    if len(body) > settings.COMMENTS_MAX_LENGTH:
        raise CommentRefused(f"Comments can be at most {settings.COMMENTS_MAX_LENGTH} characters.")
    body_html = sanitize_comment(body)
    with transaction.atomic():
        before = Comment.objects.select_for_update().filter(pk=comment.pk).first()
        if before is None:
            return False
        if before.body == body:
            return False
        now = timezone.now()
        Comment.objects.filter(pk=comment.pk).update(
            body=body,
            body_html=body_html,
            link_count=len(LINK.findall(body_html)),
            edited_at=now,
        )
        comment.body, comment.body_html, comment.edited_at = body, body_html, now
        log(
            instance=comment,
            action="comments.edited",
            user=moderator,
            data={"reason": reason, "characters": {"before": len(before.body), "after": len(body)}},
        )
        if before.status == Comment.Status.APPROVED:
            purge_page(comment.article)
    return True


# -- Reader reports ---------------------------------------------------------------------------


@dataclass(frozen=True)
class ReportResult:
    counted: bool  # False when this reader had already reported the comment (counted once)
    escalated: bool = False  # the comment went back to the moderators now
    hidden: bool = False  # and was hidden until they decide


def report_submit(
    *, comment: Comment, reason: str, details: str = "", ip_address: str | None
) -> ReportResult:
    """Record a reader's report: once per reader, within the address's rate limit. Enough
    distinct readers, or one for personal data or illegal content, send the comment back to
    the moderators (and, for those two, hide it if COMMENTS_REPORT_HIDE_SERIOUS)."""
    reporter = moderation.reporter_key(ip_address)
    moderation.report_rate_check(reporter)
    report = CommentReport(
        comment=comment, reason=reason, details=one_line(details)[:300], reporter=reporter
    )
    report.full_clean(validate_constraints=False)  # the database decides the race below
    try:
        with transaction.atomic():
            report.save()
    except IntegrityError:  # this reader's open report on it is already counted
        return ReportResult(counted=False)
    open_reports = selectors.open_report_count(comment.pk)
    if not moderation.report_escalates(open_reports=open_reports, reason=reason):
        return ReportResult(counted=True)
    hide = moderation.report_hides(reason)
    with transaction.atomic():
        now = timezone.now()
        escalated = bool(
            Comment.objects.filter(pk=comment.pk, reported_at__isnull=True).update(reported_at=now)
        )
        hidden = hide and bool(
            Comment.objects.filter(pk=comment.pk, hidden=False).update(hidden=True)
        )
        if escalated or hidden:
            transaction.on_commit(selectors.forget_pending_count)
        if escalated:
            tasks.send_reported_email.enqueue_on_commit(comment.pk)
        if hidden:
            log(
                instance=comment,
                action="comments.hidden",
                user=None,
                data={"reason": CommentReport.Reason(reason).label, "reports": open_reports},
            )
            if comment.status == Comment.Status.APPROVED:
                purge_page(comment.article)
    return ReportResult(counted=True, escalated=escalated, hidden=hidden)


def report_decide(
    *,
    comment: Comment,
    moderator,
    decision: str,
    reason: str = "",
    body: str = "",
    reason_code: str = "",
) -> bool:
    """The moderator's decision on a comment's open reports: keep it (shown again if hidden),
    reject it, or edit its text (to remove personal data); it closes every open report on it
    and is logged once with the reason, however many moderators decide at the same moment."""
    if decision not in CommentReport.Decision.values:
        raise ValueError(decision)
    with transaction.atomic():
        locked = Comment.objects.select_for_update().filter(pk=comment.pk).first()
        if locked is None:
            return False
        reports = CommentReport.objects.filter(comment_id=comment.pk, closed_at__isnull=True)
        counts = dict(reports.order_by().values_list("reason").annotate(n=Count("pk")))
        if not counts:  # decided already (by another moderator a moment ago)
            return False
        if decision == CommentReport.Decision.EDIT:
            comment_edit(comment=locked, moderator=moderator, body=body, reason=reason)
        reports.update(closed_at=timezone.now(), decision=decision, decided_by=moderator)
        was_hidden = locked.hidden
        Comment.objects.filter(pk=comment.pk).update(reported_at=None, hidden=False)
        comment.reported_at, comment.hidden = None, False
        log(
            instance=locked,
            action=f"comments.report_{decision}",
            user=moderator,
            data={"reason": reason, "reason_code": reason_code, "reports": counts},
        )
        transaction.on_commit(selectors.forget_pending_count)
        if decision == CommentReport.Decision.REJECT:
            comment_reject(  # purges
                comment=locked, moderator=moderator, reason=reason, reason_code=reason_code
            )
        elif was_hidden and locked.status == Comment.Status.APPROVED:
            purge_page(locked.article)  # shown again
    return True


def notifications_stop(*, email: str) -> int:
    """The reader's one-click unsubscribe: no more emails about any of their comments."""
    email = email.strip()
    if not email:
        return 0
    return Comment.objects.filter(author_email__iexact=email, notify=True).update(notify=False)
