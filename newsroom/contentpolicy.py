"""Content-Security-Policy: a strict, nonce-free policy for readers, a working one for the admin.

Public pages carry no inline executable script, so their policy is the same string on every
response and a page cache (or Varnish) can replay it safely; a per-response nonce baked into a
cached page would be shared by every reader and protect nothing.

Wagtail's admin still relies on inline scripts, inline styles and eval (choosers, StreamField),
so /admin/ gets its own policy (settings.ADMIN_CONTENT_SECURITY_POLICY) that keeps the
directives that cost it nothing: framing only by itself (the preview panel), forms and <base>
only to our origin, no plugins.

A page preview is the reader policy, framable by the admin: Wagtail renders it through the whole
middleware chain again with a dummy request (request.is_dummy) for the page's own URL, and the
outer admin request keeps the header that inner pass set.
"""

from __future__ import annotations

import base64
import hashlib
import re
from collections.abc import Iterable
from pathlib import Path
from typing import TYPE_CHECKING
from urllib.parse import urlsplit

from csp.constants import SELF
from csp.middleware import CSPMiddleware, PolicyParts
from django.conf import settings

if TYPE_CHECKING:
    from django.http import HttpRequest, HttpResponseBase

_STYLE_ELEMENT = re.compile(r"<style>(.*?)</style>", re.DOTALL)


def inline_style_hashes(templates: Iterable[Path]) -> list[str]:
    """CSP hash sources for the <style> blocks of self-contained pages (500, 503).

    Those pages must not depend on static files (the manifest or the disk may be what failed),
    so their CSS is inline; hashing it lets style-src stay free of 'unsafe-inline'. The hash is
    taken from the template file, so the block must not contain template tags or variables.
    """
    sources: list[str] = []
    for template in templates:
        if not template.exists():
            continue
        for css in _STYLE_ELEMENT.findall(template.read_text(encoding="utf-8")):
            digest = base64.b64encode(hashlib.sha256(css.encode("utf-8")).digest()).decode()
            source = f"'sha256-{digest}'"
            if source not in sources:
                sources.append(source)
    return sources


def origin_of(url: str) -> str | None:
    """scheme://host[:port] of an absolute URL (e.g. a MEDIA_URL on object storage), else None."""
    parts = urlsplit(url)
    if parts.scheme in {"http", "https"} and parts.netloc:
        return f"{parts.scheme}://{parts.netloc}"
    return None


class NewsroomCSPMiddleware(CSPMiddleware):
    """django-csp's middleware, with the admin policy for the Wagtail admin (urls.py: admin/)."""

    admin_prefix = "/admin/"

    def get_policy_parts(
        self,
        request: HttpRequest,
        response: HttpResponseBase,
        report_only: bool = False,
    ) -> PolicyParts:
        parts = super().get_policy_parts(request, response, report_only)
        if getattr(request, "is_dummy", False):  # a Wagtail preview, shown in the admin's iframe
            parts.replace = {**(parts.replace or {}), "frame-ancestors": [SELF]}
            return parts
        admin = request.path_info.startswith(self.admin_prefix)
        if admin and not report_only and parts.config is None:
            parts.config = settings.ADMIN_CONTENT_SECURITY_POLICY["DIRECTIVES"]
        return parts
