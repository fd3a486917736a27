"""Background tasks of the page cache: PURGE requests to Varnish (or any HTTP cache), sent by
the task worker after the commit and tried again while the cache does not answer (core.tasks).

Our own page cache is purged in the request itself (pagecache.backends.PageCacheBackend): the
next reader must get the new page from any app server. The edge follows within seconds.
"""

from __future__ import annotations

import logging
from urllib.error import HTTPError, URLError
from urllib.parse import urlsplit, urlunsplit
from urllib.request import Request, urlopen

from django.conf import settings
from django.utils.module_loading import import_string
from wagtail import __version__ as wagtail_version

from core.tasks import background_task

logger = logging.getLogger(__name__)

TIMEOUT_SECONDS = 10


class PurgeFailed(Exception):
    """Some URLs could not be purged; the task is tried again."""


class _Purge(Request):
    def get_method(self) -> str:
        return "PURGE"


def purge_request(location: str, url: str) -> Request:
    """PURGE <path> sent to the cache at location, with the page's own Host header (as
    Wagtail's HTTPBackend builds it)."""
    cache, page = urlsplit(location), urlsplit(url)
    if cache.scheme not in ("http", "https"):
        raise ValueError(f"The HTTP cache's address must be http(s): {location!r}")
    host = page.hostname or ""
    if page.port:
        host += f":{page.port}"
    target = urlunsplit((cache.scheme, cache.netloc, page.path, page.query, ""))
    return _Purge(
        target, headers={"Host": host, "User-Agent": f"Wagtail-frontendcache/{wagtail_version}"}
    )


@background_task()
def purge_http_cache(location: str, urls: list[str]) -> int:
    """PURGE each URL at the HTTP cache at location; raises (so the task is retried) if any
    failed, after trying them all. Returns how many were purged."""
    failed = []
    for url in urls:
        try:
            # Only the configured cache's http(s) address is opened (purge_request checks).
            request = purge_request(location, url)
            with urlopen(request, timeout=TIMEOUT_SECONDS):  # noqa: S310  # nosec B310
                pass
        except HTTPError as exc:
            failed.append(f"{url}: HTTP {exc.code}")
        except (URLError, OSError) as exc:
            failed.append(f"{url}: {getattr(exc, 'reason', exc)}")
    if failed:
        raise PurgeFailed(
            f"{len(failed)} of {len(urls)} purges failed at {location}: " + "; ".join(failed[:5])
        )
    logger.info("Purged %d URLs at %s", len(urls), location)
    return len(urls)


@background_task()
def purge_cdn(name: str, urls: list[str]) -> int:
    """Purge URLs through the Wagtail backend configured as WAGTAILFRONTENDCACHE[name] (its
    WRAPS). Network errors raise and are retried; the CDN's own refusals are logged by
    Wagtail's backend (it does not raise them)."""
    params = dict(settings.WAGTAILFRONTENDCACHE[name])
    backend_class = import_string(params.pop("WRAPS"))
    for key in ("BACKEND", "NAME"):
        params.pop(key, None)
    backend_class(params).purge_batch(urls)
    logger.info("Purged %d URLs through %s", len(urls), name)
    return len(urls)
