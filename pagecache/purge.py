"""What to purge when content changes: a page, and every page that lists or links to it.

Everything goes through Wagtail's ``PurgeBatch``, so the same URLs reach every configured
frontend-cache backend: our Django page cache and, when configured, Varnish or a CDN.

The page cache knows the page tree (a page, its translations, its ancestors); what else shows
a page is the business of the app that owns it, which answers through the Wagtail hook
``pagecache_urls_for_page``: ``fn(page)`` returns an iterable of pages (related stories) and
site-relative paths (``/topics/ceasefire/``, the feeds), or ``ALL`` for every page.
"""

from __future__ import annotations

import contextlib
import copy
import logging
import threading
from collections.abc import Iterable, Iterator

from django.apps import apps
from django.conf import settings
from django.db import transaction
from django.urls import NoReverseMatch, reverse
from django.utils import translation
from wagtail import hooks
from wagtail.contrib.frontend_cache import signal_handlers as frontend_cache
from wagtail.contrib.frontend_cache.utils import PurgeBatch
from wagtail.models import Page, Site
from wagtail.signals import page_published, page_unpublished

from . import versioned
from .store import ALL

logger = logging.getLogger(__name__)

URLS_FOR_PAGE_HOOK = "pagecache_urls_for_page"


def site_root_url(page: Page | None = None) -> str:
    site = page.get_site() if page is not None else None
    site = site or Site.objects.filter(is_default_site=True).first()
    return site.root_url if site else settings.WAGTAILADMIN_BASE_URL.rstrip("/")


def paths_in_every_language(name: str, *args) -> set[str]:
    """A view's path under each language prefix (/, /es/, /ar/): for hooks to return."""
    paths = set()
    for code, _label in settings.LANGUAGES:
        with translation.override(code):
            try:
                paths.add(reverse(name, args=args))
            except NoReverseMatch:
                logger.warning("Cannot reverse %s%r for purging", name, args)
    return paths


def path(name: str, *args) -> set[str]:
    """A view's path (no language prefix), or nothing if it does not exist: for hooks."""
    try:
        return {reverse(name, args=args)}
    except NoReverseMatch:
        return set()


def batch_for_page(page: Page, *, old_urls: Iterable[str] = ()) -> PurgeBatch:
    """The page, its translations and ancestors, and what the apps' hooks say shows it."""
    batch = PurgeBatch()
    batch.add_urls(old_urls)
    root = site_root_url(page)
    pages: list[Page] = [page, *page.get_translations(), *page.get_ancestors().filter(depth__gt=1)]
    paths: set[str] = set()
    for urls_for_page in hooks.get_hooks(URLS_FOR_PAGE_HOOK):
        for item in urls_for_page(page) or ():
            if isinstance(item, Page):
                pages.append(item)
            else:
                paths.add(item)
    if ALL in paths:
        batch.add_url(root + ALL)
        return batch
    batch.add_pages(pages)
    batch.add_urls(root + p for p in sorted(paths))
    return batch


# -- Deferring: one purge at the end of a bulk job instead of one per page --------------------

_state = threading.local()


def _deferring() -> bool:
    return getattr(_state, "depth", 0) > 0


@contextlib.contextmanager
def deferred() -> Iterator[None]:
    """Inside the block no purge is sent page by page (neither ours nor Wagtail's own
    frontend-cache handlers on publish and unpublish); when it ends, if anything asked for one,
    every page is purged once, after the commit. For bulk jobs (the importer), not web
    requests: Wagtail's handlers are disconnected meanwhile. Inside a transaction that is rolled
    back (a dry run) the final purge is dropped with it."""
    if _deferring():
        yield
        return
    senders = [model for model in apps.get_models() if issubclass(model, Page)]
    disconnected = [
        (signal, handler, model)
        for signal, handler in (
            (page_published, frontend_cache.page_published_signal_handler),
            (page_unpublished, frontend_cache.page_unpublished_signal_handler),
        )
        for model in senders
        if signal.disconnect(handler, sender=model)
    ]
    _state.depth, _state.asked = 1, False
    try:
        yield
    finally:
        _state.depth = 0
        for signal, handler, model in disconnected:
            signal.connect(handler, sender=model)
        if _state.asked:
            _state.asked = False
            transaction.on_commit(purge_everything)


# -- Purging ----------------------------------------------------------------------------------


def purge_page(page: Page, *, old_urls: Iterable[str] = ()) -> None:
    """Purge a page and the pages listing it, after the current transaction commits."""
    if _deferring():
        _state.asked = True
        return
    batch = batch_for_page(page, old_urls=old_urls)
    logger.debug("Purging %d URLs for page %s", len(batch.urls), page.pk)
    batch.purge()
    # The cached fragments and lists rendered into pages (related cards with comment counts,
    # an article's comment list) go too: some of these changes are not page saves.
    versioned.invalidate()


def purge_everything() -> None:
    """Every page of every site, in our cache and through the frontend caches (Varnish, CDN),
    after the commit: for changes shown on pages no list can name (an author renamed, a view
    restriction over a whole section, a bulk import)."""
    if _deferring():
        _state.asked = True
        return
    batch = PurgeBatch()
    roots = {site.root_url for site in Site.objects.all()} or {site_root_url()}
    batch.add_urls(root + ALL for root in sorted(roots))
    logger.debug("Purging every page of %s", sorted(roots))
    batch.purge()
    versioned.invalidate()


def url_at(page: Page, url_path: str) -> str | None:
    """The full URL the page had at an earlier url_path (before a move or slug change)."""
    before = copy.copy(page)
    before.url_path = url_path
    return before.get_full_url()
