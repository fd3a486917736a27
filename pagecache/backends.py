"""Wagtail frontend-cache backends: our own page cache, and Varnish purged after commit.

Wagtail sends purges from inside the publishing transaction. A reader rendering between the
purge and the commit would put the old page back into the cache, so both backends wait for the
commit (``on_commit`` runs at once when no transaction is open).
"""

from __future__ import annotations

from urllib.parse import urlsplit

from django.db import transaction
from wagtail.contrib.frontend_cache.backends import BaseBackend, HTTPBackend

from . import store


class PageCacheBackend(BaseBackend):
    """Purges the Django page cache (see pagecache.store); the path ``/*`` purges every page."""

    def purge(self, url: str) -> None:
        self.purge_batch([url])

    def purge_batch(self, urls) -> None:
        paths = {urlsplit(url).path or "/" for url in urls}
        transaction.on_commit(lambda: store.purge_paths(paths))


class OnCommitHTTPBackend(HTTPBackend):
    """Wagtail's HTTPBackend (PURGE requests, e.g. to Varnish), sent once the data is committed."""

    def purge_batch(self, urls) -> None:
        urls = list(urls)
        transaction.on_commit(lambda: HTTPBackend.purge_batch(self, urls))
