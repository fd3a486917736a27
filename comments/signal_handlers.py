"""Receivers of the comments app, connected in CommentsConfig.ready()."""

from __future__ import annotations

import threading

from django.db import transaction
from django.db.models.signals import post_delete

from articles.models import ArticlePage
from pagecache import purge, versioned

from .models import Comment, CommentSettings

# Stories whose visible comments were deleted, purged once each after the commit: deleting
# a story's 500 comments (or the story) must not compute 500 identical purges.
_deleted_comments = threading.local()


def on_comment_delete(sender, instance, **kwargs) -> None:
    if instance.status == Comment.Status.APPROVED:
        pending = _deleted_comments.__dict__.setdefault("article_ids", set())
        pending.add(instance.article_id)
        transaction.on_commit(_purge_stories_with_deleted_comments)


def _purge_stories_with_deleted_comments() -> None:
    ids = _deleted_comments.__dict__.pop("article_ids", set())
    for page in ArticlePage.objects.filter(pk__in=ids):  # a deleted story purged itself
        purge.purge_page(page)


def connect() -> None:
    post_delete.connect(on_comment_delete, sender=Comment, dispatch_uid="comments-delete-purge")
    # The comment rules decide what story pages show (open or closed forms).
    versioned.watch(CommentSettings)
