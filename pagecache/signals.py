"""Purge on every change readers can see: publish, unpublish (also on delete), move, slug change,
and a view restriction added, changed or removed.

Wagtail's frontend_cache app purges a page itself on publish and unpublish; these handlers add
the pages that list it, and cover moves and slug changes, which it does not handle.
"""

from __future__ import annotations

import threading

from django.db import transaction
from django.db.models.signals import post_delete, post_save
from wagtail.models import Page, PageViewRestriction
from wagtail.signals import page_published, page_slug_changed, page_unpublished, post_page_move

from . import purge


def on_publish_or_unpublish(sender, instance, **kwargs) -> None:
    purge.purge_page(instance)


def on_move(sender, instance, url_path_before, url_path_after, parent_page_before, **kwargs):
    old = [purge.url_at(instance, url_path_before)] if url_path_before != url_path_after else []
    if parent_page_before is not None:
        old += [parent_page_before.get_full_url()]
    purge.purge_page(instance, old_urls=[url for url in old if url])


def on_slug_change(sender, instance, instance_before, **kwargs) -> None:
    purge.purge_page(instance, old_urls=[url for url in [instance_before.get_full_url()] if url])


def on_view_restriction_change(sender, instance, **kwargs) -> None:
    """A page made private (or public again): purge it and every page listing it, in every
    language and at the edge. A restriction covers the page's subtree: on a page with children
    (a section, the front page) that is everything."""
    page = Page.objects.filter(pk=instance.page_id).first()
    if page is None:
        return  # the page itself was deleted, which purged it
    if page.numchild:
        purge.purge_everything()
    else:
        purge.purge_page(page)


# Stories whose visible comments were deleted, purged once each after the commit: deleting
# a story's 500 comments (or the story) must not compute 500 identical purges.
_deleted_comments = threading.local()


def on_comment_delete(sender, instance, **kwargs) -> None:
    from comments.models import Comment

    if instance.status == Comment.Status.APPROVED:
        pending = _deleted_comments.__dict__.setdefault("article_ids", set())
        pending.add(instance.article_id)
        transaction.on_commit(_purge_stories_with_deleted_comments)


def _purge_stories_with_deleted_comments() -> None:
    from articles.models import ArticlePage

    ids = _deleted_comments.__dict__.pop("article_ids", set())
    for page in ArticlePage.objects.filter(pk__in=ids):  # a deleted story purged itself
        purge.purge_page(page)


def connect() -> None:
    from comments.models import Comment

    page_published.connect(on_publish_or_unpublish, dispatch_uid="pagecache-published")
    page_unpublished.connect(on_publish_or_unpublish, dispatch_uid="pagecache-unpublished")
    post_page_move.connect(on_move, dispatch_uid="pagecache-moved")
    page_slug_changed.connect(on_slug_change, dispatch_uid="pagecache-slug")
    post_delete.connect(on_comment_delete, sender=Comment, dispatch_uid="pagecache-comment-delete")
    for signal, uid in (
        (post_save, "pagecache-restriction-saved"),
        (post_delete, "pagecache-restriction-deleted"),
    ):
        signal.connect(on_view_restriction_change, sender=PageViewRestriction, dispatch_uid=uid)
