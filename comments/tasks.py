"""Background tasks of the comments app: the emails of comments/notifications.py, sent off the
request path by the task worker, and tried again when the mail server fails (core.tasks).

Each task takes the comment's id (a task's arguments must be JSON) and re-reads the comment,
so what it sends is what is stored when it runs."""

from __future__ import annotations

import logging

from core.tasks import background_task

from . import notifications
from .models import Comment

logger = logging.getLogger(__name__)


def _comment(comment_id: int) -> Comment | None:
    comment = Comment.objects.select_related("article").filter(pk=comment_id).first()
    if comment is None:
        logger.info("Comment %s was deleted before its email was sent", comment_id)
    return comment


@background_task()
def send_moderator_email(comment_id: int) -> None:
    """Tell the moderators about a comment waiting for them (if it still is)."""
    comment = _comment(comment_id)
    if comment is None or comment.status != Comment.Status.PENDING:
        return
    notifications.notify_moderators(comment)


@background_task()
def send_author_approved_email(comment_id: int) -> None:
    """Tell the commenter their comment is published (if it still is)."""
    comment = _comment(comment_id)
    if comment is None or comment.status != Comment.Status.APPROVED:
        return
    notifications.notify_author_approved(comment)


@background_task()
def send_reply_email(comment_id: int) -> None:
    """Tell the author of the comment a published reply answers (if they asked)."""
    comment = _comment(comment_id)
    if comment is None or comment.status != Comment.Status.APPROVED or not comment.is_reply:
        return
    notifications.notify_reply(comment)


@background_task()
def send_reported_email(comment_id: int) -> None:
    """Tell the moderators that readers' reports sent a comment back to them."""
    comment = _comment(comment_id)
    if comment is None:
        return
    notifications.notify_moderators_reported(comment)
