"""Reader comments, their moderation state, and the editable comment rules."""

import uuid

from django.conf import settings
from django.db import models
from django.utils import timezone
from wagtail.contrib.settings.models import BaseGenericSetting, register_setting


class CommentQuerySet(models.QuerySet):
    def approved(self):
        return self.filter(status=Comment.Status.APPROVED)

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

    article = models.ForeignKey(
        "articles.ArticlePage", on_delete=models.CASCADE, related_name="comments"
    )
    author_name = models.CharField("name", max_length=80)
    author_email = models.EmailField("email", blank=True, help_text="Never shown publicly.")
    body = models.TextField(help_text="Exactly as the reader submitted it.")
    body_html = models.TextField(editable=False, help_text="Sanitized HTML shown on the site.")
    link_count = models.PositiveSmallIntegerField(default=0, editable=False)
    status = models.CharField(
        max_length=10, choices=Status.choices, default=Status.PENDING, db_index=True
    )
    created_at = models.DateTimeField(default=timezone.now, db_index=True)
    ip_address = models.GenericIPAddressField("IP address", null=True, blank=True)
    user_agent = models.CharField(max_length=300, blank=True)
    submission_token = models.UUIDField(default=uuid.uuid4, unique=True, editable=False)
    held_reason = models.CharField(
        max_length=200, blank=True, help_text="Why the spam rules held or flagged it."
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

    objects = CommentQuerySet.as_manager()

    class Meta:
        ordering = ["created_at", "pk"]
        permissions = [("moderate_comment", "Can approve, reject or mark comments as spam")]
        indexes = [
            models.Index(fields=["article", "status", "created_at"], name="comment_article_status"),
            models.Index(fields=["ip_address", "created_at"], name="comment_ip_created"),
            models.Index(fields=["author_email", "created_at"], name="comment_email_created"),
        ]

    def __str__(self) -> str:
        excerpt = self.body[:40] + ("…" if len(self.body) > 40 else "")
        return f"{self.author_name}: {excerpt}"

    @property
    def has_links(self) -> bool:
        return self.link_count > 0


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
        help_text="Publish at once comments whose email already has an approved comment.",
    )

    class Meta:
        verbose_name = "comment rules"

    @property
    def disallowed_list(self) -> list[str]:
        return _lines(self.disallowed_words)

    @property
    def moderation_list(self) -> list[str]:
        return _lines(self.moderation_words)
