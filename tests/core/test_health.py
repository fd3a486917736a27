"""/health/live and /health/ready: what a load balancer or an orchestrator asks, and what it costs.

The database outage itself (a PostgreSQL cluster stopped under gunicorn) is in
tests/faults/test_database_outage.py.
"""

from __future__ import annotations

import logging

import pytest
from django.db import connection
from django.db.migrations.recorder import MigrationRecorder
from django.test.utils import CaptureQueriesContext

from core import health
from tests.servers import free_port

pytestmark = pytest.mark.django_db


@pytest.fixture(autouse=True)
def _forget_migrations_seen():
    health._migrations_applied.clear()
    yield
    health._migrations_applied.clear()


def test_live_answers_without_the_database_or_the_cache(client, django_assert_num_queries):
    with django_assert_num_queries(0):
        response = client.get("/health/live")
    assert response.status_code == 200
    assert response.json() == {"status": "ok"}
    assert "no-store" in response["Cache-Control"]


def test_ready_checks_database_and_migrations_in_one_query_once_migrations_were_seen(client):
    with CaptureQueriesContext(connection) as first:
        response = client.get("/health/ready")
    assert response.status_code == 200, response.content
    body = response.json()
    assert body["status"] == "ok"
    assert body["checks"] == {"database": "ok", "migrations": "ok"}
    assert "no-store" in response["Cache-Control"]
    assert len(first) <= 3  # SELECT 1, and the migration table the first time

    with CaptureQueriesContext(connection) as steady:
        again = client.get("/health/ready")
    assert again.status_code == 200
    assert [q["sql"] for q in steady] == ["SELECT 1"]


def test_ready_is_503_and_names_unapplied_migrations(client):
    MigrationRecorder.Migration.objects.filter(app="comments").latest("id").delete()
    response = client.get("/health/ready")
    assert response.status_code == 503
    assert response.json()["status"] == "fail"
    assert response.json()["checks"] == {"database": "ok", "migrations": "fail"}
    assert response["Retry-After"] == "5"
    assert "no-store" in response["Cache-Control"]


def test_ready_is_503_when_redis_is_configured_but_down(client, settings):
    dead = f"redis://127.0.0.1:{free_port()}/0"  # nothing listens there
    settings.REDIS_URL = dead
    settings.CACHES = {
        **settings.CACHES,
        "comments": {
            "BACKEND": "django_redis.cache.RedisCache",
            "LOCATION": dead,
            "OPTIONS": {"SOCKET_CONNECT_TIMEOUT": 0.5, "SOCKET_TIMEOUT": 0.5},
        },
    }
    response = client.get("/health/ready")
    assert response.status_code == 503
    assert response.json()["checks"] == {"database": "ok", "migrations": "ok", "cache": "fail"}
    # Pages still render without Redis (its errors are ignored for them): only readiness says.
    assert client.get("/health/live").status_code == 200


def test_the_body_names_the_check_but_never_the_reason(client, settings, caplog):
    settings.REDIS_URL = "redis://127.0.0.1:1/0"
    settings.CACHES = {
        **settings.CACHES,
        "comments": {
            "BACKEND": "django_redis.cache.RedisCache",
            "LOCATION": settings.REDIS_URL,
            "OPTIONS": {"SOCKET_CONNECT_TIMEOUT": 0.5},
        },
    }
    with caplog.at_level(logging.WARNING, logger="core.health"):
        response = client.get("/health/ready")
    assert b"127.0.0.1" not in response.content
    assert "Not ready: cache: Unavailable: ConnectionError" in caplog.text


def test_probes_are_never_cached(client, settings, home):
    settings.PAGE_CACHE_ENABLED = True
    for path in ("/health/live", "/health/ready"):
        for _ in range(2):
            response = client.get(path)
            assert response.status_code == 200
            assert "X-Page-Cache" not in response
            assert "no-store" in response["Cache-Control"]
    assert client.get("/").status_code == 200
    assert client.get("/")["X-Page-Cache"] == "hit"  # the page cache itself is on


def test_probes_are_debug_lines_while_pages_are_info(client, home, caplog):
    with caplog.at_level(logging.DEBUG, logger="core.requests"):
        client.get("/health/live")
        client.get("/health/ready")
        client.get("/")
    levels = {r.getMessage(): r.levelno for r in caplog.records if r.name == "core.requests"}
    assert levels == {
        "GET /health/live 200": logging.DEBUG,
        "GET /health/ready 200": logging.DEBUG,
        "GET / 200": logging.INFO,
    }


def test_an_address_locked_out_of_the_admin_still_gets_its_probes(client, settings):
    locked = "203.0.113.66"
    for attempt in range(settings.AXES_FAILURE_LIMIT):
        client.post(
            "/admin/login/",
            {"username": "eddie", "password": f"guess-{attempt}"},
            REMOTE_ADDR=locked,
        )
    again = client.post("/admin/login/", {"username": "eddie", "password": "x"}, REMOTE_ADDR=locked)
    assert again.status_code == 429
    assert client.get("/health/live", REMOTE_ADDR=locked).status_code == 200
    assert client.get("/health/ready", REMOTE_ADDR=locked).status_code == 200


def test_probes_take_get_and_head_only(client):
    assert client.post("/health/ready").status_code == 405
    assert client.head("/health/live").status_code == 200
