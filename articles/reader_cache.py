"""Small object caches for reader pages (navigation, related stories, neighbours, front page),
and the version token the article template's cached fragments vary on.

Every entry is stored under a version token that changes whenever something shown on reader
pages changes: a page is saved, published, unpublished, moved or deleted; a view restriction,
locale, site, author, person, tag or image is saved; a comment appears or disappears (through
pagecache.purge.purge_page). A reader never sees a list older than the last edit. The token is
changed at once and again when the transaction commits, so a request that read the old rows
during the edit cannot keep them under the new token. Without a working cache (Redis down)
everything is computed from the database.
"""

import uuid

from django.core.cache import cache
from django.db import transaction
from django.db.models.signals import post_delete, post_save
from django.dispatch import receiver
from wagtail.models import Locale, Page, PageViewRestriction
from wagtail.signals import page_published, page_unpublished, post_page_move

VERSION_KEY = "articles:reader-version"
TIMEOUT = 6 * 60 * 60


def _version() -> str | None:
    version = cache.get(VERSION_KEY)
    if version is None:
        cache.add(VERSION_KEY, uuid.uuid4().hex, None)
        version = cache.get(VERSION_KEY)
    return version


def version() -> str:
    """The current token: template fragments of reader pages vary on it (article_page.html)."""
    return _version() or "uncached"


def cached(name: str, compute):
    """compute()'s result (never None), kept until the next content change."""
    version = _version()
    if version is None:
        return compute()
    key = f"articles:{name}:{version}"
    value = cache.get(key)
    if value is None:
        value = compute()
        cache.set(key, value, TIMEOUT)
    return value


def _bump() -> None:
    cache.set(VERSION_KEY, uuid.uuid4().hex, None)


def invalidate() -> None:
    _bump()
    transaction.on_commit(_bump)


def _shown_on_reader_pages() -> tuple[type, ...]:
    from taggit.models import Tag
    from wagtail.images import get_image_model
    from wagtail.models import Site

    from .models import Author, Person

    return (Page, PageViewRestriction, Locale, Site, Author, Person, Tag, get_image_model())


@receiver(post_save)
@receiver(post_delete)
def _model_changed(sender, instance, **kwargs):
    if isinstance(instance, _shown_on_reader_pages()):
        invalidate()


@receiver(page_published)
@receiver(page_unpublished)
@receiver(post_page_move)
def _page_changed(sender, **kwargs):
    invalidate()
