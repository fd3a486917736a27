"""A commenter's data rights: everything stored about an address (export), and its erasure.

Both are recorded as a DataRequest (who, when, what it touched; the address only as its keyed
hash) and in Wagtail's audit log. Used by `manage.py commenter_export` / `commenter_erase` and
by the admin's Commenter data page.
"""

from __future__ import annotations

from django.db import transaction
from django.utils import timezone
from wagtail.log_actions import log

from articles.models import ArticlePage
from comments.models import Comment
from pagecache import purge

from . import selectors
from .identity import email_hash, normalize_email
from .models import Assessment, Ban, ConfirmedEmail, DataRequest, EmailConfirmation

ERASED_NAME = "Removed at the commenter's request"


def _iso(value) -> str | None:
    return value.isoformat() if value else None


def _comment(comment: Comment, assessment: Assessment | None) -> dict:
    return {
        "id": comment.pk,
        "article": {"id": comment.article_id, "title": comment.article.title},
        "status": comment.status,
        "author_name": comment.author_name,
        "author_email": comment.author_email,
        "body": comment.body,
        "created_at": _iso(comment.created_at),
        "ip_address": comment.ip_address,
        "user_agent": comment.user_agent,
        "held_reason": comment.held_reason,
        "moderated_at": _iso(comment.moderated_at),
        "moderation_reason": comment.moderation_reason,
        "spam_score": assessment.score if assessment else None,
        "sent_to_spam_by": assessment.sent_to_spam_by if assessment else "",
    }


def commenter_data(email: str) -> dict:
    """Every comment and stored datum of this address, as JSON-ready data (5 queries)."""
    email = normalize_email(email)
    hashed = email_hash(email)
    comments = list(selectors.commenter_comments(email).order_by("created_at", "pk"))
    ids = [c.pk for c in comments]
    assessments = {a.comment_id: a for a in Assessment.objects.filter(comment_id__in=ids)}
    waiting = list(
        EmailConfirmation.objects.filter(comment_id__in=ids).values_list("comment_id", flat=True)
    )
    confirmed = ConfirmedEmail.objects.filter(email_hash=hashed).first()
    bans = Ban.objects.filter(kind=Ban.Kind.EMAIL, value=email).order_by("created_at")
    return {
        "email": email,
        "exported_at": _iso(timezone.now()),
        "comments": [_comment(c, assessments.get(c.pk)) for c in comments],
        "email_confirmed_at": _iso(confirmed.confirmed_at) if confirmed else None,
        "comments_awaiting_confirmation": waiting,
        "bans": [
            {
                "reason": ban.reason,
                "created_at": _iso(ban.created_at),
                "expires_at": _iso(ban.expires_at),
                "lifted_at": _iso(ban.lifted_at),
            }
            for ban in bans
        ],
    }


def _record(*, kind: str, email: str, user, via: str, summary: dict) -> DataRequest:
    request = DataRequest(
        kind=kind, email_hash=email_hash(email), performed_by=user, via=via, summary=summary
    )
    request.full_clean()
    request.save()
    log(instance=request, action=f"safety.commenter_{kind}", user=user, data=summary)
    return request


def commenter_export(*, email: str, user=None, via: str = "command") -> dict:
    """Everything stored about an address; the export itself is recorded and logged."""
    data = commenter_data(email)
    with transaction.atomic():
        _record(
            kind=DataRequest.Kind.EXPORT,
            email=email,
            user=user,
            via=via,
            summary={"comments": len(data["comments"])},
        )
    return data


def commenter_erase(
    *, email: str, user=None, via: str = "command", delete_published: bool = False
) -> dict:
    """Erase an address from every comment.

    Unpublished comments (pending, rejected, spam, waiting for confirmation) are deleted.
    Published ones lose the email, IP address and user agent, and their name becomes
    ERASED_NAME; with delete_published they are deleted too. The confirmation of the address
    is forgotten. Bans naming the address are kept: they are the site's record of abuse.
    """
    email = normalize_email(email)
    if not email:
        raise ValueError("An email address is needed.")
    comments = Comment.objects.filter(author_email__iexact=email)
    with transaction.atomic():
        published = comments.filter(status=Comment.Status.APPROVED)
        article_ids = set(published.values_list("article_id", flat=True))
        if delete_published:
            _, deleted = comments.delete()
            anonymised = 0
        else:
            _, deleted = comments.exclude(status=Comment.Status.APPROVED).delete()
            anonymised = published.update(
                author_name=ERASED_NAME, author_email="", ip_address=None, user_agent=""
            )
        forgotten, _ = ConfirmedEmail.objects.filter(email_hash=email_hash(email)).delete()
        summary = {
            "deleted": deleted.get("comments.Comment", 0),
            "anonymised": anonymised,
            "confirmation_forgotten": bool(forgotten),
            "delete_published": delete_published,
        }
        _record(kind=DataRequest.Kind.ERASE, email=email, user=user, via=via, summary=summary)
        if anonymised:
            # Names shown under stories changed without a save signal: purge those stories.
            for article in ArticlePage.objects.filter(pk__in=article_ids):
                purge.purge_page(article)
    return summary
