"""Safety's background task: the statement of reasons a reader gets when a moderator rejects
their comment (EU Digital Services Act, art. 17), sent by the task worker off the request path
and only to readers who asked for emails about their comment.

The comments app tells of each decision through its comment_moderated signal (comments may
not import safety); safety/apps.py connects on_comment_moderated to it."""

from __future__ import annotations

import logging

from django.conf import settings
from django.utils import translation
from django.utils.translation import gettext

from comments.models import Comment
from comments.notifications import send_to_reader
from comments.sanitizer import one_line
from core.tasks import background_task

from . import reasons
from .models import RejectionReason

logger = logging.getLogger(__name__)


def moderator_words(comment: Comment, reason: RejectionReason | None) -> str:
    """What the moderator wrote beside a listed reason ("Other: words" → "words")."""
    words = comment.moderation_reason.strip()
    if reason is not None and words.lower().startswith(reason.label.lower()):
        words = words[len(reason.label) :].lstrip(" :—–-").strip()
    return one_line(words)


@background_task()
def send_decision_statement(comment_id: int) -> None:
    """Tell the reader their comment was rejected and why, in their language (if it still is)."""
    comment = Comment.objects.select_related("article").filter(pk=comment_id).first()
    if comment is None or comment.status != Comment.Status.REJECTED:
        return
    if not (comment.notify and comment.author_email):
        return
    reason = RejectionReason.objects.filter(slug=comment.moderation_reason_code).first()
    language = comment.language or settings.LANGUAGE_CODE
    statement = reasons.decision_statement(
        decision="rejected",
        story_title=one_line(comment.article.title),
        reason=reason,
        detail=moderator_words(comment, reason),
        language=language,
    )
    with translation.override(language):
        send_to_reader(
            comment,
            subject=gettext("Your comment was not published"),
            lines=statement.splitlines(),
        )
    logger.info("Statement of reasons sent for comment %s", comment.pk)


def on_comment_moderated(sender, *, comment, to_status, moderator, **kwargs) -> None:
    """A person rejected a comment whose author asked for emails: send the statement."""
    if to_status == Comment.Status.REJECTED and moderator is not None and comment.notify:
        send_decision_statement.enqueue(comment.pk)
