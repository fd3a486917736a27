"""`make bench`: its options, the phases in order, the printed report (scripts/bench.py)."""

from __future__ import annotations

import argparse
import os
import signal
import sys
from datetime import UTC, datetime

from . import comments, data, edge, moderation, pages, tools
from .common import Run, log
from .report import machine, report

# option: (full run, --quick smoke run, help)
SIZES = {
    "articles": (10_000, 60, "generated articles"),
    "small_articles": (1_000, 20, "articles at the first query count"),
    "comments": (200_000, 900, "approved comments"),
    "pending": (100_000, 200, "pending comments, in addition"),
    "people": (200, 12, "generated people"),
    "posts": (400, 20, "comment POSTs to time"),
    "duration": (10, 2, "seconds per wrk run"),
}


def parse_args(argv: list[str] | None = None) -> argparse.Namespace:
    parser = argparse.ArgumentParser(prog="scripts/bench.py", description=__doc__.split("\n", 1)[0])
    parser.add_argument(
        "--quick",
        action="store_true",
        help="a smoke run: every phase on a tiny data set, 2 s per wrk run (about 2 minutes; "
        "its figures prove the bench works, they measure nothing)",
    )
    for name, (full, quick, text) in SIZES.items():
        parser.add_argument(
            "--" + name.replace("_", "-"),
            type=int,
            default=None,
            help=f"{text} (default {full:,}; with --quick {quick:,})",
        )
    parser.add_argument("--connections", type=int, default=16)
    parser.add_argument("--threads", type=int, default=2)
    parser.add_argument("--workers", type=int, default=2, help="WEB_CONCURRENCY")
    parser.add_argument("--database", default="newsroom_bench")
    parser.add_argument("--pg-user", default=os.environ.get("PGUSER", "root"))
    parser.add_argument("--pg-port", type=int, default=5432)
    parser.add_argument("--redis-db", type=int, default=7)
    parser.add_argument("--port", type=int, default=None, help="gunicorn (default: a free one)")
    parser.add_argument("--varnish-port", type=int, default=None)
    parser.add_argument("--nginx-port", type=int, default=None)
    parser.add_argument(
        "--reuse-database", action="store_true", help="skip dropdb/createdb and generation"
    )
    parser.add_argument(
        "--no-install",
        action="store_true",
        help="never apt-get a missing wrk, varnish or nginx; their rows are not measured",
    )
    parser.add_argument(
        "--without",
        action="append",
        default=[],
        choices=list(tools.OPTIONAL),
        help="run as if this program were missing (repeatable), to try that path",
    )
    parser.add_argument("--keep-temp", action="store_true")
    parser.add_argument("--access-log", action="store_true")
    args = parser.parse_args(argv)
    for name, (full, quick, _) in SIZES.items():
        if getattr(args, name) is None:
            setattr(args, name, quick if args.quick else full)
    return args


def note_missing_tools(run: Run) -> None:
    """The rows a missing wrk, varnishd or nginx leaves empty, and why (printed under Notes)."""
    without = tuple(run.args.without)
    skipped = run.results.skipped
    if not run.tools["wrk"]:
        for what in ("pages", "varnish", "nginx"):
            skipped[what] = tools.not_measured("wrk", without)
    if not run.tools["varnishd"]:
        skipped.setdefault("varnish", tools.not_measured("varnishd", without))
    if not run.tools["nginx"]:
        skipped.setdefault("nginx", tools.not_measured("nginx", without))
    for reason in dict.fromkeys(skipped.values()):
        log(reason)


def run_phases(run: Run) -> None:
    """Each phase in order; one that fails is noted and the next runs, unless it needs the data
    the failed one was making."""
    args = run.args
    if not args.reuse_database:
        small, ready = args.small_articles, False
        with run.phase(f"fresh database, {small:,} articles"):
            data.fresh_database(run)
            data.collect_static(run)
            data.generate(run, small, args.comments * small // args.articles, 0)
            ready = True
        if not ready:
            return
        with run.phase(f"queries at {small:,} articles"):
            data.count_queries(run, small)
        ready = False
        with run.phase(f"data at {args.articles:,} articles"):
            data.generate(run, args.articles, args.comments, args.pending)
            ready = True
        if not ready:
            return
    else:
        with run.phase("static files"):
            data.collect_static(run)
    with run.phase(f"queries at {args.articles:,} articles"):
        data.count_queries(run, args.articles)
    with run.phase("pages, page cache off"):
        pages.measure(run, page_cache=False)
    with run.phase("pages, page cache on"):
        pages.measure(
            run,
            page_cache=True,
            then=[
                ("comment POSTs", comments.post_comments),
                ("moderation listing", moderation.listing),
                ("Varnish", edge.varnish),
                ("nginx", edge.nginx),
            ],
        )


def _terminated(*_) -> None:
    raise KeyboardInterrupt  # stop the servers and print what was measured, as Ctrl-C does


def main(argv: list[str] | None = None) -> int:
    args = parse_args(argv)
    problems = tools.required_problems(reuse_database=args.reuse_database)
    if problems:
        for problem in problems:
            print(f"make bench cannot start: {problem}", file=sys.stderr)
        return 2
    run = Run(args, tools.optional_tools(install=not args.no_install, without=tuple(args.without)))
    note_missing_tools(run)
    signal.signal(signal.SIGTERM, _terminated)
    started = datetime.now(UTC)
    status = 0
    try:
        run_phases(run)
    except KeyboardInterrupt:
        log("interrupted; stopping servers")
        run.results.notes.append("Interrupted: the figures above are those measured before.")
        status = 130
    finally:
        run.cleanup()
    print(f"## Benchmark, {started:%Y-%m-%d %H:%M} UTC\n")
    print(f"Machine: {machine()}. Command: `make bench` (scripts/bench.py).")
    print(
        f"Data: {args.articles:,} articles, {args.comments:,} approved + {args.pending:,} "
        f"pending comments, {args.people} people; gunicorn WEB_CONCURRENCY={args.workers}, "
        "PostgreSQL, Redis.\n"
    )
    print(report(run.results, args))
    return status or (1 if run.failed else 0)
