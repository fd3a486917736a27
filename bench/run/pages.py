"""The load phase: gunicorn on the bench settings, every page under wrk, page cache off then on.

The phases that need the warm server (comment POSTs, moderation, the edge) run inside it,
after the pages, as `then`.
"""

from __future__ import annotations

import contextlib
import subprocess
from collections.abc import Callable, Iterator, Sequence

from tests.servers import Server, gunicorn_server

from .common import FLOOR, HOST, PAGES, Load, Run, log
from .load import worker_peak_rss_mb, wrk

Phase = Callable[[Run, Server], None]


def flush_redis(run: Run) -> None:
    run.command(
        ["redis-cli", "-h", HOST, "-n", str(run.args.redis_db), "FLUSHDB"],
        stdout=subprocess.DEVNULL,
    )


@contextlib.contextmanager
def app_server(run: Run, *, page_cache: bool) -> Iterator[Server]:
    """gunicorn as `make serve` runs it (gunicorn.conf.py), with the bench settings."""
    flush_redis(run)
    env = {**run.env, "PAGE_CACHE": "1" if page_cache else "0"}
    options = [
        "--config=gunicorn.conf.py",
        "--access-logfile=-" if run.args.access_log else "--error-logfile=-",
    ]
    with gunicorn_server(
        env,
        log=run.tmp / "gunicorn.log",
        workers=run.args.workers,
        options=options,
        port=run.args.port,
        timeout=60,
    ) as server:
        yield server


def measure(run: Run, *, page_cache: bool, then: Sequence[tuple[str, Phase]] = ()) -> None:
    kind = "warm" if page_cache else "cold"
    with app_server(run, page_cache=page_cache) as server:
        try:
            if run.tools["wrk"]:  # without it, main() has noted why these rows are empty
                with run.phase(f"{kind} pages under load"):
                    load_pages(run, server, page_cache=page_cache)
            for name, phase in then:
                with run.phase(name):
                    phase(run, server)
        finally:
            rss = worker_peak_rss_mb(server.process.pid)
            run.results.peak_rss_mb = max(run.results.peak_rss_mb, rss)


def load_pages(run: Run, server: Server, *, page_cache: bool) -> None:
    target: dict[str, Load] = run.results.warm if page_cache else run.results.cold
    for label, path in [*PAGES, FLOOR]:
        for _ in range(2):  # warm the page cache / renditions / connections first
            reply = run.get(server.port, path)
        if reply.status != 200:
            raise RuntimeError(f"{path} answered {reply.status}")
        if page_cache and label != FLOOR[0] and reply.headers.get("X-Page-Cache") != "hit":
            run.results.notes.append(
                f"{label}: no page-cache hit before the warm run "
                f"(X-Page-Cache: {reply.headers.get('X-Page-Cache', 'absent')})"
            )
        target[label] = wrk(run, server.port, path)
        # Sampled after each run: gunicorn's max_requests recycles workers under load.
        rss = worker_peak_rss_mb(server.process.pid)
        run.results.peak_rss_mb = max(run.results.peak_rss_mb, rss)
        log(f"{'warm' if page_cache else 'cold'} {label}: {target[label]}")
