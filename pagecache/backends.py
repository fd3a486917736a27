"""Wagtail frontend-cache backends: our own page cache, and Varnish purged by a background task.

Wagtail sends purges from inside the publishing transaction. A reader rendering between the
purge and the commit would put the old page back into the cache, so both backends wait for the
commit (``on_commit`` runs at once when no transaction is open): our page cache is purged in
the request, once committed; Varnish's PURGE requests are a background task (pagecache.tasks)
queued with the transaction, retried while Varnish does not answer.
"""

from __future__ import annotations

from urllib.parse import urlsplit

from django.db import transaction
from wagtail.contrib.frontend_cache.backends import BaseBackend, HTTPBackend

from . import store, tasks


class PageCacheBackend(BaseBackend):
    """Purges the Django page cache (see pagecache.store); the path ``/*`` purges every page."""

    def purge(self, url: str) -> None:
        self.purge_batch([url])

    def purge_batch(self, urls) -> None:
        paths = {urlsplit(url).path or "/" for url in urls}
        transaction.on_commit(lambda: store.purge_paths(paths))


class OnCommitHTTPBackend(HTTPBackend):
    """Wagtail's HTTPBackend (PURGE requests, e.g. to Varnish), sent by the task worker once the
    data is committed, and retried."""

    def __init__(self, params):
        self.location = params["LOCATION"]
        super().__init__(params)

    def purge(self, url: str) -> None:
        self.purge_batch([url])

    def purge_batch(self, urls) -> None:
        urls = sorted(set(urls))
        if urls:
            tasks.purge_http_cache.enqueue_on_commit(self.location, urls)


class QueuedBackend(BaseBackend):
    """Any other Wagtail frontend-cache backend (Cloudflare, CloudFront), its purges sent by the
    task worker after the commit (pagecache.tasks.purge_cdn) instead of inside the request.

    Configured as ``{"BACKEND": "pagecache.backends.QueuedBackend", "NAME": <its key in
    WAGTAILFRONTENDCACHE>, "WRAPS": <the backend's dotted path>, ...its own parameters}``. The
    task is given the name, never the parameters: credentials stay out of the queue's table.
    """

    def __init__(self, params):
        super().__init__(params)
        self.name = params["NAME"]

    def purge(self, url: str) -> None:
        self.purge_batch([url])

    def purge_batch(self, urls) -> None:
        urls = sorted(set(urls))
        if urls:
            tasks.purge_cdn.enqueue_on_commit(self.name, urls)
