"""Error reporting through sentry-sdk (Sentry, self-hosted Sentry or GlitchTip), when SENTRY_DSN
is set; settings call :func:`init`.

Commenters' data must not leave the server: no email addresses, no IP addresses, no comment
bodies, no cookies. The SDK is asked to send none of it (no personal data, no request bodies,
no local variables), and :func:`scrub_event` removes what could still slip through: request
bodies, cookies and forwarding headers, every user field but the staff id, SQL parameters, and
any text shaped like an email or an IP address anywhere in the event.
"""

from __future__ import annotations

import ipaddress
import re
import shutil

# git names the release (git_commit); fixed arguments, no shell.
import subprocess  # nosec B404
from pathlib import Path
from typing import Any

EMAIL = re.compile(r"[\w.+-]+@[\w-]+(?:\.[\w-]+)+")
# Candidates only; each is kept unless ipaddress accepts it (times like 12:30:45 stay).
IP_CANDIDATE = re.compile(r"(?<![\w.:])[0-9A-Fa-f.:]*[.:][0-9A-Fa-f.:]+(?![\w.:])")
# Request headers worth seeing in a report; all others (Cookie, Authorization, X-CSRFToken,
# X-Forwarded-For, X-Real-IP, Forwarded…) are dropped.
KEPT_HEADERS = {
    "accept",
    "accept-encoding",
    "accept-language",
    "content-length",
    "content-type",
    "host",
    "referer",
    "user-agent",
    "x-forwarded-proto",
    "x-request-id",
}
REDACTED = "[redacted]"


def _is_ip(text: str) -> bool:
    try:
        ipaddress.ip_address(text)
    except ValueError:
        return False
    return True


def _scrub_ip(match: re.Match) -> str:
    text = match.group(0)
    address = text.lstrip(".").rstrip(".:")
    host, colon, port = address.rpartition(":")
    if _is_ip(address) or (colon and port.isdigit() and _is_ip(host)):
        start = text.index(address)
        return text[:start] + "[ip]" + text[start + len(address) :]  # keep a full stop
    return text


def scrub_text(text: str) -> str:
    return IP_CANDIDATE.sub(_scrub_ip, EMAIL.sub("[email]", text))


def _scrub(value: Any) -> Any:
    if isinstance(value, str):
        return scrub_text(value)
    if isinstance(value, dict):
        return {key: _scrub(item) for key, item in value.items()}
    if isinstance(value, list | tuple):
        return [_scrub(item) for item in value]
    return value


def _scrub_request(request: dict) -> dict:
    request = dict(request)
    for key in ("cookies", "data", "env"):
        if key in request:
            request[key] = REDACTED
    headers = request.get("headers")
    if isinstance(headers, dict):
        request["headers"] = {k: v for k, v in headers.items() if k.lower() in KEPT_HEADERS}
    return request


def _scrub_breadcrumb(crumb: dict) -> dict:
    crumb = dict(crumb)
    data = crumb.get("data")
    if isinstance(data, dict):
        # SQL breadcrumbs carry the query's parameters: a comment's email, address and body.
        crumb["data"] = {k: v for k, v in data.items() if k not in ("params", "parameters")}
    return crumb


def _request_secrets() -> list[str]:
    """What the reader typed into the fields named by SENTRY_SCRUB_FIELDS (a comment's body,
    name and email) in the request being served, if its form was read: no pattern finds a
    body, so its text is looked for wherever an error message may have quoted it."""
    from django.conf import settings

    from .logs import current_request

    request = current_request.get()
    post = getattr(request, "_post", None)  # only a form already parsed: never read a body here
    if not post:
        return []
    secrets = set()
    for field in getattr(settings, "SENTRY_SCRUB_FIELDS", ()):
        for value in post.getlist(field):
            value = value.strip()
            if len(value) >= 4:
                secrets.add(value)
                secrets.update(line.strip() for line in value.splitlines() if len(line) >= 8)
    return sorted(secrets, key=len, reverse=True)


def _replace(value: Any, secrets: list[str]) -> Any:
    if isinstance(value, str):
        for secret in secrets:
            value = value.replace(secret, REDACTED)
        return value
    if isinstance(value, dict):
        return {key: _replace(item, secrets) for key, item in value.items()}
    if isinstance(value, list | tuple):
        return [_replace(item, secrets) for item in value]
    return value


def scrub_event(event: dict, hint: dict | None = None) -> dict:
    """before_send: the event as it may leave the server."""
    secrets = _request_secrets()
    if secrets:
        event = _replace(event, secrets)
    if isinstance(event.get("request"), dict):
        event["request"] = _scrub_request(event["request"])
    user = event.get("user")
    if isinstance(user, dict):
        event["user"] = {"id": user["id"]} if "id" in user else {}
    for exception in (event.get("exception") or {}).get("values") or []:
        for frame in (exception.get("stacktrace") or {}).get("frames") or []:
            frame.pop("vars", None)
    for thread in (event.get("threads") or {}).get("values") or []:
        for frame in (thread.get("stacktrace") or {}).get("frames") or []:
            frame.pop("vars", None)
    crumbs = event.get("breadcrumbs")
    if isinstance(crumbs, dict) and isinstance(crumbs.get("values"), list):
        crumbs["values"] = [_scrub_breadcrumb(c) for c in crumbs["values"]]
    return _scrub(event)


def scrub_breadcrumb(crumb: dict, hint: dict | None = None) -> dict:
    """before_breadcrumb: the same rules, applied as breadcrumbs are recorded."""
    return _scrub(_scrub_breadcrumb(crumb))


def git_commit(directory: Path) -> str | None:
    """The checked-out commit, to name the release; None outside a git checkout."""
    git = shutil.which("git")
    if git is None:
        return None
    try:
        # Fixed arguments (git found on PATH, our own folder), no shell.
        result = subprocess.run(  # noqa: S603  # nosec B603
            [git, "-C", str(directory), "rev-parse", "HEAD"],
            capture_output=True,
            text=True,
            timeout=5,
            check=False,
        )
    except (OSError, subprocess.SubprocessError):
        return None
    commit = result.stdout.strip()
    return commit if result.returncode == 0 and commit else None


def init(*, dsn: str, environment: str, release: str | None, **options: Any) -> None:
    """Start reporting errors to the DSN (only called when SENTRY_DSN is set)."""
    import sentry_sdk
    from sentry_sdk.integrations.django import DjangoIntegration
    from sentry_sdk.integrations.logging import LoggingIntegration

    sentry_sdk.init(
        dsn=dsn,
        environment=environment,
        release=release,
        # What the SDK collects at all: no user identity, cookies, bodies, SQL parameters or
        # local variables; only the request headers named in KEPT_HEADERS.
        data_collection={
            "user_info": False,
            "cookies": {"mode": "off"},
            "http_headers": {"request": {"mode": "allowlist", "terms": sorted(KEPT_HEADERS)}},
            "http_bodies": [],
            "database_query_data": False,
            "stack_frame_variables": False,
        },
        max_request_body_size="never",
        before_send=scrub_event,
        before_breadcrumb=scrub_breadcrumb,
        # Errors only: no performance tracing unless an operator adds it.
        traces_sample_rate=0.0,
        integrations=[DjangoIntegration(), LoggingIntegration()],
        **options,
    )
