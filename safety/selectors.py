"""Reads the comment pipeline and the admin share: bans, confirmation, trust, reasons, the score."""

from __future__ import annotations

from datetime import timedelta

from django.conf import settings
from django.core.cache import caches
from django.db.models import Count, Q
from django.utils import timezone

from comments.models import Comment

from .identity import email_domain, email_hash, normalize_email
from .models import Ban, ConfirmedEmail, RejectionReason, SpamClassifier, ip_key


def active_bans():
    now = timezone.now()
    return Ban.objects.filter(lifted_at__isnull=True).filter(
        Q(expires_at__isnull=True) | Q(expires_at__gt=now)
    )


def is_banned(*, email: str = "", ip: str | None = None) -> Ban | None:
    """The active ban matching this address, its domain or this IP (or a network holding it).

    One query whatever the number of bans: email and domain are equality lookups, an IP is a
    range test on the network's first and last address (indexed).
    """
    match = Q(pk__in=[])
    email = normalize_email(email)
    if email:
        match |= Q(kind=Ban.Kind.EMAIL, value=email)
        domain = email_domain(email)
        if domain:
            # A ban on example.org also covers mail.example.org.
            parts = domain.split(".")
            domains = [".".join(parts[i:]) for i in range(len(parts) - 1)]
            match |= Q(kind=Ban.Kind.DOMAIN, value__in=domains)
    if ip:
        try:
            key = ip_key(ip)
        except ValueError:
            key = None
        if key:
            match |= Q(kind=Ban.Kind.IP, range_start__lte=key, range_end__gte=key)
    if not (email or ip):
        return None
    return active_bans().filter(match).order_by("-created_at", "-pk").first()


def is_confirmed(email: str) -> bool:
    email = normalize_email(email)
    return bool(email) and ConfirmedEmail.objects.filter(email_hash=email_hash(email)).exists()


def needs_confirmation(email: str) -> bool:
    """Whether a comment from this address must wait for its author to confirm it.

    Only when SAFETY_CONFIRM_EMAILS is on and the address has never been confirmed. A comment
    without an address cannot be confirmed: it goes to the queue as before (and its author
    can never be trusted for auto-approval).
    """
    if not settings.SAFETY_CONFIRM_EMAILS or not normalize_email(email):
        return False
    return not is_confirmed(email)


def is_trusted_commenter(email: str) -> bool:
    """A confirmed address with at least SAFETY_TRUST_MIN_APPROVED approved comments and no
    spam in the last SAFETY_TRUST_SPAM_DAYS days. Never an address a reader merely typed."""
    email = normalize_email(email)
    if not email or not is_confirmed(email):
        return False
    since = timezone.now() - timedelta(days=settings.SAFETY_TRUST_SPAM_DAYS)
    history = Comment.objects.filter(author_email__iexact=email).aggregate(
        approved=Count("pk", filter=Q(status=Comment.Status.APPROVED)),
        recent_spam=Count("pk", filter=Q(status=Comment.Status.SPAM, created_at__gte=since)),
    )
    return history["approved"] >= settings.SAFETY_TRUST_MIN_APPROVED and not history["recent_spam"]


def rejection_reasons():
    return RejectionReason.objects.filter(active=True)


DECISION_COUNTS_KEY = "safety:decision-counts"
DECISION_COUNTS_SECONDS = 300


def decision_counts() -> dict[str, int]:
    """How many comments moderators approved and marked as spam: what the score learns from
    (services.training_data; rule-made decisions are left out). It counts the whole comments
    table (159 ms at 300,000 comments), so it is kept five minutes."""
    cache = caches["default"]
    counts = cache.get(DECISION_COUNTS_KEY)
    if counts is None:
        counts = Comment.objects.filter(moderated_at__isnull=False).aggregate(
            approved=Count("pk", filter=Q(status=Comment.Status.APPROVED)),
            spam=Count("pk", filter=Q(status=Comment.Status.SPAM)),
        )
        cache.set(DECISION_COUNTS_KEY, counts, DECISION_COUNTS_SECONDS)
    return counts


def latest_classifier() -> SpamClassifier | None:
    return SpamClassifier.objects.defer("weights", "params").order_by("-pk").first()


def commenter_comments(email: str):
    return Comment.objects.filter(author_email__iexact=normalize_email(email)).select_related(
        "article"
    )
