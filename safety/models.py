"""Trust and safety records: the trained spam score, confirmed addresses, bans, reasons,
what safety concluded about each comment, data-rights requests and spent proof-of-work."""

from __future__ import annotations

import ipaddress

from django.conf import settings
from django.core.exceptions import ValidationError
from django.core.validators import validate_email
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _


class SpamClassifier(models.Model):
    """One trained spam score, stored in the database so every app server loads the same one.

    The weights are a NumPy .npz archive read with allow_pickle=False: plain arrays, never
    executable objects, so a tampered row can give wrong scores but cannot run code.
    """

    trained_at = models.DateTimeField(default=timezone.now)
    ham_count = models.PositiveIntegerField(help_text="Approved comments it learned from.")
    spam_count = models.PositiveIntegerField(help_text="Spam comments it learned from.")
    params = models.JSONField(help_text="Vectorizer parameters.")
    weights = models.BinaryField(help_text="NumPy .npz: coef, intercept (no pickles).")
    precision = models.FloatField(null=True, blank=True, help_text="On a held-out quarter.")
    recall = models.FloatField(null=True, blank=True, help_text="On a held-out quarter.")

    class Meta:
        ordering = ["-pk"]
        verbose_name = "spam classifier"

    def __str__(self) -> str:
        return f"Spam score v{self.pk} ({self.trained_at:%Y-%m-%d})"

    @property
    def version(self) -> int:
        return self.pk


class ConfirmedEmail(models.Model):
    """An address that followed its confirmation link: only its keyed hash is kept."""

    email_hash = models.CharField(max_length=64, unique=True)
    confirmed_at = models.DateTimeField(default=timezone.now)

    def __str__(self) -> str:
        return f"confirmed address {self.email_hash[:12]}…"


class EmailConfirmation(models.Model):
    """A comment waiting for its author to confirm their address (one per comment)."""

    comment = models.OneToOneField(
        "comments.Comment", on_delete=models.CASCADE, related_name="email_confirmation"
    )
    email_hash = models.CharField(max_length=64, db_index=True)
    nonce = models.CharField(max_length=43, unique=True)
    created_at = models.DateTimeField(default=timezone.now, db_index=True)
    sent_at = models.DateTimeField(null=True, blank=True)

    def __str__(self) -> str:
        return f"confirmation for comment {self.comment_id}"


class Ban(models.Model):
    class Kind(models.TextChoices):
        EMAIL = "email", _("Email address")
        DOMAIN = "domain", _("Email domain")
        IP = "ip", _("IP address or network")

    kind = models.CharField(max_length=6, choices=Kind.choices)
    value = models.CharField(
        max_length=254,
        help_text=_(
            "An address (reader@example.org), a domain (example.org) or an IP address "
            "or network (203.0.113.7, 203.0.113.0/24, 2001:db8::/32)."
        ),
    )
    # IP bans only: the network's first and last address as 32 hex digits (IPv4 as
    # IPv4-mapped IPv6), so "is this address banned" is a range test in any database.
    range_start = models.CharField(max_length=32, blank=True, editable=False)
    range_end = models.CharField(max_length=32, blank=True, editable=False)
    reason = models.TextField(help_text=_("Why; moderators see it, the commenter never does."))
    expires_at = models.DateTimeField(null=True, blank=True, help_text=_("Empty: until lifted."))
    created_at = models.DateTimeField(default=timezone.now, editable=False)
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        editable=False,
    )
    lifted_at = models.DateTimeField(null=True, blank=True, editable=False)
    lifted_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        editable=False,
    )

    class Meta:
        ordering = ["-created_at", "-pk"]
        indexes = [
            models.Index(fields=["kind", "value"], name="safety_ban_kind_value"),
            models.Index(fields=["range_start", "range_end"], name="safety_ban_range"),
        ]

    def __str__(self) -> str:
        return f"{self.get_kind_display()}: {self.value}"

    @property
    def is_active(self) -> bool:
        return self.lifted_at is None and (
            self.expires_at is None or self.expires_at > timezone.now()
        )

    def clean(self) -> None:
        value = (self.value or "").strip()
        if self.kind == self.Kind.EMAIL:
            value = value.lower()
            try:
                validate_email(value)
            except ValidationError as exc:
                raise ValidationError({"value": _("Enter a whole email address.")}) from exc
        elif self.kind == self.Kind.DOMAIN:
            value = value.lower().lstrip("@").rstrip(".")
            if not value or "@" in value or "." not in value or " " in value:
                raise ValidationError({"value": _("Enter a domain such as example.org.")})
        elif self.kind == self.Kind.IP:
            try:
                network = ipaddress.ip_network(value, strict=False)
            except ValueError as exc:
                raise ValidationError(
                    {"value": _("Enter an IP address or a network such as 203.0.113.0/24.")}
                ) from exc
            value = str(network) if network.num_addresses > 1 else str(network.network_address)
            self.range_start = ip_key(network.network_address)
            self.range_end = ip_key(network.broadcast_address)
        if self.kind != self.Kind.IP:
            self.range_start = self.range_end = ""
        self.value = value


def ip_key(address: ipaddress.IPv4Address | ipaddress.IPv6Address | str) -> str:
    """An address as 32 lowercase hex digits; IPv4 as its IPv4-mapped IPv6 form (::ffff:a.b.c.d)."""
    address = ipaddress.ip_address(address)
    if isinstance(address, ipaddress.IPv4Address):
        address = ipaddress.IPv6Address(f"::ffff:{address}")
    elif address.ipv4_mapped:
        address = ipaddress.IPv6Address(f"::ffff:{address.ipv4_mapped}")
    return f"{int(address):032x}"


class RejectionReason(models.Model):
    """A reason moderators give for rejecting a comment, with its wording for the reader."""

    slug = models.SlugField(max_length=40, unique=True)
    label = models.CharField(max_length=80, help_text=_("What moderators pick from."))
    reader_text_en = models.TextField("reader text (English)")
    reader_text_es = models.TextField("reader text (Spanish)", blank=True)
    reader_text_ar = models.TextField("reader text (Arabic)", blank=True)
    needs_detail = models.BooleanField(
        default=False, help_text=_("Ask the moderator for a few words (as for “Other”).")
    )
    sort_order = models.PositiveSmallIntegerField(default=0)
    active = models.BooleanField(default=True)

    class Meta:
        ordering = ["sort_order", "pk"]

    def __str__(self) -> str:
        return self.label

    def reader_text(self, language: str) -> str:
        text = getattr(self, f"reader_text_{language[:2]}", "") if language else ""
        return text or self.reader_text_en


class Assessment(models.Model):
    """What safety concluded about one comment at submission (written by the comment pipeline).

    Kept beside the comment, not on it, so the score, the ban that matched and what sent the
    comment to Spam can be counted (dashboard) and shown (queue) without touching comments.
    """

    class Decider(models.TextChoices):
        NONE = "", "—"
        SCORE = "score", "Spam score"
        BAN = "ban", "Ban"

    comment = models.OneToOneField(
        "comments.Comment", on_delete=models.CASCADE, related_name="safety_assessment"
    )
    score = models.FloatField(null=True, blank=True, db_index=True)
    classifier = models.ForeignKey(
        SpamClassifier, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    ban = models.ForeignKey(Ban, null=True, blank=True, on_delete=models.SET_NULL, related_name="+")
    sent_to_spam_by = models.CharField(max_length=5, choices=Decider.choices, blank=True)
    created_at = models.DateTimeField(default=timezone.now)

    def __str__(self) -> str:
        return f"assessment of comment {self.comment_id}"


class DataRequest(models.Model):
    """A commenter's export or erasure, carried out: who did it and what it touched.

    The address itself is not kept (only its keyed hash), or erasing it would leave a copy.
    """

    class Kind(models.TextChoices):
        EXPORT = "export", "Export"
        ERASE = "erase", "Erase"

    kind = models.CharField(max_length=6, choices=Kind.choices)
    email_hash = models.CharField(max_length=64, db_index=True)
    performed_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    performed_at = models.DateTimeField(default=timezone.now)
    via = models.CharField(max_length=10, default="command")
    summary = models.JSONField(default=dict, blank=True)

    class Meta:
        ordering = ["-performed_at"]
        permissions = [
            ("manage_commenter_data", "Can export and erase a commenter's data"),
        ]

    def __str__(self) -> str:
        return (
            f"{self.get_kind_display()} of {self.email_hash[:12]}… ({self.performed_at:%Y-%m-%d})"
        )


class SpentPowChallenge(models.Model):
    """A proof-of-work challenge already used: the unique key makes replay lose the race."""

    challenge = models.CharField(max_length=128, unique=True)
    expires_at = models.DateTimeField(db_index=True)

    def __str__(self) -> str:
        return self.challenge[:16]
