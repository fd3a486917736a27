"""Search and reference index updates batched to once per page at the end of an import."""

from __future__ import annotations

import contextlib
import itertools
from collections.abc import Iterable

from django.db import transaction
from django.db.models.signals import post_save
from wagtail.contrib.redirects.models import Redirect
from wagtail.images import get_image_model
from wagtail.models import ReferenceIndex
from wagtail.search.backends import get_search_backends
from wagtail.search.signal_handlers import post_save_signal_handler as search_post_save
from wagtail.signal_handlers import disable_reference_index_auto_update

from ..models import ArticlePage

REINDEX_CHUNK = 200


@contextlib.contextmanager
def batched_indexing(page_ids: set[int], *, enabled: bool = True):
    """Update the search and reference indexes once per page at the end, not on every save.

    Each save of a page re-indexes it, and publishing a new page saves it more than once; for
    a large import that is a large part of the work. Pages whose ids are added to page_ids
    while the block runs are indexed when it ends (also after an error). The search signal is
    disconnected for ArticlePage meanwhile: meant for a management command, not a web process.
    """
    if not enabled:
        yield
        return
    disconnected = post_save.disconnect(search_post_save, sender=ArticlePage)
    try:
        with disable_reference_index_auto_update():
            yield
    finally:
        if disconnected:
            post_save.connect(search_post_save, sender=ArticlePage)
        reindex(page_ids)


def reindex(page_ids: Iterable[int]) -> None:
    """Refresh the search index entries of these articles, and the reference index entries
    of the articles, their main images and the redirects to them."""
    ids = sorted(page_ids)
    backends = list(get_search_backends(with_auto_update=True))
    for start in range(0, len(ids), REINDEX_CHUNK):
        chunk = ids[start : start + REINDEX_CHUNK]
        with transaction.atomic():
            pages = list(ArticlePage.objects.filter(pk__in=chunk))
            images = get_image_model().objects.filter(pk__in={p.main_image_id for p in pages})
            redirects = Redirect.objects.filter(redirect_page_id__in=chunk)
            for obj in itertools.chain(pages, images, redirects):
                ReferenceIndex.create_or_update_for_object(obj)
            indexed = list(ArticlePage.get_indexed_objects().filter(pk__in=chunk))
            for backend in backends:
                backend.add_bulk(ArticlePage, indexed)
