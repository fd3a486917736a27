"""Reader comments, their moderation state, and the editable comment rules."""

import uuid

from django.conf import settings
from django.db import models
from django.db.models import Q
from django.db.models.functions import Upper
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from wagtail.contrib.settings.models import BaseGenericSetting, register_setting


class CommentQuerySet(models.QuerySet):
    def approved(self):
        return self.filter(status=Comment.Status.APPROVED)

    def visible(self):
        """What readers see: approved, not hidden by reports, and a reply only under a visible
        comment (a reply whose parent was rejected, hidden or deleted is kept, not shown)."""
        return self.filter(status=Comment.Status.APPROVED, hidden=False).filter(
            Q(is_reply=False) | Q(parent__status=Comment.Status.APPROVED, parent__hidden=False)
        )

    def threads(self):
        """The visible comments that start a thread (replies hang under them)."""
        return self.filter(status=Comment.Status.APPROVED, hidden=False, is_reply=False)

    def reported(self):
        """Sent back to the moderators by reader reports, until they decide."""
        return self.filter(reported_at__isnull=False)

    def unconfirmed(self):
        return self.filter(status=Comment.Status.UNCONFIRMED)

    def in_moderation(self):
        return self.filter(status=Comment.Status.PENDING)

    def for_article(self, article):
        return self.filter(article=article)


class Comment(models.Model):
    class Status(models.TextChoices):
        PENDING = "pending", "Pending"
        APPROVED = "approved", "Approved"
        REJECTED = "rejected", "Rejected"
        SPAM = "spam", "Spam"
        # A first-time address's comment, out of the queue until its author follows the
        # emailed link (safety: "Confirm commenter emails"); discarded after a day if not.
        UNCONFIRMED = "unconfirmed", "Awaiting email confirmation"

    # What the rules (Comment.rule) recorded; the apps above may add codes of their own
    # (safety: "ban", "score").
    class Rule(models.TextChoices):
        NONE = "", "—"
        DISALLOWED = "disallowed", "Disallowed word"
        LINKS = "links", "Two or more links"
        MODERATION_WORD = "moderation_word", "Moderation word"
        HIDDEN = "hidden", "Hidden characters"
        AUTO_APPROVED = "auto_approved", "Auto-approved (trusted)"
        BAN = "ban", "Ban"
        SCORE = "score", "Spam score"

    article = models.ForeignKey(
        "articles.ArticlePage", on_delete=models.CASCADE, related_name="comments"
    )
    author_name = models.CharField("name", max_length=80)
    author_email = models.EmailField("email", blank=True, help_text="Never shown publicly.")
    body = models.TextField(help_text="Exactly as the reader submitted it.")
    body_html = models.TextField(editable=False, help_text="Sanitized HTML shown on the site.")
    link_count = models.PositiveSmallIntegerField(default=0, editable=False)
    status = models.CharField(
        max_length=12, choices=Status.choices, default=Status.PENDING, db_index=True
    )
    created_at = models.DateTimeField(default=timezone.now, db_index=True)
    ip_address = models.GenericIPAddressField("IP address", null=True, blank=True)
    user_agent = models.CharField(max_length=300, blank=True)
    submission_token = models.UUIDField(default=uuid.uuid4, unique=True, editable=False)
    held_reason = models.CharField(
        max_length=200, blank=True, help_text="Why the spam rules held or flagged it."
    )
    rule = models.CharField(
        max_length=20,
        choices=Rule.choices,
        blank=True,
        db_index=True,
        help_text="Which rule decided its first status (counted on the moderation dashboard).",
    )
    moderated_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    moderated_at = models.DateTimeField(null=True, blank=True)
    moderation_reason = models.CharField(max_length=255, blank=True)
    moderation_reason_code = models.CharField(
        max_length=40, blank=True, help_text="The listed reason chosen (a rejection reason's slug)."
    )
    # Replies nest one level: `parent` is the thread's first comment, `reply_to` the comment
    # answered (the parent or another reply in the thread). `is_reply` stays true when the
    # parent is deleted (SET_NULL), so such a reply is kept for the moderators but not shown.
    parent = models.ForeignKey(
        "self",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="replies",
        editable=False,
    )
    reply_to = models.ForeignKey(
        "self", null=True, blank=True, on_delete=models.SET_NULL, related_name="+", editable=False
    )
    is_reply = models.BooleanField(default=False, editable=False)
    is_pick = models.BooleanField(
        "editors' pick", default=False, help_text="Shown first, in the Editors' picks box."
    )
    hidden = models.BooleanField(
        default=False, help_text="Hidden by reader reports until a moderator decides."
    )
    reported_at = models.DateTimeField(
        null=True,
        blank=True,
        help_text="When reader reports sent it back to the moderators; cleared by their decision.",
    )
    edited_at = models.DateTimeField(
        null=True, blank=True, help_text="When a moderator last edited the text."
    )
    notify = models.BooleanField(
        default=False,
        help_text="The reader asked for an email when it is published or someone replies.",
    )
    language = models.CharField(
        max_length=10, blank=True, help_text="The reader's language, for the emails."
    )

    objects = CommentQuerySet.as_manager()

    class Meta:
        ordering = ["created_at", "pk"]
        permissions = [("moderate_comment", "Can approve, reject or mark comments as spam")]
        indexes = [
            models.Index(fields=["article", "status", "created_at"], name="comment_article_status"),
            models.Index(fields=["ip_address", "created_at"], name="comment_ip_created"),
            models.Index(fields=["author_email", "created_at"], name="comment_email_created"),
            # Addresses are compared case-insensitively (author_email__iexact: the flood limit,
            # re-posts, trust, data rights); PostgreSQL can only use an index on UPPER(email).
            models.Index(Upper("author_email"), name="comment_email_upper"),
            models.Index(
                fields=["reported_at"],
                name="comment_reported",
                condition=Q(reported_at__isnull=False),
            ),
        ]

    def __str__(self) -> str:
        excerpt = self.body[:40] + ("…" if len(self.body) > 40 else "")
        return f"{self.author_name}: {excerpt}"

    @property
    def has_links(self) -> bool:
        return self.link_count > 0


class CommentReport(models.Model):
    """A reader's report of a published comment. One open report per reader (their address,
    kept only as a keyed hash) and comment; a moderator's decision closes them all."""

    class Reason(models.TextChoices):
        SPAM = "spam", _("Spam")
        ABUSE = "abuse", _("Abuse or harassment")
        PERSONAL_DATA = "personal_data", _("Personal data")
        OFF_TOPIC = "off_topic", _("Off-topic")
        ILLEGAL = "illegal", _("Illegal content")
        OTHER = "other", _("Other")

    class Decision(models.TextChoices):
        KEEP = "keep", "Kept"
        REJECT = "reject", "Rejected"
        EDIT = "edit", "Edited"

    # One report for either of these sends the comment to the moderators (and may hide it).
    SERIOUS = frozenset({Reason.PERSONAL_DATA, Reason.ILLEGAL})

    comment = models.ForeignKey(Comment, on_delete=models.CASCADE, related_name="reports")
    reason = models.CharField(max_length=20, choices=Reason.choices)
    details = models.CharField(max_length=300, blank=True)
    reporter = models.CharField(
        max_length=64, help_text="A keyed hash of the reader's address, never the address."
    )
    created_at = models.DateTimeField(default=timezone.now)
    closed_at = models.DateTimeField(null=True, blank=True)
    decision = models.CharField(max_length=10, choices=Decision.choices, blank=True)
    decided_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )

    class Meta:
        ordering = ["created_at", "pk"]
        constraints = [
            models.UniqueConstraint(
                fields=["comment", "reporter"],
                condition=Q(closed_at__isnull=True),
                name="one_open_report_per_reader",
            )
        ]
        indexes = [models.Index(fields=["reporter", "created_at"], name="report_reporter_created")]

    def __str__(self) -> str:
        return f"{self.get_reason_display()} report on comment {self.comment_id}"


def _lines(text: str) -> list[str]:
    return [line.strip().lower() for line in text.splitlines() if line.strip()]


@register_setting(icon="comment")
class CommentSettings(BaseGenericSetting):
    """Rules moderators can change without a deploy."""

    close_after_days = models.PositiveIntegerField(
        default=30, help_text="Close comments this many days after publication (0 = never)."
    )
    disallowed_words = models.TextField(
        blank=True, help_text="One word or phrase per line. A comment containing one is spam."
    )
    moderation_words = models.TextField(
        blank=True,
        help_text="One per line. A comment containing one is held for moderation with a note.",
    )
    auto_approve_known_emails = models.BooleanField(
        default=False,
        help_text=(
            "Publish at once comments from trusted commenters: a confirmed email address with "
            "enough approved comments and no spam in the last 90 days (never an address a "
            "reader merely typed)."
        ),
    )

    class Meta:
        verbose_name = "comment rules"

    @property
    def disallowed_list(self) -> list[str]:
        return _lines(self.disallowed_words)

    @property
    def moderation_list(self) -> list[str]:
        return _lines(self.moderation_words)
