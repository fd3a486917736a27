"""Receivers of the page cache, connected in PageCacheConfig.ready().

Purge on every change readers can see: publish, unpublish (also on delete), move, slug change,
and a view restriction added, changed or removed. Wagtail's frontend_cache app purges a page
itself on publish and unpublish; these add the pages that list it (pagecache.purge), and cover
moves, slug changes and privacy, which it does not handle. And the version of the reader
caches (pagecache.versioned) moves on every change to content they show.
"""

from __future__ import annotations

from django.core.signals import request_finished, request_started
from django.db.models.signals import post_delete, post_save
from wagtail.images import get_image_model
from wagtail.models import Locale, Page, PageViewRestriction, Site
from wagtail.signals import page_published, page_slug_changed, page_unpublished, post_page_move

from . import purge, versioned


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


def connect() -> None:
    page_published.connect(on_publish_or_unpublish, dispatch_uid="pagecache-published")
    page_unpublished.connect(on_publish_or_unpublish, dispatch_uid="pagecache-unpublished")
    post_page_move.connect(on_move, dispatch_uid="pagecache-moved")
    page_slug_changed.connect(on_slug_change, dispatch_uid="pagecache-slug")
    for signal, uid in (
        (post_save, "pagecache-restriction-saved"),
        (post_delete, "pagecache-restriction-deleted"),
    ):
        signal.connect(on_view_restriction_change, sender=PageViewRestriction, dispatch_uid=uid)

    # The reader caches' version: what every reader page shows from Wagtail's own models.
    versioned.watch(Page, PageViewRestriction, Locale, Site, get_image_model())
    request_started.connect(versioned.request_started, dispatch_uid="pagecache-request-started")
    request_finished.connect(versioned.request_finished, dispatch_uid="pagecache-request-ended")
    post_save.connect(versioned.model_changed, dispatch_uid="pagecache-version-saved")
    post_delete.connect(versioned.model_changed, dispatch_uid="pagecache-version-deleted")
    for signal, name in (
        (page_published, "published"),
        (page_unpublished, "unpublished"),
        (post_page_move, "moved"),
    ):
        signal.connect(versioned.content_changed, dispatch_uid=f"pagecache-version-{name}")
