"""The comment rules (what django-contrib-comments gives its CommentModerator): whether a story
takes comments, the flood limit, re-posts, the spam rules that classify a new comment, and the
rules for reader reports (who a reporter is, how many reports an address may send, when
reports send a comment back to the moderators)."""

from __future__ import annotations

import logging
from dataclasses import dataclass
from datetime import timedelta

from django.conf import settings
from django.core.cache import caches
from django.db.models import Q
from django.utils import timezone
from django.utils.crypto import salted_hmac
from django.utils.translation import gettext

from pagecache import versioned

from .models import Comment, CommentReport, CommentSettings
from .sanitizer import JOINERS, is_invisible_control

logger = logging.getLogger(__name__)


class CommentRefused(Exception):
    """A comment the rules refuse; the message is shown to the reader, the form kept."""

    def __init__(self, message: str, *, status: int = 400):
        super().__init__(message)
        self.message = message
        self.status = status


class CommentsClosed(CommentRefused):
    def __init__(self):
        super().__init__(gettext("Comments are closed on this story."), status=403)


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


def flood_check(*, ip_address: str | None, email: str) -> None:
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


@dataclass(frozen=True)
class Classification:
    status: str
    reason: str = ""
    rule: str = ""


def classify(body: str, link_count: int, *, trusted: bool = False) -> Classification:
    """The rules' first status for a new comment, why, and which rule decided it.

    `trusted` comes from the apps above (safety): a confirmed address with enough approved
    comments and no recent spam. Only such a commenter is auto-approved, when the rules say
    so; an address a reader merely typed never is.
    """
    rules = CommentSettings.load()
    lowered = body.lower()
    for word in rules.disallowed_list:
        if word in lowered:
            return Classification(
                Comment.Status.SPAM,
                f"Contains a disallowed word: {word!r}",
                Comment.Rule.DISALLOWED,
            )
    if link_count >= 2:
        return Classification(
            Comment.Status.PENDING, f"Held: {link_count} links", Comment.Rule.LINKS
        )
    for word in rules.moderation_list:
        if word in lowered:
            return Classification(
                Comment.Status.PENDING, f"Held: contains {word!r}", Comment.Rule.MODERATION_WORD
            )
    if any(
        is_invisible_control(char) for char in body if char not in JOINERS and char not in "\t\n"
    ):
        # Bidi overrides and zero-width characters can make text read other than it is; the
        # moderator is told, and such a comment is never published without them.
        return Classification(
            Comment.Status.PENDING,
            "Held: hidden text-direction or control characters",
            Comment.Rule.HIDDEN,
        )
    if rules.auto_approve_known_emails and trusted:
        return Classification(
            Comment.Status.APPROVED, "Auto-approved: trusted commenter", Comment.Rule.AUTO_APPROVED
        )
    return Classification(Comment.Status.PENDING)


def is_repost(*, article, body: str, ip_address: str | None, email: str) -> bool:
    sender = Q(ip_address=ip_address) if ip_address else Q(pk__in=[])
    if email.strip():
        sender |= Q(author_email__iexact=email.strip())
    return (
        Comment.objects.filter(sender, article=article, body=body)
        .exclude(status=Comment.Status.SPAM)
        .exists()
    )


def reporter_key(ip_address: str | None) -> str:
    """Who sent a report, as the moderators never need to see it: a keyed hash of the address
    (reports must count distinct readers; their addresses need not be stored)."""
    return salted_hmac("comments.reporter", ip_address or "", algorithm="sha256").hexdigest()


def report_rate_check(reporter: str) -> None:
    """At most COMMENTS_REPORT_RATE_LIMIT reports per address and window; more is refused
    before anything is stored, so a flood of reports changes nothing."""
    limit, window = settings.COMMENTS_REPORT_RATE_LIMIT, settings.COMMENTS_REPORT_RATE_SECONDS
    if limit <= 0:
        return
    message = gettext(
        "You have sent a lot of reports in a short time. Please try again later; the "
        "moderators have your earlier reports."
    )
    key = f"comments:reports:{reporter}"
    try:
        cache = caches[settings.COMMENTS_FLOOD_CACHE]
        cache.add(key, 0, timeout=window)
        sent = cache.incr(key)
    except Exception:  # the cache being down must not open the gate: the database counts
        logger.warning("Report rate cache unavailable; using the database", exc_info=True)
        since = timezone.now() - timedelta(seconds=window)
        sent = CommentReport.objects.filter(reporter=reporter, created_at__gte=since).count() + 1
    if sent > limit:
        raise CommentRefused(message, status=429)


def report_escalates(*, open_reports: int, reason: str) -> bool:
    """Whether the reports now send the comment back to the moderators."""
    return reason in CommentReport.SERIOUS or open_reports >= settings.COMMENTS_REPORT_THRESHOLD


def report_hides(reason: str) -> bool:
    return settings.COMMENTS_REPORT_HIDE_SERIOUS and reason in CommentReport.SERIOUS
