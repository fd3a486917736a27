"""The report: what a run measured as Markdown tables (docs/performance.md), targets included.

A measure that could not be taken (a missing program, a failed phase) shows as "n/a" or "not
measured", with the reason under Notes; whatever was measured is always printed.
"""

from __future__ import annotations

import os
from pathlib import Path

from .common import FLOOR, PAGES, Results

VARNISH_ROW = "Article through Varnish, req/s (p99 ms)"
NGINX_ROW = "Same HTML as a static file from nginx, req/s (p99 ms)"


def ratio(value: float | None, of: float | None) -> float | None:
    return value / of if value is not None and of else None


def pct(value: float | None) -> str:
    return "n/a" if value is None else f"{100 * value:.1f}%"


def report(results: Results, args) -> str:
    lines = []
    floor_cold, floor_warm = results.cold.get(FLOOR[0]), results.warm.get(FLOOR[0])
    lines += [
        f"### Pages: {args.connections} concurrent clients, {args.duration} s each "
        f"(wrk -t{args.threads} -c{args.connections} --latency)",
        "",
        "| Page | Cold req/s | Cold p50 ms | Cold p99 ms | Cold / floor "
        "| Warm req/s | Warm p50 ms | Warm p99 ms | Warm / floor |",
        "|---|--:|--:|--:|--:|--:|--:|--:|--:|",
    ]
    for label, _ in [*PAGES, FLOOR]:
        cold, warm = results.cold.get(label), results.warm.get(label)
        row = [label]
        row += cold.cells() if cold else ["–"] * 3
        row.append(pct(ratio(cold and cold.rps, floor_cold and floor_cold.rps)))
        row += warm.cells() if warm else ["–"] * 3
        row.append(pct(ratio(warm and warm.rps, floor_warm and floor_warm.rps)))
        lines.append("| " + " | ".join(row) + " |")
    if "pages" in results.skipped:
        lines += ["", results.skipped["pages"] + "."]
    sizes = sorted(results.queries)
    lines += [
        "",
        "### SQL queries per uncached request",
        "",
        "| Page | " + " | ".join(f"{n:,} articles" for n in sizes) + " |",
        "|---|" + "--:|" * len(sizes),
    ]
    for label, _ in PAGES:
        counts = [str(results.queries[n].get(label, "–")) for n in sizes]
        lines.append(f"| {label} | " + " | ".join(counts) + " |")
    if results.empty_caches:
        empty_sizes = sorted(results.empty_caches)
        lines += [
            "",
            "### Every cache empty (in-process, one request at a time, median of 10)",
            "",
            "Cold runs above switch the whole-page cache off; the article's Wagtail template",
            "fragments and the object caches stay on, as after a purge of one page. Here every",
            "cache is emptied before each request, as after a purge of everything.",
            "",
            "| Page | "
            + " | ".join(f"Queries, {n:,} articles" for n in empty_sizes)
            + f" | ms, {empty_sizes[-1]:,} articles |",
            "|---|" + "--:|" * (len(empty_sizes) + 1),
        ]
        for label, _ in PAGES:
            counts = [str(results.empty_caches[n].get(label, ("–", 0))[0]) for n in empty_sizes]
            ms = results.empty_caches[empty_sizes[-1]].get(label, (0, 0.0))[1]
            lines.append(f"| {label} | " + " | ".join(counts) + f" | {ms:.1f} |")
    accepted, attempted = results.posts
    lines += [
        "",
        "### Writes, moderation, memory, edge",
        "",
        "| Measure | Value |",
        "|---|--:|",
        f"| Comment POSTs/s ({accepted}/{attempted} accepted, {args.connections} clients) | "
        + (f"{results.post_rate:.1f}" if results.post_rate is not None else "n/a")
        + " |",
        f"| Moderation listing, {results.pending:,} pending (median of 7) | "
        + (f"{results.moderation_ms:.0f} ms" if results.moderation_ms is not None else "n/a")
        + " |",
        f"| Peak RSS of a gunicorn worker | {results.peak_rss_mb:.0f} MB |",
    ]
    lines += edge_rows(results)
    lines += ["", "### Targets", "", "| Target | Measured | Met |", "|---|--:|:-:|"]

    def target(name: str, measured: str, met: bool | None) -> None:
        verdict = "n/a" if met is None else ("met" if met else "**not met**")
        lines.append(f"| {name} | {measured} | {verdict} |")

    floor_rps = floor_warm.rps if floor_warm else None
    for label, _ in PAGES:
        warm = results.warm.get(label)
        share = ratio(warm and warm.rps, floor_rps)
        target(f"Warm {label} ≥ 50% of floor", pct(share), None if share is None else share >= 0.5)
    article = results.cold.get(PAGES[2][0])
    share = ratio(article and article.rps, floor_cold and floor_cold.rps)
    target("Uncached article ≥ 6% of floor", pct(share), None if share is None else share >= 0.06)
    target(
        f"Uncached article p99 < 100 ms at {args.connections} clients",
        f"{article.p99_ms:.1f} ms" if article else "n/a",
        None if article is None else article.p99_ms < 100,
    )
    if len(sizes) >= 2:
        small, large = results.queries[sizes[0]], results.queries[sizes[-1]]
        grown = [label for label, _ in PAGES if large.get(label, 0) > small.get(label, 0)]
        empty = [results.empty_caches.get(n, {}) for n in (sizes[0], sizes[-1])]
        grown += [
            f"{label} (every cache empty)"
            for label, _ in PAGES
            if empty[1].get(label, (0,))[0] > empty[0].get(label, (0,))[0]
        ]
        target(
            "Query counts flat in data size",
            "grew: " + ", ".join(grown) if grown else "flat",
            not grown,
        )
    target(
        "Moderation listing < 300 ms",
        f"{results.moderation_ms:.0f} ms" if results.moderation_ms is not None else "n/a",
        None if results.moderation_ms is None else results.moderation_ms < 300,
    )
    share = ratio(results.varnish and results.varnish.rps, results.nginx and results.nginx.rps)
    target(
        "Article via Varnish ≥ 50% of nginx static",
        pct(share),
        None if share is None else share >= 0.5,
    )
    notes = [*results.skipped.values(), *results.notes]
    if notes:
        lines += ["", "Notes:", ""] + [f"- {note}" for note in dict.fromkeys(notes)]
    return "\n".join(lines)


def edge_rows(results: Results) -> list[str]:
    """Varnish and nginx rows; one that was not measured says so (the reason is in Notes)."""
    if results.varnish and results.nginx:
        return [
            f"| {VARNISH_ROW} | {results.varnish.rps:,.0f} ({results.varnish.p99_ms:.1f}) |",
            f"| {NGINX_ROW} | {results.nginx.rps:,.0f} ({results.nginx.p99_ms:.1f}) |",
            f"| Varnish / nginx | {pct(ratio(results.varnish.rps, results.nginx.rps))} |",
        ]
    rows = []
    for label, load in ((VARNISH_ROW, results.varnish), (NGINX_ROW, results.nginx)):
        value = f"{load.rps:,.0f} ({load.p99_ms:.1f})" if load else "not measured (see Notes)"
        rows.append(f"| {label} | {value} |")
    return rows


def machine() -> str:
    cpu = "unknown CPU"
    try:
        for line in Path("/proc/cpuinfo").read_text().splitlines():
            if line.startswith("model name"):
                cpu = line.split(":", 1)[1].strip()
                break
    except OSError:
        pass
    mem = os.sysconf("SC_PAGE_SIZE") * os.sysconf("SC_PHYS_PAGES") / 2**30
    return f"{os.cpu_count()} CPUs ({cpu}), {mem:.0f} GB RAM"
