"""The moderation phase: the Wagtail admin's pending-comment listing, as a signed-in moderator.

With 100,000+ pending comments, over HTTP, signed in as a superuser: median of 7 requests.
"""

from __future__ import annotations

import http.cookiejar
import os
import statistics
import time
import urllib.parse
import urllib.request

from tests.servers import Server

from .common import MODERATION_PATH, Run, log


def listing(run: Run, server: Server) -> None:
    run.setup_django()
    from django.contrib.auth import get_user_model
    from django.db import connection

    from comments.models import Comment

    connection.close()
    password = os.urandom(12).hex()
    user_model = get_user_model()
    user_model.objects.filter(username="bench-moderator").delete()
    user_model.objects.create_superuser("bench-moderator", "bench@example.org", password)
    run.results.pending = Comment.objects.in_moderation().count()
    base = server.url
    jar = http.cookiejar.CookieJar()
    opener = urllib.request.build_opener(urllib.request.HTTPCookieProcessor(jar))
    opener.open(f"{base}/admin/login/").read()
    csrf = next(c.value for c in jar if c.name == "csrftoken")
    login = urllib.parse.urlencode(
        {"username": "bench-moderator", "password": password, "csrfmiddlewaretoken": csrf}
    ).encode()
    signin = urllib.request.Request(f"{base}/admin/login/", data=login)  # noqa: S310 - http
    opener.open(signin).read()
    if not any(c.name == "sessionid" for c in jar):
        raise RuntimeError("Could not sign in to the Wagtail admin")
    timings = []
    for n in range(8):
        started = time.perf_counter()
        with opener.open(f"{base}{MODERATION_PATH}") as response:
            page = response.read()
            status = response.status
        if n:  # the first request warms the worker
            timings.append((time.perf_counter() - started) * 1000)
        if status != 200 or b"bench" not in page.lower():
            raise RuntimeError(f"moderation listing answered {status}")
    run.results.moderation_ms = statistics.median(timings)
    log(f"moderation listing: median {run.results.moderation_ms:.0f} ms")
