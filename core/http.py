"""HTTP helpers shared by every layer: the client's address behind trusted proxies, and the
public base URL absolute links are built on (never the request's Host header)."""

from __future__ import annotations

import ipaddress

from django.conf import settings
from django.http import HttpRequest
from wagtail.models import Site


def client_ip(meta: dict) -> str | None:
    """REMOTE_ADDR, unless it is a trusted proxy: then the last untrusted X-Forwarded-For hop.

    Used by the comment flood limit, the admin login lockout and every per-address rate
    limit, so all of them see the same address (setting TRUSTED_PROXIES).
    """
    remote = meta.get("REMOTE_ADDR") or None
    trusted = settings.TRUSTED_PROXIES
    if remote and remote in trusted:
        hops = [h.strip() for h in meta.get("HTTP_X_FORWARDED_FOR", "").split(",") if h.strip()]
        for hop in reversed(hops):
            if hop not in trusted:
                remote = hop
                break
    try:
        return str(ipaddress.ip_address(remote)) if remote else None
    except ValueError:
        return None


def public_base_url(request: HttpRequest | None = None) -> str:
    """The scheme://host[:port] readers reach the site at, for every absolute URL we print.

    Never taken from the request's Host header: Django checks ALLOWED_HOSTS without the port,
    and whatever a cached page says is seen by every later reader. PUBLIC_BASE_URL when set,
    else the root URL of the Wagtail Site serving the request (its configured hostname and
    port), else the default Site's, else WAGTAILADMIN_BASE_URL.
    """
    if settings.PUBLIC_BASE_URL:
        return settings.PUBLIC_BASE_URL.rstrip("/")
    site = Site.find_for_request(request) if request is not None else None
    if site is None:
        site = Site.objects.filter(is_default_site=True).first()
    if site is not None:
        return site.root_url
    return settings.WAGTAILADMIN_BASE_URL.rstrip("/")


def absolute_url(url: str, request: HttpRequest | None = None) -> str:
    """url made absolute against public_base_url(); an absolute URL is returned unchanged."""
    if url.startswith(("http://", "https://", "//")):
        return url
    return public_base_url(request) + "/" + url.lstrip("/")
