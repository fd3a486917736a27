"""Writes with rules: training the spam score, confirming addresses, bans, what safety concluded
about a comment, and retention. Data-rights writes are in safety.datarights."""

from __future__ import annotations

import logging
import secrets
from dataclasses import dataclass
from datetime import datetime, timedelta

from django.conf import settings
from django.db import transaction
from django.db.models import F, Q
from django.db.models.functions import Coalesce
from django.utils import timezone, translation
from wagtail.log_actions import log

from comments.models import Comment
from comments.services import comment_release

from . import classifier, confirmation
from .identity import email_hash
from .models import Assessment, Ban, ConfirmedEmail, EmailConfirmation, SpamClassifier

logger = logging.getLogger(__name__)

KEEP_CLASSIFIERS = 5


class NotEnoughDecisions(Exception):
    def __init__(self, ham: int, spam: int, needed: int):
        super().__init__(
            f"Not enough moderators' decisions to learn from: {ham} approved and {spam} spam "
            f"(at least {needed} of each are needed)."
        )
        self.ham, self.spam, self.needed = ham, spam, needed


@dataclass(frozen=True)
class TrainingData:
    texts: list[str]
    labels: list[int]
    ham: int
    spam: int


def training_data(*, max_per_class: int = 20_000) -> TrainingData:
    """Moderators' decisions: approved = not spam, spam = spam; rejections are left out.

    Only comments a person decided (moderated_at set): rule-made decisions would teach the
    score to repeat the rules. The newest max_per_class of each kind.
    """
    decided = Comment.objects.filter(moderated_at__isnull=False).order_by("-moderated_at")
    fields = ("author_name", "body")
    ham = list(decided.filter(status=Comment.Status.APPROVED).values_list(*fields)[:max_per_class])
    spam = list(decided.filter(status=Comment.Status.SPAM).values_list(*fields)[:max_per_class])
    texts = [classifier.comment_text(name=n, body=b) for n, b in ham + spam]
    return TrainingData(texts, [0] * len(ham) + [1] * len(spam), len(ham), len(spam))


def classifier_train(*, max_per_class: int = 20_000) -> SpamClassifier:
    """Learn a new version of the spam score and store it (older versions beyond 5 go)."""
    data = training_data(max_per_class=max_per_class)
    needed = classifier.min_per_class()
    if data.ham < needed or data.spam < needed:
        raise NotEnoughDecisions(data.ham, data.spam, needed)
    evaluation = classifier.evaluate(data.texts, data.labels)
    model = classifier.fit(data.texts, data.labels)
    row = SpamClassifier(
        ham_count=data.ham,
        spam_count=data.spam,
        params=model.params,
        weights=model.to_npz(),
        precision=evaluation.precision,
        recall=evaluation.recall,
    )
    row.full_clean()
    with transaction.atomic():
        row.save()
        stale = SpamClassifier.objects.order_by("-pk").values_list("pk", flat=True)[
            KEEP_CLASSIFIERS:
        ]
        SpamClassifier.objects.filter(pk__in=list(stale)).delete()
    classifier.forget_loaded()
    return row


def assessment_record(
    *,
    comment: Comment,
    score: float | None = None,
    classifier_version: int | None = None,
    ban: Ban | None = None,
    sent_to_spam_by: str = "",
) -> Assessment:
    """Store what safety concluded about a new comment (the pipeline calls this after saving)."""
    assessment = Assessment(
        comment=comment,
        score=score,
        classifier_id=classifier_version,
        ban=ban,
        sent_to_spam_by=sent_to_spam_by,
    )
    assessment.full_clean(exclude=["comment", "classifier", "ban"])
    assessment.save()
    return assessment


def email_confirmation_request(
    *, comment: Comment, language: str | None = None
) -> EmailConfirmation:
    """Hold a comment until its author confirms their address, and email them the link.

    The email is sent after the transaction commits, through confirmation.send_confirmation
    (which takes ids, so it can move to a background task unchanged).
    """
    waiting, _ = EmailConfirmation.objects.get_or_create(
        comment=comment,
        defaults={
            "email_hash": email_hash(comment.author_email),
            "nonce": secrets.token_urlsafe(32),
        },
    )
    language = language or translation.get_language() or settings.LANGUAGE_CODE
    transaction.on_commit(lambda: confirmation.send_confirmation(waiting.pk, language))
    return waiting


# The name the comment pipeline calls (issue 14).
request_confirmation = email_confirmation_request


def email_confirm(*, token: str) -> Comment:
    """Spend a confirmation link: the address is confirmed and its waiting comment enters the
    moderation queue (comments.services.comment_release).

    Raises confirmation.LinkExpired or LinkInvalid (also for a link already used: the waiting
    record is deleted by a conditional DELETE, so a replay, even a concurrent one, finds none).
    """
    data = confirmation.read_token(token)
    with transaction.atomic():
        waiting = (
            EmailConfirmation.objects.select_related("comment")
            .filter(pk=data["c"], nonce=data["n"])
            .first()
        )
        if waiting is None:
            raise confirmation.LinkInvalid()
        deleted, _ = EmailConfirmation.objects.filter(pk=waiting.pk, nonce=data["n"]).delete()
        if not deleted:
            raise confirmation.LinkInvalid()
        ConfirmedEmail.objects.get_or_create(email_hash=waiting.email_hash)
        comment = waiting.comment
        log(instance=comment, action="safety.email_confirmed", user=None)
        # Into the moderation queue (and the moderators' email), unless decided meanwhile.
        comment_release(comment=comment)
    return comment


def unconfirmed_discard(*, older_than: timedelta | None = None) -> int:
    """Delete comments whose author did not confirm their address in time. Returns how many."""
    older_than = older_than or timedelta(hours=settings.SAFETY_CONFIRM_HOURS)
    cutoff = timezone.now() - older_than
    ids = EmailConfirmation.objects.filter(created_at__lt=cutoff).values("comment_id")
    # Only comments still waiting: one a moderator decided meanwhile (a banned sender's, in
    # Spam) is kept for the retention rules; its stale link goes with the cleanup below.
    waiting = Comment.objects.filter(pk__in=ids, status=Comment.Status.UNCONFIRMED)
    deleted, by_model = waiting.delete()
    EmailConfirmation.objects.filter(created_at__lt=cutoff).delete()
    return by_model.get("comments.Comment", 0)


def default_ban_expiry() -> datetime | None:
    days = settings.SAFETY_BAN_DEFAULT_DAYS
    return timezone.now() + timedelta(days=days) if days > 0 else None


def ban_create(
    *,
    kind: str,
    value: str,
    reason: str,
    user,
    expires_at: datetime | None | str = "default",
) -> Ban:
    """Ban an address, a domain or an IP network; logged. Invalid input raises ValidationError."""
    ban = Ban(
        kind=kind,
        value=value,
        reason=reason,
        expires_at=default_ban_expiry() if expires_at == "default" else expires_at,
        created_by=user,
    )
    ban.full_clean()
    with transaction.atomic():
        ban.save()
        log(instance=ban, action="wagtail.create", user=user)
    return ban


def ban_lift(*, ban: Ban, user) -> bool:
    """Lift a ban now (kept, marked lifted, for the record); False if it was already lifted."""
    with transaction.atomic():
        now = timezone.now()
        changed = Ban.objects.filter(pk=ban.pk, lifted_at__isnull=True).update(
            lifted_at=now, lifted_by=user
        )
        if not changed:
            return False
        ban.lifted_at, ban.lifted_by = now, user
        log(instance=ban, action="safety.ban.lift", user=user)
    return True


def retention_purge(*, days: int | None = None) -> int:
    """Delete rejected and spam comments decided more than `days` days ago (default setting)."""
    days = settings.SAFETY_RETENTION_DAYS if days is None else days
    cutoff = timezone.now() - timedelta(days=days)
    old = (
        Comment.objects.filter(status__in=[Comment.Status.REJECTED, Comment.Status.SPAM])
        .annotate(decided_at=Coalesce(F("moderated_at"), F("created_at")))
        .filter(Q(decided_at__lt=cutoff))
    )
    _, by_model = Comment.objects.filter(pk__in=old.values("pk")).delete()
    return by_model.get("comments.Comment", 0)
