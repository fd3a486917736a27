"""Health endpoints for load balancers and orchestrators: /health/live and /health/ready.

The checks are django-health-check's (its ``Database`` check, and our two on its
``HealthCheck`` base); the views are ours, synchronous, because the package's view is async: under
gunicorn's sync workers each probe would start an event loop and a thread, and open and close
a database connection of its own. Here a probe uses the worker's own connection (so the first
probe after PostgreSQL returns reconnects it, as the first page does), and answers 503 rather
than 500, with a JSON body that names the failed checks and nothing about the servers.

- live: the process serves (no database, no cache): always 200.
- ready: the database answers ``SELECT 1``, every migration is applied, and Redis answers when
  it is configured. One query a probe once the migrations were seen applied (then remembered
  by this process: only a new deployment brings new migrations, and it starts new processes).
"""

from __future__ import annotations

import dataclasses
import logging
import time

from django.conf import settings
from django.core.cache import caches
from django.db import DEFAULT_DB_ALIAS, connections
from django.db.migrations.executor import MigrationExecutor
from django.http import HttpRequest, JsonResponse
from django.utils.cache import add_never_cache_headers
from django.views.decorators.http import require_safe
from health_check.base import HealthCheck
from health_check.checks import Database
from health_check.exceptions import HealthCheckException, ServiceUnavailable

logger = logging.getLogger(__name__)

_migrations_applied: set[str] = set()  # database aliases seen fully migrated by this process


@dataclasses.dataclass
class Migrations(HealthCheck):
    """Every migration the code knows is applied (a deployment may start before `migrate`)."""

    alias: str = DEFAULT_DB_ALIAS

    def run(self) -> None:
        if self.alias in _migrations_applied:
            return
        executor = MigrationExecutor(connections[self.alias])
        plan = executor.migration_plan(executor.loader.graph.leaf_nodes())
        if plan:
            raise ServiceUnavailable(f"{len(plan)} migrations not applied")
        _migrations_applied.add(self.alias)


@dataclasses.dataclass
class RedisCache(HealthCheck):
    """The shared cache answers: one GET through an alias that raises when Redis is down (the
    default alias ignores errors, so pages render without Redis; readiness must notice)."""

    alias: str = "comments"

    def run(self) -> None:
        try:
            caches[self.alias].get("health:ready")
        except Exception as exc:  # redis-py, socket or django-redis errors alike
            raise ServiceUnavailable(type(exc).__name__) from exc


def readiness_checks() -> dict[str, HealthCheck]:
    checks: dict[str, HealthCheck] = {"database": Database(), "migrations": Migrations()}
    if settings.REDIS_URL:
        checks["cache"] = RedisCache(alias=settings.COMMENTS_FLOOD_CACHE)
    return checks


def _no_store(response: JsonResponse) -> JsonResponse:
    add_never_cache_headers(response)  # no-cache, no-store, must-revalidate, private
    return response


@require_safe
def live(request: HttpRequest) -> JsonResponse:
    return _no_store(JsonResponse({"status": "ok"}))


@require_safe
def ready(request: HttpRequest) -> JsonResponse:
    results: dict[str, str] = {}
    failed: dict[str, str] = {}
    started = time.perf_counter()
    for name, check in readiness_checks().items():
        if "database" in failed and name == "migrations":
            results[name] = "skipped"  # cannot be read without the database
            continue
        try:
            check.run()
        except HealthCheckException as exc:
            results[name], failed[name] = "fail", str(exc)
        except Exception as exc:
            results[name], failed[name] = "fail", f"{type(exc).__name__}: {exc}"
        else:
            results[name] = "ok"
    if failed:
        # The reasons go to the log only: the endpoint is public, and a driver's message names
        # hosts and ports.
        logger.warning("Not ready: %s", "; ".join(f"{name}: {why}" for name, why in failed.items()))
    body = {
        "status": "fail" if failed else "ok",
        "checks": results,
        "duration_ms": round((time.perf_counter() - started) * 1000, 1),
    }
    response = JsonResponse(body, status=503 if failed else 200)
    if failed:
        response["Retry-After"] = "5"
        # Logged above with its reason; Django would add an ERROR line per probe.
        response._has_been_logged = True  # type: ignore[attr-defined]
    return _no_store(response)
