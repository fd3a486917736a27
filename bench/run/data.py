"""The data phase: a fresh database, generate_bench_data, SQL queries counted in this process."""

from __future__ import annotations

import os
import statistics
import sys
import time

from tests.servers import manage

from .common import HOST, PAGES, Run, log


def fresh_database(run: Run) -> None:
    args = run.args
    pg = {**os.environ, "PGHOST": HOST, "PGPORT": str(args.pg_port), "PGUSER": args.pg_user}
    log(f"fresh database {args.database}")
    run.command(["dropdb", "--if-exists", "--force", args.database], env=pg)
    run.command(["createdb", args.database], env=pg)
    manage("migrate", "--noinput", "-v0", env=run.env, timeout=900)


def collect_static(run: Run) -> None:
    """Into the run's temporary STATIC_ROOT: production's manifest storage needs the files."""
    manage("collectstatic", "--noinput", "-v0", env=run.env, timeout=900)


def generate(run: Run, articles: int, comments: int, pending: int) -> None:
    log(f"generate_bench_data --articles {articles} --comments {comments} --pending {pending}")
    started = time.monotonic()
    run.command(
        [
            sys.executable,
            "manage.py",
            "generate_bench_data",
            f"--articles={articles}",
            f"--comments={comments}",
            f"--pending={pending}",
            f"--people={run.args.people}",
        ]
    )
    run.results.generate_seconds[articles] = time.monotonic() - started


def count_queries(run: Run, articles: int) -> None:
    run.setup_django()
    from django.db import connection
    from django.test import Client
    from django.test.utils import CaptureQueriesContext

    connection.close()  # the data set just changed under a possibly open connection
    client = Client(HTTP_HOST=HOST)
    counts = {}
    for label, path in PAGES:
        first = client.get(path)  # builds image renditions and Wagtail's own caches
        if first.status_code != 200:
            raise RuntimeError(f"{path} answered {first.status_code}")
        client.get(path)  # the first render may store image data, which renews the caches
        with CaptureQueriesContext(connection) as queries:
            client.get(path)
        counts[label] = len(queries)
    run.results.queries[articles] = counts
    log(f"queries at {articles} articles: {counts}")
    render_with_empty_caches(run, client, articles)


def render_with_empty_caches(run: Run, client, articles: int) -> None:
    """The worst case behind the cold figures: every cache (fragments, object caches,
    Wagtail's own) emptied before each request, as right after a purge of everything."""
    from django.core.cache import caches
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    results = run.results.empty_caches.setdefault(articles, {})
    for label, path in PAGES:
        timings, count = [], 0
        for _ in range(10):
            for cache in caches.all():
                cache.clear()
            with CaptureQueriesContext(connection) as queries:
                started = time.perf_counter()
                client.get(path)
                timings.append((time.perf_counter() - started) * 1000)
            count = len(queries)
        results[label] = (count, statistics.median(timings))
    log(f"with every cache empty at {articles} articles: {results}")
