"""HTTP helpers shared by every layer: the client's address behind trusted proxies."""

from __future__ import annotations

import ipaddress

from django.conf import settings


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
