"""Varnish/CDN purges are background tasks: sent after the commit by the worker, retried while
the cache does not answer, never inside the publishing request on the database backend.

A real HTTP server on loopback plays Varnish and records the PURGE requests it gets."""

from __future__ import annotations

import contextlib
import threading
from collections.abc import Iterator
from dataclasses import dataclass, field
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from urllib.parse import urlsplit

import pytest
from django.core.management import call_command
from django_tasks import TaskResultStatus
from django_tasks_db.models import DBTaskResult

from pagecache.purge import purge_page


@dataclass
class FakeVarnish:
    url: str = ""
    purged: list[tuple[str, str]] = field(default_factory=list)  # (Host, path)
    failures_left: int = 0  # answer 503 to this many requests first


@contextlib.contextmanager
def fake_varnish() -> Iterator[FakeVarnish]:
    state = FakeVarnish()

    class Handler(BaseHTTPRequestHandler):
        def do_PURGE(self):  # noqa: N802 (the HTTP method's name)
            if state.failures_left > 0:
                state.failures_left -= 1
                self.send_response(503)
            else:
                state.purged.append((self.headers["Host"], self.path))
                self.send_response(200)
            self.send_header("Content-Length", "0")
            self.end_headers()

        def log_message(self, *args):
            pass

    server = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
    state.url = f"http://127.0.0.1:{server.server_address[1]}"
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    try:
        yield state
    finally:
        server.shutdown()
        server.server_close()


def host(page) -> str:
    return urlsplit(page.full_url).netloc


@pytest.fixture
def varnish(settings):
    with fake_varnish() as state:
        settings.WAGTAILFRONTENDCACHE = {
            **settings.WAGTAILFRONTENDCACHE,
            "varnish": {"BACKEND": "pagecache.backends.OnCommitHTTPBackend", "LOCATION": state.url},
        }
        yield state


def test_a_purge_reaches_varnish_after_the_commit(
    article, varnish, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=True):
        purge_page(article)
        assert varnish.purged == []  # nothing before the commit
    assert (host(article), article.url) in varnish.purged
    assert (host(article), "/feed/") in varnish.purged


def test_a_purge_varnish_refuses_is_tried_again(
    article, varnish, django_capture_on_commit_callbacks
):
    varnish.failures_left = 2
    with django_capture_on_commit_callbacks(execute=True):
        purge_page(article)
    assert (host(article), article.url) in varnish.purged


@pytest.mark.django_db(transaction=True, serialized_rollback=True)
def test_with_the_database_backend_the_worker_sends_the_purges(article, varnish, settings):
    settings.TASKS = {
        **settings.TASKS,
        "background": {
            "BACKEND": "django_tasks_db.DatabaseBackend",
            "QUEUES": settings.TASK_QUEUES,
        },
    }
    settings.TASK_RETRY_SECONDS = 0
    varnish.failures_left = 1
    purge_page(article)
    assert varnish.purged == []  # queued, not sent by the request
    (task,) = DBTaskResult.objects.all()
    assert task.task_path == "pagecache.tasks.purge_http_cache"
    assert task.args_kwargs["args"][0] == varnish.url

    call_command(
        "db_worker", "--backend=background", "--batch", "--no-startup-delay", "--interval=0"
    )
    statuses = list(DBTaskResult.objects.order_by("enqueued_at").values_list("status", flat=True))
    assert statuses == [TaskResultStatus.FAILED, TaskResultStatus.SUCCESSFUL]  # retried once
    assert (host(article), article.url) in varnish.purged


@pytest.mark.django_db(transaction=True, serialized_rollback=True)
def test_a_cdn_backend_is_purged_by_the_worker_and_its_settings_stay_out_of_the_queue(
    article, settings
):
    """Cloudflare and CloudFront are wrapped the same way; Wagtail's own HTTP backend stands
    in for them here, with a secret among its parameters."""
    settings.TASKS = {
        **settings.TASKS,
        "background": {
            "BACKEND": "django_tasks_db.DatabaseBackend",
            "QUEUES": settings.TASK_QUEUES,
        },
    }
    with fake_varnish() as cdn:
        settings.WAGTAILFRONTENDCACHE = {
            **settings.WAGTAILFRONTENDCACHE,
            "cdn": {
                "BACKEND": "pagecache.backends.QueuedBackend",
                "NAME": "cdn",
                "WRAPS": "wagtail.contrib.frontend_cache.backends.HTTPBackend",
                "LOCATION": cdn.url,
                "BEARER_TOKEN": "cdn-secret-token",
            },
        }
        purge_page(article)
        assert cdn.purged == []
        (task,) = DBTaskResult.objects.all()
        assert task.task_path == "pagecache.tasks.purge_cdn"
        assert task.args_kwargs["args"][0] == "cdn"
        assert "cdn-secret-token" not in str(task.args_kwargs)
        call_command("db_worker", "--backend=background", "--batch", "--no-startup-delay")
        assert (host(article), article.url) in cdn.purged
